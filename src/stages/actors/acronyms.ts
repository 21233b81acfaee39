/**
 * Acronyms an article defines for itself. "The Railway Protection Force
 * (RPF) ..., the RPF said": in this article RPF is the Railway Protection
 * Force, not the Rwandan Patriotic Front the dictionary knows by those
 * letters. When a capitalised name is followed by an acronym in brackets
 * that the dictionary codes, and the name itself is not that actor, the
 * acronym stands for the name throughout the article: its mentions take the
 * name's code when the name is an actor, and are no actor otherwise.
 *
 *   Kurdistan Workers' Party (PKK)         the name is the same actor: kept
 *   Montenegro Municipality Association (AKK)   no actor: "AKK" is dropped
 */
import type { ActorMention } from '../../core/layers.js';
import { FLAG, type TokenTable } from '../../core/token-table.js';

export function articleAcronyms(layer: ActorMention[], tokens: TokenTable, text: string): ActorMention[] {
  if (!layer.length) return layer;
  const endingAt = new Map<number, ActorMention>();
  for (const a of layer) endingAt.set(a.tokenEnd, a);
  /** acronym surface → the code its mentions take ('' for none) */
  const defined = new Map<string, { from: string; to: string; name?: string }>();
  for (const a of layer) {
    const i = a.tokenStart;
    if (a.tokenEnd !== i + 1 || i < 2 || i + 1 >= tokens.length) continue;
    const acr = tokens.surface(text, i);
    if (!/^[A-Z][A-Z0-9&-]{1,7}$/.test(acr)) continue;
    if (tokens.surface(text, i - 1) !== '(' || tokens.surface(text, i + 1) !== ')') continue;
    // the name right before the bracket: capitalised words
    const last = i - 2;
    if (!tokens.has(last, FLAG.CAP) || tokens.has(last, FLAG.PUNCT)) continue;
    const name = endingAt.get(i - 1);
    if (name && name.code === a.code) continue;
    // "Imran Khan (PTI)": a person's party or office in brackets, not the person's acronym
    if (name && (name.kind === 'person' || name.kind === 'description')) continue;
    if (name) {
      defined.set(acr, { from: a.code, to: name.code, ...(name.name ? { name: name.name } : {}) });
    } else {
      // several capitalised words before the bracket, none of them an actor ending there: a name the dictionary lacks
      if (!tokens.has(last - 1, FLAG.CAP) && !(tokens.surface(text, last - 1).toLowerCase() === 'of' && tokens.has(last - 2, FLAG.CAP))) continue;
      defined.set(acr, { from: a.code, to: '' });
    }
  }
  if (!defined.size) return layer;
  const out: ActorMention[] = [];
  for (const a of layer) {
    const surface = a.text.replace(/^the\s+/i, '');
    const d = defined.get(surface);
    if (!d || a.code !== d.from) {
      out.push(a);
      continue;
    }
    if (!d.to) continue;
    const { name: _name, ...rest } = a;
    void _name;
    out.push({ ...rest, code: d.to, ...(d.name ? { name: d.name } : {}), rule: { ...a.rule, pattern: `${surface}, as the article defines it` } });
  }
  return out;
}
