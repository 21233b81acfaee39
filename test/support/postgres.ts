/**
 * The PostgreSQL server the storage tests run against: `DYAD_TEST_POSTGRES`,
 * else `DATABASE_URL`, else the local server with trust auth that CI starts
 * (`.ci/run`). Tests create their own schema in it and drop it afterwards.
 * A server that cannot be reached is a test FAILURE with this message, not
 * a skip; `DYAD_TEST_POSTGRES=skip` leaves the PostgreSQL runs out on purpose.
 */
import pg from 'pg';

export const PG_SKIP = process.env.DYAD_TEST_POSTGRES === 'skip';

export function pgTestUrl(): string {
  const v = process.env.DYAD_TEST_POSTGRES;
  if (v && v !== 'skip') return v;
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

/** A URL of the test server with `?schema=NAME` set. */
export function pgSchemaUrl(schema: string, base = pgTestUrl()): string {
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return u.toString();
}

/** null when the server answers; otherwise why not, and what to do about it. */
export async function pgUnavailable(url = pgTestUrl()): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    const safe = url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
    return `PostgreSQL is not reachable at ${safe} (${(e as Error).message}). Start it (.ci/run does: pg_ctlcluster 15 main start), point DYAD_TEST_POSTGRES (or DATABASE_URL) at a server, or set DYAD_TEST_POSTGRES=skip to leave the PostgreSQL runs out on purpose.`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Runs SQL on the server (outside any store), e.g. to drop a test schema. */
export async function pgQuery(sql: string, url = pgTestUrl()): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}
