/**
 * Measures derived from tallies of events (docs/aggregation.md).
 *
 * Tension index, 0–100: the mean conflict severity per event,
 *
 *     tension = 100 × (C / N) × (S̄ / 10) = 10 × Σ_conflict max(0, −g) / N
 *
 * where N is the number of (non-negated) events, C of them are conflict
 * events (quad class 3 verbal conflict or 4 material conflict), g is an
 * event's Goldstein score (−10 … +10) and S̄ is the mean of max(0, −g) over
 * the conflict events. It is the share of conflict weighted by how severe
 * that conflict is on the Goldstein scale: 0 when there is no conflict,
 * 100 when every event is conflict at Goldstein −10; cooperation dilutes it.
 * Null when there are no events (no evidence is not zero tension).
 */
import type { Change, Measures, Tally } from '../store/types.js';

export function emptyTally(): Tally {
  return { events: 0, mentions: 0, goldsteinSum: 0, conflictSeverity: 0, quad: {} };
}

/** Adds `b` into `a` (and returns `a`). */
export function addTally(a: Tally, b: Tally): Tally {
  a.events += b.events;
  a.mentions += b.mentions;
  a.goldsteinSum += b.goldsteinSum;
  a.conflictSeverity += b.conflictSeverity;
  for (const [k, v] of Object.entries(b.quad)) {
    if (v) a.quad[Number(k)] = (a.quad[Number(k)] ?? 0) + v;
  }
  return a;
}

/** Rounds away the noise of summing floats in different orders (backends sum in their own order). */
export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** The tension index of a tally (see the top of this file), or null when it has no events. */
export function tension(t: Pick<Tally, 'events' | 'conflictSeverity'>): number | null {
  return t.events > 0 ? round((10 * t.conflictSeverity) / t.events, 4) : null;
}

export function goldsteinMean(t: Pick<Tally, 'events' | 'goldsteinSum'>): number | null {
  return t.events > 0 ? round(t.goldsteinSum / t.events, 4) : null;
}

export function measures(t: Tally): Measures {
  return {
    events: t.events,
    mentions: t.mentions,
    goldsteinSum: round(t.goldsteinSum, 4),
    goldsteinMean: goldsteinMean(t),
    tension: tension(t),
    quad: { ...t.quad },
  };
}

/** What changed from `before` to `now`. */
export function change(before: Measures, now: Measures): Change {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round(b - a, 4));
  return {
    events: now.events - before.events,
    eventsRatio: before.events > 0 ? round((now.events - before.events) / before.events, 4) : null,
    goldsteinMean: diff(before.goldsteinMean, now.goldsteinMean),
    tension: diff(before.tension, now.tension),
  };
}
