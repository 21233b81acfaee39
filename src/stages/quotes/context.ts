/**
 * What the quote finders share for one document: the text, its tokens and
 * sentences, the actor slots, the cue lookup, where the direct quotes are,
 * and the interned ids of the function words the rules look at.
 */
import type { ActorMention, Sentence } from '../../core/layers.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { SlotIndex } from '../coref/slots.js';
import type { CueMatcher } from './compile-cues.js';
import type { QuoteMarks } from './find-direct-quotes.js';

/** A token range `[a, b)`. */
export interface Range {
  a: number;
  b: number;
}

export interface QuoteWordIds {
  that: number;
  to: number;
  he: number;
  it: number;
  those: number;
  she: number;
  the: number;
  /** ' ’ ‘ (as in ’08) */
  apostrophes: Set<number>;
  and: number;
  but: number;
  comma: number;
  colon: number;
  semicolon: number;
  period: number;
  by: number;
  as: number;
  of: number;
  from: number;
  percent: number;
  or: number;
  when: number;
  if: number;
  not: number;
  since: number;
  once: number;
  after: number;
  before: number;
  on: number;
  /** the small words a title leaves in lower case: "War and Peace", "Gone with the Wind" */
  titleWords: Set<number>;
  dashes: Set<number>;
  openParen: number;
  closeParen: number;
  /** and, but, while, whereas, or: words that join a second clause */
  coordinators: Set<number>;
  /** when, after, before, while, as, because, since, although, if, unless, once, until */
  subordinators: Set<number>;
  /** subordinators that end a noun-phrase content when a clause follows: when, while, before, after, because, … */
  phraseTails: Set<number>;
  /** prepositions before a gerund cue whose subject is the clause's: "by talking about …", "after calling for …" */
  gerundPreps: Set<number>;
  /** whether, if, how, why, what, when, where, who */
  wh: Set<number>;
  /** words that open a question after a verb that asks, and a relative clause elsewhere: "asked which county …" */
  whDeterminers: Set<number>;
  /** who, which, whom, whose, that (as relative pronouns after a comma) */
  relatives: Set<number>;
  /** auxiliaries, modals and negation that belong to a verb group */
  aux: Set<number>;
  be: Set<number>;
  /** subject pronouns */
  subjects: Set<number>;
  /** object pronouns */
  objects: Set<number>;
  /** possessive determiners */
  possessives: Set<number>;
  possessiveMarks: Set<number>;
  /** days and other time words that may stand between a cue and its content ("said Monday that") */
  timeWords: Set<number>;
  /** words that open a sentence without being part of it for attribution ("But", "And") */
  openers: Set<number>;
  /** headline labels that look like "Source:" but are not ("Watch:", "Update:") */
  labels: Set<number>;
  /** prepositions that may join a noun phrase to its head ("a spokesman for the ministry") */
  npPreps: Set<number>;
  /** sentence-final punctuation */
  finals: Set<number>;
}

export function quoteWordIds(vocab: Vocabulary): QuoteWordIds {
  const id = (w: string) => vocab.intern(w);
  const ids = (ws: string[]) => new Set(ws.map(id));
  return {
    that: id('that'),
    to: id('to'),
    he: id('he'),
    it: id('it'),
    those: id('those'),
    she: id('she'),
    the: id('the'),
    apostrophes: ids(["'", '’', '‘']),
    and: id('and'),
    but: id('but'),
    comma: id(','),
    colon: id(':'),
    semicolon: id(';'),
    period: id('.'),
    by: id('by'),
    as: id('as'),
    of: id('of'),
    from: id('from'),
    percent: id('%'),
    or: id('or'),
    when: id('when'),
    if: id('if'),
    not: id('not'),
    since: id('since'),
    once: id('once'),
    after: id('after'),
    before: id('before'),
    on: id('on'),
    titleWords: ids(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by']),
    dashes: ids(['—', '–', '--', '-', '―']),
    openParen: id('('),
    closeParen: id(')'),
    coordinators: ids(['and', 'but', 'while', 'whereas', 'or', 'yet']),
    subordinators: ids(['when', 'after', 'before', 'while', 'as', 'because', 'since', 'although', 'though', 'if', 'unless', 'once', 'until', 'whenever']),
    phraseTails: ids(['when', 'while', 'before', 'after', 'because', 'although', 'though', 'whereas', 'unless', 'until']),
    gerundPreps: ids(['by', 'after', 'before', 'while', 'without', 'when', 'since', 'through', 'in']),
    wh: ids(['whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who']),
    whDeterminers: ids(['which', 'whom', 'whose']),
    relatives: ids(['who', 'which', 'whom', 'whose']),
    aux: ids([
      'has', 'have', 'had', "'s", '’s', "'ve", '’ve', "'d", '’d', 'having',
      'is', 'are', 'was', 'were', 'be', 'been', 'being', "'m", '’m', "'re", '’re', 'am',
      'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
      "'ll", '’ll', 'not', "n't", 'n’t', 'never', 'wo', 'ca',
    ]),
    be: ids(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re', 'am', "'m", '’m', 'get', 'got', 'gets']),
    subjects: ids(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'one', 'both', 'others', 'some', 'many', 'most', 'all', 'few', 'several']),
    objects: ids(['him', 'her', 'them', 'us', 'me', 'you', 'it']),
    possessives: ids(['his', 'her', 'their', 'its', 'our', 'my', 'your']),
    possessiveMarks: ids(["'s", '’s', "'", '’']),
    timeWords: ids([
      'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
      'yesterday', 'today', 'tonight', 'earlier', 'later', 'recently', 'again', 'previously', 'then', 'now',
      'last', 'this', 'next', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend',
      'privately', 'publicly', 'repeatedly', 'separately', 'also', 'once', 'often', 'bluntly', 'flatly',
    ]),
    openers: ids(['but', 'and', 'so', 'yet', 'still', 'however', 'meanwhile']),
    labels: ids([
      'watch', 'update', 'updated', 'breaking', 'exclusive', 'video', 'videos', 'photos', 'photo', 'analysis', 'opinion',
      'editorial', 'note', 'correction', 'read', 'related', 'listen', 'live', 'report', 'q', 'a', 'quiz', 'fact', 'factcheck',
      'poll', 'graphic', 'map', 'chart', 'timeline', 'explainer', 'commentary', 'review', 'interview', 'transcript', 'warning',
      'editor', 'source', 'sources', 'credit', 'caption', 'ap', 'reuters', 'afp',
    ]),
    npPreps: ids(['of', 'for', 'at', 'from', 'with', 'in']),
    finals: ids(['.', '!', '?', '…', '...']),
  };
}

export interface Ctx {
  text: string;
  tokens: TokenTable;
  /** the sentences as the quote rules read them: a break inside a phrase is mended (see clauseSentences) */
  sentences: readonly Sentence[];
  /** token → index in `sentences` */
  sentOf: Int32Array;
  actors: readonly ActorMention[];
  slots: SlotIndex;
  cues: CueMatcher;
  ids: QuoteWordIds;
  marks: readonly QuoteMarks[];
  /** token → index in `marks` of the direct quote whose marks or content cover it, else -1 */
  inQuote: Int32Array;
  /** token → 1 when it is itself a quote mark of some quote in `marks` */
  isMark: Uint8Array;
  /** paragraph 0 is a headline */
  headline: boolean;
  /** cues found so far, by token (find-cues.ts) */
  cueCache: (import('./find-cues.js').CueHit | null | undefined)[];
  /** noun cues found so far, by token */
  nounCache: (import('./find-cues.js').CueHit | null | undefined)[];
}

export const norm = (c: Ctx, t: number) => c.tokens.norm[t]!;
export const pos = (c: Ctx, t: number) => c.tokens.pos[t]!;
export const isPunct = (c: Ctx, t: number) => c.tokens.has(t, FLAG.PUNCT);
export const isQuoteTok = (c: Ctx, t: number) => c.tokens.has(t, FLAG.QUOTE) || c.isMark[t] === 1;
export const isCap = (c: Ctx, t: number) => c.tokens.has(t, FLAG.CAP);

/**
 * Token t's text ends with `suffix` (lower-case ASCII letters), in either
 * case: what /ing$/i or .toLowerCase().endsWith('ing') asks of the word,
 * read off the text's characters instead of a copy of the word, as the cue
 * tests ask it of word after word. (Only A–Z fold onto a–z, there as here.)
 */
export function endsWithCI(c: Ctx, t: number, suffix: string): boolean {
  const end = c.tokens.end[t]!;
  const n = suffix.length;
  if (end - c.tokens.start[t]! < n) return false;
  for (let k = 0; k < n; k++) if ((c.text.charCodeAt(end - n + k) | 0x20) !== suffix.charCodeAt(k)) return false;
  return true;
}

/** token t ends in a lower-case letter and "s" (/[a-z]s$/, case as written): a verb's -s form, a plural */
export function endsInLowerS(c: Ctx, t: number): boolean {
  const end = c.tokens.end[t]!;
  if (end - c.tokens.start[t]! < 2 || c.text.charCodeAt(end - 1) !== 0x73) return false;
  const ch = c.text.charCodeAt(end - 2);
  return ch >= 0x61 && ch <= 0x7a;
}

export function isNounish(c: Ctx, t: number): boolean {
  const p = pos(c, t);
  return p === POS.NOUN || p === POS.PROPN;
}

export function isVerbish(c: Ctx, t: number): boolean {
  const p = pos(c, t);
  return p === POS.VERB || p === POS.AUX;
}

/** "he", "they", "we": a pronoun that can be a subject and not an object ("him", "it") */
export function isSubjectPronoun(c: Ctx, t: number): boolean {
  return pos(c, t) === POS.PRON && c.ids.subjects.has(norm(c, t)) && !c.ids.objects.has(norm(c, t));
}

/** the first token from a before limit that is not an opener word ("But", "And", "Meanwhile"), nor punctuation if `punct` */
export function skipOpeners(c: Ctx, a: number, limit: number, punct = false): number {
  while (a < limit && (c.ids.openers.has(norm(c, a)) || (punct && isPunct(c, a)))) a++;
  return a;
}

/** t opens a quotation: a mark inside it, with the token before it outside */
export function opensQuoteAt(c: Ctx, t: number): boolean {
  return c.isMark[t] === 1 && c.inQuote[t]! >= 0 && t > 0 && c.inQuote[t - 1]! < 0;
}

const FUNCTION_POS = new Set<number>([POS.PRON, POS.DET, POS.ADP, POS.CCONJ, POS.SCONJ, POS.PART, POS.AUX, POS.PUNCT, POS.ADV, POS.INTJ, POS.SYM, POS.NUM]);

/** a capitalised word the tagger took for a verb or adjective ("Cook said", "Ted Cruz") */
export function isNameLike(c: Ctx, t: number): boolean {
  return isCap(c, t) && !FUNCTION_POS.has(pos(c, t)) && c.inQuote[t]! < 0 && !c.ids.labels.has(norm(c, t));
}

/** the tag, with a capitalised word inside a sentence read as a name */
export function posLoose(c: Ctx, t: number): number {
  const p = pos(c, t);
  if ((p === POS.VERB || p === POS.ADJ || p === POS.NOUN) && isCap(c, t) && !c.tokens.has(t, FLAG.SENT_START) && isNameLike(c, t)) {
    // (in a title-case headline every word is capitalised: a verb stays a verb, "Obama Says Trump Poses A Threat")
    if (p === POS.VERB && c.headline && c.sentences[c.sentOf[t]!]!.paragraph === 0) return p;
    return POS.PROPN;
  }
  return p;
}

/** the sentence index of token t */
export const sentenceOf = (c: Ctx, t: number) => c.sentOf[t]!;

export function sentenceEnd(c: Ctx, t: number): number {
  return c.sentences[sentenceOf(c, t)]!.tokenEnd;
}

export function sentenceStart(c: Ctx, t: number): number {
  return c.sentences[sentenceOf(c, t)]!.tokenStart;
}

export function paragraphOf(c: Ctx, t: number): number {
  return c.sentences[sentenceOf(c, t)]!.paragraph;
}

/** the character span of a token range */
export function charSpan(c: Ctx, r: Range): { text: string; start: number; end: number } {
  const start = c.tokens.start[r.a]!;
  const end = c.tokens.end[r.b - 1]!;
  return { text: c.text.slice(start, end), start, end };
}

/**
 * The sentences, with a break the splitter made inside a phrase mended: a
 * "sentence" that opens with a lower-case word, a comma or a closing
 * parenthesis continues the one before it in its paragraph ("Rep. Hank
 * Johnson (D-Ga.) | said …", "Sen. Joe Lieberman (I-Conn.) | , also …").
 * `sentOf` is the token table to fill (all zeros, one entry per token).
 */
export function clauseSentences(text: string, tokens: TokenTable, sentences: readonly Sentence[], sentOf: Int32Array = new Int32Array(tokens.length)): { sentences: Sentence[]; sentOf: Int32Array } {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    const continues = last !== undefined && last.paragraph === s.paragraph && opensLikeContinuation(text, tokens, s) && !/[?!]$/.test(text.slice(last.start, last.end).trimEnd());
    if (continues) out[out.length - 1] = { ...last, end: s.end, tokenEnd: s.tokenEnd };
    else out.push({ ...s });
  }
  out.forEach((s, i) => sentOf.fill(i, s.tokenStart, s.tokenEnd));
  return { sentences: out, sentOf };
}

/**
 * The sentence's first token starts with a lower-case letter a–z, a comma, a
 * semicolon or a closing parenthesis (read off its first character: this
 * runs for every sentence, and most open with a capital).
 */
function opensLikeContinuation(text: string, tokens: TokenTable, s: Sentence): boolean {
  if (s.tokenStart >= s.tokenEnd || tokens.end[s.tokenStart]! <= tokens.start[s.tokenStart]!) return false;
  const ch = text.charCodeAt(tokens.start[s.tokenStart]!);
  return (ch >= 0x61 && ch <= 0x7a) || ch === 0x2c || ch === 0x3b || ch === 0x29;
}
