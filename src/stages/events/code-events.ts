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
import type { Modifier } from '../../ontology/load-verbs.js';
import type { CodeBook } from './codebook.js';
import { applyModifier, type CompiledElement, type CompiledEntry, type CompiledPattern, type VerbMatcher } from './compile-verbs.js';
import { DateResolver } from './resolve-date.js';
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
  result: 'fired' | 'no match' | 'no source' | 'shadowed';
}

export interface EventCoderIds {
  clauseStops: Set<number>;
  hardStops: Set<number>;
  relatives: Set<number>;
  conj: Set<number>;
  comma: number;
  by: number;
  be: Set<number>;
  not: Set<number>;
  possessive: Set<number>;
  possessivePronouns: Set<number>;
  that: number;
}

export function eventCoderIds(vocab: Vocabulary): EventCoderIds {
  const ids = (ws: string[]) => new Set(ws.map((w) => vocab.intern(w)));
  return {
    clauseStops: ids(['that', 'because', 'while', 'although', 'though', 'whereas', 'if', 'unless', 'since', 'when', 'whether', 'after', 'before', 'until', 'as']),
    hardStops: ids([';', ':', '—', '–', '--', '(', ')', '“', '”', '"', '«', '»']),
    relatives: ids(['which', 'who', 'whom', 'whose']),
    conj: ids(['and', 'or', '&']),
    comma: vocab.intern(','),
    by: vocab.intern('by'),
    be: ids(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gets', 'getting']),
    not: ids(['not', "n't", 'never']),
    possessive: ids(["'s", '’s', "'", '’']),
    possessivePronouns: ids(['its', 'his', 'her', 'their', 'our', 'my', 'your']),
    that: vocab.intern('that'),
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
}

const isPunct = (c: Ctx, t: number) => c.tokens.has(t, FLAG.PUNCT);

function wordMatches(c: Ctx, el: CompiledElement & { kind: 'word' }, t: number): boolean {
  return el.exact ? el.ids.has(c.tokens.norm[t]!) : el.ids.has(c.tokens.lemma[t]!) || el.ids.has(c.tokens.norm[t]!);
}

/** Matches elements rightwards from token `from`; returns the end position or -1. */
function matchForward(c: Ctx, els: CompiledElement[], from: number, m: PatternMatch): boolean {
  let pos = from;
  for (const el of els) {
    const limit = el.adjacent ? pos : Math.min(pos + MAX_GAP, c.s.tokenEnd - 1);
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
        if (id >= 0 && c.slots.slots[id]!.tokenStart === t) {
          found = t;
          if (m.firstSlot === undefined) m.firstSlot = t;
          if (el.kind === 'target') m.target = id;
          else m.source = id;
          pos = c.slots.slots[id]!.tokenEnd;
          break;
        }
      }
      if (isPunct(c, t) && c.tokens.norm[t] !== c.ids.comma && !c.tokens.has(t, FLAG.QUOTE)) break;
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
    const limit = el.adjacent ? pos : Math.max(pos - MAX_GAP, c.s.tokenStart);
    let found = -1;
    for (let t = pos; t >= limit && t >= c.s.tokenStart; t--) {
      if (el.kind === 'word') {
        if (wordMatches(c, el, t)) {
          found = t;
          m.used.push(t);
          pos = t - 1;
          break;
        }
      } else {
        const id = c.slots.idAt(t);
        if (id >= 0) {
          found = t;
          if (el.kind === 'target') m.target = id;
          else if (el.kind === 'source') m.source = id;
          pos = c.slots.slots[id]!.tokenStart - 1;
          break;
        }
      }
      if (isPunct(c, t) && !c.tokens.has(t, FLAG.QUOTE)) break;
    }
    if (found < 0) return false;
    m.first = Math.min(m.first, pos + 1);
  }
  return true;
}

function tryEntry(c: Ctx, ce: CompiledEntry, t: number, triggerEnd: number): PatternMatch | null {
  for (const p of ce.patterns) {
    const m: PatternMatch = { compiled: p, code: p.pattern.code, end: triggerEnd, first: t, used: [] };
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
    return { compiled: null, code: ce.entry.code, end: triggerEnd, first: t, used: [] };
  }
  return null;
}

function posAllowed(c: Ctx, ce: CompiledEntry, t: number): boolean {
  const p = c.tokens.pos[t]!;
  switch (ce.entry.pos) {
    case 'verb': {
      if (p === POS.VERB || p === POS.AUX) return true;
      // a participle the tagger took for a noun or adjective: "has been building", "were attacked"
      if (t > c.s.tokenStart && (p === POS.NOUN || p === POS.ADJ) && c.tokens.pos[t - 1] === POS.AUX) {
        const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
        return /(ing|ed)$/i.test(surface);
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

function entriesAt(c: Ctx, t: number): CompiledEntry[] {
  const byLemma = c.verbs.triggers.get(c.tokens.lemma[t]!) ?? [];
  const byNorm = c.tokens.norm[t] !== c.tokens.lemma[t] ? c.verbs.triggers.get(c.tokens.norm[t]!) ?? [] : [];
  const all = byNorm.length ? [...new Set([...byLemma, ...byNorm])] : byLemma;
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
function modalAt(c: Ctx, t: number): { modifier: Modifier; inner: number } | null {
  const modifier = c.verbs.toWords.get(c.tokens.lemma[t]!) ?? c.verbs.toWords.get(c.tokens.norm[t]!);
  if (!modifier) return null;
  for (let j = t + 1; j < Math.min(t + 4, c.s.tokenEnd); j++) {
    if (c.tokens.norm[j] === c.verbs.toId) {
      let k = j + 1;
      while (k < c.s.tokenEnd && c.tokens.pos[k] === POS.ADV) k++;
      if (k < c.s.tokenEnd && entriesAt(c, k).length) return { modifier, inner: k };
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

/** The slots joined to slot `id` by "and", "or" or commas: "the U.S. and Russia". */
function compound(c: Ctx, id: number): number[] {
  const out = [id];
  const joinerOk = (from: number, to: number) => {
    // tokens strictly between two slots must all be connectors
    if (to - from < 1 || to - from > 2) return false;
    for (let t = from; t < to; t++) {
      const n = c.tokens.norm[t]!;
      if (!c.ids.conj.has(n) && n !== c.ids.comma) return false;
    }
    return true;
  };
  // rightwards
  let cur = c.slots.slots[id]!;
  for (;;) {
    let t = cur.tokenEnd;
    while (t < c.s.tokenEnd && t - cur.tokenEnd < 2 && (c.ids.conj.has(c.tokens.norm[t]!) || c.tokens.norm[t] === c.ids.comma)) t++;
    const next = c.slots.idAt(t);
    if (t === cur.tokenEnd || next < 0 || !joinerOk(cur.tokenEnd, t) || c.slots.slots[next]!.tokenStart !== t) break;
    out.push(next);
    cur = c.slots.slots[next]!;
  }
  // leftwards
  cur = c.slots.slots[id]!;
  for (;;) {
    let t = cur.tokenStart - 1;
    while (t >= c.s.tokenStart && cur.tokenStart - 1 - t < 2 && (c.ids.conj.has(c.tokens.norm[t]!) || c.tokens.norm[t] === c.ids.comma)) t--;
    const prev = c.slots.idAt(t);
    if (t === cur.tokenStart - 1 || prev < 0 || !joinerOk(t + 1, cur.tokenStart)) break;
    out.unshift(prev);
    cur = c.slots.slots[prev]!;
  }
  // a lone comma list without a conjunction is not a compound
  return out;
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
      const prepObject = before >= c.s.tokenStart && c.tokens.pos[before] === POS.ADP && c.tokens.norm[before] !== c.ids.by;
      const possessor = after < c.s.tokenEnd && c.ids.possessive.has(c.tokens.norm[after]!) && after < t - 1;
      // "its", "his", "their": a possessive determiner is never the subject
      const determiner = slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!);
      if (!prepObject && !possessor && !determiner) return id;
      j = slot.tokenStart;
      continue;
    }
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n) && !c.tokens.has(j, FLAG.QUOTE)) return null;
    const p = c.tokens.pos[j]!;
    if (p === POS.AUX || p === POS.VERB) finiteSeen = true;
    if (n === c.ids.that && c.tokens.pos[j] === POS.SCONJ && !finiteSeen) return null;
  }
  return null;
}

/** Is the -ing trigger at t a gerund heading a clause of its own ("against exacerbating", "that detaining")? */
function isGerund(c: Ctx, t: number): boolean {
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  if (!surface.endsWith('ing') || t === c.s.tokenStart) return false;
  const p = c.tokens.pos[t - 1]!;
  return p === POS.ADP || p === POS.SCONJ || p === POS.DET || (p === POS.PUNCT && !c.tokens.has(t - 1, FLAG.QUOTE));
}

/**
 * The target: the first actor right of token `from` inside the clause: the
 * direct object ("warned the U.S."), the object of a preposition ("imposed
 * sanctions on Russia", "rejected calls by Kofi Annan"), or the place the act
 * happened in, as CAMEO coders code it ("imposed a curfew in the town of Cizre
 * in Turkey"). The clause ends at a complementizer, a relative pronoun, a
 * semicolon or dash, or "and" before a new verb.
 */
function findObject(c: Ctx, from: number, exclude: Set<number>): number | null {
  const end = Math.min(c.s.tokenEnd, from + TARGET_REACH);
  for (let j = from; j < end; j++) {
    const id = c.slots.idAt(j);
    if (id >= 0 && !exclude.has(id)) {
      const slot = c.slots.slots[id]!;
      if (slot.tokenStart === j || j === from) {
        // a pronoun followed by its verb is the subject of a clause of its own ("insisted it was")
        const pronoun = slot.viaCoref && slot.tokenEnd - slot.tokenStart === 1 && c.tokens.pos[slot.tokenStart] === POS.PRON;
        const next = c.tokens.pos[slot.tokenEnd];
        if (pronoun && (next === POS.AUX || next === POS.VERB)) return null;
        return id;
      }
    }
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n)) return null;
    if (c.ids.clauseStops.has(n) && c.tokens.pos[j] !== POS.ADP) return null;
    if (c.ids.relatives.has(n)) return null;
    if (n === c.ids.comma) {
      const next = c.slots.idAt(j + 1);
      if (next < 0) return null;
    }
    if (c.ids.conj.has(n) && j + 1 < end && (c.tokens.pos[j + 1] === POS.VERB || c.tokens.pos[j + 1] === POS.AUX)) return null;
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
  const r: ActorRef = { text: slot.text, start: slot.start, end: slot.end, code: slot.actor.code || null, actor: slot.actorIndex };
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
  const events: CodedEvent[] = [];
  sentences.forEach((s, sIdx) => {
    const c: Ctx = { tokens, text, s, slots, verbs, ids, trace };
    const consumed = new Uint8Array(s.tokenEnd - s.tokenStart);
    const seen = new Set<string>();
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (consumed[t - s.tokenStart] || isPunct(c, t)) continue;
      let modal = modalAt(c, t);
      let hit = modal ? matchAt(c, modal.inner) : null;
      let first = t;
      if (!hit) {
        modal = null;
        hit = matchAt(c, t);
      }
      if (!hit) continue;
      const triggerTok = modal ? modal.inner : t;
      // a noun is an event only through a pattern ("talks with +"), never by its default code ("the terror threat")
      const posT = tokens.pos[triggerTok]!;
      if (!hit.m.compiled && !modal && (posT === POS.NOUN || posT === POS.PROPN)) continue;
      let { code } = hit.m;
      let negated = false;
      let modality: string | undefined;
      if (modal) {
        const r = applyModifier(modal.modifier, code);
        code = r.code;
        negated = r.negated;
        modality = modal.modifier.name;
      } else if (hit.ce.entry.modal) {
        // a modal word standing alone ("refused", "threatened"): its own code
      }
      const neg = negationBefore(c, first);
      if (neg) {
        const r = applyModifier(neg, code);
        code = r.code;
        negated = negated || r.negated;
        modality = modality ?? neg.name;
      }
      if (!codes.has(code)) continue;
      // source and target
      const used = new Set<number>();
      let sourceId = hit.m.source ?? null;
      let targetId = hit.m.target ?? null;
      const passive = !hit.m.compiled?.hasSource && isPassive(c, triggerTok);
      if (passive) {
        const agent = byAgent(c, hit.m.end + 1);
        const subject = findSubject(c, first);
        sourceId = agent;
        targetId = targetId ?? subject;
      } else {
        if (sourceId === null && !(isGerund(c, first) && !modal)) sourceId = findSubject(c, Math.min(first, hit.m.first));
        if (targetId === null) {
          const exclude = new Set<number>(sourceId !== null ? compound(c, sourceId) : []);
          targetId = findObject(c, hit.m.end + 1, exclude);
        }
      }
      if (sourceId === null || !SlotIndex.coded(slots.slots[sourceId]!)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'no source' });
        continue;
      }
      const sources = compound(c, sourceId);
      let targets: (number | null)[] = targetId !== null ? compound(c, targetId) : [null];
      targets = targets.filter((x) => x === null || SlotIndex.coded(slots.slots[x]!));
      if (!targets.length) targets = [null];
      const pairs: [number, number | null][] = [];
      if (targets.length === 1 && targets[0] === null && sources.length > 1 && hit.ce.entry.reciprocal) {
        for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of sources) for (const b of targets) pairs.push([a, b]);
      }
      for (let k = first; k <= hit.m.end; k++) consumed[k - s.tokenStart] = 1;
      for (const k of hit.m.used) if (k >= s.tokenStart && k < s.tokenEnd) consumed[k - s.tokenStart] = 1;
      void used;
      const trig = span(c, first, lastLiteral(c, hit.m, triggerTok));
      const found = dates.near(sIdx, s.start, s.end, trig.start);
      for (const [a, b] of pairs) {
        const src = slots.slots[a]!;
        const tgt = b === null ? null : slots.slots[b]!;
        if (!SlotIndex.coded(src)) continue;
        if (tgt && tgt.actor.code === src.actor.code) continue;
        if (coding.requireTarget && !(tgt && SlotIndex.coded(tgt))) continue;
        const key = `${src.actor.code}|${tgt?.actor.code ?? ''}|${code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const rule = hit.m.compiled
          ? { file: hit.m.compiled.pattern.source.file, line: hit.m.compiled.pattern.source.line, pattern: hit.m.compiled.pattern.text }
          : { file: hit.ce.entry.source.file, line: hit.ce.entry.source.line, pattern: `${hit.ce.entry.lemma} (default)` };
        const ev: CodedEvent = {
          sentence: sIdx,
          source: ref(src),
          target: tgt ? ref(tgt) : null,
          cameo: code,
          label: codes.label(code),
          plover: codes.plover(code),
          goldstein: codes.goldstein(code),
          quad: codes.quad(code),
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
