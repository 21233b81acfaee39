/**
 * `dyad ingest INPUTS… [--db URL]`: reads articles as `dyad code` does,
 * codes each one and stores it (docs/storage.md).
 *
 * Safe to interrupt and to repeat:
 * - articles already in the store (same id or same text) are skipped before
 *   coding, so a second run over the same inputs stores nothing twice and a
 *   run cut short (Ctrl-C, kill -9, a crash) resumes where it stopped;
 * - articles are committed in small batches (`--batch`, default 50 articles
 *   or half a second, whichever comes first): a kill loses at most the batch
 *   being written, which the next run codes again;
 * - an input that cannot be read or coded, or an article the store refuses,
 *   is reported on stderr naming it, and the batch goes on.
 * Progress: a bar with articles/s on a terminal; one plain line every few
 * seconds otherwise (logs).
 */
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DyadError } from '../core/errors.js';
import { createEngine, type Engine, type EngineOptions } from '../engine.js';
import { readInputs, type InputFormat } from '../ingest/read-inputs.js';
import { codeTogether } from './code.js';
import type { Article } from '../core/article.js';
import type { CodedDocument } from '../output/schema.js';
import { contentHash, openStore, parseStoreUrl } from '../store/index.js';
import type { PutResult, Store } from '../store/types.js';

export interface IngestOptions {
  /** publication date for articles whose input gives none */
  date?: string;
  inputFormat?: InputFormat;
  /** articles per transaction (default 50) */
  batch?: number;
  /** longest time an article waits for its batch to be committed, ms (default 500) */
  flushMs?: number;
  quiet?: boolean;
  /** `auto`: a bar on a terminal, lines otherwise */
  progress?: 'auto' | 'bar' | 'lines' | 'none';
  /** seconds between progress lines when not on a terminal (default 5) */
  every?: number;
  /** stops reading new inputs; what was read is committed first */
  signal?: AbortSignal;
}

export interface IngestResult {
  /** articles read from the inputs */
  read: number;
  /** articles stored now */
  stored: number;
  /** articles skipped because the store already held them (same id or same text) */
  duplicates: number;
  /** inputs or articles that could not be read, coded or stored */
  failed: number;
  warnings: number;
  /** coded events stored (mentions) and how many of them were new events */
  mentions: number;
  newEvents: number;
  seconds: number;
  /** of those, the time spent in the engine (normalising and coding), the rest being reading, looking up and storing */
  codingSeconds: number;
  interrupted: boolean;
}

type ErrStream = NodeJS.WritableStream & { isTTY?: boolean };

interface Pending {
  doc: CodedDocument;
  origin: string;
}

/** articles looked up in the store in one query before coding */
const LOOKAHEAD = 32;
/** articles coded together, stage by stage (as `dyad code` does) */
const CODE_BATCH = 32;
/** a run that stored this many articles refreshes the planner's statistics at the end */
const ANALYZE_AFTER = 1000;

/** A rough count of the articles in the inputs, for the progress bar: JSONL lines, one per other file. */
export async function estimateArticles(paths: readonly string[]): Promise<number | null> {
  let n = 0;
  const countLines = (p: string) =>
    new Promise<number>((resolve) => {
      let lines = 0;
      let last = 10;
      createReadStream(p)
        .on('data', (b) => {
          const buf = b as Buffer;
          for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
          if (buf.length) last = buf[buf.length - 1]!;
        })
        .on('end', () => resolve(lines + (last === 10 ? 0 : 1)))
        .on('error', () => resolve(1));
    });
  const visit = async (p: string): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const e of await readdir(p)) if (!e.startsWith('.')) await visit(join(p, e));
    } else {
      const ext = extname(p).toLowerCase();
      n += ext === '.jsonl' || ext === '.ndjson' ? await countLines(p) : 1;
    }
  };
  for (const p of paths) {
    if (p === '-') return null;
    await visit(p);
  }
  return n;
}

class Progress {
  private readonly started = Date.now();
  private lastLine = Date.now();
  private readonly multi: cliProgress.MultiBar | null = null;
  private readonly bar: cliProgress.SingleBar | null = null;
  private readonly mode: 'bar' | 'lines' | 'none';

  constructor(
    private readonly err: ErrStream,
    mode: IngestOptions['progress'],
    private readonly everyMs: number,
    total: number | null,
  ) {
    this.mode = mode === 'auto' || mode === undefined ? (err.isTTY ? 'bar' : 'lines') : mode;
    if (this.mode === 'bar') {
      this.multi = new cliProgress.MultiBar(
        {
          stream: err as NodeJS.WriteStream,
          // the most telling first: a narrow terminal cuts the line at its width
          format: ' {bar} {value}/{total} | {rate} articles/s | {stored} stored, {dups} already in, {failed} failed | {events} events',
          barsize: 24,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
          fps: 5,
          noTTYOutput: true,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar = this.multi.create(total ?? 0, 0, { rate: '0', stored: 0, dups: 0, failed: 0, events: 0 });
    }
  }

  /** a message line that must not garble the bar */
  log(line: string): void {
    if (this.multi) this.multi.log(line.endsWith('\n') ? line : line + '\n');
    else this.err.write(line.endsWith('\n') ? line : line + '\n');
  }

  update(r: IngestResult): void {
    const done = r.stored + r.duplicates + r.failed;
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    if (this.bar) {
      const total = this.bar.getTotal();
      if (done > total) this.bar.setTotal(done);
      this.bar.update(done, { rate: rate.toFixed(1), stored: r.stored, dups: r.duplicates, failed: r.failed, events: r.mentions });
    } else if (this.mode === 'lines' && Date.now() - this.lastLine >= this.everyMs) {
      this.lastLine = Date.now();
      this.err.write(`dyad ingest: ${done} articles (${rate.toFixed(1)}/s): ${r.stored} stored, ${r.duplicates} already in, ${r.failed} failed; ${r.mentions} event mentions\n`);
    }
  }

  stop(): void {
    this.multi?.stop();
  }
}

/**
 * Reads, codes and stores the inputs. Returns the counts; problems go to
 * `err` as `dyad: ORIGIN: reason`. Throws only when the store itself fails
 * (what was committed before stays committed).
 */
export async function ingestCommand(engine: Engine, store: Store, paths: string[], opts: IngestOptions, err: ErrStream): Promise<IngestResult> {
  const started = Date.now();
  const batchSize = opts.batch ?? 50;
  const flushMs = opts.flushMs ?? 500;
  const r: IngestResult = { read: 0, stored: 0, duplicates: 0, failed: 0, warnings: 0, mentions: 0, newEvents: 0, seconds: 0, codingSeconds: 0, interrupted: false };
  const total = opts.progress === 'none' || (opts.progress !== 'bar' && !err.isTTY) ? null : await estimateArticles(paths);
  const progress = new Progress(err, opts.progress, (opts.every ?? 5) * 1000, total);
  const say = (origin: string, reason: string, severity: 'warning' | 'error') => {
    if (severity === 'warning' && opts.quiet) return;
    progress.log(`dyad: ${origin}: ${severity === 'warning' ? 'warning: ' : ''}${reason}`);
  };

  let pending: Pending[] = [];
  let pendingSince = 0;
  /**
   * ids and content hashes coded in this run and not yet visible to a store
   * lookup (uncommitted, or committed after the lookup of the next chunk was
   * sent): a repeat in the inputs is not coded twice. Trimmed when large:
   * anything older has long been visible to the lookups.
   */
  const seen = new Set<string>();
  let inflight: Promise<void> = Promise.resolve();
  let storeFailure: unknown = null;

  const account = (results: PutResult[]) => {
    for (const res of results) {
      if (res.status === 'inserted') {
        r.stored++;
        r.mentions += res.mentions;
        r.newEvents += res.newEvents;
      } else {
        r.duplicates++;
      }
    }
  };

  const write = async (items: Pending[]) => {
    try {
      account(await store.putDocuments(items.map((x) => x.doc)));
    } catch (batchError) {
      // find the article the store refuses; if it refuses every one, the store is the problem
      let ok = 0;
      const errors: { origin: string; e: unknown }[] = [];
      for (const it of items) {
        try {
          account([await store.putDocument(it.doc)]);
          ok++;
        } catch (e) {
          errors.push({ origin: it.origin, e });
        }
      }
      if (ok === 0 && items.length > 1) throw batchError;
      if (ok === 0 && items.length === 1 && isConnectionError(batchError)) throw batchError;
      for (const x of errors) {
        r.failed++;
        say(x.origin, `could not be stored: ${(x.e as Error).message}`, 'error');
      }
    }
    progress.update(r);
  };

  const flush = async () => {
    if (!pending.length) return;
    const items = pending;
    pending = [];
    await inflight; // one batch in flight: coding the next overlaps writing this one
    if (storeFailure) throw storeFailure;
    inflight = write(items).catch((e) => {
      storeFailure = e;
    });
  };

  type Chunk = { items: { article: Article; hash: string; origin: string }[]; known: Promise<{ ids: Set<string>; contentHashes: Set<string> }> };
  /** articles read and normalised, waiting to be looked up in the store together */
  let ahead: Chunk['items'] = [];
  /** the chunk whose lookup is in flight while the one before it is coded */
  let next: Chunk | null = null;

  const lookUp = (): Chunk | null => {
    if (!ahead.length) return null;
    const items = ahead;
    ahead = [];
    const known = store.knownArticles(items.map((x) => x.article.id), items.map((x) => x.hash));
    known.catch(() => undefined); // awaited (and its error thrown) when the chunk is coded
    return { items, known };
  };

  const codeChunk = async (c: Chunk) => {
    const known = await c.known;
    if (seen.size > 8192) seen.clear();
    // what the store or this run already has is a duplicate; the rest is coded in batches, stage by stage
    // (Engine.runMany: the same output as one by one), then stored in input order
    const fresh: Chunk['items'] = [];
    const isNew: boolean[] = [];
    const here = new Set<string>();
    for (const it of c.items) {
      const dup =
        known.ids.has(it.article.id) || known.contentHashes.has(it.hash) || seen.has('i:' + it.article.id) || seen.has('h:' + it.hash) ||
        here.has('i:' + it.article.id) || here.has('h:' + it.hash);
      isNew.push(!dup);
      if (dup) continue;
      here.add('i:' + it.article.id);
      here.add('h:' + it.hash);
      fresh.push(it);
    }
    let coded: (CodedDocument | Error)[] = [];
    /** fresh articles handed to the coder so far */
    let handed = 0;
    let k = 0;
    for (let n = 0; n < c.items.length; n++) {
      const { hash, origin } = c.items[n]!;
      if (opts.signal?.aborted) {
        r.interrupted = true;
        return;
      }
      if (storeFailure) throw storeFailure;
      if (!isNew[n]) {
        r.duplicates++;
        progress.update(r);
        continue;
      }
      // the next batch of fresh articles, when this one is used up
      if (k >= coded.length) {
        const batch = fresh.slice(handed, handed + CODE_BATCH).map((x) => x.article);
        handed += batch.length;
        const t0 = performance.now();
        coded = codeTogether(batch, (xs) => engine.runMany(xs).map((d) => engine.output(d)), (x) => engine.output(engine.run(x)));
        r.codingSeconds += (performance.now() - t0) / 1000;
        k = 0;
      }
      const doc = coded[k++]!;
      if (doc instanceof Error) {
        r.failed++;
        say(origin, `could not be coded: ${doc.message}`, 'error');
        progress.update(r);
        continue;
      }
      let fatal = false;
      for (const m of doc.messages) {
        if (m.severity === 'info') continue;
        if (m.severity === 'fatal') fatal = true;
        else r.warnings++;
        say(origin, `${m.reason}${m.start !== undefined ? ` (at offset ${m.start})` : ''}`, m.severity === 'fatal' ? 'error' : 'warning');
      }
      if (fatal) {
        r.failed++;
        progress.update(r);
        continue;
      }
      seen.add('i:' + doc.id);
      seen.add('h:' + hash);
      if (!pending.length) pendingSince = Date.now();
      pending.push({ doc, origin });
      if (pending.length >= batchSize || Date.now() - pendingSince >= flushMs) await flush();
      // let the store's I/O (PostgreSQL replies) progress between articles
      await tick();
    }
  };

  try {
    for await (const item of readInputs(paths, { date: opts.date ?? null, format: opts.inputFormat ?? 'auto' })) {
      if (opts.signal?.aborted) {
        r.interrupted = true;
        break;
      }
      if (storeFailure) throw storeFailure;
      if (item.kind === 'problem') {
        if (item.severity === 'error') r.failed++;
        else r.warnings++;
        say(item.origin, item.reason, item.severity);
        progress.update(r);
        continue;
      }
      r.read++;
      const t0 = performance.now();
      try {
        const article = engine.article(item.article);
        ahead.push({ article, hash: contentHash(article.text), origin: item.article.origin });
      } catch (e) {
        r.failed++;
        say(item.article.origin, `could not be read: ${(e as Error).message}`, 'error');
        progress.update(r);
        continue;
      } finally {
        r.codingSeconds += (performance.now() - t0) / 1000;
      }
      if (ahead.length >= LOOKAHEAD) {
        // send this chunk's lookup, then code the previous chunk while it is answered
        const c = lookUp();
        if (next) await codeChunk(next);
        next = c;
      }
      if (r.interrupted) break;
    }
    if (!r.interrupted) {
      const c = lookUp();
      if (next) await codeChunk(next);
      if (c && !r.interrupted) await codeChunk(c);
    }
    await flush();
    await inflight;
    if (storeFailure) throw storeFailure;
    // after a bulk load, fresh planner statistics (a second or two on a big store)
    if (r.stored >= ANALYZE_AFTER) await store.analyze();
  } finally {
    r.seconds = (Date.now() - started) / 1000;
    progress.update(r);
    progress.stop();
  }
  return r;
}

function isConnectionError(e: unknown): boolean {
  const msg = (e as Error)?.message ?? '';
  return /cannot reach|ECONNREFUSED|ECONNRESET|terminat|closed|timeout/i.test(msg);
}

export function formatSummary(r: IngestResult, location: string): string {
  const rate = r.seconds > 0 ? (r.stored + r.duplicates) / r.seconds : 0;
  const parts = [
    `${r.stored} article${r.stored === 1 ? '' : 's'} stored`,
    `${r.duplicates} already in the store`,
    `${r.failed} failed`,
  ];
  return (
    `dyad ingest: ${parts.join(', ')} in ${r.seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s); ` +
    `${r.mentions} event mentions, ${r.newEvents} new events -> ${location}` +
    (r.interrupted ? '\ndyad ingest: interrupted: what was stored stays stored; run the same command again to resume' : '') +
    '\n'
  );
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return v;
}

/** The store URL: --db, else $DYAD_DB, else ./dyad.sqlite. */
export function storeUrl(db: string | undefined): string | undefined {
  return db ?? (process.env.DYAD_DB || undefined);
}

/** Opens a store for reading: a SQLite file that does not exist is an error, not a new empty store. */
export async function openExistingStore(url: string | undefined): Promise<Store> {
  const target = parseStoreUrl(url);
  if (target.backend === 'sqlite' && target.path !== ':memory:' && !existsSync(target.path)) {
    throw new DyadError('E_STORE', `no store at ${resolve(target.path)} (dyad ingest makes one; --db or $DYAD_DB name another)`);
  }
  return openStore(url);
}

export function dbOption(): Option {
  return new Option('--db <url>', 'the store: a SQLite file, sqlite:PATH or postgres://user@host/db[?schema=NAME] (default $DYAD_DB, else ./dyad.sqlite)');
}

export function addIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('code articles and store them (SQLite by default, or PostgreSQL); safe to interrupt and re-run')
    .argument('<inputs...>', 'text, JSONL, HTML or RSS/Atom files, folders (recursively), or - for stdin')
    .addOption(dbOption())
    .option('--date <YYYY-MM-DD>', 'publication date for articles whose input gives none', isoDate)
    .addOption(new Option('--input-format <format>', 'input format (default: by extension and content)').choices(['auto', 'txt', 'jsonl', 'html', 'feed']).default('auto'))
    .option('--batch <n>', 'articles per transaction', positiveInt, 50)
    .addOption(new Option('--progress <mode>', 'progress display (auto: a bar on a terminal, lines in logs)').choices(['auto', 'bar', 'lines', 'none']).default('auto'))
    .option('-q, --quiet', 'print only errors and the summary, not warnings')
    .option('--ontology <dir>', "dictionary folder (default: dyad's own ontology/)")
    .option('--max-chars <n>', 'articles longer than this many characters are reported and not stored (default 2000000)', positiveInt)
    .addOption(new Option('--quad <convention>', 'quad class convention: gdelt 1-4, phoenix 0-4, plover by PLOVER type').choices(['gdelt', 'phoenix', 'plover']).default('gdelt'))
    .addHelpText(
      'after',
      [
        '',
        'An article already in the store (same id, or the same text) is skipped without',
        'coding it again, so re-running the same command stores nothing twice and an',
        'interrupted run (Ctrl-C, kill -9) resumes where it stopped. Articles are',
        'committed in batches of --batch. Several processes may ingest into one',
        'PostgreSQL store at once.',
        '',
        'Exit status: 0 every input was stored (or was already in); 1 some input failed',
        '(the rest were stored); 2 usage, configuration or store error.',
      ].join('\n'),
    )
    .action(async (inputs: string[], o) => {
      const eo: EngineOptions = {};
      if (o.ontology) eo.ontology = o.ontology;
      if (o.quad) eo.quad = o.quad;
      if (o.maxChars) eo.maxChars = o.maxChars;
      const engine = await createEngine(eo);
      const store = await openStore(storeUrl(o.db));
      const ac = new AbortController();
      const stop = () => {
        if (ac.signal.aborted) process.exit(130);
        ac.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const r = await ingestCommand(engine, store, inputs, { date: o.date, inputFormat: o.inputFormat, batch: o.batch, progress: o.progress, quiet: o.quiet, signal: ac.signal }, process.stderr);
        process.stderr.write(formatSummary(r, store.location));
        process.exitCode = r.interrupted ? 130 : r.failed > 0 ? 1 : 0;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
      }
    });
}
