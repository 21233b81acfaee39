/**
 * Rows out of the CLI's store commands in three forms: CSV (RFC 4180, a
 * header line, for spreadsheets and R/pandas), JSONL (one JSON object a
 * line) and a plain-text table for the terminal.
 */
export type RowFormat = 'csv' | 'jsonl' | 'table';

export interface Column<T> {
  name: string;
  value: (row: T) => string | number | boolean | null | undefined;
  /** right-align in tables (numbers) */
  right?: boolean;
  /** widest a table cell may be before it is cut with … */
  max?: number;
}

export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes rows as they come (CSV, JSONL) or collects them for one aligned table. */
export class RowWriter<T> {
  private readonly held: T[] = [];
  private started = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly format: RowFormat,
    private readonly columns: readonly Column<T>[],
    /** the JSON object of a row for JSONL (default: the row itself) */
    private readonly json: (row: T) => unknown = (r) => r,
  ) {}

  write(rows: readonly T[]): void {
    if (this.format === 'table') {
      this.held.push(...rows);
      return;
    }
    let s = '';
    if (this.format === 'csv' && !this.started) s += this.columns.map((c) => csvField(c.name)).join(',') + '\r\n';
    this.started = true;
    for (const r of rows) {
      s += this.format === 'csv' ? this.columns.map((c) => csvField(c.value(r))).join(',') + '\r\n' : JSON.stringify(this.json(r)) + '\n';
    }
    if (s) this.out.write(s);
  }

  /** Ends the output (prints the table; a CSV with no rows still gets its header). */
  end(note?: string): void {
    if (this.format === 'csv' && !this.started) this.out.write(this.columns.map((c) => csvField(c.name)).join(',') + '\r\n');
    if (this.format !== 'table') return;
    const cell = (c: Column<T>, r: T) => {
      const v = c.value(r);
      let s = v === null || v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : String(v);
      s = s.replace(/\s+/g, ' ');
      const max = c.max ?? 40;
      return s.length > max ? s.slice(0, max - 1) + '…' : s;
    };
    const cells = this.held.map((r) => this.columns.map((c) => cell(c, r)));
    const widths = this.columns.map((c, i) => Math.max(c.name.length, ...cells.map((row) => row[i]!.length)));
    const line = (vals: string[]) =>
      vals.map((v, i) => (this.columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
    let s = line(this.columns.map((c) => c.name));
    s += line(widths.map((w) => '-'.repeat(w)));
    for (const row of cells) s += line(row);
    if (!cells.length) s += '(none)\n';
    if (note) s += note + '\n';
    this.out.write(s);
  }
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
