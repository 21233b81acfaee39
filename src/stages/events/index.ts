import type { Stage } from '../../core/stage.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import { SlotIndex } from '../coref/slots.js';
import type { CodeBook } from './codebook.js';
import type { VerbMatcher } from './compile-verbs.js';
import { codeEvents } from './code-events.js';
import { eventCoderIds, type TraceStep } from './context.js';
import { findDiscards, type DiscardMatcher } from './discards.js';
import { addStatements } from './statements.js';
import type { CodingOptions } from '../coding-options.js';

export function eventsStage(
  verbs: VerbMatcher,
  codes: CodeBook,
  vocab: Vocabulary,
  trace?: TraceStep[],
  discards?: DiscardMatcher,
  coding: CodingOptions = {},
): Stage<'events'> {
  const ids = eventCoderIds(vocab);
  return {
    name: 'events',
    needs: ['tokens', 'sentences', 'actors', 'coref', 'quotes'],
    run(doc) {
      const tokens = doc.get('tokens');
      const slots = new SlotIndex(tokens, doc.get('actors'), doc.get('coref'));
      const coded = codeEvents(
        { tokens, text: doc.text, sentences: doc.get('sentences'), slots, date: doc.article.date },
        verbs,
        codes,
        ids,
        trace,
        coding,
      );
      // a quote is also a statement, where nothing else is coded for its speaker (statements.ts)
      const layer = addStatements(coded, doc.get('quotes'), { tokens, text: doc.text, sentences: doc.get('sentences'), date: doc.article.date }, codes);
      // discards: sentences (or the whole story) that are not political events
      const codesOut = coding.discardCodes ?? [];
      if ((discards && discards.count) || codesOut.length) {
        const d = findDiscards(discards ?? { discards: [], count: 0 }, tokens, doc.get('sentences'), doc.get('actors'), codesOut);
        if (d.story) {
          return {
            layer: [],
            messages: [{ stage: 'events', severity: 'info', rule: 'events/discard-story', reason: `the story is not coded: discard "${d.story.phrase.text}" (${d.story.phrase.source.file}:${d.story.phrase.source.line})` }],
          };
        }
        if (d.sentences.size) {
          const kept = layer.filter((e) => !d.sentences.has(e.sentence));
          const messages = [...d.sentences].map(([sentence, reason]) => ({ stage: 'events', severity: 'info' as const, rule: 'events/discard-sentence', reason: `sentence ${sentence} is not coded: ${reason}` }));
          return { layer: kept, messages };
        }
      }
      return { layer };
    },
  };
}
