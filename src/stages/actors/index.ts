import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { ActorMatcher } from './compile-actors.js';
import { matchActors } from './match-actors.js';

export function actorsStage(matcher: ActorMatcher, vocab: Vocabulary): Stage<'actors'> {
  return {
    name: 'actors',
    needs: ['tokens', 'sentences'],
    run(doc) {
      const layer = matchActors(matcher, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, {
        date: doc.article.date,
      });
      return { layer };
    },
  };
}
