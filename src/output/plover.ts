/**
 * `--format plover`: one PLOVER 2.0 event record per line (JSONL, as the
 * PLOVER manual suggests), with the field names of the manual's "Data
 * Fields" chapter: id, date, actor, recipient, event, mode, context,
 * event_text, quad_code, event_scale, text, text_info, cite_info, coder.
 * dyad's own fields (CAMEO code, Goldstein, negation, trigger span, the rule
 * that fired) follow, as the manual allows ("providers should feel free to
 * include named fields beyond those provided here").
 */
import type { ActorRef, CodedEvent } from '../core/layers.js';
import { INTERNATIONAL, ROLES, parseActorCode } from './actor-code.js';
import { eventDate, eventId, gdeltQuad, sentenceText } from './event-fields.js';
import type { FormatContext, Formatter } from './formats.js';
import type { CodedDocument } from './schema.js';

/** A PLOVER entity object (manual: "Information object for entities"). */
export interface PloverEntity {
  /** 3-character top-level entity code: a country, or UNO, EUR, IGO, NGO, ISM, IMG, MNC */
  code: string;
  /** 3- or 6-character sector: GOV, MIL, GOVMIL ('' when the code has none) */
  sector: string;
  entity_text: string;
  /** the canonical name of the person, or of the actor when the code has no sector ("Russia") */
  identifier_text?: string;
  /** dyad: the full CAMEO actor code */
  cameo: string;
  /** dyad: character offsets of entity_text in the article */
  start: number;
  end: number;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[] | null;
  context: string[] | null;
  event_text: string[];
  quad_code: number | null;
  event_scale: number | null;
  text: string;
  text_info: { sequence: number; start: number; end: number };
  cite_info: { title: string; url?: string; publication?: string; language: 'en'; coder: string; codebook: string; version: string };
  coder: string;
  // dyad's fields
  article_id: string;
  cameo_code: string;
  cameo_label: string;
  goldstein: number;
  negated: boolean;
  modality?: string;
  trigger: { text: string; start: number; end: number };
  date_text?: { text: string; start: number; end: number };
  rule: { file: string; line: number; pattern?: string };
}

/**
 * PLOVER's entity code for a CAMEO actor code: the country; for international
 * actors the manual's non-state codes (UNO for the United Nations, EUR for the
 * European Union, IGO, NGO, ISM for non-governmental movements, IMG, MNC);
 * other codes (regions, UIS, INT) as CAMEO writes them.
 */
export function ploverEntityCode(cameo: string, countries?: ReadonlySet<string>): string {
  const p = parseActorCode(cameo, countries);
  if (!INTERNATIONAL.has(p.entity)) return p.entity;
  if (p.entity === 'IGO') {
    if (p.groups.includes('UNO')) return 'UNO';
    if (p.groups.includes('EEC') || p.groups[1] === 'EUR') return 'EUR';
    return 'IGO';
  }
  if (p.entity === 'NGM') return 'ISM';
  return p.entity;
}

function entity(ref: ActorRef | null, countries?: ReadonlySet<string>): PloverEntity[] {
  if (!ref) return [];
  const cameo = ref.code ?? '';
  const p = parseActorCode(cameo, countries);
  const sector = p.groups.slice(1).filter((g) => ROLES.has(g)).slice(0, 2).join('');
  const out: PloverEntity = {
    code: cameo ? ploverEntityCode(cameo, countries) : '',
    sector,
    entity_text: ref.text,
    cameo,
    start: ref.start,
    end: ref.end,
  };
  // the name identifies the entity when it is a person, or the code has no sector
  // ("Russia"); for "Chinese officials" (CHNGOV) the name "China" does not
  const id = ref.person ?? (sector ? undefined : ref.name);
  if (id) out.identifier_text = id;
  return [out];
}

export function ploverRecord(doc: CodedDocument, e: CodedEvent, index: number, ctx: FormatContext = {}): PloverRecord {
  const s = sentenceText(doc, e);
  const context = [...(e.plover.context ?? [])];
  // the manual's auxiliary mode "negation" goes in the context
  if (e.negated && !context.includes('negation')) context.push('negation');
  const scale = e.plover.type ? ctx.plover?.score(e.plover.type, e.plover.mode) : undefined;
  const quad = (e.plover.type ? ctx.plover?.quad(e.plover.type) : undefined) ?? gdeltQuad(e.cameo);
  const cite: PloverRecord['cite_info'] = {
    title: doc.title,
    language: 'en',
    coder: 'dyad',
    codebook: `CAMEO and PLOVER 2.0, dyad ontology ${doc.dyad.ontology}`,
    version: doc.dyad.schema,
  };
  if (doc.url) cite.url = doc.url;
  if (doc.source) cite.publication = doc.source;
  const r: PloverRecord = {
    id: eventId(doc, index),
    date: eventDate(doc, e),
    actor: entity(e.source, ctx.countries),
    recipient: entity(e.target, ctx.countries),
    event: e.plover.type ? [e.plover.type] : [],
    mode: e.plover.mode ? [e.plover.mode] : null,
    context: context.length ? context : null,
    event_text: [e.trigger.text],
    quad_code: quad,
    event_scale: scale ?? null,
    text: s.text,
    text_info: { sequence: e.sentence, start: s.start, end: s.end },
    cite_info: cite,
    coder: 'dyad',
    article_id: doc.id,
    cameo_code: e.cameo,
    cameo_label: e.label,
    goldstein: e.goldstein,
    negated: e.negated,
    trigger: { text: e.trigger.text, start: e.trigger.start, end: e.trigger.end },
    rule: e.rule.pattern !== undefined ? { file: e.rule.file, line: e.rule.line, pattern: e.rule.pattern } : { file: e.rule.file, line: e.rule.line },
  };
  if (e.modality) r.modality = e.modality;
  if (e.dateText) r.date_text = { text: e.dateText.text, start: e.dateText.start, end: e.dateText.end };
  return r;
}

export function ploverFormatter(ctx: FormatContext): Formatter {
  return {
    article: (doc) =>
      doc.events
        .map((e, i) => (e.plover.type ? JSON.stringify(ploverRecord(doc, e, i, ctx)) + '\n' : ''))
        .join(''),
  };
}
