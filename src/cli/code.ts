import { once } from 'node:events';
import type { Engine } from '../engine.js';
import type { CodedDocument } from '../output/schema.js';
import { readInputs, type InputFormat, type InputItem } from '../ingest/read-inputs.js';
import { createFormatter, formatContextOf, type OutputFormat } from '../output/formats.js';

export interface CodeCommandOptions {
  date?: string;
  format: OutputFormat;
  inputFormat: InputFormat;
  pretty?: boolean;
  quiet?: boolean;
  /** articles coded together, stage by stage (default BATCH_ARTICLES; 1: one at a time, each written as soon as it is coded) */
  batch?: number;
}

/** Articles `dyad code` codes together by default (Engine.codeMany), and the most characters such a batch holds. */
export const BATCH_ARTICLES = 32;
export const BATCH_CHARS = 1_000_000;

export interface BatchResult {
  articles: number;
  failed: number;
  warnings: number;
}

/**
 * Codes `items` together (`together`: Engine.codeMany or runMany); when that
 * throws, codes each alone, so only the article that breaks fails, with its
 * Error in its place. The same order as `items`.
 */
export function codeTogether<T>(
  items: readonly T[],
  together: (xs: readonly T[]) => CodedDocument[],
  alone: (x: T) => CodedDocument,
): (CodedDocument | Error)[] {
  if (!items.length) return [];
  try {
    return together(items);
  } catch {
    return items.map((x) => {
      try {
        return alone(x);
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    });
  }
}

/**
 * `dyad code`: reads the inputs, codes each article and writes one record per
 * article (jsonl) or per event (tsv, plover, gdelt) to `out`; problems go to
 * `err` as `dyad: ORIGIN: reason`, and the batch goes on.
 */
export async function codeCommand(
  engine: Engine,
  paths: string[],
  opts: CodeCommandOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<BatchResult> {
  const fmt = createFormatter(opts.format, formatContextOf(engine, { pretty: opts.pretty ?? false }));
  const result: BatchResult = { articles: 0, failed: 0, warnings: 0 };
  // a closed pipe (`dyad code news/ | head`) ends the run quietly; nothing more can be written
  let closed = false;
  let writeError: Error | undefined;
  const onError = (e: NodeJS.ErrnoException) => {
    closed = true;
    if (e.code !== 'EPIPE') writeError = e;
  };
  out.on('error', onError);
  const write = async (s: string) => {
    if (!s || closed) return;
    // wait when the reader is slower than the coder, so output does not pile up in memory
    if (!out.write(s)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  };
  await write(fmt.header?.() ?? '');
  const batchSize = Math.max(1, Math.floor(opts.batch ?? BATCH_ARTICLES));
  // inputs waiting to be coded, problems among them, so everything is reported in input order
  let queue: InputItem[] = [];
  let queuedArticles = 0;
  let queuedChars = 0;

  const codeQueued = (items: InputItem[]): (CodedDocument | Error | null)[] => {
    const articles = items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
    const coded = codeTogether(articles, (xs) => engine.codeMany(xs), (x) => engine.code(x));
    let k = 0;
    return items.map((i) => (i.kind === 'article' ? coded[k++]! : null));
  };

  const flush = async () => {
    const items = queue;
    queue = [];
    queuedArticles = 0;
    queuedChars = 0;
    const docs = codeQueued(items);
    for (let n = 0; n < items.length; n++) {
      if (closed) return;
      const item = items[n]!;
      if (item.kind === 'problem') {
        if (item.severity === 'error') result.failed++;
        else result.warnings++;
        if (!opts.quiet || item.severity === 'error') err.write(`dyad: ${item.origin}: ${item.severity === 'warning' ? 'warning: ' : ''}${item.reason}\n`);
        continue;
      }
      const doc = docs[n]!;
      if (doc instanceof Error) {
        // a stage's failure is a fatal message; anything else is dyad's bug, reported for this article only
        result.failed++;
        err.write(`dyad: ${item.article.origin}: internal error, article not coded: ${doc.message}\n`);
        continue;
      }
      if (!doc) continue;
      result.articles++;
      let fatal = false;
      for (const m of doc.messages) {
        if (m.severity === 'fatal') fatal = true;
        if (m.severity === 'info') continue;
        if (m.severity === 'warning') result.warnings++;
        if (opts.quiet && m.severity !== 'fatal') continue;
        err.write(`dyad: ${item.article.origin}: ${m.severity === 'warning' ? 'warning: ' : ''}${m.reason}${m.start !== undefined ? ` (at offset ${m.start})` : ''}\n`);
      }
      if (fatal) {
        result.failed++;
        continue;
      }
      await write(fmt.article(doc));
    }
  };

  for await (const item of readInputs(paths, { date: opts.date ?? null, format: opts.inputFormat })) {
    if (closed) break;
    queue.push(item);
    if (item.kind === 'article') {
      queuedArticles++;
      queuedChars += item.article.text.length;
    }
    if (queuedArticles >= batchSize || queuedChars >= BATCH_CHARS) await flush();
  }
  if (!closed) await flush();
  out.off('error', onError);
  if (writeError) throw writeError;
  return result;
}
