/** A dyad's time series from its day-by-root tallies. */
import type { DayTally, Interval, Series, SeriesPoint, Tally } from '../store/types.js';
import { addTally, emptyTally, goldsteinMean, round, tension } from './measures.js';
import { periodEnd, periodStart, periodsBetween } from './interval.js';

export interface SeriesSpec {
  source: string;
  target: string;
  interval: Interval;
  directed: boolean;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Rolls day tallies up into steps of the interval. The steps run from the
 * one holding `from` (or the first tally) to the one holding `to` (or the
 * last tally); steps without events are present with zeros, so a series
 * can be plotted as it is. Tallies outside `[from, to]` are ignored.
 */
export function buildSeries(rows: readonly DayTally[], spec: SeriesSpec): Series {
  const kept = rows.filter((r) => (!spec.from || r.date >= spec.from) && (!spec.to || r.date <= spec.to));
  const dates = kept.map((r) => r.date).sort();
  const from = spec.from ?? dates[0] ?? null;
  const to = spec.to ?? dates[dates.length - 1] ?? null;
  const steps = new Map<string, { t: Tally; roots: Record<string, number> }>();
  for (const r of kept) {
    const p = periodStart(r.date, spec.interval);
    let s = steps.get(p);
    if (!s) steps.set(p, (s = { t: emptyTally(), roots: {} }));
    addTally(s.t, r);
    s.roots[r.root] = (s.roots[r.root] ?? 0) + r.events;
  }
  const points: SeriesPoint[] = [];
  if (from !== null && to !== null && from <= to) {
    for (const p of periodsBetween(from, to, spec.interval)) {
      const s = steps.get(p);
      const t = s?.t ?? emptyTally();
      points.push({
        period: p,
        end: periodEnd(p, spec.interval),
        events: t.events,
        mentions: t.mentions,
        quad: { ...t.quad },
        roots: sortedRoots(s?.roots ?? {}),
        goldsteinSum: round(t.goldsteinSum, 4),
        goldsteinMean: goldsteinMean(t),
        tension: tension(t),
      });
    }
  }
  return { source: spec.source, target: spec.target, interval: spec.interval, directed: spec.directed, from, to, points };
}

function sortedRoots(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}
