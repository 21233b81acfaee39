/**
 * Cue words in the text: a cue of the dictionary at a token (its lemma or a
 * listed form, a phrase word by word), with the verb group around it: the
 * auxiliaries, negation and adverbs before it ("has also said", "did not
 * say") belong to the cue, as they do in attribution corpora.
 */
import type { Sentence } from '../../core/layers.js';
import { POS } from '../../core/token-table.js';
import type { CompiledCue } from './compile-cues.js';
import { endsInLowerS, endsWithCI, isCap, isPunct, isSubjectPronoun, norm, pos, skipOpeners, type Ctx, type Range } from './context.js';

export interface CueHit {
  compiled: CompiledCue;
  /** the cue word(s) themselves */
  word: Range;
  /** the verb group: auxiliaries, negation and adverbs before the cue word, then the cue */
  group: Range;
  /** "was told", "is said to": the subject is not the speaker */
  passive: boolean;
  /** "seems to", "appeared": the writer's impression of the subject, with no source (the subject is content) */
  raising?: boolean;
}

/** verbs whose subject is part of what they report, with no source: "[Trump] seemed [to enjoy it]" */
const RAISING = new Set(['seem', 'appear']);

const MAX_GROUP = 4;

function wordFits(c: Ctx, cue: CompiledCue, t: number): boolean {
  const p = pos(c, t);
  switch (cue.entry.pos) {
    case 'verb': {
      if (p === POS.VERB || p === POS.AUX) return !participleAdjective(c, t) && !givenName(c, t) && !nounPlace(c, t);
      // title-case headlines tag verbs as proper nouns: "Flynn Says Trump Is Right"
      const s = c.sentences[c.sentOf[t]!]!;
      // (not a word of a name, "United States", nor right after a verb, "McClaren Targets Champions League")
      if (c.headline && s.paragraph === 0 && (p === POS.PROPN || p === POS.NOUN) && isCap(c, t)) {
        // (and only in title case: in "McClaren targets Champions League" a capitalised word is a name)
        const prevLower = t > s.tokenStart && !isCap(c, t - 1) && !isPunct(c, t - 1) && !/^\d/.test(c.text[c.tokens.start[t - 1]!]!);
        return !prevLower && !(t > s.tokenStart && (pos(c, t - 1) === POS.VERB || pos(c, t - 1) === POS.AUX));
      }
      if ((p === POS.NOUN || p === POS.PROPN) && t > s.tokenStart && t + 1 < s.tokenEnd && nounTaggedVerb(c, t)) return true;
      // "Trump tells Fox News that …", "Clinton asks voters to …": a verb that names its addressee, in -s after a name
      if ((p === POS.NOUN || p === POS.PROPN) && cue.entry.addressee !== 'no' && t > s.tokenStart && t + 1 < s.tokenEnd && endsInLowerS(c, t) && !isCap(c, t) && !isPunct(c, t + 1)) {
        if ((pos(c, t - 1) === POS.PROPN || isSubjectPronoun(c, t - 1)) && !c.ids.possessiveMarks.has(norm(c, t - 1))) return true;
      }
      // "“…,” Trump shot back.", "“…,” Viguerie notes.": the word after a quotation and its speaker's name
      if ((p === POS.NOUN || p === POS.PROPN) && !isCap(c, t) && afterQuoteName(c, t)) return true;
      // "as Trump points out", "Sanders calls for": a phrase verb with its particle, right after a name or a subject pronoun
      if ((p === POS.NOUN || p === POS.PROPN) && cue.words.length > 1 && t > s.tokenStart && endsInLowerS(c, t) && (pos(c, t + 1) === POS.ADP || pos(c, t + 1) === POS.PART)) {
        const pp = pos(c, t - 1);
        const subject = pp === POS.PROPN || isSubjectPronoun(c, t - 1);
        const compound = t - 2 >= s.tokenStart && pos(c, t - 2) === POS.DET;
        if (subject && !compound && !c.ids.possessiveMarks.has(norm(c, t - 1)) && c.inQuote[t - 1]! < 0) return true;
      }
      // "…, the reports show.": a verb the tagger took for a noun, closing the sentence after its subject
      if ((p === POS.NOUN || p === POS.PROPN) && t > s.tokenStart && t + 1 < s.tokenEnd + 1) {
        const next = t + 1 < s.tokenEnd ? norm(c, t + 1) : c.ids.period;
        const prev = pos(c, t - 1);
        const closes = c.ids.finals.has(next) || next === c.ids.comma;
        // only where the noun reading is unlikely: a document verb ("show"), or a past form ("…, aides confirmed.")
        const verbal = cue.entry.cueClass === 'evidence' || endsWithCI(c, t, 'ed');
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

/** verbs that take an object and a bare verb after it ("let him say", "made clear"), or a bare verb ("help say") */
const BARE_VERB_TAKERS = new Set(['let', 'lets', 'make', 'makes', 'made', 'help', 'helps', 'helped', 'see', 'saw', 'hear', 'heard', 'watch', 'watched', 'have', 'has', 'had', 'do', 'does', 'did', 'dare', 'need', 'go', 'come']);
/** words before a verb that are its subject, not its article or modifier: "this shows", "many say" */
const SUBJECT_DETERMINERS = new Set(['this', 'that', 'these', 'those', 'all', 'both', 'each', 'some', 'many', 'few', 'most', 'several', 'others', 'more', 'none', 'any', 'either', 'neither', 'half', 'another']);

/** "Western", "Eastern": capitalised, they modify a noun ("Western calls for …"); a nationality is an actor slot */
const COMPASS = new Set(['western', 'eastern', 'northern', 'southern']);

/**
 * A word tagged as a verb where a noun stands: after a verb ("rejected
 * calls for …", not "let him say"), after an article or a possessive ("his
 * calls", "the claims"), or after an adjective after a verb ("rejects
 * Western calls for …").
 */
function nounPlace(c: Ctx, t: number): boolean {
  const s = c.sentences[c.sentOf[t]!]!;
  if (t <= s.tokenStart || c.inQuote[t - 1]! >= 0) return false;
  if (endsWithCI(c, t, 'ing')) return false;
  const prev = t - 1;
  // (a piece of a word wink-nlp split: "Erdo" "ğ" "an said")
  if (prev > 0 && c.tokens.end[prev - 1] === c.tokens.start[prev]) return false;
  const pp = pos(c, prev);
  const pw = c.text.slice(c.tokens.start[prev]!, c.tokens.end[prev]!).toLowerCase();
  // "Russian calls for talks", "rejects Western calls for …": a nationality or a compass adjective modifies the noun
  if (c.slots.slotAt(prev)?.modifier || (COMPASS.has(pw) && isCap(c, prev))) return true;
  // (a capitalised word the tagger took for a verb is a name: "Cook said")
  // (nor a participle after its noun, a reduced relative clause: "those surveyed say", "voters polled said")
  const before = prev - 1 >= s.tokenStart ? pos(c, prev - 1) : POS.PUNCT;
  // (the word before is read only after an article or a name)
  const beforeWord = prev - 1 >= s.tokenStart && (before === POS.DET || before === POS.PROPN) ? c.text.slice(c.tokens.start[prev - 1]!, c.tokens.end[prev - 1]!).toLowerCase() : '';
  const reduced = (endsWithCI(c, prev, 'ed') || endsWithCI(c, prev, 'en')) && (before === POS.NOUN || before === POS.PRON || before === POS.NUM || (before === POS.DET && SUBJECT_DETERMINERS.has(beforeWord)) || (before === POS.PROPN && !/day$/.test(beforeWord) && !c.ids.timeWords.has(norm(c, prev - 1))));
  if (pp === POS.VERB && !reduced && !isCap(c, prev) && !endsWithCI(c, prev, 'ing') && !BARE_VERB_TAKERS.has(pw) && !(prev - 1 >= s.tokenStart && norm(c, prev - 1) === c.ids.to)) return true;
  if ((pp === POS.DET && !SUBJECT_DETERMINERS.has(pw)) || (c.ids.possessives.has(norm(c, prev)) && pp !== POS.PRON) || c.ids.possessiveMarks.has(norm(c, prev))) return true;
  // (not "the well known socialist said", "the self-described socialist said": that verb is a participle modifying the noun)
  if (pp !== POS.ADJ || SUBJECT_DETERMINERS.has(pw) || prev - 1 < s.tokenStart || pos(c, prev - 1) !== POS.VERB) return false;
  const v = prev - 1;
  const modifier = v - 1 >= s.tokenStart && (pos(c, v - 1) === POS.DET || pos(c, v - 1) === POS.ADV || c.ids.dashes.has(norm(c, v - 1)) || c.ids.possessives.has(norm(c, v - 1)));
  return !(modifier && (endsWithCI(c, v, 'ed') || endsWithCI(c, v, 'en') || endsWithCI(c, v, 'wn')));
}

/**
 * The word right after a closing quotation mark and a name or a subject
 * pronoun ("“…,” Trump shot back", "“…,” Bozell answers"): the place of the
 * verb of an attribution, whatever the tagger says.
 */
function afterQuoteName(c: Ctx, t: number): boolean {
  let k = t - 1;
  if (k < 0) return false;
  const pronoun = isSubjectPronoun(c, k);
  if (!pronoun) {
    // a name ("Trump", "Bill Clinton") or a short phrase with its article ("the governor", "a top aide")
    const name = pos(c, k) === POS.PROPN && isCap(c, k);
    if (!name && pos(c, k) !== POS.NOUN) return false;
    while (k - 1 >= 0 && t - k < 4 && (name ? pos(c, k - 1) === POS.PROPN && isCap(c, k - 1) : pos(c, k - 1) === POS.NOUN || pos(c, k - 1) === POS.ADJ || pos(c, k - 1) === POS.DET)) k--;
    if (!name && pos(c, k) !== POS.DET) return false;
  }
  const mark = k - 1;
  return mark >= 0 && c.isMark[mark] === 1 && c.inQuote[mark]! >= 0;
}

/**
 * "spokeswoman Hope Hicks said": a capitalised cue word after a word in lower
 * case and before another capitalised word is a first name; between two
 * capitalised words it is part of a name, except in a title-case headline
 * ("Newspaper Says Clinton …").
 */
function givenName(c: Ctx, t: number): boolean {
  const s = c.sentences[c.sentOf[t]!]!;
  if (t <= s.tokenStart || t + 1 >= s.tokenEnd || !isCap(c, t) || !isCap(c, t + 1) || isPunct(c, t + 1)) return false;
  const before = c.text.slice(c.tokens.start[t - 1]!, c.tokens.end[t - 1]!);
  // ("North East Says No", a campaign's name: capitals on both sides, outside a headline)
  return /^[a-z]/.test(before) || (/^[A-Z]/.test(before) && !(c.headline && s.paragraph === 0) && c.inQuote[t]! < 0);
}

/** a past participle opening its sentence, alone or after "when", "if", "once": "Asked whether …, X said" */
function openingParticiple(c: Ctx, t: number, sStart: number): boolean {
  if (!endsWithCI(c, t, 'ed')) return false;
  let a = skipOpeners(c, sStart, t, true);
  if (a < t && (norm(c, a) === c.ids.when || norm(c, a) === c.ids.if || norm(c, a) === c.ids.once)) a++;
  return a === t;
}

/** "758 pledged delegates", "his stated goal", "the expected result": a participle used as an adjective */
function participleAdjective(c: Ctx, t: number): boolean {
  if (!(endsWithCI(c, t, 'ed') || endsWithCI(c, t, 'en')) || t === 0 || t + 1 >= c.tokens.length) return false;
  const prev = pos(c, t - 1);
  const n = norm(c, t - 1);
  const before = prev === POS.DET || prev === POS.NUM || prev === POS.ADJ || c.ids.possessives.has(n) || c.ids.possessiveMarks.has(n);
  return before && !c.ids.aux.has(n) && pos(c, t + 1) === POS.NOUN && c.sentOf[t + 1] === c.sentOf[t];
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
  // "six in 10 say", "a third say": a number or a fraction the tagger took for an adjective can be the subject too
  const counted = pp === POS.NUM || (pp === POS.ADJ && prev - 1 >= 0 && pos(c, prev - 1) === POS.DET);
  if (!(pp === POS.NOUN || pp === POS.PROPN || counted || (pp === POS.PRON && c.ids.subjects.has(norm(c, prev))))) return false;
  if (c.ids.possessiveMarks.has(norm(c, prev)) || c.inQuote[prev]! >= 0) return false;
  // "the campaign's plans", "his plan that": a possessive or article right before the noun makes it a noun
  if (prev - 1 >= 0 && (c.ids.possessiveMarks.has(norm(c, prev - 1)) || c.ids.possessives.has(norm(c, prev - 1)))) return false;
  const next = t + 1;
  const nn = norm(c, next);
  if (nn === c.ids.that && pos(c, next) === POS.SCONJ) return true;
  // "Polls show that majorities …": "that" the tagger took for a determiner, then the subject of a clause
  // (not "plans that would …", a relative clause)
  if (nn === c.ids.that && next + 1 < c.tokens.length && !isPunct(c, next + 1) && pos(c, next + 1) !== POS.AUX && pos(c, next + 1) !== POS.VERB) return true;
  const np = pos(c, next);
  // "filings show it has …": "it" is a subject when a verb follows it
  const itSubject = nn === c.ids.it && next + 1 < c.tokens.length && (pos(c, next + 1) === POS.AUX || pos(c, next + 1) === POS.VERB);
  const clauseStart = (np === POS.DET && nn !== c.ids.that && !c.ids.wh.has(nn)) || (np === POS.PRON && c.ids.subjects.has(nn) && (!c.ids.objects.has(nn) || itSubject));
  // "Others call it …", "they call him …": a subject pronoun, then the verb and its object
  if (isSubjectPronoun(c, prev) && !c.ids.relatives.has(norm(c, prev)) && (np === POS.PRON || np === POS.DET || np === POS.PROPN)) return true;
  // "the paper notes the government …": a present tense in -s after a singular subject
  if (endsInLowerS(c, t)) return clauseStart;
  // "polls show Trump leading …": a plural subject, then the verb's base form
  const plural = (pp === POS.NOUN || pp === POS.PROPN) && endsInLowerS(c, prev);
  // "FEC records from the 2008 cycle show he backed …": a plural head before a prepositional phrase, then a clause
  if (!plural && !counted && clauseStart && (pp === POS.NOUN || pp === POS.PROPN) && pluralBeforePhrase(c, prev)) return true;
  // "respondents who support Sanders": a relative pronoun is the subject of the verb after it
  const relative = c.ids.relatives.has(norm(c, prev)) && norm(c, prev) !== c.ids.that;
  if (!((pp === POS.NOUN && plural) || counted || (pp === POS.PROPN && plural) || relative)) return false;
  if (clauseStart || np === POS.PROPN || np === POS.NUM) return true;
  // "majorities favor letting people stay": a gerund as the object
  if (np === POS.VERB && endsWithCI(c, next, 'ing') && c.sentOf[next] === c.sentOf[t]) return true;
  // "voters support temporarily banning …", "Republicans support deportation": an adverb before a gerund,
  // or a plural name then a noun (a compound has no plural name before its head)
  if (np === POS.ADV && next + 1 < c.tokens.length && pos(c, next + 1) === POS.VERB && c.sentOf[next + 1] === c.sentOf[t]) return true;
  return pp === POS.PROPN && np === POS.NOUN;
}

/** a plural noun heading the phrase that ends at `end`, before a prepositional phrase ("records [from the cycle]") */
function pluralBeforePhrase(c: Ctx, end: number): boolean {
  const s = c.sentences[c.sentOf[end]!]!;
  let t = end;
  const nominal = (k: number) => {
    const p = pos(c, k);
    return p === POS.NOUN || p === POS.PROPN || p === POS.ADJ || p === POS.NUM || (p === POS.DET && norm(c, k) !== c.ids.that);
  };
  while (t >= s.tokenStart && end - t < 8 && nominal(t)) t--;
  if (t <= s.tokenStart || pos(c, t) !== POS.ADP || !c.ids.npPreps.has(norm(c, t))) return false;
  const h = t - 1;
  return (pos(c, h) === POS.NOUN || pos(c, h) === POS.PROPN) && endsInLowerS(c, h);
}

/**
 * Whether some cue (a verb's, a noun's or a phrase's) starts with token t's
 * form or lemma: most words start none, and this is the test a token before
 * the cue map (cueAt asks it; a scan over every token may ask it first, once
 * for both kinds of cue).
 */
export function mayStartCue(c: Ctx, t: number): boolean {
  const first = c.cues.firstIds;
  const lemma = c.tokens.lemma[t]!;
  const form = c.tokens.norm[t]!;
  return (lemma < first.length && first[lemma] !== 0) || (form < first.length && first[form] !== 0);
}

/**
 * The cue starting at token t (outside direct quotes), or null; computed
 * once per token. Verbs, phrases and prepositions by default; `nouns` asks
 * for the noun cues instead ("his claim that …", "criticism of …"), which
 * only the noun rule reads (a noun is no attribution after a quote).
 */
export function cueAt(c: Ctx, t: number, nouns = false): CueHit | null {
  if (c.inQuote[t]! >= 0 || isPunct(c, t) || !mayStartCue(c, t)) return null;
  const cache = nouns ? c.nounCache : c.cueCache;
  const cached = cache[t];
  if (cached !== undefined) return cached;
  const hit = findCueAt(c, t, nouns);
  cache[t] = hit;
  return hit;
}

function findCueAt(c: Ctx, t: number, nouns: boolean): CueHit | null {
  const byLemma = c.cues.byFirst.get(c.tokens.lemma[t]!);
  const byNorm = c.tokens.lemma[t] !== c.tokens.norm[t] ? c.cues.byFirst.get(c.tokens.norm[t]!) : undefined;
  if (!byLemma && !byNorm) return null;
  // the second half of a hyphenated word is no cue: "fact-finding", "long-expected"
  if (t > 0 && c.ids.dashes.has(norm(c, t - 1)) && c.tokens.end[t - 1] === c.tokens.start[t] && t > 1 && c.tokens.end[t - 2] === c.tokens.start[t - 1]) return null;
  const s = c.sentences[c.sentOf[t]!]!;
  // a word inside a name is no cue: "United States", "the Washington Post"
  if (pos(c, t) === POS.PROPN) {
    const slot = c.slots.slotAt(t);
    if (slot && slot.tokenStart < t) return null;
  }
  // the cues listed under the lemma, then those under the form (read in turn, not copied into one list)
  const hit = byLemma ? firstCue(c, byLemma, t, s, nouns) : null;
  return hit ?? (byNorm ? firstCue(c, byNorm, t, s, nouns) : null);
}

/** the first cue of `candidates` (longest first) whose words stand at t and fit there */
function firstCue(c: Ctx, candidates: readonly CompiledCue[], t: number, s: Sentence, nouns: boolean): CueHit | null {
  for (const cue of candidates) {
    if ((cue.entry.pos === 'noun') !== nouns) continue;
    const n = cue.words.length;
    if (t + n > s.tokenEnd) continue;
    // (the first word is the one the cue was listed under, and t is outside direct quotes: cueAt asked)
    let ok = true;
    for (let k = 1; k < n && ok; k++) {
      const tk = t + k;
      if (c.inQuote[tk]! >= 0) ok = false;
      else if (!cue.words[k]!.has(c.tokens.norm[tk]!) && !cue.words[k]!.has(c.tokens.lemma[tk]!)) ok = false;
    }
    if (!ok || !wordFits(c, cue, t)) continue;
    const word = { a: t, b: t + n };
    const group = verbGroup(c, t, s.tokenStart);
    let passive = false;
    // "Asked if he was bullied, the candidate said no", "When asked about …": the one asked is the subject after the comma
    if (cue.entry.pos === 'verb' && openingParticiple(c, t, s.tokenStart)) passive = true;
    // "…, Christie said when asked whether …": a participle right after "when", "if", "once" has no subject
    if (cue.entry.pos === 'verb' && group.a === t && t - 1 > s.tokenStart && (norm(c, t - 1) === c.ids.when || norm(c, t - 1) === c.ids.if || norm(c, t - 1) === c.ids.once) && endsWithCI(c, t, 'ed')) passive = true;
    if (cue.entry.pos === 'verb') {
      if (!endsWithCI(c, t, 'ing')) {
        // the auxiliaries of the cue itself ("was told"), not of a verb it depends on ("is expected to say")
        let from = group.a;
        for (let j = group.a; j < t; j++) if (norm(c, j) === c.ids.to) from = j + 1;
        for (let j = from; j < t; j++) if (c.ids.be.has(norm(c, j)) && pos(c, j) === POS.AUX) passive = true;
      }
    }
    if (RAISING.has(cue.entry.phrase)) return { compiled: cue, word, group: { a: group.a, b: t + n }, passive: true, raising: true };
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
    // "Jolly said": a capitalised "adverb" opening the sentence is a name the tagger missed
    else if (p === POS.ADV && j === floor && isCap(c, j) && !c.ids.openers.has(n) && !c.ids.timeWords.has(n) && !c.ids.wh.has(n)) break;
    else if (p === POS.ADV && !c.ids.wh.has(n) && !c.ids.relatives.has(n) && n !== c.ids.that) a = j;
    else if (p === POS.PART && n !== c.ids.to && !c.ids.possessiveMarks.has(n)) a = j;
    else if (n === c.ids.to && j - 1 >= floor && !c.slots.slotAt(j - 1) && (pos(c, j - 1) === POS.VERB || pos(c, j - 1) === POS.ADJ || pos(c, j - 1) === POS.AUX) && c.inQuote[j - 1]! < 0) {
      // "declined to say", "refused to comment on", "is likely to say": the verb the cue depends on is part of it
      a = j - 1;
      return { a: verbGroup(c, a, floor).a, b: t + 1 };
    } else break;
  }
  return { a, b: t + 1 };
}
