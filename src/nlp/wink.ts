/**
 * The one place dyad touches wink-nlp: tokens, sentence boundaries,
 * part-of-speech tags and lemmas for a whole text in one pass, and the same
 * tokenizer for dictionary phrases (so a phrase matches however it is written).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface RawTokens {
  values: string[];
  lemmas: string[];
  pos: string[];
  types: string[];
  spaces: string[];
  /** per sentence: [firstToken, lastToken] inclusive, in wink's token indexes */
  sentences: [number, number][];
}

export interface Tokenizer {
  /** tokens, tags, lemmas and sentence spans of a text */
  analyse(text: string): RawTokens;
  /** the tokens of a dictionary phrase: surface values only */
  phrase(text: string): string[];
  /** the tokens of a dictionary phrase with their lemmas */
  phraseWithLemmas(text: string): { values: string[]; lemmas: string[] };
}

/** The parts of wink-nlp's cache (src/cache.js, 2.4) the hook below uses. */
interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  intrinsicSize(): number;
}

/**
 * A wink-nlp instance whose tokenisation of a text depends on that text alone.
 *
 * wink-nlp adds every out-of-vocabulary word it meets to its lexicon, and its
 * tokenizer asks that lexicon whether a piece is a known word before it
 * splits it: so "Macy's" was two tokens the first time and one once any text
 * had held it, and an article's tokens, hence its actors and events, depended
 * on what had been coded before it in the same process (14 of 6,323 articles
 * of the shared corpora tokenised differently the second time).
 *
 * The hook: the cache's `lookup`, when the tokenizer asks it, finds only the
 * model's own lexicon, never a word learnt from a text (not even earlier in
 * the same text, which made a word's second occurrence tokenise unlike its
 * first); learnt words are still kept, with their features, and found again
 * by `add`, which wink calls next, and inside which everything is found. The cache is reached through the feature
 * functions, which wink hands it to. If wink's internals ever change so the
 * hook cannot be set, the instance works as before and the determinism test
 * (src/nlp/wink.test.ts) fails. What remains: a learnt word keeps the token
 * type of its first occurrence ("USD" as currency or as a word), so its tag
 * can still follow history (4 of 4,385 Wikinews, BBC and Reuters articles
 * differ in one tag between reading them in order and in reverse).
 */
function deterministicWink(): ReturnType<typeof winkNLP> {
  type Features = Record<string, unknown>;
  const m = model as unknown as { featureFn: (config: unknown) => Features };
  let cache: WinkCache | undefined;
  const featureFn = (config: unknown) => {
    const f = m.featureFn(config);
    const out: Features = Object.create(null);
    for (const [k, v] of Object.entries(f)) {
      out[k] =
        typeof v === 'function'
          ? (word: unknown, category: unknown, methods: WinkCache | undefined) => {
              if (!cache && methods && typeof methods.lookup === 'function') cache = methods;
              return (v as (...a: unknown[]) => unknown)(word, category, methods);
            }
          : v;
    }
    return out;
  };
  const wrapped = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as object, model, { featureFn }) as typeof model;
  const nlp = winkNLP(wrapped, ['sbd', 'pos']);
  // reading a word wink does not know makes it add one, and hand its cache to a feature function
  nlp.readDoc('Qxzvwq');
  if (cache && typeof cache.intrinsicSize === 'function') {
    const c = cache;
    const intrinsic = c.intrinsicSize();
    const lookup = c.lookup;
    const add = c.add;
    let adding = 0;
    c.add = (text, category) => {
      adding++;
      try {
        return add(text, category);
      } finally {
        adding--;
      }
    };
    // inside `add` (its features look the word's normal form up) everything is found
    c.lookup = (text) => {
      const r = lookup(text);
      if (r === null || adding > 0 || r.length !== 1) return r;
      return r[0]! >= intrinsic ? null : r;
    };
  }
  return nlp;
}

export function createTokenizer(): Tokenizer {
  // One wink instance for news text and dictionary phrases alike: each
  // instance costs ~70 ms and ~9 MB, and for every phrase of dyad's
  // dictionaries this one gives the same tokens and lemmas as a bare or a
  // pos-only instance would.
  const full = deterministicWink();
  // wink's typings reject `its.lemma` as an item function although it is one
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const its = full.its as any;
  const tokenizer: Tokenizer = {
    analyse(text) {
      const doc = full.readDoc(text);
      const tokens = doc.tokens();
      return {
        values: tokens.out(its.value) as string[],
        lemmas: tokens.out(its.lemma) as string[],
        pos: tokens.out(its.pos) as string[],
        types: tokens.out(its.type) as string[],
        spaces: tokens.out(its.precedingSpaces) as string[],
        sentences: doc.sentences().out(its.span) as unknown as [number, number][],
      };
    },
    phrase(text) {
      return [...phraseOf(text).values];
    },
    phraseWithLemmas(text) {
      const p = phraseOf(text);
      return { values: [...p.values], lemmas: [...p.lemmas] };
    },
  };

  // Dictionaries tokenise the same phrase many times (22,898 calls for 9,000
  // distinct phrases in the verb patterns alone): each is read once. Callers
  // get copies, so the memo cannot be changed through them.
  const memo = new Map<string, { values: readonly string[]; lemmas: readonly string[] }>();
  function phraseOf(text: string) {
    let p = memo.get(text);
    if (!p) {
      const t = full.readDoc(text).tokens();
      p = { values: t.out(its.value) as string[], lemmas: t.out(its.lemma) as string[] };
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(text, p);
    }
    return p;
  }
  return tokenizer;
}

/** Most phrases remembered (dictionaries have about 10,000 distinct ones). */
const MEMO_LIMIT = 100_000;
