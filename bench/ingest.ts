/**
 * The ingest benchmark (issue 5, scale check): ingests a large corpus — the
 * shared corpora repeated, each copy with its own ids, a marked text and
 * shifted dates — through `dyad ingest`'s own code path into SQLite and
 * PostgreSQL, and prints
 *   - articles/s of ingest, against articles/s of coding the same articles
 *     alone (goal: ingest ≥ 80% of coding alone),
 *   - the size of the database at the end,
 *   - the latency of the main queries at that size (goal: < 100 ms each):
 *     events of a dyad in a month, a dyad's weekly series, the top dyads of
 *     a month (and, for information, top actors, a text search, one article).
 *
 *     node dist/bench/ingest.js [--articles N] [--backends sqlite,postgres]
 *                               [--postgres URL] [--dir DIR] [--keep] [--json]
 *
 * Default 5,000 articles (a few minutes); the figures in docs/storage.md are
 * from `--articles 100000`. PostgreSQL: --postgres, else DYAD_TEST_POSTGRES /
 * DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; a fresh schema
 * is made and dropped afterwards (kept with --keep).
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { ingestCommand } from '../src/cli/ingest.js';
import { createEngine, type Engine } from '../src/engine.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/types.js';
import { corpusRoot, loadCorpora, type BenchArticle, type CorpusName } from './corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, existsSync(join(HERE, '..', 'package.json')) ? '..' : '../..');

export interface IngestBenchOptions {
  /** the distinct articles to repeat (default: all four shared corpora) */
  articles?: readonly BenchArticle[];
  repo?: string;
  corpusRoot?: string;
  /** how many articles to ingest (default 5,000) */
  n?: number;
  backends?: ('sqlite' | 'postgres')[];
  postgres?: string;
  /** where the JSONL input and the SQLite file go (default: a temp folder, removed afterwards) */
  dir?: string;
  keep?: boolean;
  /** runs of each query timed (default 30) */
  queryRuns?: number;
  /** print the report (default true) */
  print?: boolean;
  log?: (line: string) => void;
}

export interface QueryTiming {
  name: string;
  /** what it asked, e.g. the dyad and month */
  detail: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  rows: number;
  /** one of the goal queries (< 100 ms) */
  goal: boolean;
}

export interface BackendFigures {
  backend: 'sqlite' | 'postgres';
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** ingest rate ÷ coding-alone rate */
  ratioToCoding: number;
  /** share of the ingest run's own time spent coding (immune to load changing between runs) */
  codingShare: number;
  /** CPU seconds of this process (PostgreSQL's server processes not included) */
  cpuSeconds: number;
  /** coding-alone CPU per article ÷ ingest CPU per article: the same ratio measured in CPU time, which other processes on the machine do not distort */
  cpuRatioToCoding: number;
  events: number;
  mentions: number;
  sizeBytes: number;
  queries: QueryTiming[];
}

export interface IngestBenchResult {
  n: number;
  distinct: number;
  inputBytes: number;
  coding: { articles: number; seconds: number; cpuSeconds: number; articlesPerSecond: number };
  backends: BackendFigures[];
}

const DAY = 86_400_000;
const ALL: CorpusName[] = ['wikinews', 'bbc', 'reuters', 'un'];

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Article `i` of the repeated corpus: copy k of base article j, with its own id, text and date. */
function nth(base: readonly BenchArticle[], i: number): Record<string, unknown> {
  const j = i % base.length;
  const k = Math.floor(i / base.length);
  const a = base[j]!;
  // undated corpora (BBC, the UN speeches) get a date spread over 2015–2019; each copy moves 97 days on
  const d0 = a.date ?? shift('2015-01-01', (j * 7919) % 1826);
  const o: Record<string, unknown> = {
    id: `bench-${k}-${j}`,
    text: k === 0 ? a.text : `${a.text}\n\n(Copy ${k} of this article, for the benchmark.)`,
    date: shift(d0, k * 97),
  };
  if (a.title) o.title = a.title;
  if (a.url) o.url = a.url;
  if (a.source) o.source = a.source;
  return o;
}

async function writeCorpus(base: readonly BenchArticle[], n: number, file: string): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const line = JSON.stringify(nth(base, i)) + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return bytes;
}

/** Coding alone: what ingest does (read, normalise, code) minus the store. */
async function codeAlone(engine: Engine, file: string, limit: number): Promise<{ articles: number; seconds: number; cpuSeconds: number }> {
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for await (const item of readInputs([file])) {
    if (item.kind !== 'article') continue;
    engine.output(engine.run(engine.article(item.article)));
    if (++n >= limit) break;
  }
  return { articles: n, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuSince(c0) };
}

async function timeQuery(name: string, detail: string, goal: boolean, runs: number, fn: () => Promise<number>): Promise<QueryTiming> {
  let rows = await fn(); // warm: plan caches, pages in memory
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { name, detail, medianMs: at(0.5), p95Ms: at(0.95), maxMs: ms[ms.length - 1]!, rows, goal };
}

async function queries(store: Store, runs: number): Promise<QueryTiming[]> {
  const [dyad] = await store.dyads({ limit: 1 });
  if (!dyad) return [];
  const monthly = await store.series({ source: dyad.source, target: dyad.target, interval: 'month' });
  const busiest = [...monthly.points].sort((a, b) => b.events - a.events)[0]!;
  const month = { from: busiest.period, to: busiest.end };
  const stats = await store.stats();
  const busyMonth = await busiestMonth(store, stats);
  const d = `${dyad.source}->${dyad.target}`;
  const out: QueryTiming[] = [];
  out.push(await timeQuery('events of a dyad in a month', `${d} ${month.from.slice(0, 7)}, first page of 100`, true, runs, async () => (await store.events({ source: dyad.source, target: dyad.target, ...month, limit: 100 })).items.length));
  out.push(await timeQuery("a dyad's weekly series", `${d}, all weeks`, true, runs, async () => (await store.series({ source: dyad.source, target: dyad.target, interval: 'week' })).points.length));
  out.push(await timeQuery('top dyads of a month', `${busyMonth.from.slice(0, 7)} vs the month before, top 20`, true, runs, async () => (await store.topDyads({ ...busyMonth, limit: 20 })).items.length));
  out.push(await timeQuery('top actors of a month', `${busyMonth.from.slice(0, 7)}, country level`, false, runs, async () => (await store.topActors({ ...busyMonth, level: 'country', limit: 20 })).items.length));
  out.push(await timeQuery('count of a dyad\'s events', d, false, runs, async () => store.countEvents({ source: dyad.source, target: dyad.target })));
  out.push(await timeQuery('text search within a dyad', `${d}, "security"`, false, Math.min(runs, 10), async () => (await store.events({ source: dyad.source, target: dyad.target, text: 'security', limit: 100 })).items.length));
  const ev = (await store.events({ source: dyad.source, target: dyad.target, ...month, limit: 1 })).items[0];
  if (ev) out.push(await timeQuery('one article with all its spans', ev.firstArticle, false, runs, async () => ((await store.getArticle(ev.firstArticle)) ? 1 : 0)));
  return out;
}

/** The calendar month with the most events (the hardest month for "top dyads"). */
async function busiestMonth(store: Store, stats: { first: string | null; last: string | null }): Promise<{ from: string; to: string }> {
  const [top] = await store.dyads({ level: 'country', limit: 1 });
  const s = await store.series({ source: top!.source, target: top!.target, interval: 'month' });
  const best = [...s.points].sort((a, b) => b.events - a.events)[0];
  void stats;
  return { from: best!.period, to: best!.end };
}

async function pgSize(url: string, schema: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      `SELECT COALESCE(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)::text AS n FROM pg_tables WHERE schemaname = $1`,
      [schema],
    );
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

async function pgDrop(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

/** user + system CPU time of this process since `c0`, in seconds */
function cpuSince(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1e6;
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

export async function runIngestBench(opts: IngestBenchOptions = {}): Promise<Record<string, number | string>> {
  const r = await ingestBench(opts);
  const flat: Record<string, number | string> = { articles: r.n, 'coding alone, articles/s': r.coding.articlesPerSecond };
  for (const b of r.backends) {
    flat[`${b.backend}: ingest articles/s`] = b.articlesPerSecond;
    flat[`${b.backend}: ingest / coding alone`] = b.ratioToCoding;
    flat[`${b.backend}: share of ingest time coding`] = b.codingShare;
    flat[`${b.backend}: ingest / coding alone, CPU time`] = b.cpuRatioToCoding;
    flat[`${b.backend}: database MB`] = b.sizeBytes / 1e6;
    for (const q of b.queries.filter((x) => x.goal)) flat[`${b.backend}: ${q.name}, median ms`] = q.medianMs;
  }
  return flat;
}

export async function ingestBench(opts: IngestBenchOptions = {}): Promise<IngestBenchResult> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const n = opts.n ?? 5000;
  const base = opts.articles && opts.articles.length ? opts.articles : loadCorpora(opts.corpusRoot ?? corpusRoot(opts.repo ?? REPO), ALL);
  const usable = base.filter((a) => a.text.trim() !== '');
  const backends = opts.backends ?? ['sqlite', 'postgres'];
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'dyad-ingest-bench-'));
  const file = join(dir, 'corpus.jsonl');
  const runs = opts.queryRuns ?? 30;
  log(`ingest bench: writing ${fmt(n)} articles (${fmt(usable.length)} distinct, repeated) to ${file}`);
  const inputBytes = await writeCorpus(usable, n, file);
  // every measurement gets a fresh engine, warmed on the same first articles, and runs over the
  // same n articles: the engine's vocabulary grows as it meets new words, so a second pass over
  // texts it has seen is faster than a first, and comparing passes of different histories misleads
  const warm = async () => {
    const e = await createEngine();
    await codeAlone(e, file, Math.min(200, n));
    return e;
  };
  // and the process's compiled code is warmed first, so that the first measurement is not the slow one
  await codeAlone(await createEngine(), file, Math.min(1000, n));
  log(`ingest bench: coding alone, ${fmt(n)} articles`);
  const c = await codeAlone(await warm(), file, n);
  const coding = { ...c, articlesPerSecond: c.articles / c.seconds };
  log(`ingest bench: coding alone: ${fmt(coding.articlesPerSecond, 1)} articles/s`);

  const figures: BackendFigures[] = [];
  for (const backend of backends) {
    let url: string;
    let schema = '';
    const pgBase = opts.postgres ?? (process.env.DYAD_TEST_POSTGRES && process.env.DYAD_TEST_POSTGRES !== 'skip' ? process.env.DYAD_TEST_POSTGRES : process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
    if (backend === 'sqlite') {
      url = join(dir, 'bench.sqlite');
      for (const f of [url, `${url}-wal`, `${url}-shm`]) rmSync(f, { force: true });
    } else {
      schema = `dyad_bench_${process.pid}_${Date.now().toString(36)}`;
      const u = new URL(pgBase);
      u.searchParams.set('schema', schema);
      url = u.toString();
    }
    log(`ingest bench: ingesting ${fmt(n)} articles into ${backend}`);
    const store = await openStore(url);
    let lastLog = Date.now();
    const progress = {
      write(s: string) {
        if (/^dyad ingest: \d/.test(s) && Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          log(`  ${backend}: ${s.trim().replace(/^dyad ingest: /, '')}`);
        }
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    const engineForRun = await warm();
    const c0 = process.cpuUsage();
    const res = await ingestCommand(engineForRun, store, [file], { progress: 'lines', every: 30, quiet: true }, progress);
    const cpuSeconds = cpuSince(c0);
    const stats = await store.stats();
    let sizeBytes = 0;
    if (backend === 'sqlite') {
      await store.close();
      // checkpoint the WAL into the file, then measure the file
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(url);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      sizeBytes = statSync(url).size;
    } else {
      sizeBytes = await pgSize(pgBase, schema);
    }
    const reopened = backend === 'sqlite' ? await openStore(url) : store;
    log(`ingest bench: ${backend}: ${fmt(res.stored)} stored in ${fmt(res.seconds, 1)} s; timing queries`);
    const q = await queries(reopened, runs);
    await reopened.close();
    if (backend === 'postgres' && !opts.keep) await pgDrop(pgBase, schema);
    const stored = res.stored + res.duplicates;
    figures.push({
      backend,
      articles: res.stored,
      seconds: res.seconds,
      articlesPerSecond: stored / res.seconds,
      ratioToCoding: stored / res.seconds / coding.articlesPerSecond,
      codingShare: res.codingSeconds / res.seconds,
      cpuSeconds,
      cpuRatioToCoding: coding.cpuSeconds / coding.articles / (cpuSeconds / stored),
      events: stats.events,
      mentions: stats.mentions,
      sizeBytes,
      queries: q,
    });
  }
  if (!opts.dir && !opts.keep) rmSync(dir, { recursive: true, force: true });
  const result: IngestBenchResult = { n, distinct: usable.length, inputBytes, coding, backends: figures };
  if (opts.print ?? true) process.stdout.write(report(result));
  return result;
}

export function report(r: IngestBenchResult): string {
  const out: string[] = [];
  out.push(`ingest benchmark: ${fmt(r.n)} articles (${fmt(r.distinct)} distinct from the shared corpora, repeated), ${fmt(r.inputBytes / 1e6, 1)} MB of JSONL`);
  out.push(`coding alone (the same articles, a fresh engine): ${fmt(r.coding.articlesPerSecond, 1)} articles/s (${fmt(r.coding.articles)} articles in ${fmt(r.coding.seconds, 1)} s)`);
  for (const b of r.backends) {
    out.push('');
    out.push(
      `${b.backend}: ${fmt(b.articles)} articles in ${fmt(b.seconds, 1)} s = ${fmt(b.articlesPerSecond, 1)} articles/s, ${fmt(100 * b.ratioToCoding)}% of coding alone (goal >= 80%: ${b.ratioToCoding >= 0.8 ? 'met' : 'NOT met'})`,
    );
    out.push(`  in CPU time of this process: ${fmt(b.cpuSeconds, 1)} s, ${fmt((1000 * b.cpuSeconds) / b.articles, 2)} ms/article against ${fmt((1000 * r.coding.cpuSeconds) / r.coding.articles, 2)} ms coding alone: ingest at ${fmt(100 * b.cpuRatioToCoding)}% of coding speed${b.backend === 'postgres' ? ' (the server works in its own processes)' : ''}`);
    out.push(`  within the run: ${fmt(100 * b.codingShare)}% of the wall time in the engine, the rest reading, looking up and storing`);
    out.push(`  ${fmt(b.events)} events from ${fmt(b.mentions)} mentions; database ${fmt(b.sizeBytes / 1e6, 1)} MB`);
    out.push(`  ${'query'.padEnd(34)}${'median'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'rows'.padStart(7)}  asked`);
    for (const q of b.queries) {
      const goal = q.goal ? (q.medianMs < 100 ? '  (goal < 100 ms: met)' : '  (goal < 100 ms: NOT met)') : '';
      out.push(`  ${q.name.padEnd(34)}${`${fmt(q.medianMs, 1)} ms`.padStart(9)}${`${fmt(q.p95Ms, 1)} ms`.padStart(9)}${`${fmt(q.maxMs, 1)} ms`.padStart(9)}${String(q.rows).padStart(7)}  ${q.detail}${goal}`);
    }
  }
  return out.join('\n') + '\n';
}

function parseArgs(argv: string[]): IngestBenchOptions & { json: boolean } {
  const o: IngestBenchOptions & { json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const next = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${v} needs a value`);
      return x;
    };
    if (v === '--articles') o.n = Number(next());
    else if (v === '--backends') o.backends = next().split(',') as ('sqlite' | 'postgres')[];
    else if (v === '--postgres') o.postgres = next();
    else if (v === '--dir') o.dir = next();
    else if (v === '--keep') o.keep = true;
    else if (v === '--runs') o.queryRuns = Number(next());
    else if (v === '--json') o.json = true;
    else if (v === '--help' || v === '-h') {
      process.stdout.write('node dist/bench/ingest.js [--articles N] [--backends sqlite,postgres] [--postgres URL] [--dir DIR] [--keep] [--runs N] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${v} (see --help)`);
  }
  if (o.n !== undefined && (!Number.isInteger(o.n) || o.n < 1)) throw new Error('--articles should be a positive whole number');
  return o;
}

const invoked = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (invoked) {
  const { json, ...o } = parseArgs(process.argv.slice(2));
  ingestBench({ ...o, print: !json })
    .then((r) => {
      if (json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    })
    .catch((e) => {
      process.stderr.write(`ingest bench: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    });
}
