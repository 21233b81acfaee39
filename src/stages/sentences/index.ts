import type { Stage } from '../../core/stage.js';
import type { Sentence } from '../../core/layers.js';
import type { TokenTable } from '../../core/token-table.js';
import type { Span } from '../../core/span.js';

/**
 * Sentence spans from the token table's sentence ids (boundaries were set
 * while tokenising: wink-nlp's, plus every paragraph start).
 */
export function splitSentences(tokens: TokenTable, paragraphs: readonly Span[]): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  for (let i = 0; i < tokens.length; ) {
    const id = tokens.sentence[i]!;
    let j = i + 1;
    while (j < tokens.length && tokens.sentence[j] === id) j++;
    const start = tokens.start[i]!;
    while (para + 1 < paragraphs.length && start >= paragraphs[para + 1]!.start) para++;
    out.push({ start, end: tokens.end[j - 1]!, paragraph: para, tokenStart: i, tokenEnd: j });
    i = j;
  }
  return out;
}

export const sentencesStage: Stage<'sentences'> = {
  name: 'sentences',
  needs: ['tokens'],
  run(doc) {
    return { layer: splitSentences(doc.get('tokens'), doc.article.paragraphs) };
  },
};
