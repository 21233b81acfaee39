import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { PersonEntry } from '../../ontology/types.js';
import { resolveCoreference } from './resolve-pronouns.js';

export function corefStage(vocab: Vocabulary, people: readonly PersonEntry[]): Stage<'coref'> {
  const byName = new Map(people.map((p) => [p.name, p]));
  return {
    name: 'coref',
    needs: ['tokens', 'sentences', 'actors'],
    run(doc) {
      return {
        layer: resolveCoreference(doc.get('tokens'), doc.text, doc.get('sentences'), doc.get('actors'), vocab, byName),
      };
    },
  };
}
