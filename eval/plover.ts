/**
 * Scores dyad's event coding against PLOVER's gold-standard records
 * (../shared/data/plover/PLOVER_GSR_CAMEO.txt: 322 sentences, each with one
 * gold event). The records were coded against PLOVER 0.5b1; their older
 * labels are mapped to PLOVER 2.0 (DEMAND→REQUEST, DISAPPROVE→ACCUSE,
 * INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Their dates are all the placeholder
 * 2000-01-01, so sentences are coded with no date (people code by their latest
 * role).
 *
 * Scores, summed over records (micro-averaged):
 *  - type: the set of PLOVER types dyad codes for the sentence vs the gold type;
 *  - triple: the set of (source country, target country, type), countries being
 *    the first three letters of the actor codes ("-" for none), vs the gold
 *    pairs (every gold source with every gold target; a compound source with
 *    no target is reciprocal, as the gold coders wrote it);
 * and the confusion of gold type vs the types dyad coded ("NONE" when it coded
 * nothing).
 */
import { readFileSync } from 'node:fs';
import type { Engine } from '../src/engine.js';

export const LEGACY_TYPES: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/** CAMEO's older country codes used by the gold coders, mapped to ISO 3166 alpha-3 */
const LEGACY_COUNTRIES: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM', ROM: 'ROU' };

interface GoldActor {
  code?: string;
}
interface GoldRecord {
  id: string;
  event: string;
  text: string;
  source?: GoldActor[] | GoldActor | string;
  target?: GoldActor[] | GoldActor | string;
}

function actorCodes(v: GoldRecord['source']): string[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
  return list
    .map((a) => (typeof a === 'object' && a && typeof a.code === 'string' ? country(a.code) : ''))
    .filter((c) => c !== '');
}

export function country(code: string | null | undefined): string {
  if (!code) return '-';
  const c = code.slice(0, 3).toUpperCase();
  return LEGACY_COUNTRIES[c] ?? c;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export interface PloverEval {
  records: number;
  type: Score;
  triple: Score;
  confusion: Map<string, Map<string, number>>;
  perRecord: { id: string; gold: string; got: string[]; goldTriples: string[]; gotTriples: string[] }[];
}

export function loadGoldRecords(path: string): GoldRecord[] {
  const all = JSON.parse(readFileSync(path, 'utf8')) as GoldRecord[];
  return all.filter((r) => r.event && r.event !== 'DOCUMENT' && typeof r.text === 'string');
}

export function evaluatePlover(engine: Engine, records: GoldRecord[]): PloverEval {
  let ttp = 0, tfp = 0, tfn = 0, xtp = 0, xfp = 0, xfn = 0;
  const confusion = new Map<string, Map<string, number>>();
  const perRecord: PloverEval['perRecord'] = [];
  for (const r of records) {
    const gold = LEGACY_TYPES[r.event] ?? r.event;
    const doc = engine.code({ text: r.text, title: '', date: null, id: r.id });
    const events = doc.events.filter((e) => !e.negated && e.plover.type);
    const types = new Set(events.map((e) => e.plover.type));
    if (types.has(gold)) ttp++;
    else tfn++;
    tfp += [...types].filter((t) => t !== gold).length;

    const sources = actorCodes(r.source);
    const targets = actorCodes(r.target);
    const goldTriples = new Set<string>();
    if (targets.length) for (const s of sources) for (const t of targets) goldTriples.add(`${s}|${t}|${gold}`);
    else if (sources.length > 1) for (const s of sources) for (const t of sources) { if (s !== t) goldTriples.add(`${s}|${t}|${gold}`); }
    else for (const s of sources) goldTriples.add(`${s}|-|${gold}`);
    const gotTriples = new Set(events.map((e) => `${country(e.source?.code)}|${country(e.target?.code)}|${e.plover.type}`));
    for (const g of goldTriples) (gotTriples.has(g) ? xtp++ : xfn++);
    for (const g of gotTriples) if (!goldTriples.has(g)) xfp++;

    const row = confusion.get(gold) ?? new Map<string, number>();
    if (!types.size) row.set('NONE', (row.get('NONE') ?? 0) + 1);
    for (const t of types) row.set(t, (row.get(t) ?? 0) + 1);
    confusion.set(gold, row);
    perRecord.push({ id: r.id, gold, got: [...types], goldTriples: [...goldTriples], gotTriples: [...gotTriples] });
  }
  return { records: records.length, type: score(ttp, tfp, tfn), triple: score(xtp, xfp, xfn), confusion, perRecord };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatPloverEval(ev: PloverEval): string {
  const lines: string[] = [];
  lines.push(`PLOVER gold-standard records: ${ev.records}`);
  lines.push('                              P      R     F1    (tp/fp/fn)');
  for (const [name, s] of [['event type', ev.type], ['(source, target, type)', ev.triple]] as const) {
    lines.push(`  ${name.padEnd(24)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}    (${s.tp}/${s.fp}/${s.fn})`);
  }
  const types = [...new Set([...ev.confusion.keys(), ...[...ev.confusion.values()].flatMap((m) => [...m.keys()])])].sort();
  const cols = types.filter((t) => t !== 'NONE').concat('NONE');
  const abbrev = (t: string) => t.slice(0, 5);
  lines.push('');
  lines.push('confusion (rows: gold type; columns: types dyad coded for the sentence)');
  lines.push('             ' + cols.map((c) => abbrev(c).padStart(6)).join(''));
  for (const g of [...ev.confusion.keys()].sort()) {
    const row = ev.confusion.get(g)!;
    lines.push('  ' + g.padEnd(11) + cols.map((c) => String(row.get(c) ?? '').padStart(6)).join(''));
  }
  return lines.join('\n') + '\n';
}
