/**
 * A CodedDocument taken apart into the rows both backends store, and put
 * back together. Text is stored once, in the article row: every span's
 * `text` is dropped before storing (when it equals the slice of the article
 * text it points at, which it always should) and restored on reading.
 */
import type { CodedDocument, CodedEvent, Quote } from '../../output/schema.js';
import { contentHash } from '../content-hash.js';
import { eventId, eventKey } from '../event-key.js';

export interface ArticleRow {
  id: string;
  content_hash: string;
  title: string;
  /** '' when unknown */
  date: string;
  url: string | null;
  outlet: string | null;
  text: string;
  chars: number;
  schema_version: string;
  ontology: string;
  messages: string;
  n_mentions: number;
  n_actors: number;
  n_quotes: number;
  ingested_at: string;
}

export interface SentenceRow { idx: number; span_start: number; span_end: number; paragraph: number }

export interface ActorMentionRow {
  idx: number;
  span_start: number;
  span_end: number;
  sentence: number;
  code: string;
  kind: string;
  name: string | null;
  person: string | null;
  rule_file: string;
  rule_line: number;
}

export interface QuoteRow {
  idx: number;
  kind: string;
  span_start: number;
  span_end: number;
  sentence: number;
  speaker_code: string | null;
  /** lower-cased words that name the speaker: the text, name and person, for speaker search */
  speaker_words: string | null;
  date: string;
  data: string;
}

export interface MentionRow {
  idx: number;
  event: string;
  sentence: number;
  sent_start: number;
  sent_end: number;
  data: string;
}

/** An event as this document reports it, with how many mentions it has here. */
export interface EventRow {
  id: string;
  date: string;
  source: string;
  target: string;
  cameo: string;
  root: string;
  negated: number;
  label: string;
  plover_type: string;
  plover_mode: string | null;
  goldstein: number;
  quad: number;
  source_name: string | null;
  target_name: string | null;
  /** mentions in this document */
  mentions: number;
}

/** One actor code's contribution of this document. */
export interface ActorRow {
  code: string;
  name: string | null;
  kind: string | null;
  mentions: number;
  date: string | null;
}

export interface DocumentRows {
  article: ArticleRow;
  sentences: SentenceRow[];
  actorMentions: ActorMentionRow[];
  quotes: QuoteRow[];
  mentions: MentionRow[];
  /** distinct events, sorted by id (a stable lock order for concurrent writers) */
  events: EventRow[];
  /** actor codes named in text or on an event side, sorted by code */
  actors: ActorRow[];
}

const NAMED_KINDS = new Set(['country', 'capital', 'institution', 'organisation', 'group', 'community']);

/** One span without its text (marked for `restoreText`), when the text is the slice it points at. */
function stripSpan<T extends { start: number; end: number; text: string } | null | undefined>(sp: T, text: string): T {
  if (!sp || typeof sp.text !== 'string' || text.slice(sp.start, sp.end) !== sp.text) return sp;
  const { text: _drop, ...rest } = sp;
  return { ...rest, $t: 1 } as unknown as T;
}

/** A coded event without the text of its spans (trigger, source, target, date expression). */
export function stripEvent(e: CodedEvent, text: string): CodedEvent {
  const out = { ...e, source: stripSpan(e.source, text), target: stripSpan(e.target, text), trigger: stripSpan(e.trigger, text) };
  if (e.dateText) out.dateText = stripSpan(e.dateText, text);
  return out;
}

/** A quote without the text of its spans: its own, its cue's and its speaker's. */
export function stripQuote(q: Quote, text: string): Quote {
  return { ...stripSpan(q, text), cue: stripSpan(q.cue, text), speaker: stripSpan(q.speaker, text) };
}

/** Puts back the `text` of every span `stripSpan` took it from (any object marked `$t`). */
export function restoreText<T>(value: T, text: string): T {
  if (Array.isArray(value)) return value.map((v) => restoreText(v, text)) as T;
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === '$t') continue;
    out[k] = restoreText(v, text);
  }
  if (o.$t === 1) out.text = text.slice(o.start as number, o.end as number);
  return out as T;
}

function rootOf(cameo: string): string {
  return cameo.slice(0, 2);
}

/** The rows of one document. `now` is the ingest time (ISO 8601). */
export function documentRows(doc: CodedDocument, now: string): DocumentRows {
  const text = doc.text;
  const article: ArticleRow = {
    id: doc.id,
    content_hash: contentHash(text),
    title: doc.title,
    date: doc.date ?? '',
    url: doc.url ?? null,
    outlet: doc.source ?? null,
    text,
    chars: text.length,
    schema_version: doc.dyad.schema,
    ontology: doc.dyad.ontology,
    messages: JSON.stringify(doc.messages),
    n_mentions: doc.events.length,
    n_actors: doc.actors.length,
    n_quotes: doc.quotes.length,
    ingested_at: now,
  };
  const sentences = doc.sentences.map((s, idx) => ({ idx, span_start: s.start, span_end: s.end, paragraph: s.paragraph }));
  const actorMentions = doc.actors.map((a, idx) => ({
    idx,
    span_start: a.start,
    span_end: a.end,
    sentence: a.sentence,
    code: a.code,
    kind: a.kind,
    name: a.name ?? null,
    person: a.person ?? null,
    rule_file: a.rule.file,
    rule_line: a.rule.line,
  }));
  const quotes = doc.quotes.map((q: Quote, idx) => {
    const sp = q.speaker;
    const words = sp ? [sp.text, sp.name, sp.person].filter((x): x is string => !!x).join(' | ').toLowerCase() : null;
    return {
      idx,
      kind: q.kind,
      span_start: q.start,
      span_end: q.end,
      sentence: q.sentence,
      speaker_code: sp?.code ?? null,
      speaker_words: words || null,
      date: article.date,
      data: JSON.stringify(stripQuote(q, text)),
    };
  });
  const events = new Map<string, EventRow>();
  const mentions: MentionRow[] = [];
  doc.events.forEach((e: CodedEvent, idx) => {
    const id = eventId(eventKey(e));
    const s = doc.sentences[e.sentence];
    mentions.push({
      idx,
      event: id,
      sentence: e.sentence,
      sent_start: s ? s.start : e.trigger.start,
      sent_end: s ? s.end : e.trigger.end,
      data: JSON.stringify(stripEvent(e, text)),
    });
    const prev = events.get(id);
    if (prev) {
      prev.mentions++;
      return;
    }
    events.set(id, {
      id,
      date: e.date ?? '',
      source: e.source?.code ?? '',
      target: e.target?.code ?? '',
      cameo: e.cameo,
      root: rootOf(e.cameo),
      negated: e.negated ? 1 : 0,
      label: e.label,
      plover_type: e.plover.type,
      plover_mode: e.plover.mode ?? null,
      goldstein: e.goldstein,
      quad: e.quad,
      source_name: e.source?.name ?? null,
      target_name: e.target?.name ?? null,
      mentions: 1,
    });
  });
  const actors = new Map<string, ActorRow>();
  const date = doc.date;
  for (const a of doc.actors) {
    const named = NAMED_KINDS.has(a.kind) ? a.name ?? null : null;
    const r = actors.get(a.code);
    if (r) {
      r.mentions++;
      r.name ??= named;
    } else {
      actors.set(a.code, { code: a.code, name: named, kind: a.kind, mentions: 1, date });
    }
  }
  for (const e of events.values()) {
    for (const code of [e.source, e.target]) {
      if (code && !actors.has(code)) actors.set(code, { code, name: null, kind: null, mentions: 0, date });
    }
  }
  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((x) => x[1]);
  return { article, sentences, actorMentions, quotes, mentions, events: byKey(events), actors: byKey(actors) };
}

/** Which actor codes a set of new events adds as source and as target. */
export function sideCounts(events: readonly Pick<EventRow, 'source' | 'target'>[]): Map<string, { asSource: number; asTarget: number }> {
  const m = new Map<string, { asSource: number; asTarget: number }>();
  const get = (c: string) => {
    let r = m.get(c);
    if (!r) m.set(c, (r = { asSource: 0, asTarget: 0 }));
    return r;
  };
  for (const e of events) {
    if (e.source) get(e.source).asSource++;
    if (e.target) get(e.target).asTarget++;
  }
  return m;
}
