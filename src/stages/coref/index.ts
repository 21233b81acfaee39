import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { PersonEntry } from '../../ontology/types.js';
import { corefWords, resolveCoreference } from './resolve-pronouns.js';
import type { CodingOptions } from '../coding-options.js';

export function corefStage(vocab: Vocabulary, people: readonly PersonEntry[], coding?: CodingOptions): Stage<'coref'> {
  const byName = new Map(people.map((p) => [p.name, p]));
  const words = corefWords(vocab);
  return {
    name: 'coref',
    needs: ['tokens', 'sentences', 'actors'],
    run(doc) {
      return {
        layer: resolveCoreference(doc.get('tokens'), doc.text, doc.get('sentences'), doc.get('actors'), words, byName, coding?.pronouns),
      };
    },
  };
}
