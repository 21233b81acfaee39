/**
 * What the event formats (tsv, plover, gdelt) share: stable event ids, the
 * date split into its parts, the event's sentence, text-field escaping.
 */
import type { CodedEvent } from '../core/layers.js';
import type { CodedDocument } from './schema.js';

/**
 * An event's id: `<article id>-<n>`, n counting the article's events from 1
 * in the order of the jsonl `events` array. The same event has the same id in
 * every format, and on every run over the same article.
 */
export function eventId(doc: CodedDocument, index: number): string {
  return `${doc.id}-${index + 1}`;
}

export interface DateParts {
  /** YYYYMMDD */
  compact: string;
  year: string;
  month: string;
  day: string;
  /** YYYYMM */
  monthYear: string;
  /** the year plus the fraction of it elapsed at the start of the day, 4 decimals: 2022-01-26 → 2022.0685 */
  fraction: string;
}

const EMPTY_DATE: DateParts = { compact: '', year: '', month: '', day: '', monthYear: '', fraction: '' };

/** The parts of a `YYYY-MM-DD` date; all empty for null or anything else. */
export function dateParts(date: string | null | undefined): DateParts {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return EMPTY_DATE;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y);
  const t = Date.UTC(year, Number(mo) - 1, Number(d));
  const startOfYear = Date.UTC(year, 0, 1);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - startOfYear) / 86_400_000;
  const dayOfYear = (t - startOfYear) / 86_400_000;
  return {
    compact: `${y}${mo}${d}`,
    year: y,
    month: String(Number(mo)),
    day: String(Number(d)),
    monthYear: `${y}${mo}`,
    fraction: (year + dayOfYear / daysInYear).toFixed(4),
  };
}

/** The event's date, else the article's: what every event row is dated with. */
export function eventDate(doc: CodedDocument, e: CodedEvent): string | null {
  return e.date ?? doc.date ?? null;
}

/** The text of the event's sentence. */
export function sentenceText(doc: CodedDocument, e: CodedEvent): { text: string; start: number; end: number } {
  const s = doc.sentences[e.sentence];
  if (!s) return { text: '', start: e.trigger.start, end: e.trigger.end };
  return { text: doc.text.slice(s.start, s.end), start: s.start, end: s.end };
}

/** The paragraph the event's sentence is in (0 = the headline when the article has one). */
export function paragraphOf(doc: CodedDocument, e: CodedEvent): number {
  return doc.sentences[e.sentence]?.paragraph ?? -1;
}

/**
 * A value for a tab-separated field: backslash, tab, newline and carriage
 * return written as `\\`, `\t`, `\n`, `\r` (PostgreSQL's COPY text format), so
 * a record is always one line of exactly as many fields as the header.
 */
export function tsvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Undoes tsvField (for readers and tests). */
export function unescapeTsvField(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_, c: string) => (c === '\\' ? '\\' : c === 't' ? '\t' : c === 'n' ? '\n' : '\r'));
}

/** One TSV line from values. */
export function tsvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(tsvField).join('\t') + '\n';
}

/** GDELT's quad class of a CAMEO code, from its root: 1 (01–05), 2 (06–08), 3 (09–13), 4 (14–20). */
export function gdeltQuad(cameo: string): number | null {
  const r = Number(cameo.slice(0, 2));
  if (!Number.isInteger(r) || r < 1 || r > 20) return null;
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}
