/**
 * The PostgreSQL backend (node-postgres). Parameterised SQL only. Writes
 * are batched: one `putDocuments` call is one transaction of a handful of
 * statements (each table's rows go in one `INSERT … SELECT FROM unnest(…)`),
 * whatever the number of documents.
 *
 * Many writers at once: articles are claimed with `INSERT … ON CONFLICT DO
 * NOTHING` on the id and on the content hash, so of two processes storing
 * the same article exactly one stores it and the other sees a duplicate;
 * events and actors are upserted with `ON CONFLICT … DO UPDATE` that add
 * counts atomically, in sorted key order (so concurrent writers lock rows in
 * the same order); a transaction that still loses a deadlock or a
 * serialisation race is retried from the start.
 */
import pg from 'pg';
import { DyadError } from '../../core/errors.js';
import type { CodedDocument } from '../../output/schema.js';
import { postgresMigrations } from '../migrations/postgres.js';
import type { Migration } from '../migrations/index.js';
import type { SqlRunner } from '../sql/reader.js';
import { documentRows, sideCounts, type DocumentRows, type EventRow } from '../sql/rows.js';
import { postgresDialect } from '../sql/sql.js';
import * as feeds from '../sql/feeds.js';
import type { PutResult, Store } from '../types.js';
import { createHash } from 'node:crypto';

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

/** The URL with its password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

function connectError(e: unknown, location: string): DyadError {
  if (e instanceof DyadError) return e;
  const err = e as NodeJS.ErrnoException & { code?: string };
  const why =
    err.code === 'ECONNREFUSED' ? 'connection refused (is the server running?)'
    : err.code === 'ENOTFOUND' ? 'unknown host'
    : err.code === '3D000' ? 'the database does not exist'
    : err.code === '28P01' || err.code === '28000' ? 'authentication failed'
    : err.message;
  return new DyadError('E_STORE', `cannot reach PostgreSQL at ${location}: ${why}`, undefined, { cause: e });
}

function queryError(e: unknown, what: string): DyadError {
  if (e instanceof DyadError) return e;
  const err = e as Error & { code?: string };
  return new DyadError('E_STORE', `${what}: ${err.message}${err.code ? ` [${err.code}]` : ''}`, undefined, { cause: e });
}

/** Applies the migrations newer than the schema's recorded version, under an advisory lock (many processes may start at once). */
export async function migratePostgres(client: pg.PoolClient, schema: string, migrations: readonly Migration[] = postgresMigrations): Promise<number[]> {
  const applied: number[] = [];
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`dyad-migrate:${schema}`]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".dyad_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const { rows } = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM "${schema}".dyad_migrations`);
    const current = rows[0]?.v ?? 0;
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (current > known) {
      throw new DyadError('E_STORE', `the store is at schema version ${current}, newer than this dyad knows (${known}): upgrade dyad`);
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL search_path TO "${schema}"`);
        await client.query(m.sql);
        await client.query(`INSERT INTO "${schema}".dyad_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`dyad-migrate:${schema}`]);
  }
  return applied;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class PostgresStore extends feeds.SqlFeedStore implements Store {
  readonly backend = 'postgres' as const;
  protected readonly dialect = postgresDialect;
  protected readonly db: SqlRunner;
  protected readonly feedDb: feeds.SqlBatchRunner;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    super();
    this.db = {
      all: async <T>(sql: string, params: readonly unknown[]): Promise<T[]> => {
        this.check();
        try {
          // the recurring query shapes are prepared once per connection; long
          // ones (IN lists of many ids) are not, so the set of prepared
          // statements stays small however varied the queries
          const r =
            sql.length < 3000
              ? await this.pool.query({ name: 'q' + createHash('sha1').update(sql).digest('hex').slice(0, 20), text: sql, values: params as unknown[] })
              : await this.pool.query({ text: sql, values: params as unknown[] });
          return r.rows as T[];
        } catch (e) {
          throw queryError(e, `query failed on ${this.location}`);
        }
      },
    };
    this.feedDb = { all: this.db.all, batch: (statements) => this.batch(statements) };
  }

  /** Runs `fn` in one transaction on a connection of the pool: committed if it returns, rolled back if it throws (the error goes on as it is). */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw connectError(e, this.location);
    }
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Statements in one transaction (unprepared: the feed tables' statements vary in length and are rare). */
  private async batch(statements: readonly { sql: string; params: readonly unknown[] }[]): Promise<void> {
    this.check();
    try {
      await this.transaction(async (client) => {
        for (const st of statements) await client.query({ text: st.sql, values: st.params as unknown[] });
      });
    } catch (e) {
      throw queryError(e, `could not write the feed state in ${this.location}`);
    }
  }

  private check(): void {
    if (this.closed) throw new DyadError('E_STORE', `the store ${this.location} is closed`);
  }

  async putDocument(doc: CodedDocument): Promise<PutResult> {
    return (await this.putDocuments([doc]))[0]!;
  }

  async putDocuments(docs: readonly CodedDocument[]): Promise<PutResult[]> {
    this.check();
    if (!docs.length) return [];
    const now = new Date().toISOString();
    const rows = docs.map((d) => documentRows(d, now));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction((client) => this.writeBatch(client, rows));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < 8) {
          await sleep(10 * 2 ** attempt * Math.random());
          continue;
        }
        throw queryError(e, `could not store ${docs.length === 1 ? `article ${docs[0]!.id}` : `${docs.length} articles`} in ${this.location}`);
      }
    }
  }

  private async writeBatch(c: pg.PoolClient, all: DocumentRows[]): Promise<PutResult[]> {
    const results: PutResult[] = all.map((r) => ({ id: r.article.id, status: 'duplicate', mentions: r.mentions.length, newEvents: 0 }));
    // one candidate per id and per content hash within the batch; later repeats are duplicates of the first
    const firstOf = new Map<string, number>();
    const candidates: number[] = [];
    all.forEach((r, i) => {
      const prior = firstOf.get('i:' + r.article.id) ?? firstOf.get('h:' + r.article.content_hash);
      if (prior !== undefined) {
        results[i]!.duplicateOf = all[prior]!.article.id;
        results[i]!.by = all[prior]!.article.id === r.article.id ? 'id' : 'content';
        return;
      }
      firstOf.set('i:' + r.article.id, i);
      firstOf.set('h:' + r.article.content_hash, i);
      candidates.push(i);
    });
    // input order, so that `seq` (ingest order) follows the batch; a deadlock
    // between two batches holding the same articles in other orders is retried
    const A = candidates.map((i) => all[i]!.article);
    const ins = await c.query<{ seq: string; id: string }>(
      `INSERT INTO articles (id, content_hash, title, date, url, outlet, text, chars, schema_version, ontology, messages, n_mentions, n_actors, n_quotes, ingested_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::int[], $15::text[])
       ON CONFLICT DO NOTHING RETURNING seq, id`,
      [
        A.map((a) => a.id), A.map((a) => a.content_hash), A.map((a) => a.title), A.map((a) => a.date), A.map((a) => a.url), A.map((a) => a.outlet),
        A.map((a) => a.text), A.map((a) => a.chars), A.map((a) => a.schema_version), A.map((a) => a.ontology), A.map((a) => a.messages),
        A.map((a) => a.n_mentions), A.map((a) => a.n_actors), A.map((a) => a.n_quotes), A.map((a) => a.ingested_at),
      ],
    );
    const seqOf = new Map(ins.rows.map((r) => [r.id, r.seq]));
    const lost = candidates.filter((i) => !seqOf.has(all[i]!.article.id));
    if (lost.length) {
      const ids = lost.map((i) => all[i]!.article.id);
      const hashes = lost.map((i) => all[i]!.article.content_hash);
      const { rows } = await c.query<{ id: string; content_hash: string }>(
        'SELECT id, content_hash FROM articles WHERE id = ANY($1::text[]) OR content_hash = ANY($2::text[])',
        [ids, hashes],
      );
      for (const i of lost) {
        const a = all[i]!.article;
        const hit = rows.find((r) => r.id === a.id) ?? rows.find((r) => r.content_hash === a.content_hash);
        if (hit) {
          results[i]!.duplicateOf = hit.id;
          results[i]!.by = hit.id === a.id ? 'id' : 'content';
        }
      }
    }
    const stored = all.map((r, i) => ({ r, i })).filter(({ r, i }) => seqOf.has(r.article.id) && !results[i]!.duplicateOf);
    if (!stored.length) return results;

    // child rows of every stored article, one statement per table
    const sent: unknown[][] = [[], [], [], [], []];
    const act: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
    const quo: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
    const men: unknown[][] = [[], [], [], [], [], [], []];
    const events = new Map<string, { e: EventRow; mentions: number; articles: number; first: string; doc: number }>();
    for (const { r, i } of stored) {
      const seq = seqOf.get(r.article.id)!;
      for (const s of r.sentences) [seq, s.idx, s.span_start, s.span_end, s.paragraph].forEach((v, k) => sent[k]!.push(v));
      for (const m of r.actorMentions) [seq, m.idx, m.span_start, m.span_end, m.sentence, m.code, m.kind, m.name, m.person, m.rule_file, m.rule_line].forEach((v, k) => act[k]!.push(v));
      for (const q of r.quotes) [seq, q.idx, q.kind, q.span_start, q.span_end, q.sentence, q.speaker_code, q.speaker_words, q.date, q.data].forEach((v, k) => quo[k]!.push(v));
      for (const m of r.mentions) [seq, m.idx, m.event, m.sentence, m.sent_start, m.sent_end, m.data].forEach((v, k) => men[k]!.push(v));
      for (const e of r.events) {
        const x = events.get(e.id);
        if (x) {
          x.mentions += e.mentions;
          x.articles += 1;
        } else events.set(e.id, { e, mentions: e.mentions, articles: 1, first: r.article.id, doc: i });
      }
    }
    if (sent[0]!.length) {
      await c.query('INSERT INTO sentences (article, idx, span_start, span_end, paragraph) SELECT * FROM unnest($1::int8[], $2::int[], $3::int[], $4::int[], $5::int[])', sent);
    }
    if (act[0]!.length) {
      await c.query(
        'INSERT INTO actor_mentions (article, idx, span_start, span_end, sentence, code, kind, name, person, rule_file, rule_line) SELECT * FROM unnest($1::int8[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])',
        act,
      );
    }
    if (quo[0]!.length) {
      await c.query(
        'INSERT INTO quotes (article, idx, kind, span_start, span_end, sentence, speaker_code, speaker_words, date, data) SELECT * FROM unnest($1::int8[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])',
        quo,
      );
    }
    const fresh: EventRow[] = [];
    if (events.size) {
      const E = [...events.values()].sort((a, b) => (a.e.id < b.e.id ? -1 : 1));
      const col = <K extends keyof EventRow>(k: K) => E.map((x) => x.e[k]);
      const { rows } = await c.query<{ id: string; inserted: boolean }>(
        `INSERT INTO events (id, date, source, target, cameo, root, negated, label, plover_type, plover_mode, goldstein, quad, source_name, target_name, mentions, articles, first_article)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int2[], $8::text[], $9::text[], $10::text[], $11::float8[], $12::int2[], $13::text[], $14::text[], $15::int[], $16::int[], $17::text[])
         ON CONFLICT (id) DO UPDATE SET mentions = events.mentions + EXCLUDED.mentions, articles = events.articles + EXCLUDED.articles
         RETURNING id, (xmax = 0) AS inserted`,
        [
          col('id'), col('date'), col('source'), col('target'), col('cameo'), col('root'), col('negated'), col('label'), col('plover_type'), col('plover_mode'),
          col('goldstein'), col('quad'), col('source_name'), col('target_name'), E.map((x) => x.mentions), E.map((x) => x.articles), E.map((x) => x.first),
        ],
      );
      for (const r of rows) {
        if (!r.inserted) continue;
        const x = events.get(r.id)!;
        fresh.push(x.e);
        results[x.doc]!.newEvents++;
      }
    }
    if (men[0]!.length) {
      await c.query(
        'INSERT INTO mentions (article, idx, event, sentence, sent_start, sent_end, data) SELECT * FROM unnest($1::int8[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[])',
        men,
      );
    }
    // actors: this batch's contribution per code, in code order
    const actors = new Map<string, { name: string | null; kind: string | null; mentions: number; first: string | null; last: string | null }>();
    for (const { r } of stored) {
      for (const a of r.actors) {
        const x = actors.get(a.code);
        if (!x) actors.set(a.code, { name: a.name, kind: a.kind, mentions: a.mentions, first: a.date, last: a.date });
        else {
          x.name ??= a.name;
          x.kind ??= a.kind;
          x.mentions += a.mentions;
          if (a.date && (!x.first || a.date < x.first)) x.first = a.date;
          if (a.date && (!x.last || a.date > x.last)) x.last = a.date;
        }
      }
    }
    if (actors.size) {
      const sides = sideCounts(fresh);
      const codes = [...actors.keys()].sort();
      const X = codes.map((k) => actors.get(k)!);
      await c.query(
        `INSERT INTO actors (code, name, kind, mentions, as_source, as_target, first, last)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[])
         ON CONFLICT (code) DO UPDATE SET
           name = COALESCE(actors.name, EXCLUDED.name),
           kind = COALESCE(actors.kind, EXCLUDED.kind),
           mentions = actors.mentions + EXCLUDED.mentions,
           as_source = actors.as_source + EXCLUDED.as_source,
           as_target = actors.as_target + EXCLUDED.as_target,
           first = CASE WHEN EXCLUDED.first IS NOT NULL AND (actors.first IS NULL OR EXCLUDED.first < actors.first) THEN EXCLUDED.first ELSE actors.first END,
           last = CASE WHEN EXCLUDED.last IS NOT NULL AND (actors.last IS NULL OR EXCLUDED.last > actors.last) THEN EXCLUDED.last ELSE actors.last END`,
        [codes, X.map((x) => x.name), X.map((x) => x.kind), X.map((x) => x.mentions), codes.map((k) => sides.get(k)?.asSource ?? 0), codes.map((k) => sides.get(k)?.asTarget ?? 0), X.map((x) => x.first), X.map((x) => x.last)],
      );
    }
    for (const { r, i } of stored) {
      results[i] = { id: r.article.id, status: 'inserted', mentions: r.mentions.length, newEvents: results[i]!.newEvents };
    }
    return results;
  }

  async analyze(): Promise<void> {
    this.check();
    try {
      await this.pool.query('ANALYZE articles, sentences, actor_mentions, quotes, events, mentions, actors');
    } catch (e) {
      throw queryError(e, `could not analyze ${this.location}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

const SCHEMA = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Opens the PostgreSQL store at `url` (`postgres://user@host:port/db`,
 * optionally `?schema=NAME`, default `public`), creating the schema and
 * applying migrations.
 */
export async function openPostgresStore(url: string, opts: { poolSize?: number } = {}): Promise<Store> {
  let conn: URL;
  try {
    conn = new URL(url);
  } catch {
    throw new DyadError('E_CONFIG', `store URL "${redactUrl(url)}" is not a valid postgres:// URL`);
  }
  const schema = conn.searchParams.get('schema') ?? 'public';
  if (!SCHEMA.test(schema)) throw new DyadError('E_CONFIG', `schema "${schema}" should be letters, digits and _ (starting with a letter or _)`);
  conn.searchParams.delete('schema');
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: conn.toString(),
    max: opts.poolSize ?? 4,
    options: `-c search_path="${schema}"`,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => undefined); // an idle client's error: the next query reports it
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw connectError(e, location);
  }
  try {
    await migratePostgres(client, schema);
  } catch (e) {
    client.release();
    await pool.end().catch(() => undefined);
    throw queryError(e, `cannot prepare the store ${location}`);
  }
  client.release();
  return new PostgresStore(pool, location);
}
