/**
 * Coreference inside one article, by rule: personal pronouns and definite
 * descriptions that name no country ("the minister") are linked to the most
 * recent compatible actor mention.
 *
 *   he / him / his / she / her  → the latest person (gender-compatible)
 *   it / its                    → the latest country, capital, institution or organisation,
 *                                 unless a sentence since opens with a name no dictionary
 *                                 codes ("Siemens posted …. It said"): then nothing
 *   they / them / their         → the latest plural agent or organisation
 *   the minister, the diplomat  → the latest person, preferring one with that office
 *   the militants, the ministry → the latest actor with that agent (YEMREBHTH, IRNGOV)
 *   the group, the movement     → the latest group or organisation
 *
 * A plural pronoun linked to a member of a compound ("Elrond and Gondor …
 * they") stands for the whole compound: the event coder expands it
 * (events/code-events.ts, compound()). With the coding option `pronouns:
 * 'first-actor'` (TABARI, whose actors have no gender or kind), a personal
 * pronoun that is no possessive determiner is the first actor of its
 * sentence before it, whatever its kind.
 */
import type { ActorMention, CorefLink, Sentence } from '../../core/layers.js';
import { POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { PersonEntry } from '../../ontology/types.js';

type Want = 'male' | 'female' | 'thing' | 'plural';

const PRONOUNS: Record<string, Want> = {
  he: 'male', him: 'male', his: 'male', himself: 'male',
  she: 'female', her: 'female', hers: 'female', herself: 'female',
  it: 'thing', its: 'thing', itself: 'thing',
  they: 'plural', them: 'plural', their: 'plural', themselves: 'plural',
};

/** Nouns that, after "the", stand for a named group or organisation: "the group said". */
const GROUP_NOUNS = ['group', 'movement', 'organisation', 'organization', 'faction', 'alliance'];

/** Agent nouns for a body, not a person, that "the" refers back with in the singular: "the ministry said". */
const BODY_NOUNS = ['government', 'administration', 'ministry', 'army', 'military', 'police', 'regime', 'junta', 'cabinet',
  'parliament', 'court', 'navy', 'embassy', 'militia', 'party', 'legislature', 'senate', 'presidency'];

/** Whether a code holds the agent among its three-letter parts after the first ("YEMREBHTH" holds REB). */
function hasAgent(code: string, agent: string): boolean {
  for (let i = 3; i + 3 <= code.length; i += 3) if (code.slice(i, i + 3) === agent) return true;
  return false;
}

/** How many sentences back a pronoun may look for its antecedent. */
const WINDOW = 3;

function isPerson(a: ActorMention): boolean {
  return a.kind === 'person' || (a.kind === 'description' && a.person !== undefined);
}

function compatible(a: ActorMention, want: Want, gender: (name: string) => 'm' | 'f' | undefined): boolean {
  if (want === 'male' || want === 'female') {
    if (!isPerson(a)) return false;
    const g = a.person ? gender(a.person) : undefined;
    return g === undefined || g === (want === 'male' ? 'm' : 'f');
  }
  if (want === 'thing') {
    // "it" is no community: "the Kurds", "Shiite Muslims" are "they"
    return a.kind === 'country' || a.kind === 'capital' || a.kind === 'institution' || a.kind === 'organisation' || a.kind === 'group';
  }
  return a.kind === 'agent' || a.kind === 'organisation' || a.kind === 'group' || a.kind === 'community' || a.kind === 'country';
}

/** The vocabulary ids the rules test, found once per vocabulary. */
export interface CorefWords {
  wants: ReadonlyMap<number, Want>;
  /** possessive determiners ("its embassy") keep the default rule under the first-actor one */
  possessives: ReadonlySet<number>;
  theId: number;
  ofId: number;
  groupNouns: ReadonlySet<number>;
  possessiveMarks: ReadonlySet<number>;
  bodyNouns: ReadonlySet<number>;
  policeId: number;
}

export function corefWords(vocab: Vocabulary): CorefWords {
  const ids = (ws: readonly string[]) => new Set(ws.map((w) => vocab.intern(w)));
  return {
    wants: new Map(Object.entries(PRONOUNS).map(([w, want]) => [vocab.intern(w), want])),
    possessives: ids(['his', 'its', 'their']),
    theId: vocab.intern('the'),
    ofId: vocab.intern('of'),
    groupNouns: ids(GROUP_NOUNS),
    possessiveMarks: ids(["'s", '’s', "'", '’']),
    bodyNouns: ids(BODY_NOUNS),
    policeId: vocab.intern('police'),
  };
}

export function resolveCoreference(
  tokens: TokenTable,
  text: string,
  sentences: readonly Sentence[],
  actors: readonly ActorMention[],
  words: CorefWords,
  people: ReadonlyMap<string, PersonEntry>,
  mode: 'persons' | 'first-actor' = 'persons',
): CorefLink[] {
  const links: CorefLink[] = [];
  const gender = (name: string) => people.get(name)?.gender;
  const { wants, possessives, theId, ofId, groupNouns, possessiveMarks, bodyNouns, policeId } = words;
  // token → 1 under an actor mention, 2 under one with a code
  const coveredTokens = new Uint8Array(tokens.length);
  for (const a of actors) {
    const mark = a.code && !a.code.startsWith('---') ? 2 : 1;
    for (let t = a.tokenStart; t < a.tokenEnd; t++) coveredTokens[t] = Math.max(coveredTokens[t]!, mark);
  }
  const covered = (t: number) => coveredTokens[t]! >= 1;
  // actors sorted by position (they already are); walk tokens and keep a pointer
  let next = 0;
  const seen: number[] = []; // indexes of mentions before the current token
  const resolved = new Map<number, number>(); // description mention → antecedent
  const effective = (idx: number) => resolved.get(idx) ?? idx;
  for (let i = 0; i < tokens.length; i++) {
    while (next < actors.length && actors[next]!.tokenStart <= i) {
      const a = actors[next]!;
      // a definite description with no country refers back to a person
      if (a.code.startsWith('---') && a.kind !== 'agent' && tokens.norm[a.tokenStart] === theId) {
        // "Xi met the leader": a description does not refer to the subject of its own clause
        const sameClause = (b: number) => {
          const x = actors[b]!;
          if (x.sentence !== a.sentence) return false;
          for (let t = x.tokenEnd; t < a.tokenStart; t++) if (tokens.pos[t] === POS.VERB) return true;
          return false;
        };
        const ante = findBack(seen, actors, a.sentence, (b) => isPerson(actors[b]!) && !sameClause(b) && (!a.office || !actors[b]!.office || actors[b]!.office === a.office));
        if (ante !== undefined) {
          resolved.set(next, ante);
          links.push({
            text: a.text, start: a.start, end: a.end, sentence: a.sentence,
            tokenStart: a.tokenStart, tokenEnd: a.tokenEnd, antecedent: ante, rule: 'coref/description',
          });
        }
      }
      // "the militants", "the ministry": a definite agent with no country is the latest actor with that agent
      // (a singular person noun, "the minister", is left to the person rules: it is someone)
      // ("accusing police of …": "police" needs no article, it is the police of the place the article is in)
      const definite = tokens.norm[a.tokenStart] === theId || (a.tokenEnd - a.tokenStart === 1 && tokens.lemma[a.tokenStart] === policeId);
      if (mode === 'persons' && a.code.startsWith('---') && a.kind === 'agent' && a.code.length === 6 && definite && !a.modifier &&
        (tokens.norm[a.tokenEnd - 1] !== tokens.lemma[a.tokenEnd - 1] || bodyNouns.has(tokens.lemma[a.tokenEnd - 1]!)) &&
        // "the party's leader": the possessor only modifies the next noun
        !(a.tokenEnd < tokens.length && possessiveMarks.has(tokens.norm[a.tokenEnd]!))) {
        const agent = a.code.slice(3);
        const fits = (b: number) => {
          const x = actors[effective(b)]!;
          return !x.code.startsWith('---') && !x.modifier && x.kind !== 'person' && hasAgent(x.code, agent);
        };
        // "the army" after "Sudan's army … The RSF accused the army": a body that is that agent and nothing
        // more (SDNMIL) before a named group filed under it (SDNMILRSF), within the window
        const ante = findBack(seen, actors, a.sentence, (b) => fits(b) && actors[effective(b)]!.code.slice(3) === agent) ?? findBack(seen, actors, a.sentence, fits);
        if (ante !== undefined) {
          resolved.set(next, effective(ante));
          links.push({
            text: a.text, start: a.start, end: a.end, sentence: a.sentence,
            tokenStart: a.tokenStart, tokenEnd: a.tokenEnd, antecedent: effective(ante), rule: 'coref/agent',
          });
        }
      }
      seen.push(next);
      next++;
    }
    // "the group said": a definite group noun no mention covers is the latest group or organisation
    if (mode === 'persons' && tokens.norm[i] === theId && i + 1 < tokens.length && groupNouns.has(tokens.lemma[i + 1]!) && !covered(i + 1) &&
      tokens.sentence[i + 1] === tokens.sentence[i] && !(i + 2 < tokens.length && (tokens.pos[i + 2] === POS.NOUN || tokens.pos[i + 2] === POS.PROPN || tokens.norm[i + 2] === ofId))) {
      const sentence = tokens.sentence[i]!;
      const ante = findSubjectFirst(seen, actors, sentence, (b) => {
        const x = actors[effective(b)]!;
        return !x.code.startsWith('---') && !x.modifier && (x.kind === 'group' || x.kind === 'organisation' || (x.kind === 'agent' && /(REB|UAF|INS|SEP|OPP|PTY|NGO|HRI)/.test(x.code.slice(3))));
      });
      if (ante !== undefined) {
        links.push({
          text: text.slice(tokens.start[i]!, tokens.end[i + 1]!),
          start: tokens.start[i]!,
          end: tokens.end[i + 1]!,
          sentence,
          tokenStart: i,
          tokenEnd: i + 2,
          antecedent: effective(ante),
          rule: 'coref/group',
        });
        continue;
      }
    }
    if (tokens.pos[i] !== POS.PRON && tokens.pos[i] !== POS.DET) continue;
    const want = wants.get(tokens.norm[i]!);
    if (!want) continue;
    const sentence = tokens.sentence[i]!;
    // TABARI (coding option pronouns: 'first-actor'): a personal pronoun is the first actor of its sentence before it
    const first = mode === 'first-actor' && !possessives.has(tokens.norm[i]!) ? firstInSentence(seen, actors, sentence) : undefined;
    // "Siemens posted higher profits. It said …": a name no dictionary codes, as the subject of a sentence since,
    // is what "it" stands for; no coded actor before it is
    const uncoded = want === 'thing' && mode === 'persons' ? uncodedSubjectSince(tokens, text, sentences, (t) => coveredTokens[t] === 2, sentence, i, (name, at) => {
      // ("Wang warned … if it crossed": a person's name is no "it", and stands for nothing "it" could be)
      const k = namedBefore(actors, text, name, at);
      return k !== undefined && isPerson(actors[k]!) ? null : k;
    }) : null;
    const blocked = uncoded ? uncoded.sentence : -1;
    if (blocked === sentence && uncoded!.known === undefined) continue;
    const ante = uncoded?.known !== undefined ? uncoded.known : first ?? findSubjectFirst(seen, actors, sentence, (b) => actors[b]!.sentence > blocked && compatible(actors[effective(b)]!, want, gender));
    if (ante === undefined) continue;
    links.push({
      text: text.slice(tokens.start[i]!, tokens.end[i]!),
      start: tokens.start[i]!,
      end: tokens.end[i]!,
      sentence,
      tokenStart: i,
      tokenEnd: i + 1,
      antecedent: effective(ante),
      rule: `coref/pronoun-${want}`,
    });
  }
  return links;
}

/** A name no coded actor covers, as the subject of a sentence: its sentence and token range, and whom it names. */
export interface UncodedSubject<T> {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** the actor or speaker named with these words before, when `known` found one */
  known?: T;
}

/**
 * The latest sentence, from `sentence` back over the window, whose subject
 * is a name no coded actor covers ("Siemens posted …", "Genoa Systems
 * said …"): an article, then capitalised proper nouns, then a verb, all
 * before token `before`. `known` tells what the name stood for before: an
 * actor ("Yukos" after "the Russian firm Yukos"), null for a name "it"
 * cannot be (a person's), undefined for none; a null name is passed over.
 */
export function uncodedSubjectSince<T>(tokens: TokenTable, text: string, sentences: readonly Sentence[], coded: (t: number) => boolean, sentence: number, before: number, known: (name: string, at: number) => T | null | undefined): UncodedSubject<T> | null {
  for (let s = sentence; s >= Math.max(0, sentence - WINDOW); s--) {
    const sent = sentences[s];
    if (!sent) continue;
    let t = sent.tokenStart;
    if (t < sent.tokenEnd && tokens.pos[t] === POS.DET) t++;
    const a = t;
    while (t < sent.tokenEnd && t < before && tokens.pos[t] === POS.PROPN && !coded(t)) t++;
    if (t === a || t >= before || t >= sent.tokenEnd) continue;
    // (a name coded in part, "Siemens Germany", is coded)
    if (coded(t)) continue;
    const p = tokens.pos[t];
    if (p !== POS.VERB && p !== POS.AUX) continue;
    const who = known(text.slice(tokens.start[a]!, tokens.end[t - 1]!), tokens.start[a]!);
    if (who === null) continue;
    return who === undefined ? { sentence: s, tokenStart: a, tokenEnd: t } : { sentence: s, tokenStart: a, tokenEnd: t, known: who };
  }
  return null;
}

/**
 * The latest coded actor mention before character `at` that holds the name
 * as whole words, or has it right after it ("the Russian firm Yukos": the
 * firm is Yukos).
 */
function namedBefore(actors: readonly ActorMention[], text: string, name: string, at: number): number | undefined {
  const padded = ` ${name} `;
  for (let i = actors.length - 1; i >= 0; i--) {
    const x = actors[i]!;
    if (x.start >= at || !x.code || x.code.startsWith('---')) continue;
    if (` ${x.text} `.includes(padded) || text.startsWith(padded, x.end)) return i;
  }
  return undefined;
}

/** The first coded actor mention of the sentence among those seen so far. */
function firstInSentence(seen: readonly number[], actors: readonly ActorMention[], sentence: number): number | undefined {
  let found: number | undefined;
  for (let k = seen.length - 1; k >= 0; k--) {
    const a = actors[seen[k]!]!;
    if (a.sentence < sentence) break;
    if (a.sentence === sentence && a.code && !a.code.startsWith('---') && !a.modifier) found = seen[k];
  }
  return found;
}

function findBack(
  seen: readonly number[],
  actors: readonly ActorMention[],
  sentence: number,
  ok: (index: number) => boolean,
): number | undefined {
  for (let k = seen.length - 1; k >= 0; k--) {
    const a = actors[seen[k]!]!;
    if (a.sentence < sentence - WINDOW) break;
    if (a.code.startsWith('---') && a.kind !== 'agent') continue;
    if (ok(seen[k]!)) return seen[k];
  }
  return undefined;
}

/**
 * Hobbs-style preference for pronouns: the current sentence first, then each
 * earlier sentence in turn; inside a sentence the leftmost compatible mention
 * (usually the subject) wins, so "China told Washington that it hoped" links
 * "it" to China.
 */
function findSubjectFirst(
  seen: readonly number[],
  actors: readonly ActorMention[],
  sentence: number,
  ok: (index: number) => boolean,
): number | undefined {
  let k = seen.length - 1;
  for (let s = sentence; s >= sentence - WINDOW && k >= 0; s--) {
    let best: number | undefined;
    while (k >= 0 && actors[seen[k]!]!.sentence >= s) {
      const idx = seen[k]!;
      const a = actors[idx]!;
      if (a.sentence === s && !(a.code.startsWith('---') && a.kind !== 'agent') && ok(idx)) best = idx;
      k--;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}
