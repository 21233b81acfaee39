/**
 * Calendar steps of a time series, on `YYYY-MM-DD` strings in UTC: days,
 * ISO weeks (Monday to Sunday) and calendar months.
 */
import type { Interval } from '../store/types.js';

const DAY = 86_400_000;

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `n` days after `date` (before, when `n` is negative). */
export function addDays(date: string, n: number): string {
  return fromMs(toMs(date) + n * DAY);
}

/** Days from `a` to `b` (`b − a`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY);
}

/** The first day of the step that holds `date`: itself, its week's Monday, or the 1st of its month. */
export function periodStart(date: string, interval: Interval): string {
  if (interval === 'day') return date.slice(0, 10);
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const ms = toMs(date);
  const dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return fromMs(ms - dow * DAY);
}

/** The first day of the step after the one starting on `start`. */
export function nextPeriod(start: string, interval: Interval): string {
  if (interval === 'day') return addDays(start, 1);
  if (interval === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last day of the step starting on `start`. */
export function periodEnd(start: string, interval: Interval): string {
  return addDays(nextPeriod(start, interval), -1);
}

/** The starts of every step from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  const last = periodStart(to, interval);
  for (let p = periodStart(from, interval); p <= last; p = nextPeriod(p, interval)) out.push(p);
  return out;
}

/** The period of the same length right before `[from, to]`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
