/**
 * Reader for PETRARCH discard lists:
 *
 *     MONTHS LATER               <- a sentence holding the phrase is not coded
 *     +World Golf Championships  <- `+`: the whole story is not coded
 *     BASEBALL_                  <- `_`: the phrase must end at a word boundary
 *
 * PETRARCH matches the phrase as text, case-insensitively, after a blank: a
 * phrase without a final `_` also matches as the start of a longer word
 * (BASEBALL in "baseballs").
 */
import type { PeerDiscardFile } from './peer-types.js';
import { peerLines, PeerReport } from './peer-lines.js';

export function readPetrarchDiscards(source: string, file: string, report = new PeerReport(file)): PeerDiscardFile {
  const out: PeerDiscardFile = { file, discards: [] };
  for (const { text, line } of peerLines(source, report, 'petrarch')) {
    let t = text.trim();
    const story = t.startsWith('+');
    if (story) t = t.slice(1).trim();
    if (!t) {
      report.error('empty discard phrase', line);
      continue;
    }
    if (/[[\]]/.test(t)) report.warn(`discard "${t}" holds a code block; PETRARCH discards are plain phrases`, line);
    const whole = t.endsWith('_');
    const words = t.replace(/_+$/, '').split(/[\s_]+/).filter(Boolean).map((w) => w.toLowerCase());
    out.discards.push({
      phrase: {
        words: words.map((w, i) => ({ text: w, match: i === words.length - 1 && !whole ? 'stem' : 'exact', gapBefore: false })),
        written: t,
        line,
      },
      scope: story ? 'story' : 'sentence',
      line,
    });
  }
  return out;
}
