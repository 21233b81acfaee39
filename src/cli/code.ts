import { once } from 'node:events';
import type { Engine } from '../engine.js';
import { readInputs, type InputFormat } from '../ingest/read-inputs.js';
import { createFormatter, formatContextOf, type OutputFormat } from '../output/formats.js';

export interface CodeCommandOptions {
  date?: string;
  format: OutputFormat;
  inputFormat: InputFormat;
  pretty?: boolean;
  quiet?: boolean;
}

export interface BatchResult {
  articles: number;
  failed: number;
  warnings: number;
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
  for await (const item of readInputs(paths, { date: opts.date ?? null, format: opts.inputFormat })) {
    if (closed) break;
    if (item.kind === 'problem') {
      if (item.severity === 'error') result.failed++;
      else result.warnings++;
      if (!opts.quiet || item.severity === 'error') err.write(`dyad: ${item.origin}: ${item.severity === 'warning' ? 'warning: ' : ''}${item.reason}\n`);
      continue;
    }
    let doc;
    try {
      doc = engine.code(item.article);
    } catch (e) {
      // a stage's failure is a fatal message; anything else is dyad's bug, reported for this article only
      result.failed++;
      err.write(`dyad: ${item.article.origin}: internal error, article not coded: ${e instanceof Error ? e.message : String(e)}\n`);
      continue;
    }
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
  out.off('error', onError);
  if (writeError) throw writeError;
  return result;
}
