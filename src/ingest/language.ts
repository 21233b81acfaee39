/**
 * Is this English? dyad's dictionaries are English, so text in another
 * language codes to few or no events; the user should hear why. The test is
 * the share of words that are common English function words ("the", "of",
 * "and", "to"...): 30–55% in English news (15% at the least, in sports results), a few percent in French, German
 * or Spanish, none in Russian, Arabic or Chinese. It needs no model, costs
 * one integer lookup per token (the tokens stage counts over interned ids),
 * and is only asked of texts long enough to answer.
 */
import { message, type Message } from '../core/messages.js';

/** Common English function words, lower case, as the tokenizer writes them. */
export const ENGLISH_STOPWORDS: readonly string[] = [
  'the', 'of', 'and', 'to', 'a', 'an', 'in', 'is', 'it', 'that', 'was', 'for', 'on', 'are', 'with', 'as',
  'at', 'be', 'by', 'this', 'have', 'from', 'or', 'had', 'not', "n't", 'but', 'what', 'all', 'were', 'when',
  'we', 'there', 'can', 'been', 'has', 'their', 'if', 'will', 'would', 'each', 'which', 'she', 'he', 'do',
  'how', 'they', 'its', 'his', 'her', 'them', 'then', 'these', 'so', 'some', 'into', 'than', 'who', 'may',
  'our', 'out', 'up', 'about', 'also', 'after', 'over', 'said', 'more', 'other', 'no', 'only', 'could',
  'should', 'such', 'those', 'while', 'between', 'against', 'during', 'before', 'under', 'because',
  'you', 'my', 'your', 'any', 'very', 'being', 'did', 'does', 'where', 'why', 'most', 'both', 'through',
];

/** Fewer words than this and the text is too short to judge (a headline, a caption). */
export const MIN_WORDS = 15;
/** From this many words the share is steady enough for the ordinary threshold. */
export const STEADY_WORDS = 40;
/** Below this share of English function words the text is taken not to be English. */
export const MIN_STOPWORD_SHARE = 0.12;
/** The threshold for short texts (15–39 words), where one word moves the share a lot. */
export const MIN_STOPWORD_SHARE_SHORT = 0.05;

export interface LanguageGuess {
  /** words counted (tokens that are not punctuation or numbers) */
  words: number;
  /** of which common English function words */
  stopwords: number;
  share: number;
  /** false when the text does not look like English; null when it is too short to tell */
  english: boolean | null;
}

export function guessEnglish(words: number, stopwords: number): LanguageGuess {
  const share = words ? stopwords / words : 0;
  const english = words < MIN_WORDS ? null : share >= (words < STEADY_WORDS ? MIN_STOPWORD_SHARE_SHORT : MIN_STOPWORD_SHARE);
  return { words, stopwords, share, english };
}

const STOPWORD_SET = new Set(ENGLISH_STOPWORDS);

/** The guess for a plain string (for callers without a token table). */
export function guessEnglishText(text: string): LanguageGuess {
  let words = 0;
  let stop = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{M}'’]+/gu)) {
    words++;
    if (STOPWORD_SET.has(m[0].replace(/’/g, "'"))) stop++;
  }
  return guessEnglish(words, stop);
}

/** The warning for a text that is not English, or null. */
export function notEnglishMessage(g: LanguageGuess, stage = 'tokens'): Message | null {
  if (g.english !== false) return null;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return message(
    stage,
    'warning',
    `the text does not look like English (${pct(g.share)} of its ${g.words} words are common English words; English news has 30–55%): dyad's dictionaries are English, so few or no events will be coded`,
    { rule: 'ingest/not-english' },
  );
}
