/**
 * Bad input never crashes the batch and never drops good articles (issue 2,
 * "Must hold" 4), checked end to end through the built CLI
 * (`node bin/dyad.js code ...`) on files this test writes into a temp folder:
 * an empty file, a binary file, invalid UTF-8, a malformed JSONL line, a
 * 20 MB single-line file, text in another language, HTML with no article.
 * Each gets one clear line on stderr naming the input; the exit status says
 * whether anything failed. Also: stdin, folders, HTML pages, RSS and Atom.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/shared.js';

const BIN = join(REPO, 'bin', 'dyad.js');
const CLI_JS = join(REPO, 'dist', 'src', 'cli', 'index.js');
const FIXTURES = join(REPO, 'test', 'cli', 'fixtures');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function dyad(args: string[], input?: string | Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input ?? '');
  });
}

const jsonLines = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
const stderrLines = (s: string) => s.split('\n').filter((l) => l !== '');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The CLI runs from dist/: build it when it is missing or older than the sources. */
function ensureBuilt(): void {
  if (existsSync(CLI_JS) && statSync(CLI_JS).mtimeMs >= newestMtime(join(REPO, 'src'))) return;
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO, encoding: 'utf8' });
  if (!existsSync(CLI_JS)) throw new Error(`could not build dyad for the CLI tests:\n${r.stdout}${r.stderr}`);
}

const GOOD = 'Russia demands guarantees\n\nRussia demanded written guarantees from the U.S. on Wednesday.\n';
const GOOD2 = 'Talks in Vienna\n\nChinese officials met American diplomats in Vienna on Tuesday.\n';
const FRENCH = [
  'La Russie exige des garanties',
  '',
  "Le ministre des Affaires étrangères a déclaré mardi que le gouvernement était prêt à reprendre les négociations avec ses voisins. Selon lui, les deux pays doivent trouver un accord avant la fin de l'année, faute de quoi les sanctions économiques seront renforcées.",
  '',
  "L'opposition a critiqué cette position et demandé un débat au parlement sur la politique étrangère du pays.",
].join('\n');

let dir: string;
const path = (...p: string[]) => join(dir, ...p);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'dyad-bad-input-'));
  const batch = path('batch');
  mkdirSync(join(batch, 'more', 'deeper'), { recursive: true });
  writeFileSync(join(batch, 'a-good.txt'), GOOD);
  writeFileSync(join(batch, 'more', 'deeper', 'b-good.txt'), GOOD2);
  writeFileSync(join(batch, 'empty.txt'), '');
  // binary: bytes of every value, NULs included (as in images, archives, executables)
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 97 + 13) % 256;
  writeFileSync(join(batch, 'binary.txt'), bin);
  // Latin-1 bytes (0xA3 £, 0xE9 é) that are not valid UTF-8
  writeFileSync(join(batch, 'latin1.txt'), Buffer.concat([Buffer.from('Prices rise\n\nRussia demanded guarantees from NATO. Bread costs '), Buffer.from([0xa3]), Buffer.from('2 in the caf'), Buffer.from([0xe9]), Buffer.from('.\n')]));
  writeFileSync(
    join(batch, 'stories.jsonl'),
    [
      JSON.stringify({ id: 'story-1', title: 'Demands', text: 'Russia demanded written guarantees from the U.S. on Wednesday.', date: '2022-01-27' }),
      '{"id": "story-2", "text": "the quote is never closed}',
      JSON.stringify({ id: 'story-3', text: 'Chinese officials met American diplomats in Vienna on Tuesday.', published: '2022-01-26T10:00:00Z' }),
      JSON.stringify({ id: 'story-4', title: 'no text here' }),
      JSON.stringify({ id: 'story-5', text: 'Chinese officials met American diplomats.', date: 'the other day' }),
    ].join('\n') + '\n',
  );
  // 20 MB on one line: English words, no line break
  const words = 'Russia demanded written guarantees from the United States and NATO while officials said talks would continue '.repeat(200);
  writeFileSync(join(batch, 'huge.txt'), words.repeat(Math.ceil(20_000_000 / words.length)).slice(0, 20_000_000));
  writeFileSync(join(batch, 'french.txt'), FRENCH);
  copyFileSync(join(FIXTURES, 'noarticle.html'), join(batch, 'noarticle.html'));
  writeFileSync(join(batch, 'photo.png'), bin);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a folder of good and bad inputs, recursively', () => {
  let run: Run;
  beforeAll(async () => {
    run = await dyad(['code', path('batch'), '--date', '2022-01-27']);
  }, 120_000);

  const lineFor = (file: string) => stderrLines(run.stderr).filter((l) => l.startsWith(`dyad: ${path('batch', file)}`));

  it('exits 1: something failed, the rest was coded', () => {
    expect(run.code, run.stderr).toBe(1);
  });

  it('codes every good article, including those in subfolders and the good JSONL lines', () => {
    const docs = jsonLines(run.stdout);
    const titles = docs.map((d) => d.title);
    expect(titles).toContain('Russia demands guarantees');
    expect(titles).toContain('Talks in Vienna');
    expect(docs.map((d) => d.id)).toEqual(expect.arrayContaining(['story-1', 'story-3', 'story-5']));
    expect(docs.find((d) => d.id === 'story-3')!.date).toBe('2022-01-26');
    expect(docs.find((d) => d.title === 'Talks in Vienna')!.date).toBe('2022-01-27');
    // the example sentence of the issue codes to an event, so the good files went through the whole pipeline
    expect(docs.find((d) => d.title === 'Russia demands guarantees')!.events.length).toBeGreaterThan(0);
  });

  it('an empty file: an error naming it', () => {
    expect(lineFor('empty.txt')).toEqual([expect.stringMatching(/empty\.txt: empty input/)]);
  });

  it('a binary file: an error naming it, and nothing coded from it', () => {
    expect(lineFor('binary.txt')).toEqual([expect.stringMatching(/binary\.txt: binary file, not text: skipped/)]);
  });

  it('a file that is not text, JSONL, HTML or a feed: a warning naming it', () => {
    expect(lineFor('photo.png')).toEqual([expect.stringMatching(/photo\.png: warning: skipped/)]);
  });

  it('invalid UTF-8: a warning naming the file and the byte offset; read as Latin-1 and coded', () => {
    const offset = Buffer.byteLength('Prices rise\n\nRussia demanded guarantees from NATO. Bread costs ');
    expect(lineFor('latin1.txt')).toEqual([expect.stringMatching(new RegExp(`latin1\\.txt: warning: not valid UTF-8 \\(first bad byte at offset ${offset}\\); read as Latin-1`))]);
    const doc = jsonLines(run.stdout).find((d) => d.title === 'Prices rise');
    expect(doc?.text).toContain('costs £2 in the café.');
  });

  it('a malformed JSONL line and a line with no text: errors naming file and line; the other lines coded', () => {
    const lines = lineFor('stories.jsonl');
    expect(lines).toEqual([
      expect.stringMatching(/stories\.jsonl:2: malformed JSON/),
      expect.stringMatching(/stories\.jsonl:4: the object has no "text" string/),
      expect.stringMatching(/stories\.jsonl:5: warning: date "the other day" is not a date dyad can read; the article is dated 2022-01-27/),
    ]);
    expect(jsonLines(run.stdout).find((d) => d.id === 'story-5')?.date).toBe('2022-01-27');
  });

  it('a 20 MB single-line file: an error naming it and the limit; not coded, the batch goes on', () => {
    expect(lineFor('huge.txt')).toEqual([expect.stringMatching(/huge\.txt: article is 20000000 characters, over the limit of 2000000; not coded/)]);
    expect(jsonLines(run.stdout).some((d) => d.text.length > 2_000_000)).toBe(false);
  });

  it('text in another language: coded, with a warning naming the file that it is not English', () => {
    expect(lineFor('french.txt')).toEqual([expect.stringMatching(/french\.txt: warning: the text does not look like English/)]);
    const doc = jsonLines(run.stdout).find((d) => d.title === 'La Russie exige des garanties');
    expect(doc).toBeDefined();
    expect(doc!.messages.map((m: { rule: string }) => m.rule)).toContain('ingest/not-english');
  });

  it('HTML with no article: an error naming it', () => {
    expect(lineFor('noarticle.html')).toEqual([expect.stringMatching(/noarticle\.html: no article text found in the HTML page/)]);
  });

  it('writes the same, in the same order, article by article (--batch 1) as in batches', async () => {
    const one = await dyad(['code', path('batch'), '--date', '2022-01-27', '--batch', '1']);
    expect(one.code).toBe(run.code);
    expect(one.stdout).toBe(run.stdout);
    expect(one.stderr).toBe(run.stderr);
  }, 120_000);

  it('every stderr line names an input of the batch', () => {
    for (const l of stderrLines(run.stderr)) expect(l.startsWith(`dyad: ${path('batch')}`), l).toBe(true);
    // good English files give no message
    expect(lineFor('a-good.txt')).toEqual([]);
    expect(lineFor(join('more', 'deeper', 'b-good.txt'))).toEqual([]);
  });
});

describe('exit status', () => {
  it('0 when every input was coded, even with warnings', async () => {
    const r = await dyad(['code', path('batch', 'a-good.txt'), path('batch', 'latin1.txt'), path('batch', 'french.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(stderrLines(r.stderr)).toHaveLength(2);
    expect(jsonLines(r.stdout)).toHaveLength(3);
  });

  it('--quiet keeps warnings off stderr but not errors', async () => {
    const r = await dyad(['code', '--quiet', path('batch', 'latin1.txt'), path('batch', 'empty.txt')]);
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toEqual([expect.stringMatching(/empty\.txt: empty input/)]);
  });

  it('1 for a path that does not exist, naming it; the other inputs still coded', async () => {
    const missing = path('no-such-file.txt');
    const r = await dyad(['code', missing, path('batch', 'a-good.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dyad: ${missing}: cannot read: no such file or folder`);
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });

  it('--max-chars sets the size limit', async () => {
    const r = await dyad(['code', '--max-chars', '20', path('batch', 'a-good.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a-good\.txt: article is \d+ characters, over the limit of 20; not coded/);
    expect(r.stdout).toBe('');
  });

  it('2 for a usage error', async () => {
    const r = await dyad(['code', '--format', 'xml', path('batch', 'a-good.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
  });

  it('is documented in `dyad code --help`', async () => {
    const r = await dyad(['code', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit status: 0 every input was coded/);
    expect(r.stdout).toMatch(/1 some input failed/);
    expect(r.stdout).toMatch(/2 usage or configuration error/);
  });
});

describe('stdin, HTML pages and feeds', () => {
  it('cat stories.jsonl | dyad code - --format plover: PLOVER records for the good lines, the bad one reported as stdin:2', async () => {
    const stories = [
      JSON.stringify({ id: 'w1', text: 'Russia demanded written guarantees from the U.S. on Wednesday.', date: '2022-01-27', url: 'https://news.example.org/1' }),
      '{"id": "w2", "text": ',
      JSON.stringify({ id: 'w3', title: 'Talks', text: 'Chinese officials met American diplomats in Vienna on Tuesday.', date: '2022-01-27' }),
    ].join('\n');
    const r = await dyad(['code', '-', '--format', 'plover'], stories);
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toEqual([expect.stringMatching(/^dyad: stdin:2: malformed JSON/)]);
    const records = jsonLines(r.stdout);
    expect(records.length).toBeGreaterThan(0);
    for (const rec of records) {
      expect(rec.id).toMatch(/^w[13]-\d+$/);
      expect(rec.event).toHaveLength(1);
      expect(typeof rec.date).toBe('string');
      expect(Array.isArray(rec.actor)).toBe(true);
      expect(rec.text.length).toBeGreaterThan(0);
    }
    expect(records.find((rec) => rec.id.startsWith('w1-'))?.cite_info.url).toBe('https://news.example.org/1');
  });

  it('stdin whose first JSONL line is broken is still read as JSONL', async () => {
    const stories = ['not json at all', JSON.stringify({ id: 's1', text: GOOD }), JSON.stringify({ id: 's2', text: GOOD2 })].join('\n');
    const r = await dyad(['code', '-'], stories);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dyad: stdin:1: malformed JSON/);
    expect(jsonLines(r.stdout).map((d) => d.id)).toEqual(['s1', 's2']);
  });

  it('plain text on stdin, with --date', async () => {
    const r = await dyad(['code', '-', '--date', '2022-01-27', '--format', 'tsv'], GOOD);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header!.split('\t')[0]).toBe('EventID');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('UTF-16 text with a byte-order mark is decoded, not taken for binary', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
    writeFileSync(path('utf16.txt'), utf16);
    const r = await dyad(['code', path('utf16.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines(r.stdout)[0]!.title).toBe('Russia demands guarantees');
  });

  it('an HTML page: the article text, headline, date, canonical URL and site name; not the navigation or footer', async () => {
    const r = await dyad(['code', join(FIXTURES, 'article.html')]);
    expect(r.code, r.stderr).toBe(0);
    const [doc, ...rest] = jsonLines(r.stdout);
    expect(rest).toHaveLength(0);
    expect(doc!.title).toBe('Ministers meet in Vienna as Russia demands guarantees');
    expect(doc!.date).toBe('2022-01-27');
    expect(doc!.url).toBe('https://news.example.org/world/2022/01/27/vienna-talks');
    expect(doc!.source).toBe('Example Wire');
    expect(doc!.text).toContain('Russia demanded written guarantees from the U.S. on Wednesday');
    expect(doc!.text).toContain('Negotiators are expected to meet again next month.');
    for (const junk of ['Sign in', 'Most read', 'Cookie settings', 'Local team wins']) expect(doc!.text).not.toContain(junk);
    // headline and four body paragraphs are sentence boundaries
    expect(doc!.sentences[0]).toMatchObject({ start: 0, end: doc!.title.length, paragraph: 0 });
  });

  it('an RSS 2.0 feed: each item an article, with its guid, link, date and the feed title as source', async () => {
    const r = await dyad(['code', join(FIXTURES, 'feed.rss')]);
    expect(r.code, r.stderr).toBe(0);
    const docs = jsonLines(r.stdout);
    expect(docs.map((d) => [d.id, d.title, d.date, d.url, d.source])).toEqual([
      ['ew-2022-0126-001', 'Russia demands written guarantees from the U.S.', '2022-01-26', 'https://news.example.org/world/2022/01/26/guarantees', 'Example Wire: World'],
      ['ew-2022-0127-002', 'China criticises new sanctions', '2022-01-27', 'https://news.example.org/world/2022/01/27/sanctions', 'Example Wire: World'],
    ]);
    // content:encoded is preferred to the description; HTML is turned into paragraphs, entities decoded
    expect(docs[0]!.text).toContain('a reply was expected & would be studied closely');
    expect(docs[0]!.text).not.toContain('<p>');
    expect(docs[1]!.text).toContain('Chinese officials criticised the sanctions');
  });

  it('an Atom feed: each entry an article, with its id, alternate link and published date', async () => {
    const r = await dyad(['code', join(FIXTURES, 'feed.atom'), '--format', 'tsv']);
    expect(r.code, r.stderr).toBe(0);
    const jr = await dyad(['code', join(FIXTURES, 'feed.atom')]);
    const docs = jsonLines(jr.stdout);
    expect(docs.map((d) => [d.id, d.date, d.url])).toEqual([
      ['urn:example-wire:2022-0125-014', '2022-01-25', 'https://news.example.org/diplomacy/2022/01/25/meeting'],
      ['urn:example-wire:2022-0127-003', '2022-01-27', 'https://news.example.org/diplomacy/2022/01/27/demands'],
    ]);
    expect(docs[1]!.text).toContain('Russia demanded written guarantees from NATO');
    // the TSV holds one line per event of these articles, each naming its article
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(docs.reduce((n, d) => n + d.events.length, 0));
    const ids = new Set(docs.map((d) => d.id));
    const header = r.stdout.split('\n')[0]!.split('\t');
    for (const row of rows) expect(ids.has(row.split('\t')[header.indexOf('ArticleID')]!)).toBe(true);
  });

  it('a folder of HTML and feeds, by extension', async () => {
    const web = path('web');
    mkdirSync(web, { recursive: true });
    for (const f of ['article.html', 'feed.rss', 'feed.atom']) copyFileSync(join(FIXTURES, f), join(web, f));
    const r = await dyad(['code', web]);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines(r.stdout)).toHaveLength(5);
    expect(relative(dir, web)).toBe('web');
  });
});
