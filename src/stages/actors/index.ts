import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { ActorMatcher } from './compile-actors.js';
import { matchActors } from './match-actors.js';
import { forwardSubjects } from './forwarded.js';
import { newActors } from './new-actors.js';
import { sentenceCountries } from './sentence-country.js';
import { articleAcronyms } from './acronyms.js';
import type { CodingOptions } from '../coding-options.js';

export function actorsStage(matcher: ActorMatcher, vocab: Vocabulary, coding?: CodingOptions): Stage<'actors'> {
  const countries = new Set(matcher.dict.entries.filter((e) => e.kind === 'country' && e.code.length === 3).map((e) => e.code));
  return {
    name: 'actors',
    needs: ['tokens', 'sentences'],
    run(doc) {
      let layer = matchActors(matcher, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, {
        date: doc.article.date,
        ...(coding ? { coding } : {}),
      });
      layer = sentenceCountries(articleAcronyms(layer, doc.get('tokens'), doc.text), countries, matcher.offices);
      if (coding?.newActorLength) layer = newActors(layer, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, coding.newActorLength);
      if (coding?.forwardedSubject) layer = forwardSubjects(layer, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, coding.forwardedSubject);
      return { layer };
    },
  };
}
