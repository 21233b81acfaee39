/**
 * Reader for TABARI `.verbs` files:
 *
 *     <SYNSETS>
 *     &CURRENCY                <- synsets; members may hold synsets and $ / +
 *     +DOLLAR
 *     +&TIETYPES_MEMOS
 *     </SYNSETS>
 *     <TIME>                   <- relative-date phrases (kept, not applied)
 *     LAST_WEEK [-7]
 *     </TIME>
 *     ACT_ [100]               <- a verb: a phrase (the first word is the verb) and its code
 *     { ACTING_ ACTXD_ }       <- further forms
 *     - SAID WOULD * NOW [101] <- its patterns
 *     FOOTBALL [###]           <- a discard
 *
 * Words follow TABARI's marks (peer-phrase.ts): `WORD_` whole with regular
 * endings, `WORD=` the word only, a bare word a stem.
 */
import type { PeerPatternElement, PeerSynset, PeerVerbBlock, PeerVerbFile } from './peer-types.js';
import { peerError, peerLines, PeerReport, splitCodeBlocks } from './peer-lines.js';
import { parsePeerCode, parsePeerPattern } from './peer-patterns.js';
import { tabariPhrase } from './peer-phrase.js';
import { readPattern } from './petrarch-verbs.js';

export function readTabariVerbs(source: string, file: string, report = new PeerReport(file)): PeerVerbFile {
  const out: PeerVerbFile = { file, dialect: 'tabari', synsets: new Map(), blocks: [], transformations: [], timePhrases: [], skipped: [] };
  let section: 'synsets' | 'time' | null = null;
  let synset: PeerSynset | null = null;
  let block: PeerVerbBlock | null = null;
  for (const { text, line } of peerLines(source, report, 'tabari')) {
    const t = text.trim();
    const tag = /^<\s*(\/?)\s*(SYNSETS|TIME)\s*>$/i.exec(t);
    if (tag) {
      section = tag[1] ? null : (tag[2]!.toLowerCase() as 'synsets' | 'time');
      synset = null;
      block = null;
      continue;
    }
    if (section === 'synsets') {
      if (t.startsWith('&')) {
        const name = t.slice(1).split(/\s+/)[0]!.toUpperCase();
        synset = { name, members: [], plurals: false, line };
        if (out.synsets.has(name)) report.warn(`synset &${name} is defined again; the members are added`, line);
        out.synsets.set(name, out.synsets.get(name) ?? synset);
        synset = out.synsets.get(name)!;
      } else if (t.startsWith('+')) {
        if (!synset) {
          report.error(`synset member "${t}" before any &NAME`, line);
          continue;
        }
        const member = report.guard(line, () => memberElements(t.slice(1).trim(), file, line), null);
        if (member) synset.members.push(member);
      } else report.error(`"${t}" in <SYNSETS> is neither &NAME nor +MEMBER`, line);
      continue;
    }
    if (section === 'time') {
      if (t.startsWith('-')) continue; // patterns of time phrases: read as text only
      const parsed = report.guard(line, () => splitCodeBlocks(t, file, line), null);
      if (!parsed) continue;
      const phrase = report.guard(line, () => tabariPhrase(parsed.rest, file, line), null);
      if (phrase) out.timePhrases.push({ phrase, shift: parsed.blocks[0]?.trim() ?? '' });
      continue;
    }
    if (t.startsWith('-')) {
      if (!block) {
        report.error(`pattern "${t}" before any verb`, line);
        continue;
      }
      const p = readPattern(t, file, line, report, 'tabari');
      if (p && p !== 'skip') block.patterns.push(p);
      continue;
    }
    if (t.startsWith('{')) {
      if (!block) {
        report.error(`forms "${t}" before any verb`, line);
        continue;
      }
      const inner = /^\{([^{}]*)\}$/.exec(t);
      if (!inner) {
        report.error(`forms "${t}" should be "{ FORM FORM ... }"`, line);
        continue;
      }
      const verb = block.verbs[0]!;
      for (const f of inner[1]!.split(/\s+/).filter(Boolean)) {
        const p = report.guard(line, () => tabariPhrase(f, file, line), null);
        if (p) verb.forms.push(p.words);
      }
      continue;
    }
    // a verb entry
    const parsed = report.guard(line, () => splitCodeBlocks(t, file, line), null);
    if (!parsed) continue;
    if (parsed.blocks.length !== 1) {
      report.error(parsed.blocks.length ? `verb "${t}" has ${parsed.blocks.length} codes` : `verb "${t}" has no [CODE]`, line);
      continue;
    }
    const code = report.guard(line, () => parsePeerCode(parsed.blocks[0]!, file, line), null);
    const phrase = report.guard(line, () => tabariPhrase(parsed.rest, file, line), null);
    if (!code || !phrase) continue;
    block = {
      name: parsed.rest,
      code,
      verbs: [{ words: phrase.words, verbIndex: 0, forms: [], explicitForms: false, written: t, line }],
      patterns: [],
      line,
    };
    out.blocks.push(block);
  }
  return out;
}

/** A TABARI synset member: words, other synsets and actor slots, as in a pattern but without the verb. */
function memberElements(body: string, file: string, line: number): PeerPatternElement[] {
  if (!body) throw peerError('empty synset member', file, line);
  const els = parsePeerPattern(`* ${body}`, 'tabari', file, line);
  return els.slice(1).map((e, i) => (i === 0 ? { ...e, adjacent: false } : e));
}
