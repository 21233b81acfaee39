/**
 * The country of an office-holder the dictionary does not know. "President
 * Askar Akayev has agreed to resign without returning to Kyrgyzstan": the
 * title says GOV, the name is no one the dictionary holds, and the country
 * is not written beside the title. In news such a person is almost always
 * an official of the one state the sentence is about, so a title with a
 * name and no country takes the state of the sentence when the sentence
 * names exactly one (as a country, its capital, one of its places, or an
 * adjective). It takes none when:
 *
 *   - the sentence names two or more states ("President X met Hu in Beijing"
 *     is no Chinese official),
 *   - that state's own office-holder is in the sentence too ("President X
 *     met Chinese President Hu in Beijing": the guest is not the host), or
 *   - the state is named only inside another actor's words, or
 *   - the name is one word the dictionary does not know ("the Sovereign
 *     State of Biafra" is no sovereign called State).
 *
 * The mention keeps its words; its rule says where the country came from.
 */
import type { ActorMention } from '../../core/layers.js';

const STATE_KINDS = new Set<ActorMention['kind']>(['country', 'capital']);

export function sentenceCountries(layer: ActorMention[], countries: ReadonlySet<string>): ActorMention[] {
  const bySentence = new Map<number, ActorMention[]>();
  for (const a of layer) {
    const list = bySentence.get(a.sentence);
    if (list) list.push(a);
    else bySentence.set(a.sentence, [a]);
  }
  let changed = false;
  const out = layer.map((a) => {
    if (!a.code.startsWith('---') || a.kind !== 'person' || !a.office || !a.person) return a;
    // a name the dictionary does not hold is a name only in two words or more: "the Sovereign State" is none
    if (!a.name && a.person.trim().split(/\s+/).length < 2) return a;
    const same = bySentence.get(a.sentence)!;
    const states = new Set<string>();
    for (const b of same) {
      // a state's people ("the Zambian people", ZMBCVL) name it as its name does
      if (!STATE_KINDS.has(b.kind) && !(b.kind === 'agent' && b.code.length === 6 && b.code.endsWith('CVL'))) continue;
      const c = b.code.slice(0, 3);
      if (countries.has(c)) states.add(c);
    }
    if (states.size !== 1) return a;
    const [state] = [...states] as [string];
    // the state's own office-holders are in the sentence: the unknown one is someone else's
    if (same.some((b) => b !== a && (b.kind === 'person' || b.kind === 'description') && b.code.startsWith(state))) return a;
    changed = true;
    return {
      ...a,
      code: state + a.code.slice(3),
      rule: { ...a.rule, pattern: `${a.rule.pattern ?? ''} (country of the sentence: ${state})`.trim() },
    };
  });
  return changed ? out : layer;
}
