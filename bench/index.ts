/**
 * `npm run bench`: throughput and memory of the whole pipeline on one core,
 * on real news (docs/benchmarks.md).
 *
 *     npm run bench                      Wikinews + BBC (2,520 articles)
 *     npm run bench -- --reuters --un    add Reuters-21578 and the UN debates
 *     npm run bench -- --runs 5          each measurement in 5 fresh processes (default 3; the fastest is reported)
 *     npm run bench -- --batch 1         code article by article (default: batches of 32, as `dyad code`)
 *     npm run bench -- --no-jit-tuning   without the CLI's tier-up setting for Node 20 (src/jit.ts)
 *     npm run bench -- --repeat 3        also time passes over text seen before (the fastest is reported)
 *     npm run bench -- --profile         CPU profile of the timed pipeline pass: top functions and files
 *     npm run bench -- --ingest          also the store engineer's ingest benchmark (long)
 *     npm run bench -- --ontology DIR    other dictionaries
 *     npm run bench -- --json            the figures as one JSON object
 *
 * Each measurement runs in a child process of its own, so its peak resident
 * memory is its own, with V8's background threads off (--single-threaded:
 * no concurrent GC or compilation), so that "one core" holds; rates are per
 * CPU second of the process, which a busy machine disturbs less than the
 * wall clock (both are printed). The corpus is read into
 * memory first; timing starts at the article text (ingest of the text,
 * sentences, tokens, actors, coreference, events, quotes, and the JSON
 * output) and ends with the serialised output line. A warm-up pass over the
 * first articles comes before the timed passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articleFromText } from '../src/ingest/plain-text.js';
import { corpusRoot, DEFAULT_CORPORA, loadCorpora, type BenchArticle, type CorpusName } from './corpus.js';
import { summariseProfile, type CpuProfile } from './profile.js';
import { BATCH_ARTICLES, BATCH_CHARS } from '../src/cli/code.js';
import { hasInterruptBudget, tuneJit } from '../src/jit.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** the repository: bench/ lives at REPO/bench (sources) or REPO/dist/bench (built) */
const REPO = resolve(HERE, existsSync(join(HERE, '..', 'package.json')) ? '..' : '../..');

type Mode = 'readDoc' | 'analyse' | 'pipeline';

interface Args {
  mode?: Mode;
  corpora: CorpusName[];
  repeat: number;
  /** fresh processes per measurement; the fastest is reported */
  runs: number;
  /** articles per Engine.runMany call (as `dyad code --batch`) */
  batch: number;
  /** the CLI's tier-up setting on Node 20 (src/jit.ts); off with --no-jit-tuning */
  jitTuning: boolean;
  warmup: number;
  profile: boolean;
  profileOut?: string;
  ingest: boolean;
  json: boolean;
  ontology?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { corpora: [...DEFAULT_CORPORA], repeat: 1, runs: 3, batch: BATCH_ARTICLES, jitTuning: true, warmup: 200, profile: false, ingest: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const next = () => {
      const n = argv[++i];
      if (n === undefined) throw new Error(`${v} needs a value`);
      return n;
    };
    if (v === '--mode') a.mode = next() as Args['mode'];
    else if (v === '--corpora') a.corpora = next().split(',').filter(Boolean) as CorpusName[];
    else if (v === '--reuters' || v === '--un') a.corpora.push(v.slice(2) as CorpusName);
    else if (v === '--repeat') a.repeat = Math.max(1, Number(next()));
    else if (v === '--runs') a.runs = Math.max(1, Number(next()));
    else if (v === '--batch') a.batch = Math.max(1, Number(next()));
    else if (v === '--no-jit-tuning') a.jitTuning = false;
    else if (v === '--warmup') a.warmup = Math.max(0, Number(next()));
    else if (v === '--profile') a.profile = true;
    else if (v === '--profile-out') a.profileOut = next();
    else if (v === '--ingest') a.ingest = true;
    else if (v === '--json') a.json = true;
    else if (v === '--ontology') a.ontology = resolve(next());
    else if (v === '--help' || v === '-h') {
      process.stdout.write(
        'npm run bench [-- --reuters] [--un] [--runs N] [--batch N] [--no-jit-tuning] [--repeat N] [--warmup N] [--ontology DIR] [--profile [--profile-out FILE]] [--ingest] [--json]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${v} (see --help)`);
  }
  a.corpora = [...new Set(a.corpora)];
  return a;
}

/** What one measurement reports. */
interface Measure {
  label: string;
  /** wall-clock seconds */
  seconds: number;
  /** CPU seconds of the process (one thread: background V8 tasks are off) */
  cpu: number;
  /** sentences as this pass counted them (wink's for the floor, dyad's for the pipeline) */
  sentences: number;
}

interface ModeResult {
  mode: string;
  articles: number;
  chars: number;
  bytes: number;
  tokens: number;
  sentences: number;
  events: number;
  quotes: number;
  measures: Measure[];
  /** ms spent in each stage during the fastest timed pass */
  stages?: Record<string, number>;
  load?: { importMs: number; createEngineMs: number; createEngineCpuMs: number; phrases: { read: number; known: number } };
  /** CPU seconds of the first timed pass, and of loading, in every run (filled in by the parent) */
  runs?: { cpu: number; loadCpuMs?: number }[];
  maxRssMB: number;
  /** resident memory (after a full GC) the loaded corpus adds */
  corpusRssMB?: number;
  /** ... and once the engine is made */
  engineRssMB?: number;
  /** heap still used after the timed passes and a full GC (what a long run keeps) */
  retainedHeapMB?: number;
  profile?: string;
}

const now = () => performance.now();
/** resident MB after a full GC (the children run with --expose-gc) */
const settledRss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / MB;
};
const settledHeap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / MB;
};
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const MB = 1024 * 1024;

function texts(articles: BenchArticle[]): string[] {
  return articles.map((a) => {
    const meta: Parameters<typeof articleFromText>[1] = { date: a.date };
    if (a.title !== undefined) meta.title = a.title;
    return articleFromText(a.text, meta).text;
  });
}

async function startProfiler(): Promise<() => Promise<CpuProfile>> {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((res, rej) => session.post(method, params ?? {}, (err, r) => (err ? rej(err) : res(r)))); // eslint-disable-line @typescript-eslint/no-explicit-any
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile as CpuProfile;
  };
}

/**
 * Timed passes over `items`: the first pass meets text this process has not
 * seen (what a long run over new articles does); later passes (--repeat)
 * meet it again, with every word already in wink's and dyad's vocabularies.
 */
function timedPasses<T>(label: string, repeat: number, items: readonly T[], one: (item: T) => number): Measure[] {
  const out: Measure[] = [];
  let again: Measure | undefined;
  for (let r = 0; r < repeat; r++) {
    const t0 = now();
    const c0 = cpuNow();
    let sentences = 0;
    for (const item of items) sentences += one(item);
    const m = { label: r === 0 ? label : `${label}, seen again`, seconds: (now() - t0) / 1000, cpu: cpuNow() - c0, sentences };
    if (r === 0) out.push(m);
    else if (!again || m.cpu < again.cpu) again = m;
  }
  if (again) out.push(again);
  return out;
}

/**
 * The floor: wink-nlp's readDoc with sentence splitting and POS tagging
 * (`readDoc`), or dyad's tokenizer call, which also reads the token arrays
 * out (`analyse`). Each in its own process, so neither warms the other.
 */
async function runFloor(args: Args, articles: BenchArticle[], variant: 'readDoc' | 'analyse'): Promise<ModeResult> {
  const all = texts(articles);
  const warm = all.slice(0, args.warmup);
  const timed = all.slice(args.warmup);
  let one: (t: string) => number;
  let tokens = 0;
  if (variant === 'readDoc') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model, ['sbd', 'pos']);
    one = (t) => {
      const doc = nlp.readDoc(t);
      tokens += doc.tokens().length();
      return doc.sentences().length();
    };
  } else {
    const { createTokenizer } = await import('../src/nlp/wink.js');
    const tokenizer = createTokenizer();
    one = (t) => {
      const r = tokenizer.analyse(t);
      tokens += r.values.length;
      return r.sentences.length;
    };
  }
  for (const t of warm) one(t);
  tokens = 0;
  const measures = timedPasses(variant, args.repeat, timed, one);
  return {
    mode: variant,
    articles: timed.length,
    chars: timed.reduce((n, t) => n + t.length, 0),
    bytes: timed.reduce((n, t) => n + Buffer.byteLength(t), 0),
    tokens: tokens / args.repeat,
    sentences: measures[0]!.sentences,
    events: 0,
    quotes: 0,
    measures,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** The whole pipeline, article text to serialised output, with per-stage times of the first timed pass. */
async function runPipeline(args: Args, articles: BenchArticle[], corpusRssMB: number): Promise<ModeResult> {
  const t0 = now();
  const { createEngineSync } = await import('../src/engine.js');
  const t1 = now();
  const c1 = cpuNow();
  const engine = createEngineSync(args.ontology ? { ontology: args.ontology } : {});
  const t2 = now();
  const c2 = cpuNow();
  const engineRssMB = settledRss();
  const inputs = articles.map((a) => {
    const input: Parameters<typeof engine.code>[0] = { text: a.text, date: a.date, origin: a.origin };
    if (a.title !== undefined) input.title = a.title;
    if (a.url !== undefined) input.url = a.url;
    if (a.source !== undefined) input.source = a.source;
    return input;
  });
  // as `dyad code` runs them: batches of articles, coded stage by stage (Engine.runMany)
  const batches = (xs: typeof inputs) => {
    const out: (typeof inputs)[] = [];
    let batch: typeof inputs = [];
    let chars = 0;
    for (const x of xs) {
      batch.push(x);
      chars += x.text.length;
      if (batch.length >= args.batch || chars >= BATCH_CHARS) {
        out.push(batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length) out.push(batch);
    return out;
  };
  for (const b of batches(inputs.slice(0, args.warmup))) for (const d of engine.codeMany(b)) JSON.stringify(d);
  const timed = batches(inputs.slice(args.warmup));
  const timedArticles = inputs.length - Math.min(args.warmup, inputs.length);

  // counts and stage times of the first timed pass (the one over unseen text)
  const c = { chars: 0, bytes: 0, tokens: 0, sentences: 0, events: 0, quotes: 0 };
  const stages = new Map<string, number>();
  const scratch = new Map<string, number>();
  let done = 0;
  let stop: (() => Promise<CpuProfile>) | undefined;
  if (args.profile) stop = await startProfiler();
  const measures = timedPasses('pipeline', args.repeat, timed, (batch) => {
    const first = done++ < timed.length;
    const st = first ? stages : scratch;
    const a0 = now();
    const articles = batch.map((input) => engine.article(input));
    st.set('ingest', (st.get('ingest') ?? 0) + now() - a0);
    const docs = engine.runMany(articles, st);
    let sentences = 0;
    docs.forEach((doc, i) => {
      const article = articles[i]!;
      const o0 = now();
      const out = engine.output(doc);
      const line = JSON.stringify(out);
      st.set('output', (st.get('output') ?? 0) + now() - o0);
      if (line.length === 0) throw new Error('empty output');
      if (first) {
        c.chars += article.text.length;
        c.bytes += Buffer.byteLength(article.text);
        c.tokens += doc.has('tokens') ? doc.get('tokens').length : 0;
        c.sentences += out.sentences.length;
        c.events += out.events.length;
        c.quotes += out.quotes.length;
      }
      sentences += out.sentences.length;
    });
    return sentences;
  });
  let profile: string | undefined;
  if (stop) {
    const p = await stop();
    profile = args.profileOut ?? join(mkdtempSync(join(tmpdir(), 'dyad-bench-')), 'pipeline.cpuprofile');
    writeFileSync(profile, JSON.stringify(p));
  }
  const result: ModeResult = {
    mode: 'pipeline',
    ...c,
    articles: timedArticles,
    measures,
    stages: Object.fromEntries(stages),
    load: { importMs: t1 - t0, createEngineMs: t2 - t1, createEngineCpuMs: (c2 - c1) * 1000, phrases: engine.tokenizer.phraseStats() },
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    corpusRssMB,
    engineRssMB,
    retainedHeapMB: settledHeap(),
  };
  if (profile) result.profile = profile;
  return result;
}

function child(args: Args, mode: Mode): ModeResult {
  const self = fileURLToPath(import.meta.url);
  // the heap budget bin/dyad.js runs with, so the figures are the CLI's
  const argv = ['--single-threaded', '--expose-gc', '--max-old-space-size=512', self, '--mode', mode, '--corpora', args.corpora.join(','), '--repeat', String(args.repeat), '--batch', String(args.batch), '--warmup', String(args.warmup)];
  if (!args.jitTuning) argv.push('--no-jit-tuning');
  if (args.ontology) argv.push('--ontology', args.ontology);
  if (args.profile && mode === 'pipeline') argv.push('--profile');
  if (args.profileOut && mode === 'pipeline') argv.push('--profile-out', args.profileOut);
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (r.status !== 0 || !line) throw new Error(`the ${mode} benchmark failed (exit ${r.status})\n${r.stdout}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as ModeResult;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? ' (with uncommitted changes)' : ''}` : 'unknown';
}

type BenchModule = Record<string, unknown>;

/** Optional benchmarks of other parts, run when their module is there; `run` returns what to print. */
async function optionalBench(file: string, run: (mod: BenchModule) => Promise<string | null>): Promise<void> {
  const url = new URL(file, import.meta.url);
  const name = file.replace(/^\.\//, 'bench/').replace(/\.js$/, '.ts');
  if (!existsSync(fileURLToPath(url))) {
    process.stdout.write(`\n(${name} is not there: skipped)\n`);
    return;
  }
  process.stdout.write(`\n== ${name}\n`);
  try {
    const text = await run((await import(url.href)) as BenchModule);
    process.stdout.write(text === null ? `  (it exports nothing this benchmark knows how to call: skipped)\n` : `${text.trimEnd()}\n`);
  } catch (e) {
    process.stdout.write(`  failed: ${(e as Error).stack ?? e}\n`);
  }
}

const printRecord = (r: unknown): string =>
  r && typeof r === 'object'
    ? Object.entries(r)
        .map(([k, v]) => `  ${k}: ${typeof v === 'number' ? fmt(v, 2) : String(v)}`)
        .join('\n')
    : '';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = corpusRoot(REPO);
  // as bin/dyad.js does, before dyad and wink run (children and the quotes-share pass here alike)
  if (args.jitTuning) tuneJit();
  if (args.mode) {
    const before = settledRss();
    const articles = loadCorpora(root, args.corpora);
    const corpusRss = settledRss() - before;
    const r = args.mode === 'pipeline' ? await runPipeline(args, articles, corpusRss) : await runFloor(args, articles, args.mode);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(r)}\n`);
    return;
  }

  const load = loadavg()[0]!;
  const all: Record<Mode, ModeResult[]> = { pipeline: [], readDoc: [], analyse: [] };
  for (let r = 0; r < args.runs; r++) for (const mode of ['pipeline', 'readDoc', 'analyse'] as const) all[mode].push(child(args, mode));
  const fastest = (rs: ModeResult[]): ModeResult => {
    const best = rs.reduce((a, b) => (b.measures[0]!.cpu < a.measures[0]!.cpu ? b : a));
    const runs = rs.map((x) => (x.load ? { cpu: x.measures[0]!.cpu, loadCpuMs: x.load.createEngineCpuMs } : { cpu: x.measures[0]!.cpu }));
    // loading is timed in every run: its fastest too
    const load = best.load ? { ...best.load, createEngineCpuMs: Math.min(...runs.map((x) => x.loadCpuMs!)) } : undefined;
    return { ...best, ...(load ? { load } : {}), runs };
  };
  const pipeline = fastest(all.pipeline);
  const readDoc = fastest(all.readDoc);
  const analyse = fastest(all.analyse);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const date = new Date().toISOString().slice(0, 10);
  const summary = {
    date,
    commit: gitCommit(),
    node: process.version,
    cpu,
    loadAverage: load,
    corpora: args.corpora,
    pipeline,
    floor: { readDoc, analyse },
  };
  if (args.json) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return;
  }
  const p = pipeline;
  const mb = p.bytes / 1e6;
  const out: string[] = [];
  out.push(`dyad benchmark, ${date}, commit ${summary.commit}, Node ${process.version}, ${cpu} (${cpus().length} cores, load average ${load.toFixed(1)} at the start)`);
  out.push(`one core: one thread (node --single-threaded: no background GC or compiler threads); rates per CPU second of that thread;`);
  out.push(
    hasInterruptBudget()
      ? `V8 ${process.versions.v8}: ${args.jitTuning ? "with the CLI's tier-up setting (src/jit.ts: --interrupt-budget=512 KB)" : "without the CLI's tier-up setting (--no-jit-tuning)"}`
      : `V8 ${process.versions.v8}: tiers up by itself (the CLI's Node 20 setting does not apply)`,
  );
  out.push(`each row: the fastest of ${args.runs} fresh processes (the range of all ${args.runs} in brackets); the pipeline codes batches of ${args.batch} article${args.batch === 1 ? '' : 's'}, stage by stage, as \`dyad code\` does`);
  out.push(`timed: the ${fmt(p.articles)} articles after the first ${fmt(args.warmup)} (a warm-up), in one pass over text this process has not seen${args.repeat > 1 ? `; "seen again": the fastest of ${args.repeat - 1} more passes over the same text` : ''}`);
  out.push(`corpus timed: ${args.corpora.join(' + ')}: ${fmt(p.articles)} articles, ${fmt(mb, 1)} MB, ${fmt(p.sentences)} sentences, ${fmt(p.tokens)} tokens; coded ${fmt(p.events)} events, ${fmt(p.quotes)} quotes`);
  out.push('');
  const loads = p.runs!.map((x) => x.loadCpuMs!);
  const ph = p.load!.phrases;
  out.push(
    `dictionary loading: createEngine ${fmt(p.load!.createEngineCpuMs)} ms CPU (${fmt(Math.min(...loads))}–${fmt(Math.max(...loads))}), ${fmt(p.load!.createEngineMs)} ms wall (before it, importing dyad and the wink model: ${fmt(p.load!.importMs)} ms wall)`,
  );
  out.push(
    ph.known > 0
      ? `  phrase cache: ${fmt(ph.known)} phrase lookups answered from it, ${fmt(ph.read)} phrases tokenised at load`
      : `  no phrase cache (npm run build writes dist/phrases.json): all ${fmt(ph.read)} dictionary phrases tokenised at load`,
  );
  out.push('');
  const rows: [string, Measure, number, ModeResult][] = [];
  const label = (m: Measure, base: string) => (m.label.endsWith('seen again') ? `${base}, seen again` : base);
  for (const m of readDoc.measures) rows.push([label(m, 'wink readDoc, sbd + pos (floor)'), m, readDoc.maxRssMB, readDoc]);
  for (const m of analyse.measures) rows.push([label(m, '  + token arrays (tokenizer.analyse)'), m, analyse.maxRssMB, analyse]);
  for (const m of p.measures) rows.push([label(m, 'dyad pipeline, end to end'), m, p.maxRssMB, p]);
  out.push(
    `${'on the same texts'.padEnd(40)}${'sentences/s'.padStart(12)}${'(all runs)'.padStart(16)}${'articles/s'.padStart(11)}${'MB/s'.padStart(7)}${'tokens/s'.padStart(10)}${'CPU s'.padStart(7)}${'wall s'.padStart(8)}${'peak RSS'.padStart(10)}`,
  );
  for (const [name, m, rss, r] of rows) {
    const sec = m.cpu;
    const cpus = m.label.endsWith('seen again') ? [sec] : r.runs!.map((x) => x.cpu);
    const range = cpus.length > 1 ? `${fmt(p.sentences / Math.max(...cpus))}–${fmt(p.sentences / Math.min(...cpus))}` : '';
    out.push(
      `${name.padEnd(40)}${fmt(p.sentences / sec).padStart(12)}${range.padStart(16)}${fmt(p.articles / sec).padStart(11)}${fmt(mb / sec, 2).padStart(7)}${fmt(p.tokens / sec).padStart(10)}${fmt(sec, 2).padStart(7)}${fmt(m.seconds, 2).padStart(8)}${`${fmt(rss)} MB`.padStart(10)}`,
    );
  }
  out.push(`(every row counts dyad's sentences and tokens, so rows compare; wink alone finds ${fmt(readDoc.sentences)} sentences.`);
  out.push(` peak RSS: each row's own process, with the whole corpus held in memory for the timing)`);
  out.push(
    `pipeline memory: ${fmt(p.engineRssMB!)} MB resident once the engine is made, ${fmt(p.maxRssMB)} MB at the peak, of which ${fmt(p.corpusRssMB!)} MB is the corpus`,
  );
  out.push(`  held for the timing: ${fmt(p.maxRssMB - p.corpusRssMB!)} MB without it; ${fmt(p.retainedHeapMB!)} MB of heap is still in use after the run`);
  out.push('');
  const total = Object.values(p.stages!).reduce((a, b) => a + b, 0);
  out.push('pipeline time by stage (wall clock, share of the fastest run\'s timed pass):');
  for (const [name, ms] of Object.entries(p.stages!).sort((a, b) => b[1] - a[1])) {
    out.push(`  ${name.padEnd(10)}${`${fmt((100 * ms) / total, 1)}%`.padStart(7)}${`${fmt(ms)} ms`.padStart(11)}${`${fmt(ms / p.articles, 3)} ms/article`.padStart(20)}`);
  }
  out.push('');
  const rate = p.sentences / p.measures[0]!.cpu;
  const engineMB = p.maxRssMB - p.corpusRssMB!;
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  out.push(
    `goals: >= 5,000 sentences/s: ${ok(rate >= 5000)} (${fmt(rate)}); dictionary loading < 1 s: ${ok(p.load!.createEngineCpuMs < 1000)} (${fmt(p.load!.createEngineCpuMs)} ms); < 300 MB resident: ${ok(engineMB < 300)} (${fmt(engineMB)} MB without the corpus, ${fmt(p.maxRssMB)} MB with it)`,
  );
  process.stdout.write(out.join('\n') + '\n');

  if (p.profile) {
    process.stdout.write(`\nCPU profile of the timed pipeline passes: ${p.profile} (open it in Chrome DevTools or speedscope)\n`);
    const { readFileSync } = await import('node:fs');
    process.stdout.write(summariseProfile(JSON.parse(readFileSync(p.profile, 'utf8')) as CpuProfile, REPO));
  }

  let articles: BenchArticle[] | undefined;
  const corpus = () => (articles ??= loadCorpora(root, args.corpora));
  // the quotes engineer's: the quotes stage's share of the pipeline's time
  await optionalBench('./quotes-share.js', async (mod) => {
    if (typeof mod.measureQuotesShare !== 'function' || typeof mod.formatQuotesShare !== 'function') return null;
    const { createEngineSync } = await import('../src/engine.js');
    const engine = createEngineSync(args.ontology ? { ontology: args.ontology } : {});
    // the fastest of three passes, as bench/quotes-share.ts measures when run alone: the stage's own cost once
    // the JIT has settled (the first pass, warm-up included, is the pipeline's stage table above)
    const passes = Math.max(3, args.repeat);
    const text = (mod.formatQuotesShare as (r: unknown) => string)((mod.measureQuotesShare as (c: CorpusName[], n: number, e: unknown) => unknown)(args.corpora, passes, engine));
    return `${text}\n  (the fastest of ${passes} passes over the same articles; the first pass, JIT warm-up included, is in the stage table above)`;
  });
  // the store engineer's: ingest into SQLite and PostgreSQL, and query latency (long)
  if (args.ingest) {
    await optionalBench('./ingest.js', async (mod) => {
      if (typeof mod.runIngestBench !== 'function') return null;
      return printRecord(await (mod.runIngestBench as (o: object) => Promise<unknown>)({ articles: corpus(), repo: REPO, corpusRoot: root }));
    });
  } else {
    process.stdout.write('\n(the ingest benchmark runs with --ingest)\n');
  }
}

const invoked = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (invoked) {
  main().catch((e) => {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
