/**
 * The event coder: verb patterns over tokens and actor slots, no parse tree.
 *
 * For each sentence, left to right:
 *  1. a token whose lemma is a trigger in the verb dictionary is tried with its
 *     patterns, most specific first; the first that matches gives the code
 *     (else the entry's default code);
 *  2. a modal construction wraps it: "ready to discuss" (intent),
 *     "refused to provide" (reject), "threatened to attack" (threat); a
 *     negation in its verb group ("did not agree") recodes it or flags it;
 *  3. the source is the pattern's `$`, else the subject found walking left
 *     (skipping prepositional objects, possessors and relative clauses); the
 *     target is the pattern's `+`, else the first actor to the right inside the
 *     clause; passive voice ("was attacked by X") swaps them;
 *  4. compound actors ("the U.S. and Russia") give one event per member, and a
 *     compound subject with no target of a reciprocal verb ("A and B held
 *     talks") gives both directions.
 */
import type { ActorRef, CodedEvent, Sentence } from '../../core/layers.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { TextSpan } from '../../core/span.js';
import { SlotIndex, type Slot } from '../coref/slots.js';
import type { ActorClass, Modifier } from '../../ontology/load-verbs.js';
import type { CodeBook } from './codebook.js';
import { applyModifier, type CompiledElement, type CompiledEntry, type CompiledPattern, type VerbMatcher } from './compile-verbs.js';
import { DateResolver } from './resolve-date.js';
import { actorIn, impliedSlot, IMPLIED_SOURCE, IMPLIED_TARGET } from './implied.js';
import { firstActor, nextActorBefore, sameActors, type FirstActorCtx } from './first-actor.js';
import type { CodingOptions } from '../coding-options.js';

/** Most tokens a pattern may skip between two of its elements (unless glued with `_`). */
export const MAX_GAP = 4;
/** How far right of the trigger the default target search looks. */
const TARGET_REACH = 14;

export interface TraceStep {
  trigger: TextSpan;
  entry: string;
  pattern: string;
  code: string;
  result: 'fired' | 'no match' | 'no source' | 'hypothetical';
}

export interface EventCoderIds {
  clauseStops: Set<number>;
  hardStops: Set<number>;
  relatives: Set<number>;
  conj: Set<number>;
  comma: number;
  hyphen: number;
  by: number;
  be: Set<number>;
  not: Set<number>;
  possessive: Set<number>;
  possessivePronouns: Set<number>;
  coordinators: Set<number>;
  articles: Set<number>;
  timeWords: Set<number>;
  conditions: Set<number>;
  gerundHeads: Set<number>;
  placeTargetRoots: Set<string>;
  of: number;
  parenOpen: number;
  parenClose: number;
  subjectPronouns: Set<number>;
  locatives: Set<number>;
  that: number;
  with: number;
  pluralPronouns: Set<number>;
}

export function eventCoderIds(vocab: Vocabulary): EventCoderIds {
  const ids = (ws: string[]) => new Set(ws.map((w) => vocab.intern(w)));
  return {
    clauseStops: ids(['that', 'because', 'while', 'although', 'though', 'whereas', 'if', 'unless', 'since', 'when', 'whether', 'after', 'before', 'until', 'as']),
    hardStops: ids([';', ':', '—', '–', '--', '(', ')', '“', '”', '"', '«', '»']),
    relatives: ids(['which', 'who', 'whom', 'whose']),
    conj: ids(['and', 'or', 'nor', '&']),
    comma: vocab.intern(','),
    hyphen: vocab.intern('-'),
    by: vocab.intern('by'),
    be: ids(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gets', 'getting']),
    not: ids(['not', "n't", 'never']),
    possessive: ids(["'s", '’s', "'", '’']),
    possessivePronouns: ids(['its', 'his', 'her', 'their', 'our', 'my', 'your']),
    // "refused to say whether Putin would attend": an embedded question is no act either
    conditions: ids(['if', 'unless', 'whether']),
    gerundHeads: ids(['of', 'for']),
    placeTargetRoots: new Set(['14', '17', '18', '19', '20']),
    of: vocab.intern('of'),
    parenOpen: vocab.intern('('),
    parenClose: vocab.intern(')'),
    subjectPronouns: ids(['he', 'she', 'it', 'they', 'we', 'i', 'you']),
    locatives: ids(['in', 'at', 'near', 'outside', 'inside']),
    that: vocab.intern('that'),
    coordinators: ids(['and', 'but', 'or']),
    articles: ids(['a', 'an', 'the']),
    timeWords: ids(['today', 'yesterday', 'tomorrow', 'tonight', 'now']),
    with: vocab.intern('with'),
    pluralPronouns: ids(['they', 'them']),
  };
}

interface Ctx {
  tokens: TokenTable;
  text: string;
  s: Sentence;
  slots: SlotIndex;
  verbs: VerbMatcher;
  ids: EventCoderIds;
  trace: TraceStep[] | undefined;
  coding: CodingOptions;
}

interface PatternMatch {
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

const isPunct = (c: Ctx, t: number) => c.tokens.has(t, FLAG.PUNCT);

function wordMatches(c: Ctx, el: CompiledElement & { kind: 'word' }, t: number): boolean {
  const n = c.tokens.norm[t]!;
  if (el.exact ? el.ids.has(n) : el.ids.has(c.tokens.lemma[t]!) || el.ids.has(n)) return true;
  // a stem (`restor*`) matches any word beginning with it, never punctuation
  return el.test !== undefined && !c.tokens.has(t, FLAG.PUNCT) && el.test(n);
}

/** Matches elements rightwards from token `from`; returns the end position or -1. */
function matchForward(c: Ctx, els: CompiledElement[], from: number, m: PatternMatch): boolean {
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
    }
    if (found < 0) return false;
    m.end = Math.max(m.end, pos - 1);
  }
  return true;
}

/** Matches elements leftwards from token `from` (elements nearest-first). */
function matchBackward(c: Ctx, els: CompiledElement[], from: number, m: PatternMatch): boolean {
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

/**
 * A sequence element (`{a b | c}`, a set with phrases) starting at token t:
 * the first option that matches; returns the token after it, or -1.
 */
function matchSequenceForward(c: Ctx, el: CompiledElement & { kind: 'sequence' }, t: number, m: PatternMatch): number {
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
function matchSequenceBackward(c: Ctx, el: CompiledElement & { kind: 'sequence' }, t: number, m: PatternMatch): number {
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
function matchActorForward(c: Ctx, kind: 'compound' | 'skip', t: number, m: PatternMatch): number {
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
function nounPhraseEnd(c: Ctx, t: number): number {
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

function tryEntry(c: Ctx, ce: CompiledEntry, t: number, triggerEnd: number): PatternMatch | null {
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
function mainVerbAfter(c: Ctx, t: number): boolean {
  for (let j = t + 1; j < Math.min(c.s.tokenEnd, t + 5); j++) {
    const p = c.tokens.pos[j]!;
    if (p === POS.VERB) return true;
    if (p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return false;
  }
  return false;
}

function posAllowed(c: Ctx, ce: CompiledEntry, t: number): boolean {
  const p = c.tokens.pos[t]!;
  switch (ce.entry.pos) {
    case 'verb': {
      // an auxiliary or modal heading a verb group is not its verb: "should have acted" is acted
      if (p === POS.AUX && mainVerbAfter(c, t)) return false;
      if (p === POS.VERB || p === POS.AUX) return true;
      // a participle the tagger took for a noun or adjective: "has been building", "were attacked"
      if (t > c.s.tokenStart && (p === POS.NOUN || p === POS.ADJ) && c.tokens.pos[t - 1] === POS.AUX) {
        const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
        return /(ing|ed)$/i.test(surface);
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
function shallowNoun(c: Ctx, t: number): boolean {
  if (t > c.s.tokenStart && c.ids.articles.has(c.tokens.norm[t - 1]!)) return true;
  // "donate's": a word with a possessive is a noun
  if (t + 1 < c.s.tokenEnd && c.ids.possessive.has(c.tokens.norm[t + 1]!) && c.tokens.start[t + 1] === c.tokens.end[t]) return true;
  return t > c.s.tokenStart && c.tokens.has(t, FLAG.CAP) && !c.tokens.has(t, FLAG.UPPER) && !c.tokens.has(t - 1, FLAG.QUOTE);
}

function entriesAt(c: Ctx, t: number): CompiledEntry[] {
  if (c.coding.articleNouns && shallowNoun(c, t)) return [];
  const byLemma = c.verbs.triggers.get(c.tokens.lemma[t]!) ?? [];
  const byNorm = c.tokens.norm[t] !== c.tokens.lemma[t] ? c.verbs.triggers.get(c.tokens.norm[t]!) ?? [] : [];
  // entries matched by their written forms only, and stems (`match: forms`, `match: prefix`)
  const byForm = c.verbs.formTriggers.get(c.tokens.norm[t]!) ?? [];
  const byStem = c.tokens.has(t, FLAG.PUNCT) ? [] : c.verbs.prefixEntries(c.tokens.norm[t]!);
  const extra = byForm.length || byStem.length ? [...byNorm, ...byForm, ...byStem] : byNorm;
  const all = extra.length ? [...new Set([...byLemma, ...extra])] : byLemma;
  return all.filter((ce) => posAllowed(c, ce, t));
}

/** The best match among the entries of the trigger at t. */
function matchAt(c: Ctx, t: number): { ce: CompiledEntry; m: PatternMatch } | null {
  let best: { ce: CompiledEntry; m: PatternMatch } | null = null;
  for (const ce of entriesAt(c, t)) {
    const m = tryEntry(c, ce, t, t);
    if (!m) continue;
    const w = m.compiled?.weight ?? -1;
    if (!best || w > (best.m.compiled?.weight ?? -1)) best = { ce, m };
  }
  return best;
}

/** "ready to discuss", "refused to provide": the modal word at t, "to", then a trigger. */
function modalAt(c: Ctx, t: number): { modifier: Modifier; inner: number; noun?: number } | null {
  const modifier = c.verbs.toWords.get(c.tokens.lemma[t]!) ?? c.verbs.toWords.get(c.tokens.norm[t]!);
  if (!modifier) return null;
  for (let j = t + 1; j < Math.min(t + 4, c.s.tokenEnd); j++) {
    if (c.tokens.norm[j] === c.verbs.toId) {
      let k = j + 1;
      while (k < c.s.tokenEnd && c.tokens.pos[k] === POS.ADV) k++;
      if (k >= c.s.tokenEnd) return null;
      // "agreed to undertake joint exercises": a support verb hands the modality on to its event noun
      let noun: number | undefined;
      if (c.verbs.lightVerbs.has(c.tokens.lemma[k]!) || c.verbs.lightVerbs.has(c.tokens.norm[k]!)) {
        for (let n = k + 1; n < Math.min(k + 6, c.s.tokenEnd); n++) {
          const p = c.tokens.pos[n]!;
          if (p === POS.NOUN && entriesAt(c, n).length) {
            noun = n;
            break;
          }
          if (p !== POS.DET && p !== POS.ADJ && p !== POS.NUM && p !== POS.NOUN && !(p === POS.PRON && c.ids.possessivePronouns.has(c.tokens.norm[n]!))) break;
        }
      }
      if (entriesAt(c, k).length) return noun !== undefined ? { modifier, inner: k, noun } : { modifier, inner: k };
      if (noun !== undefined) return { modifier, inner: noun };
      return null;
    }
    if (isPunct(c, j)) return null;
  }
  return null;
}

/** A negation word in the verb group before t ("did not", "has never", "won't"). */
function negationBefore(c: Ctx, t: number): Modifier | null {
  for (let j = t - 1; j >= Math.max(c.s.tokenStart, t - 4); j--) {
    const mod = c.verbs.words.get(c.tokens.norm[j]!) ?? c.verbs.words.get(c.tokens.lemma[j]!);
    if (mod) return mod;
    const p = c.tokens.pos[j]!;
    if (p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return null;
  }
  return null;
}

function isPassive(c: Ctx, t: number): boolean {
  if (c.tokens.pos[t] !== POS.VERB) return false;
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  if (surface.endsWith('ing')) return false;
  for (let j = t - 1; j >= Math.max(c.s.tokenStart, t - 3); j--) {
    if (c.ids.be.has(c.tokens.norm[j]!)) return true;
    const p = c.tokens.pos[j]!;
    if (p !== POS.ADV && p !== POS.PART) return false;
  }
  return false;
}

/**
 * The slots joined to slot `id` by "and", "or" and commas: "the U.S. and
 * Russia", "Iran, Libya, Sudan and Cuba". A chain joined by commas alone is
 * not a compound ("…invaded Ukraine, the White House said").
 */
function compound(c: Ctx, id: number): number[] {
  // "Elrond and Gondor urged Bree … and then they requested": "they" for a member of a compound
  // of its sentence stands for the whole compound
  const own = c.slots.slots[id]!;
  if (own.viaCoref && c.ids.pluralPronouns.has(c.tokens.norm[own.tokenStart]!) && own.actor.tokenStart >= c.s.tokenStart && own.actor.tokenEnd <= own.tokenStart) {
    const ante = c.slots.idAt(own.actor.tokenStart);
    if (ante >= 0 && ante !== id && !c.slots.slots[ante]!.viaCoref) {
      const members = compound(c, ante);
      if (members.length > 1) return members;
    }
  }
  const isJoiner = (t: number) => c.ids.conj.has(c.tokens.norm[t]!) || c.tokens.norm[t] === c.ids.comma;
  const chain = [id];
  let withConj = false;
  // rightwards
  let cur = c.slots.slots[id]!;
  for (;;) {
    let t = cur.tokenEnd;
    let conj = false;
    // with possessorActs, a possessor stands for its noun phrase: "Eriador's death and injury toll" joins Eriador and the toll
    const from = c.coding.possessorActs ? pastPossessed(c, t) : t;
    if (from > t && isJoiner(from)) t = from;
    const joinAt = t;
    while (t < c.s.tokenEnd && t - joinAt < 2 && isJoiner(t)) {
      if (c.ids.conj.has(c.tokens.norm[t]!)) conj = true;
      t++;
    }
    // "Fornost and the evil awful Gondor": a determiner and adjectives before the next member
    if (t > joinAt) t = skipModifiers(c, t, 1);
    const next = c.slots.idAt(t);
    if (t === joinAt || next < 0 || c.slots.slots[next]!.tokenStart !== t) break;
    chain.push(next);
    withConj ||= conj;
    cur = c.slots.slots[next]!;
  }
  // leftwards
  cur = c.slots.slots[id]!;
  for (;;) {
    let t = skipModifiers(c, cur.tokenStart - 1, -1);
    const before = t;
    let conj = false;
    while (t >= c.s.tokenStart && before - t < 2 && isJoiner(t)) {
      if (c.ids.conj.has(c.tokens.norm[t]!)) conj = true;
      t--;
    }
    const prev = c.slots.idAt(t);
    if (t === before || prev < 0 || c.slots.slots[prev]!.tokenEnd !== t + 1) break;
    chain.unshift(prev);
    withConj ||= conj;
    cur = c.slots.slots[prev]!;
  }
  return withConj ? chain : [id];
}

/** The token after "'s" and the noun phrase it heads ("Eriador's death"), from t at the "'s"; t when there is none. */
function pastPossessed(c: Ctx, t: number): number {
  if (t >= c.s.tokenEnd || !c.ids.possessive.has(c.tokens.norm[t]!)) return t;
  let k = t + 1;
  while (k < c.s.tokenEnd && k - t <= 4 && c.slots.idAt(k) < 0 && (c.tokens.pos[k] === POS.NOUN || c.tokens.pos[k] === POS.ADJ || c.tokens.pos[k] === POS.NUM)) k++;
  return k > t + 1 && c.tokens.pos[k - 1] === POS.NOUN ? k : t;
}

/** Between a possessor's "'s" and the verb at t there is no other actor ("Ithilen's palace guard militia vowed"). */
function possessedIsNoActor(c: Ctx, from: number, t: number): boolean {
  for (let j = from; j < t; j++) if (c.slots.idAt(j) >= 0 || c.tokens.has(j, FLAG.PUNCT)) return false;
  return true;
}

/**
 * Where the next clause begins after token t: a semicolon or dash, "and",
 * "but" or "or" before a verb or before a new subject and its verb ("... and
 * promised aid", "... but Dagolath promised"), or a comma before a subject and
 * its verb (", a senior official said"). The sentence end when none.
 */
function clauseBoundary(c: Ctx, t: number): number {
  const newSubjectThenVerb = (from: number): boolean => {
    for (let k = from; k < Math.min(c.s.tokenEnd, from + 8); k++) {
      const p = c.tokens.pos[k]!;
      if (p === POS.VERB || (p === POS.AUX && k > from)) return k > from || c.tokens.pos[k] === POS.VERB;
      // a personal pronoun is a new subject too ("and then she asked"), resolved or not
      const pronoun = p === POS.PRON && c.ids.subjectPronouns.has(c.tokens.norm[k]!);
      if (p !== POS.DET && p !== POS.ADJ && p !== POS.NOUN && p !== POS.PROPN && p !== POS.NUM && p !== POS.ADV && !pronoun && c.slots.idAt(k) < 0) return false;
    }
    return false;
  };
  for (let j = t + 1; j < c.s.tokenEnd; j++) {
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n) && !c.tokens.has(j, FLAG.QUOTE)) return j;
    if (c.ids.coordinators.has(n)) {
      let k = j + 1;
      while (k < c.s.tokenEnd && (c.tokens.pos[k] === POS.ADV || c.tokens.pos[k] === POS.AUX)) k++;
      if (k < c.s.tokenEnd && (c.tokens.pos[k] === POS.VERB || newSubjectThenVerb(k))) return j;
    }
    if (n === c.ids.comma && newSubjectThenVerb(j + 1)) return j;
  }
  return c.s.tokenEnd;
}

/** A noun after token `from` in its clause, not a word of time ("on Saturday" counts, "today" does not). */
function nounAfter(c: Ctx, from: number): boolean {
  const end = clauseBoundary(c, from - 1);
  for (let j = from; j < end; j++) {
    const p = c.tokens.pos[j]!;
    if ((p === POS.NOUN || p === POS.PROPN || p === POS.NUM || c.slots.idAt(j) >= 0) && !c.ids.timeWords.has(c.tokens.norm[j]!)) return true;
  }
  return false;
}

/** An actor with a code; with `anonymousAgents`, also an agent with no actor ("officials": ---GOV). */
function codedSlot(coding: CodingOptions, sl: Slot): boolean {
  return SlotIndex.coded(sl) || (coding.anonymousAgents === true && /^---[A-Z]/.test(sl.actor.code));
}

/** TABARI's complexity filter (`complexity`): too many verbs or conjunctions, or no actor before the first coded verb. */
function complex(c: Ctx, k: NonNullable<CodingOptions['complexity']>): boolean {
  let verbsSeen = 0;
  let conj = 0;
  let firstCoded = -1;
  for (let t = c.s.tokenStart; t < c.s.tokenEnd; t++) {
    if (isPunct(c, t)) continue;
    const n = c.tokens.norm[t]!;
    if (c.ids.coordinators.has(n)) {
      // "Ithilen and Dagolath" is a compound, not a conjunction of clauses
      const before = skipModifiers(c, t - 1, -1);
      const after = skipModifiers(c, t + 1, 1);
      if (!(c.slots.idAt(before) >= 0 && c.slots.idAt(after) >= 0)) conj++;
      continue;
    }
    const es = entriesAt(c, t);
    if (!es.length) continue;
    verbsSeen++;
    if (firstCoded < 0 && es.some((e) => e.entry.code && e.entry.code !== '---')) firstCoded = t;
  }
  if (k.verbs && verbsSeen >= k.verbs) return true;
  if (k.conjunctions && conj >= k.conjunctions) return true;
  if (k.noActorPrior && firstCoded >= 0) {
    let actor = false;
    for (let t = c.s.tokenStart; t < firstCoded && !actor; t++) actor = c.slots.idAt(t) >= 0 && codedSlot(c.coding, c.slots.slots[c.slots.idAt(t)]!);
    if (!actor) return true;
  }
  return false;
}

/** Past a determiner and adjectives ("the evil awful"), walking right (dir 1) or left (-1), at most three words. */
function skipModifiers(c: Ctx, t: number, dir: 1 | -1): number {
  let k = t;
  for (let n = 0; n < 3 && k >= c.s.tokenStart && k < c.s.tokenEnd; n++) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.DET && p !== POS.ADJ) break;
    if (c.slots.idAt(k) >= 0) break;
    k += dir;
  }
  return k;
}

/**
 * A verb joined to an earlier one by "and", "but" or "or" shares its subject:
 * "The government condemned the attack and promised aid" — the verb before
 * the conjunction, or -1.
 */
function coordinatedVerb(c: Ctx, t: number): number {
  let j = t - 1;
  while (j > c.s.tokenStart && (c.tokens.pos[j] === POS.ADV || c.tokens.pos[j] === POS.AUX || c.tokens.pos[j] === POS.PART)) j--;
  if (j <= c.s.tokenStart || !c.ids.coordinators.has(c.tokens.norm[j]!)) return -1;
  for (let k = j - 1; k >= c.s.tokenStart; k--) {
    if (c.slots.idAt(k) >= 0 && c.slots.slots[c.slots.idAt(k)]!.tokenEnd === j) return -1; // "A and B": a compound, not two verbs
    if (c.tokens.pos[k] === POS.VERB) return k;
    if (c.ids.hardStops.has(c.tokens.norm[k]!)) return -1;
  }
  return -1;
}

/**
 * The subject of the verb at t: walk left, skipping objects of prepositions,
 * possessors and possessive determiners. A complementizer ("that") with no
 * finite verb between it and the trigger closes the trigger's clause: its
 * subject would have been found by then, so there is none ("the decision
 * that detaining suspects…").
 */
function findSubject(c: Ctx, t: number): number | null {
  let finiteSeen = false;
  for (let j = t - 1; j >= c.s.tokenStart; j--) {
    const id = c.slots.idAt(j);
    if (id >= 0) {
      const slot = c.slots.slots[id]!;
      const before = slot.tokenStart - 1;
      const after = slot.tokenEnd;
      // "Mordor with Fornost and Gondor welcomed": a list after a preposition is its object, every member of it
      const head = c.slots.slots[compound(c, id)[0]!]!;
      const headBefore = head.tokenStart - 1;
      const prepObject =
        ((before >= c.s.tokenStart && c.tokens.pos[before] === POS.ADP && c.tokens.norm[before] !== c.ids.by) ||
          (head !== slot && headBefore >= c.s.tokenStart && c.tokens.pos[headBefore] === POS.ADP && c.tokens.norm[headBefore] !== c.ids.by)) &&
        !collectiveOf(c, head.tokenStart) &&
        !subordinateSubject(c, before, slot.tokenEnd, t);
      const possessor = after < c.s.tokenEnd && c.ids.possessive.has(c.tokens.norm[after]!) && after < t - 1 && !(c.coding.possessorActs && possessedIsNoActor(c, after + 1, t));
      // "its", "his", "their": a possessive determiner is never the subject; nor is a person's name
      // that modifies a noun ("a Trump supporter attacked…")
      const determiner =
        (slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!)) ||
        (slot.modifier && slot.actor.kind === 'person' && !slot.viaCoref);
      // "in Portland, Oregon, police said": the state after a city and a comma is part of the place
      const placeTail =
        slot.actor.kind === 'capital' && !slot.viaCoref && before - 2 >= c.s.tokenStart && c.tokens.norm[before] === c.ids.comma &&
        c.tokens.pos[before - 1] === POS.PROPN && c.ids.locatives.has(c.tokens.norm[before - 2]!);
      if (!prepObject && !possessor && !determiner && !placeTail) {
        // "a Kabul car bombing killed five", "Catalonia apartment block fire kills three": a place that
        // modifies the subject's noun is where it happened; the subject is that noun, which is no actor
        if (slot.modifier && slot.actor.kind === 'capital' && !slot.viaCoref) return null;
        // "Monsod told Reuters the secretary had decided": an actor right after "told", followed by a new
        // noun phrase, is the one told; the verb's subject is that noun phrase ("said Boko Haram fighters
        // attacked" is one phrase: the noun after the actor belongs to it)
        if (toldActor(c, slot) && newPhraseAfter(c, slot.tokenEnd, t)) return null;
        // an agent with no country ("Party", "group") in the subject's noun phrase: the coded name beside it
        if (!SlotIndex.coded(slot)) {
          const near = codedInPhrase(c, slot.tokenStart - 1);
          // ("told Reuters Governor Tan had agreed": the name before the agent is the one told)
          if (near !== null && !toldActor(c, c.slots.slots[near]!)) return near;
        }
        return id;
      }
      j = slot.tokenStart;
      continue;
    }
    const n = c.tokens.norm[j]!;
    // "…to the Soviet Union, which spurned the offer": the relative pronoun's antecedent is the subject,
    // wherever it stands (here the object of "to")
    if (c.ids.relatives.has(n) && c.tokens.pos[j] === POS.PRON) {
      let k = j - 1;
      if (k >= c.s.tokenStart && c.tokens.norm[k] === c.ids.comma) k--;
      const ante = k >= c.s.tokenStart ? c.slots.idAt(k) : -1;
      if (ante >= 0 && c.slots.slots[ante]!.tokenEnd === k + 1) return ante;
    }
    // parenthesised material is an aside: "Hizbollah (Party of God) group declared"
    if (n === c.ids.parenClose) {
      let k = j - 1;
      while (k > c.s.tokenStart && c.tokens.norm[k] !== c.ids.parenOpen) k--;
      if (c.tokens.norm[k] === c.ids.parenOpen) {
        j = k;
        continue;
      }
    }
    if (c.ids.hardStops.has(n) && !c.tokens.has(j, FLAG.QUOTE)) return null;
    const p = c.tokens.pos[j]!;
    // a personal pronoun no one could resolve is still the subject ("it has infected … and killed"): nobody else is
    if (p === POS.PRON && c.ids.subjectPronouns.has(n)) return null;
    if (p === POS.AUX || p === POS.VERB) finiteSeen = true;
    if (n === c.ids.that && c.tokens.pos[j] === POS.SCONJ && !finiteSeen) return null;
    // "Shearson said Robert Stearns has joined": the verb is in the clause "said" reports, whose subject
    // stands after "said"; none was found there. A parenthetical report ("Iran, officials said, rejected …"),
    // a reported act ("is said to have attacked") and a that-clause already closed by a verb of its own
    // ("reiterated that the principles would remain unchanged and refused…") are passed over, and a
    // gerund ("principles for admitting new members") reports nothing.
    if (p === POS.VERB && c.verbs.reportingVerbs.has(c.tokens.lemma[j]!) && j + 1 < t && !isGerund(c, j)) {
      if (c.tokens.norm[j + 1] === c.ids.comma) {
        // "Iran, officials said, rejected": the aside and its subject are passed over, back to the comma before them
        let k = j - 1;
        while (k > c.s.tokenStart && c.tokens.norm[k] !== c.ids.comma && !c.ids.hardStops.has(c.tokens.norm[k]!)) k--;
        if (k > c.s.tokenStart && c.tokens.norm[k] === c.ids.comma) j = k;
        continue;
      }
      // ("has claimed voter fraud and made legal challenges": a verb joined to the reporting verb by "and" shares its subject)
      if (!isPunct(c, j + 1) && c.tokens.norm[j + 1] !== c.verbs.toId && c.tokens.norm[j + 1] !== c.ids.that && coordinatedVerb(c, t) !== j) return null;
    }
  }
  return null;
}

/** Does the slot stand right after a verb of saying ("told Reuters"), as the one told? */
function toldActor(c: Ctx, slot: Slot): boolean {
  const before = slot.tokenStart - 1;
  return before >= c.s.tokenStart && c.tokens.pos[before] === POS.VERB && c.verbs.reportingVerbs.has(c.tokens.lemma[before]!);
}

/** Does a noun phrase that is no actor begin at `from` (a determiner or a name) and run to the verb group before `to`? */
function newPhraseAfter(c: Ctx, from: number, to: number): boolean {
  if (from >= to || c.slots.idAt(from) >= 0) return false;
  const p = c.tokens.pos[from]!;
  if (p !== POS.DET && p !== POS.PROPN) return false;
  for (let k = from; k < to; k++) if ((c.tokens.pos[k] === POS.NOUN || c.tokens.pos[k] === POS.PROPN) && c.slots.idAt(k) < 0) return true;
  return false;
}

/**
 * The subject noun phrase of the verb at t when it has no actor of its own
 * (coding option `subjectInComplements`, as PETRARCH's noun phrases take the
 * actors of the phrases inside them): "Resumption of ties between Arnor and
 * Gondor may spur…" stands for Arnor and Gondor. The phrase runs from the
 * sentence start to the verb group, begins with no preposition or
 * subordinator, and holds no verb, pronoun or punctuation; its first actor
 * is returned (with compound() its members), or null.
 */
function complementSubject(c: Ctx, t: number): number[] | null {
  let j = t - 1;
  while (j >= c.s.tokenStart && (c.tokens.pos[j] === POS.AUX || c.tokens.pos[j] === POS.ADV || c.tokens.pos[j] === POS.PART)) j--;
  const p0 = c.tokens.pos[c.s.tokenStart]!;
  if (j < c.s.tokenStart || p0 === POS.ADP || p0 === POS.SCONJ) return null;
  // each conjunct of the phrase gives its first actor: "Ithilen's sheep and goats of Gondor" is Ithilen and Gondor
  const out: number[] = [];
  let inConjunct = false;
  for (let k = c.s.tokenStart; k <= j; k++) {
    const p = c.tokens.pos[k]!;
    const id = c.slots.idAt(k);
    if (id < 0 && c.ids.conj.has(c.tokens.norm[k]!)) {
      inConjunct = false;
      continue;
    }
    if (id < 0 && (isPunct(c, k) || p === POS.VERB || p === POS.AUX || p === POS.PRON)) return null;
    if (id < 0 || inConjunct) continue;
    const slot = c.slots.slots[id]!;
    k = slot.tokenEnd - 1;
    if (!codedSlot(c.coding, slot)) continue;
    inConjunct = true;
    for (const m of compound(c, id)) if (!out.includes(m)) out.push(m);
  }
  return out.length ? out : null;
}

/**
 * "after Calenardhon crowds burned down its embassy", "before Russia had
 * invaded": after a subordinator that is also a preposition (after, before,
 * since, until), an actor followed only by the rest of its noun phrase and
 * the verb's auxiliaries is the subject of the verb, not an object.
 */
function subordinateSubject(c: Ctx, before: number, after: number, t: number): boolean {
  if (before < c.s.tokenStart || !c.ids.clauseStops.has(c.tokens.norm[before]!) || c.tokens.pos[t] !== POS.VERB) return false;
  if (c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase().endsWith('ing')) return false;
  for (let k = after; k < t; k++) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.NOUN && p !== POS.PROPN && p !== POS.ADJ && p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return false;
  }
  return true;
}

/** "its", "his", "their": a possessive determiner belongs to the noun after it; it is never an actor slot of its own */
function isDeterminer(c: Ctx, slot: Slot): boolean {
  return slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!);
}

/** Does the slot's actor belong to the class a pattern slot asks for (`+person`, `$state`)? */
function ofClass(slot: Slot, cls: ActorClass | undefined): boolean {
  if (!cls) return true;
  const a = slot.actor;
  switch (cls) {
    case 'person':
      return a.kind === 'person' || (a.kind === 'description' && a.person !== undefined);
    case 'state':
      return a.kind === 'country' || a.kind === 'capital' || a.kind === 'institution' || (a.kind === 'agent' && !a.code.startsWith('---') && !a.code.startsWith('IGO'));
    case 'org':
      return a.kind === 'organisation' || a.code.startsWith('IGO');
    case 'group':
      return a.kind === 'group' || a.kind === 'community';
  }
}

/** Is token t inside a multi-word actor name (not the pronoun or agent noun that is a whole slot)? */
function insideName(c: Ctx, t: number): boolean {
  const slot = c.slots.slotAt(t);
  if (!slot || slot.viaCoref) return false;
  // TABARI: no word of an actor or agent phrase is a verb ("Security forces": not FORCE)
  if (c.coding.actorWordsNoTriggers) return true;
  const k = slot.actor.kind;
  return (k === 'organisation' || k === 'group' || k === 'community' || k === 'institution' || k === 'country') && slot.tokenEnd - slot.tokenStart > 1;
}

/** Is the -ing trigger at t a gerund heading a clause of its own ("against exacerbating", "that detaining")? */
function isGerund(c: Ctx, t: number): boolean {
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  if (!surface.endsWith('ing') || t === c.s.tokenStart) return false;
  const p = c.tokens.pos[t - 1]!;
  return p === POS.ADP || p === POS.SCONJ || p === POS.DET || (p === POS.PUNCT && !c.tokens.has(t - 1, FLAG.QUOTE));
}

/**
 * "A group of Moroccan diplomats", "thousands of Iraqi Kurds", "the foreign
 * ministers of India and China": before "of" stands a collective or quantity
 * head or a role with no country, so the object of "of" is who acts.
 */
function collectiveOf(c: Ctx, start: number): boolean {
  const of = start - 1;
  if (of <= c.s.tokenStart || c.tokens.norm[of] !== c.ids.of) return false;
  const h = of - 1;
  if (c.verbs.collectiveHeads.has(c.tokens.lemma[h]!) || c.verbs.collectiveHeads.has(c.tokens.norm[h]!)) return true;
  const slot = c.slots.slotAt(h);
  return slot !== undefined && !SlotIndex.coded(slot) && slot.tokenEnd === of;
}

/** A coded actor slot in the same noun phrase, walking left from token j over modifiers. */
function codedInPhrase(c: Ctx, j: number): number | null {
  for (let k = j; k >= c.s.tokenStart; k--) {
    const id = c.slots.idAt(k);
    if (id >= 0) return SlotIndex.coded(c.slots.slots[id]!) ? id : null;
    const p = c.tokens.pos[k]!;
    if (p !== POS.ADJ && p !== POS.NOUN && p !== POS.PROPN && p !== POS.DET && p !== POS.NUM) return null;
  }
  return null;
}

/**
 * The target: the first actor right of token `from` inside the clause: the
 * direct object ("warned the U.S."), the object of a preposition ("imposed
 * sanctions on Russia", "rejected calls by Kofi Annan"), or the place the act
 * happened in, as CAMEO coders code it ("imposed a curfew in the town of Cizre
 * in Turkey"). The clause ends at a complementizer, a relative pronoun, a
 * semicolon or dash, or "and" before a new verb.
 */
function findObject(c: Ctx, from: number, exclude: Set<number>, placeTargets = false): number | null {
  // the peers look for the target through the whole sentence
  const end = c.coding.targetSearch === 'sentence' ? c.s.tokenEnd : Math.min(c.s.tokenEnd, from + TARGET_REACH);
  for (let j = from; j < end; j++) {
    const id = c.slots.idAt(j);
    if (id >= 0 && !exclude.has(id)) {
      const slot = c.slots.slots[id]!;
      if (slot.tokenStart === j || j === from) {
        // a pronoun followed by its verb is the subject of a clause of its own ("insisted it was")
        const pronoun = slot.viaCoref && slot.tokenEnd - slot.tokenStart === 1 && c.tokens.pos[slot.tokenStart] === POS.PRON;
        const next = c.tokens.pos[slot.tokenEnd];
        if (pronoun && (next === POS.AUX || next === POS.VERB)) return null;
        // "its ports": a possessive determiner points back to someone already in the clause
        const determiner = slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!);
        // "on the eve of the G20 summit": an organisation naming a meeting or a place is not the target;
        // nor is a capital after "in"/"at": "met in Paris" is where, not whom
        const before = slot.tokenStart - 1;
        const venue =
          (slot.modifier && slot.actor.kind === 'organisation') ||
          (!placeTargets && slot.actor.kind === 'capital' && !slot.viaCoref && before >= c.s.tokenStart && c.ids.locatives.has(c.tokens.norm[before]!));
        if (!determiner && !venue) return id;
        j = slot.tokenEnd - 1;
        continue;
      }
    }
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n)) return null;
    // PETRARCH: the target is in the verb's phrase, not in a clause after a comma (", a senior official said")
    if (n === c.ids.comma && c.coding.commaClauseEndsTarget && clauseBoundary(c, j - 1) === j) return null;
    if (c.coding.targetSearch === 'sentence') continue;
    // "after" and "since" may be prepositions ("met after talks with X"); "whether" (tagged ADP too) never is
    if (c.ids.clauseStops.has(n) && (c.tokens.pos[j] !== POS.ADP || c.ids.conditions.has(n))) return null;
    if (c.ids.relatives.has(n)) return null;
    if (n === c.ids.comma) {
      // ", and the European Union said…": a new clause; "warned Iran, Iraq and Syria": a list
      const next = c.slots.idAt(j + 1);
      if (next < 0) return null;
    }
    if (c.ids.conj.has(n) && j + 1 < end && (c.tokens.pos[j + 1] === POS.VERB || c.tokens.pos[j + 1] === POS.AUX)) return null;
  }
  return null;
}

/** Is the trigger at t a noun (and not a participle the tagger took for one: "has been building")? */
function isNoun(c: Ctx, t: number): boolean {
  const p = c.tokens.pos[t]!;
  if (p !== POS.NOUN && p !== POS.PROPN) return false;
  if (t > c.s.tokenStart && c.tokens.pos[t - 1] === POS.AUX && /(ing|ed)$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return false;
  return true;
}

/** Is the trigger at t inside an "if"/"unless" clause (a condition, not an act)? */
function conditional(c: Ctx, t: number): boolean {
  for (let j = t - 1; j >= c.s.tokenStart; j--) {
    const n = c.tokens.norm[j]!;
    if (c.ids.conditions.has(n)) return true;
    if (n === c.ids.comma || c.ids.hardStops.has(n) || c.ids.clauseStops.has(n) || c.ids.relatives.has(n)) return false;
  }
  return false;
}

/**
 * The source of a noun trigger. A noun has no subject of its own: its actor
 * is the possessor or modifier right before it ("Russia's invasion", "Israeli
 * airstrikes", "a U.S. strike"), the agent after it ("an attack by Hamas"),
 * or, when the pattern names the verb that carries it ("launched * on +",
 * "held talks"), that verb's subject. "After a deadly attack on tourists" has
 * none.
 */
function nounSource(c: Ctx, t: number, m: PatternMatch): number | null {
  // modifier or possessor immediately before, across adjectives and numbers
  let j = t - 1;
  while (j >= c.s.tokenStart && (c.tokens.pos[j] === POS.ADJ || c.tokens.pos[j] === POS.NUM) && c.slots.idAt(j) < 0) j--;
  if (j >= c.s.tokenStart && c.ids.possessive.has(c.tokens.norm[j]!)) j--;
  const id = j >= c.s.tokenStart ? c.slots.idAt(j) : -1;
  // "the Bucha massacre", "the Mosul offensive": a place before the noun is where it happened, not who did it
  if (id >= 0 && !c.ids.possessivePronouns.has(c.tokens.norm[c.slots.slots[id]!.tokenStart]!) && c.slots.slots[id]!.actor.kind !== 'capital') return id;
  const agent = byAgent(c, t + 1);
  if (agent !== null) return agent;
  // a light verb the pattern names ("launched * on +", "held * with +") carries the noun's actor
  if (m.used.some((u) => u < t && (c.tokens.pos[u] === POS.VERB || c.tokens.pos[u] === POS.AUX))) return findSubject(c, m.first);
  // so does a support verb the noun is the object of ("launched a full-scale invasion")
  for (let k = t - 1; k >= Math.max(c.s.tokenStart, t - 5); k--) {
    const p = c.tokens.pos[k]!;
    if (p === POS.VERB || p === POS.AUX) {
      return c.verbs.lightVerbs.has(c.tokens.lemma[k]!) || c.verbs.lightVerbs.has(c.tokens.norm[k]!) ? findSubject(c, k) : null;
    }
    if (p !== POS.DET && p !== POS.ADJ && p !== POS.NUM && p !== POS.NOUN && !(p === POS.PRON && c.ids.possessivePronouns.has(c.tokens.norm[k]!)) && !c.tokens.has(k, FLAG.PUNCT) === false) return null;
    if (p === POS.ADP || p === POS.SCONJ || p === POS.CCONJ) return null;
  }
  return null;
}

function byAgent(c: Ctx, from: number): number | null {
  for (let j = from; j < Math.min(c.s.tokenEnd, from + 4); j++) {
    if (c.tokens.norm[j] === c.ids.by) {
      for (let k = j + 1; k < Math.min(c.s.tokenEnd, j + 5); k++) {
        const id = c.slots.idAt(k);
        if (id >= 0) return id;
        if (isPunct(c, k)) return null;
      }
      return null;
    }
    if (isPunct(c, j)) return null;
  }
  return null;
}

function ref(slot: Slot): ActorRef {
  const r: ActorRef = { text: slot.text, start: slot.start, end: slot.end, code: slot.actor.code || null };
  if (slot.actorIndex >= 0) r.actor = slot.actorIndex;
  if (slot.actor.name) r.name = slot.actor.name;
  if (slot.actor.person) r.person = slot.actor.person;
  return r;
}

export interface CodeEventsInput {
  tokens: TokenTable;
  text: string;
  sentences: readonly Sentence[];
  slots: SlotIndex;
  date: string | null;
}

export function codeEvents(
  input: CodeEventsInput,
  verbs: VerbMatcher,
  codes: CodeBook,
  ids: EventCoderIds,
  trace?: TraceStep[],
  coding: CodingOptions = {},
): CodedEvent[] {
  const { tokens, text, sentences, slots } = input;
  const dates = new DateResolver(text, input.date);
  const coded = (sl: Slot) => codedSlot(coding, sl);
  const events: CodedEvent[] = [];
  sentences.forEach((s, sIdx) => {
    const c: Ctx = { tokens, text, s, slots, verbs, ids, trace, coding };
    const fa: FirstActorCtx = { tokens, s, slots, coordinators: ids.coordinators, joiners: ids.conj, possessivePronouns: ids.possessivePronouns, coded };
    if (coding.complexity && complex(c, coding.complexity)) return;
    const consumed = new Uint8Array(s.tokenEnd - s.tokenStart);
    const seen = new Set<string>();
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (consumed[t - s.tokenStart] || isPunct(c, t)) continue;
      // a word inside an actor's name is no trigger: the Organisation of Islamic Cooperation cooperates with nobody
      if (insideName(c, t)) continue;
      const eventsBefore = events.length;
      let modal = modalAt(c, t);
      let hit = modal ? matchAt(c, modal.inner) : null;
      // the support verb had no pattern of its own: its event noun carries the act ("agreed to hold … exercises")
      if (modal && !hit && modal.noun !== undefined) {
        modal = { modifier: modal.modifier, inner: modal.noun };
        hit = matchAt(c, modal.inner);
      }
      let first = t;
      if (!hit) {
        modal = null;
        hit = matchAt(c, t);
      }
      if (!hit) continue;
      const triggerTok = modal ? modal.inner : t;
      // a noun is an event only through a pattern ("talks with +"), never by its default code ("the terror threat")
      const nounTrigger = isNoun(c, triggerTok);
      if (!hit.m.compiled && !modal && nounTrigger && !coding.nounDefaults) continue;
      let { code } = hit.m;
      // the target's event of a paired code goes through the same modality ("agreed to hold talks")
      let pairedCode = hit.m.paired;
      let negated = false;
      let modality: string | undefined;
      if (modal) {
        const r = applyModifier(modal.modifier, code);
        code = r.code;
        negated = r.negated;
        modality = modal.modifier.name;
        if (pairedCode) pairedCode = applyModifier(modal.modifier, pairedCode).code;
      }
      const neg = negationBefore(c, first);
      if (neg) {
        const r = applyModifier(neg, code);
        code = r.code;
        negated = negated || r.negated;
        modality = modality ?? neg.name;
        if (pairedCode) pairedCode = applyModifier(neg, pairedCode).code;
      }
      // a paired code (`032/033`) may stand alone: `---/173` codes only the target's event
      if (!codes.has(code) && !(pairedCode && codes.has(pairedCode))) continue;
      // an act inside a condition is hypothetical: "…if Russia invaded Ukraine"
      if (conditional(c, first)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'hypothetical' });
        continue;
      }
      // "accused the US of violating…", "a proposal for signing…": a gerund after "of"/"for" is what
      // someone is accused of or proposes, not an act
      if (!modal && !hit.m.compiled?.hasSource && isGerund(c, first) && c.ids.gerundHeads.has(c.tokens.norm[first - 1]!)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'hypothetical' });
        continue;
      }
      // source and target
      let sourceId = hit.m.source ?? null;
      // the members of a subject that is no compound of its own (complementSubject)
      let subjectMembers: number[] | null = null;
      let targetId = hit.m.target ?? null;
      const passive = !hit.m.compiled?.hasSource && isPassive(c, triggerTok) && !(coding.passiveNeedsAgent && byAgent(c, hit.m.end + 1) === null);
      if (passive) {
        const agent = byAgent(c, triggerTok + 1);
        const subject = findSubject(c, first);
        sourceId = agent;
        targetId = targetId ?? subject;
      } else {
        // TABARI: the first actor of the clause (coding option `sourceSearch`, events/first-actor.ts)
        if (sourceId === null && coding.sourceSearch === 'first') {
          sourceId = firstActor(fa, Math.min(first, hit.m.first), new Set(hit.m.target !== undefined ? compound(c, hit.m.target) : []));
        }
        // "condemned the attack and promised aid": the subject of the verb before the conjunction
        if (sourceId === null && !nounTrigger) {
          const prev = coordinatedVerb(c, first);
          if (prev >= 0) sourceId = findSubject(c, prev);
        }
        if (sourceId === null) {
          if (nounTrigger && !modal && !coding.nounDefaults) sourceId = nounSource(c, first, hit.m);
          // "Honcharuk's offer to resign": a modal noun's actor is its possessor, like any event noun's
          else if (modal && isNoun(c, first)) sourceId = nounSource(c, first, hit.m);
          else if (!isGerund(c, first) || modal) {
            sourceId = findSubject(c, Math.min(first, hit.m.first));
            // a pattern word before the subject ("Neither Galadriel nor Gollum boycotted": NEITHER *)
            if (sourceId === null && hit.m.first < first) {
              const inner = findSubject(c, first);
              if (inner !== null && inner !== hit.m.target) sourceId = inner;
            }
            // PETRARCH: a subject with no actor of its own stands for the actors of its prepositional phrases
            if (sourceId === null && coding.subjectInComplements) {
              subjectMembers = complementSubject(c, Math.min(first, hit.m.first));
              sourceId = subjectMembers?.[0] ?? null;
            }
          }
        }
        if (targetId === null) {
          let exclude = new Set<number>(subjectMembers ?? (sourceId !== null ? compound(c, sourceId) : []));
          if (coding.sourceSearch === 'first') exclude = sameActors(fa, [...exclude]);
          // the peers: the first actor after the verb, also between it and the pattern's last word
          // protests, coercion and violence "in Kirkuk" are aimed at the place's state, as CAMEO codes them
          const placeTargets = c.ids.placeTargetRoots.has(code.slice(0, 2));
          targetId = findObject(c, (coding.targetSearch === 'sentence' ? first : hit.m.end) + 1, exclude, placeTargets);
          // TABARI: no actor after the verb: the next one after the source
          if (targetId === null && sourceId !== null && coding.sourceSearch === 'first' && slots.slots[sourceId]!.tokenEnd <= first) targetId = nextActorBefore(fa, sourceId, first, exclude);
        }
      }
      // a pattern that names the target before the trigger and no source ("+ was * dead"): the source is after it
      if (sourceId === null && hit.m.target !== undefined && hit.m.compiled?.hasSource === false && slots.slots[hit.m.target]!.tokenStart < first) {
        sourceId = findObject(c, hit.m.end + 1, new Set(compound(c, hit.m.target)));
      }
      // a compound `%` before the trigger is the source side ("A and B agree")
      if (hit.m.compound && slots.slots[hit.m.compound[0]!]!.tokenStart < triggerTok) sourceId = hit.m.compound[0]!;
      // no actor before the verb (coding options `sourceAfterVerb`, `defaultSource`, `defaultTarget`; events/implied.ts)
      let single = false;
      if (sourceId === null && !passive && hit.m.target === undefined && targetId !== null && coding.sourceAfterVerb) {
        if (!(coding.defaultSource?.noActorBefore && !actorIn(slots, s.tokenStart, first, coded))) {
          // TABARI: the first actor after the verb is the source, the next one the target
          sourceId = targetId;
          targetId = findObject(c, slots.slots[sourceId]!.tokenEnd, new Set([sourceId]));
          single = true;
        }
      }
      if (sourceId === null && coding.defaultSource) sourceId = IMPLIED_SOURCE;
      if (targetId === null && coding.defaultTarget) targetId = IMPLIED_TARGET;
      const slotOf = (k: number): Slot =>
        k >= 0 ? slots.slots[k]! : impliedSlot(k === IMPLIED_SOURCE ? coding.defaultSource!.code : coding.defaultTarget!.code, sIdx, tokens.start[first]!, first);
      if (sourceId === null || !coded(slotOf(sourceId))) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'no source' });
        continue;
      }
      const sources = sourceId < 0 || single ? [sourceId] : subjectMembers?.includes(sourceId) ? subjectMembers : compound(c, sourceId);
      // "A and B held talks on Tuesday as tensions rose over X": a reciprocal act of a compound
      // subject is between its members, unless the pattern or "with" names someone else
      if (hit.ce.entry.reciprocal && sources.length > 1 && hit.m.target === undefined && targetId !== null && targetId >= 0) {
        const before = slots.slots[targetId]!.tokenStart - 1;
        if (before < s.tokenStart || tokens.norm[before] !== ids.with) targetId = null;
      }
      let targets: (number | null)[] = targetId === null ? [null] : targetId < 0 || single ? [targetId] : compound(c, targetId);
      targets = targets.filter((x) => x === null || coded(slotOf(x)));
      if (!targets.length) targets = [null];
      const pairs: [number, number | null, string?][] = [];
      const comp = hit.m.compound;
      if (comp && (slots.slots[comp[0]!]!.tokenStart < triggerTok || coding.compoundAfterTrigger !== 'target')) {
        // `%`: the members of the compound act on each other ("A and B agree", "exchanged prisoners with A and B")
        for (const a of comp) for (const b of comp) if (a !== b) pairs.push([a, b]);
      } else if (comp) {
        // PETRARCH: a compound after the trigger is the target ("agrees with A and B")
        for (const a of sources) for (const b of comp) pairs.push([a, b]);
      } else if (targets.length === 1 && targets[0] === null && sources.length > 1 && (hit.ce.entry.reciprocal || hit.m.paired !== undefined)) {
        // a reciprocal verb, or a paired code ("A and B renewed ties": 064/064), between the members of a compound subject
        for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of sources) for (const b of targets) pairs.push([a, b]);
      }
      // a paired code (`032/033`, "left for": visit and be visited): the target's event towards the source
      if (pairedCode) {
        const n = pairs.length;
        for (let i = 0; i < n; i++) {
          const [a, b] = pairs[i]!;
          if (b !== null) pairs.push([b, a, pairedCode]);
        }
      }
      for (let k = first; k <= hit.m.end; k++) consumed[k - s.tokenStart] = 1;
      for (const k of hit.m.used) if (k >= s.tokenStart && k < s.tokenEnd) consumed[k - s.tokenStart] = 1;
      const trig = span(c, first, lastLiteral(c, hit.m, triggerTok));
      const found = dates.near(sIdx, s.start, s.end, trig.start);
      for (const [a, b, own] of pairs) {
        const evCode = own ?? code;
        if (!codes.has(evCode)) continue;
        const src = slotOf(a);
        const tgt = b === null ? null : slotOf(b);
        if (!coded(src)) continue;
        // an act in the actor's own country ("Iran arrested a singer in Tehran"): the act stands, with no target
        if (tgt && tgt.actor.code === src.actor.code) {
          if (pairs.length === 1 && !coding.requireTarget && tgt.actor.kind === 'capital') pairs.push([a, null]);
          continue;
        }
        if (coding.requireTarget && !(tgt && coded(tgt))) continue;
        if (!tgt && coding.untargetedNeedsObject && !nounAfter(c, hit.m.end + 1)) continue;
        // a government acting on its own country is no dyad: "the Kremlin … against Russia"; unless the
        // pattern itself names both (`+ hosting * tabaski ^ $`: Mordor hosts its own military)
        const named = hit.m.source !== undefined && hit.m.target !== undefined;
        if (tgt && !named && tgt.actor.code.length === 3 && src.actor.code.startsWith(tgt.actor.code) && b !== null && pairs.length === 1) {
          pairs.push([a, null]);
          continue;
        }
        const key = `${src.actor.code}|${tgt?.actor.code ?? ''}|${evCode}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const rule = hit.m.compiled
          ? { file: hit.m.compiled.pattern.source.file, line: hit.m.compiled.pattern.source.line, pattern: hit.m.compiled.pattern.text }
          : { file: hit.ce.entry.source.file, line: hit.ce.entry.source.line, pattern: `${hit.ce.entry.lemma} (default)` };
        const ev: CodedEvent = {
          sentence: sIdx,
          source: ref(src),
          target: tgt ? ref(tgt) : null,
          cameo: evCode,
          label: codes.label(evCode),
          plover: codes.plover(evCode),
          goldstein: codes.goldstein(evCode),
          quad: codes.quad(evCode),
          date: found?.date ?? input.date,
          trigger: trig,
          negated,
          rule,
        };
        if (found) ev.dateText = found.text;
        if (modality) ev.modality = modality;
        if (passive) ev.rule = { ...ev.rule, pattern: `${ev.rule.pattern ?? ''} [passive]` };
        events.push(ev);
      }
      if (trace) trace.push({ trigger: trig, entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'fired' });
      t = Math.max(t, triggerTok);
      // one event per clause: the rest of the clause codes nothing
      if (coding.eventsPer && coding.eventsPer !== 'all' && events.length > eventsBefore) {
        t = coding.eventsPer === 'sentence' ? s.tokenEnd : clauseBoundary(c, t) - 1;
      }
    }
  });
  return events;
}

/**
 * The end of the trigger span: the last literal word the pattern used after
 * the trigger and before its first actor slot, without a trailing preposition,
 * so "held telephone talks with +" shows "held telephone talks".
 */
function lastLiteral(c: Ctx, m: PatternMatch, trigger: number): number {
  let last = trigger;
  for (const u of m.used) {
    if (u <= last || (m.firstSlot !== undefined && u >= m.firstSlot)) continue;
    const p = c.tokens.pos[u];
    if (p === POS.ADP || p === POS.DET || p === POS.PART) continue;
    last = u;
  }
  return last;
}

function span(c: Ctx, a: number, b: number): TextSpan {
  const start = c.tokens.start[a]!;
  const end = c.tokens.end[b]!;
  return { text: c.text.slice(start, end), start, end };
}
