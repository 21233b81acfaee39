/**
 * Actor slots: every place in the text that stands for a coded actor, either an
 * actor mention or a pronoun/description resolved by coreference, indexed by
 * token so the event coder can ask "is there an actor here?" in O(1).
 */
import type { ActorMention, CorefLink } from '../../core/layers.js';
import type { TokenTable } from '../../core/token-table.js';

export interface Slot {
  tokenStart: number;
  tokenEnd: number;
  /** the words in the text */
  text: string;
  start: number;
  end: number;
  /** the actor they stand for (the mention itself, or the antecedent) */
  actor: ActorMention;
  actorIndex: number;
  /** true when resolved through coreference */
  viaCoref: boolean;
  /** true when the words modify a following noun ("Israeli airstrikes") */
  modifier: boolean;
}

export class SlotIndex {
  readonly slots: Slot[] = [];
  /** token → slot index, -1 where none */
  private readonly at: Int32Array;

  constructor(tokens: TokenTable, actors: readonly ActorMention[], coref: readonly CorefLink[]) {
    this.at = new Int32Array(tokens.length).fill(-1);
    const byStart = new Map<number, CorefLink>();
    for (const l of coref) byStart.set(l.tokenStart, l);
    const add = (s: Slot) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) if (this.at[t] !== -1) return;
      const id = this.slots.length;
      this.slots.push(s);
      for (let t = s.tokenStart; t < s.tokenEnd; t++) this.at[t] = id;
    };
    actors.forEach((a, i) => {
      const link = byStart.get(a.tokenStart);
      const resolved = link && link.tokenEnd === a.tokenEnd ? actors[link.antecedent] : undefined;
      const actor = resolved ?? a;
      if (!actor.code || actor.code.startsWith('---')) {
        // an agent with no country still fills the slot (so no other actor is taken for it)
        add({ tokenStart: a.tokenStart, tokenEnd: a.tokenEnd, text: a.text, start: a.start, end: a.end, actor: a, actorIndex: i, viaCoref: false, modifier: a.modifier === true });
        return;
      }
      add({
        tokenStart: a.tokenStart, tokenEnd: a.tokenEnd, text: a.text, start: a.start, end: a.end,
        actor, actorIndex: resolved ? link!.antecedent : i, viaCoref: resolved !== undefined, modifier: a.modifier === true,
      });
    });
    for (const l of coref) {
      if (this.at[l.tokenStart] !== -1) continue;
      const actor = actors[l.antecedent];
      if (!actor) continue;
      add({ tokenStart: l.tokenStart, tokenEnd: l.tokenEnd, text: l.text, start: l.start, end: l.end, actor, actorIndex: l.antecedent, viaCoref: true, modifier: false });
    }
    this.slots.sort((a, b) => a.tokenStart - b.tokenStart);
    this.at.fill(-1);
    this.slots.forEach((s, id) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) this.at[t] = id;
    });
  }

  /** the slot covering token t, or undefined */
  slotAt(t: number): Slot | undefined {
    const id = this.at[t];
    return id === undefined || id < 0 ? undefined : this.slots[id];
  }

  idAt(t: number): number {
    return this.at[t] ?? -1;
  }

  /** whether the slot's actor has a usable code (a country or organisation) */
  static coded(s: Slot): boolean {
    return s.actor.code !== '' && !s.actor.code.startsWith('---');
  }
}
