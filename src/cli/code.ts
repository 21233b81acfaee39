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
  const header = fmt.header?.();
  if (header) out.write(header);
  for await (const item of readInputs(paths, { date: opts.date ?? null, format: opts.inputFormat })) {
    if (item.kind === 'problem') {
      if (item.severity === 'error') result.failed++;
      else result.warnings++;
      if (!opts.quiet || item.severity === 'error') err.write(`dyad: ${item.origin}: ${item.severity === 'warning' ? 'warning: ' : ''}${item.reason}\n`);
      continue;
    }
    const doc = engine.code(item.article);
    result.articles++;
    let fatal = false;
    for (const m of doc.messages) {
      if (m.severity === 'fatal') fatal = true;
      if (m.severity === 'info') continue;
      if (opts.quiet && m.severity !== 'fatal') continue;
      err.write(`dyad: ${item.article.origin}: ${m.severity === 'warning' ? 'warning: ' : ''}${m.reason}${m.start !== undefined ? ` (at offset ${m.start})` : ''}\n`);
    }
    if (fatal) {
      result.failed++;
      continue;
    }
    out.write(fmt.article(doc));
  }
  return result;
}
