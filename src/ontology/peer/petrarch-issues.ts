/**
 * Reader for PETRARCH issue lists (Phoenix.IssueCoding.txt):
 *
 *     <ISSUE CATEGORY="ID_ATROCITY">
 *     n:atrocity [ID_ATROCITY]        <- n: singular and plural of the noun
 *     ethnic v:purge [ID_ATROCITY]    <- v: the regular verb forms
 *     al+zarqawi network [NAMED_TERROR_GROUP]   <- +: with a blank and with a hyphen
 *     ~Saturday Night massacre        <- ~ / ~~: phrases that cancel issue coding
 *     </ISSUE>
 *
 * The expansions are made here, so every phrase is plain words.
 */
import type { PeerIssueFile, PeerPhrase } from './peer-types.js';
import { peerLines, PeerReport } from './peer-lines.js';
import { petrarchPlural, petrarchVerbForms } from './peer-phrase.js';

function expand(written: string): string[][] {
  let variants: string[][] = [[]];
  for (const raw of written.trim().split(/\s+/)) {
    let forms: string[];
    const m = /^([nv]):(.+)$/i.exec(raw);
    if (m) {
      const w = m[2]!.toLowerCase();
      forms = m[1]!.toLowerCase() === 'n' ? [w, petrarchPlural(w)] : petrarchVerbForms(w);
    } else forms = [raw.toLowerCase()];
    // `+`: both "al zarqawi" (two words) and "al-zarqawi"
    const next: string[][] = [];
    for (const v of variants) {
      for (const f of forms) {
        if (f.includes('+')) {
          next.push([...v, ...f.split('+').filter(Boolean)]);
          next.push([...v, f.replace(/\+/g, '-')]);
        } else next.push([...v, f]);
      }
    }
    variants = next;
  }
  return variants;
}

export function readPetrarchIssues(source: string, file: string, report = new PeerReport(file)): PeerIssueFile {
  const out: PeerIssueFile = { file, issues: [] };
  let category = '';
  for (const { text, line } of peerLines(source, report, 'petrarch')) {
    const t = text.trim();
    const open = /^<ISSUE\s+CATEGORY\s*=\s*"([^"]*)"[^>]*>$/i.exec(t);
    if (open) {
      category = open[1]!;
      continue;
    }
    if (/^<\/ISSUE>$/i.test(t)) {
      category = '';
      continue;
    }
    if (t.startsWith('<')) {
      report.error(`unknown tag "${t}" (expected <ISSUE CATEGORY="..."> or </ISSUE>)`, line);
      continue;
    }
    const ignore = t.startsWith('~');
    const body = t.replace(/^~+/, '').trim();
    // "phrase [CODE]", "phrase" (the section's code), or several "phrase [CODE]" on one line
    const pairs: { phrase: string; code: string }[] = [];
    const re = /([^[\]]*)(?:\[([^\]]*)\])?/g;
    for (let m = re.exec(body); m && m[0]; m = re.exec(body)) {
      const phrase = m[1]!.trim();
      const code = (m[2] ?? '').trim();
      if (!phrase && code && pairs.length) {
        report.warn(`code [${code}] repeated after "${pairs[pairs.length - 1]!.phrase}"`, line);
        continue;
      }
      if (phrase) pairs.push({ phrase, code });
    }
    if (!pairs.length) {
      report.error('empty issue phrase', line);
      continue;
    }
    if (body.includes('[') !== body.includes(']')) report.error(`unbalanced brackets in "${t}"`, line);
    for (const pr of pairs) {
      const code = pr.code || category;
      if (!code && !ignore) {
        report.error(`issue phrase "${pr.phrase}" has no [CODE] and stands outside an <ISSUE> section`, line);
        continue;
      }
      for (const words of expand(pr.phrase)) {
        const phrase: PeerPhrase = { words: words.map((w) => ({ text: w, match: 'exact', gapBefore: false })), written: pr.phrase, line };
        out.issues.push({ category: category || code, code, phrase, ignore, line });
      }
    }
  }
  return out;
}
