/**
 * New actors from unknown names (coding option `newActorLength`, PETRARCH's
 * `new_actor_length`): a noun phrase that holds no dictionary actor and has
 * at most that many words becomes an actor of its own, its code the phrase's
 * words in capitals between double quotes:
 *
 *   Gryffindor's head Minerva McGonagall   → "GRYFFINDOR HEAD MINERVA MCGONAGALL"
 *   the Ministry of Magic                  → "THE MINISTRY OF MAGIC"
 *
 * A noun phrase, read from the text without a parse: an optional determiner,
 * then adjectives, numbers and nouns, with possessives ("Gryffindor's head",
 * the "'s" not counted) and "of" before another noun phrase ("the Ministry of
 * Magic") inside it; it ends with a noun. Words of time (days, months, "today")
 * are no actor. A phrase that holds a dictionary actor, or whose
 * prepositional phrase names one, is that actor's ("Eriador's death", "the
 * dispute with Osgiliath"), so it makes none.
 */
import type { ActorMention, Sentence } from '../../core/layers.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';

const TIME_WORDS = [
  'today', 'yesterday', 'tomorrow', 'tonight', 'now', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'week', 'month', 'year', 'day', 'weekend', 'morning', 'evening', 'night', 'afternoon',
];

export function newActors(layer: ActorMention[], tokens: TokenTable, text: string, sentences: readonly Sentence[], vocab: Vocabulary, maxWords: number): ActorMention[] {
  const ids = (ws: string[]) => new Set(ws.map((w) => vocab.lookup(w)).filter((id) => id > 0));
  const time = ids(TIME_WORDS);
  const possessive = ids(["'s", '’s', "'", '’']);
  const of = vocab.lookup('of');
  const covered = new Uint8Array(tokens.length);
  for (const a of layer) for (let t = a.tokenStart; t < a.tokenEnd; t++) covered[t] = 1;
  const nominal = (t: number) => {
    const p = tokens.pos[t]!;
    return !tokens.has(t, FLAG.PUNCT) && (p === POS.NOUN || p === POS.PROPN || p === POS.ADJ || p === POS.NUM);
  };
  const noun = (t: number) => tokens.pos[t] === POS.NOUN || tokens.pos[t] === POS.PROPN;
  const added: ActorMention[] = [];
  sentences.forEach((s, sIdx) => {
    for (let t = s.tokenStart; t < s.tokenEnd; ) {
      const start = t;
      let j = t;
      if (tokens.pos[j] === POS.DET && !tokens.has(j, FLAG.PUNCT)) j++;
      // the phrase: nominal words, possessives inside, "of" + another phrase
      let end = -1;
      for (;;) {
        while (j < s.tokenEnd && (nominal(j) || covered[j])) {
          if (noun(j) || covered[j]) end = j + 1;
          j++;
        }
        if (j < s.tokenEnd && end === j && possessive.has(tokens.norm[j]!)) {
          j++;
          continue;
        }
        if (j + 1 < s.tokenEnd && end === j && tokens.norm[j] === of && tokens.pos[j] === POS.ADP) {
          let k = j + 1;
          if (tokens.pos[k] === POS.DET) k++;
          if (k < s.tokenEnd && (nominal(k) || covered[k])) {
            j = k;
            continue;
          }
        }
        break;
      }
      if (end < 0) {
        t = Math.max(start + 1, j);
        continue;
      }
      t = end;
      let mention = false;
      const words: string[] = [];
      for (let k = start; k < end; k++) {
        if (covered[k]) mention = true;
        if (!possessive.has(tokens.norm[k]!)) words.push(tokens.surface(text, k));
      }
      if (mention || words.length > maxWords) continue;
      // "the dispute with Osgiliath": a phrase whose prepositional phrase names an actor is that actor's (as PETRARCH's noun phrases)
      if (end < s.tokenEnd && tokens.pos[end] === POS.ADP) {
        let k = end + 1;
        while (k < s.tokenEnd && (tokens.pos[k] === POS.DET || tokens.pos[k] === POS.ADJ) && !covered[k]) k++;
        if (k < s.tokenEnd && covered[k]) continue;
      }
      let timeOnly = true;
      for (let k = start; k < end && timeOnly; k++) timeOnly = time.has(tokens.norm[k]!) || tokens.pos[k] === POS.DET || tokens.pos[k] === POS.NUM || tokens.pos[k] === POS.ADJ;
      if (timeOnly) continue;
      const code = `"${words.join(' ').toUpperCase()}"`;
      added.push({
        text: text.slice(tokens.start[start]!, tokens.end[end - 1]!),
        start: tokens.start[start]!,
        end: tokens.end[end - 1]!,
        sentence: sIdx,
        code,
        kind: 'group',
        tokenStart: start,
        tokenEnd: end,
        rule: { file: 'coding options', line: 0, pattern: `new actor (at most ${maxWords} words)` },
      });
    }
  });
  if (!added.length) return layer;
  return [...layer, ...added].sort((a, b) => a.tokenStart - b.tokenStart);
}
