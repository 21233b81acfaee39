/**
 * Compiles a verb dictionary into lookup tables over interned token ids:
 * trigger lemma → entries, pattern words → id sets, modifier words → modifier.
 */
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Tokenizer } from '../../nlp/wink.js';
import type { Modifier, VerbDictionary, VerbEntry, VerbPattern } from '../../ontology/load-verbs.js';
import { ElementCompiler, literalWeight, type CompiledElement } from './compile-elements.js';

export type { CompiledElement } from './compile-elements.js';

export interface CompiledPattern {
  pattern: VerbPattern;
  /** elements before the trigger, nearest first */
  before: CompiledElement[];
  /** elements after the trigger, in order */
  after: CompiledElement[];
  /** how many literal words the pattern names: more is more specific */
  weight: number;
  hasTarget: boolean;
  hasSource: boolean;
}

export interface CompiledEntry {
  entry: VerbEntry;
  patterns: CompiledPattern[];
}

export interface CompiledModifier {
  modifier: Modifier;
}

export interface VerbMatcher {
  /** trigger lemma or form id → entries */
  triggers: Map<number, CompiledEntry[]>;
  /** entries with `match: forms`: surface form id → entries (not found by lemma) */
  formTriggers: Map<number, CompiledEntry[]>;
  /** entries with `match: prefix` whose stem begins the word with this id */
  prefixEntries: (id: number) => CompiledEntry[];
  /** lemma id of a word that takes "to VERB" → modifier */
  toWords: Map<number, Modifier>;
  /** words that take a gerund with a modifier: "denied supplying" */
  ingWords: Map<number, Modifier>;
  /** lemma/norm id of a word right before the verb group → modifier ("not") */
  words: Map<number, Modifier>;
  modifiers: Map<string, Modifier>;
  toId: number;
  /** support verbs whose object noun is the event ("launched an invasion"): the `light-verbs` set */
  lightVerbs: Set<number>;
  /** collective and quantity nouns before "of" ("thousands of", "a group of"): the `collective-heads` set */
  collectiveHeads: Set<number>;
  /** nouns of the economy and of companies: `economy-heads` and `firms` ("Soviet mercury sales", "Japanese carmakers") */
  economyHeads: Set<number>;
  /** the `firms` set: company head nouns */
  firmsOnly: Set<number>;
  /** verbs of saying and thinking ("said", "told"): the `reporting-verbs` set (empty when a dictionary has none) */
  reportingVerbs: Set<number>;
  /**
   * by token id, whether it can start anything as a form (trigger, form
   * trigger, stem, to-word) and as a lemma (trigger, to-word): 0 not yet
   * known, 1 no, 2 yes. Memos for `mayTrigger`, one array read a token.
   */
  startsAsForm: number[];
  startsAsLemma: number[];
}

export function compileVerbs(dict: VerbDictionary, tokenizer: Tokenizer, vocab: Vocabulary): VerbMatcher {
  const elements = new ElementCompiler(dict, tokenizer, vocab);
  const idsOf = (w: string): number[] => elements.idsOf(w);
  const triggers = new Map<number, CompiledEntry[]>();
  const formTriggers = new Map<number, CompiledEntry[]>();
  const prefixed: { stem: string; entry: CompiledEntry }[] = [];
  for (const entry of dict.entries) {
    const patterns = entry.patterns.map((p): CompiledPattern => {
      const t = p.elements.findIndex((e) => e.kind === 'trigger');
      const els = elements.compileAll(p.elements);
      // an element's `adjacent` says it is glued to the one before it (in text order);
      // before the trigger we walk backwards, so carry the glue to the element's right neighbour
      const before: CompiledElement[] = [];
      for (let i = t - 1; i >= 0; i--) {
        const el = { ...els[i]!, adjacent: els[i + 1]!.adjacent } as CompiledElement;
        before.push(el);
      }
      const after = els.slice(t + 1);
      return {
        pattern: p,
        before,
        after,
        weight: literalWeight(p.elements),
        hasTarget: p.elements.some((e) => e.kind === 'target'),
        hasSource: p.elements.some((e) => e.kind === 'source'),
      };
    });
    // most specific first; file order breaks ties (or file order only, when the entry asks)
    if (entry.order !== 'file') patterns.sort((a, b) => b.weight - a.weight || Number(b.hasTarget) - Number(a.hasTarget));
    const compiled: CompiledEntry = { entry, patterns };
    if (entry.match === 'prefix') {
      prefixed.push({ stem: entry.lemma, entry: compiled });
      continue;
    }
    const table = entry.match === 'forms' ? formTriggers : triggers;
    const forms = entry.match === 'forms' ? [entry.lemma, ...entry.forms] : [entry.lemma, ...inflections(entry.lemma), ...entry.forms];
    const keys = new Set(forms.map((f) => vocab.intern(f)));
    for (const k of keys) {
      const list = table.get(k) ?? [];
      list.push(compiled);
      table.set(k, list);
    }
  }
  const prefixMemo = new Map<number, CompiledEntry[]>();
  const prefixEntries = (id: number): CompiledEntry[] => {
    if (!prefixed.length) return [];
    let r = prefixMemo.get(id);
    if (!r) {
      const text = vocab.text(id);
      r = prefixed.filter((p) => text.startsWith(p.stem)).map((p) => p.entry);
      prefixMemo.set(id, r);
    }
    return r;
  };
  const toWords = new Map<number, Modifier>();
  const ingWords = new Map<number, Modifier>();
  const words = new Map<number, Modifier>();
  const modifiers = new Map<string, Modifier>();
  for (const m of dict.modifiers) {
    modifiers.set(m.name, m);
    for (const w of m.toWords) for (const id of idsOf(w)) toWords.set(id, m);
    for (const w of m.ingWords) for (const id of idsOf(w)) ingWords.set(id, m);
    for (const w of m.words) for (const id of idsOf(w)) words.set(id, m);
  }
  return {
    triggers, formTriggers, prefixEntries, toWords, ingWords, words, modifiers, toId: vocab.intern('to'),
    lightVerbs: new Set((dict.sets.get('light-verbs')?.words ?? []).flatMap(idsOf)),
    collectiveHeads: new Set((dict.sets.get('collective-heads')?.words ?? []).flatMap(idsOf)),
    firmsOnly: new Set((dict.sets.get('firms')?.words ?? []).flatMap(idsOf)),
    economyHeads: new Set([...(dict.sets.get('economy-heads')?.words ?? []), ...(dict.sets.get('firms')?.words ?? [])].flatMap(idsOf)),
    reportingVerbs: new Set((dict.sets.get('reporting-verbs')?.words ?? []).flatMap(idsOf)),
    startsAsForm: [],
    startsAsLemma: [],
  };
}

/** Applies a modifier to a code: the longest matching prefix in its map, else its `otherwise`. */
export function applyModifier(m: Modifier, code: string): { code: string; negated: boolean } {
  for (let len = code.length; len >= 2; len--) {
    const to = m.map.get(code.slice(0, len));
    if (to !== undefined) return to === 'negate' ? { code, negated: true } : { code: to, negated: false };
  }
  if (m.otherwise === 'keep') return { code, negated: false };
  if (m.otherwise === 'negate') return { code, negated: true };
  return { code: m.otherwise, negated: false };
}

/**
 * Regular English inflections of a lemma, so a trigger is found even where the
 * tagger's lemma is off ("building" tagged as a noun in "has been building
 * up"). Over-generation is harmless: a form that is no word never occurs.
 */
export function inflections(lemma: string): string[] {
  if (!/^[a-z]+$/.test(lemma)) return [];
  const out = [lemma + 's', lemma + 'es', lemma + 'ed', lemma + 'd', lemma + 'ing'];
  if (lemma.endsWith('e')) out.push(lemma.slice(0, -1) + 'ing');
  if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied');
  if (/[^aeiou][aeiou][bdfgklmnprtvz]$/.test(lemma)) {
    const last = lemma[lemma.length - 1]!;
    out.push(lemma + last + 'ed', lemma + last + 'ing');
  }
  return out;
}
