/**
 * Discards: phrases that mark text as not political events (sports results,
 * market reports). A sentence holding a sentence-level phrase codes nothing; a
 * story-level phrase anywhere keeps the whole article from being coded. An
 * actor whose code is a discard code (TABARI's `###`) discards its sentence.
 *
 * Phrases match token by token on the lower-cased form; a word written with a
 * final `*` matches any word beginning with it ("baseball*").
 */
import type { ActorMention, Sentence } from '../../core/layers.js';
import type { TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Tokenizer } from '../../nlp/wink.js';
import type { DiscardEntry } from '../../ontology/types.js';
import { prefixTest } from './compile-elements.js';
import { setDense } from '../../core/dense.js';

interface CompiledDiscard {
  entry: DiscardEntry;
  /** per word: the id it must have, or a stem test */
  words: ((id: number) => boolean)[];
  /** the id the first word must have, unless it is a stem */
  firstId?: number;
}

export interface DiscardMatcher {
  discards: CompiledDiscard[];
  /** first-word test → discards, for a quick scan */
  count: number;
  /** the discards by the id of their first word, and (memoised per token id) those whose first word is a stem */
  index?: {
    byFirst: Map<number, CompiledDiscard[]>;
    stems: CompiledDiscard[];
    /** by token id: every discard that may start there (kept dense: one array read a token) */
    memo: (readonly CompiledDiscard[] | undefined)[];
  };
}

export function compileDiscards(entries: readonly DiscardEntry[], tokenizer: Tokenizer, vocab: Vocabulary): DiscardMatcher {
  const discards: CompiledDiscard[] = [];
  for (const entry of entries) {
    const words: ((id: number) => boolean)[] = [];
    let firstId: number | undefined;
    for (const w of entry.phrase.text.trim().split(/\s+/)) {
      if (w.endsWith('*') && w.length > 1) {
        // a stem: the tokens it splits into, the last one a prefix
        const toks = tokenizer.phrase(w.slice(0, -1)).map((t) => t.toLowerCase());
        toks.forEach((t, i) => {
          if (i === toks.length - 1) words.push(prefixTest([t], vocab));
          else {
            const id = vocab.intern(t);
            words.push((x) => x === id);
          }
        });
      } else {
        for (const t of tokenizer.phrase(w)) {
          const id = vocab.intern(t.toLowerCase());
          if (!words.length) firstId = id;
          words.push((x) => x === id);
        }
      }
    }
    if (words.length) discards.push(firstId === undefined ? { entry, words } : { entry, words, firstId });
  }
  // a scan tries, at each token, only the discards whose first word it can be
  const byFirst = new Map<number, CompiledDiscard[]>();
  const stems: CompiledDiscard[] = [];
  for (const d of discards) {
    if (d.firstId === undefined) stems.push(d);
    else byFirst.set(d.firstId, [...(byFirst.get(d.firstId) ?? []), d]);
  }
  return { discards, count: discards.length, index: { byFirst, stems, memo: [] } };
}

const NONE: readonly CompiledDiscard[] = Object.freeze([]);

/** The discards that may start at a token with this id (all of them without an index). */
function candidates(m: DiscardMatcher, id: number): readonly CompiledDiscard[] {
  if (!m.index) return m.discards;
  const { byFirst, stems, memo } = m.index;
  let r = memo[id];
  if (r === undefined) {
    const fromStems = stems.filter((d) => d.words[0]!(id));
    const exact = byFirst.get(id);
    r = exact ? (fromStems.length ? [...exact, ...fromStems] : exact) : fromStems.length ? fromStems : NONE;
    setDense<readonly CompiledDiscard[] | undefined>(memo, id, r, undefined);
  }
  return r;
}

export interface DiscardResult {
  /** the whole article is not coded */
  story: DiscardEntry | null;
  /** sentences not coded, with the reason */
  sentences: Map<number, string>;
}

export function findDiscards(
  m: DiscardMatcher,
  tokens: TokenTable,
  sentences: readonly Sentence[],
  actors: readonly ActorMention[],
  discardCodes: readonly string[],
): DiscardResult {
  const out: DiscardResult = { story: null, sentences: new Map() };
  sentences.forEach((s, i) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      for (const d of candidates(m, tokens.norm[t]!)) {
        if (t + d.words.length > s.tokenEnd) continue;
        let ok = true;
        for (let k = 0; k < d.words.length && ok; k++) ok = d.words[k]!(tokens.norm[t + k]!);
        if (!ok) continue;
        const where = `${d.entry.phrase.source.file}:${d.entry.phrase.source.line}`;
        if (d.entry.scope === 'story') out.story ??= d.entry;
        else if (!out.sentences.has(i)) out.sentences.set(i, `discard "${d.entry.phrase.text}" (${where})`);
      }
    }
  });
  if (discardCodes.length) {
    for (const a of actors) {
      if (discardCodes.includes(a.code) && !out.sentences.has(a.sentence)) {
        out.sentences.set(a.sentence, `actor "${a.text}" has the discard code ${a.code} (${a.rule.file}:${a.rule.line})`);
      }
    }
  }
  return out;
}
