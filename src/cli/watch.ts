/**
 * `dyad watch FEED_URL… [--every 15m] [--db URL]`: polls RSS/Atom feeds,
 * fetches each new item's page, codes and stores it (src/watch/watcher.ts).
 */
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { createEngine, type EngineOptions } from '../engine.js';
import { openStore } from '../store/index.js';
import { formatDuration, parseDuration } from '../watch/duration.js';
import { Watcher } from '../watch/watcher.js';
import { dbOption, storeUrl } from './ingest.js';

function duration(v: string): number {
  try {
    return parseDuration(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

function feedUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new InvalidArgumentError(`"${v}" is not a URL (write http://… or https://…)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidArgumentError(`"${v}": only http and https feeds can be watched`);
  return u.href;
}

export function addWatchCommand(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds; fetch, code and store each new item (remembers feeds and items in the store across restarts)')
    .addArgument(new Argument('<feeds...>', 'feed URLs (http or https)').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), feedUrl(v)]))
    .addOption(new Option('--every <duration>', 'time between polls of a feed, e.g. 15m, 1h').argParser(duration).default(15 * 60_000, '15m'))
    .addOption(dbOption())
    .option('--once', 'poll each feed that is due once and exit (for cron)')
    .addOption(new Option('--max-backoff <duration>', 'longest wait after repeated errors').argParser(duration).default(6 * 3_600_000, '6h'))
    .addOption(new Option('--timeout <duration>', 'per request').argParser(duration).default(30_000, '30s'))
    .addOption(new Option('--forget-after <duration>', 'forget the record of an item the feed stopped listing after this long').argParser(duration).default(30 * 86_400_000, '30d'))
    .option('-q, --quiet', 'print only errors')
    .option('--ontology <dir>', "dictionary folder (default: dyad's own ontology/)")
    .addOption(new Option('--quad <convention>', 'quad class convention').choices(['gdelt', 'phoenix']).default('gdelt'))
    .addHelpText(
      'after',
      '\nA feed that fails is tried again after every×2, ×4, … up to --max-backoff; the others go on.\n' +
        'Requests are conditional (ETag, Last-Modified) and Cache-Control max-age is honoured.\n' +
        'Validators, back-off and the items handled are kept in the store: a restarted watch\n' +
        '(or the next --once) goes on where the last one stopped; a feed still backing off or\n' +
        'still fresh by its caching headers is left until it is due. The record of an item the\n' +
        'feed stopped listing is forgotten after --forget-after (an item listed again is found\n' +
        'stored already, so nothing is stored twice).\n' +
        'Exit status with --once: 0 every feed polled was read, 1 some feed failed.',
    )
    .action(async (feeds: string[], o) => {
      const engineOpts: EngineOptions = {};
      if (o.ontology) engineOpts.ontology = o.ontology;
      if (o.quad) engineOpts.quad = o.quad;
      const engine = await createEngine(engineOpts);
      const store = await openStore(storeUrl(o.db));
      const log = (line: string) => {
        if (!o.quiet || /fail|error|cannot|could not|HTTP \d/.test(line)) process.stderr.write(line + '\n');
      };
      const watcher = new Watcher([...new Set(feeds)], engine, store, { everyMs: o.every, maxBackoffMs: o.maxBackoff, timeoutMs: o.timeout, forgetAfterMs: o.forgetAfter, log });
      try {
        if (o.once) {
          const reports = await watcher.pollDue();
          const now = Date.now();
          for (const f of watcher.feeds.values()) {
            if (reports.some((r) => r.feed === f.url)) continue;
            log(`dyad watch: ${f.url}: not polled: due in ${formatDuration(f.nextPollAt - now)}`);
          }
          process.exitCode = reports.some((r) => r.outcome === 'error') ? 1 : 0;
          return;
        }
        log(`dyad watch: watching ${feeds.length} feed${feeds.length === 1 ? '' : 's'} into ${store.location}; Ctrl-C to stop`);
        const stop = () => watcher.stop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await watcher.run();
      } finally {
        await store.close();
      }
    });
}
