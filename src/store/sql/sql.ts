/**
 * The little SQL vocabulary both backends share: a parameter list that
 * writes `?` (SQLite) or `$n` (PostgreSQL), the two functions whose names
 * differ, and casts PostgreSQL needs so its aggregates come back as numbers.
 * Every value goes in as a parameter; nothing from a caller is spliced into
 * SQL text.
 */
import { DyadError } from '../../core/errors.js';

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** the n-th placeholder (1-based) */
  placeholder(n: number): string;
  /** 1-based position of `needle` in `hay`, 0 when absent */
  strpos(hay: string, needle: string): string;
  /** an aggregate that must come back as a JS number (int) */
  int(expr: string): string;
  /** an aggregate that must come back as a JS number (float) */
  float(expr: string): string;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  placeholder: () => '?',
  strpos: (hay, needle) => `instr(${hay}, ${needle})`,
  int: (e) => e,
  float: (e) => `(${e}) * 1.0`,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  placeholder: (n) => `$${n}`,
  strpos: (hay, needle) => `strpos(${hay}, ${needle})`,
  int: (e) => `(${e})::int`,
  float: (e) => `(${e})::float8`,
};

/** Collects parameters and hands out their placeholders. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly d: Dialect) {}
  /** the placeholder of a new parameter with this value */
  add(v: unknown): string {
    this.values.push(v);
    return this.d.placeholder(this.values.length);
  }
}

/** The smallest string greater than every string that starts with `prefix` (for index range scans). */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** `col >= p AND col < p'`: a prefix match that can use an index, on both backends alike. */
export function prefixCond(col: string, prefix: string, p: Params): string {
  return `(${col} >= ${p.add(prefix)} AND ${col} < ${p.add(prefixEnd(prefix))})`;
}

const CODE = /^[A-Za-z0-9]{1,32}$/;

/** Actor or CAMEO code prefixes from a filter value, upper-cased and checked. */
export function codeList(v: string | string[] | undefined, what: string): string[] {
  if (v === undefined) return [];
  const list = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter((x) => x !== '');
  for (const c of list) {
    if (!CODE.test(c)) throw new DyadError('E_USAGE', `${what} "${c}" should be letters and digits (a code or the start of one)`);
  }
  return list.map((c) => c.toUpperCase());
}

/** Any of the prefixes on the column (or true when there are none). */
export function anyPrefix(col: string, prefixes: readonly string[], p: Params): string | null {
  if (!prefixes.length) return null;
  const parts = prefixes.map((x) => prefixCond(col, x, p));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a `YYYY-MM-DD` date argument. */
export function checkDate(v: string | undefined, what: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !ISO.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new DyadError('E_USAGE', `${what} "${String(v)}" should be a date as YYYY-MM-DD`);
  }
  return v;
}

/** Checks a page size. */
export function checkLimit(v: number | undefined, dflt: number, max: number, what = 'limit'): number {
  if (v === undefined || v === null) return dflt;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new DyadError('E_USAGE', `${what} should be a whole number from 1 to ${max} (got ${String(v)})`);
  return v;
}

/** The tally columns of a GROUP BY over events `e` (see Tally in ../types.ts). */
export function tallyColumns(d: Dialect): string {
  const q = (n: number) => `${d.int(`sum(CASE WHEN e.quad = ${n} THEN 1 ELSE 0 END)`)} AS q${n}`;
  return [
    `${d.int('count(*)')} AS events`,
    `${d.int('sum(e.mentions)')} AS mentions`,
    `${d.float('sum(e.goldstein)')} AS gsum`,
    `${d.float('sum(CASE WHEN e.quad IN (3, 4) AND e.goldstein < 0 THEN -e.goldstein ELSE 0 END)')} AS severity`,
    q(0), q(1), q(2), q(3), q(4),
  ].join(', ');
}

export interface TallyRow {
  events: number;
  mentions: number;
  gsum: number;
  severity: number;
  q0: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}
