/**
 * The SQLite backend (better-sqlite3 12.x): one file, WAL journal, one
 * transaction per `putDocuments` call. `synchronous=NORMAL` in WAL mode
 * keeps every committed transaction through a crash or kill -9 of the
 * process (a power cut may lose the last few). Several processes may open
 * the same file: writers take turns (busy timeout 30 s).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DyadError } from '../../core/errors.js';
import type { CodedDocument } from '../../output/schema.js';
import { sqliteMigrations } from '../migrations/sqlite.js';
import type { Migration } from '../migrations/index.js';
import type { SqlRunner } from '../sql/reader.js';
import { documentRows, sideCounts, type DocumentRows } from '../sql/rows.js';
import { sqliteDialect } from '../sql/sql.js';
import * as feeds from '../sql/feeds.js';
import type { PutResult, Store } from '../types.js';

type DB = Database.Database;

function storeError(e: unknown, what: string): DyadError {
  if (e instanceof DyadError) return e;
  return new DyadError('E_STORE', `${what}: ${(e as Error).message}`, undefined, { cause: e });
}

/** Applies the migrations newer than the file's recorded version, each in a transaction. */
export function migrateSqlite(db: DB, migrations: readonly Migration[] = sqliteMigrations): number[] {
  const applied: number[] = [];
  db.exec('CREATE TABLE IF NOT EXISTS dyad_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const step = db.transaction((m: Migration) => {
    // re-read inside the write lock: another process may just have applied it
    const cur = (db.prepare('SELECT max(version) AS v FROM dyad_migrations').get() as { v: number | null }).v ?? 0;
    if (m.version <= cur) return;
    db.exec(m.sql);
    db.prepare('INSERT INTO dyad_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    applied.push(m.version);
  });
  const current = (db.prepare('SELECT max(version) AS v FROM dyad_migrations').get() as { v: number | null }).v ?? 0;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (current > known) {
    throw new DyadError('E_STORE', `the store is at schema version ${current}, newer than this dyad knows (${known}): upgrade dyad`);
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version > current) step.immediate(m);
  }
  return applied;
}

class SqliteStore extends feeds.SqlFeedStore implements Store {
  readonly backend = 'sqlite' as const;
  protected readonly dialect = sqliteDialect;
  protected readonly db: SqlRunner;
  protected readonly feedDb: feeds.SqlBatchRunner;
  private readonly cache = new Map<string, Database.Statement>();
  private closed = false;
  private readonly write: (docs: readonly CodedDocument[]) => PutResult[];

  constructor(
    private readonly raw: DB,
    readonly location: string,
  ) {
    super();
    this.db = {
      all: async <T>(sql: string, params: readonly unknown[]): Promise<T[]> => {
        this.check();
        try {
          return this.stmt(sql).all(...params) as T[];
        } catch (e) {
          throw storeError(e, `query failed on ${this.location}`);
        }
      },
    };
    const runBatch = this.raw.transaction((statements: readonly { sql: string; params: readonly unknown[] }[]) => {
      for (const st of statements) this.stmt(st.sql).run(...st.params);
    });
    this.feedDb = {
      all: this.db.all,
      batch: async (statements) => {
        this.check();
        try {
          runBatch.immediate(statements);
        } catch (e) {
          throw storeError(e, `could not write the feed state in ${this.location}`);
        }
      },
    };
    this.write = this.buildWriter();
  }

  private check(): void {
    if (this.closed) throw new DyadError('E_STORE', `the store ${this.location} is closed`);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  private buildWriter(): (docs: readonly CodedDocument[]) => PutResult[] {
    const db = this.raw;
    const insArticle = db.prepare(`INSERT INTO articles (id, content_hash, title, date, url, outlet, text, chars, schema_version, ontology, messages, n_mentions, n_actors, n_quotes, ingested_at)
      VALUES (@id, @content_hash, @title, @date, @url, @outlet, @text, @chars, @schema_version, @ontology, @messages, @n_mentions, @n_actors, @n_quotes, @ingested_at) ON CONFLICT DO NOTHING`);
    const findDup = db.prepare('SELECT id FROM articles WHERE id = ? OR content_hash = ? ORDER BY (id = ?) DESC, seq LIMIT 1');
    const insSentence = db.prepare('INSERT INTO sentences (article, idx, span_start, span_end, paragraph) VALUES (?, ?, ?, ?, ?)');
    const insActor = db.prepare('INSERT INTO actor_mentions (article, idx, span_start, span_end, sentence, code, kind, name, person, rule_file, rule_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insQuote = db.prepare('INSERT INTO quotes (article, idx, kind, span_start, span_end, sentence, speaker_code, speaker_words, date, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const updEvent = db.prepare('UPDATE events SET mentions = mentions + ?, articles = articles + 1 WHERE id = ?');
    const insEvent = db.prepare(`INSERT INTO events (id, date, source, target, cameo, root, negated, label, plover_type, plover_mode, goldstein, quad, source_name, target_name, mentions, articles, first_article)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`);
    const insMention = db.prepare('INSERT INTO mentions (article, idx, event, sentence, sent_start, sent_end, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const upsActor = db.prepare(`INSERT INTO actors (code, name, kind, mentions, as_source, as_target, first, last) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (code) DO UPDATE SET
        name = COALESCE(actors.name, excluded.name),
        kind = COALESCE(actors.kind, excluded.kind),
        mentions = actors.mentions + excluded.mentions,
        as_source = actors.as_source + excluded.as_source,
        as_target = actors.as_target + excluded.as_target,
        first = CASE WHEN excluded.first IS NOT NULL AND (actors.first IS NULL OR excluded.first < actors.first) THEN excluded.first ELSE actors.first END,
        last = CASE WHEN excluded.last IS NOT NULL AND (actors.last IS NULL OR excluded.last > actors.last) THEN excluded.last ELSE actors.last END`);

    const putOne = (r: DocumentRows): PutResult => {
      const a = r.article;
      const info = insArticle.run(a);
      if (info.changes === 0) {
        const dup = findDup.get(a.id, a.content_hash, a.id) as { id: string } | undefined;
        const res: PutResult = { id: a.id, status: 'duplicate', mentions: r.mentions.length, newEvents: 0 };
        if (dup) {
          res.duplicateOf = dup.id;
          res.by = dup.id === a.id ? 'id' : 'content';
        }
        return res;
      }
      const seq = Number(info.lastInsertRowid);
      for (const s of r.sentences) insSentence.run(seq, s.idx, s.span_start, s.span_end, s.paragraph);
      for (const m of r.actorMentions) insActor.run(seq, m.idx, m.span_start, m.span_end, m.sentence, m.code, m.kind, m.name, m.person, m.rule_file, m.rule_line);
      for (const q of r.quotes) insQuote.run(seq, q.idx, q.kind, q.span_start, q.span_end, q.sentence, q.speaker_code, q.speaker_words, q.date, q.data);
      const fresh = [];
      for (const e of r.events) {
        if (updEvent.run(e.mentions, e.id).changes === 0) {
          insEvent.run(e.id, e.date, e.source, e.target, e.cameo, e.root, e.negated, e.label, e.plover_type, e.plover_mode, e.goldstein, e.quad, e.source_name, e.target_name, e.mentions, a.id);
          fresh.push(e);
        }
      }
      for (const m of r.mentions) insMention.run(seq, m.idx, m.event, m.sentence, m.sent_start, m.sent_end, m.data);
      const sides = sideCounts(fresh);
      for (const act of r.actors) {
        const s = sides.get(act.code);
        upsActor.run(act.code, act.name, act.kind, act.mentions, s?.asSource ?? 0, s?.asTarget ?? 0, act.date, act.date);
      }
      return { id: a.id, status: 'inserted', mentions: r.mentions.length, newEvents: fresh.length };
    };
    const tx = db.transaction((rows: DocumentRows[]) => rows.map(putOne));
    return (docs) => {
      const now = new Date().toISOString();
      const rows = docs.map((d) => documentRows(d, now));
      return tx.immediate(rows);
    };
  }

  async putDocument(doc: CodedDocument): Promise<PutResult> {
    return (await this.putDocuments([doc]))[0]!;
  }

  async putDocuments(docs: readonly CodedDocument[]): Promise<PutResult[]> {
    this.check();
    if (!docs.length) return [];
    try {
      return this.write(docs);
    } catch (e) {
      throw storeError(e, `could not store ${docs.length === 1 ? `article ${docs[0]!.id}` : `${docs.length} articles`} in ${this.location}`);
    }
  }

  async analyze(): Promise<void> {
    this.check();
    try {
      // approximate statistics from a sample of each index: fast on a big file
      this.raw.pragma('analysis_limit = 1000');
      this.raw.exec('ANALYZE');
    } catch (e) {
      throw storeError(e, `could not analyze ${this.location}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    try {
      if (this.raw.open && !this.raw.readonly) this.raw.pragma('optimize');
    } catch {
      // optimising is a courtesy; closing must not fail for it
    }
    this.raw.close();
  }
}

/** Opens (creating and migrating) the SQLite store at `path` (`:memory:` for an in-memory one). */
export function openSqliteStore(path: string, opts: { readonly?: boolean } = {}): Store {
  const memory = path === ':memory:';
  const location = memory ? 'sqlite::memory:' : resolve(path);
  if (!memory) {
    const dir = dirname(location);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new DyadError('E_STORE', `cannot open the store ${location}: the folder ${dir} does not exist`);
    }
    if (opts.readonly && !existsSync(location)) throw new DyadError('E_STORE', `cannot open the store ${location}: no such file`);
  }
  let db: DB;
  try {
    db = new Database(memory ? ':memory:' : location, { readonly: opts.readonly ?? false, timeout: 30_000 });
  } catch (e) {
    throw storeError(e, `cannot open the store ${location}`);
  }
  try {
    if (!opts.readonly) {
      if (!memory) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -131072'); // 128 MiB: index pages of a big store stay in memory while ingesting
    db.pragma('wal_autocheckpoint = 10000'); // checkpoint (and fsync) every ~40 MB of WAL, not every 4 MB
    db.pragma('mmap_size = 268435456'); // 256 MiB
    db.pragma('temp_store = MEMORY');
    if (!opts.readonly) migrateSqlite(db);
    else {
      const v = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'dyad_migrations'").get() as { n: number };
      if (!v.n) throw new DyadError('E_STORE', `${location} is not a dyad store (no dyad_migrations table)`);
    }
  } catch (e) {
    db.close();
    throw storeError(e, `cannot open the store ${location}`);
  }
  return new SqliteStore(db, location);
}
