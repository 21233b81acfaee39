/**
 * Opening a store: `openStore(url)` picks the backend from the URL.
 *
 * - `undefined` or `''`: the SQLite file `./dyad.sqlite`
 * - a path (`data/events.sqlite`) or `sqlite:PATH` / `sqlite://PATH`: that SQLite file
 * - `sqlite::memory:`: an in-memory SQLite store (for tests)
 * - `postgres://…` or `postgresql://…`: a PostgreSQL database; a `schema`
 *   query parameter (`?schema=dyad`) puts dyad's tables in that schema
 *
 * Migrations (src/store/migrations/) are applied when a store is opened.
 */
import { DyadError } from '../core/errors.js';
import type { Store } from './types.js';

export type * from './types.js';
export { contentHash } from './content-hash.js';

export const DEFAULT_DB = './dyad.sqlite';

export interface OpenOptions {
  /** PostgreSQL: connections in the pool (default 4) */
  poolSize?: number;
  /** SQLite: open read-only (no migrations are applied) */
  readonly?: boolean;
}

/** Which backend a URL names, and the path or connection string to hand it. */
export function parseStoreUrl(url?: string): { backend: 'sqlite'; path: string } | { backend: 'postgres'; url: string } {
  const u = (url ?? '').trim();
  if (u === '') return { backend: 'sqlite', path: DEFAULT_DB };
  if (/^postgres(ql)?:\/\//i.test(u)) return { backend: 'postgres', url: u };
  if (/^sqlite:/i.test(u)) {
    const path = u.replace(/^sqlite:(\/\/)?/i, '');
    if (path === '') throw new DyadError('E_CONFIG', `store URL "${u}" names no file (write sqlite:PATH)`);
    return { backend: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    throw new DyadError('E_CONFIG', `store URL "${u}": unknown scheme (use a file path, sqlite:PATH or postgres://…)`);
  }
  return { backend: 'sqlite', path: u };
}

/** Opens (and if needed creates and migrates) the store the URL names. */
export async function openStore(url?: string, opts: OpenOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  if (target.backend === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
    return openSqliteStore(target.path, opts);
  }
  const { openPostgresStore } = await import('./postgres/postgres-store.js');
  return openPostgresStore(target.url, opts);
}
