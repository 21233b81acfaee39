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

export function createTokenizer(): Tokenizer {
  // One wink instance for news text and dictionary phrases alike: each
  // instance costs ~70 ms and ~9 MB, and for every phrase of dyad's
  // dictionaries this one gives the same tokens and lemmas as a bare or a
  // pos-only instance would.
  const full = winkNLP(model, ['sbd', 'pos']);
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
