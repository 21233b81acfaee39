/**
 * The feed-watching tables (`feeds`, `feed_items`, migration 3), written
 * once for both backends: the same parameterised SQL runs on SQLite and
 * PostgreSQL (`INSERT … ON CONFLICT … DO UPDATE` is common to both), each
 * write in one transaction of the backend's `batch`.
 */
import { DyadError } from '../../core/errors.js';
import type { FeedItemRecord, FeedState } from '../types.js';
import { SqlReader } from './reader.js';
import { Params, type Dialect } from './sql.js';

/** What a backend gives the feed tables: queries, and statements run together in one transaction. */
export interface SqlBatchRunner {
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  /** runs the statements in order in one transaction: all or none */
  batch(statements: readonly { sql: string; params: readonly unknown[] }[]): Promise<void>;
}

const OUTCOMES = new Set<FeedItemRecord['outcome']>(['stored', 'duplicate', 'skipped', 'pending']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** rows per INSERT or per IN list (6 parameters a row: well under both backends' limits) */
const CHUNK = 500;

function key(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new DyadError('E_USAGE', `${what} should be a non-empty string (got ${JSON.stringify(v)})`);
  if (v.length > 8192) throw new DyadError('E_USAGE', `${what} is longer than 8192 characters`);
  return v;
}

function textOrNull(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new DyadError('E_USAGE', `${what} should be a string or null (got ${JSON.stringify(v)})`);
  return v;
}

function instantOrNull(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !INSTANT.test(v) || Number.isNaN(Date.parse(v))) {
    throw new DyadError('E_USAGE', `${what} should be an ISO 8601 UTC instant like 2024-03-06T10:00:00.000Z (got ${JSON.stringify(v)})`);
  }
  return v;
}

function count(v: unknown, what: string): number {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 2 ** 31 - 1) {
    throw new DyadError('E_USAGE', `${what} should be a whole number ≥ 0 (got ${JSON.stringify(v)})`);
  }
  return v as number;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  not_before: string | null;
  failures: number;
  last_error: string | null;
}

interface FeedItemRow {
  item: string;
  outcome: string;
  article: string | null;
  tries: number;
  recorded_at: string;
}

export async function getFeedState(db: SqlBatchRunner, d: Dialect, url: string): Promise<FeedState | null> {
  const p = new Params(d);
  const rows = await db.all<FeedRow>(
    `SELECT url, etag, last_modified, last_polled_at, not_before, failures, last_error FROM feeds WHERE url = ${p.add(key(url, 'feed url'))}`,
    p.values,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    notBefore: r.not_before,
    failures: Number(r.failures),
    lastError: r.last_error,
  };
}

export async function putFeedState(db: SqlBatchRunner, d: Dialect, s: FeedState): Promise<void> {
  if (!s || typeof s !== 'object') throw new DyadError('E_USAGE', 'a feed state should be an object');
  const p = new Params(d);
  const values = [
    p.add(key(s.url, 'feed url')),
    p.add(textOrNull(s.etag, 'etag')),
    p.add(textOrNull(s.lastModified, 'lastModified')),
    p.add(instantOrNull(s.lastPolledAt, 'lastPolledAt')),
    p.add(instantOrNull(s.notBefore, 'notBefore')),
    p.add(count(s.failures, 'failures')),
    p.add(textOrNull(s.lastError, 'lastError')),
  ];
  await db.batch([
    {
      sql: `INSERT INTO feeds (url, etag, last_modified, last_polled_at, not_before, failures, last_error) VALUES (${values.join(', ')})
        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at,
          not_before = excluded.not_before, failures = excluded.failures, last_error = excluded.last_error`,
      params: p.values,
    },
  ]);
}

export async function feedItems(db: SqlBatchRunner, d: Dialect, feed: string, items: readonly string[]): Promise<Map<string, FeedItemRecord>> {
  key(feed, 'feed url');
  if (!Array.isArray(items)) throw new DyadError('E_USAGE', 'items should be a list of item keys');
  const wanted = [...new Set(items.map((x, i) => key(x, `items[${i}]`)))];
  const out = new Map<string, FeedItemRecord>();
  // PostgreSQL takes the keys as one array (one statement shape, prepared once); SQLite as an IN list of up to CHUNK
  const step = d.name === 'postgres' ? Math.max(1, wanted.length) : CHUNK;
  for (let at = 0; at < wanted.length; at += step) {
    const p = new Params(d);
    const f = p.add(feed);
    const chunk = wanted.slice(at, at + step);
    const cond = d.name === 'postgres' ? `item = ANY(${p.add(chunk)}::text[])` : `item IN (${chunk.map((x) => p.add(x)).join(', ')})`;
    const rows = await db.all<FeedItemRow>(`SELECT item, outcome, article, tries, recorded_at FROM feed_items WHERE feed = ${f} AND ${cond}`, p.values);
    for (const r of rows) {
      out.set(r.item, { item: r.item, outcome: r.outcome as FeedItemRecord['outcome'], article: r.article, tries: Number(r.tries), recordedAt: r.recorded_at });
    }
  }
  return out;
}

export async function putFeedItems(db: SqlBatchRunner, d: Dialect, feed: string, records: readonly FeedItemRecord[]): Promise<void> {
  key(feed, 'feed url');
  if (!Array.isArray(records)) throw new DyadError('E_USAGE', 'records should be a list of feed item records');
  // one row per item, the last record winning (an upsert may not touch a row twice in one statement)
  const last = new Map<string, FeedItemRecord>();
  records.forEach((r, i) => {
    if (!r || typeof r !== 'object') throw new DyadError('E_USAGE', `records[${i}] should be an object`);
    key(r.item, `records[${i}].item`);
    if (!OUTCOMES.has(r.outcome)) throw new DyadError('E_USAGE', `records[${i}].outcome should be one of ${[...OUTCOMES].join(', ')} (got ${JSON.stringify(r.outcome)})`);
    textOrNull(r.article, `records[${i}].article`);
    count(r.tries, `records[${i}].tries`);
    if (instantOrNull(r.recordedAt, `records[${i}].recordedAt`) === null) throw new DyadError('E_USAGE', `records[${i}].recordedAt is required`);
    last.set(r.item, r);
  });
  const rows = [...last.values()];
  if (!rows.length) return;
  const statements: { sql: string; params: unknown[] }[] = [];
  for (let at = 0; at < rows.length; at += CHUNK) {
    const p = new Params(d);
    const tuples = rows
      .slice(at, at + CHUNK)
      .map((r) => `(${[p.add(feed), p.add(r.item), p.add(r.outcome), p.add(r.article ?? null), p.add(r.tries), p.add(r.recordedAt)].join(', ')})`);
    statements.push({
      sql: `INSERT INTO feed_items (feed, item, outcome, article, tries, recorded_at) VALUES ${tuples.join(', ')}
        ON CONFLICT (feed, item) DO UPDATE SET outcome = excluded.outcome, article = excluded.article, tries = excluded.tries, recorded_at = excluded.recorded_at`,
      params: p.values,
    });
  }
  await db.batch(statements);
}

/**
 * Forgets the records of a feed's items that the feed no longer lists
 * (`keep` is what it lists now) and that were recorded before `before`; returns
 * how many. An item forgotten and listed again later is fetched again and then
 * found stored already (articles are deduplicated by id and content hash), so
 * forgetting loses nothing; it keeps `feed_items` from growing without end.
 */
export async function forgetFeedItems(db: SqlBatchRunner, d: Dialect, feed: string, keep: readonly string[], before: string): Promise<number> {
  key(feed, 'feed url');
  if (!Array.isArray(keep)) throw new DyadError('E_USAGE', 'keep should be a list of item keys');
  if (instantOrNull(before, 'before') === null) throw new DyadError('E_USAGE', 'before is required');
  const listed = new Set(keep.map((x, i) => key(x, `keep[${i}]`)));
  const p = new Params(d);
  const old = await db.all<{ item: string }>(`SELECT item FROM feed_items WHERE feed = ${p.add(feed)} AND recorded_at < ${p.add(before)}`, p.values);
  const gone = old.map((r) => r.item).filter((item) => !listed.has(item));
  if (!gone.length) return 0;
  const statements: { sql: string; params: unknown[] }[] = [];
  for (let at = 0; at < gone.length; at += CHUNK) {
    const q = new Params(d);
    const f = q.add(feed);
    const b = q.add(before);
    const list = gone.slice(at, at + CHUNK).map((x) => q.add(x));
    // recorded_at is tested again: a record another watcher renewed meanwhile stays
    statements.push({ sql: `DELETE FROM feed_items WHERE feed = ${f} AND recorded_at < ${b} AND item IN (${list.join(', ')})`, params: q.values });
  }
  await db.batch(statements);
  return gone.length;
}

/** The reader with the feed tables: what both backends' stores extend, giving their own batch runner. */
export abstract class SqlFeedStore extends SqlReader {
  protected abstract readonly feedDb: SqlBatchRunner;

  getFeedState(url: string): Promise<FeedState | null> {
    return getFeedState(this.feedDb, this.dialect, url);
  }

  putFeedState(state: FeedState): Promise<void> {
    return putFeedState(this.feedDb, this.dialect, state);
  }

  feedItems(feed: string, items: readonly string[]): Promise<Map<string, FeedItemRecord>> {
    return feedItems(this.feedDb, this.dialect, feed, items);
  }

  putFeedItems(feed: string, records: readonly FeedItemRecord[]): Promise<void> {
    return putFeedItems(this.feedDb, this.dialect, feed, records);
  }

  forgetFeedItems(feed: string, keep: readonly string[], before: string): Promise<number> {
    return forgetFeedItems(this.feedDb, this.dialect, feed, keep, before);
  }
}
