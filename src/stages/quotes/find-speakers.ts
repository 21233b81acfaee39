/**
 * The source of a cue: the noun phrase that speaks. No parse tree; the
 * phrase is read off the tokens and actor slots around the cue:
 *
 *   [U.S. Secretary of State Antony Blinken] said        an actor slot
 *   [a spokesman for the ministry] said                  nouns, with "for/of/at …"
 *   [Tom Ridge], a former secretary of homeland security, said
 *                                                        an apposition between commas
 *   said [the minister], adding …                        after the cue (inverted)
 *
 * Each finder returns the head phrase (what the speaker is) and the full
 * phrase with its apposition or relative clause (what attribution corpora
 * mark as the source).
 */
import { POS } from '../../core/token-table.js';
import { cueAt } from './find-cues.js';
import { contentAfter } from './find-indirect-speech.js';
import { endsWithCI, isCap, isNameLike, isNounish, isPunct, isQuoteTok, isVerbish, norm, pos, type Ctx, type Range } from './context.js';

export interface NounPhrase {
  head: Range;
  full: Range;
}

const MAX_NP = 14;
const QUANTIFIERS = new Set([
  'many', 'some', 'most', 'all', 'few', 'several', 'none', 'each', 'both', 'half', 'majority', 'minority', 'plurality',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'millions',
  'any', 'either', 'neither', 'much', 'more', 'fewer', 'percent', 'third', 'quarter', 'fifth', 'number', 'group', 'handful',
]);
const MAX_PARENTHETICAL = 40;
const APPROX = new Set(['about', 'nearly', 'almost', 'only', 'just', 'roughly', 'around', 'approximately', 'all', 'fully', 'some', 'over', 'barely']);
const INDEFINITES = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'those']);
/** two-word degrees before a quantity */
const DEGREE2 = new Set(['at least', 'at most', 'more than', 'fewer than', 'less than', 'up to']);
/** words after the head of a source phrase that belong to it: "voters overall said", "Democrats alike say", "he himself said" */
const POSTNOMINAL = new Set(['overall', 'alike', 'nationwide', 'statewide', 'combined', 'together', 'themselves', 'himself', 'herself', 'itself']);

/** a hyphen with no space on either side: "46-year-old", "well-known" */
function gluedHyphen(c: Ctx, t: number): boolean {
  return t > 0 && t + 1 < c.tokens.length && c.tokens.end[t - 1] === c.tokens.start[t] && c.tokens.end[t] === c.tokens.start[t + 1] && c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!) === '-';
}

function isNpToken(c: Ctx, t: number): boolean {
  if (c.inQuote[t]! >= 0) return false;
  const p = pos(c, t);
  if (p === POS.NOUN || p === POS.PROPN || p === POS.ADJ || p === POS.NUM || p === POS.DET) return true;
  // "a polling location", "the ruling party": a participle between an article and a noun
  if (p === POS.VERB && t > 0 && t + 1 < c.tokens.length && pos(c, t - 1) === POS.DET && pos(c, t + 1) === POS.NOUN && endsWithCI(c, t, 'ing')) return true;
  const n = norm(c, t);
  if (c.ids.possessives.has(n) || c.ids.possessiveMarks.has(n)) return true;
  if (c.ids.dashes.has(n) && n !== c.ids.comma) {
    // a hyphen inside a name: "Wasserman-Schultz" (tokens glued on both sides)
    return t > 0 && c.tokens.end[t - 1] === c.tokens.start[t] && c.tokens.end[t] === c.tokens.start[t + 1];
  }
  if (inCompound(c, t)) return true;
  // "a CNN/ORC poll", "a New York Times/CBS News survey": a slash glued between two names joins them
  if (t > 0 && t + 1 < c.tokens.length && c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!) === '/') {
    return c.tokens.end[t - 1] === c.tokens.start[t] && c.tokens.end[t] === c.tokens.start[t + 1] && isCap(c, t - 1) && isCap(c, t + 1);
  }
  // "D-Fla." and other abbreviations end with a full stop glued to them
  if (n === c.ids.period) return t > 0 && c.tokens.end[t - 1] === c.tokens.start[t] && pos(c, t - 1) === POS.PROPN;
  return false;
}

/** "self-described", "so-called": a word of a hyphenated compound (glued to a hyphen glued on both sides) */
function inCompound(c: Ctx, t: number): boolean {
  const glued = (d: number) => d > 0 && d + 1 < c.tokens.length && c.ids.dashes.has(norm(c, d)) && c.tokens.end[d - 1] === c.tokens.start[d] && c.tokens.end[d] === c.tokens.start[d + 1] && !isPunct(c, d - 1) && !isPunct(c, d + 1);
  return c.inQuote[t]! < 0 && !isPunct(c, t) && (glued(t - 1) || glued(t + 1));
}

/** "Aides to Clinton say": a plural common noun opening the sentence, which the tagger took for a name */
const ENTOURAGE = new Set(['aides', 'advisers', 'advisors', 'allies', 'officials', 'lawyers', 'attorneys', 'supporters', 'spokesmen', 'spokeswomen', 'representatives', 'friends', 'associates', 'staffers', 'donors', 'relatives', 'people', 'members', 'sources']);
function pluralOpening(c: Ctx, t: number): boolean {
  return t === c.sentences[c.sentOf[t]!]!.tokenStart && ENTOURAGE.has(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase());
}

/** a pronoun that can be a speaker */
function isSpeakerPronoun(c: Ctx, t: number): boolean {
  const n = norm(c, t);
  return (pos(c, t) === POS.PRON || c.ids.relatives.has(n) || n === c.ids.that) && (c.ids.subjects.has(n) || c.ids.relatives.has(n));
}

/**
 * "the incumbent", "the Republican incumbent": a noun the tagger took for an
 * adjective, heading a phrase that opens with an article or possessive
 */
function adjectiveHead(c: Ctx, j: number, floor: number): boolean {
  for (let t = j - 1; t >= floor && j - t <= 6; t--) {
    const p = pos(c, t);
    if (p === POS.DET) return !c.ids.wh.has(norm(c, t)) && norm(c, t) !== c.ids.that;
    if (c.ids.possessives.has(norm(c, t)) || c.ids.possessiveMarks.has(norm(c, t))) return true;
    if (p !== POS.ADJ && p !== POS.PROPN && p !== POS.NOUN && !inCompound(c, t) && !(c.ids.dashes.has(norm(c, t)) && inCompound(c, t - 1)) && !modifierParticiple(c, t, floor)) return false;
  }
  return false;
}

/**
 * "the well known socialist", "a newly elected independent": a participle,
 * or an adverb before one, between an article or possessive and the noun
 */
function modifierParticiple(c: Ctx, t: number, floor: number): boolean {
  const participle = (k: number) => pos(c, k) === POS.VERB && /(?:ed|en|wn)$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!));
  const opener = (k: number) => k >= floor && (pos(c, k) === POS.DET || c.ids.possessives.has(norm(c, k)) || c.ids.possessiveMarks.has(norm(c, k)));
  if (participle(t)) return opener(t - 1) || (t - 1 >= floor && pos(c, t - 1) === POS.ADV && opener(t - 2));
  return pos(c, t) === POS.ADV && t + 1 < c.tokens.length && participle(t + 1) && opener(t - 1);
}

/** the noun phrase that ends at token j (inclusive), not reaching left of `floor` */
export function npEndingAt(c: Ctx, j: number, floor: number): Range | null {
  if (j < floor || c.inQuote[j]! >= 0) return null;
  // "the 46-year-old": a word a hyphen joins to the head ends the phrase
  if (j - 2 >= floor && gluedHyphen(c, j - 1) && pos(c, j) === POS.ADJ) {
    const np = npEndingAt(c, j - 2, floor);
    return np ? { a: np.a, b: j + 1 } : null;
  }
  if (isSpeakerPronoun(c, j) || (norm(c, j) !== c.ids.those && INDEFINITES.has(c.text.slice(c.tokens.start[j]!, c.tokens.end[j]!).toLowerCase()))) return { a: j, b: j + 1 };
  const slot = c.slots.slotAt(j);
  let a: number;
  // "most of them", "30 percent of those": a pronoun after "of" is the end of a quantified phrase
  const ofPronoun = j - 1 >= floor && norm(c, j - 1) === c.ids.of && (c.ids.objects.has(norm(c, j)) || norm(c, j) === c.ids.those) && norm(c, j) !== c.ids.it;
  if (ofPronoun) {
    a = j;
  } else if (slot && slot.tokenEnd - 1 === j && slot.tokenStart >= floor) {
    a = slot.tokenStart;
  } else {
    const p = pos(c, j);
    // "26% say": a percentage
    const percent = norm(c, j) === c.ids.percent && j - 1 >= floor && pos(c, j - 1) === POS.NUM;
    // "Exit polling showed …": a gerund after a modifier heads a noun phrase
    const gerund = p === POS.VERB && j - 1 >= floor && endsWithCI(c, j, 'ing') && (pos(c, j - 1) === POS.DET || pos(c, j - 1) === POS.PROPN || pos(c, j - 1) === POS.NOUN || pos(c, j - 1) === POS.ADJ) && !c.ids.possessiveMarks.has(norm(c, j - 1));
    if (p !== POS.NOUN && p !== POS.PROPN && p !== POS.NUM && !percent && !gerund && !isNameLike(c, j) && !(p === POS.ADJ && adjectiveHead(c, j, floor))) return null;
    a = percent ? j - 1 : j;
  }
  // extend left over the rest of the phrase
  while (a - 1 >= floor && j - (a - 1) < MAX_NP) {
    const t = a - 1;
    const s = c.slots.slotAt(t);
    if (s && s.tokenStart >= floor) {
      a = s.tokenStart;
      continue;
    }
    // "Democratic registered voters", "the likely voters polled": a participle used as an adjective before the noun
    const participle = pos(c, t) === POS.VERB && /(?:ed|ing)$/.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!)) && isNounish(c, t + 1) && t - 1 >= floor && (pos(c, t - 1) === POS.ADJ || pos(c, t - 1) === POS.DET || pos(c, t - 1) === POS.NUM || pos(c, t - 1) === POS.PROPN || c.ids.possessives.has(norm(c, t - 1)) || (c.ids.npPreps.has(norm(c, t - 1)) && pos(c, t - 1) === POS.ADP));
    // "the well known socialist", "a newly elected senator": a participle with its adverb, after the article
    const modifier = isNounish(c, t + 1) || pos(c, t + 1) === POS.ADJ || (pos(c, t) === POS.ADV && t + 2 < c.tokens.length && (isNounish(c, t + 2) || pos(c, t + 2) === POS.ADJ));
    if (!participle && !(modifier && modifierParticiple(c, t, floor)) && !isNpToken(c, t) && !(isNameLike(c, t) && isCap(c, t + 1))) break;
    a = t;
    if (pos(c, t) === POS.DET && !c.ids.possessives.has(norm(c, t))) break;
  }
  // "a spokesman for the ministry", "a review by The Times": a prepositional phrase after the head noun;
  // "an official familiar with the investigation", "sources close to the campaign": after an adjective
  for (;;) {
    // ("people briefed on the talks", "officials working on the case": "on" after a participle of its noun)
    const onParticiple = a - 3 >= floor && norm(c, a - 1) === c.ids.on && pos(c, a - 2) === POS.VERB && /(?:ed|en|ing)$/i.test(c.text.slice(c.tokens.start[a - 2]!, c.tokens.end[a - 2]!)) && isNounish(c, a - 3);
    if (!(a - 2 >= floor && (c.ids.npPreps.has(norm(c, a - 1)) || norm(c, a - 1) === c.ids.by || norm(c, a - 1) === c.ids.to || onParticiple) && pos(c, a - 1) === POS.ADP)) break;
    let h = a - 2;
    // "someone in the audience", "anyone with knowledge of the talks": an indefinite pronoun heads the phrase
    if (INDEFINITES.has(c.text.slice(c.tokens.start[h]!, c.tokens.end[h]!).toLowerCase()) && norm(c, a - 1) !== c.ids.to) {
      a = h;
      break;
    }
    if (pos(c, h) === POS.ADJ && h - 1 >= floor && isNounish(c, h - 1) && norm(c, a - 1) !== c.ids.of) h--;
    // "exit polls conducted by Edison Research": a participle between the noun and its agent
    else if (pos(c, h) === POS.VERB && norm(c, a - 1) !== c.ids.of && (/(?:ed|en|wn)$/.test(c.text.slice(c.tokens.start[h]!, c.tokens.end[h]!)) || onParticiple) && h - 1 >= floor && isNounish(c, h - 1)) h--;
    // "an adviser to Clinton", "the head of its delegation to the forum": "to" after a noun
    else if (norm(c, a - 1) === c.ids.to && !(isNounish(c, h) && (pos(c, h) === POS.NOUN || pluralOpening(c, h)))) break;
    if (!(isNounish(c, h) || pos(c, h) === POS.NUM)) break;
    const inner = npEndingAt(c, h, floor);
    if (!inner) break;
    a = inner.a;
  }
  // "many of his endorsers", "one of the attendees", "most of them": a quantifier and "of"
  if (a - 2 >= floor && norm(c, a - 1) === c.ids.of && QUANTIFIERS.has(c.text.slice(c.tokens.start[a - 2]!, c.tokens.end[a - 2]!).toLowerCase())) {
    a -= 2;
    if (a - 1 >= floor && (pos(c, a - 1) === POS.DET || pos(c, a - 1) === POS.ADV) && /^(?:the|a|about|almost|nearly|only|just|at|least)$/i.test(c.text.slice(c.tokens.start[a - 1]!, c.tokens.end[a - 1]!))) a--;
  }
  // "about 4 in 10", "nearly half", "only four percent", "all the attendees": a degree word before a quantity
  const quantity = (t: number) => pos(c, t) === POS.NUM || pos(c, t) === POS.DET || QUANTIFIERS.has(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase());
  if (a - 1 >= floor && APPROX.has(c.text.slice(c.tokens.start[a - 1]!, c.tokens.end[a - 1]!).toLowerCase()) && quantity(a)) a--;
  // "at least a dozen members", "more than half of voters": a two-word degree before a quantity
  else if (a - 2 >= floor && quantity(a) && DEGREE2.has(c.text.slice(c.tokens.start[a - 2]!, c.tokens.end[a - 1]!).toLowerCase())) a -= 2;
  else if (a - 1 >= floor && DEGREE2.has(c.text.slice(c.tokens.start[a - 1]!, c.tokens.end[a]!).toLowerCase())) a--;
  // "Clinton and Sanders", "Russia and China", "Neither Cruz nor Christie", "Politicians and even some technologists"
  const word = (t: number) => c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  let cj = a - 1;
  if (cj - 1 >= floor && word(cj) === 'even') cj--;
  const conj = cj - 1 >= floor && (norm(c, cj) === c.ids.and || norm(c, cj) === c.ids.or || word(cj) === 'nor') && c.inQuote[cj]! < 0;
  const k = cj - 1;
  if (conj && (isNounish(c, k) || c.slots.slotAt(k) || isSpeakerPronoun(c, k))) {
    const other = npEndingAt(c, k, floor);
    if (other && other.b - other.a <= 6) {
      // (not the object of a verb's preposition: "focused on [the economy] and voters said")
      const p = other.a - 1;
      const prep = p >= floor && pos(c, p) === POS.ADP && !c.ids.subordinators.has(norm(c, p)) && !c.ids.wh.has(norm(c, p)) && norm(c, p) !== c.ids.that &&
        p - 1 >= floor && (pos(c, p - 1) === POS.VERB || pos(c, p - 1) === POS.AUX);
      // (nor a clause: "[The minister focused on the budget] and critics said")
      let verb = false;
      for (let t = other.a; t < other.b && !verb; t++) verb = pos(c, t) === POS.VERB || pos(c, t) === POS.AUX;
      if (!prep && !verb) a = other.a;
    }
  } else if (conj && cj === a - 1 && norm(c, cj) === c.ids.and && pos(c, k) === POS.ADJ && c.inQuote[k]! < 0) {
    // "Eleven progressive and Muslim organizations": two modifiers of one noun, the phrase opening with them
    let t = k;
    while (t - 1 >= floor && (pos(c, t - 1) === POS.ADJ || pos(c, t - 1) === POS.NUM || pos(c, t - 1) === POS.DET) && c.inQuote[t - 1]! < 0) t--;
    const opens = t === c.sentences[c.sentOf[t]!]!.tokenStart || pos(c, t) === POS.DET || pos(c, t) === POS.NUM;
    if (opens && (t - 1 < floor || !(pos(c, t - 1) === POS.VERB || pos(c, t - 1) === POS.AUX || pos(c, t - 1) === POS.ADV))) a = t;
  }
  if (a - 1 >= floor && a < j && /^(?:neither|both|either)$/.test(word(a - 1)) && c.inQuote[a - 1]! < 0) a--;
  return { a, b: j + 1 };
}

/**
 * The speaker before position `end` (exclusive; the cue group starts there):
 * the phrase right before it, or a phrase before an apposition or relative
 * clause set off by commas or dashes.
 */
export function speakerBefore(c: Ctx, cueStart: number, floor: number): NounPhrase | null {
  const end = skipTimeLeft(c, cueStart, floor);
  const j = end - 1;
  if (j < floor) return null;
  const n = norm(c, j);
  if (n === c.ids.comma || c.ids.dashes.has(n) || n === c.ids.closeParen) {
    // X, who …, said  |  X — a former aide — said  |  X (D-Fla.) said
    const closer = n;
    for (let k = j - 1, hops = 0; k >= floor && j - k <= MAX_PARENTHETICAL; k--) {
      const m = norm(c, k);
      if (isQuoteTok(c, k) || c.inQuote[k]! >= 0) return null;
      // a hyphen inside a word ("D-Md.") is no dash
      const glued = c.ids.dashes.has(m) && k > 0 && c.tokens.end[k - 1] === c.tokens.start[k] && c.tokens.end[k] === c.tokens.start[k + 1];
      if (closer === c.ids.closeParen ? m === c.ids.openParen : !glued && (m === closer || (closer === c.ids.comma && c.ids.dashes.has(m)))) {
        // tokens between k and j must not hold a cue of their own ("A, B said, C said"),
        // unless they are a relative clause ("Barkley, who said he votes …, said")
        // ("Kasich, a Republican who has refused to endorse Trump, said": the relative clause of an apposition too)
        for (let t = k + 1; t < j; t++) {
          if (c.ids.relatives.has(norm(c, t))) break;
          const inner = pos(c, t) === POS.VERB ? cueAt(c, t) : null;
          // ("Manafort, citing polls, said …": a participle inside the parenthesis is an adjunct, not an attribution)
          if (inner && !endsWithCI(c, t, 'ing') && contentAfter(c, inner, j)) return null;
        }
        let head = npEndingAt(c, k - 1, floor);
        let nameEnd = head ? head.b : -1;
        // "Rep. Elijah Cummings (D-Md.), chair of …, said": a name with its state in parentheses before the apposition
        if (!head && k - 1 > floor && norm(c, k - 1) === c.ids.closeParen) {
          for (let o = k - 2; o > floor && k - o <= 8; o--) {
            if (norm(c, o) !== c.ids.openParen) continue;
            head = npEndingAt(c, o - 1, floor);
            nameEnd = k;
            break;
          }
        }
        // "Woodrow Benford, 58, who lives …, said": an age is part of the parenthesis; the name is before it
        if (head && head.b - head.a === 1 && pos(c, head.a) === POS.NUM && k - 2 >= floor && norm(c, k - 2) === c.ids.comma) continue;
        if (head) {
          // an apposition or relative clause is part of the source; "for his part", "however" are not
          const first = k + 1;
          const p = pos(c, first);
          // an age ("Singh, 47,") is no apposition attribution corpora keep
          const age = p === POS.NUM && j - first === 1;
          // "(I-Vt.)", "(R)": a short parenthesis with no verb goes with the name
          let shortParen = closer === c.ids.closeParen && j - first <= 6;
          for (let t = first; t < j && shortParen; t++) if (isVerbish(c, t)) shortParen = false;
          // ("A Fox News poll, conducted jointly with …, shows", "Six newspapers, including the Post, said": a participle
          // phrase after the noun is part of the source too)
          const fw = c.text.slice(c.tokens.start[first]!, c.tokens.end[first]!).toLowerCase();
          const participle = p === POS.VERB && (/(?:ed|en)$/.test(fw) || fw === 'including');
          const appositive = !age && (shortParen || participle || p === POS.DET || p === POS.ADJ || p === POS.NUM || isNounish(c, first) || c.ids.relatives.has(norm(c, first)) || c.ids.possessives.has(norm(c, first)));
          return { head, full: appositive ? { a: head.a, b: end } : { a: head.a, b: nameEnd } };
        }
        if (++hops > 3) return null;
      }
    }
    return null;
  }
  const head = npEndingAt(c, j, floor);
  // "…, dashing hopes of a breakthrough", "…, raising fears": a participle after a comma the tagger took for a noun is no speaker
  if (head && head.b - head.a === 1 && gerundAfterBreak(c, head.a, floor)) return null;
  if (head) return { head, full: head };
  const surface = c.text.slice(c.tokens.start[j]!, c.tokens.end[j]!).toLowerCase();
  // "voters overall said": a word after the head that belongs to the phrase
  if (POSTNOMINAL.has(surface) && j - 1 >= floor) {
    const np = npEndingAt(c, j - 1, floor);
    if (np) return { head: np, full: { a: np.a, b: j + 1 } };
  }
  // "a news report published Wednesday said", "those surveyed say": a participle after the noun
  if (pos(c, j) === POS.VERB && /(?:ed|en|wn)$/.test(surface) && j - 1 >= floor && (isNounish(c, j - 1) || norm(c, j - 1) === c.ids.those)) {
    const np = npEndingAt(c, j - 1, floor) ?? (norm(c, j - 1) === c.ids.those ? { a: j - 1, b: j } : null);
    if (np) return { head: np, full: { a: np.a, b: cueStart } };
  }
  // "most said", "a third said", "nearly half say": a quantity alone is the phrase (the tagger reads it as an adverb or adjective)
  if (QUANTIFIERS.has(surface) && pos(c, j) !== POS.VERB && pos(c, j) !== POS.AUX) {
    let a = j;
    if (a - 1 >= floor && (norm(c, a - 1) === c.ids.the || /^an?$/i.test(c.text.slice(c.tokens.start[a - 1]!, c.tokens.end[a - 1]!)))) a--;
    if (a - 1 >= floor && APPROX.has(c.text.slice(c.tokens.start[a - 1]!, c.tokens.end[a - 1]!).toLowerCase())) a--;
    const before = a - 1 >= floor ? pos(c, a - 1) : POS.PUNCT;
    if (before === POS.PUNCT || before === POS.CCONJ || before === POS.SCONJ || a === floor || c.ids.openers.has(norm(c, a - 1))) return { head: { a, b: j + 1 }, full: { a, b: j + 1 } };
  }
  // "Jolly said": a name the tagger took for an adverb, opening the sentence right before the cue
  const s0 = c.sentences[c.sentOf[j]!]!;
  if (j === s0.tokenStart && j === end - 1 && pos(c, j) === POS.ADV && isCap(c, j) && !c.ids.openers.has(norm(c, j)) && !c.ids.timeWords.has(norm(c, j)) && !c.ids.wh.has(norm(c, j))) {
    return { head: { a: j, b: j + 1 }, full: { a: j, b: j + 1 } };
  }
  return null;
}

/** a lower-case word in -ing right after a comma or dash (or opening the clause at `floor`) */
function gerundAfterBreak(c: Ctx, t: number, floor: number): boolean {
  const w = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
  if (!/^[a-z]+ing$/.test(w)) return false;
  return t === floor || norm(c, t - 1) === c.ids.comma || c.ids.dashes.has(norm(c, t - 1));
}

/** "Russia on Wednesday said", "Trump last week told": a time adjunct between speaker and cue */
function skipTimeLeft(c: Ctx, end: number, floor: number): number {
  let e = end;
  while (e - 1 >= floor && c.ids.timeWords.has(norm(c, e - 1)) && c.inQuote[e - 1]! < 0) e--;
  if (e < end && e - 1 >= floor && pos(c, e - 1) === POS.ADP) e--;
  return e > floor ? e : end;
}

/** the noun phrase that starts at token i, not reaching `limit` (exclusive) */
export function npStartingAt(c: Ctx, i: number, limit: number): Range | null {
  if (i >= limit || c.inQuote[i]! >= 0) return null;
  if (pos(c, i) === POS.PRON && (c.ids.subjects.has(norm(c, i)) || c.ids.objects.has(norm(c, i)))) return { a: i, b: i + 1 };
  let b = i;
  let head = -1;
  while (b < limit && b - i < MAX_NP) {
    const s = c.slots.slotAt(b);
    // a pronoun after the first word starts a relative clause ("documents he filed")
    if (s && s.tokenStart >= i && !(b > i && pos(c, b) === POS.PRON)) {
      b = s.tokenEnd;
      head = b - 1;
      continue;
    }
    // "the Associated Press": a capitalised word the tagger took for a verb, inside a name
    const name = !isNpToken(c, b) && isNameLike(c, b) && b + 1 < limit && isCap(c, b + 1) && !isPunct(c, b + 1);
    if (!isNpToken(c, b) && !name) break;
    if (b > i && pos(c, b) === POS.DET && !c.ids.possessiveMarks.has(norm(c, b))) break;
    // "told MSNBC his involvement …": a possessive after the head starts another phrase
    if (head >= 0 && c.ids.possessives.has(norm(c, b))) break;
    if (isNounish(c, b) || pos(c, b) === POS.NUM) head = b;
    b++;
  }
  // "the average of …", "the incumbent": a noun the tagger took for an adjective, after an article
  if (head < 0 && b - 1 > i && pos(c, b - 1) === POS.ADJ && pos(c, i) === POS.DET) head = b - 1;
  if (head < 0) return null;
  b = head + 1;
  // "the 46-year-old": the words a hyphen joins to the head are part of it
  while (b + 1 < limit && gluedHyphen(c, b)) b += 2;
  // "the head of the State Department", "a spokeswoman for the campaign"
  while (b + 1 < limit && c.ids.npPreps.has(norm(c, b)) && pos(c, b) === POS.ADP) {
    const inner = npStartingAt(c, b + 1, limit);
    if (!inner) break;
    b = inner.b;
  }
  if (b + 1 < limit && norm(c, b) === c.ids.and) {
    const other = npStartingAt(c, b + 1, limit);
    if (other && other.b - other.a <= 6 && !(other.b < limit && (pos(c, other.b) === POS.VERB || pos(c, other.b) === POS.AUX))) b = other.b;
  }
  return { a: i, b };
}

/**
 * The speaker after a cue ("said Blinken", "said the minister, a former
 * general,"): the phrase, and with an apposition that runs to a comma or
 * the end of the sentence.
 */
export function speakerAfter(c: Ctx, i: number, limit: number): NounPhrase | null {
  const head = npStartingAt(c, i, limit);
  if (!head) return null;
  let b = head.b;
  if (b < limit && norm(c, b) === c.ids.comma) {
    // an apposition: ", a former aide to the president," or ", who …"
    let k = b + 1;
    const appo = k < limit && (pos(c, k) === POS.DET || pos(c, k) === POS.ADJ || isNounish(c, k) || c.ids.relatives.has(norm(c, k)) || c.ids.possessives.has(norm(c, k)));
    if (appo) {
      let verb = false;
      let relative = c.ids.relatives.has(norm(c, b + 1));
      while (k < limit && norm(c, k) !== c.ids.comma && !c.ids.finals.has(norm(c, k)) && !isQuoteTok(c, k) && k - b < MAX_PARENTHETICAL) {
        if (cueAt(c, k)) break;
        // "a former state senator who ran …": a relative clause inside the apposition has its verb
        if (c.ids.relatives.has(norm(c, k))) relative = true;
        // an apposition is a noun phrase: a finite verb means a new clause began ("…, the network censured …")
        if (!relative && pos(c, k) === POS.VERB && !/(?:ed|en|ing)$/.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!))) verb = true;
        k++;
      }
      if (k > b + 1 && !verb && !(k < limit && cueAt(c, k))) b = k;
    }
  }
  return { head, full: { a: head.a, b } };
}
