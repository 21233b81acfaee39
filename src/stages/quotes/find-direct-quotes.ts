/**
 * Direct quotations from their quote marks, one paragraph at a time, on the
 * characters of the text (the tokenizer's view of ’ and '' does not matter):
 *
 *   “…” „…“ „…” «…» ‹…› ‘…’ ‚…‘ "…" '…' ''…'' ``…''   and Swedish ”…”
 *
 * - An apostrophe is not a mark: ’ or ' between two letters (It’s, don't), or
 *   a ‘/' that opens an elision (’90s, 'em) never opens or closes a quote.
 * - Marks nest: a quote opened inside another stays inside it; only the
 *   outermost quotes are reported.
 * - A quote left open at the end of its paragraph continues into the next
 *   paragraph when that one opens with a mark of the same kind (the way news
 *   runs a long quotation over several paragraphs); otherwise it ends with its
 *   paragraph and is reported as unclosed.
 */
import type { Span } from '../../core/span.js';

export interface QuoteMarks {
  /** offset of the opening mark and its length */
  open: number;
  openLength: number;
  /** offset of the closing mark, or -1 when the quote is open at the end of its paragraph */
  close: number;
  closeLength: number;
  /** the content: inside the marks, without surrounding spaces or a trailing comma */
  start: number;
  end: number;
  paragraph: number;
  /** open at the end of its paragraph and continued in the next one */
  continued: boolean;
  /** open at the end of its paragraph and not continued: it ends with the paragraph */
  unclosed: boolean;
  /** index (in the returned list) of the piece in the previous paragraph this continues */
  continues?: number;
}

type Family = 'double' | 'single';

interface Open {
  at: number;
  length: number;
  /** the marks that may close it */
  closers: readonly string[];
  family: Family;
}

const LETTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** what may stand before an opening mark */
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/“‘«‹„‚"'`:;]/;
/** what may stand after a closing mark */
const CLOSE_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-/”’»›"'…]/;
/** elisions that start with an apostrophe: ’90s, 'em, 'til, 'n' */
const ELISION = /^(?:\d\d|em\b|til\b|tis\b|twas\b|cause\b|n\b|bout\b|round\b)/i;

/** the deepest nesting of quotes followed */
const MAX_DEPTH = 8;

const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);

function openingPosition(text: string, i: number, len: number, pStart: number): boolean {
  const before = i > pStart ? text[i - 1] : undefined;
  const after = text[i + len];
  if (after === undefined) return false;
  // " 'Oh, …": a space between this mark and a nested quote's opening mark
  if (SPACE.test(after) && !(after === ' ' && (text[i + len + 1] === "'" || text[i + len + 1] === '‘') && isLetter(text[i + len + 2]))) return false;
  return before === undefined || OPEN_BEFORE.test(before);
}

function closingPosition(text: string, i: number, len: number, pEnd: number): boolean {
  const before = text[i - 1];
  const after = i + len < pEnd ? text[i + len] : undefined;
  if (before === undefined || SPACE.test(before)) return false;
  return after === undefined || CLOSE_AFTER.test(after);
}

/**
 * A word: letters or digits, with an apostrophe or hyphen inside it that a
 * letter or digit follows ("don't", "two-hour"). The character after the
 * span may decide whether its last apostrophe belongs to the word, as the
 * count has always read it.
 */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’-](?=[\p{L}\p{N}]))*/gu;

/**
 * The number of words in a quote's content: counted when a rule asks (most
 * quotes are attributed without it), not for every quote found.
 */
export function quoteWords(text: string, q: QuoteMarks): number {
  return countWords(text, q.start, q.end);
}

function countWords(text: string, start: number, end: number): number {
  let n = 0;
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m !== null && m.index < end; m = WORD.exec(text)) {
    n++;
    // a word running past the end: the rest is outside the span
    if (WORD.lastIndex >= end) break;
  }
  return n;
}

/** content bounds inside the marks: spaces trimmed, a trailing comma, colon or semicolon dropped */
function contentOf(text: string, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && SPACE.test(text[s]!)) s++;
  for (;;) {
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s && (text[e - 1] === ',' || text[e - 1] === ';' || text[e - 1] === ':')) e--;
    else break;
  }
  return [s, e];
}

interface Mark {
  kind: 'open' | 'close';
  length: number;
  /** for an opening mark: the marks that may close it */
  closers: readonly string[];
  family: Family;
}

const NONE: readonly string[] = [];
const close = (length: number, family: Family): Mark => ({ kind: 'close', length, closers: NONE, family });
const open = (length: number, closers: readonly string[], family: Family): Mark => ({ kind: 'open', length, closers, family });

/** what the character(s) at i can be, given the quotes now open */
function markAt(text: string, i: number, pStart: number, pEnd: number, stack: readonly Open[]): Mark | null {
  const c = text[i]!;
  const top = stack[stack.length - 1];
  const closable = (mark: string) => stack.some((o) => o.closers.includes(mark));
  switch (c) {
    case '“':
      // closes „…“, and a “…“ written with the wrong mark, when it stands where a closing mark stands
      if (closable('“') && closingPosition(text, i, 1, pEnd) && !openingPosition(text, i, 1, pStart)) return close(1, 'double');
      return open(1, ['”', '"', '“'], 'double');
    case '”':
      if (closable('”')) return close(1, 'double');
      // Swedish and Finnish open with ” as well
      return openingPosition(text, i, 1, pStart) ? open(1, ['”'], 'double') : null;
    case '„':
      return open(1, ['“', '”'], 'double');
    case '«':
      return open(1, ['»'], 'double');
    case '»':
      if (closable('»')) return close(1, 'double');
      // Danish and German also write »…«
      return openingPosition(text, i, 1, pStart) ? open(1, ['«'], 'double') : null;
    case '‹':
      return open(1, ['›'], 'single');
    case '›':
      return closable('›') ? close(1, 'single') : null;
    case '‚':
      return openingPosition(text, i, 1, pStart) ? open(1, ['‘', '’'], 'single') : null;
    case '‘':
      if (top && top.closers.includes('‘') && closingPosition(text, i, 1, pEnd)) return close(1, 'single');
      if (openingPosition(text, i, 1, pStart) && !ELISION.test(text.slice(i + 1, i + 6))) return open(1, ['’'], 'single');
      return null;
    case '’':
      // between two letters it is an apostrophe: It’s, don’t, O’Brien
      if (isLetter(text[i - 1]) && isLetter(text[i + 1])) return null;
      return closable('’') && closingPosition(text, i, 1, pEnd) ? close(1, 'single') : null;
    case '`':
      return text[i + 1] === '`' ? open(2, ["''", '"'], 'double') : null;
    case '"':
      return straightMark(text, i, 1, '"', pStart, pEnd, stack, 'double');
    case "'": {
      if (text[i + 1] === "'") return straightMark(text, i, 2, "''", pStart, pEnd, stack, 'double');
      if (isLetter(text[i - 1]) && isLetter(text[i + 1])) return null;
      const m = straightMark(text, i, 1, "'", pStart, pEnd, stack, 'single');
      if (m && m.kind === 'open' && (ELISION.test(text.slice(i + 1, i + 6)) || closable("'"))) return null;
      return m;
    }
    default:
      return null;
  }
}

/** a straight mark: opens in an opening position, closes an open one of its own in a closing position */
function straightMark(
  text: string, i: number, len: number, mark: string, pStart: number, pEnd: number, stack: readonly Open[], family: Family,
): Mark | null {
  const isOpen = stack.some((o) => o.closers.includes(mark));
  if (isOpen && closingPosition(text, i, len, pEnd)) return close(len, family);
  // "… its brain,' " said …": a space between a nested quote's closing mark and this one
  if (isOpen && text[i - 1] === ' ' && (text[i - 2] === "'" || text[i - 2] === '’') && (i + len >= pEnd || CLOSE_AFTER.test(text[i + len]!))) {
    return close(len, family);
  }
  if (openingPosition(text, i, len, pStart)) return open(len, [mark], family);
  if (isOpen && text[i - 1] !== undefined && !SPACE.test(text[i - 1]!)) {
    // "…"word: a closing mark glued to what follows; close anyway
    return close(len, family);
  }
  return null;
}

function firstMarkOfParagraph(text: string, p: Span): { family: Family; length: number } | null {
  let i = p.start;
  while (i < p.end && SPACE.test(text[i]!)) i++;
  if (i >= p.end) return null;
  const m = markAt(text, i, p.start, p.end, []);
  return m && m.kind === 'open' ? { family: m.family, length: m.length } : null;
}

/**
 * The outermost quotations of each paragraph. Paragraph spans come from the
 * article (ingest); text outside every paragraph is not searched.
 */
/** Every character a quotation mark can be: " ' ` « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ › */
const QUOTE_CHAR = /["'`\u00ab\u00bb\u2018-\u201f\u2039\u203a]/g;

/**
 * A scanner for the next quote character at or after a position, for
 * positions that only grow: the regular expression finds it far faster than
 * a loop over every character, and a hit past the paragraph is kept for the
 * next one, so a text with few marks is read once.
 */
function quoteCharScanner(text: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found >= from) return found;
    QUOTE_CHAR.lastIndex = from;
    const m = QUOTE_CHAR.exec(text);
    found = m ? m.index : text.length;
    return found;
  };
}

export function findDirectQuotes(text: string, paragraphs: readonly Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let carry: { index: number; family: Family } | null = null;
  const nextQuoteChar = quoteCharScanner(text);
  paragraphs.forEach((p, pIdx) => {
    const stack: Open[] = [];
    let continuing: number | undefined;
    if (carry) {
      const first = firstMarkOfParagraph(text, p);
      if (first && first.family === carry.family) {
        out[carry.index]!.continued = true;
        continuing = carry.index;
      } else {
        out[carry.index]!.unclosed = true;
      }
      carry = null;
    }
    // only quote characters matter: the scan jumps from one to the next
    for (let i = nextQuoteChar(p.start); i < p.end; i = nextQuoteChar(i + 1)) {
      const m = markAt(text, i, p.start, p.end, stack);
      if (!m) continue;
      if (m.kind === 'open') {
        // quotes nest a level or two; deeper "nesting" is stray marks, and a bound keeps every scan short
        if (stack.length >= MAX_DEPTH) continue;
        stack.push({ at: i, length: m.length, closers: m.closers, family: m.family });
        i += m.length - 1;
        continue;
      }
      // close the nearest open quote this mark can close (inner ones left open are dropped)
      const ch = text.slice(i, i + m.length);
      let k = stack.length - 1;
      while (k >= 0 && !stack[k]!.closers.includes(ch)) k--;
      if (k < 0) continue;
      const opened = stack[k]!;
      stack.length = k;
      if (k === 0) {
        const [s, e] = contentOf(text, opened.at + opened.length, i);
        if (e > s) {
          const q: QuoteMarks = {
            open: opened.at, openLength: opened.length, close: i, closeLength: m.length,
            start: s, end: e, paragraph: pIdx, continued: false, unclosed: false,
          };
          if (continuing !== undefined && opened.at === firstOpenAt(text, p)) q.continues = continuing;
          out.push(q);
        }
      }
      i += m.length - 1;
    }
    if (stack.length) {
      const opened = stack[0]!;
      const [s, e] = contentOf(text, opened.at + opened.length, p.end);
      if (e > s) {
        const q: QuoteMarks = {
          open: opened.at, openLength: opened.length, close: -1, closeLength: 0,
          start: s, end: e, paragraph: pIdx, continued: false, unclosed: false,
        };
        if (continuing !== undefined && opened.at === firstOpenAt(text, p)) q.continues = continuing;
        out.push(q);
        carry = { index: out.length - 1, family: opened.family };
      }
    }
  });
  if (carry) out[(carry as { index: number }).index]!.unclosed = true;
  return out;
}

function firstOpenAt(text: string, p: Span): number {
  let i = p.start;
  while (i < p.end && SPACE.test(text[i]!)) i++;
  return i;
}
