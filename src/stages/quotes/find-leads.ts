/**
 * Attributions that lead into what they attribute, and the phrases that may
 * be their source:
 *  - a colon after a name or a label ("Blinken: “…”", "IOWA POLLS … - Mark
 *    Blumenthal: “…”", "More from the report: “…”", headline "Poll: …");
 *  - a clause ending in a colon with no cue ("The email goes on to say: “…”");
 *  - a document named before a clause ("In a CNN/ORC poll released Monday, …");
 *  - a record or an organisation as the subject of an evidence cue ("The poll
 *    found Clinton leading", not "Police found the body").
 */
import type { Sentence } from '../../core/layers.js';
import { FLAG, POS } from '../../core/token-table.js';
import { SlotIndex } from '../coref/slots.js';
import { isNounish, isPunct, isVerbish, norm, pos, skipOpeners, type Ctx, type Range } from './context.js';
import { hasFiniteVerb, trimEnd } from './find-indirect-speech.js';
import { cueAt, type CueHit } from './find-cues.js';
import { npEndingAt, npStartingAt, speakerAfter, speakerBefore, type NounPhrase } from './find-speakers.js';

/** headline labels that do name a source: "Poll: Sanders leads", "Report: …" */
const SOURCE_LABELS = new Set(['poll', 'report', 'survey', 'study']);

/** the nouns of documents whose findings are reported with "in": "in a poll", "in the latest survey" (not "in an interview": someone speaks there) */
const DOCUMENTS = new Set(['poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'report', 'analysis', 'tally', 'count', 'results', 'data']);

/** what records and measures things: polls, studies, data (the evidence cues "show", "find" take these subjects) */
const RECORDS = new Set([...DOCUMENTS, 'polling', 'reports', 'analyses', 'research', 'review', 'investigation', 'audit', 'probe', 'inquiry', 'census', 'result', 'figure', 'figures', 'record', 'records', 'number', 'numbers', 'finding', 'findings', 'test', 'tests', 'document', 'documents', 'email', 'emails', 'filing', 'filings', 'statistics', 'model', 'models', 'projection', 'projections', 'estimate', 'estimates', 'article', 'paper', 'papers', 'map', 'chart', 'video', 'footage', 'photo', 'photos', 'images', 'evidence', 'history', 'experience', 'transcript', 'transcripts', 'letter', 'memo', 'database']);

/** a record (a poll, a study, data) or an organisation that keeps them ("Gallup finds …"), not a person */
export function recordLike(c: Ctx, np: Range): boolean {
  for (let t = np.a; t < np.b; t++) if (RECORDS.has(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase())) return true;
  const last = np.b - 1;
  const slot = c.slots.slotAt(last);
  if (slot) return slot.actor.kind === 'organisation' || slot.actor.kind === 'institution';
  // a name ("Gallup finds …"), not a plural noun capitalised at the start of the sentence ("Investigators found …")
  const word = c.text.slice(c.tokens.start[last]!, c.tokens.end[last]!);
  const first = c.sentences[c.sentOf[last]!]!.tokenStart === last;
  return pos(c, last) === POS.PROPN && c.tokens.has(last, 1) && !(first && /[a-z]s$/.test(word));
}

/** "Blinken: “…”": a name (an actor, or capitalised words) that is all the sentence has before the colon */
export function colonLead(c: Ctx, colon: number, sStart: number): NounPhrase | null {
  const a = skipOpeners(c, sStart, colon);
  const np = npEndingAt(c, colon - 1, a);
  if (!np || np.a !== a || np.b - np.a > 8) return null;
  if (c.ids.labels.has(norm(c, np.a)) && np.b - np.a === 1 && !SOURCE_LABELS.has(c.text.slice(c.tokens.start[np.a]!, c.tokens.end[np.a]!).toLowerCase())) return null;
  const slot = c.slots.slotAt(np.a) ?? c.slots.slotAt(np.b - 1);
  if (!slot && !c.tokens.has(np.b - 1, 1)) return null;
  return { head: np, full: np };
}

/**
 * A headline's "Name:" that is a speaker, not a series label ("The Latest:",
 * "AP-GfK Poll:"): an actor, or a short name without an article that the
 * story names again.
 */
export function personLike(c: Ctx, np: Range): boolean {
  const slot = c.slots.slotAt(np.b - 1);
  if (slot && (slot.actor.person || SlotIndex.coded(slot))) return true;
  if (np.b - np.a > 3 || pos(c, np.a) === POS.DET) return false;
  for (let t = np.a; t < np.b; t++) if (c.ids.labels.has(norm(c, t)) && !SOURCE_LABELS.has(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase())) return false;
  const last = c.text.slice(c.tokens.start[np.b - 1]!, c.tokens.end[np.b - 1]!);
  const body = c.sentences.find((s) => s.paragraph > 0);
  if (body !== undefined && c.text.indexOf(last, body.start) >= 0) return true;
  // "Poll:", "Newspaper:", "NY Post:", "Clinton camp:": a source named by a noun, not a label in capitals ("BREAKING:")
  let upper = true;
  for (let t = np.a; t < np.b; t++) if (!isPunct(c, t) && !c.tokens.has(t, FLAG.UPPER)) upper = false;
  return !upper && isNounish(c, np.b - 1) && pos(c, np.a) !== POS.VERB;
}


/**
 * "In a new poll by X, CONTENT": a sentence opening with "in" and a noun
 * phrase headed by a document, then a comma and a clause. The source is
 * the noun phrase, the cue "in".
 */
export function documentSource(c: Ctx, s: Sentence): { cue: Range; speaker: NounPhrase; content: Range } | null {
  const a = skipOpeners(c, s.tokenStart, s.tokenEnd);
  if (a + 3 >= s.tokenEnd || c.text.slice(c.tokens.start[a]!, c.tokens.end[a]!).toLowerCase() !== 'in' || c.inQuote[a]! >= 0) return null;
  let comma = -1;
  let doc = false;
  for (let t = a + 1; t < Math.min(s.tokenEnd, a + 20); t++) {
    if (c.inQuote[t]! >= 0) return null;
    if (norm(c, t) === c.ids.comma) {
      comma = t;
      break;
    }
    if (isPunct(c, t) && !c.ids.dashes.has(norm(c, t)) && norm(c, t) !== c.ids.period) return null;
    if (DOCUMENTS.has(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase()) && pos(c, t) === POS.NOUN) doc = true;
  }
  if (comma < 0 || !doc) return null;
  // "In the new poll, conducted March 11-13, …": a participle phrase after the source goes with it
  let end = comma;
  if (comma + 1 < s.tokenEnd && pos(c, comma + 1) === POS.VERB && /(?:ed|en)$/.test(c.text.slice(c.tokens.start[comma + 1]!, c.tokens.end[comma + 1]!))) {
    for (let t = comma + 2; t < Math.min(s.tokenEnd, comma + 15); t++) {
      if (norm(c, t) !== c.ids.comma) continue;
      end = comma;
      comma = t;
      break;
    }
  }
  const b = trimEnd(c, comma + 1, s.tokenEnd);
  if (b - (comma + 1) < 3 || !hasFiniteVerb(c, comma + 1, b)) return null;
  const np = { a: a + 1, b: end };
  const full = { a: a + 1, b: comma };
  return { cue: { a, b: a + 1 }, speaker: { head: np, full }, content: { a: comma + 1, b } };
}

/**
 * A name that labels a speaker's paragraph: a person the dictionaries know,
 * a name in capitals (transcripts: "TAPPER:", "JAKE TAPPER:"), or a short
 * name the article gave before.
 */
export function speakerLabel(c: Ctx, np: Range): boolean {
  if (np.b - np.a > 4) return false;
  for (let t = np.a; t < np.b; t++) if (c.ids.labels.has(norm(c, t))) return false;
  const slot = c.slots.slotAt(np.b - 1);
  if (slot) return slot.actor.person !== undefined && slot.actor.person !== null;
  let upper = true;
  for (let t = np.a; t < np.b; t++) if (!isPunct(c, t) && !c.tokens.has(t, FLAG.UPPER)) upper = false;
  if (upper && c.tokens.end[np.b - 1]! - c.tokens.start[np.a]! >= 3) return true;
  if (np.b - np.a > 3 || pos(c, np.a) === POS.DET) return false;
  for (let t = np.a; t < np.b; t++) if (pos(c, t) !== POS.PROPN || !c.tokens.has(t, FLAG.CAP)) return false;
  const last = c.text.slice(c.tokens.start[np.b - 1]!, c.tokens.end[np.b - 1]!);
  const seen = c.text.lastIndexOf(last, c.tokens.start[np.a]! - 1);
  return seen >= 0 && seen > (c.sentences[0]?.end ?? 0);
}

/** "He told reporters:" / "Blinken:" ending the sentence before a quote */
export function leadBeforeColon(c: Ctx, s: Sentence, colon: number): { cue: CueHit | null; speaker: NounPhrase } | null {
  for (let t = colon - 1; t >= s.tokenStart && colon - t <= 10; t--) {
    const hit = cueAt(c, t);
    if (!hit) continue;
    if (!hit.compiled.entry.content.has('quote')) return null;
    const speaker = speakerBefore(c, hit.group.a, s.tokenStart) ?? speakerAfter(c, hit.word.b, colon);
    return speaker ? { cue: hit, speaker } : null;
  }
  const np = colonLead(c, colon, s.tokenStart);
  if (np) return { cue: null, speaker: np };
  return null;
}

/**
 * A name before a colon that a label or a lead-in word sets off: "IOWA
 * POLLS NOT WRONG - Mark Blumenthal and Jon Cohen:", "More from Jones:",
 * "From the report:", "Here's Clinton in December 1992:".
 */
export function labelLead(c: Ctx, sStart: number, colon: number): NounPhrase | null {
  // "Here's Clinton in December 1992": the name, then a time
  let end = colon;
  for (let t = colon - 1; t > sStart && colon - t <= 4; t--) {
    if (/^in$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!)) && (pos(c, t + 1) === POS.PROPN || pos(c, t + 1) === POS.NUM)) end = t;
  }
  const np = npEndingAt(c, end - 1, sStart);
  if (!np || np.a <= sStart - 1 || np.b - np.a > 8) return null;
  const before = np.a - 1;
  if (before < sStart) return null;
  const w = c.text.slice(c.tokens.start[before]!, c.tokens.end[before]!).toLowerCase();
  const dash = c.ids.dashes.has(norm(c, before)) && c.tokens.end[before - 1] !== c.tokens.start[before];
  const from = w === 'from' && (before === sStart || (before - 1 === sStart && /^more$/i.test(c.text.slice(c.tokens.start[sStart]!, c.tokens.end[sStart]!))));

  const first = c.text.slice(c.tokens.start[sStart]!, c.tokens.end[sStart]!).toLowerCase();
  const here = (w === "here's" || w === 'here’s' || ((w === 'is' || w === "'s" || w === '’s') && first === 'here')) && before - 1 <= sStart;
  if (!dash && !from && !here) return null;
  const slot = c.slots.slotAt(np.b - 1);
  if (!slot && !c.tokens.has(np.b - 1, 1) && !(pos(c, np.b - 1) === POS.NOUN && from)) return null;
  return { head: np, full: np };
}

/** texts that say things: "The email goes on to say:", "The headline reads:" */
const WRITINGS = new Set(['email', 'e-mail', 'letter', 'statement', 'message', 'headline', 'report', 'post', 'tweet', 'ad', 'advert', 'advertisement', 'sign', 'poster', 'banner', 'memo', 'note', 'document', 'release', 'website', 'page', 'caption', 'book', 'article', 'editorial', 'column', 'video', 'petition', 'resolution', 'text', 'placard', 'leaflet', 'flyer', 'transcript', 'order', 'ruling', 'verdict', 'filing', 'complaint', 'lawsuit', 'indictment', 'announcement', 'notice', 'survey', 'poll', 'study']);

/** a subject that may speak: an actor, a person's pronoun, a name, or a text ("the email") */
function mayLead(c: Ctx, np: Range): boolean {
  if (c.slots.slotAt(np.b - 1) || c.slots.slotAt(np.a)) return true;
  const last = np.b - 1;
  if (np.b - np.a === 1 && pos(c, last) === POS.PRON) return c.ids.subjects.has(norm(c, last)) && norm(c, last) !== c.ids.it;
  if (pos(c, last) === POS.PROPN || c.tokens.has(last, 1)) return true;
  return WRITINGS.has(c.text.slice(c.tokens.start[last]!, c.tokens.end[last]!).toLowerCase().replace(/s$/, ''));
}

/** words from a clause's first verb to the colon that ends it, at most */
const CLAUSE_LEAD_WORDS = 12;

/**
 * "The email goes on to say:", "She then addressed the supporters again:",
 * "The headline reads:": a clause with no cue of the dictionary that leads
 * into a quotation with a colon. Its subject (the phrase opening the
 * sentence, right before its first verb) is the source; the verb up to the
 * colon is the cue.
 */
export function clauseLead(c: Ctx, sStart: number, colon: number, claimed: Uint8Array): { cue: Range; speaker: NounPhrase } | null {
  let a = skipOpeners(c, sStart, colon, true);
  // "In a Fox interview later that day, Trump went even further:": an adjunct opening the sentence, to its comma
  if (a < colon && (pos(c, a) === POS.ADP || pos(c, a) === POS.SCONJ)) {
    let comma = a + 1;
    while (comma < colon && norm(c, comma) !== c.ids.comma && comma - a <= 10) comma++;
    if (comma < colon && norm(c, comma) === c.ids.comma) a = comma + 1;
  }
  const np = npStartingAt(c, a, colon);
  if (!np || np.b >= colon || !mayLead(c, np)) return null;
  let v = np.b;
  // "She then addressed …": adverbs between the subject and its verb
  while (v < colon && pos(c, v) === POS.ADV) v++;
  // (a capitalised word the tagger took for a verb is a name: "Munich Re, the reinsurer, said:")
  if (v >= colon || !isVerbish(c, v) || c.tokens.has(v, FLAG.CAP) || colon - v > CLAUSE_LEAD_WORDS) return null;
  for (let t = np.a; t < colon; t++) if (claimed[t] || c.inQuote[t]! >= 0) return null;
  // ("issued a statement that an inmate had been stabbed:": the lead reports a content of its own)
  // (a verb of saying right before the colon introduces the quotation: "goes on to say:")
  for (let t = v + 1; t < colon; t++) if (norm(c, t) === c.ids.that || (pos(c, t) === POS.VERB && t < colon - 1 && cueAt(c, t))) return null;
  return { cue: { a: v, b: colon + 1 }, speaker: { head: np, full: np } };
}

/** the prepositions of a headline's topic or addressee: "Gillibrand on …:", "Clinton to Planned Parenthood:" */
const HEADLINE_PREPS = new Set(['on', 'to', 'about']);

/**
 * A headline's speaker before the topic or the addressee of what they said:
 * "Gillibrand on Hillary Releasing Her Transcripts: ‘I Think She Will.’",
 * "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade".
 */
export function headlineLead(c: Ctx, colon: number, sStart: number): NounPhrase | null {
  const a = skipOpeners(c, sStart, colon);
  const np = npStartingAt(c, a, colon);
  if (!np || np.b >= colon - 1 || np.b - np.a > 6) return null;
  if (!HEADLINE_PREPS.has(c.text.slice(c.tokens.start[np.b]!, c.tokens.end[np.b]!).toLowerCase())) return null;
  for (let t = np.b; t < colon; t++) if (c.inQuote[t]! >= 0) return null;
  return { head: np, full: np };
}
