/**
 * Span scores for attribution: precision, recall and F1 of predicted spans
 * against gold spans, one role at a time (source, cue, content), matched one
 * to one, in two ways:
 *
 *  - exact:   the same characters, once both sides are normalised the same
 *             way (see `normalise`: edges trimmed of spaces, punctuation and
 *             quote marks; pieces with only those between them joined);
 *  - overlap: at least one character in common (each gold span matches at
 *             most one prediction, the one it overlaps most).
 *
 * A span is a list of fragments (discontinuous spans: a split quotation).
 */
import type { Span } from '../src/core/span.js';

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tpPred: number, predicted: number, tpGold: number, gold: number): Prf {
  const precision = predicted ? tpPred / predicted : 0;
  const recall = gold ? tpGold / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: tpGold, predicted, gold, precision, recall, f1 };
}

/** edge characters that conventions disagree on: spaces, quote marks, punctuation */
const EDGE = /[\s"“”„‟«»‹›'‘’‚`.,;:!?…—–\-()[\]]/;

export interface NormaliseOptions {
  /** drop a leading complementizer "that " (PolNeAR includes it in the content, dyad does not) */
  that?: boolean;
}

/** fragments trimmed of edge punctuation and quote marks, merged, in order */
export function normalise(text: string, fragments: readonly Span[], opts: NormaliseOptions = {}): Span[] {
  const out: Span[] = [];
  const sorted = [...fragments].sort((a, b) => a.start - b.start);
  sorted.forEach((f, i) => {
    let s = f.start;
    let e = Math.min(f.end, text.length);
    for (;;) {
      const before = s;
      while (s < e && EDGE.test(text[s]!)) s++;
      if (opts.that && i === 0 && /^that\s/i.test(text.slice(s, s + 5))) s += 5;
      if (s === before) break;
    }
    while (e > s && EDGE.test(text[e - 1]!)) e--;
    if (e <= s) return;
    const last = out[out.length - 1];
    // pieces with only spaces, punctuation or quote marks between them are one span
    // (annotators cut a quotation sentence by sentence, dyad by its marks)
    if (last && (s <= last.end || onlyEdge(text, last.end, s))) last.end = Math.max(last.end, e);
    else out.push({ start: s, end: e });
  });
  return out;
}

function onlyEdge(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!EDGE.test(text[i]!)) return false;
  return true;
}

export function key(spans: readonly Span[]): string {
  return spans.map((s) => `${s.start}-${s.end}`).join(',');
}

export function overlapLength(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

export interface Item {
  /** normalised fragments (for exact matching) */
  norm: Span[];
  /** raw fragments (for overlap matching) */
  raw: Span[];
}

export interface Matching {
  /** per predicted item: matched (exact / overlap) */
  predExact: boolean[];
  predOverlap: boolean[];
  goldExact: boolean[];
  goldOverlap: boolean[];
}

/** one-to-one matching of one role's predicted items against gold items (of the same document) */
export function match(pred: readonly Item[], gold: readonly Item[]): Matching {
  const predExact = pred.map(() => false);
  const goldExact = gold.map(() => false);
  const byKey = new Map<string, number[]>();
  gold.forEach((g, i) => {
    const k = key(g.norm);
    if (!g.norm.length) return;
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  pred.forEach((p, i) => {
    if (!p.norm.length) return;
    const list = byKey.get(key(p.norm));
    const j = list?.find((g) => !goldExact[g]);
    if (j !== undefined) {
      predExact[i] = true;
      goldExact[j] = true;
    }
  });
  // overlap: largest overlaps first
  const pairs: { p: number; g: number; n: number }[] = [];
  pred.forEach((p, i) => gold.forEach((g, j) => {
    const n = overlapLength(p.norm.length ? p.norm : p.raw, g.norm.length ? g.norm : g.raw);
    if (n > 0) pairs.push({ p: i, g: j, n });
  }));
  pairs.sort((x, y) => y.n - x.n);
  const predOverlap = pred.map(() => false);
  const goldOverlap = gold.map(() => false);
  for (const { p, g } of pairs) {
    if (predOverlap[p] || goldOverlap[g]) continue;
    predOverlap[p] = true;
    goldOverlap[g] = true;
  }
  return { predExact, predOverlap, goldExact, goldOverlap };
}
