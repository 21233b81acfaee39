/**
 * `dyad series SOURCE TARGET [--interval day|week|month]`: a dyad's
 * conflict and cooperation over time, from the store (docs/aggregation.md).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SeriesPoint } from '../store/types.js';
import { dbOption, openExistingStore, storeUrl } from './ingest.js';
import { RowWriter, type Column } from './tabular.js';

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return v;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A bar of eight steps for a 0–100 value (tension). */
export function tensionBar(t: number | null): string {
  if (t === null) return '';
  const k = Math.max(0, Math.min(8, Math.round((t / 100) * 8)));
  return k === 0 ? '·' : BLOCKS[k]!;
}

const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export const seriesColumns: Column<SeriesPoint>[] = [
  { name: 'period', value: (p) => p.period },
  { name: 'end', value: (p) => p.end },
  { name: 'events', value: (p) => p.events, right: true },
  { name: 'mentions', value: (p) => p.mentions, right: true },
  { name: 'verbal_coop', value: (p) => p.quad[1] ?? 0, right: true },
  { name: 'material_coop', value: (p) => p.quad[2] ?? 0, right: true },
  { name: 'verbal_conflict', value: (p) => p.quad[3] ?? 0, right: true },
  { name: 'material_conflict', value: (p) => p.quad[4] ?? 0, right: true },
  { name: 'goldstein_sum', value: (p) => r2(p.goldsteinSum), right: true },
  { name: 'goldstein_mean', value: (p) => r2(p.goldsteinMean), right: true },
  { name: 'tension', value: (p) => r2(p.tension), right: true },
];

export function addSeriesCommand(program: Command): void {
  program
    .command('series')
    .description("a dyad's events over time: counts by quad class, Goldstein sum and mean, tension index")
    .argument('<source>', 'source actor code prefix (RUS matches RUS, RUSGOV, RUSMIL…)')
    .argument('<target>', 'target actor code prefix')
    .addOption(new Option('--interval <interval>', 'the step').choices(['day', 'week', 'month']).default('month'))
    .option('--from <YYYY-MM-DD>', 'first day (default: the first event)', isoDate)
    .option('--to <YYYY-MM-DD>', 'last day (default: the last event)', isoDate)
    .option('--both', 'count both directions (source→target and target→source)')
    .option('--roots', 'add a column per CAMEO root code (csv, jsonl)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'jsonl']).default('table'))
    .addOption(dbOption())
    .addHelpText(
      'after',
      [
        '',
        'Weeks are ISO weeks (Monday to Sunday); empty steps are listed with zeros.',
        'Counted: events (one per date, source, target and CAMEO code, however many',
        'articles report it), negated events left out. Tension (0-100) is the share of',
        'conflict events times their mean severity on the Goldstein scale:',
        '10 × Σ max(0, −goldstein) over conflict events / events  (docs/aggregation.md).',
      ].join('\n'),
    )
    .action(async (source: string, target: string, o) => {
      const store = await openExistingStore(storeUrl(o.db));
      try {
        const s = await store.series({ source, target, interval: o.interval, directed: !o.both, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
        const roots = [...new Set(s.points.flatMap((p) => Object.keys(p.roots)))].sort();
        const cols: Column<SeriesPoint>[] = [...seriesColumns];
        if (o.format === 'table') cols.push({ name: 'bar', value: (p) => tensionBar(p.tension) });
        else if (o.roots) for (const k of roots) cols.push({ name: `root_${k}`, value: (p) => p.roots[k] ?? 0 });
        const w = new RowWriter<SeriesPoint>(process.stdout, o.format, cols);
        w.write(s.points);
        const arrow = s.directed ? '→' : '↔';
        w.end(o.format === 'table' ? `${s.source} ${arrow} ${s.target}, by ${s.interval}${s.points.length ? `, ${s.from}..${s.to}` : ': no events'}` : undefined);
      } finally {
        await store.close();
      }
    });
}
