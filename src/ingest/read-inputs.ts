/**
 * Reads what a user points dyad at — files, folders (recursively), `-` for
 * stdin — and yields articles or problems, one at a time, so a bad input
 * never stops the batch. Formats: plain text, JSONL, HTML, RSS/Atom.
 */
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ArticleMeta } from './plain-text.js';
import { extractArticle } from './html.js';
import { isFeed, parseFeed } from './feeds.js';
import { normalizeDate } from './dates.js';

export type InputFormat = 'auto' | 'txt' | 'jsonl' | 'html' | 'feed';

export interface InputArticle extends ArticleMeta {
  text: string;
  origin: string;
}

export type InputItem =
  | { kind: 'article'; article: InputArticle }
  | { kind: 'problem'; origin: string; severity: 'warning' | 'error'; reason: string };

export interface ReadOptions {
  /** the date for articles whose input gives none (`--date`) */
  date?: string | null;
  format?: InputFormat;
  stdin?: Readable;
}

const TEXT_EXT = new Set(['.txt', '.text', '.md', '']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson', '.json']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf']);

const problem = (origin: string, reason: string, severity: 'warning' | 'error' = 'error'): InputItem => ({
  kind: 'problem',
  origin,
  severity,
  reason,
});

/** Whether a buffer looks like binary data rather than text. */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** The UTF-16 encoding a byte-order mark announces, if any. */
function utf16Of(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The text of an input, or null when it is binary. UTF-16 with a byte-order
 * mark is decoded as such (Windows editors write it); everything else is
 * UTF-8, or Latin-1 with a warning naming the first bad byte.
 */
export function decodeInput(buf: Buffer, origin: string): { text: string; problems: InputItem[] } | null {
  const utf16 = utf16Of(buf);
  if (utf16) return { text: new TextDecoder(utf16).decode(buf), problems: [] };
  if (looksBinary(buf)) return null;
  return decodeText(buf, origin);
}

/** UTF-8 text, or Latin-1 with a warning naming the first bad byte. */
export function decodeText(buf: Buffer, origin: string): { text: string; problems: InputItem[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), problems: [] };
  } catch {
    const text = buf.toString('utf8');
    const bad = text.indexOf('\uFFFD');
    const byteOffset = bad >= 0 ? Buffer.byteLength(text.slice(0, bad), 'utf8') : 0;
    return {
      text: buf.toString('latin1'),
      problems: [problem(origin, `not valid UTF-8 (first bad byte at offset ${byteOffset}); read as Latin-1`, 'warning')],
    };
  }
}

function metaFromJson(o: Record<string, unknown>, fallbackDate: string | null): ArticleMeta & { text?: unknown; badDate?: unknown } {
  const meta: ArticleMeta & { text?: unknown; badDate?: unknown } = { text: o.text ?? o.body ?? o.content };
  if (o.id !== undefined && o.id !== null) meta.id = String(o.id);
  if (typeof o.title === 'string') meta.title = o.title;
  else if (typeof o.headline === 'string') meta.title = o.headline;
  const given = o.date ?? o.published ?? o.publishedAt ?? o.pubDate ?? o.published_at;
  const date = normalizeDate(given);
  if (date === null && given !== undefined && given !== null && given !== '') meta.badDate = given;
  meta.date = date ?? fallbackDate;
  const url = o.url ?? o.link;
  if (typeof url === 'string') meta.url = url;
  if (typeof o.source === 'string') meta.source = o.source;
  return meta;
}

function jsonLine(line: string, origin: string, fallbackDate: string | null): InputItem | InputItem[] | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  let o: unknown;
  try {
    o = JSON.parse(trimmed);
  } catch (e) {
    return problem(origin, `malformed JSON: ${(e as Error).message}`);
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return problem(origin, 'a JSONL line must be an object with "text"');
  const meta = metaFromJson(o as Record<string, unknown>, fallbackDate);
  if (typeof meta.text !== 'string' || meta.text.trim() === '') return problem(origin, 'the object has no "text" string');
  const { text, badDate, ...rest } = meta;
  const article: InputItem = { kind: 'article', article: { ...rest, text: text as string, origin } };
  if (badDate === undefined) return article;
  const shown = JSON.stringify(badDate).slice(0, 60);
  return [problem(origin, `date ${shown} is not a date dyad can read; the article is dated ${rest.date ?? 'unknown'}`, 'warning'), article];
}

async function* readJsonl(stream: Readable, name: string, fallbackDate: string | null): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const item = jsonLine(line, `${name}:${n}`, fallbackDate);
    if (Array.isArray(item)) yield* item;
    else if (item) yield item;
  }
}

/** JSONL by content: the first line is a JSON object, or most of the first ten are (the first may be the broken one). */
function looksJsonl(head: string): boolean {
  if (head.startsWith('{')) return true;
  const lines = head.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 10);
  const objects = lines.filter((l) => l.startsWith('{') && l.endsWith('}')).length;
  return lines.length >= 2 && objects * 2 > lines.length;
}

function* fromText(text: string, origin: string, format: InputFormat, fallbackDate: string | null): Generator<InputItem> {
  const head = text.trimStart().slice(0, 4000);
  const fmt: InputFormat =
    format !== 'auto' ? format
    : /^<!doctype html|^<html[\s>]/i.test(head) ? 'html'
    : isFeed(head) ? 'feed'
    : looksJsonl(head) ? 'jsonl'
    : 'txt';
  if (text.trim() === '') {
    yield problem(origin, 'empty input: nothing to code');
    return;
  }
  if (fmt === 'jsonl') {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const item = jsonLine(lines[i]!, `${origin}:${i + 1}`, fallbackDate);
      if (Array.isArray(item)) yield* item;
      else if (item) yield item;
    }
  } else if (fmt === 'html') {
    const page = extractArticle(text);
    if (!page) {
      yield problem(origin, 'no article text found in the HTML page');
      return;
    }
    const a: InputArticle = { title: page.title, text: page.text, date: normalizeDate(page.date) ?? fallbackDate, origin };
    if (page.url) a.url = page.url;
    if (page.siteName) a.source = page.siteName;
    yield { kind: 'article', article: a };
  } else if (fmt === 'feed') {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (e) {
      yield problem(origin, `not a readable feed: ${(e as Error).message}`);
      return;
    }
    if (!feed.items.length) yield problem(origin, 'the feed has no items', 'warning');
    for (const [i, item] of feed.items.entries()) {
      const o = `${origin}#${i + 1}`;
      if (!item.text.trim() && !item.title.trim()) {
        yield problem(o, 'feed item has no title and no text');
        continue;
      }
      const a: InputArticle = { title: item.title, text: item.text || item.title, date: normalizeDate(item.date) ?? fallbackDate, origin: o };
      if (item.id) a.id = item.id;
      if (item.url) a.url = item.url;
      if (item.source) a.source = item.source;
      yield { kind: 'article', article: a };
    }
  } else {
    yield { kind: 'article', article: { text, date: fallbackDate, origin } };
  }
}

function formatOfPath(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) return 'jsonl';
  if (HTML_EXT.has(ext)) return 'html';
  if (FEED_EXT.has(ext)) return 'auto';
  return 'auto';
}

type WalkItem = { path: string } | { problem: InputItem };

async function* walk(dir: string): AsyncGenerator<WalkItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { problem: problem(dir, `cannot read the folder: ${(e as Error).message}`) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield { path: p };
  }
}

function knownExt(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TEXT_EXT.has(ext) || JSONL_EXT.has(ext) || HTML_EXT.has(ext) || FEED_EXT.has(ext);
}

async function* readFileInput(path: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  const fallback = opts.date ?? null;
  const format = opts.format && opts.format !== 'auto' ? opts.format : formatOfPath(path);
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    yield problem(path, `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
    return;
  }
  if (format === 'jsonl' && info.size > 8 * 1024 * 1024) {
    // large JSONL files are streamed line by line
    yield* readJsonl(createReadStream(path, { encoding: 'utf8' }), path, fallback);
    return;
  }
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    yield problem(path, `cannot read: ${(e as Error).message}`);
    return;
  }
  const decoded = decodeInput(buf, path);
  if (!decoded) {
    yield problem(path, 'binary file, not text: skipped');
    return;
  }
  yield* decoded.problems;
  yield* fromText(decoded.text, path, format, fallback);
}

/** Yields every article (or problem) from the given paths, in order. */
export async function* readInputs(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const p of paths) {
    if (p === '-') {
      const stdin = opts.stdin ?? process.stdin;
      const chunks: Buffer[] = [];
      for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
      const decoded = decodeInput(Buffer.concat(chunks), 'stdin');
      if (!decoded) {
        yield problem('stdin', 'binary data, not text: skipped');
        continue;
      }
      yield* decoded.problems;
      yield* fromText(decoded.text, 'stdin', opts.format ?? 'auto', opts.date ?? null);
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch {
      yield problem(p, 'cannot read: no such file or folder');
      continue;
    }
    if (info.isDirectory()) {
      for await (const w of walk(p)) {
        if ('problem' in w) {
          yield w.problem;
          continue;
        }
        const f = w.path;
        if (!knownExt(f)) {
          yield problem(f, `skipped: ${basename(f)} is not a text, JSONL, HTML or feed file`, 'warning');
          continue;
        }
        yield* readFileInput(f, opts);
      }
    } else {
      yield* readFileInput(p, opts);
    }
  }
}
