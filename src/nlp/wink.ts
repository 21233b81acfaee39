/**
 * The one place dyad touches wink-nlp: tokens, sentence boundaries,
 * part-of-speech tags and lemmas for a whole text in one pass, and the same
 * tokenizer for dictionary phrases (so a phrase matches however it is written).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createRequire } from 'node:module';
import { setDense } from '../core/dense.js';

export interface RawTokens {
  values: string[];
  lemmas: string[];
  pos: string[];
  types: string[];
  spaces: string[];
  /**
   * per token, wink's lexeme number: the same number is the same token text,
   * for the life of this tokenizer (absent when wink's data could not be read)
   */
  ids?: Int32Array;
  /** per sentence: [firstToken, lastToken] inclusive, in wink's token indexes */
  sentences: [number, number][];
}

export interface Tokenizer {
  /** tokens, tags, lemmas and sentence spans of a text */
  analyse(text: string): RawTokens;
  /** the same through wink's own `tokens().out(its.x)`, one walk per property (what `analyse` is tested against) */
  analyseSlowly(text: string): RawTokens;
  /** whether `analyse` reads wink's token data in one pass (false: it fell back to `out()`) */
  readonly fastPath: boolean;
  /** distinct dictionary phrases wink read itself, and phrase lookups answered from the table given at creation */
  phraseStats(): { read: number; known: number };
  /** the phrases this tokenizer read itself (what a phrase cache is written from) */
  phrasesRead(): PhraseTable;
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

/** The slice of a wink document's raw data that `its` functions read (wink-nlp 2.4: src/wink-nlp.js). */
interface RawDocData {
  tokens: number[];
  cache: WinkCache & { value(hash: number): string; property(hash: number, name: string): unknown; valueOf(name: string, idx: number): string };
}

/** wink keeps 4 numbers per token (src/constants.js): lexeme hash, spaces/expansion, pos+lemma, flags. */
const TK_SIZE = 4;
const POS_MASK = 0x3f00000;
const POS_SHIFT = 20;
const SPACES_MASK = 0xffff;
const EXPANSION_MIN = 65536;

type ItsFn = (index: number, rdd: RawDocData, addons: unknown) => unknown;

/**
 * Reads a document's raw token data in one pass. wink's own `tokens.out(its.x)`
 * walks the tokens once per property and lemmatises every token afresh; here
 * one loop calls the same `its` functions, and remembers what depends only on
 * the lexeme (value, type) or on the lexeme and its tag (the lemma), which
 * halves the cost of turning a wink document into arrays. The raw data is
 * reached by registering a reader among the functions wink allows in
 * `out()`; if a later wink hides it, `null` is returned and the caller uses
 * `out()` (src/nlp/wink.test.ts checks both give the same).
 */
function rawReader(nlp: ReturnType<typeof winkNLP>): ((doc: ReturnType<ReturnType<typeof winkNLP>['readDoc']>) => { rdd: RawDocData; addons: unknown } | null) | null {
  try {
    const require = createRequire(import.meta.url);
    const allowed = require('wink-nlp/src/allowed.js') as { its4token?: Set<unknown> };
    if (!(allowed.its4token instanceof Set)) return null;
    let got: { rdd: RawDocData; addons: unknown } | null = null;
    const grab = (_index: number, rdd: RawDocData, addons: unknown) => {
      got = { rdd, addons };
      return 0;
    };
    allowed.its4token.add(grab);
    const read = (doc: ReturnType<ReturnType<typeof winkNLP>['readDoc']>) => {
      got = null;
      if (doc.tokens().length() === 0) return null;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      doc.tokens().itemAt(0).out(grab as any);
      const g = got as { rdd: RawDocData; addons: unknown } | null;
      return g && Array.isArray(g.rdd.tokens) ? g : null;
    };
    // it must see a document's data, or it is not used at all
    return read(nlp.readDoc('Two words.')) ? read : null;
  } catch {
    return null;
  }
}

/** Dictionary phrases already tokenised: text → tokens and lemmas, as `phraseWithLemmas` gives them. */
export type PhraseTable = ReadonlyMap<string, { readonly values: readonly string[]; readonly lemmas: readonly string[] }>;

export interface TokenizerOptions {
  /**
   * phrases tokenised before, by a tokenizer of the same wink versions
   * (src/nlp/phrase-cache.ts): found there, a phrase is not read again
   */
  phrases?: PhraseTable;
}

export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  // One wink instance for news text and dictionary phrases alike: each
  // instance costs ~70 ms and ~9 MB, and for every phrase of dyad's
  // dictionaries this one gives the same tokens and lemmas as a bare or a
  // pos-only instance would.
  const full = deterministicWink();
  // wink's typings reject `its.lemma` as an item function although it is one
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const its = full.its as any;
  const raw = rawReader(full);
  const itsValue = its.value as ItsFn;
  const itsType = its.type as ItsFn;
  const itsLemma = its.lemma as ItsFn;
  const itsSpaces = its.precedingSpaces as ItsFn;
  // What depends on the lexeme alone, or on it and its tag, in arrays indexed
  // by lexeme number (wink numbers its lexicon densely from 0): a lemma is
  // kept for the last tag the lexeme had, which for most words is their only one.
  let valueOf: (string | undefined)[] = [];
  let typeOf: (string | undefined)[] = [];
  let lemmaOf: (string | undefined)[] = [];
  let lemmaTag: number[] = [];
  const posNames: string[] = [];

  function outArrays(doc: ReturnType<typeof full.readDoc>): RawTokens {
    const tokens = doc.tokens();
    return {
      values: tokens.out(its.value) as string[],
      lemmas: tokens.out(its.lemma) as string[],
      pos: tokens.out(its.pos) as string[],
      types: tokens.out(its.type) as string[],
      spaces: tokens.out(its.precedingSpaces) as string[],
      sentences: doc.sentences().out(its.span) as unknown as [number, number][],
    };
  }

  function onePass(doc: ReturnType<typeof full.readDoc>): RawTokens | null {
    const g = raw?.(doc);
    if (!g) return null;
    const { rdd, addons } = g;
    if (valueOf.length > LEXEME_LIMIT) {
      // a lexicon this large is renewed by the engine soon (maxLearntWords); until then, start again
      valueOf = [];
      typeOf = [];
      lemmaOf = [];
      lemmaTag = [];
    }
    const t = rdd.tokens;
    const n = t.length / TK_SIZE;
    const values = new Array<string>(n);
    const lemmas = new Array<string>(n);
    const pos = new Array<string>(n);
    const types = new Array<string>(n);
    const spaces = new Array<string>(n);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const hash = t[i * TK_SIZE]!;
      ids[i] = hash;
      let value = valueOf[hash];
      if (value === undefined) {
        value = itsValue(i, rdd, addons) as string;
        setDense<string | undefined>(valueOf, hash, value, undefined);
      }
      values[i] = value;
      let type = typeOf[hash];
      if (type === undefined) {
        type = itsType(i, rdd, addons) as string;
        setDense<string | undefined>(typeOf, hash, type, undefined);
      }
      types[i] = type;
      const posIdx = (t[i * TK_SIZE + 2]! & POS_MASK) >>> POS_SHIFT;
      let tag = posNames[posIdx];
      if (tag === undefined) tag = posNames[posIdx] = rdd.cache.valueOf('pos', posIdx);
      pos[i] = tag;
      const sp = t[i * TK_SIZE + 1]!;
      if (sp >= EXPANSION_MIN) {
        // a contraction's part ("ca" of "can't") carries its own lemma
        lemmas[i] = itsLemma(i, rdd, addons) as string;
      } else {
        let lemma = lemmaTag[hash] === posIdx ? lemmaOf[hash] : undefined;
        if (lemma === undefined) {
          lemma = itsLemma(i, rdd, addons) as string;
          setDense<string | undefined>(lemmaOf, hash, lemma, undefined);
          setDense(lemmaTag, hash, posIdx, -1);
        }
        lemmas[i] = lemma;
      }
      const count = sp & SPACES_MASK;
      spaces[i] = count < SPACE_STRINGS.length ? SPACE_STRINGS[count]! : (itsSpaces(i, rdd, addons) as string);
    }
    return { values, lemmas, pos, types, spaces, ids, sentences: doc.sentences().out(its.span) as unknown as [number, number][] };
  }

  const tokenizer: Tokenizer = {
    analyse(text) {
      const doc = full.readDoc(text);
      return onePass(doc) ?? outArrays(doc);
    },
    analyseSlowly(text) {
      return outArrays(full.readDoc(text));
    },
    phrase(text) {
      return [...phraseOf(text).values];
    },
    phraseWithLemmas(text) {
      const p = phraseOf(text);
      return { values: [...p.values], lemmas: [...p.lemmas] };
    },
    get fastPath() {
      return raw !== null;
    },
    phraseStats() {
      return { read, known };
    },
    phrasesRead() {
      return memo;
    },
  };

  // Dictionaries tokenise the same phrase many times (22,898 calls for 9,000
  // distinct phrases in the verb patterns alone): each is read once. Callers
  // get copies, so the memo cannot be changed through them.
  const memo = new Map<string, { values: readonly string[]; lemmas: readonly string[] }>();
  const seeded = options.phrases;
  let read = 0;
  let known = 0;
  function phraseOf(text: string) {
    let p = memo.get(text);
    if (!p && seeded) {
      p = seeded.get(text);
      if (p) known++;
    }
    if (!p) {
      read++;
      const t = full.readDoc(text).tokens();
      p = titleDots({ values: t.out(its.value) as string[], lemmas: t.out(its.lemma) as string[] });
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(text, p);
    }
    return p;
  }
  return tokenizer;
}

/**
 * Titles that take a full stop before a name ("Rev. Kyev Tatum", "Maj. Gen.
 * …"). wink-nlp keeps some as one token ("Dr.", "Sen.") and splits others
 * ("Rev" "."), then often ends a sentence there: dyad reads them all as one
 * token, in texts (stages/tokens/tokenize.ts) and in dictionary phrases.
 */
const TITLES: ReadonlySet<string> = new Set(['rev', 'rep', 'reps', 'sen', 'sens', 'gov', 'govs', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'brig', 'cpl', 'pvt', 'prof', 'dr', 'mr', 'mrs', 'ms', 'messrs', 'st', 'hon', 'amb', 'atty', 'supt', 'insp', 'det', 'fr', 'msgr', 'sr', 'jr']);

/** capitalised words that open sentences and are no names: "… to the Rev. | It was close." */
const OPENERS = new Set(['a', 'an', 'the', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'there', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'if', 'as', 'for', 'to', 'of', 'what', 'when', 'where', 'who', 'why', 'how', 'after', 'before', 'while', 'then', 'now']);

/** a word that may begin the name after a title: capitalised, not a word that opens sentences */
function mayFollowTitle(word: string | undefined): boolean {
  return word !== undefined && /^[A-Z]/.test(word) && !OPENERS.has(word.toLowerCase());
}

/** a capitalised title word, a full stop, the start of a name: the full stop belongs to the title */
export function isTitleDot(title: string, dot: string, next: string | undefined): boolean {
  return dot === '.' && mayFollowTitle(next) && /^[A-Z][a-z]*$/.test(title) && TITLES.has(title.toLowerCase());
}

function titleDots(p: { values: string[]; lemmas: string[] }): { values: string[]; lemmas: string[] } {
  if (!p.values.includes('.')) return p;
  const values: string[] = [];
  const lemmas: string[] = [];
  for (let i = 0; i < p.values.length; i++) {
    if (i > 0 && isTitleDot(p.values[i - 1]!, p.values[i]!, p.values[i + 1])) {
      values[values.length - 1] += '.';
      lemmas[lemmas.length - 1] = values[values.length - 1]!.toLowerCase();
      continue;
    }
    values.push(p.values[i]!);
    lemmas.push(p.lemmas[i]!);
  }
  return { values, lemmas };
}

/** Most phrases remembered (dictionaries have about 14,000 distinct ones). */
const MEMO_LIMIT = 100_000;
/** lexemes remembered in the per-lexeme arrays before they start again */
const LEXEME_LIMIT = 2_000_000;


/** "", " ", "  ", …: the preceding spaces of a token, when they are plain spaces (wink stores only their number) */
const SPACE_STRINGS = Array.from({ length: 16 }, (_, i) => ' '.repeat(i));
