/**
 * Readers for the peers' validation suites:
 *
 * - PETRARCH (PETR.UnitTest.records.xml): `<Environment>` names the
 *   dictionaries; `<Config option="..." value="..."/>` elements between the
 *   sentences change settings for the records after them; each `<Sentence
 *   date id category>` holds its expected `<EventCoding sourcecode targetcode
 *   eventcode>` (or `noevents="True"`, or `error="..."`), the `<Text>` and a
 *   `<Parse>` tree, which dyad ignores.
 * - TABARI (Validate.text, with Validate.project naming the dictionaries): a
 *   record is a `YYMMDD  ID` line, the story text, then a `/* ... *\/` block
 *   whose `{ SOURCE / TARGET / CODE }` lines hold the expected events;
 *   `{---}` and `{+++}` expect none; `-{...}` is a switched-off line;
 *   `{ OPTION: ... }` records change the settings for the records after them.
 */
import { XMLValidator } from 'fast-xml-parser';
import { DyadError } from '../../core/errors.js';
import type { PeerProblem } from './peer-lines.js';

export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
  /** TABARI writes a date after some expected events; kept, not compared */
  date?: string;
}

/** A setting change between records: PETRARCH `<Config>`, TABARI `OPTION:`. */
export interface SettingChange {
  kind: 'setting';
  /** PETRARCH option name (`require_dyad`) or the TABARI command (`SET: MINIMUM WORDS = 8`) */
  name: string;
  value: string;
  line: number;
  id?: string;
}

export type Expectation =
  /** these events, and no others */
  | { kind: 'events'; events: ExpectedEvent[] }
  /** no events (`noevents`, `{---}`, `{+++}`, discards and errors) */
  | { kind: 'none'; why: string };

export interface ValidationRecord {
  kind: 'record';
  id: string;
  /** `YYYY-MM-DD` */
  date: string | null;
  category?: string;
  text: string;
  expect: Expectation;
  /** the suite's own note on the record (comments), one line */
  note: string;
  line: number;
  /** PETRARCH `sentence="false"`: marked by the suite as a feature not implemented in PETRARCH */
  disabled?: boolean;
  /**
   * why the record is bad input and is not coded: a PETRARCH `<Parse>` whose
   * brackets do not balance, which PETRARCH rejects (its `bad_input_parse`
   * error). dyad codes from the text, but a malformed record is bad input all
   * the same
   */
  inputError?: string;
}

export type SuiteItem = ValidationRecord | SettingChange;

export interface ValidationSuite {
  file: string;
  dialect: 'petrarch' | 'tabari';
  /** dictionaries the suite names, by role, as written (relative to the suite's folder) */
  dictionaries: { verbs: string[]; actors: string[]; agents: string[]; discards: string[]; options: string[]; issues: string[] };
  items: SuiteItem[];
  problems: PeerProblem[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

/** Attributes of a start tag; values in single or double quotes, blanks around `=` allowed. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!.toLowerCase(), decode(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** `19950101` or `950101` → `1995-01-01` */
function recordDate(s: string | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${Number(m[1]) >= 30 ? '19' : '20'}${m[1]}-${m[2]}-${m[3]}`;
  return null;
}

function lineAt(source: string, offset: number): number {
  let n = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) n++;
  return n;
}

export function readPetrarchSuite(source: string, file: string): ValidationSuite {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new DyadError('E_INPUT', `not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  }
  const suite: ValidationSuite = {
    file,
    dialect: 'petrarch',
    dictionaries: { verbs: [], actors: [], agents: [], discards: [], options: [], issues: [] },
    items: [],
    problems: [],
  };
  // comments out, keeping offsets (so line numbers stay right)
  const body = source.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const env = /<Environment>([\s\S]*?)<\/Environment>/.exec(body);
  if (env) {
    const tags: [keyof ValidationSuite['dictionaries'], string][] = [
      ['verbs', 'Verbfile'],
      ['actors', 'Actorfile'],
      ['agents', 'Agentfile'],
      ['discards', 'Discardfile'],
      ['issues', 'Issuefile'],
    ];
    for (const [role, tag] of tags) {
      for (const m of env[1]!.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))) suite.dictionaries[role].push(decode(m[1]!.trim()));
    }
    for (const m of env[1]!.matchAll(/<Config\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]!);
      suite.items.push({ kind: 'setting', name: a.get('option') ?? '', value: a.get('value') ?? '', line: lineAt(source, env.index + m.index!) });
    }
  } else {
    suite.problems.push({ file, line: 1, severity: 'warning', message: 'no <Environment>: the dictionaries must be given' });
  }
  const start = env ? env.index + env[0].length : 0;
  const re = /<Config\b([^>]*?)\/?>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  re.lastIndex = start;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const line = lineAt(source, m.index);
    if (m[1] !== undefined) {
      const a = attributes(m[1]);
      suite.items.push({ kind: 'setting', name: a.get('option') ?? '', value: a.get('value') ?? '', line });
      continue;
    }
    const a = attributes(m[2]!);
    const inner = m[3]!;
    const id = a.get('id') ?? `line-${line}`;
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(inner);
    if (!text) {
      suite.problems.push({ file, line, severity: 'error', message: `sentence ${id} has no <Text>` });
      continue;
    }
    const codings = [...inner.matchAll(/<EventCoding\b([^>]*?)\/?>/g)].map((c) => attributes(c[1]!));
    const events: ExpectedEvent[] = [];
    let none: string | null = null;
    for (const c of codings) {
      if (/^true$/i.test(c.get('noevents') ?? '')) none = 'noevents';
      else if (c.has('error')) none = `error="${c.get('error')}"`;
      else if (c.has('eventcode')) events.push({ source: c.get('sourcecode') ?? '', target: c.get('targetcode') ?? '', code: c.get('eventcode')! });
      else suite.problems.push({ file, line, severity: 'warning', message: `sentence ${id}: an <EventCoding> with no eventcode, noevents or error` });
    }
    if (!codings.length) none = 'no <EventCoding>';
    const note = [...source.slice(m.index, m.index + m[0].length).matchAll(/<!--([\s\S]*?)-->/g)]
      .map((c) => c[1]!.trim())
      .filter((c) => !/^Last update/i.test(c))
      .join(' ')
      .replace(/\s+/g, ' ');
    const rec: ValidationRecord = {
      kind: 'record',
      id,
      date: recordDate(a.get('date')),
      text: decode(text[1]!).replace(/\s+/g, ' ').trim(),
      expect: events.length ? { kind: 'events', events } : { kind: 'none', why: none ?? 'no events' },
      note,
      line,
    };
    const parse = /<Parse>([\s\S]*?)<\/Parse>/.exec(inner);
    const bad = parse ? unbalanced(parse[1]!) : null;
    if (bad) {
      const at = lineAt(source, m.index + m[0].indexOf(m[3]!) + parse!.index + '<Parse>'.length + bad.offset);
      rec.inputError = `its <Parse> is malformed: ${bad.what} (line ${at}); PETRARCH rejects it (bad_input_parse)`;
      suite.problems.push({ file, line: at, severity: 'warning', message: `sentence ${id}: ${rec.inputError}` });
    }
    if (a.get('category')) rec.category = a.get('category')!;
    if (/^false$/i.test(a.get('sentence') ?? '')) rec.disabled = true;
    if (!rec.date) suite.problems.push({ file, line, severity: 'warning', message: `sentence ${id} has no valid date` });
    if (events.length && none) suite.problems.push({ file, line, severity: 'warning', message: `sentence ${id} expects events and ${none}; the events count` });
    suite.items.push(rec);
  }
  return suite;
}

/** Where the brackets of a Treebank parse stop balancing: a ')' that closes nothing, or '(' left open at the end. */
export function unbalanced(parse: string): { offset: number; what: string } | null {
  let depth = 0;
  const open: number[] = [];
  for (let i = 0; i < parse.length; i++) {
    const ch = parse[i];
    if (ch === '(') {
      depth++;
      open.push(i);
    } else if (ch === ')') {
      if (--depth < 0) return { offset: i, what: "a ')' that closes nothing" };
      open.pop();
    }
  }
  if (depth > 0) return { offset: open[0]!, what: `${depth} '(' never closed` };
  return null;
}

const HEADER = /^(\d{6,9})[ \t]+(\S+)(?:[ \t]+(\S.*))?$/;

/**
 * Reads a TABARI `.text` validation file. The standard suite ends with the
 * record whose id begins with FINAL (its text says so); `all` reads on past it.
 */
export function readTabariSuite(source: string, file: string, opts: { all?: boolean } = {}): ValidationSuite {
  const suite: ValidationSuite = {
    file,
    dialect: 'tabari',
    dictionaries: { verbs: [], actors: [], agents: [], discards: [], options: [], issues: [] },
    items: [],
    problems: [],
  };
  const lines = source.split(/\r\n|\r|\n/);
  let i = 0;
  const warn = (line: number, message: string) => suite.problems.push({ file, line, severity: 'warning', message });
  while (i < lines.length) {
    const h = HEADER.exec(lines[i]!.trim());
    if (!h || lines[i]!.startsWith('#')) {
      i++;
      continue;
    }
    const line = i + 1;
    const dateText = h[1]!;
    let id = h[2]!;
    // "950101  950101  AGENTS-11": a doubled date
    if (/^\d{6}$/.test(id) && h[3]) id = h[3].split(/\s+/)[0]!;
    i++;
    const textLines: string[] = [];
    let comment: string | null = null;
    let after: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (HEADER.test(l.trim()) && comment !== null) break;
      if (HEADER.test(l.trim()) && comment === null && !l.includes('/*')) break;
      if (comment === null) {
        const open = l.indexOf('/*');
        if (open >= 0) {
          textLines.push(l.slice(0, open));
          const rest = l.slice(open + 2);
          const close = rest.indexOf('*/');
          if (close >= 0) {
            comment = rest.slice(0, close);
            after.push(rest.slice(close + 2));
          } else {
            comment = rest;
            i++;
            while (i < lines.length && !lines[i]!.includes('*/')) {
              if (lines[i]!.includes('/*')) warn(i + 1, `record ${id}: "/*" inside its comment; the comment ends at the first "*/"`);
              comment += '\n' + lines[i]!;
              i++;
            }
            if (i < lines.length) {
              const cl = lines[i]!;
              comment += '\n' + cl.slice(0, cl.indexOf('*/'));
              after.push(cl.slice(cl.indexOf('*/') + 2));
            } else warn(line, `record ${id}: its comment is never closed`);
          }
        } else textLines.push(l);
      } else after.push(l);
      i++;
    }
    const text = textLines.join(' ').replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
    const date = recordDate(dateText);
    if (!date) warn(line, `record ${id}: "${dateText}" is not a YYMMDD date`);
    if (comment === null) {
      // no annotation: a message record (FINAL-01), not a test
      suite.items.push({ kind: 'setting', name: 'comment', value: text.slice(0, 80), line, id });
      if (/^FINAL/i.test(id) && !opts.all) break;
      continue;
    }
    // option records
    const options = [...comment.matchAll(/\{\s*OPTION:\s*([^}]*?)\s*(?:\}|$)/gm)].map((m) => m[1]!.replace(/\*\/?\s*$/, '').trim());
    if (options.length) {
      for (const o of options) suite.items.push({ kind: 'setting', name: o, value: '', line, id });
      continue;
    }
    // annotation lines after a stray "*/" (AGENTS-11): TABARI stops at the first "*/"; dyad reads the
    // `{ ... }` lines up to the next record too, and says so
    const strays = after.join('\n').match(/\{[^}]*\/[^}]*\/[^}]*\}/g) ?? [];
    if (strays.length) warn(line, `record ${id}: ${strays.length} expected event line(s) after the comment's "*/" are read as part of it`);
    const block = comment + '\n' + strays.join('\n');
    const events: ExpectedEvent[] = [];
    let none: string | null = null;
    for (const m of block.matchAll(/(-?)\{([^{}]*)\}[ \t]*(\d{6,8})?/g)) {
      if (m[1] === '-') continue; // switched off
      const inner = m[2]!.trim();
      if (/^-+$/.test(inner)) {
        none = '{---}';
        continue;
      }
      if (/^\++$/.test(inner)) {
        none = '{+++}';
        continue;
      }
      if (/^#+$/.test(inner)) {
        none = '{###}';
        continue;
      }
      const parts = inner.split('/').map((p) => p.trim());
      if (parts.length !== 3 || parts.some((p) => !p)) continue; // prose in braces
      const ev: ExpectedEvent = { source: parts[0]!, target: parts[1]!, code: parts[2]! };
      if (m[3]) ev.date = recordDate(m[3]) ?? m[3];
      events.push(ev);
    }
    const note = comment.replace(/\\n/g, ' ').replace(/-{5,}/g, ' ').replace(/\{[^}]*\}/g, ' ').replace(/\s+/g, ' ').trim();
    if (!events.length && none === null) {
      // only switched-off lines (`-{...}`): the suite's author took the test out
      const off = /-\{[^{}]*\}/.test(block);
      suite.items.push({ kind: 'setting', name: off ? 'switched off' : 'comment', value: note.slice(0, 80), line, id });
      continue;
    }
    suite.items.push({
      kind: 'record',
      id,
      date,
      text,
      expect: events.length ? { kind: 'events', events } : { kind: 'none', why: none! },
      note,
      line,
    });
    if (/^FINAL/i.test(id) && !opts.all) break;
  }
  return suite;
}
