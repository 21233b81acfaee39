/**
 * `--format tsv`: one event per line, with a header. The first 26 columns are
 * the Phoenix data set's, in its order, so tools that read Phoenix files read
 * these; dyad's own columns follow (docs/output-schema.md, "tsv").
 */
import type { ActorRef, CodedEvent } from '../core/layers.js';
import { parseActorCode } from './actor-code.js';
import { dateParts, eventDate, eventId, tsvLine } from './event-fields.js';
import type { FormatContext, Formatter } from './formats.js';
import type { CodedDocument } from './schema.js';

/** Phoenix's columns, in order; `QuadClass` is named `PentaClass` under `--quad phoenix`, as in Phoenix. */
export const PHOENIX_COLUMNS = [
  'EventID',
  'Date',
  'Year',
  'Month',
  'Day',
  'SourceActorFull',
  'SourceActorEntity',
  'SourceActorRole',
  'SourceActorAttribute',
  'TargetActorFull',
  'TargetActorEntity',
  'TargetActorRole',
  'TargetActorAttribute',
  'EventCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScore',
  'Issues',
  'Lat',
  'Lon',
  'LocationName',
  'StateName',
  'CountryCode',
  'SentenceID',
  'URLs',
  'NewsSources',
] as const;

/** dyad's columns after Phoenix's. */
export const DYAD_COLUMNS = [
  'EventLabel',
  'PloverType',
  'PloverMode',
  'PloverContext',
  'Negated',
  'Modality',
  'SourceText',
  'SourceStart',
  'SourceEnd',
  'SourceName',
  'TargetText',
  'TargetStart',
  'TargetEnd',
  'TargetName',
  'TriggerText',
  'TriggerStart',
  'TriggerEnd',
  'DateText',
  'RuleFile',
  'RuleLine',
  'RulePattern',
  'ArticleID',
  'Sentence',
  'ArticleDate',
] as const;

export function tsvColumns(quad: FormatContext['quad'] = 'gdelt'): string[] {
  return [...PHOENIX_COLUMNS.map((c) => (c === 'QuadClass' && quad === 'phoenix' ? 'PentaClass' : c)), ...DYAD_COLUMNS];
}

function actorColumns(ref: ActorRef | null, countries: ReadonlySet<string> | undefined): string[] {
  const p = parseActorCode(ref?.code, countries);
  return [p.full, p.entity, p.role, p.attribute];
}

function refColumns(ref: ActorRef | null): (string | number)[] {
  if (!ref) return ['', '', '', ''];
  return [ref.text, ref.start, ref.end, ref.person ?? ref.name ?? ''];
}

/** The TSV values of one event, in `tsvColumns()` order. */
export function tsvRow(doc: CodedDocument, e: CodedEvent, index: number, ctx: FormatContext = {}): (string | number | boolean)[] {
  const d = dateParts(eventDate(doc, e));
  return [
    eventId(doc, index),
    d.compact,
    d.year,
    d.month,
    d.day,
    ...actorColumns(e.source, ctx.countries),
    ...actorColumns(e.target, ctx.countries),
    e.cameo,
    e.cameo.slice(0, 2),
    e.quad,
    e.goldstein,
    '', // Issues
    '', // Lat
    '', // Lon
    '', // LocationName
    '', // StateName
    '', // CountryCode (of the location)
    `${doc.id}_${e.sentence}`,
    doc.url ?? '',
    doc.source ?? '',
    e.label,
    e.plover.type,
    e.plover.mode ?? '',
    (e.plover.context ?? []).join(';'),
    e.negated,
    e.modality ?? '',
    ...refColumns(e.source),
    ...refColumns(e.target),
    e.trigger.text,
    e.trigger.start,
    e.trigger.end,
    e.dateText?.text ?? '',
    e.rule.file,
    e.rule.line,
    e.rule.pattern ?? '',
    doc.id,
    e.sentence,
    doc.date ?? '',
  ];
}

export function tsvFormatter(ctx: FormatContext): Formatter {
  return {
    header: () => tsvLine(tsvColumns(ctx.quad)),
    article: (doc) => doc.events.map((e, i) => tsvLine(tsvRow(doc, e, i, ctx))).join(''),
  };
}
