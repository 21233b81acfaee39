/**
 * Verb patterns as PETRARCH and TABARI write them:
 *
 *     - SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]
 *     - * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT | EMBARGO }  [172]   (TABARI)
 *     - * (TO BORDER)  [154]        (PETRARCH-2: a prepositional phrase)
 *
 * `*` the verb, `+` the target, `$` the source, `%` a compound actor, `^` an
 * actor to skip, `&NAME` a synset; `_` glues an element to the one before it
 * (no words between), a blank lets a few words stand between them.
 */
import type { Dialect, PeerCode, PeerPatternElement, PeerWord } from './peer-types.js';
import { peerError } from './peer-lines.js';
import { petrarchPhrase, tabariPhrase } from './peer-phrase.js';

/** `032:033` → paired code; `[:173]` the paired event only; `---` null; anything else as written. */
export function parsePeerCode(inner: string, file: string, line: number): PeerCode {
  const s = inner.replace(/\s+/g, '');
  if (!s) throw peerError('empty code block []', file, line);
  const colon = s.indexOf(':');
  if (colon < 0) return { code: s };
  const a = s.slice(0, colon);
  const b = s.slice(colon + 1);
  if (!b || b.includes(':')) throw peerError(`"[${inner}]" should be [CODE], [CODE:CODE] or [:CODE]`, file, line);
  // PETRARCH-2 `[:173]`: only the target's event towards the source
  return { code: a || '---', paired: b };
}

/** One word of a pattern with the dialect's matching rules. */
function patternWord(part: string, dialect: Dialect, file: string, line: number, followedByGlue: boolean): PeerWord {
  if (dialect === 'petrarch') return { text: part.toLowerCase(), match: 'exact', gapBefore: false };
  let text = part;
  let match: PeerWord['match'] = followedByGlue ? 'endings' : 'stem';
  if (text.endsWith('~')) {
    // TABARI `WORD~_`: a stem even though glued to the next word
    text = text.slice(0, -1);
    match = 'stem';
  } else if (text.endsWith('=')) {
    text = text.slice(0, -1);
    match = 'exact';
  }
  if (!text) throw peerError(`empty word in pattern`, file, line);
  return { text: text.toLowerCase(), match, gapBefore: false };
}

/** Splits pattern text into chunks at blanks, keeping `{...}` and `(...)` groups whole. */
function chunks(text: string, file: string, line: number): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') {
      depth--;
      if (depth < 0) throw peerError(`"${ch}" without its opening bracket in pattern "${text}"`, file, line);
    }
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw peerError(`unclosed bracket in pattern "${text}"`, file, line);
  if (cur) out.push(cur);
  return out;
}

/** Splits a chunk at `_` outside brackets. */
function gluedParts(chunk: string): { part: string; glueAfter: boolean }[] {
  const out: { part: string; glueAfter: boolean }[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of chunk) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (ch === '_' && depth === 0) {
      out.push({ part: cur, glueAfter: true });
      cur = '';
    } else cur += ch;
  }
  out.push({ part: cur, glueAfter: false });
  return out;
}

/**
 * Parses one pattern (without its leading `-` and its `[code]`) into
 * elements. PETRARCH-2's `(PREP NOUN)` and `{MODIFIER NOUN}` groups become word
 * sequences (`(...)` with gaps, `{...}` consecutive).
 */
export function parsePeerPattern(text: string, dialect: Dialect, file: string, line: number): PeerPatternElement[] {
  const elements: PeerPatternElement[] = [];
  let verbs = 0;
  for (const chunk of chunks(text.trim(), file, line)) {
    const parts = gluedParts(chunk);
    parts.forEach(({ part, glueAfter }, i) => {
      const adjacent = i > 0 && parts[i - 1]!.glueAfter;
      if (part === '') {
        // a leading or trailing `_` (TABARI "IN_ *": a whole word, not glued to anything)
        if (i > 0 && elements.length && !glueAfter) {
          const last = elements[elements.length - 1]!;
          if (last.kind === 'word' && dialect === 'tabari') last.word = { ...last.word, match: 'endings' };
        }
        return;
      }
      const glue = glueAfter && i + 1 < parts.length && parts[i + 1]!.part !== '' ? true : glueAfter;
      if (part === '*' || part === '**') {
        elements.push({ kind: 'verb', adjacent });
        verbs++;
      } else if (part === '+') elements.push({ kind: 'target', adjacent });
      else if (part === '$') elements.push({ kind: 'source', adjacent });
      else if (part === '%') elements.push({ kind: 'compound', adjacent });
      else if (part === '^') elements.push({ kind: 'skip', adjacent });
      else if (part.startsWith('&')) {
        if (!/^&[A-Za-z0-9_-]+$/.test(part)) throw peerError(`"${part}" is not a synset name`, file, line);
        elements.push({ kind: 'synset', name: part.slice(1).toUpperCase(), adjacent });
      } else if (part.startsWith('{') && part.endsWith('}')) {
        const inner = part.slice(1, -1);
        if (inner.includes('|')) {
          const options = inner.split('|').map((o) => o.trim());
          if (options.some((o) => !o)) throw peerError(`empty alternative in "${part}"`, file, line);
          elements.push({
            kind: 'alternatives',
            options: options.map((o) => optionWords(o, dialect, file, line)),
            adjacent,
          });
        } else {
          // PETRARCH-2 noun phrase {MODIFIER ... HEAD}: consecutive words
          const ws = petrarchPhrase(inner.replace(/[()]/g, ' '), file, line).words;
          ws.forEach((w, k) => elements.push({ kind: 'word', word: w, adjacent: k === 0 ? adjacent : true }));
        }
      } else if (part.startsWith('(') && part.endsWith(')')) {
        // PETRARCH-2 prepositional phrase (PREP NOUN ...): the words in order, a few words apart
        const inner = part.slice(1, -1).replace(/[{}]/g, ' ').trim();
        if (!inner) throw peerError(`empty prepositional phrase "()"`, file, line);
        for (const [k, w] of inner.split(/\s+/).entries()) {
          if (w.startsWith('&')) elements.push({ kind: 'synset', name: w.slice(1).toUpperCase(), adjacent: k === 0 ? adjacent : false });
          else if (w === '+' || w === '$') elements.push({ kind: w === '+' ? 'target' : 'source', adjacent: k === 0 ? adjacent : false });
          else elements.push({ kind: 'word', word: patternWord(w, dialect, file, line, false), adjacent: k === 0 ? adjacent : false });
        }
      } else if (/[{}()|]/.test(part)) {
        throw peerError(`"${part}" mixes a word and a bracket`, file, line);
      } else {
        elements.push({ kind: 'word', word: patternWord(part, dialect, file, line, glue), adjacent });
      }
    });
  }
  if (verbs !== 1) throw peerError(`pattern "${text.trim()}" must hold the verb * exactly once`, file, line);
  return elements;
}

/** The words of one alternative `{ A B | C }`: blanks allow gaps, `_` glues, as in patterns. */
function optionWords(o: string, dialect: Dialect, file: string, line: number): PeerWord[] {
  if (o.includes('&')) {
    // a synset inside alternatives: kept as a marker word, expanded on translation
    return o.split(/\s+/).flatMap((chunk) =>
      chunk.split('_').filter(Boolean).map((p, i) => ({ text: p.startsWith('&') ? p.toUpperCase() : p.toLowerCase(), match: 'exact' as const, gapBefore: i === 0 })),
    ).map((w, i) => (i === 0 ? { ...w, gapBefore: false } : w));
  }
  const p = dialect === 'petrarch' ? petrarchPhrase(o, file, line, true) : tabariPhrase(o, file, line);
  return p.words;
}
