/**
 * `--format gdelt`: the 61 tab-separated columns of the GDELT 2.0 event
 * table, in GDELT's order and without a header (as GDELT publishes them),
 * filled with what dyad codes. Geography, tone and GDELT's cross-article
 * counts are left empty or at their one-article values (docs/output-schema.md,
 * "gdelt").
 */
import type { ActorRef, CodedEvent } from '../core/layers.js';
import { parseActorCode } from './actor-code.js';
import { dateParts, eventDate, gdeltQuad, paragraphOf, tsvLine } from './event-fields.js';
import type { FormatContext, Formatter } from './formats.js';
import type { CodedDocument } from './schema.js';

const ACTOR_COLUMNS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO_COLUMNS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** GDELT 2.0's event table columns, in order (GDELT 2.0 Event Codebook). */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR_COLUMNS.map((c) => `Actor1${c}`),
  ...ACTOR_COLUMNS.map((c) => `Actor2${c}`),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO_COLUMNS.map((c) => `Actor1Geo_${c}`),
  ...GEO_COLUMNS.map((c) => `Actor2Geo_${c}`),
  ...GEO_COLUMNS.map((c) => `ActionGeo_${c}`),
  'DATEADDED',
  'SOURCEURL',
];

function actorColumns(ref: ActorRef | null, countries: ReadonlySet<string> | undefined): string[] {
  if (!ref || !ref.code) return ACTOR_COLUMNS.map(() => '');
  const p = parseActorCode(ref.code, countries);
  const name = (ref.person ?? ref.name ?? ref.text).toUpperCase();
  return [
    p.full,
    name,
    p.country,
    p.knownGroup,
    '', // EthnicCode: dyad codes no ethnicity
    p.religions[0] ?? '',
    p.religions[1] ?? '',
    p.types[0] ?? '',
    p.types[1] ?? '',
    p.types[2] ?? '',
  ];
}

/** The 61 values of one event. `globalId` is GLOBALEVENTID. */
export function gdeltRow(doc: CodedDocument, e: CodedEvent, globalId: number, ctx: FormatContext = {}): (string | number)[] {
  const d = dateParts(eventDate(doc, e));
  const added = dateParts(doc.date);
  const paragraph = paragraphOf(doc, e);
  // GDELT marks events from the lead paragraph; dyad's paragraph 0 is the headline
  const hasHeadline = doc.title !== '';
  const root = paragraph === 0 || (hasHeadline && paragraph === 1) ? 1 : 0;
  const geo = () => ['0', '', '', '', '', '', '', ''];
  return [
    globalId,
    d.compact,
    d.monthYear,
    d.year,
    d.fraction,
    ...actorColumns(e.source, ctx.countries),
    ...actorColumns(e.target, ctx.countries),
    root,
    e.cameo,
    e.cameo.slice(0, 3),
    e.cameo.slice(0, 2),
    gdeltQuad(e.cameo) ?? '',
    e.goldstein,
    1, // NumMentions: this one mention
    1, // NumSources
    1, // NumArticles
    '', // AvgTone: dyad measures no tone
    ...geo(),
    ...geo(),
    ...geo(),
    added.compact ? `${added.compact}000000` : '',
    doc.url ?? doc.source ?? doc.id,
  ];
}

/**
 * Negated events ("did not attack") are left out: GDELT's table has no column
 * to mark them, and a row there says the event happened.
 */
export function gdeltFormatter(ctx: FormatContext): Formatter {
  let next = 1;
  return {
    article: (doc) =>
      doc.events
        .filter((e) => !e.negated)
        .map((e) => tsvLine(gdeltRow(doc, e, next++, ctx)))
        .join(''),
  };
}
