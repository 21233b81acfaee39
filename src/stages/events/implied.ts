/**
 * Implied actors: the codes an event takes when the text names no source or
 * no target (coding options `defaultSource`, `defaultTarget`, as TABARI's
 * `DEFAULT: SOURCE [code] PRIOR TARGET [code]`). An implied actor has no
 * words: its span is empty, at the trigger, and it is in no actors layer.
 */
import type { Slot, SlotIndex } from '../coref/slots.js';
import type { ActorMention } from '../../core/layers.js';

/** slot numbers of the implied source and target (real slots are numbered from 0) */
export const IMPLIED_SOURCE = -1;
export const IMPLIED_TARGET = -2;

export function impliedSlot(code: string, sentence: number, at: number, token: number): Slot {
  const actor: ActorMention = {
    text: '',
    start: at,
    end: at,
    sentence,
    tokenStart: token,
    tokenEnd: token,
    code,
    kind: 'agent',
    rule: { file: 'coding options', line: 0, pattern: `default actor ${code}` },
  };
  return { tokenStart: token, tokenEnd: token, text: '', start: at, end: at, actor, actorIndex: -1, viaCoref: false, modifier: false };
}

/** Whether a coded actor stands in tokens [from, to) (TABARI's `PRIOR`: an actor before the verb). */
export function actorIn(slots: SlotIndex, from: number, to: number, coded: (s: Slot) => boolean): boolean {
  for (let t = from; t < to; t++) {
    const id = slots.idAt(t);
    if (id >= 0 && coded(slots.slots[id]!)) return true;
  }
  return false;
}
