/**
 * Opening a store: which backend a URL names, and the errors a user sees
 * when the store cannot be opened (a missing folder, an unreachable server,
 * a store written by a newer dyad).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DyadError } from '../core/errors.js';
import { openStore, parseStoreUrl } from './index.js';
import { sqliteMigrations } from './migrations/index.js';
import { migrateSqlite } from './sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<DyadError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DyadError);
  return e as DyadError;
}

describe('openStore', () => {
  it('reads the backend from the URL', () => {
    expect(parseStoreUrl(undefined)).toEqual({ backend: 'sqlite', path: './dyad.sqlite' });
    expect(parseStoreUrl('')).toEqual({ backend: 'sqlite', path: './dyad.sqlite' });
    expect(parseStoreUrl('data/events.sqlite')).toEqual({ backend: 'sqlite', path: 'data/events.sqlite' });
    expect(parseStoreUrl('sqlite:data/e.db')).toEqual({ backend: 'sqlite', path: 'data/e.db' });
    expect(parseStoreUrl('sqlite:///abs/e.db')).toEqual({ backend: 'sqlite', path: '/abs/e.db' });
    expect(parseStoreUrl('postgres://u@h/db?schema=x')).toEqual({ backend: 'postgres', url: 'postgres://u@h/db?schema=x' });
    expect(parseStoreUrl('postgresql://u@h/db')).toEqual({ backend: 'postgres', url: 'postgresql://u@h/db' });
    expect(() => parseStoreUrl('mysql://h/db')).toThrow(/unknown scheme/);
    expect(() => parseStoreUrl('sqlite:')).toThrow(/names no file/);
  });

  it('names the missing folder of a SQLite file', async () => {
    const e = await failure(openStore(join(dir, 'no', 'such', 'dir', 'x.sqlite')));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toContain(join(dir, 'no', 'such', 'dir'));
  });

  it('says a PostgreSQL server cannot be reached, without its password', async () => {
    const e = await failure(openStore('postgres://dyad:secret@127.0.0.1:1/db'));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(/cannot reach PostgreSQL at postgres:\/\/dyad:\*\*\*@127\.0\.0\.1:1\/db: connection refused/);
    expect(e.message).not.toContain('secret');
    expect((await failure(openStore('postgres://u@127.0.0.1:1/db?schema=bad-name'))).code).toBe('E_CONFIG');
  });

  it('refuses a store written by a newer dyad rather than misreading it', async () => {
    const file = join(dir, 'newer.sqlite');
    const s = await openStore(file);
    await s.close();
    const db = new Database(file);
    db.prepare('INSERT INTO dyad_migrations (version, name, applied_at) VALUES (99, ?, ?)').run('from the future', new Date().toISOString());
    db.close();
    const e = await failure(openStore(file));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(/schema version 99, newer than this dyad knows \(3\): upgrade dyad/);
  });

  it('upgrades a store made by an older dyad, applying only the newer migrations', async () => {
    const file = join(dir, 'older.sqlite');
    const db = new Database(file);
    expect(migrateSqlite(db, sqliteMigrations.filter((m) => m.version === 1))).toEqual([1]);
    const hasIndex = (d: Database.Database, name: string) => !!d.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name);
    expect(hasIndex(db, 'events_cameo')).toBe(true);
    db.close();
    const s = await openStore(file);
    await s.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT version FROM dyad_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect(!!after.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feed_items'").get()).toBe(true);
    expect(hasIndex(after, 'events_cameo')).toBe(false);
    after.close();
  });

  it('keeps an in-memory store for tests, and a closed store says so', async () => {
    const s = await openStore('sqlite::memory:');
    expect(s.backend).toBe('sqlite');
    expect((await s.stats()).articles).toBe(0);
    await s.close();
    await s.close(); // twice is harmless
    expect((await failure(s.stats())).message).toMatch(/closed/);
  });
});
