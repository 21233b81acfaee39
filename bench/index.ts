/**
 * `npm run bench`: throughput and memory of the whole pipeline on one core,
 * on real news (docs/benchmarks.md).
 *
 *     npm run bench                      Wikinews + BBC (2,520 articles)
 *     npm run bench -- --reuters --un    add Reuters-21578 and the UN debates
 *     npm run bench -- --repeat 3        timed passes (the fastest is reported)
 *     npm run bench -- --profile         CPU profile of the timed pipeline pass: top functions and files
 *     npm run bench -- --ingest          also the store engineer's ingest benchmark (long)
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

const HERE = dirname(fileURLToPath(import.meta.url));
/** the repository: bench/ lives at REPO/bench (sources) or REPO/dist/bench (built) */
const REPO = resolve(HERE, existsSync(join(HERE, '..', 'package.json')) ? '..' : '../..');

interface Args {
  mode?: 'floor' | 'pipeline';
  corpora: CorpusName[];
  repeat: number;
  warmup: number;
  profile: boolean;
  profileOut?: string;
  ingest: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { corpora: [...DEFAULT_CORPORA], repeat: 1, warmup: 200, profile: false, ingest: false, json: false };
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
    else if (v === '--warmup') a.warmup = Math.max(0, Number(next()));
    else if (v === '--profile') a.profile = true;
    else if (v === '--profile-out') a.profileOut = next();
    else if (v === '--ingest') a.ingest = true;
    else if (v === '--json') a.json = true;
    else if (v === '--help' || v === '-h') {
      process.stdout.write(
        'npm run bench [-- --reuters] [--un] [--repeat N] [--warmup N] [--profile [--profile-out FILE]] [--ingest] [--json]\n',
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
  load?: { importMs: number; createEngineMs: number; createEngineCpuMs: number };
  maxRssMB: number;
  profile?: string;
}

const now = () => performance.now();
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

/** The floor: wink-nlp's readDoc with sentence splitting and POS tagging, and dyad's tokenizer call over it. */
async function runFloor(args: Args, articles: BenchArticle[]): Promise<ModeResult> {
  const all = texts(articles);
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const { createTokenizer } = await import('../src/nlp/wink.js');
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const tokenizer = createTokenizer();
  for (const t of all.slice(0, args.warmup)) tokenizer.analyse(t);
  const measures: Measure[] = [];
  const best = (label: string, pass: () => number) => {
    let m: Measure | undefined;
    for (let r = 0; r < args.repeat; r++) {
      const t0 = now();
      const c0 = cpuNow();
      const sentences = pass();
      const seconds = (now() - t0) / 1000;
      const cpu = cpuNow() - c0;
      if (!m || cpu < m.cpu) m = { label, seconds, cpu, sentences };
    }
    measures.push(m!);
  };
  let tokens = 0;
  best('readDoc', () => {
    let s = 0;
    tokens = 0;
    for (const t of all) {
      const doc = nlp.readDoc(t);
      s += doc.sentences().length();
      tokens += doc.tokens().length();
    }
    return s;
  });
  best('analyse', () => {
    let s = 0;
    for (const t of all) s += tokenizer.analyse(t).sentences.length;
    return s;
  });
  return {
    mode: 'floor',
    articles: all.length,
    chars: all.reduce((n, t) => n + t.length, 0),
    bytes: all.reduce((n, t) => n + Buffer.byteLength(t), 0),
    tokens,
    sentences: measures[0]!.sentences,
    events: 0,
    quotes: 0,
    measures,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** The whole pipeline, article text to serialised output, with per-stage times. */
async function runPipeline(args: Args, articles: BenchArticle[]): Promise<ModeResult> {
  const t0 = now();
  const { createEngineSync } = await import('../src/engine.js');
  const t1 = now();
  const c1 = cpuNow();
  const engine = createEngineSync();
  const t2 = now();
  const c2 = cpuNow();
  const inputs = articles.map((a) => {
    const input: Parameters<typeof engine.code>[0] = { text: a.text, date: a.date, origin: a.origin };
    if (a.title !== undefined) input.title = a.title;
    if (a.url !== undefined) input.url = a.url;
    if (a.source !== undefined) input.source = a.source;
    return input;
  });
  for (const input of inputs.slice(0, args.warmup)) JSON.stringify(engine.code(input));

  let stop: (() => Promise<CpuProfile>) | undefined;
  let best: { seconds: number; cpu: number; stages: Map<string, number>; counts: Omit<ModeResult, 'mode' | 'measures' | 'maxRssMB'> } | undefined;
  for (let r = 0; r < args.repeat; r++) {
    if (args.profile && r === args.repeat - 1) stop = await startProfiler();
    const stages = new Map<string, number>([['ingest', 0]]);
    const c = { articles: 0, chars: 0, bytes: 0, tokens: 0, sentences: 0, events: 0, quotes: 0 };
    const start = now();
    const cpuStart = cpuNow();
    for (const input of inputs) {
      const a0 = now();
      const article = engine.article(input);
      stages.set('ingest', stages.get('ingest')! + now() - a0);
      const doc = engine.run(article, stages);
      const o0 = now();
      const out = engine.output(doc);
      const line = JSON.stringify(out);
      stages.set('output', (stages.get('output') ?? 0) + now() - o0);
      c.articles++;
      c.chars += article.text.length;
      c.bytes += Buffer.byteLength(article.text);
      c.tokens += doc.has('tokens') ? doc.get('tokens').length : 0;
      c.sentences += out.sentences.length;
      c.events += out.events.length;
      c.quotes += out.quotes.length;
      if (line.length === 0) throw new Error('empty output');
    }
    const seconds = (now() - start) / 1000;
    const cpu = cpuNow() - cpuStart;
    if (!best || cpu < best.cpu) best = { seconds, cpu, stages, counts: c };
  }
  let profile: string | undefined;
  if (stop) {
    const p = await stop();
    profile = args.profileOut ?? join(mkdtempSync(join(tmpdir(), 'dyad-bench-')), 'pipeline.cpuprofile');
    writeFileSync(profile, JSON.stringify(p));
  }
  const b = best!;
  const result: ModeResult = {
    mode: 'pipeline',
    ...b.counts,
    measures: [{ label: 'pipeline', seconds: b.seconds, cpu: b.cpu, sentences: b.counts.sentences }],
    stages: Object.fromEntries(b.stages),
    load: { importMs: t1 - t0, createEngineMs: t2 - t1, createEngineCpuMs: (c2 - c1) * 1000 },
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (profile) result.profile = profile;
  return result;
}

function child(args: Args, mode: 'floor' | 'pipeline'): ModeResult {
  const self = fileURLToPath(import.meta.url);
  const argv = ['--single-threaded', self, '--mode', mode, '--corpora', args.corpora.join(','), '--repeat', String(args.repeat), '--warmup', String(args.warmup)];
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

/** Optional benchmarks of other parts, run when their module is there. */
async function optionalBench(file: string, names: string[], opts: () => object): Promise<void> {
  const url = new URL(file, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    process.stdout.write(`\n(${file.replace(/\.js$/, '.ts')} is not there yet: skipped)\n`);
    return;
  }
  const mod = (await import(url.href)) as Record<string, unknown>;
  const fn = names.map((n) => mod[n]).find((f) => typeof f === 'function') as ((o: object) => unknown) | undefined;
  if (!fn) {
    process.stdout.write(`\n(${file} exports none of ${names.join(', ')}: skipped)\n`);
    return;
  }
  process.stdout.write(`\n== ${file.replace(/\.js$/, '.ts')}\n`);
  try {
    const r = await fn(opts());
    if (r && typeof r === 'object') for (const [k, v] of Object.entries(r)) process.stdout.write(`  ${k}: ${typeof v === 'number' ? fmt(v, 2) : String(v)}\n`);
  } catch (e) {
    process.stdout.write(`  failed: ${(e as Error).stack ?? e}\n`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = corpusRoot(REPO);
  if (args.mode) {
    const articles = loadCorpora(root, args.corpora);
    const r = args.mode === 'floor' ? await runFloor(args, articles) : await runPipeline(args, articles);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(r)}\n`);
    return;
  }

  const load = loadavg()[0]!;
  const pipeline = child(args, 'pipeline');
  const floor = child(args, 'floor');
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
    floor,
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
  out.push(`${args.repeat > 1 ? `the fastest of ${args.repeat} timed passes` : 'one timed pass'}, after a warm-up over ${Math.min(args.warmup, p.articles)} articles`);
  out.push(`corpus: ${args.corpora.join(' + ')}: ${fmt(p.articles)} articles, ${fmt(mb, 1)} MB, ${fmt(p.sentences)} sentences, ${fmt(p.tokens)} tokens`);
  out.push(`coded: ${fmt(p.events)} events, ${fmt(p.quotes)} quotes`);
  out.push('');
  out.push(`dictionary loading: createEngine ${fmt(p.load!.createEngineCpuMs)} ms CPU, ${fmt(p.load!.createEngineMs)} ms wall (before it, importing dyad and the wink model: ${fmt(p.load!.importMs)} ms wall)`);
  out.push('');
  const rows: [string, Measure, number][] = [
    ['wink readDoc, sbd + pos (floor)', floor.measures[0]!, floor.maxRssMB],
    ['  + token arrays (tokenizer.analyse)', floor.measures[1]!, floor.maxRssMB],
    ['dyad pipeline, end to end', p.measures[0]!, p.maxRssMB],
  ];
  out.push(`${'on the same texts'.padEnd(38)}${'sentences/s'.padStart(12)}${'articles/s'.padStart(12)}${'MB/s'.padStart(8)}${'tokens/s'.padStart(11)}${'CPU s'.padStart(8)}${'wall s'.padStart(8)}${'peak RSS'.padStart(10)}`);
  for (const [label, m, rss] of rows) {
    const s = m.cpu;
    out.push(
      `${label.padEnd(38)}${fmt(p.sentences / s).padStart(12)}${fmt(p.articles / s).padStart(12)}${fmt(mb / s, 2).padStart(8)}${fmt(p.tokens / s).padStart(11)}${fmt(s, 2).padStart(8)}${fmt(m.seconds, 2).padStart(8)}${`${fmt(rss)} MB`.padStart(10)}`,
    );
  }
  out.push(`(every row counts dyad's sentences and tokens, so the rows compare; wink's own sentence count is ${fmt(floor.sentences)}.`);
  out.push(` peak RSS: the whole child process, corpus in memory included; the floor's covers both floor rows)`);
  out.push('');
  const total = Object.values(p.stages!).reduce((a, b) => a + b, 0);
  out.push('pipeline time by stage (wall clock, share of the timed pass):');
  for (const [name, ms] of Object.entries(p.stages!).sort((a, b) => b[1] - a[1])) {
    out.push(`  ${name.padEnd(10)}${`${fmt((100 * ms) / total, 1)}%`.padStart(7)}${`${fmt(ms)} ms`.padStart(11)}${`${fmt(ms / p.articles, 3)} ms/article`.padStart(20)}`);
  }
  out.push('');
  const rate = p.sentences / p.measures[0]!.cpu;
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  out.push(
    `goals: >= 5,000 sentences/s: ${ok(rate >= 5000)} (${fmt(rate)}); dictionary loading < 1 s: ${ok(p.load!.createEngineCpuMs < 1000)} (${fmt(p.load!.createEngineCpuMs)} ms); < 300 MB resident: ${ok(p.maxRssMB < 300)} (${fmt(p.maxRssMB)} MB)`,
  );
  process.stdout.write(out.join('\n') + '\n');

  if (p.profile) {
    process.stdout.write(`\nCPU profile of the timed pipeline pass: ${p.profile} (open it in Chrome DevTools or speedscope)\n`);
    const { readFileSync } = await import('node:fs');
    process.stdout.write(summariseProfile(JSON.parse(readFileSync(p.profile, 'utf8')) as CpuProfile, REPO));
  }

  let articles: BenchArticle[] | undefined;
  const opts = () => ({ articles: (articles ??= loadCorpora(root, args.corpora)), repo: REPO, corpusRoot: root });
  await optionalBench('./quotes-share.js', ['runQuotesShareBench', 'runQuotesShare', 'run', 'main', 'default'], opts);
  if (args.ingest) await optionalBench('./ingest.js', ['runIngestBench'], opts);
  else process.stdout.write('\n(the ingest benchmark runs with --ingest)\n');
}

const invoked = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (invoked) {
  main().catch((e) => {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
