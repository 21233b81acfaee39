/**
 * `dyad serve`: the HTTP API and the dashboard over a store.
 *
 *   dyad serve [--db URL] [--host 127.0.0.1] [--port 8377] [--token T] [--demo]
 *
 * Bound to 127.0.0.1 unless --host says otherwise. Write endpoints need the
 * token (--token or DYAD_TOKEN) when one is set; off loopback without one
 * they are disabled. `--demo` first ingests dyad's example articles
 * (examples/) when the store holds no article, so a new user sees data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createEngine, type EngineOptions } from '../engine.js';
import { DyadError } from '../core/errors.js';
import { packageRoot } from '../paths.js';
import { createApp, DEFAULT_HOST, DEFAULT_MAX_BODY, DEFAULT_PORT } from '../server/app.js';
import { isLoopback, listen, type RunningServer } from '../server/listen.js';
import { loadWebAssets } from '../server/web-assets.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { dbOption, ingestCommand, storeUrl } from './ingest.js';

export interface ServeOptions {
  db?: string;
  host: string;
  port: number;
  token?: string;
  maxBody: number;
  allowHost?: string[];
  demo?: boolean;
  dashboard: boolean;
  /** folder of the built dashboard (default dist/web) */
  webDir?: string;
  engine?: EngineOptions;
}

/** `1mb`, `512kb`, `2000000` → bytes. */
export function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 1mb, 512kb or 100000');
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const n = Math.round(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]!);
  if (n < 1024) throw new InvalidArgumentError('the limit must be at least 1kb');
  return n;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535 (0 picks a free one)');
  return n;
}

/** The folder of example articles that ships with dyad. */
export function examplesDir(): string {
  return join(packageRoot(), 'examples');
}

export interface ServeHandle {
  server: RunningServer;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store, builds the engine and starts listening; prints where. */
export async function serveCommand(o: ServeOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<ServeHandle> {
  const loopback = isLoopback(o.host);
  const engine = await createEngine(o.engine ?? {});
  const store = await openStore(storeUrl(o.db));
  try {
    if (o.demo) {
      const stats = await store.stats();
      if (stats.articles === 0) {
        const dir = examplesDir();
        if (!existsSync(dir)) throw new DyadError('E_CONFIG', `--demo: the examples folder ${dir} is missing`);
        const r = await ingestCommand(engine, store, [dir], { progress: 'none', quiet: true }, err);
        out.write(`dyad: --demo: stored ${r.stored} example article${r.stored === 1 ? '' : 's'} from ${dir} in ${store.location}\n`);
      }
    }
    const web = o.dashboard ? loadWebAssets(o.webDir) : null;
    if (o.dashboard && !web) err.write('dyad: warning: the dashboard is not built (run `npm run build`); serving the API only\n');
    const app = createApp({
      engine,
      store,
      token: o.token ?? null,
      loopback,
      maxBodyBytes: o.maxBody,
      web,
      allowedHosts: o.allowHost ?? [],
      log: (line) => err.write(line + '\n'),
    });
    const server = await listen(app, o.host, o.port);
    const stats = await store.stats();
    out.write(
      `dyad: serving ${web ? 'the dashboard and ' : ''}the API on ${server.url}/ (OpenAPI: ${server.url}/openapi.json)\n` +
        `dyad: store ${store.location}: ${stats.articles} articles, ${stats.events} events\n`,
    );
    if (!loopback && !o.token) err.write('dyad: warning: listening beyond loopback without --token: write endpoints are disabled\n');
    return {
      server,
      store,
      close: async () => {
        await server.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard over a store (http://127.0.0.1:8377 by default)')
    .addOption(dbOption())
    .option('--host <address>', 'address to listen on; anything but loopback needs --token for writes', DEFAULT_HOST)
    .option('--port <n>', 'port (0 picks a free one)', port, DEFAULT_PORT)
    .addOption(new Option('--token <token>', 'token that write endpoints need (Authorization: Bearer TOKEN)').env('DYAD_TOKEN'))
    .addOption(new Option('--max-body <size>', 'largest request body, e.g. 1mb, 512kb').argParser(parseSize).default(DEFAULT_MAX_BODY, '1mb'))
    .option('--allow-host <name...>', 'host names the Host header may carry besides localhost (behind a proxy)')
    .option('--demo', "first store dyad's example articles (examples/) if the store holds none")
    .option('--no-dashboard', 'serve the API only')
    .option('--ontology <dir>', "dictionary folder (default: dyad's own ontology/)")
    .addOption(new Option('--quad <convention>', 'quad class convention').choices(['gdelt', 'phoenix']).default('gdelt'))
    .addHelpText(
      'after',
      '\nEndpoints are described in docs/api.md and at /openapi.json. Stop with Ctrl-C.\n' +
        'Example: dyad serve --demo      # store the examples in ./dyad.sqlite and open http://127.0.0.1:8377',
    )
    .action(async (o) => {
      const engine: EngineOptions = {};
      if (o.ontology) engine.ontology = o.ontology;
      if (o.quad) engine.quad = o.quad;
      const handle = await serveCommand(
        { db: o.db, host: o.host, port: o.port, token: o.token, maxBody: o.maxBody, allowHost: o.allowHost, demo: o.demo, dashboard: o.dashboard, engine },
        process.stdout,
        process.stderr,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void handle.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
