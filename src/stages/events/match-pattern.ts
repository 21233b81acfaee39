/** Matching verb patterns at a trigger: words, gaps, actor slots, sequences, forwards and backwards from the trigger. */
import { FLAG, POS } from '../../core/token-table.js';
import { setDense } from '../../core/dense.js';
import type { CompiledElement, CompiledEntry, CompiledPattern } from './compile-verbs.js';
import { MAX_GAP, type Ctx, isPunct } from './context.js';
import { compound, ofClass, isDeterminer } from './compound.js';

export interface PatternMatch {
  compiled: CompiledPattern | null;
  code: string;
  /** last token index the pattern used */
  end: number;
  first: number;
  used: number[];
  source?: number; // slot id
  target?: number; // slot id
  /** token where the first actor slot after the trigger starts */
  firstSlot?: number;
  /** the members of a compound actor the pattern's `%` matched */
  compound?: number[];
  /** the paired code: the target's event towards the source */
  paired?: string;
}

export function wordMatches(c: Ctx, el: CompiledElement & { kind: 'word' }, t: number): boolean {
  const n = c.tokens.norm[t]!;
  if (el.exact ? el.ids.has(n) : el.ids.has(c.tokens.lemma[t]!) || el.ids.has(n)) return true;
  // a stem (`restor*`) matches any word beginning with it, never punctuation
  return el.test !== undefined && !c.tokens.has(t, FLAG.PUNCT) && el.test(n);
}

function participleAt(c: Ctx, t: number): boolean {
  return t < c.s.tokenEnd && c.tokens.pos[t] === POS.VERB && /ing$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!));
}

/** Matches elements rightwards from token `from`; returns the end position or -1. */
export function matchForward(c: Ctx, els: CompiledElement[], from: number, m: PatternMatch): boolean {
  let pos = from;
  for (const el of els) {
    const limit = el.adjacent ? pos : Math.min(pos + (c.coding.patternGap ?? MAX_GAP), c.s.tokenEnd - 1);
    let found = -1;
    for (let t = pos; t <= limit && t < c.s.tokenEnd; t++) {
      if (t > pos && c.ids.hardStops.has(c.tokens.norm[t - 1]!) && t - 1 >= from) break;
      if (el.kind === 'word') {
        if (wordMatches(c, el, t)) {
          found = t;
          m.used.push(t);
          pos = t + 1;
          break;
        }
      } else if (el.kind === 'target' || el.kind === 'source') {
        const id = c.slots.idAt(t);
        if (id >= 0 && c.slots.slots[id]!.tokenStart === t && ofClass(c.slots.slots[id]!, el.actors) && !isDeterminer(c, c.slots.slots[id]!)) {
          found = t;
          if (m.firstSlot === undefined) m.firstSlot = t;
          if (el.kind === 'target') m.target = id;
          else m.source = id;
          pos = c.slots.slots[id]!.tokenEnd;
          break;
        }
        // an actor slot the pattern does not introduce with a preposition is the object itself:
        // the gap before it may hold determiners and adjectives ("met the visiting …"), not "in Paris"
        const p = c.tokens.pos[t]!;
        if (!c.coding.openSlots && (p === POS.ADP || p === POS.VERB || p === POS.AUX || p === POS.SCONJ)) break;
      } else if (el.kind === 'sequence') {
        const e = matchSequenceForward(c, el, t, m);
        if (e >= 0) {
          found = t;
          pos = e;
          break;
        }
      } else if (el.kind === 'compound' || el.kind === 'skip') {
        const e = matchActorForward(c, el.kind, t, m);
        if (e >= 0) {
          found = t;
          pos = e;
          break;
        }
      }
      if (isPunct(c, t) && c.tokens.norm[t] !== c.ids.comma && c.tokens.norm[t] !== c.ids.hyphen && !c.tokens.has(t, FLAG.QUOTE)) break;
      // "rejected Putin's conditions, calling them blackmail": a participle after a comma opens a clause of its own
      if (c.tokens.norm[t] === c.ids.comma && c.coding.patternGap === undefined && participleAt(c, t + 1)) break;
    }
    if (found < 0) return false;
    m.end = Math.max(m.end, pos - 1);
  }
  return true;
}

/** Matches elements leftwards from token `from` (elements nearest-first). */
export function matchBackward(c: Ctx, els: CompiledElement[], from: number, m: PatternMatch): boolean {
  let pos = from;
  for (const el of els) {
    const limit = el.adjacent ? pos : Math.max(pos - (c.coding.patternGap ?? MAX_GAP), c.s.tokenStart);
    let found = -1;
    for (let t = pos; t >= limit && t >= c.s.tokenStart; t--) {
      if (el.kind === 'word') {
        if (wordMatches(c, el, t)) {
          found = t;
          m.used.push(t);
          pos = t - 1;
          break;
        }
      } else if (el.kind === 'sequence') {
        const b = matchSequenceBackward(c, el, t, m);
        if (b >= 0) {
          found = t;
          pos = b - 1;
          break;
        }
      } else if (el.kind === 'compound') {
        const id = c.slots.idAt(t);
        const members = id >= 0 ? compound(c, id) : [];
        if (members.length > 1) {
          found = t;
          m.compound = members;
          pos = c.slots.slots[members[0]!]!.tokenStart - 1;
          break;
        }
      } else {
        const id = c.slots.idAt(t);
        // "The Red Cross operating in Iraq said": a place after a preposition is where the source is, not the source
        if (id >= 0 && el.kind === 'source' && !el.adjacent && !c.coding.sourceSearch && placeObject(c, c.slots.slots[id]!)) {
          t = c.slots.slots[id]!.tokenStart;
          continue;
        }
        if (id >= 0 && ((el.kind !== 'target' && el.kind !== 'source') || ofClass(c.slots.slots[id]!, el.actors))) {
          found = t;
          if (el.kind === 'target') m.target = id;
          else if (el.kind === 'source') m.source = id;
          pos = c.slots.slots[id]!.tokenStart - 1;
          break;
        }
      }
      // an aside in parentheses is passed over: "the European Union (EU) agree"
      if (c.tokens.norm[t] === c.ids.parenClose && !el.adjacent) {
        let k = t - 1;
        while (k > c.s.tokenStart && c.tokens.norm[k] !== c.ids.parenOpen) k--;
        if (c.tokens.norm[k] === c.ids.parenOpen) {
          t = k;
          continue;
        }
      }
      if (isPunct(c, t) && c.tokens.norm[t] !== c.ids.hyphen && !c.tokens.has(t, FLAG.QUOTE)) break;
    }
    if (found < 0) return false;
    m.first = Math.min(m.first, pos + 1);
  }
  return true;
}

/** A country or capital after a locative ("in Iraq", "at Kabul"): a place, not an actor acting. */
function placeObject(c: Ctx, slot: { tokenStart: number; actor: { kind: string }; viaCoref: boolean }): boolean {
  const before = slot.tokenStart - 1;
  return !slot.viaCoref && (slot.actor.kind === 'country' || slot.actor.kind === 'capital') && before >= c.s.tokenStart && c.ids.locatives.has(c.tokens.norm[before]!);
}

/**
 * A sequence element (`{a b | c}`, a set with phrases) starting at token t:
 * the first option that matches; returns the token after it, or -1.
 */
export function matchSequenceForward(c: Ctx, el: CompiledElement & { kind: 'sequence' }, t: number, m: PatternMatch): number {
  for (const option of el.options) {
    const sub: PatternMatch = { compiled: null, code: '', end: t - 1, first: t, used: [] };
    const glued = option.map((e, i) => (i === 0 ? ({ ...e, adjacent: true } as CompiledElement) : e));
    if (!matchForward(c, glued, t, sub)) continue;
    m.used.push(...sub.used);
    if (sub.source !== undefined) m.source = sub.source;
    if (sub.target !== undefined) m.target = sub.target;
    if (sub.firstSlot !== undefined && m.firstSlot === undefined) m.firstSlot = sub.firstSlot;
    return sub.end + 1;
  }
  return -1;
}

/** A sequence element ending at token t, matched leftwards; returns its first token, or -1. */
export function matchSequenceBackward(c: Ctx, el: CompiledElement & { kind: 'sequence' }, t: number, m: PatternMatch): number {
  for (const option of el.options) {
    // walking left: nearest element first, each carrying the glue of its right neighbour
    const rev: CompiledElement[] = [];
    for (let i = option.length - 1; i >= 0; i--) {
      rev.push({ ...option[i]!, adjacent: i === option.length - 1 ? true : option[i + 1]!.adjacent } as CompiledElement);
    }
    const sub: PatternMatch = { compiled: null, code: '', end: t, first: t + 1, used: [] };
    if (!matchBackward(c, rev, t, sub)) continue;
    m.used.push(...sub.used);
    if (sub.source !== undefined) m.source = sub.source;
    if (sub.target !== undefined) m.target = sub.target;
    return sub.first;
  }
  return -1;
}

/** `%` (a compound actor starting at t) or `^` (any actor starting at t); returns the token after it, or -1. */
export function matchActorForward(c: Ctx, kind: 'compound' | 'skip', t: number, m: PatternMatch): number {
  const id = c.slots.idAt(t);
  // PETRARCH: `^` passes over a noun phrase, an actor or not ("warned their populations about +")
  if (kind === 'skip' && id < 0 && c.coding.skipNounPhrases) return nounPhraseEnd(c, t);
  if (id < 0 || c.slots.slots[id]!.tokenStart !== t) return -1;
  if (kind === 'skip') return c.slots.slots[id]!.tokenEnd;
  const members = compound(c, id);
  if (members.length < 2) return -1;
  m.compound = members;
  if (m.firstSlot === undefined) m.firstSlot = t;
  return c.slots.slots[members[members.length - 1]!]!.tokenEnd;
}

/** The token after a noun phrase starting at t (determiners, adjectives, numbers, nouns; a noun last), or -1. */
export function nounPhraseEnd(c: Ctx, t: number): number {
  let j = t;
  let end = -1;
  while (j < c.s.tokenEnd && j < t + 6) {
    const p = c.tokens.pos[j]!;
    if (c.slots.idAt(j) >= 0) {
      end = c.slots.slots[c.slots.idAt(j)]!.tokenEnd;
      j = end;
      continue;
    }
    if (p === POS.NOUN || p === POS.PROPN) end = j + 1;
    else if (p !== POS.DET && p !== POS.ADJ && p !== POS.NUM) break;
    j++;
  }
  return end;
}

export function tryEntry(c: Ctx, ce: CompiledEntry, t: number, triggerEnd: number): PatternMatch | null {
  for (const p of ce.patterns) {
    const m: PatternMatch = { compiled: p, code: p.pattern.code, end: triggerEnd, first: t, used: [] };
    if (p.pattern.paired) m.paired = p.pattern.paired;
    const ok = matchForward(c, p.after, triggerEnd + 1, m) && matchBackward(c, p.before, t - 1, m);
    if (c.trace) {
      c.trace.push({
        trigger: { text: c.text.slice(c.tokens.start[t]!, c.tokens.end[triggerEnd]!), start: c.tokens.start[t]!, end: c.tokens.end[triggerEnd]! },
        entry: `${ce.entry.lemma} (${ce.entry.source.file}:${ce.entry.source.line})`,
        pattern: p.pattern.text,
        code: p.pattern.code,
        result: ok ? 'fired' : 'no match',
      });
    }
    if (ok) return m;
  }
  if (ce.entry.code) {
    const m: PatternMatch = { compiled: null, code: ce.entry.code, end: triggerEnd, first: t, used: [] };
    if (ce.entry.pairedCode) m.paired = ce.entry.pairedCode;
    return m;
  }
  return null;
}

/** A main verb after the auxiliary at t in its verb group ("should have acted", "did not agree"). */
export function mainVerbAfter(c: Ctx, t: number): boolean {
  for (let j = t + 1; j < Math.min(c.s.tokenEnd, t + 5); j++) {
    const p = c.tokens.pos[j]!;
    if (p === POS.VERB) return true;
    if (p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return false;
  }
  return false;
}

export function posAllowed(c: Ctx, ce: CompiledEntry, t: number): boolean {
  const p = c.tokens.pos[t]!;
  switch (ce.entry.pos) {
    case 'verb': {
      // an auxiliary or modal heading a verb group is not its verb: "should have acted" is acted
      if (p === POS.AUX && mainVerbAfter(c, t)) return false;
      if (p === POS.VERB || p === POS.AUX) return true;
      // a participle the tagger took for a noun or adjective: "has been building", "were attacked"
      if (t > c.s.tokenStart && (p === POS.NOUN || p === POS.ADJ) && c.tokens.pos[t - 1] === POS.AUX) {
        const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
        // ("have retaken", "were thrown": an irregular participle the entry lists)
        return /(ing|ed)$/i.test(surface) || ce.entry.forms.includes(surface.toLowerCase());
      }
      // a verb the tagger took for an adjective or noun between its subject and an article:
      // "Fornost and Gondor welcome a resumption"
      if ((p === POS.NOUN || p === POS.ADJ) && t > c.s.tokenStart && t + 1 < c.s.tokenEnd && c.ids.articles.has(c.tokens.norm[t + 1]!)) {
        const before = c.slots.idAt(t - 1);
        if (before >= 0 && c.slots.slots[before]!.tokenEnd === t && !c.slots.slots[before]!.modifier) return true;
      }
      return false;
    }
    case 'noun':
      return p === POS.NOUN || p === POS.PROPN;
    case 'adj':
      return p === POS.ADJ || p === POS.VERB;
    default:
      return true;
  }
}

/** TABARI's noun test (`articleNouns`): after an article, or capitalised inside the sentence. */
export function shallowNoun(c: Ctx, t: number): boolean {
  if (t > c.s.tokenStart && c.ids.articles.has(c.tokens.norm[t - 1]!)) return true;
  // "donate's": a word with a possessive is a noun
  if (t + 1 < c.s.tokenEnd && c.ids.possessive.has(c.tokens.norm[t + 1]!) && c.tokens.start[t + 1] === c.tokens.end[t]) return true;
  return t > c.s.tokenStart && c.tokens.has(t, FLAG.CAP) && !c.tokens.has(t, FLAG.UPPER) && !c.tokens.has(t - 1, FLAG.QUOTE);
}

const NO_ENTRIES: readonly CompiledEntry[] = Object.freeze([]);

export function entriesAt(c: Ctx, t: number): readonly CompiledEntry[] {
  const lemma = c.tokens.lemma[t]!;
  const norm = c.tokens.norm[t]!;
  const byLemma = c.verbs.triggers.get(lemma);
  const byNorm = norm !== lemma ? c.verbs.triggers.get(norm) : undefined;
  // entries matched by their written forms only, and stems (`match: forms`, `match: prefix`)
  const byForm = c.verbs.formTriggers.get(norm);
  const byStem = c.tokens.has(t, FLAG.PUNCT) ? NO_ENTRIES : c.verbs.prefixEntries(norm);
  // most words trigger nothing: nothing to allocate for them
  if (!byLemma && !byNorm && !byForm && !byStem.length) return NO_ENTRIES;
  if (c.coding.articleNouns && shallowNoun(c, t)) return NO_ENTRIES;
  const extra = byForm || byStem.length ? [...(byNorm ?? []), ...(byForm ?? []), ...byStem] : byNorm ?? NO_ENTRIES;
  const all = extra.length ? [...new Set([...(byLemma ?? []), ...extra])] : byLemma ?? NO_ENTRIES;
  return all.filter((ce) => posAllowed(c, ce, t));
}

/** Whether the token at t can start anything the coder looks for: a trigger of the verb dictionary, or a word taking "to VERB" or a gerund. */
export function mayTrigger(c: Ctx, t: number): boolean {
  const v = c.verbs;
  const norm = c.tokens.norm[t]!;
  const lemma = c.tokens.lemma[t]!;
  // a word that starts nothing, as its form and as its lemma, is known after one test
  // (0 or past the end: not yet known)
  if (!v.startsAsForm[norm]) {
    const some = v.toWords.has(norm) || v.ingWords.has(norm) || v.triggers.has(norm) || v.formTriggers.has(norm) || v.prefixEntries(norm).length > 0;
    setDense(v.startsAsForm, norm, some ? 2 : 1, 0);
  }
  if (!v.startsAsLemma[lemma]) setDense(v.startsAsLemma, lemma, v.toWords.has(lemma) || v.ingWords.has(lemma) || v.triggers.has(lemma) ? 2 : 1, 0);
  if (v.startsAsForm[norm] === 1 && v.startsAsLemma[lemma] === 1) return false;
  return v.toWords.has(lemma) || v.toWords.has(norm) || v.ingWords.has(lemma) || v.ingWords.has(norm) || entriesAt(c, t).length > 0;
}

/** The best match among the entries of the trigger at t. */
export function matchAt(c: Ctx, t: number): { ce: CompiledEntry; m: PatternMatch } | null {
  let best: { ce: CompiledEntry; m: PatternMatch } | null = null;
  for (const ce of entriesAt(c, t)) {
    const m = tryEntry(c, ce, t, t);
    if (!m) continue;
    const w = m.compiled?.weight ?? -1;
    if (!best || w > (best.m.compiled?.weight ?? -1)) best = { ce, m };
  }
  return best;
}

