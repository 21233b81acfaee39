/** Modality around a trigger: modal words ("ready to", "refused to"), negation, passive voice, conditions. */
import { FLAG, POS } from '../../core/token-table.js';
import type { Modifier } from '../../ontology/load-verbs.js';
import { type Ctx, isPunct } from './context.js';
import { entriesAt } from './match-pattern.js';

/** "ready to discuss", "refused to provide": the modal word at t, "to", then a trigger. */
export function modalAt(c: Ctx, t: number): { modifier: Modifier; inner: number; noun?: number } | null {
  const modifier = c.verbs.toWords.get(c.tokens.lemma[t]!) ?? c.verbs.toWords.get(c.tokens.norm[t]!);
  if (!modifier) return gerundModalAt(c, t);
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
export function negationBefore(c: Ctx, t: number): Modifier | null {
  for (let j = t - 1; j >= Math.max(c.s.tokenStart, t - 4); j--) {
    // "Theresa May stepped down": a word of an actor's name is no modal, and ends the verb group
    if (c.slots.idAt(j) >= 0) return null;
    // ("Britain's May criticised": a capitalised word after a possessive is a name the dictionaries lack)
    if (j > c.s.tokenStart && c.ids.possessive.has(c.tokens.norm[j - 1]!) && c.tokens.has(j, FLAG.CAP)) return null;
    const mod = c.verbs.words.get(c.tokens.norm[j]!) ?? c.verbs.words.get(c.tokens.lemma[j]!);
    if (mod) return mod;
    const p = c.tokens.pos[j]!;
    if (p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return null;
  }
  return null;
}

export function isPassive(c: Ctx, t: number): boolean {
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
 * A bare past participle after its noun, followed by a preposition: the
 * reduced passive of headlines and lists ("Japanese mogul arrested for
 * fraud", "three soldiers killed in Kabul", "the people detained after the
 * protest"). Used for acts of force (17-20), whose verbs take an object:
 * with no object after them they are passive.
 */
export function reducedPassive(c: Ctx, t: number, force = true): boolean {
  if (c.coding.sourceSearch || c.tokens.pos[t] !== POS.VERB || t <= c.s.tokenStart || t + 1 >= c.s.tokenEnd) return false;
  if (!/ed$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return false;
  if (!c.ids.reducedPassivePreps.has(c.tokens.norm[t + 1]!)) return false;
  const p = c.tokens.pos[t - 1]!;
  // any other verb only after a noun that is no actor: "the ceasefire agreement signed in March", "a ceiling agreed in Geneva"
  if (!force) return p === POS.NOUN && c.slots.idAt(t - 1) < 0;
  return p === POS.NOUN || p === POS.PROPN || (c.slots.idAt(t - 1) >= 0 && c.slots.slots[c.slots.idAt(t - 1)]!.tokenEnd === t);
}

/** Is the trigger at t inside an "if"/"unless" clause (a condition, not an act)? */
export function conditional(c: Ctx, t: number): boolean {
  for (let j = t - 1; j >= c.s.tokenStart; j--) {
    const n = c.tokens.norm[j]!;
    if (c.ids.conditions.has(n)) return true;
    if (n === c.ids.comma || c.ids.hardStops.has(n) || c.ids.clauseStops.has(n) || c.ids.relatives.has(n)) return false;
  }
  return false;
}

/** "denied supplying Russia with weapons": a word of a modifier's ing-words at t, then (across adverbs) a gerund trigger */
function gerundModalAt(c: Ctx, t: number): { modifier: Modifier; inner: number } | null {
  const modifier = c.verbs.ingWords.get(c.tokens.lemma[t]!) ?? c.verbs.ingWords.get(c.tokens.norm[t]!);
  if (!modifier || c.tokens.pos[t] !== POS.VERB) return null;
  let k = t + 1;
  while (k < c.s.tokenEnd && k - t <= 2 && c.tokens.pos[k] === POS.ADV) k++;
  if (k >= c.s.tokenEnd || c.tokens.pos[k] !== POS.VERB || !/ing$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!))) return null;
  return entriesAt(c, k).length ? { modifier, inner: k } : null;
}
