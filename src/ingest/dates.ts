import * as chrono from 'chrono-node';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * An article's publication date from metadata, as `YYYY-MM-DD`: ISO dates and
 * datetimes keep the day as written; RFC 2822 feed dates and free forms
 * ("January 27, 2022", "27 Jan 2022") go through chrono-node. Null when no
 * date can be read.
 */
export function normalizeDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') {
    const d = new Date(value > 1e11 ? value : value * 1000);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  const s = String(value).trim();
  const iso = ISO_DAY.exec(s);
  if (iso) return validDay(`${iso[1]}-${iso[2]}-${iso[3]}`);
  if (/^\d{8}$/.test(s)) return validDay(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
  const parsed = chrono.parseDate(s, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  if (parsed && !Number.isNaN(parsed.getTime())) {
    const y = parsed.getFullYear();
    return validDay(`${y}-${String(parsed.getMonth() + 1).padStart(2, '0')}-${String(parsed.getDate()).padStart(2, '0')}`);
  }
  return null;
}

function validDay(s: string): string | null {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}
