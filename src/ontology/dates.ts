import { dictError } from './block-file.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A dictionary date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, widened to the first
 * (`edge = 'start'`) or last (`'end'`) day it covers.
 */
export function parseDictDate(s: string, edge: 'start' | 'end', file: string, line: number): string {
  const m = DATE.exec(s);
  if (!m) throw dictError(`"${s}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, file, line);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : edge === 'start' ? 1 : 12;
  if (month < 1 || month > 12) throw dictError(`"${s}" has no month ${month}`, file, line);
  const day = m[3] ? Number(m[3]) : edge === 'start' ? 1 : daysIn(year, month);
  if (day < 1 || day > daysIn(year, month)) throw dictError(`"${s}" has no day ${day}`, file, line);
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `FROM..TO` with either side empty (open); a single date means that day or period only. */
export function parseDateRange(
  s: string,
  file: string,
  line: number,
): { from: string | null; until: string | null } {
  const dots = s.indexOf('..');
  if (dots < 0) {
    return { from: parseDictDate(s, 'start', file, line), until: parseDictDate(s, 'end', file, line) };
  }
  const a = s.slice(0, dots).trim();
  const b = s.slice(dots + 2).trim();
  const from = a ? parseDictDate(a, 'start', file, line) : null;
  const until = b ? parseDictDate(b, 'end', file, line) : null;
  if (from && until && from > until) throw dictError(`the range ${s} ends before it starts`, file, line);
  return { from, until };
}

/** Whether `date` (YYYY-MM-DD) lies in the inclusive range; an unknown date is in every range. */
export function inRange(date: string | null, from: string | null, until: string | null): boolean {
  if (!date) return true;
  if (from && date < from) return false;
  if (until && date > until) return false;
  return true;
}
