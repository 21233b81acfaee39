/**
 * Event dates from the words near the trigger ("late Wednesday night",
 * "on Saturday", "last week"), resolved against the article date with
 * chrono-node. News reports the past: a bare weekday that chrono places after
 * the article date means the one before, unless the sentence speaks of the
 * future.
 */
import * as chrono from 'chrono-node';
import type { TextSpan } from '../../core/span.js';

const DATEISH =
  /\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(yesterday|today|tonight|overnight|last|next|earlier|ago)\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}-\d{2}-\d{2}\b/i;
const FUTURE = /\b(will|shall|next|upcoming|scheduled|plans? to|due to|is to|are to|expected to)\b/i;

export interface FoundDate {
  date: string;
  text: TextSpan;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export class DateResolver {
  private readonly ref: Date | null;
  private readonly cache = new Map<number, { results: chrono.ParsedResult[]; future: boolean }>();

  constructor(private readonly text: string, articleDate: string | null) {
    this.ref = articleDate ? new Date(`${articleDate}T12:00:00Z`) : null;
  }

  /** the date expression in sentence [start, end) nearest to `at`, as a date */
  near(sentenceIndex: number, start: number, end: number, at: number): FoundDate | null {
    if (!this.ref) return null;
    let parsed = this.cache.get(sentenceIndex);
    if (!parsed) {
      const s = this.text.slice(start, end);
      const results = DATEISH.test(s) ? chrono.parse(s, { instant: this.ref, timezone: 0 }) : [];
      parsed = { results, future: FUTURE.test(s) };
      this.cache.set(sentenceIndex, parsed);
    }
    let best: FoundDate | null = null;
    let bestDist = Infinity;
    for (const r of parsed.results) {
      const c = r.start;
      if (!c.isCertain('day') && !c.isCertain('weekday')) continue;
      let d = c.date();
      if (!c.isCertain('day') && c.isCertain('weekday') && d > this.ref && !parsed.future) {
        d = new Date(d.getTime() - 7 * 86400000);
      }
      const s0 = start + r.index;
      const e0 = s0 + r.text.length;
      const dist = at < s0 ? s0 - at : at > e0 ? at - e0 : 0;
      if (dist < bestDist) {
        bestDist = dist;
        best = { date: iso(d), text: { text: this.text.slice(s0, e0), start: s0, end: e0 } };
      }
    }
    return best;
  }
}
