/**
 * Reader for PETRARCH actor dictionaries (and TABARI `.actors` files, which
 * share the layout):
 *
 *     GOLLUM                       <- the primary phrase, optionally with [CODE]
 *     +SMEAGOL                     <- synonyms
 *         [HOB < 950601]           <- code restrictions: <date, >date, date-date
 *         [HOBGOV 950601 - 990815]
 *         [HOBREB > 990816]
 *     ZIMBABWE [ZBW]               <- an undated block is the default code
 *
 * Restrictions are tried in file order and the first that holds on the
 * sentence's date wins; else the default code; with neither, the phrase is
 * known but null-coded (it stands for no actor that day). TABARI may put the
 * blocks on the primary line (`ALBRIGHT [USAGOV 991201-010114] [---]`) and
 * lists nouns and adjectives that are never verbs in `<NOUN>` and
 * `<ADJECTIVE>` sections.
 */
import type { Dialect, PeerActor, PeerActorFile, PeerPhrase } from './peer-types.js';
import { parseCodeBlock, peerLines, PeerReport, splitCodeBlocks, type DatedCode } from './peer-lines.js';
import { peerPhrase } from './peer-phrase.js';

export function readPeerActors(source: string, file: string, dialect: Dialect, report = new PeerReport(file)): PeerActorFile {
  const out: PeerActorFile = { file, actors: [], nouns: [], adjectives: [] };
  let current: PeerActor | null = null;
  let section: 'nouns' | 'adjectives' | null = null;
  const codesOf = (text: string, line: number): { rest: string; codes: DatedCode[] } =>
    report.guard(
      line,
      () => {
        const { rest, blocks } = splitCodeBlocks(text, file, line);
        return { rest, codes: blocks.map((b) => parseCodeBlock(b, file, line)) };
      },
      { rest: '', codes: [] },
    );

  for (const { text, line } of peerLines(source, report, dialect)) {
    const t = text.trim();
    const tag = /^<\s*(\/?)\s*(NOUN|ADJECTIVE)\s*>$/i.exec(t);
    if (tag) {
      section = tag[1] ? null : tag[2]!.toUpperCase() === 'NOUN' ? 'nouns' : 'adjectives';
      current = null;
      continue;
    }
    if (section) {
      const phrase = report.guard(line, () => peerPhrase(dialect, t, file, line), null);
      if (phrase) out[section].push(phrase);
      continue;
    }
    const indented = /^\s/.test(text);
    if (t.startsWith('[')) {
      // a code line of the actor above
      if (!current) {
        report.error(`code block "${t}" before any actor`, line);
        continue;
      }
      const { rest, codes } = codesOf(t, line);
      if (rest) report.error(`unexpected "${rest}" on a code line`, line);
      current.codes.push(...codes);
      continue;
    }
    if (t.startsWith('+')) {
      if (!current) {
        report.error(`synonym "${t}" before any actor`, line);
        continue;
      }
      const { rest, codes } = codesOf(t.slice(1), line);
      if (codes.length) current.codes.push(...codes);
      const phrase = rest ? report.guard(line, () => peerPhrase(dialect, rest, file, line), null) : null;
      if (!rest) report.error('empty synonym', line);
      else if (phrase) current.phrases.push(phrase);
      continue;
    }
    if (indented && current && !t.includes('[')) {
      report.error(`indented line "${t}" is neither a code block nor a synonym`, line);
      continue;
    }
    // a new actor
    const { rest, codes } = codesOf(t, line);
    if (!rest) {
      report.error(`code line "${t}" has no phrase`, line);
      continue;
    }
    const phrase: PeerPhrase | null = report.guard(line, () => peerPhrase(dialect, rest, file, line), null);
    if (!phrase) continue;
    current = { phrases: [phrase], codes, line };
    out.actors.push(current);
  }
  for (const a of out.actors) {
    if (!a.codes.length) report.warn(`actor "${a.phrases[0]!.written}" has no code: it is null-coded`, a.line);
    const defaults = a.codes.filter((c) => c.from === null && c.until === null);
    if (defaults.length > 1) report.warn(`actor "${a.phrases[0]!.written}" has ${defaults.length} default codes; the first is used`, a.line);
  }
  return out;
}

export function readPetrarchActors(source: string, file: string, report = new PeerReport(file)): PeerActorFile {
  return readPeerActors(source, file, 'petrarch', report);
}

/** The code of a peer actor on a date: the first restriction that holds, else the default, else null. */
export function peerActorCode(actor: PeerActor, date: string | null): string | null {
  for (const c of actor.codes) {
    if (c.from === null && c.until === null) continue;
    if (date === null) continue;
    if ((c.from === null || date >= c.from) && (c.until === null || date <= c.until)) return c.code;
  }
  return actor.codes.find((c) => c.from === null && c.until === null)?.code ?? null;
}
