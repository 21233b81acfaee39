import type { Stage } from '../../core/stage.js';
import type { Message } from '../../core/messages.js';
import { FLAG, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Tokenizer } from '../../nlp/wink.js';
import { ENGLISH_STOPWORDS, guessEnglish, notEnglishMessage, type LanguageGuess } from '../../ingest/language.js';
import { tokenize } from './tokenize.js';

/** Counts words and common English function words over interned token forms. */
export function englishGuessOf(tokens: TokenTable, stopwords: ReadonlySet<number>): LanguageGuess {
  let words = 0;
  let stop = 0;
  const skip = FLAG.PUNCT | FLAG.NUM;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.flags[i]! & skip) continue;
    words++;
    if (stopwords.has(tokens.norm[i]!)) stop++;
  }
  return guessEnglish(words, stop);
}

export function tokensStage(tokenizer: Tokenizer, vocab: Vocabulary): Stage<'tokens'> {
  const stopwords = new Set(ENGLISH_STOPWORDS.map((w) => vocab.intern(w)));
  return {
    name: 'tokens',
    needs: [],
    run(doc) {
      const layer = tokenize(doc.text, doc.article.paragraphs, tokenizer, vocab);
      const messages: Message[] = [];
      const notEnglish = notEnglishMessage(englishGuessOf(layer, stopwords));
      if (notEnglish) messages.push(notEnglish);
      return { layer, messages };
    },
  };
}
