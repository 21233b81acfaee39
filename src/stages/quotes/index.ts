/**
 * The quotes stage: every quotation in the article, direct and indirect,
 * with its cue and its speaker resolved to an actor (docs/quotes.md).
 */
import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { PersonEntry } from '../../ontology/types.js';
import { attributeQuotes } from './attribute-quotes.js';
import type { CueMatcher } from './compile-cues.js';
import { quoteWordIds } from './context.js';

export { compileCues, type CueMatcher } from './compile-cues.js';

export function quotesStage(cues: CueMatcher, vocab: Vocabulary, people: readonly PersonEntry[]): Stage<'quotes'> {
  const ids = quoteWordIds(vocab);
  const byName = new Map(people.map((p) => [p.name, p]));
  const gender = (name: string) => byName.get(name)?.gender;
  return {
    name: 'quotes',
    needs: ['tokens', 'sentences', 'actors', 'coref'],
    run(doc) {
      const { quotes, messages } = attributeQuotes(
        {
          text: doc.text,
          paragraphs: doc.article.paragraphs,
          headline: doc.article.title !== '',
          tokens: doc.get('tokens'),
          sentences: doc.get('sentences'),
          actors: doc.get('actors'),
          coref: doc.get('coref'),
        },
        { cues, ids, gender },
      );
      return { layer: quotes, messages };
    },
  };
}
