/**
 * A forwarded subject (coding option `forwardedSubject`, TABARI's FORWARD):
 * a sentence whose first actor-like word is a personal pronoun ("He has also
 * asked Gondor…", "However, it acknowledged…") takes the actor the story's
 * previous sentence was about, which the caller names by its code. The
 * pronoun becomes an actor mention with that code, so the coder treats it as
 * any other actor.
 */
import type { ActorMention, Sentence } from '../../core/layers.js';
import { POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';

const PRONOUNS = ['he', 'she', 'it', 'they'];

export function forwardSubjects(layer: ActorMention[], tokens: TokenTable, text: string, sentences: readonly Sentence[], vocab: Vocabulary, code: string): ActorMention[] {
  const pronouns = new Set(PRONOUNS.map((w) => vocab.lookup(w)).filter((id) => id > 0));
  const added: ActorMention[] = [];
  sentences.forEach((s, sIdx) => {
    const firstActor = layer.find((a) => a.sentence === sIdx)?.tokenStart ?? s.tokenEnd;
    for (let t = s.tokenStart; t < firstActor; t++) {
      if (!pronouns.has(tokens.norm[t]!) || tokens.pos[t] !== POS.PRON) continue;
      added.push({
        text: text.slice(tokens.start[t]!, tokens.end[t]!),
        start: tokens.start[t]!,
        end: tokens.end[t]!,
        sentence: sIdx,
        code,
        kind: code.length === 3 ? 'country' : 'group',
        tokenStart: t,
        tokenEnd: t + 1,
        rule: { file: 'coding options', line: 0, pattern: `forwarded subject ${code}` },
      });
      break;
    }
  });
  if (!added.length) return layer;
  return [...layer, ...added].sort((a, b) => a.tokenStart - b.tokenStart);
}
