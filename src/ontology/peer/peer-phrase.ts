/**
 * Phrases as the peers write them: words joined by `_` (consecutive) or by
 * blanks, upper case, with TABARI's matching marks (`WORD_` a whole word with
 * regular endings, `WORD=` the word only, `WORD` a stem).
 */
import type { Dialect, PeerPhrase, PeerWord, WordMatch } from './peer-types.js';
import { peerError } from './peer-lines.js';

/**
 * PETRARCH: blanks and `_` both join consecutive words and every word is
 * matched whole (PETRARCH does not stem; a trailing `_` changes nothing).
 * `gapsAllowed` is for the agent dictionary, where a blank lets other words
 * stand between two words (PETRARCH's documentation, "Agent Dictionary").
 */
export function petrarchPhrase(written: string, file: string, line: number, gapsAllowed = false): PeerPhrase {
  const words: PeerWord[] = [];
  for (const chunk of written.trim().split(/\s+/)) {
    chunk.split('_').forEach((part, i) => {
      if (!part) return;
      words.push({ text: part.toLowerCase(), match: 'exact', gapBefore: gapsAllowed && i === 0 && words.length > 0 });
    });
  }
  if (!words.length) throw peerError(`empty phrase "${written}"`, file, line);
  return { words, written: written.trim(), line };
}

/**
 * TABARI: a blank lets other words stand between two words; `_` joins
 * consecutive words and makes the word before it whole (with regular
 * endings); `=` after a word makes it the word only; a word with neither is a
 * stem that matches any word beginning with it.
 */
export function tabariPhrase(written: string, file: string, line: number): PeerPhrase {
  const words: PeerWord[] = [];
  for (const chunk of written.trim().split(/\s+/)) {
    const parts = chunk.split('_');
    parts.forEach((part, i) => {
      if (!part) return;
      const followedByUnderscore = i < parts.length - 1;
      let match: WordMatch = followedByUnderscore ? 'endings' : 'stem';
      let text = part;
      if (text.endsWith('=')) {
        text = text.slice(0, -1);
        match = 'exact';
      }
      if (!text) throw peerError(`empty word in "${written}"`, file, line);
      words.push({ text: text.toLowerCase(), match, gapBefore: i === 0 && words.length > 0 });
    });
  }
  if (!words.length) throw peerError(`empty phrase "${written}"`, file, line);
  return { words, written: written.trim(), line };
}

/**
 * An actor phrase. PETRARCH matches actors inside a noun phrase, so a blank
 * lets other words stand between ("ITHILEN TELEVISION" in "Ithilen state-run
 * television", its PATTERN-09); `_` keeps words together.
 */
export function peerPhrase(dialect: Dialect, written: string, file: string, line: number): PeerPhrase {
  return dialect === 'petrarch' ? petrarchPhrase(written, file, line, true) : tabariPhrase(written, file, line);
}

/** PETRARCH's regular plural of a word (PETRreader.make_plural). */
export function petrarchPlural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

/**
 * PETRARCH's regular verb forms (PETRreader.read_verb_dictionary): -s/-es/-ies,
 * -d/-ed, -ing (dropping a final e after a consonant).
 */
export function petrarchVerbForms(stem: string): string[] {
  const out = [stem];
  if (/[sxz]$/.test(stem)) out.push(stem + 'es');
  else if (stem.endsWith('y')) out.push(stem.slice(0, -1) + 'ies');
  else out.push(stem + 's');
  out.push(stem.endsWith('e') ? stem + 'd' : stem + 'ed');
  if (stem.endsWith('e') && stem.length > 1 && !'aeiou'.includes(stem[stem.length - 2]!)) out.push(stem.slice(0, -1) + 'ing');
  else out.push(stem + 'ing');
  return out;
}

/** TABARI's regular endings of a whole word (`WORD_`): nouns take -s/-es, verbs also -d/-ed/-en/-ing. */
export function tabariEndings(word: string, verb: boolean): string[] {
  const out = [word, word + 's', word + 'es'];
  if (verb) {
    out.push(word + 'd', word + 'ed', word + 'en', word + 'ing');
    if (word.endsWith('e')) out.push(word.slice(0, -1) + 'ing');
  }
  return out;
}

/** A phrase as plain lower-case text (words joined by blanks). */
export function phraseText(p: { words: PeerWord[] }): string {
  return p.words.map((w) => w.text).join(' ');
}
