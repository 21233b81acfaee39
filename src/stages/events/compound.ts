/** Actor slots as patterns and actor search see them: compounds ("the U.S. and Russia"), possessors, actor classes. */
import { POS } from '../../core/token-table.js';
import type { Slot } from '../coref/slots.js';
import type { ActorClass } from '../../ontology/load-verbs.js';
import type { Ctx } from './context.js';

/**
 * The slots joined to slot `id` by "and", "or" and commas: "the U.S. and
 * Russia", "Iran, Libya, Sudan and Cuba". A chain joined by commas alone is
 * not a compound ("…invaded Ukraine, the White House said").
 */
export function compound(c: Ctx, id: number): number[] {
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
  if (!withConj) return [id];
  // "met his counterpart in Tokyo and the officials signed …": after a preposition that follows a verb, the
  // member right before a verb of its own opens a new clause; it is no list with the preposition's object
  if (!c.coding.sourceSearch && chain.length === 2) {
    const a = c.slots.slots[chain[0]!]!;
    const b = c.slots.slots[chain[1]!]!;
    const before = a.tokenStart - 1;
    const v = pastAuxiliaries(c, b.tokenEnd);
    const verbAfter = v < c.s.tokenEnd && (c.tokens.pos[v] === POS.VERB || v > b.tokenEnd) && !/ing$/i.test(c.text.slice(c.tokens.start[v]!, c.tokens.end[v]!));
    if (verbAfter && before > c.s.tokenStart && c.tokens.pos[before] === POS.ADP && c.tokens.norm[before] !== c.ids.between && verbBetween(c, c.s.tokenStart, before)) return [id];
  }
  return chain;
}

/** the first token from `from` on that is no adverb or auxiliary: the main verb of a verb group there, if any */
export function pastAuxiliaries(c: Ctx, from: number): number {
  let v = from;
  while (v < c.s.tokenEnd && (c.tokens.pos[v] === POS.ADV || c.tokens.pos[v] === POS.AUX)) v++;
  return v;
}

/** a verb or auxiliary among tokens [from, to): the clause there has its own */
export function verbBetween(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (c.tokens.pos[k] === POS.VERB || c.tokens.pos[k] === POS.AUX) return true;
  return false;
}

/** The token after "'s" and the noun phrase it heads ("Eriador's death"), from t at the "'s"; t when there is none. */
export function pastPossessed(c: Ctx, t: number): number {
  if (t >= c.s.tokenEnd || !c.ids.possessive.has(c.tokens.norm[t]!)) return t;
  let k = t + 1;
  while (k < c.s.tokenEnd && k - t <= 4 && c.slots.idAt(k) < 0 && (c.tokens.pos[k] === POS.NOUN || c.tokens.pos[k] === POS.ADJ || c.tokens.pos[k] === POS.NUM)) k++;
  return k > t + 1 && c.tokens.pos[k - 1] === POS.NOUN ? k : t;
}

/** Past a determiner and adjectives ("the evil awful"), walking right (dir 1) or left (-1), at most three words. */
export function skipModifiers(c: Ctx, t: number, dir: 1 | -1): number {
  let k = t;
  for (let n = 0; n < 3 && k >= c.s.tokenStart && k < c.s.tokenEnd; n++) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.DET && p !== POS.ADJ) break;
    if (c.slots.idAt(k) >= 0) break;
    k += dir;
  }
  return k;
}

/** Does the slot's actor belong to the class a pattern slot asks for (`+person`, `$state`)? */
export function ofClass(slot: Slot, cls: ActorClass | undefined): boolean {
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

/** "its", "his", "their": a possessive determiner belongs to the noun after it; it is never an actor slot of its own */
export function isDeterminer(c: Ctx, slot: Slot): boolean {
  return slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!);
}
