import type { Article } from '../core/article.js';
import type { Span } from '../core/span.js';
import { normalizeText } from './normalize.js';

export interface ArticleMeta {
  id?: string;
  title?: string;
  date?: string | null;
  url?: string;
  source?: string;
  origin?: string;
}

const SENTENCE_END = /[.!?:;"”’»)\]]\s*$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/**
 * Paragraph spans of a body. Blank lines always separate paragraphs. Inside a
 * block, a line break separates paragraphs too, unless the text is
 * hard-wrapped (most lines of similar length and not ending a sentence), in
 * which case a break counts only after a line that ends a sentence and is
 * visibly shorter than the wrap width.
 */
export function findParagraphs(text: string, from = 0): Span[] {
  const lines = linesOf(text).filter((l) => l.start >= from);
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const lengths = nonEmpty.map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths.length ? lengths[Math.floor(lengths.length * 0.9)]! : 0;
  const unterminated = nonEmpty.filter((l) => !SENTENCE_END.test(l.text)).length;
  const wrapped = nonEmpty.length >= 4 && width > 0 && width <= 110 && unterminated > nonEmpty.length * 0.4;
  const out: Span[] = [];
  let cur: Span | null = null;
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const lead = t.length - t.trimStart().length;
    const trail = t.length - t.trimEnd().length;
    const span = { start: l.start + lead, end: l.end - trail };
    if (!cur) {
      cur = span;
    } else if (wrapped) {
      cur.end = span.end;
    } else {
      out.push(cur);
      cur = span;
    }
    if (wrapped && SENTENCE_END.test(t) && t.trimEnd().length < width * 0.8) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A plain-text story: the first non-empty line is the headline (unless a
 * title is given); a line that repeats the line before it is read once; each
 * further line or blank-line-separated block is a paragraph.
 */
export function articleFromText(raw: string, meta: ArticleMeta = {}): Omit<Article, 'id'> & { id?: string } {
  let text = normalizeText(raw);
  // drop a line that repeats the line before it (the seed repeats its headline)
  const lines = text.split('\n');
  const kept: string[] = [];
  let prev: string | null = null;
  for (const line of lines) {
    const t = line.trim();
    if (t !== '' && prev !== null && t === prev) continue;
    kept.push(line);
    if (t !== '') prev = t;
  }
  text = kept.join('\n');

  let title = '';
  let bodyFrom = 0;
  const paragraphs: Span[] = [];
  if (meta.title !== undefined && meta.title.trim() !== '') {
    title = normalizeText(meta.title).replace(/\s+/g, ' ').trim();
    const body = text.trim();
    if (body.startsWith(title)) {
      text = body;
    } else {
      text = body ? `${title}\n\n${body}` : title;
    }
    paragraphs.push({ start: 0, end: title.length });
    bodyFrom = title.length;
  } else {
    const m = /\S[^\n]*/.exec(text);
    if (m) {
      const headline = m[0].trimEnd();
      title = headline;
      paragraphs.push({ start: m.index, end: m.index + headline.length });
      bodyFrom = m.index + m[0].length;
    }
  }
  paragraphs.push(...findParagraphs(text, bodyFrom).filter((p) => p.start >= bodyFrom));
  const article: Omit<Article, 'id'> & { id?: string } = {
    title,
    text,
    date: meta.date ?? null,
    paragraphs,
  };
  if (meta.id !== undefined) article.id = meta.id;
  if (meta.url !== undefined) article.url = meta.url;
  if (meta.source !== undefined) article.source = meta.source;
  if (meta.origin !== undefined) article.origin = meta.origin;
  return article;
}
