/**
 * Reader for PETRARCH verb dictionaries (PETR.Validate.verbs.txt and the
 * PETRARCH-2 CAMEO.2.0.txt):
 *
 *     &CURRENCY                     <- a synset, members on `+` lines
 *     +DOLLARS
 *     +AUSTRIAN FLORIN
 *
 *     --- ARRIVE  [032:033] ---     <- a block: its name and code
 *     ARRIVE                        <- verbs; regular forms are made
 *     BREAK { BROKE BROKEN }        <- ... unless the forms are given
 *     +BREAK_DOWN {+BROKE_DOWN ...} <- a verb of several words; `+` marks the verb
 *     WIRE_+TAP                     <- ... which may stand last
 *     DOWNPLAY [014]                <- a verb with a code of its own
 *     - % HAVE *  [191]             <- patterns (peer-patterns.ts)
 *
 *     ~ a (a b ATTACK) SAY = a b 015   <- a transformation
 *
 * Codes are kept as written: the validation dictionaries use WEIS codes and
 * test codes (`def`, `174K`); `---` is the null code.
 */
import type { PeerCode, PeerPattern, PeerSynset, PeerVerb, PeerVerbBlock, PeerVerbFile, PeerWord } from './peer-types.js';
import { peerError, peerLines, PeerReport, splitCodeBlocks } from './peer-lines.js';
import { parsePeerCode, parsePeerPattern } from './peer-patterns.js';
import { petrarchPhrase } from './peer-phrase.js';

/** `BREAK_DOWN` with `+BREAK`: words and the index of the verb among them. */
function verbWords(written: string, file: string, line: number): { words: PeerWord[]; verbIndex: number } {
  const parts = written.split('_').filter(Boolean);
  let verbIndex = parts.findIndex((p) => p.startsWith('+'));
  if (verbIndex < 0) verbIndex = 0;
  const words = parts.map((p) => ({ text: p.replace(/^\+/, '').toLowerCase(), match: 'exact' as const, gapBefore: false }));
  if (words.some((w) => !w.text)) throw peerError(`empty word in verb "${written}"`, file, line);
  return { words, verbIndex };
}

function parseVerbLine(t: string, file: string, line: number, report: PeerReport): PeerVerb | null {
  const parsed = report.guard(line, () => splitCodeBlocks(t, file, line), null);
  if (!parsed) return null;
  if (parsed.blocks.length > 1) report.warn(`verb line "${t}" has ${parsed.blocks.length} codes; the first is used`, line);
  const code = parsed.blocks.length ? report.guard(line, () => parsePeerCode(parsed.blocks[0]!, file, line), null) : null;
  const m = /^([^{}]*?)\s*(?:\{([^{}]*)\})?\s*$/.exec(parsed.rest);
  if (!m || !m[1]!.trim()) {
    report.error(`verb line "${t}" should be "VERB {FORMS} [CODE]"`, line);
    return null;
  }
  // PETRARCH reads "LASH OUT" as the verbs LASH and OUT (words[0] is the verb, the rest are forms)
  const heads = m[1]!.trim().split(/\s+/);
  const first = verbWords(heads[0]!, file, line);
  const explicit = m[2] !== undefined;
  const forms = [...heads.slice(1), ...(explicit ? m[2]!.split(/\s+/).filter(Boolean) : [])].map((f) => verbWords(f, file, line).words);
  if (heads.length > 1) {
    report.warn(`"${m[1]!.trim()}": PETRARCH reads every blank-separated word of a verb line as a form of the verb; join a phrase with _ and mark the verb with +`, line);
  }
  const v: PeerVerb = {
    words: first.words,
    verbIndex: first.verbIndex,
    forms,
    explicitForms: explicit || heads.length > 1,
    written: t,
    line,
  };
  if (code) v.code = code;
  return v;
}

export function readPetrarchVerbs(source: string, file: string, report = new PeerReport(file)): PeerVerbFile {
  const out: PeerVerbFile = { file, dialect: 'petrarch', synsets: new Map(), blocks: [], transformations: [], timePhrases: [], skipped: [] };
  let block: PeerVerbBlock | null = null;
  let synset: PeerSynset | null = null;
  for (const { text, line } of peerLines(source, report, 'petrarch')) {
    const t = text.trim();
    if (t.startsWith('---')) {
      synset = null;
      const m = /^-{3,}\s*(.*?)\s*(?:-{3,})?$/.exec(t);
      const inner = m ? m[1]! : '';
      const parsed = report.guard(line, () => splitCodeBlocks(inner, file, line), null);
      if (!parsed) continue;
      if (parsed.blocks.length > 1) report.warn(`block "${t}" has ${parsed.blocks.length} codes; the first is used`, line);
      const code: PeerCode | null = parsed.blocks.length ? report.guard(line, () => parsePeerCode(parsed.blocks[0]!, file, line), null) : null;
      block = { name: parsed.rest, code, verbs: [], patterns: [], line };
      out.blocks.push(block);
      continue;
    }
    if (t.startsWith('&')) {
      const name = t.split(/\s+/)[0]!;
      const bare = name.slice(1).replace(/_$/, '').toUpperCase();
      if (!bare || !/^[A-Z0-9_-]+$/.test(bare)) {
        report.error(`"${name}" is not a synset name`, line);
        synset = null;
        continue;
      }
      if (out.synsets.has(bare)) report.warn(`synset &${bare} is defined again; the members are added`, line);
      synset = out.synsets.get(bare) ?? { name: bare, members: [], plurals: !name.endsWith('_'), line };
      out.synsets.set(bare, synset);
      continue;
    }
    if (t.startsWith('+') && synset) {
      const body = t.slice(1).trim();
      if (!body) {
        report.error('empty synset member', line);
        continue;
      }
      if (body.startsWith('&')) {
        // PETRARCH does not read synsets inside synsets (TABARI did); dyad expands them
        synset.members.push([{ kind: 'synset', name: body.slice(1).replace(/_$/, '').toUpperCase(), adjacent: false }]);
        continue;
      }
      const plural = synset.plurals && !body.endsWith('_');
      const words = report.guard(line, () => petrarchPhrase(body, file, line).words, null);
      if (!words) continue;
      synset.members.push(
        words.map((w, i) => ({ kind: 'word' as const, word: plural && i === words.length - 1 ? { ...w, match: 'plural' as const } : w, adjacent: i > 0 })),
      );
      continue;
    }
    synset = null;
    if (t.startsWith('~')) {
      const m = /^~\s*(.*?)\s*=\s*(.*)$/.exec(t);
      if (!m) {
        report.error(`transformation "${t}" should be "~ PATTERN = RESULT"`, line);
        continue;
      }
      out.transformations.push({ written: t, pattern: m[1]!, result: m[2]!, line });
      continue;
    }
    if (t.startsWith('-')) {
      if (!block) {
        report.error(`pattern "${t}" before any --- VERB --- block`, line);
        continue;
      }
      const p = readPattern(t, file, line, report, 'petrarch');
      if (p === 'skip') out.skipped.push({ written: t, line, why: 'TABARI {...|...} alternatives are not read by PETRARCH' });
      else if (p) block.patterns.push(p);
      continue;
    }
    if (!block) {
      report.error(`"${t}" before any --- VERB --- block`, line);
      continue;
    }
    const v = parseVerbLine(t, file, line, report);
    if (v) block.verbs.push(v);
  }
  for (const b of out.blocks) if (!b.verbs.length) report.warn(`block "${b.name}" has no verbs`, b.line);
  return out;
}

/** `- pattern [code]` → a pattern; `'skip'` for what the dialect does not read. */
export function readPattern(t: string, file: string, line: number, report: PeerReport, dialect: 'petrarch' | 'tabari'): PeerPattern | 'skip' | null {
  const body = t.replace(/^-\s*/, '');
  const close = body.lastIndexOf(']');
  const open = close >= 0 ? body.lastIndexOf('[', close) : -1;
  if (open < 0) {
    report.error(`pattern "${t}" has no [CODE]`, line);
    return null;
  }
  const after = body.slice(close + 1).trim();
  if (after && dialect === 'petrarch') report.warn(`text "${after}" after the pattern's code is ignored`, line);
  const code = report.guard(line, () => parsePeerCode(body.slice(open + 1, close), file, line), null);
  if (!code) return null;
  const text = body.slice(0, open).trim();
  if (dialect === 'petrarch' && /\{[^}]*\|/.test(text)) return 'skip';
  const elements = report.guard(line, () => parsePeerPattern(text, dialect, file, line), null);
  if (!elements) return null;
  return { elements, code, written: t, line };
}
