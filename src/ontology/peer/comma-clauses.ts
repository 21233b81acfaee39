/**
 * Comma-delimited clause elimination, as TABARI and PETRARCH do it before
 * coding: a short clause set off by commas ("Gollum, centre of a row between
 * Radagast the Brown, called on Gondor") is taken out, so the words around it
 * join up ("Gollum called on Gondor"). The settings give the lengths, in
 * words, of the clauses taken out: internal (between two commas), terminal
 * (after the last comma) and initial (before the first); a max of 0 turns
 * that kind off.
 *
 * PETRARCH's defaults (PETR_config.ini, "based on TABARI"): internal 2–8,
 * terminal 2–8, initial off. TABARI's validation suite resets its own to
 * internal 2–10, terminal 2–10, initial off (its COMMA-Cancel record).
 */
import type { Tokenizer } from '../../nlp/wink.js';
import type { CommaSettings } from './tabari-options.js';

export const PETRARCH_COMMAS: CommaSettings = { min: 2, max: 8, emin: 2, emax: 8, bmin: 0, bmax: 0 };
export const TABARI_COMMAS: CommaSettings = { min: 2, max: 10, emin: 2, emax: 10, bmin: 255, bmax: 0 };

const within = (n: number, lo: number, hi: number) => hi > 0 && n >= lo && n <= hi;

export interface CommaResult {
  text: string;
  /** the clauses taken out, as written */
  removed: string[];
}

/**
 * `adjectiveCommas`: a comma between two adjectives ("complete, full
 * diplomatic ties") delimits no clause, as in PETRARCH, whose commas are
 * those of its parse; TABARI, with no parts of speech, counts every comma.
 */
export function eliminateCommaClauses(text: string, tokenizer: Tokenizer, settings: CommaSettings | null, adjectiveCommas = false): CommaResult {
  if (!settings) return { text, removed: [] };
  const raw = tokenizer.analyse(text);
  const n = raw.values.length;
  // token offsets, as the tokens stage finds them
  const start: number[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    offset += raw.spaces[i]!.length;
    const v = raw.values[i]!;
    let s = offset;
    if (!text.startsWith(v, offset)) {
      const f = text.indexOf(v, offset);
      s = f >= 0 ? f : offset;
    }
    start.push(s);
    offset = s + v.length;
  }
  const drop = new Uint8Array(n);
  const isWord = (i: number) => raw.types[i] !== 'punctuation' && raw.types[i] !== 'symbol' && raw.values[i]!.trim() !== '';
  for (const [a, b] of raw.sentences) {
    const commas: number[] = [];
    for (let i = a; i <= b; i++) {
      if (raw.values[i] !== ',') continue;
      // the tagger takes "full" in "complete, full diplomatic ties" for an adverb: one before an adjective is a modifier too
      const modifierAfter = raw.pos[i + 1] === 'ADJ' || (raw.pos[i + 1] === 'ADV' && (raw.pos[i + 2] === 'ADJ' || raw.pos[i + 2] === 'NOUN'));
      if (adjectiveCommas && i > a && i < b && raw.pos[i - 1] === 'ADJ' && modifierAfter) continue;
      commas.push(i);
    }
    if (!commas.length) continue;
    const words = (from: number, to: number) => {
      let w = 0;
      for (let i = from; i < to; i++) if (isWord(i)) w++;
      return w;
    };
    // a short noun phrase with no verb, before a stretch that holds "and" or "or": a list member
    const listMember = (from: number, to: number, nextComma: number): boolean => {
      if (words(from, to) > 3) return false;
      for (let i = from; i < to; i++) if (raw.pos[i] === 'VERB' || raw.pos[i] === 'AUX' || raw.pos[i] === 'ADP') return false;
      for (let i = to + 1; i < nextComma; i++) if (/^(and|or|nor)$/i.test(raw.values[i]!)) return true;
      return false;
    };
    // the sentence's final punctuation stays
    let last = b;
    while (last > a && !isWord(last) && raw.values[last] !== ',') last--;
    // internal clauses first; the initial and terminal clauses are then those of what is left
    for (let k = 0; k + 1 < commas.length; k++) {
      const c1 = commas[k]!;
      const c2 = commas[k + 1]!;
      if (drop[c1]) continue;
      if (!within(words(c1 + 1, c2), settings.min, settings.max)) continue;
      // a member of a list ("Mordor, the Shire, Fornost and Bree") is no clause
      if (listMember(c1 + 1, c2, k + 2 < commas.length ? commas[k + 2]! : b)) continue;
      for (let i = c1; i <= c2; i++) drop[i] = 1;
    }
    // then the initial and terminal clauses, at the first and last commas, unless taking them out
    // would leave the sentence without a verb ("Arnor's foreign minister, in remarks published on
    // Monday, urged Eriador ...": the terminal stretch is the main clause)
    const verbLeft = (from: number, to: number) => {
      for (let i = a; i <= b; i++) if (!drop[i] && (i < from || i > to) && (raw.pos[i] === 'VERB' || raw.pos[i] === 'AUX')) return true;
      return false;
    };
    const first = commas[0]!;
    const final = commas[commas.length - 1]!;
    if (within(words(a, first), settings.bmin, settings.bmax) && verbLeft(a, first)) for (let i = a; i <= first; i++) drop[i] = 1;
    // the last stretch of a list ("..., Fornost and Bree after a rift") is no clause either
    const before = commas.length > 1 ? commas[commas.length - 2]! : a - 1;
    const endsList = listMember(before + 1, final, last + 1);
    if (!endsList && within(words(final + 1, last + 1), settings.emin, settings.emax) && verbLeft(final, last)) {
      for (let i = final; i <= last; i++) drop[i] = 1;
    }
  }
  if (!drop.some((d) => d)) return { text, removed: [] };
  let out = '';
  const removed: string[] = [];
  let cur = '';
  for (let i = 0; i < n; i++) {
    const v = raw.values[i]!;
    if (drop[i]) {
      cur += (cur ? raw.spaces[i] : '') + v;
      continue;
    }
    if (cur) {
      removed.push(cur.trim());
      cur = '';
    }
    const sp = raw.spaces[i]!;
    out += (out && !sp && drop[i - 1] ? ' ' : sp) + v;
  }
  if (cur) removed.push(cur.trim());
  void start;
  return { text: out.trim(), removed };
}
