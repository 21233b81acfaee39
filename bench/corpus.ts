/**
 * The benchmark corpora, read from ../shared/data/corpus (see each folder's
 * SOURCE.md). Nothing here is copied into the repository: the texts are read
 * where they are, into memory, before anything is timed.
 *
 *   wikinews  English Wikinews 2019–2021, 295 articles (CSV)         default
 *   bbc       BBC News 2004–2005, 2,225 articles (one file each)     default
 *   reuters   Reuters-21578, 2 SGML files, 2,000 documents (Latin-1) --reuters
 *   un        UN General Debate speeches 2015–2024, 1,938 (~25 MB)   --un
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeText } from '../src/ingest/read-inputs.js';

export interface BenchArticle {
  corpus: string;
  origin: string;
  text: string;
  title?: string;
  date: string | null;
  url?: string;
  source?: string;
}

export type CorpusName = 'wikinews' | 'bbc' | 'reuters' | 'un';

export const DEFAULT_CORPORA: readonly CorpusName[] = ['wikinews', 'bbc'];

function* files(dir: string, ext: string): Generator<string> {
  for (const e of readdirSync(dir).sort()) {
    if (e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p, ext);
    else if (p.endsWith(ext)) yield p;
  }
}

function wikinews(root: string): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const name of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
    const rows = parse(readFileSync(join(root, 'wikinews', name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    rows.forEach((r, i) => {
      const a: BenchArticle = { corpus: 'wikinews', origin: `${name}:${i + 2}`, text: r.text ?? '', date: r.date || null, source: 'Wikinews' };
      if (r.title) a.title = r.title;
      if (r.url) a.url = r.url;
      out.push(a);
    });
  }
  return out;
}

function bbc(root: string): BenchArticle[] {
  const dir = join(root, 'news-mix', 'bbc');
  const out: BenchArticle[] = [];
  for (const f of files(dir, '.txt')) {
    if (f.endsWith('README.TXT')) continue;
    // one file (sport/199.txt) holds a Latin-1 byte: decoded as the CLI decodes it
    const { text } = decodeText(readFileSync(f), f);
    out.push({ corpus: 'bbc', origin: relative(dir, f), text, date: null, source: 'BBC News' });
  }
  return out;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function sgmlText(s: string): string {
  return s.replace(/&(#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const n = Number(e.slice(1));
      return n < 32 ? ' ' : String.fromCharCode(n);
    }
    return ENTITIES[e] ?? m;
  });
}

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

function reuters(root: string): BenchArticle[] {
  const dir = join(root, 'news-mix', 'reuters21578');
  const out: BenchArticle[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.sgm')).sort()) {
    // SGML, not XML, and Latin-1 (reut2-017.sgm holds a raw 0xFC byte)
    const sgml = readFileSync(join(dir, name), 'latin1');
    for (const m of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const doc = m[2]!;
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(doc)?.[1];
      if (!body) continue; // headline-only briefs and unprocessed texts
      const title = sgmlText(/<TITLE>([\s\S]*?)<\/TITLE>/.exec(doc)?.[1] ?? '').trim();
      const d = /<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(doc);
      const date = d ? `${d[3]}-${MONTHS[d[2]!] ?? '01'}-${d[1]!.padStart(2, '0')}` : null;
      const a: BenchArticle = { corpus: 'reuters', origin: `${name}#${m[1]}`, text: sgmlText(body).replace(/\s*Reuter\s*$/, ''), date, source: 'Reuters' };
      if (title) a.title = title;
      out.push(a);
    }
  }
  return out;
}

function un(root: string): BenchArticle[] {
  const dir = join(root, 'un-debates');
  const out: BenchArticle[] = [];
  for (const f of files(dir, '.txt')) {
    if (f.endsWith('README.txt') || f.endsWith('SOURCE.md')) continue;
    const { text } = decodeText(readFileSync(f), f);
    // speeches have no headline (the file name stands for it) and only a year, no day
    out.push({ corpus: 'un', origin: relative(dir, f), text, title: relative(dir, f), date: null, source: 'UN General Debate' });
  }
  return out;
}

const READERS: Record<CorpusName, (root: string) => BenchArticle[]> = { wikinews, bbc, reuters, un };

/** The folder of the shared corpora: DYAD_SHARED/data/corpus, else ../shared beside the checkout. */
export function corpusRoot(repo: string): string {
  const shared = process.env.DYAD_SHARED ?? join(repo, '..', 'shared');
  return join(shared, 'data', 'corpus');
}

export function loadCorpora(root: string, names: readonly CorpusName[]): BenchArticle[] {
  if (!existsSync(root)) throw new Error(`the benchmark corpora are not at ${root} (set DYAD_SHARED to the folder holding data/corpus)`);
  return names.flatMap((n) => READERS[n](root));
}
