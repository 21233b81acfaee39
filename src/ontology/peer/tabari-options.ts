/**
 * Reader for TABARI `.options` files and for the `OPTION:` commands of
 * validation records. dyad reads the settings that change what is coded:
 *
 *     COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR   <- "complex" sentences are not coded
 *     SET: MINIMUM WORDS = 8                <- shorter sentences are not coded
 *     DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER | DEFAULT: OFF
 *     COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8 | COMMA: OFF
 *     SET: CONVERT AGENT = TRUE
 *     FORWARD: ^^*****NNN*SSS [OFF]          <- story and sentence numbers in record ids: pronoun forwarding
 *     LABEL: 031=MEET                       <- names of the codes
 *
 * Everything else (output layout, FBIS document ids, TIME SHIFT) is kept as
 * text and reported by `dyad dict check` as not applied.
 */
import { peerLines, PeerReport } from './peer-lines.js';

export interface CommaSettings {
  /** internal comma clause: between `min` and `max` words is skipped */
  min: number;
  max: number;
  /** terminal clause (from the last comma to the end) */
  emin: number;
  emax: number;
  /** initial clause (from the start to the first comma) */
  bmin: number;
  bmax: number;
}

export interface TabariOptions {
  /** the most verbs / conjunctions a sentence may hold and still be coded; null = no limit */
  complexVerbs: number | null;
  complexConj: number | null;
  /** COMPLEX ... NOACTPRIOR: a sentence with no actor before its verb is complex */
  noActorPrior: boolean;
  minimumWords: number;
  defaultSource: { code: string; prior: boolean } | null;
  defaultTarget: { code: string; after: boolean } | null;
  comma: CommaSettings | null;
  convertAgent: boolean;
  /** SET: CODE BY CLAUSE (default) | CODE BY SENTENCE | CODE ALL */
  codeBy: 'clause' | 'sentence' | 'all';
  labels: Map<string, string>;
  /**
   * FORWARD: the mask over a record's id that finds its story (`N`) and
   * sentence (`S`) numbers; `*` is any character, and the leading `^`s stand
   * for the blanks between the date and the id. null = no forwarding.
   */
  forward: string | null;
  /** lines read but not applied */
  ignored: { text: string; line: number }[];
}

export function defaultTabariOptions(): TabariOptions {
  return {
    complexVerbs: null,
    complexConj: null,
    noActorPrior: false,
    // TABARI's default, as its suite's MINWRD-Cancel record restores it
    minimumWords: 8,
    defaultSource: null,
    defaultTarget: null,
    comma: null,
    convertAgent: false,
    codeBy: 'clause',
    labels: new Map(),
    forward: null,
    ignored: [],
  };
}

/**
 * The story a record belongs to under a FORWARD mask: the characters of its id
 * under the mask's `N`s ("^^*****NNN*SSS" over "FRWD-001-002": "001"); null
 * when the id does not fit the mask.
 */
export function forwardStory(mask: string, id: string): string | null {
  const m = mask.replace(/^\^+/, '');
  if (id.length < m.length || !m.includes('N')) return null;
  let story = '';
  for (let i = 0; i < m.length; i++) if (m[i] === 'N') story += id[i]!;
  return story;
}

/** Applies one option command (`SET: MINIMUM WORDS = 8`) to `o`; returns false when it is not one dyad applies. */
export function applyTabariOption(o: TabariOptions, command: string, line: number, report?: PeerReport): boolean {
  const t = command.trim().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^COMPLEX:\s*(.*)$/i.exec(t))) {
    const v = /VERBS\[(\d+)\]/i.exec(m[1]!);
    const c = /CONJ\[(\d+)\]/i.exec(m[1]!);
    o.complexVerbs = v ? Number(v[1]) : null;
    o.complexConj = c ? Number(c[1]) : null;
    o.noActorPrior = /NOACTPRIOR/i.test(m[1]!);
    return true;
  }
  if ((m = /^SET:\s*MINIMUM WORDS\s*=\s*(\d+)/i.exec(t))) {
    o.minimumWords = Number(m[1]);
    return true;
  }
  if ((m = /^SET:\s*CONVERT AGENT\s*=\s*(TRUE|FALSE)/i.exec(t))) {
    o.convertAgent = m[1]!.toUpperCase() === 'TRUE';
    return true;
  }
  if ((m = /^SET:\s*CODE\s+(BY\s+CLAUSE|BY\s+SENTENCE|ALL)\s*$/i.exec(t))) {
    const v = m[1]!.toUpperCase().replace(/\s+/g, ' ');
    o.codeBy = v === 'ALL' ? 'all' : v === 'BY SENTENCE' ? 'sentence' : 'clause';
    return true;
  }
  if ((m = /^DEFAULT:\s*(.*)$/i.exec(t))) {
    const body = m[1]!;
    if (/^OFF$/i.test(body.trim())) {
      o.defaultSource = null;
      o.defaultTarget = null;
      return true;
    }
    const s = /SOURCE\s*\[([^\]]+)\]\s*(PRIOR)?/i.exec(body);
    const g = /TARGET\s*\[([^\]]+)\]\s*(AFTER)?/i.exec(body);
    o.defaultSource = s ? { code: s[1]!.trim(), prior: Boolean(s[2]) } : null;
    o.defaultTarget = g ? { code: g[1]!.trim(), after: Boolean(g[2]) } : null;
    return true;
  }
  if ((m = /^COMMA:\s*(.*)$/i.exec(t))) {
    const body = m[1]!.trim();
    if (/^OFF$/i.test(body)) {
      o.comma = null;
      return true;
    }
    const c: CommaSettings = o.comma ? { ...o.comma } : { min: 0, max: 0, emin: 0, emax: 0, bmin: 0, bmax: 0 };
    for (const kv of body.matchAll(/\b(MIN|MAX|EMIN|EMAX|BMIN|BMAX)\s*=\s*(\d+)/gi)) {
      c[kv[1]!.toLowerCase() as keyof CommaSettings] = Number(kv[2]);
    }
    o.comma = c;
    return true;
  }
  if ((m = /^FORWARD:\s*(\S+)(.*)$/i.exec(t))) {
    // FBIS document forwarding (DOC) is a layout of other corpora, not of these records
    o.forward = /\bOFF\b/i.test(m[2]!) ? null : m[1]!;
    return true;
  }
  if ((m = /^LABEL:\s*([^=]+)=(.*)$/i.exec(t))) {
    o.labels.set(m[1]!.trim(), m[2]!.trim());
    return true;
  }
  o.ignored.push({ text: t, line });
  report?.warn(`option "${t}" is read but not applied by dyad`, line);
  return false;
}

export function readTabariOptions(source: string, file: string, report = new PeerReport(file)): TabariOptions {
  const o = defaultTabariOptions();
  for (const { text, line } of peerLines(source, report, 'tabari')) applyTabariOption(o, text, line, report);
  return o;
}
