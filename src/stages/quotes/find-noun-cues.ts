/**
 * Attributions carried by a noun: the possessor is the source, what follows
 * the noun is the content.
 *
 *   [Trump's] false claims that [he opposed the war] are …   noun + that-clause
 *   [his] call for [a ban on fracking]                      noun + preposition + phrase
 *   [the campaign's] decision to [skip the debate]          noun + infinitive
 *   the statement by [the ministry] that [talks failed]     "by X" after the noun
 *
 * A noun with no possessor and no "by X" attributes nothing here ("the claim
 * that …" has no source to report). The content is read up to the verb of
 * the sentence around it: "His criticism of [the deal] drew applause".
 */
import { POS } from '../../core/token-table.js';
import type { CueContent } from '../../ontology/load-cues.js';
import type { CueHit } from './find-cues.js';
import { endsWithCI, isNounish, isVerbish, norm, pos, type Ctx, type Range } from './context.js';
import { contentEnd, looksLikeClause, startsObject, trimEnd, wordCount } from './find-indirect-speech.js';
import { npEndingAt, npStartingAt, type NounPhrase } from './find-speakers.js';

export interface NounAttribution {
  content: Range;
  speaker: NounPhrase;
  form: CueContent;
  /** the cue with the adjectives between the possessor and the noun ("false claims") */
  cue: CueHit;
}

/** adjectives, adverbs and numbers that may stand between a possessor and the noun: "his repeated calls" */
const MAX_MODIFIERS = 3;

export function nounAttribution(c: Ctx, hit: CueHit, sStart: number, sEnd: number): NounAttribution | null {
  const entry = hit.compiled.entry;
  let j = hit.word.a - 1;
  let hops = 0;
  while (j >= sStart && hops < MAX_MODIFIERS && c.inQuote[j]! < 0 && (pos(c, j) === POS.ADJ || pos(c, j) === POS.ADV || pos(c, j) === POS.NUM) && !c.ids.possessives.has(norm(c, j))) {
    j--;
    hops++;
  }
  let speaker: NounPhrase | null = null;
  if (j >= sStart && c.inQuote[j]! < 0) {
    const n = norm(c, j);
    if (c.ids.possessives.has(n) && (pos(c, j) === POS.PRON || pos(c, j) === POS.DET)) {
      speaker = { head: { a: j, b: j + 1 }, full: { a: j, b: j + 1 } };
    } else if (c.ids.possessiveMarks.has(n) && j - 1 >= sStart) {
      const np = npEndingAt(c, j - 1, sStart);
      if (np) speaker = { head: np, full: { a: np.a, b: j + 1 } };
    }
  }
  let k = hit.word.b;
  // "the statement by the ministry that …", "a call from the president to …"
  if (!speaker && k + 1 < sEnd && (norm(c, k) === c.ids.by || norm(c, k) === c.ids.from) && hit.word.b - hit.word.a === 1) {
    const np = npStartingAt(c, k + 1, sEnd);
    if (np) {
      speaker = { head: np, full: np };
      k = np.b;
    }
  }
  if (!speaker || k >= sEnd) return null;
  const allows = (f: CueContent) => entry.content.has(f);
  const n = norm(c, k);
  let a = k;
  let form: CueContent;
  if (n === c.ids.that && allows('that') && k + 1 < sEnd && !isVerbish(c, k + 1)) {
    a = k + 1;
    form = 'that';
  } else if (n === c.ids.to && allows('to') && k + 1 < sEnd && isVerbish(c, k + 1)) {
    form = 'to';
  } else if (allows('np') && startsObject(c, k, sEnd)) {
    form = 'np';
  } else {
    return null;
  }
  let b = trimEnd(c, a, contentEnd(c, a, sEnd));
  b = trimEnd(c, a, form === 'that' ? clauseEnd(c, a, b) : phraseEnd(c, a, b));
  if (b <= a || wordCount(c, a, b) < 1) return null;
  if (form === 'that' && !looksLikeClause(c, a, b) && pos(c, k) !== POS.SCONJ) return null;
  const cue: CueHit = { ...hit, group: { a: j + 1, b: hit.word.b } };
  return { content: { a, b }, speaker, form, cue };
}

/** a finite verb: an auxiliary, or a verb not in -ing and not after "to" */
function finite(c: Ctx, t: number): boolean {
  if (pos(c, t) === POS.AUX) return true;
  if (pos(c, t) !== POS.VERB) return false;
  if (t > 0 && norm(c, t - 1) === c.ids.to) return false;
  return !endsWithCI(c, t, 'ing');
}

/**
 * A phrase after a noun cue ends at the verb of the sentence around it
 * ("his criticism of the deal | drew applause", "her plan to build a wall |
 * is …"), not at the verb of a clause inside it ("the bill he introduced").
 */
function phraseEnd(c: Ctx, a: number, b: number): number {
  let clause = false;
  for (let t = a; t < b; t++) {
    if (c.inQuote[t]! >= 0) continue;
    const n = norm(c, t);
    if (n === c.ids.colon || n === c.ids.semicolon) return t;
    if (c.ids.relatives.has(n) || n === c.ids.that || c.ids.wh.has(n)) clause = true;
    if (t > a && finite(c, t) && !clause) {
      const prev = t - 1;
      // "the bill he introduced": a pronoun subject opens a clause of its own
      if (pos(c, prev) === POS.PRON && c.ids.subjects.has(norm(c, prev))) {
        clause = true;
        continue;
      }
      // "the deal also drew": adverbs before the verb go with it
      let k = t;
      while (k - 1 > a && pos(c, k - 1) === POS.ADV) k--;
      return k;
    }
  }
  return b;
}

/**
 * A that-clause after a noun ends where the sentence's own verb comes after
 * the clause's verb: "the claim that [he opposed the war] | is false".
 */
function clauseEnd(c: Ctx, a: number, b: number): number {
  let verb = -1;
  for (let t = a; t < b; t++) {
    if (c.inQuote[t]! >= 0) continue;
    if (verb < 0) {
      if (finite(c, t)) verb = t;
      continue;
    }
    const n = norm(c, t);
    if (c.ids.relatives.has(n) || n === c.ids.that || c.ids.wh.has(n) || c.ids.coordinators.has(n) || c.ids.subordinators.has(n) || n === c.ids.comma) return b;
    // an auxiliary right after a noun, past the clause's own verb: the sentence goes on
    if (pos(c, t) === POS.AUX && t - 1 > verb && (isNounish(c, t - 1) || pos(c, t - 1) === POS.NUM)) return t;
  }
  return b;
}
