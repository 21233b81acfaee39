/**
 * Line reading shared by the PETRARCH and TABARI dictionary readers: comments
 * removed, blank lines skipped, every kept line with its 1-based number so a
 * problem is reported as `file:line`.
 *
 * - PETRARCH (PETRreader.read_FIN_line): `<!-- ... -->` comments, also over
 *   several lines; a `#` starts a comment (PETRARCH cuts at any `#`; dyad
 *   keeps one inside `[...]`, so the code `[###]` survives), and so does a
 *   `;`, the KEDS/TABARI comment PETRARCH still reads.
 * - TABARI: `;` starts a comment anywhere; a line starting with `#` or `//`
 *   is a comment; a line starting with `~~` (`~~FINISH ...`) ends the file.
 */
import { DyadError } from '../../core/errors.js';

export interface PeerLine {
  /** the line without its comment, right-trimmed; leading white space kept (tabs matter) */
  text: string;
  line: number;
}

export type CommentStyle = 'petrarch' | 'tabari';

/** A problem found while reading a peer file. */
export interface PeerProblem {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Where a reader reports problems. Strict (loading for coding): the first
 * error throws a DyadError naming file and line. Lenient (`dyad dict check`):
 * every problem is collected, the item is skipped and reading goes on.
 */
export class PeerReport {
  readonly problems: PeerProblem[] = [];
  constructor(
    readonly file: string,
    readonly strict = true,
  ) {}

  error(message: string, line: number): void {
    if (this.strict) throw peerError(message, this.file, line);
    this.problems.push({ file: this.file, line, severity: 'error', message });
  }

  warn(message: string, line: number): void {
    this.problems.push({ file: this.file, line, severity: 'warning', message });
  }

  /** runs `f`; in lenient mode an error it throws becomes a problem and `fallback` is returned */
  guard<T>(line: number, f: () => T, fallback: T): T {
    try {
      return f();
    } catch (e) {
      if (this.strict || !(e instanceof DyadError)) throw e;
      this.problems.push({ file: this.file, line: e.place?.line ?? line, severity: 'error', message: e.message.replace(/^[^:]*:\d+: /, '') });
      return fallback;
    }
  }
}

export function peerLines(source: string, report: PeerReport, style: CommentStyle): PeerLine[] {
  const out: PeerLine[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let inXmlComment = false;
  for (let n = 0; n < lines.length; n++) {
    let s = lines[n]!;
    const line = n + 1;
    if (style === 'petrarch') {
      // XML comments first: they may hold '#'
      let kept = '';
      let rest = s;
      for (;;) {
        if (inXmlComment) {
          const close = rest.indexOf('-->');
          if (close < 0) {
            rest = '';
            break;
          }
          rest = rest.slice(close + 3);
          inXmlComment = false;
        }
        const open = rest.search(/<!\s*--/);
        if (open < 0) {
          kept += rest;
          break;
        }
        kept += rest.slice(0, open);
        rest = rest.slice(open).replace(/^<!\s*--/, '');
        inXmlComment = true;
      }
      s = kept;
      // '#' starts a comment, except inside a code block ([###] is TABARI's discard code)
      let depth = 0;
      for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (ch === '[') depth++;
        else if (ch === ']') depth = Math.max(0, depth - 1);
        else if ((ch === '#' || ch === ';') && depth === 0) {
          s = s.slice(0, i);
          break;
        }
      }
    } else {
      if (/^\s*~~/.test(s)) break;
      if (/^\s*(#|\/\/)/.test(s)) continue;
      const semi = s.indexOf(';');
      if (semi >= 0) s = s.slice(0, semi);
    }
    s = s.replace(/\s+$/, '');
    if (s.trim() === '') continue;
    if (s.includes('\uFFFD')) report.warn('the line holds a replacement character (U+FFFD): the file is not valid UTF-8 here', line);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)) report.warn('the line holds a control character', line);
    out.push({ text: s, line });
  }
  return out;
}

export function peerError(message: string, file: string, line: number): DyadError {
  return new DyadError('E_DICT_SYNTAX', message, { file, line });
}

/**
 * A peer date: `YYMMDD` or `YYYYMMDD` → `YYYY-MM-DD`. Two-digit years 30–99
 * are 19xx, 00–29 are 20xx (the dictionaries date from 1990 to 2014).
 */
export function peerDate(s: string, file: string, line: number): string {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(s.trim());
  if (!m) throw peerError(`"${s}" is not a date (YYMMDD or YYYYMMDD)`, file, line);
  let year = m[1]!;
  if (year.length === 2) year = (Number(year) >= 30 ? '19' : '20') + year;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) throw peerError(`"${s}" is not a calendar date`, file, line);
  return `${year}-${m[2]}-${m[3]}`;
}

/** The day before / after a `YYYY-MM-DD` date. */
export function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A code restriction `[CODE]`, `[CODE <date]`, `[CODE >date]`, `[CODE date-date]` (PETRARCH and TABARI). */
export interface DatedCode {
  /** the code as written (may be `---`, `###`, compound `A/B`) */
  code: string;
  /** inclusive bounds, `YYYY-MM-DD`; null = open */
  from: string | null;
  until: string | null;
  line: number;
}

/** Parses the inside of one `[...]` code block. */
export function parseCodeBlock(inner: string, file: string, line: number): DatedCode {
  const s = inner.trim();
  const m = /^(\S+)\s*(.*)$/.exec(s);
  if (!m) throw peerError(`empty code block "[${inner}]"`, file, line);
  const code = m[1]!;
  const rest = m[2]!.trim();
  if (/^[<>]?\s*\d/.test(code)) throw peerError(`code block "[${inner}]" has a date but no code`, file, line);
  if (!rest) return { code, from: null, until: null, line };
  let r: RegExpExecArray | null;
  if ((r = /^<\s*(\d+)$/.exec(rest))) return { code, from: null, until: peerDate(r[1]!, file, line), line };
  if ((r = /^>\s*(\d+)$/.exec(rest))) return { code, from: peerDate(r[1]!, file, line), until: null, line };
  if ((r = /^(\d+)\s*-\s*(\d+)$/.exec(rest))) {
    const from = peerDate(r[1]!, file, line);
    const until = peerDate(r[2]!, file, line);
    if (from > until) throw peerError(`date range ${rest} ends before it starts`, file, line);
    return { code, from, until, line };
  }
  throw peerError(`"${rest}" in "[${inner}]" is not a date restriction (<date, >date or date-date)`, file, line);
}

/** All `[...]` blocks of a line, and the text outside them. */
export function splitCodeBlocks(text: string, file: string, line: number): { rest: string; blocks: string[] } {
  const blocks: string[] = [];
  let rest = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('[', i);
    if (open < 0) {
      rest += text.slice(i);
      break;
    }
    const close = text.indexOf(']', open);
    if (close < 0) throw peerError(`"[" without "]"`, file, line);
    rest += text.slice(i, open) + ' ';
    blocks.push(text.slice(open + 1, close));
    i = close + 1;
  }
  if (rest.includes(']')) throw peerError(`"]" without "["`, file, line);
  return { rest: rest.trim(), blocks };
}
