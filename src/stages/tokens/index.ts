import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Tokenizer } from '../../nlp/wink.js';
import { tokenize } from './tokenize.js';

export function tokensStage(tokenizer: Tokenizer, vocab: Vocabulary): Stage<'tokens'> {
  return {
    name: 'tokens',
    needs: [],
    run(doc) {
      return { layer: tokenize(doc.text, doc.article.paragraphs, tokenizer, vocab) };
    },
  };
}
