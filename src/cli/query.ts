/**
 * `dyad query WHAT [filters] [--format csv|jsonl|table] [--db URL]`: reads
 * the event store. WHAT is `events`, `mentions EVENT_ID`, `dyads`, `top`,
 * `quotes`, `actors` or `article ID`. Each is one call of the store
 * interface (src/store/types.ts); actor and CAMEO codes match by prefix.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DyadError } from '../core/errors.js';
import type { EventQuery, Page, Store, StoredEvent } from '../store/types.js';
import { dbOption, openExistingStore, storeUrl } from './ingest.js';
import { RowWriter, type Column, type RowFormat } from './tabular.js';

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return v;
}

function count(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 = no limit)');
  return n;
}

function quads(v: string): number[] {
  const out = v.split(',').map((x) => Number(x.trim()));
  if (out.some((n) => !Number.isInteger(n) || n < 0 || n > 4)) throw new InvalidArgumentError('expected quad classes 0-4, e.g. 3,4');
  return out;
}

const formatOpt = () => new Option('--format <format>', 'output format').choices(['table', 'csv', 'jsonl']).default('table');
const limitOpt = () => new Option('--limit <n>', 'at most this many rows (default: 50 in a table, all in csv/jsonl; 0 = all)').argParser(count);
const fromOpt = () => new Option('--from <YYYY-MM-DD>', 'first day (inclusive)').argParser(isoDate);
const toOpt = () => new Option('--to <YYYY-MM-DD>', 'last day (inclusive)').argParser(isoDate);

function rowLimit(o: { limit?: number; format: RowFormat }): number {
  if (o.limit !== undefined) return o.limit === 0 ? Infinity : o.limit;
  return o.format === 'table' ? 50 : Infinity;
}

/** Pages through a listing until `limit` rows are written; returns whether more were left. */
async function pageThrough<T>(fetch: (cursor: string | undefined, size: number) => Promise<Page<T>>, limit: number, w: RowWriter<T>): Promise<boolean> {
  let cursor: string | undefined;
  let written = 0;
  for (;;) {
    const size = Math.min(1000, limit - written);
    const page = await fetch(cursor, size);
    w.write(page.items);
    written += page.items.length;
    if (!page.next) return false;
    if (written >= limit) return true;
    cursor = page.next;
  }
}

async function withStore<T>(db: string | undefined, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openExistingStore(storeUrl(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const n = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e4) / 1e4);

export const eventColumns: Column<StoredEvent>[] = [
  { name: 'date', value: (e) => e.date },
  { name: 'source', value: (e) => e.source.code },
  { name: 'source_name', value: (e) => e.source.name, max: 20 },
  { name: 'target', value: (e) => e.target?.code },
  { name: 'target_name', value: (e) => e.target?.name, max: 20 },
  { name: 'cameo', value: (e) => e.cameo },
  { name: 'label', value: (e) => e.label, max: 36 },
  { name: 'plover', value: (e) => e.plover.type },
  { name: 'plover_mode', value: (e) => e.plover.mode },
  { name: 'quad', value: (e) => e.quad, right: true },
  { name: 'goldstein', value: (e) => e.goldstein, right: true },
  { name: 'negated', value: (e) => e.negated },
  { name: 'mentions', value: (e) => e.mentions, right: true },
  { name: 'articles', value: (e) => e.articles, right: true },
  { name: 'outlets', value: (e) => e.outlets, right: true },
  { name: 'id', value: (e) => e.id },
  { name: 'first_article', value: (e) => e.firstArticle, max: 20 },
];

const TABLE_EVENT_COLUMNS = new Set(['date', 'source', 'target', 'cameo', 'label', 'plover', 'goldstein', 'mentions', 'articles', 'id']);

function eventFilter(o: Record<string, unknown>): EventQuery {
  const f: EventQuery = {};
  for (const k of ['source', 'target', 'actor', 'cameo', 'plover', 'from', 'to', 'text', 'article'] as const) {
    if (o[k] !== undefined) (f as Record<string, unknown>)[k] = o[k];
  }
  if (o.quad !== undefined) f.quad = o.quad as number[];
  if (o.negated !== undefined) f.negated = o.negated as boolean;
  if (o.order !== undefined) f.order = o.order as 'asc' | 'desc';
  return f;
}

export function addQueryCommand(program: Command): void {
  const query = program
    .command('query')
    .description('read the event store: events, mentions, dyads, top, quotes, actors, article')
    .addHelpText(
      'after',
      '\nActor codes match by prefix, as in event data: RUS matches RUS, RUSGOV, RUSMIL…;\nCAMEO codes too (19 matches 190…196). Dates are YYYY-MM-DD, both ends inclusive.',
    );

  query
    .command('events')
    .description('events (one per date, source, target, CAMEO code and negation, however many articles report it)')
    .option('--source <code>', 'source actor code prefix (several: RUS,BLR)')
    .option('--target <code>', 'target actor code prefix')
    .option('--actor <code>', 'actor code prefix on either side')
    .option('--cameo <code>', 'CAMEO code prefix, e.g. 19 or 1712')
    .option('--plover <type>', 'PLOVER event type, e.g. ASSAULT')
    .option('--quad <classes>', 'quad classes, e.g. 3,4 for conflict', quads)
    .addOption(fromOpt())
    .addOption(toOpt())
    .option('--text <words>', 'words in the sentence of a mention')
    .option('--article <id>', 'events reported by this article')
    .option('--negated', 'only negated events ("did not attack")')
    .option('--no-negated', 'leave negated events out')
    .addOption(new Option('--order <order>', 'by date').choices(['asc', 'desc']).default('asc'))
    .addOption(formatOpt())
    .addOption(limitOpt())
    .addOption(dbOption())
    .action(async (o) => {
      const format = o.format as RowFormat;
      const cols = format === 'table' ? eventColumns.filter((c) => TABLE_EVENT_COLUMNS.has(c.name)) : eventColumns;
      const filter = eventFilter(o);
      await withStore(o.db, async (store) => {
        const w = new RowWriter<StoredEvent>(process.stdout, format, cols);
        const limit = rowLimit(o);
        const more = await pageThrough((cursor, size) => store.events({ ...filter, limit: size, ...(cursor ? { cursor } : {}) }), limit, w);
        let note: string | undefined;
        if (more) {
          const { cursor: _c, limit: _l, order: _o, ...f } = filter;
          note = `(${await store.countEvents(f)} events in all; --limit 0 shows every one)`;
        }
        w.end(note);
      });
    });

  query
    .command('mentions')
    .description('the mentions of one event: each sentence of each article that reported it, with the rule that fired')
    .argument('<event-id>', 'an event id (from `dyad query events`)')
    .addOption(formatOpt())
    .addOption(limitOpt())
    .addOption(dbOption())
    .action(async (id: string, o) => {
      await withStore(o.db, async (store) => {
        if (!(await store.getEvent(id))) throw new DyadError('E_NOT_FOUND', `no event ${id} in ${store.location}`);
        type M = Awaited<ReturnType<Store['mentions']>>['items'][number];
        const w = new RowWriter<M>(process.stdout, o.format, [
          { name: 'article', value: (m) => m.articleId, max: 20 },
          { name: 'date', value: (m) => m.article.date },
          { name: 'outlet', value: (m) => m.article.source, max: 16 },
          { name: 'trigger', value: (m) => m.trigger.text, max: 24 },
          { name: 'sentence', value: (m) => m.sentenceText.text, max: 80 },
          { name: 'rule', value: (m) => `${m.rule.file}:${m.rule.line}` },
          { name: 'url', value: (m) => m.article.url },
        ]);
        await pageThrough((cursor, size) => store.mentions(id, { limit: size, ...(cursor ? { cursor } : {}) }), rowLimit(o), w);
        w.end();
      });
    });

  const level = () => new Option('--level <level>', 'actor codes as coded, or by country (first three letters)').choices(['code', 'country']).default('code');
  const minEvents = () => new Option('--min-events <n>', 'leave out dyads with fewer events').argParser(count);

  query
    .command('dyads')
    .description('directed dyads with their event counts, Goldstein sum and mean and tension index')
    .option('--actor <code>', 'actor code prefix on either side')
    .option('--source <code>', 'source actor code prefix')
    .option('--target <code>', 'target actor code prefix')
    .addOption(fromOpt())
    .addOption(toOpt())
    .addOption(level())
    .addOption(minEvents())
    .addOption(formatOpt())
    .addOption(limitOpt())
    .addOption(dbOption())
    .action(async (o) => {
      await withStore(o.db, async (store) => {
        const lim = rowLimit(o);
        const rows = await store.dyads({ actor: o.actor, source: o.source, target: o.target, from: o.from, to: o.to, level: o.level, minEvents: o.minEvents || undefined, limit: Number.isFinite(lim) ? lim : 10_000 } as never);
        type D = (typeof rows)[number];
        const w = new RowWriter<D>(process.stdout, o.format, [
          { name: 'source', value: (d) => d.source },
          { name: 'target', value: (d) => d.target },
          { name: 'events', value: (d) => d.events, right: true },
          { name: 'mentions', value: (d) => d.mentions, right: true },
          { name: 'goldstein_sum', value: (d) => n(d.goldsteinSum), right: true },
          { name: 'goldstein_mean', value: (d) => n(d.goldsteinMean), right: true },
          { name: 'tension', value: (d) => n(d.tension), right: true },
          { name: 'verbal_coop', value: (d) => d.quad[1] ?? 0, right: true },
          { name: 'material_coop', value: (d) => d.quad[2] ?? 0, right: true },
          { name: 'verbal_conflict', value: (d) => d.quad[3] ?? 0, right: true },
          { name: 'material_conflict', value: (d) => d.quad[4] ?? 0, right: true },
          { name: 'first', value: (d) => d.first },
          { name: 'last', value: (d) => d.last },
        ]);
        w.write(rows);
        w.end();
      });
    });

  query
    .command('top')
    .description('the top dyads (or actors) of a period, and what changed against the period before')
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the period', isoDate)
    .requiredOption('--to <YYYY-MM-DD>', 'last day of the period', isoDate)
    .option('--actors', 'top actors (either side) instead of dyads')
    .addOption(new Option('--by <ranking>', 'most events, highest tension, or largest rise in events').choices(['events', 'tension', 'rise']).default('events'))
    .addOption(level())
    .addOption(minEvents())
    .addOption(formatOpt())
    .addOption(new Option('--limit <n>', 'how many (default 20)').argParser(count))
    .addOption(dbOption())
    .action(async (o) => {
      await withStore(o.db, async (store) => {
        const q = { from: o.from, to: o.to, by: o.by, level: o.level, minEvents: o.minEvents || undefined, limit: o.limit || 20 } as never;
        type Row = { key: string; current: import('../store/types.js').Measures; previous: import('../store/types.js').Measures; change: import('../store/types.js').Change; name?: string };
        const top = o.actors ? await store.topActors(q) : await store.topDyads(q);
        const rows: Row[] = top.items.map((x) => ('code' in x ? { key: x.code, name: x.name, ...x } : { key: `${x.source}->${x.target}`, ...x }) as Row);
        const w = new RowWriter<Row>(
          process.stdout,
          o.format,
          [
            { name: o.actors ? 'actor' : 'dyad', value: (r) => r.key },
            ...(o.actors ? [{ name: 'name', value: (r: Row) => r.name, max: 24 }] : []),
            { name: 'events', value: (r) => r.current.events, right: true },
            { name: 'before', value: (r) => r.previous.events, right: true },
            { name: 'change', value: (r) => r.change.events, right: true },
            { name: 'change_ratio', value: (r) => n(r.change.eventsRatio), right: true },
            { name: 'goldstein_mean', value: (r) => n(r.current.goldsteinMean), right: true },
            { name: 'tension', value: (r) => n(r.current.tension), right: true },
            { name: 'tension_before', value: (r) => n(r.previous.tension), right: true },
          ],
          (r) => r,
        );
        w.write(rows);
        w.end(o.format === 'table' ? `period ${top.period.from}..${top.period.to}, compared with ${top.previous.from}..${top.previous.to}` : undefined);
      });
    });

  query
    .command('quotes')
    .description('quotes, by speaker name, speaker actor code or words')
    .option('--speaker <name>', 'words in the speaker’s name')
    .option('--actor <code>', 'speaker actor code prefix')
    .option('--text <words>', 'words in the quote')
    .option('--article <id>', 'quotes of this article')
    .addOption(new Option('--kind <kind>', 'direct or indirect').choices(['direct', 'indirect']))
    .addOption(fromOpt())
    .addOption(toOpt())
    .addOption(formatOpt())
    .addOption(limitOpt())
    .addOption(dbOption())
    .action(async (o) => {
      await withStore(o.db, async (store) => {
        type Q = Awaited<ReturnType<Store['quotes']>>['items'][number];
        const w = new RowWriter<Q>(process.stdout, o.format, [
          { name: 'date', value: (q) => q.article.date },
          { name: 'speaker', value: (q) => q.speaker?.person ?? q.speaker?.name ?? q.speaker?.text, max: 24 },
          { name: 'code', value: (q) => q.speaker?.code },
          { name: 'kind', value: (q) => q.kind },
          { name: 'quote', value: (q) => q.text, max: 80 },
          { name: 'article', value: (q) => q.articleId, max: 20 },
        ]);
        const f = { speaker: o.speaker, actor: o.actor, text: o.text, article: o.article, kind: o.kind, from: o.from, to: o.to };
        for (const k of Object.keys(f) as (keyof typeof f)[]) if (f[k] === undefined) delete f[k];
        await pageThrough((cursor, size) => store.quotes({ ...f, limit: size, ...(cursor ? { cursor } : {}) }), rowLimit(o), w);
        w.end();
      });
    });

  query
    .command('actors')
    .description('actors seen in the stored articles, most mentioned first')
    .option('--code <code>', 'code prefix')
    .option('--name <words>', 'words in the name')
    .addOption(formatOpt())
    .addOption(limitOpt())
    .addOption(dbOption())
    .action(async (o) => {
      await withStore(o.db, async (store) => {
        type A = Awaited<ReturnType<Store['actors']>>['items'][number];
        const w = new RowWriter<A>(process.stdout, o.format, [
          { name: 'code', value: (a) => a.code },
          { name: 'name', value: (a) => a.name, max: 30 },
          { name: 'kind', value: (a) => a.kind },
          { name: 'mentions', value: (a) => a.mentions, right: true },
          { name: 'as_source', value: (a) => a.asSource, right: true },
          { name: 'as_target', value: (a) => a.asTarget, right: true },
          { name: 'first', value: (a) => a.first },
          { name: 'last', value: (a) => a.last },
        ]);
        const f: { code?: string; name?: string } = {};
        if (o.code) f.code = o.code;
        if (o.name) f.name = o.name;
        await pageThrough((cursor, size) => store.actors({ ...f, limit: size, ...(cursor ? { cursor } : {}) }), rowLimit(o), w);
        w.end();
      });
    });

  query
    .command('article')
    .description('one stored article with its text and every span: sentences, actors, events (with their event ids), quotes (JSON)')
    .argument('<id>', 'the article id')
    .option('--pretty', 'indent the JSON')
    .addOption(dbOption())
    .action(async (id: string, o) => {
      await withStore(o.db, async (store) => {
        const a = await store.getArticle(id);
        if (!a) throw new DyadError('E_NOT_FOUND', `no article ${id} in ${store.location}`);
        process.stdout.write(JSON.stringify(a, null, o.pretty ? 2 : undefined) + '\n');
      });
    });
}
