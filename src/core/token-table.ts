import type { Vocabulary } from './vocabulary.js';

/** Universal part-of-speech tags, as wink-nlp assigns them; index = stored code. */
export const POS_TAGS = [
  'X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
export const POS: Readonly<Record<PosTag, number>> = Object.fromEntries(
  POS_TAGS.map((t, i) => [t, i]),
) as Record<PosTag, number>;

/** Bit flags per token. */
export const FLAG = {
  /** first character is upper case */
  CAP: 1,
  /** every letter is upper case and there are at least two */
  UPPER: 2,
  /** punctuation or symbol */
  PUNCT: 4,
  /** the token opens a sentence */
  SENT_START: 8,
  /** the token opens a paragraph */
  PARA_START: 16,
  /** a quotation mark of any kind */
  QUOTE: 32,
  /** a number */
  NUM: 64,
} as const;

/**
 * The tokens of one document, packed column-wise (DESIGN principle 4).
 * Strings are interned in the engine's vocabulary: `norm` is the lower-cased
 * surface form, `lemma` the lower-cased lemma.
 */
export class TokenTable {
  constructor(
    readonly length: number,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly norm: Int32Array,
    readonly lemma: Int32Array,
    readonly pos: Uint8Array,
    readonly flags: Uint8Array,
    /** index of the sentence the token belongs to */
    readonly sentence: Int32Array,
  ) {}

  has(i: number, flag: number): boolean {
    return (this.flags[i]! & flag) !== 0;
  }

  posTag(i: number): PosTag {
    return POS_TAGS[this.pos[i]!] ?? 'X';
  }

  /** the token's surface text */
  surface(text: string, i: number): string {
    return text.slice(this.start[i], this.end[i]);
  }

  normText(vocab: Vocabulary, i: number): string {
    return vocab.text(this.norm[i]!);
  }

  lemmaText(vocab: Vocabulary, i: number): string {
    return vocab.text(this.lemma[i]!);
  }

  /** index of the first token whose end is after `offset` (binary search) */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.end[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
