/**
 * Reported speech around a cue, by the shape of the sentence:
 *
 *   X said (that) CONTENT.              the content follows the cue
 *   X told Y (on Monday) that CONTENT.  an addressee, then the content
 *   X vowed to CONTENT.                 an infinitive, for cues that take one
 *   CONTENT, X said (on Monday).        the content comes first
 *   CONTENT, said X.                    ... with the speaker after the cue
 *   The plan, X said, is CONTENT.       the attribution inside the content
 *   According to X, CONTENT.  CONTENT, according to X.
 *
 * The content is the reported clause: without "that", without the sentence's
 * final punctuation. A clause with no "that" must look like a clause (a
 * subject, then a verb), so "said nothing" and "warned Russia against …"
 * are not reported speech.
 */
import { FLAG, POS } from '../../core/token-table.js';
import type { CueContent } from '../../ontology/load-cues.js';
import type { CueHit } from './find-cues.js';
import { cueAt } from './find-cues.js';
import { npEndingAt, npStartingAt, speakerAfter, speakerBefore, type NounPhrase } from './find-speakers.js';
import { endsWithCI, isCap, isNounish, isPunct, isQuoteTok, isSubjectPronoun, isVerbish, norm, opensQuoteAt, pos, posLoose, skipOpeners, type Ctx, type Range } from './context.js';

export interface ContentAfter {
  content: Range;
  /** the cue grown over a noun it governs: "expressed [concern] that …" */
  cueEnd?: number;
  form: CueContent;
  /** the person spoken to: "told [reporters] that" */
  addressee: Range | null;
  /** the content opens with a quote mark (a direct quote follows the cue) */
  opensQuote: boolean;
}

const ADJUNCT_REACH = 8;

/** words that stand for what was said, as a cue's whole object: "said that.", "said so", "wrote this" */
const PRO_CONTENT = new Set(['that', 'so', 'this']);

/** sentence-final punctuation and closing marks at the end of [a, b) are not content */
export function trimEnd(c: Ctx, a: number, b: number): number {
  while (b > a) {
    const n = norm(c, b - 1);
    if (c.ids.finals.has(n) || n === c.ids.comma || n === c.ids.semicolon || n === c.ids.colon || c.ids.dashes.has(n)) b--;
    else if (isQuoteTok(c, b - 1) && c.inQuote[b - 1]! < 0) b--;
    else break;
  }
  return b;
}

/** "when X, Y": a comma after the subordinate clause, then a clause */
function mainClauseAfterComma(c: Ctx, a: number, b: number): boolean {
  let own = -1;
  let question = false;
  for (let t = a + 1; t < b - 1; t++) {
    if (norm(c, t) === c.ids.comma && c.inQuote[t]! < 0) return looksLikeClause(c, t + 1, b);
    // ("when asked which candidate she would back": the subject and verb after a question word are the question's)
    if (c.ids.wh.has(norm(c, t)) || c.ids.whDeterminers.has(norm(c, t))) question = true;
    if (question) continue;
    // "if elected president he could …", "if elected “I will …”": a short introduction with no comma
    if (t > a + 1 && t <= a + 6 && (subjectThenVerb(c, t) || (opensQuoteAt(c, t) && t + 1 < b && pos(c, t + 1) === POS.PRON))) return true;
    // "if he spent the day there he'd be …": the subordinate clause's own subject and verb, then the main clause's
    if (subjectThenVerb(c, t)) {
      if (own < 0) own = t;
      else if (t > own + 2 && t - a <= 20) return true;
    }
  }
  return false;
}

/** prepositions that open an adjunct before the clause a speaker reports: "says despite being an alumna, she …" */
const CLAUSE_OPENERS = new Set(['despite', 'after', 'before', 'unlike', 'like', 'because', 'without', 'given', 'for']);

/** "despite being an alumna, she plans …": an adjunct opening the reported clause, its main clause after the comma */
function adjunctThenClause(c: Ctx, k: number, b: number): boolean {
  const w = c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase();
  if (!CLAUSE_OPENERS.has(w) && !c.ids.subordinators.has(norm(c, k))) return false;
  for (let t = k + 2; t < b - 1 && t - k <= 15; t++) {
    if (c.inQuote[t]! >= 0) return false;
    if (norm(c, t) === c.ids.comma) return looksLikeClause(c, t + 1, b);
  }
  return false;
}

/** a subject pronoun and a verb at t: "he could", "they will" */
function subjectThenVerb(c: Ctx, t: number): boolean {
  return isSubjectPronoun(c, t) && t + 1 < c.tokens.length && isVerbish(c, t + 1);
}

/** "in a statement", "on Monday", "at a news conference on Wednesday": a short adjunct */
export function skipAdjunct(c: Ctx, t: number, end: number): number {
  let k = t;
  for (let guard = 0; guard < 3 && k < end; guard++) {
    if (c.ids.timeWords.has(norm(c, k))) {
      while (k < end && (c.ids.timeWords.has(norm(c, k)) || pos(c, k) === POS.PROPN && /day$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!)))) k++;
      continue;
    }
    if (pos(c, k) === POS.ADP && norm(c, k) !== c.ids.that && norm(c, k) !== c.ids.to && !c.ids.wh.has(norm(c, k))) {
      // "in 2008", "in ’08"
      let n = k + 1;
      if (n < end && c.ids.apostrophes.has(norm(c, n)) && n + 1 < end && pos(c, n + 1) === POS.NUM) n++;
      if (n < end && pos(c, n) === POS.NUM) {
        k = n + 1;
        continue;
      }
      const np = npStartingAt(c, k + 1, end);
      if (!np) break;
      k = np.b;
      continue;
    }
    if (pos(c, k) === POS.PROPN && /^(mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!))) {
      k++;
      continue;
    }
    break;
  }
  return k;
}

/** the words (not punctuation) in [a, b) */
export function wordCount(c: Ctx, a: number, b: number): number {
  let n = 0;
  for (let t = a; t < b; t++) if (!isPunct(c, t)) n++;
  return n;
}

/**
 * A finite verb in [a, b): an auxiliary or modal, or a verb that is not an
 * infinitive or a gerund after a preposition. Looser than looksLikeClause,
 * for contents whose shape the attribution already gives ("CONTENT, X said.").
 */
export function hasFiniteVerb(c: Ctx, a: number, b: number): boolean {
  for (let t = a; t < b; t++) {
    if (c.isMark[t]) continue;
    const p = pos(c, t);
    if (p === POS.AUX) return true;
    if (p !== POS.VERB) continue;
    if (t > a && norm(c, t - 1) === c.ids.to) continue;
    const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
    if (surface.endsWith('ing')) continue;
    return true;
  }
  return false;
}

/** a direct quote (of more than a mark) inside [a, b) */
function hasQuotation(c: Ctx, a: number, b: number): boolean {
  for (let t = a; t < b; t++) if (c.inQuote[t]! >= 0 && !c.isMark[t]) return true;
  return false;
}

const FRACTIONS = new Set(['half', 'third', 'quarter', 'dozen', 'majority']);

/** "at least six planes", "about half of", "more than 20 percent": a degree word, then a quantity and its noun */
function quantityAt(c: Ctx, a: number, b: number): boolean {
  let q = a + 1;
  if (q < b && (pos(c, q) === POS.ADV || pos(c, q) === POS.ADP || pos(c, q) === POS.ADJ) && !FRACTIONS.has(c.text.slice(c.tokens.start[q]!, c.tokens.end[q]!).toLowerCase())) q++;
  if (q >= b || q > a + 2) return false;
  const fraction = FRACTIONS.has(c.text.slice(c.tokens.start[q]!, c.tokens.end[q]!).toLowerCase());
  if (pos(c, q) !== POS.NUM && !fraction) return false;
  while (q + 1 < b && pos(c, q + 1) === POS.NUM) q++;
  const next = q + 1 < b ? pos(c, q + 1) : POS.PUNCT;
  return next === POS.NOUN || next === POS.PROPN || next === POS.ADJ || norm(c, q + 1) === c.ids.of || norm(c, q + 1) === c.ids.percent;
}

/**
 * A clause with no "that": it opens with something that can be a subject,
 * and a verb follows. `loose`: the cue takes no noun phrase ("say", "add"),
 * so a subject with a relative clause is still a subject ("says the movement
 * that's sweeping the country appeals to …") and the verb may come later.
 */
export function looksLikeClause(c: Ctx, a: number, b: number, loose = false): boolean {
  if (a >= b) return false;
  const p0 = posLoose(c, a);
  const n0 = norm(c, a);
  // "that can be reversed": "that" as the subject, whatever its tag
  if (n0 === c.ids.that && a + 1 < b && isVerbish(c, a + 1)) return true;
  // "at least six planes filled …", "more than 20 people were …": a quantity opens the subject
  if ((p0 === POS.ADP || p0 === POS.ADV || p0 === POS.ADJ) && quantityAt(c, a, b)) {
    for (let t = a + 1; t < b && t < a + 16; t++) {
      if ((isPunct(c, t) && !c.isMark[t]) || norm(c, t) === c.ids.that) break;
      if (pos(c, t) === POS.AUX || (pos(c, t) === POS.VERB && norm(c, t - 1) !== c.ids.to && !endsWithCI(c, t, 'ing'))) return true;
    }
    return false;
  }
  if (p0 === POS.ADP || p0 === POS.ADV || p0 === POS.SCONJ || c.ids.subordinators.has(n0)) {
    // "In all, though, the justices are …", "When X, Y": an introduction, then the clause
    for (let t = a + 1; t < Math.min(b - 1, a + 12); t++) {
      // the comma may stand inside a closing quote mark: by refusing to say "radical Islam," Democrats …
      const comma = norm(c, t) === c.ids.comma && (c.inQuote[t]! < 0 || c.isMark[t + 1]);
      if (comma && looksLikeClause(c, c.isMark[t + 1] ? t + 2 : t + 1, b)) return true;
      // "if elected president he could …", "if elected “I will …”": a short introduction with no comma
      if (c.ids.subordinators.has(n0) && t > a + 1 && t <= a + 6 && (subjectThenVerb(c, t) || opensQuoteAt(c, t))) return true;
    }
    if (p0 !== POS.ADV && !c.ids.wh.has(n0)) return false;
  } else if (p0 === POS.CCONJ || p0 === POS.PART || p0 === POS.AUX || isPunct(c, a)) {
    return false;
  } else if (p0 === POS.VERB && !endsWithCI(c, a, 'ing')) {
    // a gerund may be the subject ("raising taxes would hurt"); another verb may not
    return false;
  }
  // "him", "them": an object, not a subject; "her" before a noun is a possessive
  if (c.ids.objects.has(n0) && !c.ids.subjects.has(n0)) {
    const next = a + 1 < b ? pos(c, a + 1) : POS.PUNCT;
    if (!(c.ids.possessives.has(n0) && (next === POS.NOUN || next === POS.ADJ || next === POS.NUM || next === POS.SYM || next === POS.PROPN))) return false;
  }
  let sawSubject = false;
  let prepSeen = false;
  for (let t = a; t < b && t < a + (loose ? 30 : 16); t++) {
    if (c.isMark[t]) continue;
    const p = posLoose(c, t);
    // "claimed responsibility for the attack but officials said …": a verb after "but" is another clause's
    if (t > a && norm(c, t) === c.ids.but) return false;
    // "warns Israel over strikes as the IAEA chief seeks access": an object and its prepositional phrase, then a
    // subordinate clause, are no clause
    if (sawSubject && prepSeen && t > a && c.ids.subordinators.has(norm(c, t)) && norm(c, t) !== c.ids.that && c.inQuote[t]! < 0) return false;
    if (sawSubject && p === POS.ADP) prepSeen = true;
    // "the importance of talks that are …": a relative clause before any verb means a noun phrase
    if (sawSubject && !loose && (c.ids.relatives.has(norm(c, t)) || (norm(c, t) === c.ids.that && p === POS.PRON))) return false;
    if (p === POS.NOUN || p === POS.PROPN || p === POS.PRON || p === POS.NUM || c.slots.slotAt(t) || (t === a && p === POS.VERB)) {
      // "China plans to make …", "strategists plan to secure …": a verb the tagger took for a noun
      if (sawSubject && p === POS.NOUN && t + 2 < b && norm(c, t + 1) === c.ids.to && isVerbish(c, t + 2) && (/s$/.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!)) || (pos(c, t - 1) === POS.NOUN && /s$/.test(c.text.slice(c.tokens.start[t - 1]!, c.tokens.end[t - 1]!))))) return true;
      sawSubject = true;
    }
    if ((p === POS.VERB || p === POS.AUX) && sawSubject && t > a) {
      // an infinitive or a gerund after a preposition belongs to the subject phrase ("the decision to forgo …"): look on
      if (t > a && norm(c, t - 1) === c.ids.to) continue;
      const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
      // a participle with no auxiliary before it is no finite verb ("the letter saying …")
      if (surface.endsWith('ing') && pos(c, t) === POS.VERB && !(t > a && c.ids.aux.has(norm(c, t - 1)))) continue;
      return true;
    }
    if (norm(c, t) === c.ids.comma && !sawSubject) return false;
  }
  return false;
}

/**
 * Where the reported content of a cue ends: the sentence end, or before a
 * second cue coordinated with it (", adding that …", "and added that …") or
 * a trailing "according to".
 */
const ANSWERS = new Set(['yes', 'no']);

/** what a reporter asked for and did not get: "a request for comment", "messages seeking comment" */
const NO_COMMENT = /^(?:(?:a|an|the|several|repeated|multiple|two|three|our|my|his|her|their|its)\s+)*(?:requests?|messages?|calls?|e-?mails?|inquir(?:y|ies)|phone calls?|questions?)\s+(?:for|seeking|requesting|asking for)\s+(?:comment|an interview|a response)/i;

const CLAUSE_TAILS = new Set(['which', 'who', 'whom', 'whose', 'while', 'whereas', 'although', 'compared', 'though', 'however', 'despite', 'where']);

export function contentEnd(c: Ctx, a: number, sEnd: number, relative = false, clause = false, phrase = false): number {
  for (let t = a + 1; t < sEnd; t++) {
    if (c.inQuote[t]! >= 0) {
      // 'hailed the vote as “fantastic,” telling reporters …': a comma inside the closing mark
      if (c.isMark[t] && t + 1 < sEnd && c.inQuote[t + 1]! < 0 && norm(c, t - 1) === c.ids.comma && secondCue(c, t, t + 1, sEnd, phrase)) return t + 1;
      continue;
    }
    const n = norm(c, t);
    // another attribution with its own subject: "74 percent said …, while 22 percent said …"
    const other = n !== c.ids.comma && !isPunct(c, t) ? cueAt(c, t) : null;
    if (other && other.group.a > a + 1) {
      const np = speakerBefore(c, other.group.a, a + 1);
      if (np && np.full.a - 1 > a) {
        let k = np.full.a - 1;
        while (k > a && (c.ids.coordinators.has(norm(c, k)) || norm(c, k) === c.ids.comma)) k--;
        // only after a clause: "she and her husband are expecting" is one subject, not two attributions
        if (k < np.full.a - 1 && hasFiniteVerb(c, a, k + 1)) return k + 1;
      }
    }
    // a new clause: "…, but Cook did not say when", "…; the rest"
    if (n === c.ids.semicolon) return t;
    if (n === c.ids.comma && t + 1 < sEnd && norm(c, t + 1) === c.ids.but) return t;
    // what the writer adds about the content: "…, which forced …", "…, who …", "…, while …", "…, compared with …"
    // (not before the clause's own verb: "said that, though …, it had …"; nor a parenthesis the clause goes on after:
    // "chain migration, where families …, would end")
    if (clause && n === c.ids.comma && t + 1 < sEnd && c.inQuote[t + 1]! < 0 && CLAUSE_TAILS.has(c.text.slice(c.tokens.start[t + 1]!, c.tokens.end[t + 1]!).toLowerCase()) && (phrase || hasFiniteVerb(c, a, t)) && !resumesAfterComma(c, t + 2, sEnd)) return t;
    // an apposition closing the sentence is the writer's: "…, a five-minute drive from their home", "…, the abortion
    // provider that is being investigated" (a noun phrase to the end, its verbs only in a relative clause)
    if (n === c.ids.comma && t + 2 < sEnd && c.inQuote[t + 1]! < 0 && pos(c, t + 1) === POS.DET && (norm(c, t + 1) === c.ids.the || /^an?$/i.test(c.text.slice(c.tokens.start[t + 1]!, c.tokens.end[t + 1]!))) && closingApposition(c, t + 1, sEnd)) return t;
    // the comma that closes a relative clause: "X, who said he votes, said …"
    if (relative && n === c.ids.comma && t + 1 < sEnd && (isVerbish(c, t + 1) || (t + 2 < sEnd && pos(c, t + 1) === POS.ADV && isVerbish(c, t + 2)))) return t;
    if ((n === c.ids.comma || n === c.ids.and || n === c.ids.but || n === c.ids.semicolon) && secondCue(c, t, t + 1, sEnd, phrase)) return t;
  }
  return sEnd;
}

/** a comma in [from, sEnd) with a finite verb right after it: the clause goes on after a parenthesis */
function resumesAfterComma(c: Ctx, from: number, sEnd: number): boolean {
  for (let t = from; t + 1 < sEnd; t++) {
    if (norm(c, t) !== c.ids.comma || c.inQuote[t]! >= 0) continue;
    const p = pos(c, t + 1);
    if (p === POS.AUX) return true;
    if (p === POS.VERB && !endsWithCI(c, t + 1, 'ing')) return true;
  }
  return false;
}

/**
 * A second attribution coordinated with the first starts at k, after the
 * comma or conjunction at t: ", adding that", "and said that", ", according
 * to", ", then says …", "…, mocked the Republicans" (see listedVerb).
 * `phrase`: the content so far is a noun phrase or an infinitive, not a
 * clause.
 */
function secondCue(c: Ctx, t: number, k: number, sEnd: number, phrase: boolean): boolean {
  const n = norm(c, t);
  const comma = n === c.ids.comma || c.isMark[t] === 1;
  if (comma && k < sEnd && (norm(c, k) === c.ids.and || norm(c, k) === c.ids.but)) k++;
  const from = k;
  // ", then says …", ", later told …": the cue's group holds the adverb
  if (k < sEnd && pos(c, k) === POS.ADV && k + 1 < sEnd && isVerbish(c, k + 1)) k++;
  const hit = k < sEnd ? cueAt(c, k) : null;
  if (!hit || hit.group.a > k || hit.group.a < from) return false;
  const surface = c.text.slice(c.tokens.start[hit.word.a]!, c.tokens.end[hit.word.a]!).toLowerCase();
  const cls = hit.compiled.entry.cueClass;
  // "said the decision dragged the campaign down and showed they were rattled": in a clause, "and" joins the
  // clause's own verbs unless a verb of saying follows it ("and added that …"; attribution corpora keep
  // "said he favored treaties and endorsed an audit" as one content)
  if (!comma && !phrase && !surface.endsWith('ing') && cls !== 'speech' && cls !== 'writing' && cls !== 'source') return false;
  if (surface.endsWith('ing') || cls === 'source' || !comma || hit.group.a > t + 1) return true;
  // only after the object of the first verb: a clause goes on to its own verb ("the sophistication of the
  // devices, compared to …, suggests …")
  return phrase && listedVerb(c, hit, t, sEnd);
}

/**
 * "Biden defended Sanders as a mainstream candidate, mocked the
 * Republicans": a cue right after a comma is the next verb of a list of
 * verbs with one subject, when it is finite (not a participle opening a
 * reduced relative clause: "the man, known as C,", "Habib, previously
 * accused of …"), the words before the comma hold a verb (not an
 * apposition: "Mr Yeo, his spokesman, said …"), and no speaker follows it
 * ("…, said Smith, …").
 */
export function listedVerb(c: Ctx, hit: CueHit, comma: number, sEnd: number): boolean {
  if (!isVerbish(c, hit.word.a) || hit.passive || speakerAfterComma(c, hit, sEnd)) return false;
  const surface = c.text.slice(c.tokens.start[hit.word.a]!, c.tokens.end[hit.word.a]!).toLowerCase();
  const next = hit.group.b < sEnd ? pos(c, hit.group.b) : POS.PUNCT;
  if (/(?:ed|en|wn)$/.test(surface) && (next === POS.ADP || next === POS.PART || next === POS.PUNCT || next === POS.ADV)) return false;
  for (let t = comma - 1; t >= 0 && norm(c, t) !== c.ids.comma && c.sentOf[t] === c.sentOf[comma]; t--) {
    if (c.inQuote[t]! < 0 && isVerbish(c, t)) return true;
  }
  return false;
}

/** "what aide Kevin Phillips called …", "which Mr. Trump called …": "what" or "which" before the cue's subject */
function freeRelativeBefore(c: Ctx, hit: CueHit): boolean {
  const s = c.sentences[c.sentOf[hit.word.a]!]!;
  const np = speakerBefore(c, hit.group.a, s.tokenStart);
  return np !== null && np.full.a - 1 >= s.tokenStart && isFreeRelative(c, np.full.a - 1);
}

/** "what" or "which" at t */
export function isFreeRelative(c: Ctx, t: number): boolean {
  return /^(?:what|which)$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!));
}

/** a subject and at least five words with no comma or colon: what a verb of saying reports, whatever the tags */
function assumedClause(c: Ctx, k: number, sEnd: number): boolean {
  const p = pos(c, k);
  if (!(p === POS.NOUN || p === POS.PROPN || p === POS.NUM || (p === POS.DET && norm(c, k) !== c.ids.that) || c.slots.slotAt(k))) return false;
  // ("said Sunday — …": a time, not a subject)
  if (c.ids.timeWords.has(norm(c, k))) return false;
  const end = trimEnd(c, k, sEnd);
  if (wordCount(c, k, end) < 5) return false;
  for (let t = k; t < end; t++) if (norm(c, t) === c.ids.comma || norm(c, t) === c.ids.colon || c.inQuote[t]! >= 0) return false;
  return true;
}

/** a verb of saying or writing that takes a bare clause: the verbs whose subject may follow them ("…, says X") */
function saysLike(hit: CueHit): boolean {
  const e = hit.compiled.entry;
  return e.content.has('bare') && (e.cueClass === 'speech' || e.cueClass === 'writing');
}

/**
 * ", said Smith," / ", wrote the minister.": a verb of saying (one that takes
 * a bare clause) with its speaker right after it, closing the clause: an
 * inverted attribution ("…, criticised the council." is a second verb).
 */
export function speakerAfterComma(c: Ctx, hit: CueHit, sEnd: number): boolean {
  if (!saysLike(hit)) return false;
  const k = hit.group.b;
  const np = npStartingAt(c, k, sEnd);
  if (!np) return false;
  const end = trimEnd(c, k, sEnd);
  return np.b >= end || norm(c, np.b) === c.ids.comma || c.ids.dashes.has(norm(c, np.b));
}

/** [a, sEnd) is a noun phrase to the sentence end: no finite verb before a relative pronoun, no comma, no quotation */
function closingApposition(c: Ctx, a: number, sEnd: number): boolean {
  const end = trimEnd(c, a, sEnd);
  for (let t = a + 1; t < end; t++) {
    if (c.inQuote[t]! >= 0) return false;
    const n = norm(c, t);
    if (c.ids.relatives.has(n) || (n === c.ids.that && pos(c, t) !== POS.SCONJ)) return true;
    if (isPunct(c, t) && !c.ids.dashes.has(n)) return false;
    if (pos(c, t) === POS.AUX) return false;
    if (pos(c, t) === POS.VERB && !/(?:ing|ed|en)$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return false;
  }
  return true;
}

/**
 * Where a noun phrase or infinitive content ends inside [a, b): attribution
 * corpora give it the rest of its clause, relative clauses, appositions and
 * adjuncts included ("endorsed Sanders, who had given his own speech"); it
 * ends before a colon or semicolon, and before a new clause after a comma or
 * "and" ("… in his address, the crowd booed", "… a photo and Clinton said").
 */
export function phraseEnd(c: Ctx, a: number, b: number): number {
  for (let t = a + 1; t < b; t++) {
    if (c.inQuote[t]! >= 0) continue;
    const n = norm(c, t);
    if (n === c.ids.colon || n === c.ids.semicolon) return t;
    // "touted the law before he left for Hawaii", "offered a slogan when I asked him": a subordinate clause
    // with its own subject is the writer's adjunct to the cue, not part of the phrase
    if (c.ids.phraseTails.has(n) && t + 1 < b && newClause(c, t + 1, b)) return t;
    if (n === c.ids.comma || n === c.ids.and || n === c.ids.but) {
      let k = t + 1;
      if (n === c.ids.comma && k < b && (norm(c, k) === c.ids.and || norm(c, k) === c.ids.but)) k++;
      if (k < b && newClause(c, k, b)) return t;
      // "vowed to build a wall and tried to make the case …", "… and has repeatedly called him …": a finite verb
      // after "and" goes with the clause's subject (a base form goes on with the phrase: "to build a wall and deport …")
      if (k > t + (n === c.ids.comma ? 1 : 0) && k < b && finiteAt(c, k, b)) return t;
    }
  }
  return b;
}

/** a finite verb at k, after adverbs: "tried", "has repeatedly called", "is", "says" (not "deport", "promising") */
function finiteAt(c: Ctx, k: number, b: number): boolean {
  while (k < b && pos(c, k) === POS.ADV) k++;
  if (k >= b) return false;
  const surface = c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase();
  if (pos(c, k) === POS.AUX) return /^(?:is|are|was|were|has|have|had|does|did)$/.test(surface);
  return pos(c, k) === POS.VERB && /(?:ed|[^s]s)$/.test(surface) && !/(?:ing|ss)$/.test(surface);
}

/** a clause with a subject of its own starts at k: "the crowd booed", "Clinton said", "he is" (not "who …", "which …") */
function newClause(c: Ctx, k: number, b: number): boolean {
  const n = norm(c, k);
  if (c.ids.relatives.has(n) || n === c.ids.that || c.ids.wh.has(n)) return false;
  const p = pos(c, k);
  if (!(p === POS.DET || p === POS.PROPN || p === POS.NOUN || isSubjectPronoun(c, k) || c.ids.possessives.has(n))) return false;
  const np = npStartingAt(c, k, b);
  const after = np ? np.b : k + 1;
  if (after >= b) return false;
  let v = after;
  while (v < b && pos(c, v) === POS.ADV) v++;
  if (v >= b) return false;
  const surface = c.text.slice(c.tokens.start[v]!, c.tokens.end[v]!).toLowerCase();
  return pos(c, v) === POS.AUX || (pos(c, v) === POS.VERB && !surface.endsWith('ing'));
}

/** a content that ends inside a quotation runs to the quotation's end (it may go on past the sentence) */
export function extendToQuoteEnd(c: Ctx, b: number): number {
  const q = b - 1 >= 0 ? c.inQuote[b - 1]! : -1;
  if (q < 0) return b;
  let e = b;
  while (e < c.tokens.length && c.inQuote[e] === q) e++;
  // the closing mark and any final punctuation inside it are not content
  return trimEnd(c, b, e) > b ? trimQuoteEnd(c, e) : b;
}

function trimQuoteEnd(c: Ctx, e: number): number {
  while (e > 0 && (c.isMark[e - 1] || c.ids.finals.has(norm(c, e - 1)) || norm(c, e - 1) === c.ids.comma)) e--;
  return e;
}

/** the content after a cue: X said (that) …, X told Y that …, X vowed to …, X announced his resignation */
export function contentAfter(c: Ctx, hit: CueHit, sEnd: number, relativeSource = false): ContentAfter | null {
  const entry = hit.compiled.entry;
  const k = hit.word.b;
  // "by the time he said that, …", "she said so.": a pronoun standing for what was said is the content
  if (k < sEnd && c.inQuote[k]! < 0 && PRO_CONTENT.has(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase()) &&
    (entry.cueClass === 'speech' || entry.cueClass === 'writing') && !hit.passive && pos(c, k) !== POS.SCONJ) {
    const next = k + 1;
    if (next >= sEnd || (isPunct(c, next) && !c.isMark[next] && !c.ids.dashes.has(norm(c, next))) || pos(c, next) === POS.CCONJ) {
      return { content: { a: k, b: k + 1 }, form: 'np', addressee: null, opensQuote: false };
    }
  }
  if (entry.addressee !== 'no' && k < sEnd && !isPunct(c, k) && norm(c, k) !== c.ids.that && norm(c, k) !== c.ids.to) {
    const np = npStartingAt(c, k, sEnd);
    if (np) {
      const found = contentFrom(c, hit, np.b, np, sEnd, relativeSource);
      if (found) return found;
    }
  }
  // "told The Post and Courier newspaper of Charleston on Saturday that …": a longer addressee (or one the
  // tagger broke) and its adjuncts, up to a "that" opening a clause
  if (entry.addressee !== 'no' && entry.content.has('that') && !hit.passive) {
    for (let t = k + 1; t < sEnd && t - k <= 14; t++) {
      if (c.inQuote[t]! >= 0 || (isPunct(c, t) && !isNpPunct(c, t)) || pos(c, t) === POS.AUX || (isVerbish(c, t) && !isCap(c, t))) break;
      if (norm(c, t) !== c.ids.that || pos(c, t) !== POS.SCONJ) continue;
      const np = npStartingAt(c, k, t);
      if (!np || t + 1 >= sEnd || !looksLikeClause(c, t + 1, sEnd)) break;
      const found = contentFrom(c, hit, t, { a: k, b: np.b }, sEnd, relativeSource);
      if (found) return found;
      break;
    }
  }
  if (entry.addressee === 'required' && !hit.passive) return null;
  return contentFrom(c, hit, k, null, sEnd, relativeSource);
}

/** a full stop glued to an abbreviation ("D.C."), a hyphen inside a word: punctuation inside a noun phrase */
function isNpPunct(c: Ctx, t: number): boolean {
  const glued = t > 0 && c.tokens.end[t - 1] === c.tokens.start[t];
  if (norm(c, t) === c.ids.period) return glued;
  return glued && c.ids.dashes.has(norm(c, t)) && t + 1 < c.tokens.length && c.tokens.end[t] === c.tokens.start[t + 1];
}

/**
 * The first word of an object noun phrase or gerund: "announced [his]
 * resignation", "opposed [defunding] Planned Parenthood", "denied [it]".
 * Not a subject pronoun (that would be a clause), a preposition or an adverb.
 */
export function startsObject(c: Ctx, k: number, sEnd: number): boolean {
  if (k >= sEnd || isPunct(c, k)) return false;
  if (c.slots.slotAt(k)) return true;
  const n = norm(c, k);
  const p = posLoose(c, k);
  switch (p) {
    case POS.DET:
      return !c.ids.wh.has(n) && n !== c.ids.that;
    case POS.NOUN:
    case POS.PROPN:
    case POS.NUM:
    case POS.ADJ:
    case POS.SYM:
      return true;
    case POS.PRON:
      return c.ids.possessives.has(n) || (c.ids.objects.has(n) && !(n === c.ids.she || n === c.ids.he)) || !c.ids.subjects.has(n);
    case POS.VERB:
      return endsWithCI(c, k, 'ing') && !c.ids.aux.has(n);
    case POS.ADV:
      // "support temporarily banning …": an adverb before a gerund
      return k + 1 < sEnd && pos(c, k + 1) === POS.VERB && endsWithCI(c, k + 1, 'ing') && !c.ids.aux.has(norm(c, k + 1));
    default:
      return false;
  }
}

/** verbs that name someone something: "called him a liar", "dubbed the plan a disaster" */
const NAMING = new Set(['call', 'dub', 'brand', 'label', 'term']);

/**
 * An object, then what it is called: "Trump a fascist", "him competent",
 * "the plan a disaster" (not "the police", "a press conference", "reporters
 * the next day").
 */
function smallClause(c: Ctx, k: number, sEnd: number): boolean {
  if (!startsObject(c, k, sEnd) || pos(c, k) === POS.VERB) return false;
  const n0 = norm(c, k);
  // "called a press conference", "called for": an indefinite object is what was called
  if (pos(c, k) === POS.DET && n0 !== c.ids.the) return false;
  const obj = npStartingAt(c, k, sEnd);
  if (!obj || obj.b >= sEnd) return false;
  const m = obj.b;
  const p = pos(c, m);
  const n = norm(c, m);
  if (c.ids.timeWords.has(n) || (m + 1 < sEnd && c.ids.timeWords.has(norm(c, m + 1)))) return false;
  if (p === POS.DET) return n !== c.ids.that && !c.ids.wh.has(n) && m + 1 < sEnd && !isPunct(c, m + 1);
  if (p === POS.ADJ) return m + 1 >= sEnd || isPunct(c, m + 1) || isNounish(c, m + 1) || c.ids.coordinators.has(norm(c, m + 1));
  // "calling them rapists": an object pronoun, then a bare noun
  if ((p === POS.NOUN || p === POS.PROPN) && obj.b - obj.a === 1 && pos(c, obj.a) === POS.PRON && c.ids.objects.has(norm(c, obj.a))) return true;
  return c.ids.possessives.has(n) && m + 1 < sEnd && isNounish(c, m + 1);
}

/** a noun phrase at k, then "as": "immigrants as an economic burden", "him as a leader" */
function seenAs(c: Ctx, k: number, sEnd: number): boolean {
  const np = npStartingAt(c, k, sEnd);
  return np !== null && np.b + 1 < sEnd && norm(c, np.b) === c.ids.as;
}

/**
 * The end of a subordinate clause that opens the sentence and holds the cue
 * ("When Trump announced his candidacy, he …", "After she said so, …"): the
 * first comma after the cue that a new clause follows; else the sentence end.
 */
function subordinateEnd(c: Ctx, hit: CueHit, a: number, sEnd: number): number {
  const s = c.sentences[c.sentOf[hit.word.a]!]!;
  let t = s.tokenStart;
  while (t < hit.group.a && !c.ids.subordinators.has(norm(c, t)) && (c.ids.openers.has(norm(c, t)) || isPunct(c, t) || pos(c, t) === POS.ADV)) t++;
  if (t >= hit.group.a || !(c.ids.subordinators.has(norm(c, t)) || norm(c, t) === c.ids.since) || norm(c, t) === c.ids.that) return sEnd;
  for (let k = t + 1; k < hit.group.a; k++) if (norm(c, k) === c.ids.comma && c.inQuote[k]! < 0) return sEnd;
  for (let k = a + 1; k < sEnd; k++) {
    if (c.inQuote[k]! >= 0 || norm(c, k) !== c.ids.comma) continue;
    if (k + 1 < sEnd && newClause(c, k + 1, sEnd)) return k;
  }
  return sEnd;
}

/** a person or actor named as the object: a pronoun, an actor mention or a proper name (and a second one: "Clinton or Sanders") */
const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/i;
const PERIODS = /^(?:week|weekend|month|year)$/i;
const PARTS_OF_DAY = /^(?:night|morning|afternoon|evening)$/i;
const TIME_MODIFIERS = /^(?:last|this|next|late|early|earlier|later)$/i;

/**
 * [a, b) without a time phrase that closes it: "on Monday", "Sunday night",
 * "late Thursday", "last week", "earlier this year"; not a time inside a
 * phrase ("by the end of this year", "until later this month", "the
 * Tuesday speech").
 */
function beforeTrailingTime(c: Ctx, a: number, b: number): number {
  const word = (t: number) => c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
  let t = b - 1;
  if (t <= a || c.inQuote[t]! >= 0) return b;
  if (PARTS_OF_DAY.test(word(t)) && t - 1 > a && DAYS.test(word(t - 1))) t--;
  let head = false;
  if (DAYS.test(word(t))) head = true;
  else if (PERIODS.test(word(t)) && t - 1 > a && TIME_MODIFIERS.test(word(t - 1))) {
    t--;
    head = true;
  }
  if (!head) return b;
  while (t - 1 > a && TIME_MODIFIERS.test(word(t - 1))) t--;
  if (t - 1 > a && norm(c, t - 1) === c.ids.on) t--;
  const before = t - 1;
  if (before < a || pos(c, before) === POS.ADP || pos(c, before) === POS.DET || pos(c, before) === POS.CCONJ || isPunct(c, before) || c.ids.possessiveMarks.has(norm(c, before))) return b;
  return t;
}

function namedObject(c: Ctx, a: number, b: number): Range | null {
  const one = (k: number): Range | null => {
    if (k >= b) return null;
    if (pos(c, k) === POS.PRON && c.ids.objects.has(norm(c, k))) return { a: k, b: k + 1 };
    const slot = c.slots.slotAt(k);
    let e = k;
    // a name goes on after an actor that modifies it: "New Jersey Gov. Chris Christie", "Senator Marco Rubio"
    if (slot && slot.tokenStart === k && !slot.modifier) e = Math.min(b, slot.tokenEnd);
    while (e < b && pos(c, e) === POS.PROPN && isCap(c, e)) e++;
    return e > k ? { a: k, b: e } : null;
  };
  const first = one(a);
  if (!first || first.b >= b) return first;
  const n = norm(c, first.b);
  // the name stands alone only if the clause goes on with something else
  if ((n === c.ids.and || n === c.ids.or) && first.b + 1 < b) {
    const second = one(first.b + 1);
    if (second) return { a: first.a, b: second.b };
  }
  // ("rejects Western calls for …": a name before a verb the tagger read for a noun modifies it)
  // ("endorsed Republican presidential candidate Ted Cruz": an adjective after the name goes on with the phrase)
  if (pos(c, first.b) === POS.NOUN || pos(c, first.b) === POS.VERB || (pos(c, first.b) === POS.ADJ && !c.ids.timeWords.has(n) && first.b + 1 < b && !c.ids.timeWords.has(norm(c, first.b + 1)) && isNounish(c, first.b + 1)) || c.ids.possessiveMarks.has(n)) return null;
  return first;
}

function contentFrom(c: Ctx, hit: CueHit, k: number, addressee: Range | null, sEnd: number, relativeSource: boolean): ContentAfter | null {
  const entry = hit.compiled.entry;
  // where the content may start, before adjuncts are passed over
  const opening = k;
  // adjuncts: "said on Monday that", "told reporters in a briefing that", "said, in a statement, that"
  let k2 = skipAdjunct(c, k, sEnd);
  if (k2 < sEnd && norm(c, k2) === c.ids.comma) {
    const k3 = skipAdjunct(c, k2 + 1, sEnd);
    if (k3 > k2 + 1 && k3 < sEnd && norm(c, k3) === c.ids.comma) k2 = k3 + 1;
  }
  if (k2 > k && k2 < sEnd && (norm(c, k2) === c.ids.that || norm(c, k2) === c.ids.colon || isQuoteTok(c, k2) || norm(c, k2) === c.ids.comma)) k = k2;
  else if (k2 > k && k2 < sEnd && entry.content.has('bare') && looksLikeClause(c, k2, sEnd)) k = k2;
  // "asked on Fox News who leads the party", "urged on Monday to …": a question or an infinitive after the adjunct
  else if (k2 > k && k2 < sEnd && ((entry.content.has('wh') && (c.ids.wh.has(norm(c, k2)) || (c.ids.whDeterminers.has(norm(c, k2)) && !entry.content.has('bare') && !entry.content.has('np'))) && norm(c, k2) !== c.ids.when) || (entry.content.has('to') && norm(c, k2) === c.ids.to && k2 + 1 < sEnd && isVerbish(c, k2 + 1)))) k = k2;
  if (k >= sEnd) return null;
  const allows = (f: CueContent) => entry.content.has(f);
  const n = norm(c, k);
  let form: CueContent;
  let a = k;
  let asCue: number | undefined;
  let assumed = false;
  // the content opens with an adjunct, its clause after the adjunct's comma ("says despite being …, she …")
  let adjunct = false;
  if (n === c.ids.comma && !addressee && k > opening && opening === hit.group.b && allows('bare') && !allows('np') && !hit.passive && k + 1 < sEnd && !isQuoteTok(c, k + 1) && looksLikeClause(c, k + 1, sEnd)) {
    // "said on Monday, the ministers would …": the adjunct is the writer's; "says despite being an alumna, she
    // plans …": an adjunct that opens with a preposition of concession or time belongs to the clause
    form = 'bare';
    adjunct = adjunctThenClause(c, opening, sEnd);
    a = adjunct ? opening : k + 1;
    assumed = adjunct;
    if (!adjunct && isVerbish(c, k + 1)) return null;
  } else if (k === opening && opening === hit.group.b && allows('bare') && !allows('np') && !hit.passive && !addressee && adjunctThenClause(c, opening, sEnd)) {
    // "Fiorina says despite being a Stanford alumna, she plans to root for Iowa"
    form = 'bare';
    assumed = true;
    adjunct = true;
  } else if (n === c.ids.comma && addressee && k + 1 < sEnd && allows('bare') && !isQuoteTok(c, k + 1) && looksLikeClause(c, k + 1, sEnd)) {
    // "Kasich tells the crowd, he has been …", "Trump told CNN, his policy would be …"
    form = 'bare';
    a = k + 1;
  } else if (n === c.ids.colon || (n === c.ids.comma && k + 1 < sEnd && isQuoteTok(c, k + 1))) {
    a = k + 1;
    form = a < sEnd && isQuoteTok(c, a) ? 'quote' : 'bare';
    if (form === 'bare' && !allows('bare') && !allows('that')) return null;
  } else if (isQuoteTok(c, k) && c.inQuote[k]! >= 0) {
    // "endorsed “Medicare for All”": a quotation as the object
    form = allows('quote') || !allows('np') ? 'quote' : 'np';
    // a text's words ("the sign read “…”") are no title: "read “War and Peace” to the class"
    if (entry.cueClass === 'writing' && !allows('bare') && !allows('that') && !allows('np') && !allows('quoted')) {
      const q = c.inQuote[k]!;
      let words = 0;
      let caps = 0;
      for (let e = k + 1; e < sEnd && c.inQuote[e] === q; e++) {
        if (isPunct(c, e)) continue;
        words++;
        if (isCap(c, e) || c.ids.titleWords.has(norm(c, e))) caps++;
      }
      if (words <= 6 && caps === words) return null;
    }
    // ("what he called “a disgrace”": a name given, after a free relative pronoun)
    if (form === 'quote' && !allows('quote') && allows('quoted') && freeRelativeBefore(c, hit)) {
      const q = c.inQuote[k]!;
      let e = k;
      while (e < sEnd && c.inQuote[e] === q) e++;
      return { content: { a: k, b: e }, form: 'quoted', addressee, opensQuote: true };
    }
  } else if (n === c.ids.that && allows('np') && k + 1 < sEnd && (pos(c, k + 1) === POS.NOUN || pos(c, k + 1) === POS.ADJ) && !looksLikeClause(c, k + 1, sEnd)) {
    // "doesn't doubt that moment": a demonstrative before a noun phrase that is no clause
    form = 'np';
  } else if (n === c.ids.that && k + 1 < sEnd && (!isPunct(c, k + 1) || isQuoteTok(c, k + 1)) && !(isVerbish(c, k + 1) && !endsWithCI(c, k + 1, 'ing'))) {
    // "that" is a complementizer unless a verb or the end follows it ("said that was wrong", "think that can be reversed", "said that.")
    if (!allows('that')) return null;
    form = 'that';
    a = k + 1;
  } else if (n === c.ids.that && !addressee && k === hit.group.b && allows('that') && !allows('bare') && k + 1 < sEnd && isVerbish(c, k + 1)) {
    // "assumes that was a mistake": the demonstrative is the subject of the clause
    form = 'bare';
  } else if ((n === c.ids.to && k + 1 < sEnd && isVerbish(c, k + 1)) || (n === c.ids.not && k + 2 < sEnd && norm(c, k + 1) === c.ids.to && isVerbish(c, k + 2))) {
    // "told residents not to drink the water": the negation goes with the infinitive
    // "is said to have pressed", "is believed to be": a passive cue takes an infinitive whatever its entry
    if (!allows('to') && !hit.passive) return null;
    // "declined to say whether …": the inner cue reports, with this verb in its group
    const inner = n === c.ids.to ? cueAt(c, k + 1) : null;
    if (inner && inner.word.a === k + 1 && (inner.compiled.entry.cueClass === 'speech' || inner.compiled.entry.cueClass === 'writing' || (hit.raising && !inner.raising)) && contentAfter(c, inner, sEnd)) return null;
    form = 'to';
  } else if ((c.ids.wh.has(n) || (c.ids.whDeterminers.has(n) && !allows('bare') && !allows('np'))) && allows('wh') && !((n === c.ids.when || n === c.ids.if) && allows('bare'))) {
    // ("asked which county was his favorite", "asked whom she supported": after a verb that only asks)
    form = 'wh';
  } else if (allows('bare') && looksLikeClause(c, k, sEnd, !allows('np'))) {
    form = 'bare';
  } else if (entry.phrase === 'say' && !hit.passive && assumedClause(c, k, sEnd)) {
    // "The party says 34,570 citizens living abroad cast votes": a verb the tagger took for a noun; after "say",
    // which takes no noun phrase, a subject and five words or more are the clause
    form = 'bare';
    assumed = true;
  } else if (allows('bare') && ANSWERS.has(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase().replace(/\.$/, '')) && (k + 1 >= sEnd || isPunct(c, k + 1) || c.ids.coordinators.has(norm(c, k + 1)))) {
    // "75 percent said yes", "the candidate said no"
    return { content: { a: k, b: k + 1 }, form: 'bare', addressee, opensQuote: false };
  } else if (allows('quoted') && hasQuotation(c, k, sEnd)) {
    form = 'quoted';
  } else if (n === c.ids.as && hit.passive && allows('as') && k + 1 < sEnd && startsObject(c, k + 1, sEnd)) {
    // "Sanders is seen as a threat", "the contests known as Super Tuesday": "as" joins the cue, the subject is content
    form = 'as';
    a = k + 1;
    asCue = k + 1;
  } else if (NAMING.has(entry.phrase) && !hit.passive && smallClause(c, k, sEnd)) {
    // "called Trump a fascist", "calls him competent": what someone names someone as
    form = 'np';
  } else if (hit.raising && (pos(c, k) === POS.ADJ || (pos(c, k) === POS.ADV && k + 1 < sEnd && pos(c, k + 1) === POS.ADJ))) {
    // "Trump's supporters seemed unperturbed": the impression is an adjective phrase
    form = 'np';
  } else if (allows('as') && !hit.passive && startsObject(c, k, sEnd) && seenAs(c, k, sEnd)) {
    // "sees immigrants as a burden": what someone takes something for
    form = 'as';
  } else if (allows('np') && (!hit.passive || pos(c, hit.word.b - 1) === POS.ADP) && startsObject(c, k, sEnd)) {
    // "was criticized for …": a passive has no object; a cue that ends with its preposition has one
    // ("was asked about the plan", "Asked about her vote, …")
    form = 'np';
  } else {
    return null;
  }
  if (form === 'quote' && !allows('quote')) return null;
  // a cue inside a subordinate clause opening the sentence reports up to that clause's end:
  // "When Trump announced his candidacy, | he …"
  const clauseLimit = subordinateEnd(c, hit, a, sEnd);
  let end = trimEnd(c, a, contentEnd(c, a, clauseLimit, relativeSource, form !== 'that', form === 'np' || form === 'to' || form === 'as' || form === 'quoted'));
  // a phrase (not a clause) ends where the clause goes on without it; so does what an opening participle
  // reports ("Asked whether the race was over, [Sanders said] …")
  if (form === 'np' || form === 'as' || form === 'to' || (hit.passive && form === 'wh')) end = trimEnd(c, a, phraseEnd(c, a, end));
  // "Asked which county was his favorite, he demurred": a question put to the subject, opening the sentence, ends at its comma
  if (hit.passive && (form === 'wh' || form === 'to')) {
    const sStart = c.sentences[c.sentOf[hit.word.a]!]!.tokenStart;
    let open = skipOpeners(c, sStart, hit.group.a, true);
    if (open < hit.group.a && (norm(c, open) === c.ids.when || norm(c, open) === c.ids.if || norm(c, open) === c.ids.once)) open++;
    if (open === hit.group.a) {
      for (let t = a + 1; t < end; t++) {
        // (the comma may stand inside a closing mark: Asked whether she “can win,” 60 percent said yes)
        if (norm(c, t) === c.ids.comma && (c.inQuote[t]! < 0 || (t + 1 < end && c.isMark[t + 1] && c.inQuote[t + 2] !== c.inQuote[t]))) {
          end = t;
          break;
        }
      }
    }
  }
  // "endorsed Cruz last week", "backing Bush, the former governor": a position taken on someone is about that one
  // "expressed concern that …", "voiced hope that …": the noun is part of the cue, its clause the content
  if (form === 'np') {
    let t = a;
    while (t < end && (pos(c, t) === POS.ADJ || pos(c, t) === POS.ADV)) t++;
    const noun = t < end ? cueAt(c, t, true) : null;
    const that = noun ? noun.word.b : -1;
    if (noun && noun.compiled.entry.content.has('that') && that + 1 < end && norm(c, that) === c.ids.that && looksLikeClause(c, that + 1, end)) {
      return { content: { a: that + 1, b: extendToQuoteEnd(c, end) }, form: 'that', addressee, opensQuote: isQuoteTok(c, that + 1), cueEnd: noun.word.b };
    }
  }
  // "did not respond to a request for comment": the newsroom's boilerplate, no position taken
  if (form === 'np' && NO_COMMENT.test(c.text.slice(c.tokens.start[a]!, c.tokens.end[Math.max(a, end - 1)]!))) return null;
  if (form === 'np' && entry.cueClass === 'stance') {
    const who = namedObject(c, a, end);
    if (who) end = who.b;
  }
  // "defended his record on Sunday night", "announced his endorsement last week": the time is the cue's, not the object's
  if (form === 'np') end = beforeTrailingTime(c, a, end);
  if (end <= a) return null;
  // (an opening adjunct is content only with the clause after its comma)
  if (adjunct) {
    let comma = a + 1;
    while (comma < end && norm(c, comma) !== c.ids.comma) comma++;
    if (comma + 1 >= end) return null;
  }
  // "told Jeb Bush to quiet down", "urged voters to …": the person and the infinitive are what was asked
  if (form === 'to' && addressee) a = addressee.a;
  end = extendToQuoteEnd(c, end);
  if (form === 'quoted' && !hasQuotation(c, a, end)) return null;
  if (form === 'that' || form === 'bare') {
    // after a complementizer the clause may open with an adjunct ("that in retrospect she would …",
    // "that during his talks he …") or have a verb the tagger missed ("that 43% of voters support …"):
    // a clause of three words or more
    const opensAdjunct = pos(c, a) === POS.ADP || pos(c, a) === POS.ADV || pos(c, a) === POS.SCONJ;
    const explicit = form === 'that' && (pos(c, k) === POS.SCONJ || opensAdjunct) && wordCount(c, a, end) >= 3;
    if (!explicit && !assumed && !looksLikeClause(c, a, end, !allows('np')) && !(c.inQuote[a]! >= 0)) {
      // "announced his candidacy, he …": no clause once the content ends; a noun phrase, if the cue takes one
      if (form === 'bare' && allows('np') && startsObject(c, a, end)) return contentFrom(c, { ...hit, compiled: { ...hit.compiled, entry: { ...entry, content: new Set<CueContent>(['np']) } } }, k, addressee, clauseLimit, relativeSource);
      return null;
    }
    // "said when Boyle asked him": an adverbial clause alone is not what was said
    if (form === 'bare' && c.ids.subordinators.has(norm(c, a)) && !mainClauseAfterComma(c, a, end)) return null;
  }
  return { content: { a, b: end }, form, addressee, opensQuote: isQuoteTok(c, a), ...(asCue !== undefined ? { cueEnd: asCue } : {}) };
}

/**
 * "a probe the agency said was ongoing", "a rule change that he said would
 * make …": the cue inside a relative clause, its content the verb phrase
 * right after it.
 */
export function relativeContent(c: Ctx, hit: CueHit, sStart: number, sEnd: number): { content: Range; antecedent: Range | null; speaker: NounPhrase } | null {
  const k = hit.word.b;
  if (k >= sEnd || !isVerbish(c, k) || norm(c, k) === c.ids.to) return null;
  const surface = c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase();
  if (surface.endsWith('ing') && pos(c, k) === POS.VERB) return null;
  const entry = hit.compiled.entry;
  if (!entry.content.has('bare') && !entry.content.has('that')) return null;
  const speaker = speakerBefore(c, hit.group.a, sStart);
  if (!speaker || speaker.full.a <= sStart) return null;
  const before = speaker.full.a - 1;
  const rel = c.ids.relatives.has(norm(c, before)) || norm(c, before) === c.ids.that || isNounish(c, before);
  if (!rel) return null;
  const b = trimEnd(c, k, contentEnd(c, k, sEnd));
  if (b - k < 2) return null;
  // the clause's subject is part of what was said: "which [he said] will …", "a probe [the agency said] was …"
  let antecedent: Range | null = null;
  if (c.ids.relatives.has(norm(c, before)) || norm(c, before) === c.ids.that) antecedent = { a: before, b: before + 1 };
  else {
    const np = npEndingAt(c, before, sStart);
    if (np) antecedent = np;
  }
  return { content: { a: k, b }, antecedent, speaker };
}

export interface ContentBefore {
  content: Range;
  speaker: NounPhrase | null;
  inverted: boolean;
}

/**
 * "CONTENT, X said (on Monday)." and "CONTENT, said X.": the cue and its
 * speaker close the sentence after a comma (or a quote's closing mark).
 * Returns the content and the speaker, or null when the sentence goes on.
 */
export function contentBefore(c: Ctx, hit: CueHit, sStart: number, sEnd: number): ContentBefore | null {
  // only a cue that reports a clause or a quotation closes one ("…, X endorsed." is no report)
  const content = hit.compiled.entry.content;
  if (!content.has('bare') && !content.has('that') && !content.has('quote')) return null;
  // what follows the attribution must be an adjunct at most
  let speaker: NounPhrase | null = null;
  let inverted = false;
  let attrStart = hit.group.a;
  let after = hit.word.b;
  const left = speakerBefore(c, hit.group.a, sStart);
  if (left && left.full.a > sStart && isBoundary(c, left.full.a - 1)) {
    speaker = left;
    attrStart = left.full.a;
  } else if (isBoundary(c, hit.group.a - 1) && !endsWithCI(c, hit.word.a, 'ing')) {
    // (", highlighting America's recovery": a participle after a comma has its object after it, not its speaker)
    const right = speakerAfter(c, hit.word.b, sEnd);
    // ("…, says X." inverts a verb of saying; "…, criticised the council" is a second verb)
    if (!right || (!saysLike(hit) && reportsBefore(c, sStart, hit.group.a))) return null;
    speaker = right;
    inverted = true;
    after = right.full.b;
  } else {
    return null;
  }
  if (hit.compiled.entry.addressee !== 'no' && !inverted && after < sEnd) {
    const addr = npStartingAt(c, after, sEnd);
    if (addr) after = addr.b;
  }
  let k = skipAdjunct(c, after, sEnd);
  if (k < sEnd && norm(c, k) === c.ids.comma) {
    // ", adding …" starts another quote; ", two days after …", ", when …", ", citing …" are adjuncts of the
    // attribution; anything else must end the sentence
    const next = k + 1 < sEnd ? cueAt(c, k + 1) : null;
    if (!next && !trailingAdjunct(c, k + 1, sEnd)) return null;
  } else if (trimEnd(c, k, sEnd) > k) {
    return null;
  }
  let b = attrStart - 1; // the comma
  while (b > sStart && (norm(c, b - 1) === c.ids.comma || isPunct(c, b - 1)) && !(isQuoteTok(c, b - 1) && c.inQuote[b - 1]! >= 0)) b--;
  const a = skipConnective(c, skipDateline(c, sStart, b), b);
  b = trimEnd(c, a, b);
  if (b - a < 2) return null;
  // a cue that reports only quotations closes a quotation ("“…,” the sign read"; not "I never managed to read …")
  if (!content.has('bare') && !content.has('that') && !(c.inQuote[a]! >= 0)) return null;
  // the attribution closing the sentence gives the shape: the words before it need only a finite verb
  if (!hasFiniteVerb(c, a, b) && !(c.inQuote[a]! >= 0)) return null;
  return { content: { a, b }, speaker, inverted };
}

/**
 * "The mayor praised the firefighters, criticised the council": the words
 * before the comma are an attribution of their own (a subject, then a cue),
 * so the cue after the comma is a second verb of that subject, not an
 * inverted "…, said X".
 */
function reportsBefore(c: Ctx, sStart: number, b: number): boolean {
  for (let t = sStart + 1; t < b && t < sStart + 12; t++) {
    if (c.inQuote[t]! >= 0 || pos(c, t) !== POS.VERB) continue;
    const h = cueAt(c, t);
    if (!h || h.word.a !== t || endsWithCI(c, t, 'ing')) continue;
    const np = speakerBefore(c, h.group.a, sStart);
    return np !== null && np.full.a === sStart;
  }
  return false;
}

/**
 * What may follow an attribution that closes its content, after a comma:
 * a subordinate clause ("when …", "after …"), a time phrase before one
 * ("two days after …"), or a participle ("citing …", "speaking on …").
 */
function trailingAdjunct(c: Ctx, k: number, sEnd: number): boolean {
  if (k >= sEnd) return false;
  const n = norm(c, k);
  if (c.ids.subordinators.has(n) && n !== c.ids.that) return true;
  const surface = c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase();
  if (pos(c, k) === POS.VERB && surface.endsWith('ing')) return true;
  // "two days after", "a day before", "hours after"
  for (let t = k; t < Math.min(sEnd, k + 4); t++) {
    if (c.ids.subordinators.has(norm(c, t)) && t > k) return true;
    const p = pos(c, t);
    if (!(p === POS.NUM || p === POS.DET || p === POS.NOUN || p === POS.ADJ)) break;
  }
  return false;
}

/** "WASHINGTON (AP) — …", "LOS ANGELES, Feb. 2 (UPI) — …": a dateline is not content */
/** the writer's connectives that open a sentence before its clause: "Still, …", "In fact, …", "By contrast, …" */
const CONNECTIVES = new Set(['still', 'however', 'in fact', 'meanwhile', 'as a result', 'in contrast', 'by contrast', 'indeed', 'even so', 'moreover', 'to be sure', 'at the same time', 'in addition', 'nevertheless', 'nonetheless', 'ironically', 'separately', 'for example', 'for instance', 'furthermore', 'similarly', 'likewise']);

/** [a, b) without a connective and its comma that open it: "Still, [two in three voters view him favorably]" */
export function skipConnective(c: Ctx, a: number, b: number): number {
  if (a >= b || c.inQuote[a]! >= 0) return a;
  let words = '';
  for (let t = a; t < b && t < a + 4; t++) {
    if (isPunct(c, t)) return a;
    words += (words ? ' ' : '') + c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
    if (CONNECTIVES.has(words) && t + 1 < b && norm(c, t + 1) === c.ids.comma && b - (t + 2) >= 3) return t + 2;
  }
  return a;
}

export function skipDateline(c: Ctx, a: number, b: number): number {
  for (let t = a; t < b && t < a + 14; t++) {
    const n = norm(c, t);
    // (a hyphen inside a word is no dash: "Twenty-three of the wounded …", "one-third")
    const spaced = c.tokens.start[t]! > c.tokens.end[t - 1]! || (t + 1 < b && c.tokens.start[t + 1]! > c.tokens.end[t]!);
    if (c.ids.dashes.has(n) && t > a && (spaced || c.text[c.tokens.start[t]!] !== '-')) return t + 1;
    const p = pos(c, t);
    if (!(isPunct(c, t) || p === POS.PROPN || p === POS.NUM || c.tokens.has(t, FLAG.UPPER) || isCap(c, t))) return a;
  }
  return a;
}

/** a comma, dash or a quote's closing mark before an attribution at the end of a sentence */
function isBoundary(c: Ctx, t: number): boolean {
  if (t < 0) return false;
  const n = norm(c, t);
  return n === c.ids.comma || c.ids.dashes.has(n) || (isQuoteTok(c, t) && c.inQuote[t]! >= 0);
}

export interface ParentheticalAttribution {
  before: Range;
  after: Range;
  speaker: NounPhrase;
}

/** "The plan, X said, is dead.": the attribution between commas inside its content */
export function parenthetical(c: Ctx, hit: CueHit, sStart: number, sEnd: number): ParentheticalAttribution | null {
  const after = hit.word.b;
  if (after >= sEnd || norm(c, after) !== c.ids.comma) return null;
  const left = speakerBefore(c, hit.group.a, sStart);
  if (!left || left.full.a - 1 <= sStart || norm(c, left.full.a - 1) !== c.ids.comma) return null;
  const before = { a: sStart, b: trimEnd(c, sStart, left.full.a - 1) };
  const rest = { a: after + 1, b: trimEnd(c, after + 1, contentEnd(c, after + 1, sEnd)) };
  if (before.b - before.a < 1 || rest.b - rest.a < 2) return null;
  // the two halves must make one clause: a verb in either
  let verb = false;
  for (let t = before.a; t < rest.b && !verb; t++) if (t < before.b || t >= rest.a) verb = isVerbish(c, t);
  if (!verb) return null;
  return { before, after: rest, speaker: left };
}

/** "As X observed, CONTENT." and "CONTENT, as X points out, CONTENT.": an attribution clause with "as" */
export function asClause(c: Ctx, hit: CueHit, sStart: number, sEnd: number): { content: Range[]; speaker: NounPhrase } | null {
  const a = skipOpeners(c, sStart, hit.group.a);
  if (norm(c, a) !== c.ids.as) {
    // "But the last part, as Paul Krugman points out, is that …": inside the content, between commas
    const speaker = speakerBefore(c, hit.group.a, a);
    if (!speaker || speaker.full.a - 2 <= a || norm(c, speaker.full.a - 1) !== c.ids.as || norm(c, speaker.full.a - 2) !== c.ids.comma) return null;
    if (hit.word.b >= sEnd || norm(c, hit.word.b) !== c.ids.comma) return null;
    const before = { a, b: speaker.full.a - 2 };
    const k = hit.word.b + 1;
    const rest = { a: k, b: extendToQuoteEnd(c, trimEnd(c, k, contentEnd(c, k, sEnd))) };
    if (rest.b - rest.a < 2 || before.b <= before.a) return null;
    let verb = false;
    for (let t = before.a; t < rest.b && !verb; t++) if (t < before.b || t >= rest.a) verb = isVerbish(c, t);
    return verb ? { content: [before, rest], speaker } : null;
  }
  const speaker = speakerBefore(c, hit.group.a, a + 1);
  if (!speaker || speaker.full.a !== a + 1) return null;
  let k = skipAdjunct(c, hit.word.b, sEnd);
  if (k >= sEnd || norm(c, k) !== c.ids.comma) return null;
  k++;
  const b = extendToQuoteEnd(c, trimEnd(c, k, contentEnd(c, k, sEnd)));
  if (!looksLikeClause(c, k, b)) return null;
  return { content: [{ a: k, b }], speaker };
}

export interface AccordingTo {
  content: Range[];
  speaker: NounPhrase;
}

/**
 * The source after "according to": the whole phrase up to the next comma,
 * dash, parenthesis or the sentence end ("according to early results of
 * exit polls conducted for the networks"), as attribution corpora mark it;
 * its head is the noun phrase it opens with.
 */
function sourceAfter(c: Ctx, i: number, sEnd: number): NounPhrase | null {
  // "according to exit polls": the tagger may miss the noun phrase; then the phrase is its own head
  const lead = i < sEnd && !isPunct(c, i) && c.inQuote[i]! < 0 && !c.ids.finals.has(norm(c, i));
  const head = npStartingAt(c, i, sEnd) ?? (lead ? { a: i, b: i + 1 } : null);
  if (!head) return null;
  let b = head.b;
  while (b < sEnd && b - i < 30) {
    const n = norm(c, b);
    if (n === c.ids.comma || n === c.ids.semicolon || n === c.ids.colon || n === c.ids.openParen || c.ids.finals.has(n) || isQuoteTok(c, b)) break;
    if (c.ids.dashes.has(n) && !(c.tokens.end[b - 1] === c.tokens.start[b] && b + 1 < sEnd && c.tokens.end[b] === c.tokens.start[b + 1])) break;
    b++;
  }
  if (b - i >= 30) b = head.b;
  if (head.b - head.a === 1 && !npStartingAt(c, i, sEnd)) return { head: { a: i, b }, full: { a: i, b } };
  return { head, full: { a: i, b } };
}

/** "According to X, CONTENT." and "CONTENT(,) according to X." */
export function accordingTo(c: Ctx, hit: CueHit, sStart: number, sEnd: number): AccordingTo | null {
  const np = sourceAfter(c, hit.word.b, sEnd);
  if (!np) return null;
  let a = sStart;
  while (a < hit.group.a && (c.ids.openers.has(norm(c, a)) || (isPunct(c, a) && !isQuoteTok(c, a)))) a++;
  if (hit.group.a === a) {
    // According to X, CONTENT
    const k = np.full.b + 1;
    if (np.full.b >= sEnd || norm(c, np.full.b) !== c.ids.comma) return null;
    const b = trimEnd(c, k, contentEnd(c, k, sEnd));
    if (b - k < 2) return null;
    return { content: [{ a: k, b }], speaker: np };
  }
  // CONTENT, according to X(, REST)
  const from = skipConnective(c, skipDateline(c, sStart, hit.group.a), hit.group.a);
  const b = trimEnd(c, from, hit.group.a);
  if (b - from < 2) return null;
  // "The IMF said that, according to its data, GDP rose …": the clause after the source is the content
  if (norm(c, b - 1) === c.ids.that && np.full.b < sEnd && norm(c, np.full.b) === c.ids.comma) {
    const restEnd = trimEnd(c, np.full.b + 1, contentEnd(c, np.full.b + 1, sEnd));
    if (restEnd - (np.full.b + 1) >= 2 && hasFiniteVerb(c, np.full.b + 1, restEnd)) return { content: [{ a: np.full.b + 1, b: restEnd }], speaker: np };
  }
  const content: Range[] = [{ a: from, b }];
  const k = np.full.b;
  if (k < sEnd && norm(c, k) === c.ids.comma) {
    const restEnd = trimEnd(c, k + 1, sEnd);
    if (restEnd - (k + 1) >= 2) {
      let verb = false;
      for (let t = k + 1; t < restEnd && !verb; t++) verb = isVerbish(c, t);
      // the rest goes on with the content: its verb ("The plan, according to X, is dead") or, after an adjunct, its
      // clause ("Over the long term, according to X, deficits will rise"); after a whole clause it is the writer's
      // (", who …", ", but …", ", a political website")
      let r = k + 1;
      while (r < restEnd && pos(c, r) === POS.ADV) r++;
      const goesOn = (r < restEnd && (pos(c, r) === POS.AUX || (pos(c, r) === POS.VERB && !endsWithCI(c, r, 'ing')))) || !hasFiniteVerb(c, from, b);
      if (verb && goesOn) content.push({ a: k + 1, b: restEnd });
    }
  }
  return { content, speaker: np };
}
