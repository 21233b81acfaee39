/**
 * `npm run eval`: dyad's quality on gold data, one evaluation after another.
 *
 *   npm run eval                         every evaluation, on its default split
 *   npm run eval -- --only polnear       one of them
 *   npm run eval -- --split train        PolNeAR's train split instead of dev
 *   npm run eval -- --errors 20          print 20 errors of each kind too
 *   npm run eval -- --json out.json      write the figures as JSON as well
 *   npm run eval -- --ontology DIR       code with another ontology folder
 *
 * An evaluation whose data is not there (../shared absent) is skipped with a
 * message; the others still run.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createEngineSync, type Engine } from '../src/engine.js';
import { evaluatePlover, formatPloverEval, loadGoldRecords } from './plover.js';
import { evaluatePolnear, formatPolnear } from './polnear.js';
import { hasShared, sharedDir, sharedPath } from './shared.js';

export interface Evaluation {
  name: string;
  /** the shared data it needs, relative to ../shared */
  needs: string[];
  run(engine: Engine, args: EvalArgs): { text: string; figures: unknown };
}

export interface EvalArgs {
  split?: string;
  errors?: number;
  limit?: number;
}

export const evaluations: Evaluation[] = [
  {
    name: 'polnear',
    needs: ['data/polnear'],
    run(engine, args) {
      const report = evaluatePolnear({ engine, ...(args.split ? { split: args.split } : {}), ...(args.errors ? { errors: args.errors } : {}), ...(args.limit ? { limit: args.limit } : {}) });
      return { text: formatPolnear(report), figures: report };
    },
  },
  {
    name: 'plover',
    needs: ['data/plover/PLOVER_GSR_CAMEO.txt'],
    run(engine, args) {
      const records = loadGoldRecords(sharedPath('data', 'plover', 'PLOVER_GSR_CAMEO.txt'));
      const ev = evaluatePlover(engine, args.limit ? records.slice(0, args.limit) : records);
      let text = formatPloverEval(ev);
      const wrong = ev.perRecord.filter((r) => !r.got.includes(r.gold) || r.got.some((t) => t !== r.gold));
      if (args.errors) {
        text += `\nrecords coded wrong (${wrong.length}; first ${Math.min(args.errors, wrong.length)}):\n`;
        for (const r of wrong.slice(0, args.errors)) text += `  ${r.id}  gold ${r.gold}  got ${r.got.join(',') || 'nothing'}\n`;
      }
      const confusion = Object.fromEntries([...ev.confusion].map(([g, row]) => [g, Object.fromEntries(row)]));
      return { text, figures: { records: ev.records, type: ev.type, triple: ev.triple, confusion } };
    },
  },
];

type Args = { only?: string; json?: string; ontology?: string } & EvalArgs;

function parseArgs(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only') out.only = value();
    else if (a === '--split') out.split = value();
    else if (a === '--json') out.json = value();
    else if (a === '--ontology') out.ontology = value();
    else if (a === '--errors') out.errors = Number(value());
    else if (a === '--limit') out.limit = Number(value());
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run eval -- [--only NAME] [--split dev|train] [--errors N] [--limit N] [--json FILE] [--ontology DIR]');
      console.log(`evaluations: ${evaluations.map((e) => e.name).join(', ')}`);
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  return out;
}

export function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`eval: ${(e as Error).message}`);
    return 2;
  }
  const chosen = evaluations.filter((e) => !args.only || e.name === args.only);
  if (!chosen.length) {
    console.error(`eval: no evaluation named "${args.only}" (there are: ${evaluations.map((e) => e.name).join(', ')})`);
    return 2;
  }
  const engine = createEngineSync(args.ontology ? { ontology: args.ontology } : {});
  const figures: Record<string, unknown> = {};
  let failed = 0;
  for (const e of chosen) {
    const missing = e.needs.filter((n) => !hasShared(...n.split('/')));
    if (missing.length) {
      console.log(`${e.name}: skipped, ${missing.map((m) => `${sharedDir()}/${m}`).join(', ')} not found`);
      continue;
    }
    try {
      const r = e.run(engine, args);
      console.log(r.text + '\n');
      figures[e.name] = r.figures;
    } catch (err) {
      failed++;
      console.error(`${e.name}: failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(figures, null, 2) + '\n');
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
