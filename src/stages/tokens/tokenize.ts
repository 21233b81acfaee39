import { TokenTable, POS, FLAG, type PosTag } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Span } from '../../core/span.js';
import { isTitleDot, type Tokenizer } from '../../nlp/wink.js';
import { setDense } from '../../core/dense.js';

const QUOTE_CHARS = new Set(['"', '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‹', '›', '「', '」', '『', '』', "'", '``', "''"]);

/** The raw tokens of the whole text, with absolute start offsets, read chunk by chunk. */
interface MergedTokens {
  values: string[];
  lemmas: (string | undefined)[];
  pos: string[];
  types: string[];
  starts: number[];
  /** wink's lexeme numbers, when the tokenizer gives them */
  ids: number[] | null;
  /** 1 where wink starts a sentence, in the merged token numbering */
  sentStart: Uint8Array;
}

/**
 * Texts are handed to wink-nlp in chunks of whole paragraphs of about this
 * many characters. No sentence crosses a paragraph, so the tokens are the
 * same; but a long text (a 50,000-character speech) no longer makes one
 * document so large that its garbage outlives the young generation, which
 * is what drove the resident memory up on long texts.
 */
export const CHUNK_CHARS = 4000;

function chunkBounds(text: string, paragraphs: readonly Span[], chunkChars: number): number[] {
  const bounds = [0];
  for (const p of paragraphs) {
    if (p.start - bounds[bounds.length - 1]! >= chunkChars) bounds.push(p.start);
  }
  bounds.push(text.length);
  return bounds;
}

function analyseInChunks(text: string, paragraphs: readonly Span[], tokenizer: Tokenizer, chunkChars: number): MergedTokens {
  const bounds = chunkBounds(text, paragraphs, chunkChars);
  const out: MergedTokens = { values: [], lemmas: [], pos: [], types: [], starts: [], ids: [], sentStart: new Uint8Array(0) };
  const sentStarts: number[] = [];
  for (let c = 0; c + 1 < bounds.length; c++) {
    const from = bounds[c]!;
    const chunk = bounds.length === 2 ? text : text.slice(from, bounds[c + 1]);
    const raw = tokenizer.analyse(chunk);
    const base = out.values.length;
    let offset = 0;
    for (let i = 0; i < raw.values.length; i++) {
      offset += raw.spaces[i]!.length;
      const value = raw.values[i]!;
      let start = offset;
      if (chunk.startsWith(value, offset) === false) {
        // wink reports the text it saw; find the token where it really is
        const found = chunk.indexOf(value, offset);
        start = found >= 0 ? found : offset;
      }
      offset = start + value.length;
      out.values.push(value);
      out.lemmas.push(raw.lemmas[i]);
      out.pos.push(raw.pos[i]!);
      out.types.push(raw.types[i]!);
      out.starts.push(from + start);
      if (out.ids) {
        if (raw.ids) out.ids.push(raw.ids[i]!);
        else out.ids = null;
      }
    }
    for (const [a] of raw.sentences) sentStarts.push(base + a);
  }
  out.sentStart = new Uint8Array(out.values.length + 1);
  for (const a of sentStarts) out.sentStart[a] = 1;
  return out;
}

/**
 * What a token's text alone decides, remembered per wink lexeme: its
 * vocabulary id and the flags that follow from its letters and type. Valid
 * for one tokenizer (lexeme numbers) and one vocabulary (ids); the engine
 * renews both together, and a memo made for another vocabulary is dropped.
 */
interface LexemeMemo {
  vocab: Vocabulary;
  /** by lexeme number: vocabulary id of the lower-cased form, -1 not yet known */
  norm: number[];
  /** FLAG bits, and PUNCT_TYPE when wink calls it punctuation, a symbol or an emoji */
  flags: number[];
  /** the lemma text last seen with the lexeme, and its vocabulary id */
  lemmaText: (string | undefined)[];
  lemmaId: number[];
}
const memos = new WeakMap<Tokenizer, LexemeMemo>();
/** bit for "wink's type is punctuation, symbol or emoji" (a hyphen inside a word is not punctuation: decided per token) */
const PUNCT_TYPE = 0x10000;
/** lexemes remembered before the memo starts again (the engine renews the vocabulary long before) */
const LEXEME_MEMO_LIMIT = 2_000_000;

function memoFor(tokenizer: Tokenizer, vocab: Vocabulary): LexemeMemo {
  let m = memos.get(tokenizer);
  if (!m || m.vocab !== vocab || m.norm.length > LEXEME_MEMO_LIMIT) {
    m = { vocab, norm: [], flags: [], lemmaText: [], lemmaId: [] };
    memos.set(tokenizer, m);
  }
  return m;
}


/** the flags a token's text and wink type decide */
function lexemeFlags(value: string, lower: string, type: string | undefined): number {
  let f = 0;
  const c0 = value.charCodeAt(0);
  if (value[0] !== lower[0]) f |= FLAG.CAP;
  // only a token with a capital can be all capitals: upper-case it only then
  if (value.length > 1 && value !== lower && value === value.toUpperCase()) f |= FLAG.UPPER;
  if (type === 'punctuation' || type === 'symbol' || type === 'emoji') f |= PUNCT_TYPE;
  if (type === 'number' || (c0 >= 48 && c0 <= 57)) f |= FLAG.NUM;
  if (value.length <= 2 && QUOTE_CHARS.has(value)) f |= FLAG.QUOTE;
  return f;
}

/** "Rev" and a full stop right after it, before a capitalised word: one token "Rev." */
function titleDot(raw: MergedTokens, prev: number, i: number, next: number): boolean {
  if (prev < 0 || next < 0 || !isTitleDot(raw.values[prev]!, raw.values[i]!, raw.values[next])) return false;
  return raw.starts[prev]! + raw.values[prev]!.length === raw.starts[i];
}

/**
 * A sentence break wink-nlp put at token k that is none: after a title and
 * its full stop ("Rev." | "Kyev Tatum"), or after a one-letter abbreviation
 * inside a parenthesis still open ("(D-S." | "C.)").
 */
function noBreakAfter(text: string, start: Int32Array, end: Int32Array, k: number, s: number): boolean {
  if (!/^[A-Z]/.test(text.slice(s, s + 1))) return false;
  const prev = text.slice(start[k - 1]!, end[k - 1]!);
  if (prev.length > 1 && prev.endsWith('.')) return isTitleDot(prev.slice(0, -1), '.', text.slice(s, end[k]!));
  const dot = k - 1;
  if (prev !== '.' || end[dot - 1] !== start[dot]) return false;
  if (!/^[A-Z]$/.test(text.slice(start[dot - 1]!, end[dot - 1]!))) return false;
  // a parenthesis opened a few tokens before and not closed
  for (let t = dot - 2; t >= 0 && t >= dot - 6; t--) {
    const v = text.slice(start[t]!, end[t]!);
    if (v === ')') return false;
    if (v === '(') return true;
  }
  return false;
}

/**
 * Tokenises a whole article once: offsets, interned lower-cased forms and
 * lemmas, tags, flags and sentence ids. Sentences break where wink-nlp puts a
 * boundary and at every paragraph start (the headline is a paragraph), so no
 * sentence crosses a paragraph.
 */
export function tokenize(
  text: string,
  paragraphs: readonly Span[],
  tokenizer: Tokenizer,
  vocab: Vocabulary,
  chunkChars: number = CHUNK_CHARS,
): TokenTable {
  const words = closedWordsOf(vocab);
  const raw = analyseInChunks(text, paragraphs, tokenizer, chunkChars);
  const ids = raw.ids;
  const memo = memoFor(tokenizer, vocab);
  const n = raw.values.length;
  const keep: number[] = [];
  const starts: number[] = [];
  // kept tokens that took the full stop after them ("Rev" "." → "Rev.")
  const dotted = new Set<number>();
  const blank = (i: number) => raw.types[i] === 'tabCRLF' || raw.pos[i] === 'SPACE' || raw.values[i]!.trim() === '';
  for (let i = 0; i < n; i++) {
    if (blank(i)) continue;
    if (raw.values[i] === '.' && keep.length) {
      let next = i + 1;
      while (next < n && blank(next)) next++;
      if (titleDot(raw, keep[keep.length - 1]!, i, next < n ? next : -1)) {
        dotted.add(keep.length - 1);
        continue;
      }
    }
    keep.push(i);
    starts.push(raw.starts[i]!);
  }
  // sentence start flags in wink's token numbering
  const winkSentStart = raw.sentStart;

  const m = keep.length;
  const start = new Int32Array(m);
  const end = new Int32Array(m);
  const norm = new Int32Array(m);
  const lemma = new Int32Array(m);
  const pos = new Uint8Array(m);
  const flags = new Uint8Array(m);
  const sentence = new Int32Array(m);

  let para = 0;
  let sent = -1;
  let prevWink = -1;
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    const titled = dotted.has(k);
    const value = titled ? raw.values[i]! + '.' : raw.values[i]!;
    const s = starts[k]!;
    start[k] = s;
    end[k] = s + value.length;
    const h = ids && !titled ? ids[i]! : -1;
    let normId = h >= 0 ? memo.norm[h] ?? -1 : -1;
    let f: number;
    if (normId >= 0) f = memo.flags[h]!;
    else {
      const lower = value.toLowerCase();
      normId = vocab.intern(lower);
      f = lexemeFlags(value, lower, raw.types[i]);
      if (h >= 0) {
        setDense(memo.norm, h, normId, -1);
        setDense(memo.flags, h, f, 0);
      }
    }
    norm[k] = normId;
    // wink gives some tokens no lemma ("cannot"): the form stands for it
    const lem = titled ? undefined : raw.lemmas[i];
    if (lem === undefined || lem === '') lemma[k] = normId;
    else if (h >= 0 && memo.lemmaText[h] === lem) lemma[k] = memo.lemmaId[h]!;
    else {
      const lemId = vocab.intern(lem.toLowerCase());
      if (h >= 0) {
        setDense(memo.lemmaText, h, lem, undefined);
        setDense(memo.lemmaId, h, lemId, 0);
      }
      lemma[k] = lemId;
    }
    pos[k] = POS[raw.pos[i] as PosTag] ?? 0;
    if (f & PUNCT_TYPE) {
      f &= ~PUNCT_TYPE;
      // a hyphen inside a word ("two-hour", "build-up") joins it; it is not punctuation
      const inWord = value === '-' && s > 0 && s + 1 < text.length && /\w/.test(text[s - 1]!) && /\w/.test(text[s + 1]!);
      if (!inWord) f |= FLAG.PUNCT;
    }
    // paragraph boundary: the token starts at or after the next paragraph's start
    let newPara = k === 0;
    while (para + 1 < paragraphs.length && s >= paragraphs[para + 1]!.start) {
      para++;
      newPara = true;
    }
    let newSent = newPara;
    for (let j = prevWink + 1; j <= i; j++) if (winkSentStart[j]) newSent = true;
    prevWink = i;
    if (newSent && !newPara && k >= 2 && noBreakAfter(text, start, end, k, s)) newSent = false;
    if (newSent) {
      sent++;
      f |= FLAG.SENT_START;
    }
    if (newPara) f |= FLAG.PARA_START;
    flags[k] = f;
    sentence[k] = sent;
  }
  nameParts(text, start, end, norm, pos, sentence, words);
  perfectParticiples(text, start, end, norm, lemma, pos, sentence, vocab, words);
  return new TokenTable(m, start, end, norm, lemma, pos, flags, sentence);
}

/** the forms of the auxiliary verbs: a word the tagger calls an auxiliary that is none of them is no auxiliary */
const AUXILIARIES = [
  'be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', "'m", '’m', "'re", '’re',
  'have', 'has', 'had', 'having', "'ve", '’ve', "'d", '’d',
  'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "'ll", '’ll', 'wo', 'ca', 'ought', 'need', 'dare',
];
const HAVE_FORMS = ['has', 'have', 'had', "'ve", '’ve'];

/** what the two passes below look words up in, made once per vocabulary */
interface ClosedWords {
  aux: Set<number>;
  have: Set<number>;
  /** the vocabulary's size before it tokenised any text: its ids below are the dictionaries' words */
  dictionarySize: number;
}
const closedWords = new WeakMap<Vocabulary, ClosedWords>();

/** made at the first text, before its words are interned */
function closedWordsOf(vocab: Vocabulary): ClosedWords {
  let w = closedWords.get(vocab);
  if (!w) {
    const dictionarySize = vocab.size;
    w = { aux: new Set(AUXILIARIES.map((x) => vocab.intern(x))), have: new Set(HAVE_FORMS.map((x) => vocab.intern(x))), dictionarySize };
    closedWords.set(vocab, w);
  }
  return w;
}

/**
 * "Munich Re said": a capitalised word after a capitalised word, in the same
 * sentence, that the tagger read as an auxiliary but is no form of one, is
 * part of a name.
 */
function nameParts(text: string, start: Int32Array, end: Int32Array, norm: Int32Array, pos: Uint8Array, sentence: Int32Array, words: ClosedWords): void {
  for (let k = 1; k < pos.length; k++) {
    if (pos[k] !== POS.AUX || sentence[k] !== sentence[k - 1]) continue;
    const c = text.charCodeAt(start[k]!);
    const p = text.charCodeAt(start[k - 1]!);
    if (!(c >= 65 && c <= 90) || !(p >= 65 && p <= 90) || end[k]! - start[k]! < 2) continue;
    if (!words.aux.has(norm[k]!) && (pos[k - 1] === POS.PROPN || pos[k - 1] === POS.NOUN)) pos[k] = POS.PROPN;
  }
}

/**
 * "Israel, which has long accused Iran of …": a word in -ed that the tagger
 * took for a noun or an adjective, right after "has", "have" or "had" (or
 * after one adverb or "long" after them), is the past participle of a
 * perfect tense; so is one it took for a noun between a noun subject and
 * an object's determiner ("the man strangled his wife"), a past tense. It
 * becomes a verb, with the base form the dictionaries know ("accused" →
 * accuse, "attacked" → attack, "planned" → plan); a word they do not know
 * stays as the tagger read it.
 */
function perfectParticiples(text: string, start: Int32Array, end: Int32Array, norm: Int32Array, lemma: Int32Array, pos: Uint8Array, sentence: Int32Array, vocab: Vocabulary, words: ClosedWords): void {
  const { have, dictionarySize } = words;
  for (let k = 1; k < pos.length; k++) {
    const p = pos[k];
    if (p !== POS.NOUN && p !== POS.ADJ) continue;
    if (end[k]! - start[k]! < 4 || text.charCodeAt(end[k]! - 1) !== 100 /* d */ || text.charCodeAt(end[k]! - 2) !== 101 /* e */) continue;
    let j = k - 1;
    if (j > 0 && sentence[j] === sentence[k] && (pos[j] === POS.ADV || pos[j] === POS.ADJ) && !have.has(norm[j]!)) j--;
    // "the man strangled his wife": a word the tagger does not know, between its subject and an object's determiner
    const between = p === POS.NOUN && j === k - 1 && k + 1 < pos.length && sentence[k + 1] === sentence[k] && sentence[j] === sentence[k] &&
      (pos[j] === POS.NOUN || pos[j] === POS.PROPN) && (pos[k + 1] === POS.DET || pos[k + 1] === POS.PRON);
    if (!between && (sentence[j] !== sentence[k] || !have.has(norm[j]!) || pos[j] !== POS.AUX)) continue;
    const w = text.slice(start[k]!, end[k]!).toLowerCase();
    const stem = w.slice(0, -2);
    const candidates = [w.slice(0, -1), stem, stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : '', stem.endsWith('i') ? stem.slice(0, -1) + 'y' : ''];
    for (const cand of candidates) {
      // (a word of the dictionaries, so that what earlier texts taught the vocabulary changes nothing;
      // lookup gives 0 for a word it does not hold)
      const id = cand ? vocab.lookup(cand) : 0;
      if (id > 0 && id < dictionarySize) {
        pos[k] = POS.VERB;
        lemma[k] = id;
        break;
      }
    }
  }
}
