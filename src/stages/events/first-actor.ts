/**
 * TABARI's source and target, with no parse (coding option `sourceSearch:
 * 'first'`): the source of a verb is the first actor of its clause, and when
 * no actor follows the verb, the target is the next actor after the source.
 *
 * A clause begins at the sentence start, or after a coordinating conjunction
 * ("and", "but", "or", also "and then") that is followed by a new subject
 * rather than a verb and that does not join two actors: "Elrond urged Bree to
 * chill out and Gondor asked him" (Gondor asked), "Gondor accepts that
 * Calenardon might affirm an attack … or assail Arnor" (Gondor assails:
 * "that" starts no clause, and "or assail" shares its subject).
 */
import { POS, type TokenTable } from '../../core/token-table.js';
import type { Sentence } from '../../core/layers.js';
import type { Slot, SlotIndex } from '../coref/slots.js';

export interface FirstActorCtx {
  tokens: TokenTable;
  s: Sentence;
  slots: SlotIndex;
  coordinators: Set<number>;
  /** conjunctions that may join two actors: and, or, nor */
  joiners: Set<number>;
  possessivePronouns: Set<number>;
  coded: (s: Slot) => boolean;
}

/** The first token of the clause that holds token t. */
export function clauseStart(c: FirstActorCtx, t: number): number {
  const { tokens, s, slots } = c;
  for (let j = t - 1; j > s.tokenStart; j--) {
    if (!c.coordinators.has(tokens.norm[j]!)) continue;
    const before = slots.idAt(j - 1);
    // "Gondor and Bree": a compound ("but" joins no actors)
    if (before >= 0 && slots.slots[before]!.tokenEnd === j && c.joiners.has(tokens.norm[j]!)) continue;
    // "… or assail Arnor", "and then promised": a verb phrase sharing the subject; "and then it
    // requested", "or cool place to visit": a clause of its own
    let k = j + 1;
    while (k < t && (tokens.pos[k] === POS.ADV || tokens.pos[k] === POS.AUX || tokens.pos[k] === POS.PART || tokens.pos[k] === POS.VERB)) k++;
    if (k < t) return j + 1;
  }
  return s.tokenStart;
}

/** The first coded actor starting in [from, to), not one of `exclude`. */
function firstCodedIn(c: FirstActorCtx, from: number, to: number, exclude: ReadonlySet<number>): number | null {
  for (let j = from; j < to; j++) {
    const id = c.slots.idAt(j);
    if (id < 0) continue;
    const slot = c.slots.slots[id]!;
    j = slot.tokenEnd - 1;
    if (exclude.has(id) || !c.coded(slot)) continue;
    // "its", "their": a possessive determiner names an owner, not an actor
    if (slot.tokenEnd - slot.tokenStart === 1 && c.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!)) continue;
    return id;
  }
  return null;
}

/** The first coded actor between the clause start and token t, not one of `exclude`. */
export function firstActor(c: FirstActorCtx, t: number, exclude: ReadonlySet<number>): number | null {
  return firstCodedIn(c, clauseStart(c, t), t, exclude);
}

/** The next coded actor after the source and before token t, not one of `exclude`. */
export function nextActorBefore(c: FirstActorCtx, source: number, t: number, exclude: ReadonlySet<number>): number | null {
  return firstCodedIn(c, c.slots.slots[source]!.tokenEnd, t, exclude);
}

/**
 * The slots of the sentence that stand for the same actors as `ids` (the
 * source): none of them is the target, as an actor acting on itself is no
 * event ("urged Bree to assist it": it is Calenardhon, so Bree is the target).
 */
export function sameActors(c: FirstActorCtx, ids: readonly number[]): Set<number> {
  const codes = new Set(ids.map((id) => c.slots.slots[id]!.actor.code));
  const out = new Set(ids);
  for (let t = c.s.tokenStart; t < c.s.tokenEnd; t++) {
    const id = c.slots.idAt(t);
    if (id >= 0 && codes.has(c.slots.slots[id]!.actor.code)) out.add(id);
  }
  return out;
}
