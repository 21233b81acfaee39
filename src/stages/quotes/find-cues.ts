/**
 * Cue words in the text: a cue of the dictionary at a token (its lemma or a
 * listed form, a phrase word by word), with the verb group around it: the
 * auxiliaries, negation and adverbs before it ("has also said", "did not
 * say") belong to the cue, as they do in attribution corpora.
 */
import { POS } from '../../core/token-table.js';
import type { CompiledCue } from './compile-cues.js';
import { isCap, isPunct, norm, pos, type Ctx, type Range } from './context.js';

export interface CueHit {
  compiled: CompiledCue;
  /** the cue word(s) themselves */
  word: Range;
  /** the verb group: auxiliaries, negation and adverbs before the cue word, then the cue */
  group: Range;
  /** "was told", "is said to": the subject is not the speaker */
  passive: boolean;
}

const MAX_GROUP = 4;

function wordFits(c: Ctx, cue: CompiledCue, t: number): boolean {
  const p = pos(c, t);
  switch (cue.entry.pos) {
    case 'verb': {
      if (p === POS.VERB || p === POS.AUX) return true;
      // title-case headlines tag verbs as proper nouns: "Flynn Says Trump Is Right"
      const s = c.sentences[c.sentOf[t]!]!;
      if (c.headline && s.paragraph === 0 && (p === POS.PROPN || p === POS.NOUN) && isCap(c, t)) return true;
      if ((p === POS.NOUN || p === POS.PROPN) && t > s.tokenStart && t + 1 < s.tokenEnd && nounTaggedVerb(c, t)) return true;
      // "…, the reports show.": a verb the tagger took for a noun, closing the sentence after its subject
      if ((p === POS.NOUN || p === POS.PROPN) && t > s.tokenStart && t + 1 < s.tokenEnd + 1) {
        const next = t + 1 < s.tokenEnd ? norm(c, t + 1) : c.ids.period;
        const prev = pos(c, t - 1);
        const closes = c.ids.finals.has(next) || next === c.ids.comma;
        // only where the noun reading is unlikely: a document verb ("show"), or a past form ("…, aides confirmed.")
        const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
        const verbal = cue.entry.cueClass === 'evidence' || surface.endsWith('ed');
        return verbal && closes && (prev === POS.NOUN || prev === POS.PROPN || prev === POS.PRON) && !c.ids.possessiveMarks.has(norm(c, t - 1));
      }
      return false;
    }
    case 'noun':
      return p === POS.NOUN || p === POS.PROPN;
    case 'prep':
      return p === POS.ADP || p === POS.VERB;
    default:
      return true;
  }
}

/**
 * A verb the tagger took for a noun, read from its neighbours: a noun phrase
 * before it (not a possessive: "Trump's claims") and a complementizer after
 * it ("the statistics show that …"), or, for a present-tense form in -s, the
 * start of a clause ("the paper notes the government …").
 */
function nounTaggedVerb(c: Ctx, t: number): boolean {
  const prev = t - 1;
  const pp = pos(c, prev);
  if (!(pp === POS.NOUN || pp === POS.PROPN || (pp === POS.PRON && c.ids.subjects.has(norm(c, prev))))) return false;
  if (c.ids.possessiveMarks.has(norm(c, prev)) || c.inQuote[prev]! >= 0) return false;
  // "the campaign's plans", "his plan that": a possessive or article right before the noun makes it a noun
  if (prev - 1 >= 0 && (c.ids.possessiveMarks.has(norm(c, prev - 1)) || c.ids.possessives.has(norm(c, prev - 1)))) return false;
  const next = t + 1;
  const nn = norm(c, next);
  if (nn === c.ids.that && pos(c, next) === POS.SCONJ) return true;
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
  if (!/[a-z]s$/.test(surface)) return false;
  const np = pos(c, next);
  return (np === POS.DET && nn !== c.ids.that && !c.ids.wh.has(nn)) || (np === POS.PRON && c.ids.subjects.has(nn) && !c.ids.objects.has(nn));
}

/** the cue starting at token t (outside direct quotes), or null; computed once per token */
export function cueAt(c: Ctx, t: number): CueHit | null {
  if (c.inQuote[t]! >= 0 || isPunct(c, t)) return null;
  const cached = c.cueCache[t];
  if (cached !== undefined) return cached;
  const hit = findCueAt(c, t);
  c.cueCache[t] = hit;
  return hit;
}

function findCueAt(c: Ctx, t: number): CueHit | null {
  const byLemma = c.cues.byFirst.get(c.tokens.lemma[t]!);
  const byNorm = c.tokens.lemma[t] !== c.tokens.norm[t] ? c.cues.byFirst.get(c.tokens.norm[t]!) : undefined;
  if (!byLemma && !byNorm) return null;
  // the second half of a hyphenated word is no cue: "fact-finding", "long-expected"
  if (t > 0 && c.ids.dashes.has(norm(c, t - 1)) && c.tokens.end[t - 1] === c.tokens.start[t] && t > 1 && c.tokens.end[t - 2] === c.tokens.start[t - 1]) return null;
  const s = c.sentences[c.sentOf[t]!]!;
  const candidates = byLemma && byNorm ? [...byLemma, ...byNorm] : (byLemma ?? byNorm)!;
  for (const cue of candidates) {
    const n = cue.words.length;
    if (t + n > s.tokenEnd) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const tk = t + k;
      if (c.inQuote[tk]! >= 0) ok = false;
      else if (!cue.words[k]!.has(c.tokens.norm[tk]!) && !cue.words[k]!.has(c.tokens.lemma[tk]!)) ok = false;
    }
    if (!ok || !wordFits(c, cue, t)) continue;
    const word = { a: t, b: t + n };
    const group = verbGroup(c, t, s.tokenStart);
    let passive = false;
    if (cue.entry.pos === 'verb') {
      const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
      if (!surface.endsWith('ing')) {
        for (let j = group.a; j < t; j++) if (c.ids.be.has(norm(c, j)) && pos(c, j) === POS.AUX) passive = true;
      }
    }
    return { compiled: cue, word, group: { a: group.a, b: t + n }, passive };
  }
  return null;
}

/** auxiliaries, negation and adverbs right before token t: "has also", "did not" */
export function verbGroup(c: Ctx, t: number, floor: number): Range {
  let a = t;
  while (a - 1 >= floor && t - (a - 1) <= MAX_GROUP) {
    const j = a - 1;
    if (c.inQuote[j]! >= 0 || isPunct(c, j)) break;
    const p = pos(c, j);
    const n = norm(c, j);
    // ’s is "has"/"is" after a pronoun, a possessive after a noun ("Breitbart’s reporting team")
    if (c.ids.possessiveMarks.has(n) && p !== POS.AUX) break;
    if (c.ids.aux.has(n) && (p === POS.AUX || p === POS.PART || p === POS.ADV || p === POS.VERB)) a = j;
    else if (p === POS.ADV && !c.ids.wh.has(n) && !c.ids.relatives.has(n) && n !== c.ids.that) a = j;
    else if (p === POS.PART && n !== c.ids.to && !c.ids.possessiveMarks.has(n)) a = j;
    else break;
  }
  return { a, b: t + 1 };
}
