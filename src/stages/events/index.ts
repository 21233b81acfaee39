import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import { SlotIndex } from '../coref/slots.js';
import type { CodeBook } from './codebook.js';
import type { VerbMatcher } from './compile-verbs.js';
import { codeEvents, eventCoderIds, type TraceStep } from './code-events.js';

export function eventsStage(verbs: VerbMatcher, codes: CodeBook, vocab: Vocabulary, trace?: TraceStep[]): Stage<'events'> {
  const ids = eventCoderIds(vocab);
  return {
    name: 'events',
    needs: ['tokens', 'sentences', 'actors', 'coref'],
    run(doc) {
      const tokens = doc.get('tokens');
      const slots = new SlotIndex(tokens, doc.get('actors'), doc.get('coref'));
      const layer = codeEvents(
        { tokens, text: doc.text, sentences: doc.get('sentences'), slots, date: doc.article.date },
        verbs,
        codes,
        ids,
        trace,
      );
      return { layer };
    },
  };
}
