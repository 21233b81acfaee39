/**
 * The recorded pass counts of the peer suites (baseline.json): read, compared
 * and, with UPDATE_BASELINE=1, raised (never lowered).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('./baseline.json', import.meta.url));

export interface SuiteFigure {
  records: number;
  passed: number;
}

export function baseline(suite: 'petrarch-unit' | 'tabari-validate'): SuiteFigure {
  return JSON.parse(readFileSync(FILE, 'utf8'))[suite] as SuiteFigure;
}

/** Records a higher pass count when UPDATE_BASELINE=1; returns whether it did. */
export function raiseBaseline(suite: 'petrarch-unit' | 'tabari-validate', now: SuiteFigure): boolean {
  if (process.env.UPDATE_BASELINE !== '1') return false;
  const all = JSON.parse(readFileSync(FILE, 'utf8'));
  if (now.records !== all[suite].records || now.passed <= all[suite].passed) return false;
  all[suite] = now;
  writeFileSync(FILE, JSON.stringify(all, null, 2) + '\n');
  return true;
}

export const rate = (f: SuiteFigure) => `${f.passed}/${f.records} (${((100 * f.passed) / f.records).toFixed(1)}%)`;
