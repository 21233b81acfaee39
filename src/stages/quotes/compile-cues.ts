/**
 * Compiles the cue dictionary (ontology/quotes/cues.txt) into a lookup over
 * interned token ids: the first word of each cue (its lemma, and any extra
 * forms) → the cues that start with it, longest first.
 */
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Tokenizer } from '../../nlp/wink.js';
import type { CueDictionary, CueEntry } from '../../ontology/load-cues.js';

export interface CompiledCue {
  entry: CueEntry;
  /** per word: the ids (lower-cased surface and lemma) it may have */
  words: ReadonlySet<number>[];
}

export interface CueMatcher {
  byFirst: Map<number, CompiledCue[]>;
  /** 1 at the id of every first word of a cue (ids past its end start none): a test a token, before the map */
  firstIds: Uint8Array;
}

export function compileCues(dict: CueDictionary, tokenizer: Tokenizer, vocab: Vocabulary): CueMatcher {
  const byFirst = new Map<number, CompiledCue[]>();
  for (const entry of dict.entries) {
    const { values, lemmas } = tokenizer.phraseWithLemmas(entry.phrase);
    if (!values.length) continue;
    const words = values.map((v, i) => {
      const ids = new Set<number>([vocab.intern(v.toLowerCase()), vocab.intern((lemmas[i] ?? v).toLowerCase())]);
      return ids;
    });
    // the head as written is the lemma; a one-word head also matches its listed forms
    words[0]!.add(vocab.intern(values[0]!.toLowerCase()));
    if (values.length === 1) for (const f of entry.forms) words[0]!.add(vocab.intern(f));
    // a title-case headline tags its verbs as names, which keep their inflection as lemma ("Mayor Praises Crews"):
    // a verb's regular -s and -ed forms match as written too
    if (values.length === 1 && entry.pos === 'verb') for (const f of regularForms(values[0]!.toLowerCase())) words[0]!.add(vocab.intern(f));
    const compiled: CompiledCue = { entry, words };
    for (const id of words[0]!) {
      const list = byFirst.get(id) ?? [];
      if (!list.includes(compiled)) list.push(compiled);
      list.sort((a, b) => b.words.length - a.words.length);
      byFirst.set(id, list);
    }
  }
  const firstIds = new Uint8Array(Math.max(0, ...byFirst.keys()) + 1);
  for (const id of byFirst.keys()) firstIds[id] = 1;
  return { byFirst, firstIds };
}

/** "praise" → praises, praised; "deny" → denies, denied; "push" → pushes, pushed */
function regularForms(v: string): string[] {
  if (!/^[a-z]+$/.test(v)) return [];
  if (/[^aeiou]y$/.test(v)) return [v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied'];
  if (/(?:s|sh|ch|x|z)$/.test(v)) return [v + 'es', v + 'ed'];
  if (v.endsWith('e')) return [v + 's', v + 'd'];
  return [v + 's', v + 'ed'];
}
