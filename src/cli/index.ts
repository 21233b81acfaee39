/**
 * dyad's command line. Each command is a thin call into the library.
 *
 * Exit status: 0 when every input was coded; 1 when some input could not be
 * read or coded (the others were); 2 for a usage or configuration error
 * (an unknown option, a malformed dictionary).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createEngine, type EngineOptions } from '../engine.js';
import { DyadError } from '../core/errors.js';
import { codeCommand } from './code.js';
import { explain, formatExplanation } from './explain.js';
import { addServeCommand } from './serve.js';
import { addWatchCommand } from './watch.js';
import { addIngestCommand } from './ingest.js';
import { addQueryCommand } from './query.js';
import { addSeriesCommand } from './series.js';
import { addValidateCommand } from './validate.js';
import { addDictCommand } from './dict.js';

export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2 } as const;

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
  return v;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function engineOptions(o: { ontology?: string; quad?: 'gdelt' | 'phoenix'; maxChars?: number }): EngineOptions {
  const e: EngineOptions = {};
  if (o.ontology) e.ontology = o.ontology;
  if (o.quad) e.quad = o.quad;
  if (o.maxChars) e.maxChars = o.maxChars;
  return e;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dyad')
    .description('Political event data from news text: who did what to whom, in CAMEO and PLOVER.')
    .version('0.1.0')
    .showHelpAfterError();

  const ontologyOpt = () => new Option('--ontology <dir>', "dictionary folder (default: dyad's own ontology/)");
  const quadOpt = () => new Option('--quad <convention>', 'quad class convention: gdelt 1-4, phoenix 0-4, plover by PLOVER type').choices(['gdelt', 'phoenix', 'plover']).default('gdelt');

  program
    .command('code')
    .description('code articles into events, actors and quotes (files, folders, or - for stdin)')
    .argument('<inputs...>', 'text, JSONL, HTML or RSS/Atom files, folders (recursively), or - for stdin')
    .option('--date <YYYY-MM-DD>', 'publication date for articles whose input gives none', isoDate)
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'tsv', 'plover', 'gdelt']).default('jsonl'))
    .addOption(new Option('--input-format <format>', 'input format (default: by extension and content)').choices(['auto', 'txt', 'jsonl', 'html', 'feed']).default('auto'))
    .option('--pretty', 'indent JSON output')
    .option('-q, --quiet', 'print only errors on stderr, not warnings')
    .option('--max-chars <n>', 'articles longer than this many characters are reported and not coded (default 2000000)', positiveInt)
    .option('--batch <n>', 'articles coded together, stage by stage, before their output is written (default 32; 1 writes each as soon as it is coded)', positiveInt)
    .addOption(ontologyOpt())
    .addOption(quadOpt())
    .addHelpText(
      'after',
      [
        '',
        'Problems go to stderr, one line each, naming the input: the file, file:LINE',
        'for JSONL, file#ITEM for feeds, or stdin. The rest of the batch is always coded.',
        '  errors    not coded: an empty or binary input, malformed JSON, no "text",',
        '            HTML with no article, an unreadable feed, an article over',
        '            --max-chars, a missing file or folder',
        '  warnings  coded, but look: not valid UTF-8 (read as Latin-1), not English,',
        '            a date that cannot be read, a file of another type (skipped)',
        '',
        'Exit status: 0 every input was coded (warnings allowed); 1 some input failed',
        '(the rest were coded); 2 usage or configuration error (a bad option, a',
        'malformed dictionary).',
      ].join('\n'),
    )
    .action(async (inputs: string[], o) => {
      const engine = await createEngine(engineOptions(o));
      const r = await codeCommand(engine, inputs, { date: o.date, format: o.format, inputFormat: o.inputFormat, pretty: o.pretty, quiet: o.quiet, batch: o.batch }, process.stdout, process.stderr);
      process.exitCode = r.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });

  program
    .command('explain')
    .description('show why dyad codes a sentence the way it does: tokens, tags, actor matches, patterns tried and the one that fired')
    .argument('<text...>', 'the text to explain (or - to read it from stdin)')
    .option('--date <YYYY-MM-DD>', 'the article date (for dated roles and relative dates)', isoDate)
    .option('--json', 'print the coded document and the trace as JSON')
    .addOption(ontologyOpt())
    .addOption(quadOpt())
    .action(async (words: string[], o) => {
      const engine = await createEngine(engineOptions(o));
      let text = words.join(' ');
      if (text === '-') {
        const chunks: Buffer[] = [];
        for await (const c of process.stdin) chunks.push(c as Buffer);
        text = Buffer.concat(chunks).toString('utf8');
      }
      const ex = explain(engine, { text, date: o.date ?? null });
      if (o.json) process.stdout.write(JSON.stringify({ document: engine.output(ex.doc), trace: ex.steps }, null, 2) + '\n');
      else process.stdout.write(formatExplanation(engine, ex));
    });

  addIngestCommand(program);
  addQueryCommand(program);
  addSeriesCommand(program);
  addServeCommand(program);
  addWatchCommand(program);
  addValidateCommand(program);
  addDictCommand(program);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const usageExit = (e: { exitCode: number }) => {
    process.exitCode = e.exitCode === 0 ? 0 : EXIT.USAGE;
    throw e;
  };
  // subcommands made before this call do not inherit it: set it on each
  const override = (c: Command): void => {
    c.exitOverride(usageExit);
    c.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof DyadError) {
      process.stderr.write(`dyad: ${e.message} [${e.code}]\n`);
      process.exitCode = EXIT.USAGE;
    } else if ((e as { code?: string }).code?.startsWith('commander.')) {
      // commander has printed its message
    } else {
      process.stderr.write(`dyad: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = EXIT.USAGE;
    }
  }
}
