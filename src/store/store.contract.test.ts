/**
 * The store contract: one suite, run on SQLite (a temporary file) and on a
 * real PostgreSQL server (a fresh schema per run). Articles are real text
 * coded by the real engine; every query is checked against a brute-force
 * computation over the coded documents themselves, so both backends must
 * agree with the documents and hence with each other.
 *
 * PostgreSQL: `DYAD_TEST_POSTGRES` (else `DATABASE_URL`, else
 * postgres://postgres@127.0.0.1:5432/test). When the server cannot be
 * reached the PostgreSQL half FAILS, saying so; set DYAD_TEST_POSTGRES=skip
 * to leave it out on purpose.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/support/engine.js';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import type { CodedDocument, CodedEvent } from '../output/schema.js';
import { DyadError } from '../core/errors.js';
import { contentHash, openStore } from './index.js';
import type { EventFilter, FeedItemRecord, FeedState, Store, StoredEvent } from './types.js';
import { PG_SKIP, pgTestUrl, pgUnavailable } from '../../test/support/postgres.js';
import { postgresMigrations, sqliteMigrations } from './migrations/index.js';
import { migrateSqlite } from './sqlite/sqlite-store.js';
import { migratePostgres } from './postgres/postgres-store.js';

// ---------------------------------------------------------------------------
// the corpus: short news items written for this test, and the seed article

const ITEMS: { text: string; date: string | null; source?: string; id?: string }[] = [
  { text: 'Russian forces attack Ukraine\n\nRussian troops attacked Ukraine on Thursday, officials in Kyiv said. The United States condemned Russia and imposed sanctions on Moscow.', date: '2022-02-24', source: 'Reuters' },
  { text: 'Russia launches assault\n\nRussian troops attacked Ukraine on Thursday. Britain condemned Russia.', date: '2022-02-24', source: 'AP' },
  { text: 'Talks in Belarus\n\nRussia and Ukraine held talks near the Belarusian border on Monday. China urged Russia to end the war.', date: '2022-02-28', source: 'AFP' },
  { text: 'Shelling continues\n\nRussian troops shelled Kharkiv on Tuesday. Ukraine accused Russia of war crimes. Russia did not attack the nuclear plant, the Kremlin said.', date: '2022-03-01', source: 'Reuters' },
  { text: 'Sanctions widen\n\nThe European Union imposed new sanctions on Russia. Germany halted the Nord Stream 2 pipeline. Russia threatened to retaliate against Germany.', date: '2022-03-02', source: 'DW' },
  { text: 'Mediation offer\n\nTurkey offered to mediate between Russia and Ukraine. Ukraine welcomed the offer.', date: '2022-03-10' },
  { text: 'Grain deal\n\nRussia and Ukraine signed an agreement on grain exports in Istanbul. The United Nations praised the deal.', date: '2022-07-22', source: 'Reuters', id: 'grain-deal-1' },
  { text: 'Undated report\n\nRussian troops attacked Ukraine again.', date: null, source: 'Blog' },
  { text: 'Putin speaks\n\n"We will achieve our goals," Russian President Vladimir Putin said on Thursday. Zelensky said Ukraine would defend itself.', date: '2022-03-03', source: 'TASS' },
];

function codeCorpus(): CodedDocument[] {
  const engine = testEngine();
  const docs = ITEMS.map((it) => engine.code({ text: it.text, date: it.date, ...(it.source ? { source: it.source } : {}), ...(it.id ? { id: it.id } : {}) }));
  if (hasShared('seed', 'china-warns-us-russia.txt')) {
    docs.push(engine.code({ text: readFileSync(sharedPath('seed', 'china-warns-us-russia.txt'), 'utf8'), date: '2022-01-27', source: 'seed' }));
  }
  return docs;
}

// ---------------------------------------------------------------------------
// the oracle: what the store should hold, computed from the documents alone

interface Expected {
  key: string;
  id: string;
  date: string | null;
  source: string;
  target: string | null;
  cameo: string;
  negated: boolean;
  quad: number;
  goldstein: number;
  plover: string;
  mentions: { doc: CodedDocument; index: number; event: CodedEvent }[];
}

function oracle(docs: readonly CodedDocument[]): Map<string, Expected> {
  const m = new Map<string, Expected>();
  for (const doc of docs) {
    doc.events.forEach((e, index) => {
      const key = [e.date ?? '', e.source?.code ?? '', e.target?.code ?? '', e.cameo, e.negated ? '1' : '0'].join('|');
      let x = m.get(key);
      if (!x) {
        x = {
          key,
          id: createHash('sha256').update(key).digest('hex').slice(0, 16),
          date: e.date,
          source: e.source?.code ?? '',
          target: e.target?.code ?? null,
          cameo: e.cameo,
          negated: e.negated,
          quad: e.quad,
          goldstein: e.goldstein,
          plover: e.plover.type,
          mentions: [],
        };
        m.set(key, x);
      }
      x.mentions.push({ doc, index, event: e });
    });
  }
  return m;
}

const starts = (code: string | null, prefixes: string | string[] | undefined) =>
  prefixes === undefined || (code !== null && (Array.isArray(prefixes) ? prefixes : [prefixes]).some((p) => code.startsWith(p.toUpperCase())));

function matches(x: Expected, f: EventFilter): boolean {
  if (!starts(x.source, f.source) || !starts(x.target, f.target)) return false;
  if (f.actor !== undefined && !starts(x.source, f.actor) && !starts(x.target, f.actor)) return false;
  if (!starts(x.cameo, f.cameo)) return false;
  if (f.plover !== undefined && x.plover !== String(f.plover).toUpperCase()) return false;
  if (f.quad !== undefined && !(Array.isArray(f.quad) ? f.quad : [f.quad]).includes(x.quad)) return false;
  if (f.from !== undefined && (x.date === null || x.date < f.from)) return false;
  if (f.to !== undefined && (x.date === null || x.date > f.to)) return false;
  if (f.negated !== undefined && x.negated !== f.negated) return false;
  if (f.article !== undefined && !x.mentions.some((m) => m.doc.id === f.article)) return false;
  if (f.text !== undefined) {
    const t = f.text.toLowerCase();
    if (!x.mentions.some((m) => { const s = m.doc.sentences[m.event.sentence]!; return m.doc.text.slice(s.start, s.end).toLowerCase().includes(t); })) return false;
  }
  return true;
}

/** ISO week Monday, computed independently of src/aggregate. */
function monday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

async function allEvents(store: Store, f: EventFilter & { order?: 'asc' | 'desc' }, limit = 1000): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.events({ ...f, limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

// ---------------------------------------------------------------------------
// the backends

interface Backend {
  name: string;
  /** a fresh, empty store URL */
  fresh(): Promise<string>;
  /** a raw query on the database behind a URL (for checks the interface does not expose) */
  raw(url: string, sql: string): Promise<Record<string, unknown>[]>;
  /** brings a fresh store URL to an older schema version, as an older dyad left it */
  migrateTo(url: string, version: number): Promise<void>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  let n = 0;
  return {
    name: 'sqlite',
    fresh: async () => join(dir, `store-${++n}.sqlite`),
    raw: async (url, sql) => {
      const db = new Database(url, { readonly: true });
      try {
        return db.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    migrateTo: async (url, version) => {
      const db = new Database(url);
      try {
        migrateSqlite(db, sqliteMigrations.filter((m) => m.version <= version));
      } finally {
        db.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresBackend(): Backend {
  const base = pgTestUrl();
  const schemas: string[] = [];
  const run = `dyad_test_${process.pid}_${Date.now().toString(36)}`;
  const withSchema = (schema: string) => `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  const query = async (sql: string, schema?: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      if (schema) await c.query(`SET search_path TO "${schema}"`);
      return (await c.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    fresh: async () => {
      const s = `${run}_${schemas.length + 1}`;
      schemas.push(s);
      return withSchema(s);
    },
    raw: async (url, sql) => query(sql, new URL(url).searchParams.get('schema') ?? undefined),
    migrateTo: async (url, version) => {
      const pool = new pg.Pool({ connectionString: base, max: 1 });
      const c = await pool.connect();
      try {
        await migratePostgres(c, new URL(url).searchParams.get('schema')!, postgresMigrations.filter((m) => m.version <= version));
      } finally {
        c.release();
        await pool.end();
      }
    },
    cleanup: async () => {
      for (const s of schemas) await query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
    },
  };
}

const pgSkip = PG_SKIP;
if (pgSkip) console.warn('skipping the PostgreSQL half of the store contract: DYAD_TEST_POSTGRES=skip');

const backends: (() => Backend)[] = [sqliteBackend, ...(pgSkip ? [] : [postgresBackend])];

/** Integrity: every event's counters agree with its mention rows. */
async function integrity(b: Backend, url: string): Promise<void> {
  const bad = await b.raw(
    url,
    `SELECT e.id, e.mentions, e.articles, count(m.idx) AS n, count(DISTINCT m.article) AS a
     FROM events e LEFT JOIN mentions m ON m.event = e.id GROUP BY e.id, e.mentions, e.articles
     HAVING count(m.idx) <> e.mentions OR count(DISTINCT m.article) <> e.articles`,
  );
  expect(bad).toEqual([]);
}

describe.each(backends.map((make) => [make().name, make] as const))('store contract: %s', (name, make) => {
  const backend = make();
  let docs: CodedDocument[];
  let expected: Map<string, Expected>;
  let url: string;
  let store: Store;

  beforeAll(async () => {
    if (name === 'postgres') {
      const why = await pgUnavailable(pgTestUrl());
      if (why) throw new Error(why);
    }
    docs = codeCorpus();
    expected = oracle(docs);
    url = await backend.fresh();
    store = await openStore(url);
    const results = await store.putDocuments(docs.slice(0, 4));
    for (const d of docs.slice(4)) results.push(await store.putDocument(d));
    expect(results.map((r) => r.status)).toEqual(docs.map(() => 'inserted'));
    await store.analyze(); // planner statistics, as ingest refreshes them after a bulk load
  });

  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('applies the migrations once, recording each version', async () => {
    const before = await backend.raw(url, 'SELECT version FROM dyad_migrations ORDER BY version');
    expect(before.map((r) => Number(r.version))).toEqual([1, 2, 3]);
    const again = await openStore(url);
    await again.close();
    const after = await backend.raw(url, 'SELECT version FROM dyad_migrations ORDER BY version');
    expect(after.map((r) => Number(r.version))).toEqual([1, 2, 3]);
  });

  it('upgrades a store an older dyad left at version 2, keeping its articles and adding the feed tables', async () => {
    const u = await backend.fresh();
    await backend.migrateTo(u, 2);
    expect((await backend.raw(u, 'SELECT version FROM dyad_migrations ORDER BY version')).map((r) => Number(r.version))).toEqual([1, 2]);
    const raw = await backend.raw(u, 'SELECT count(*) AS n FROM articles');
    expect(Number(raw[0]!.n)).toBe(0);
    const s = await openStore(u);
    try {
      expect((await backend.raw(u, 'SELECT version FROM dyad_migrations ORDER BY version')).map((r) => Number(r.version))).toEqual([1, 2, 3]);
      expect((await s.putDocument(docs[0]!)).status).toBe('inserted');
      expect(await s.getFeedState('http://example.org/feed.xml')).toBeNull();
      expect((await s.feedItems('http://example.org/feed.xml', ['a'])).size).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('keeps each watched feed\'s state, replacing it on each save, and gives it back to another connection', async () => {
    const feed = 'https://example.org/world.rss?lang=en';
    expect(await store.getFeedState(feed)).toBeNull();
    const first: FeedState = {
      url: feed,
      etag: 'W/"5e1-Zürich"',
      lastModified: 'Wed, 06 Mar 2024 10:00:00 GMT',
      lastPolledAt: '2024-03-06T10:00:00.000Z',
      notBefore: '2024-03-06T11:00:00.000Z',
      failures: 0,
      lastError: null,
    };
    await store.putFeedState(first);
    expect(await store.getFeedState(feed)).toEqual(first);
    const failing: FeedState = { ...first, etag: null, lastModified: null, lastPolledAt: '2024-03-06T12:00:00.000Z', notBefore: '2024-03-06T12:08:00.000Z', failures: 3, lastError: 'HTTP 503 Service Unavailable' };
    await store.putFeedState(failing);
    const other: FeedState = { url: 'https://example.org/other.atom', etag: null, lastModified: null, lastPolledAt: null, notBefore: null, failures: 0, lastError: null };
    await store.putFeedState(other);
    const again = await openStore(url);
    try {
      expect(await again.getFeedState(feed)).toEqual(failing);
      expect(await again.getFeedState(other.url)).toEqual(other);
      expect(await again.getFeedState('https://example.org/world.rss')).toBeNull(); // the URL is the key, exactly
    } finally {
      await again.close();
    }
    const rows = await backend.raw(url, 'SELECT count(*) AS n FROM feeds');
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('records what was done with each feed item, per feed, the last record of an item winning', async () => {
    const feed = 'https://example.org/items.rss';
    const at = (m: number) => new Date(Date.UTC(2024, 2, 6, 10, m)).toISOString();
    expect((await store.feedItems(feed, [])).size).toBe(0);
    expect((await store.feedItems(feed, ['urn:x:1'])).size).toBe(0);
    const recs: FeedItemRecord[] = [
      { item: 'urn:x:1', outcome: 'stored', article: 'urn:x:1', tries: 0, recordedAt: at(1) },
      { item: 'urn:x:2', outcome: 'duplicate', article: 'grain-deal-1', tries: 0, recordedAt: at(1) },
      { item: 'example.org:3', outcome: 'pending', article: null, tries: 1, recordedAt: at(1) },
      { item: 'example.org:3', outcome: 'pending', article: null, tries: 2, recordedAt: at(2) },
      { item: 'urn:x:4', outcome: 'skipped', article: null, tries: 0, recordedAt: at(2) },
    ];
    await store.putFeedItems(feed, recs);
    // the same item in another feed is another record
    await store.putFeedItems('https://example.org/other.rss', [{ item: 'urn:x:1', outcome: 'skipped', article: null, tries: 0, recordedAt: at(3) }]);
    const got = await store.feedItems(feed, ['urn:x:1', 'urn:x:2', 'example.org:3', 'urn:x:4', 'urn:x:5', 'urn:x:1']);
    expect([...got.keys()].sort()).toEqual(['example.org:3', 'urn:x:1', 'urn:x:2', 'urn:x:4']);
    expect(got.get('urn:x:1')).toEqual(recs[0]);
    expect(got.get('urn:x:2')).toEqual(recs[1]);
    expect(got.get('example.org:3')).toEqual(recs[3]);
    expect(got.get('urn:x:4')).toEqual(recs[4]);
    expect((await store.feedItems('https://example.org/other.rss', ['urn:x:1'])).get('urn:x:1')!.outcome).toBe('skipped');
    // a pending item whose page came at last
    const done: FeedItemRecord = { item: 'example.org:3', outcome: 'stored', article: 'example.org:3', tries: 2, recordedAt: at(9) };
    await store.putFeedItems(feed, [done]);
    expect((await store.feedItems(feed, ['example.org:3'])).get('example.org:3')).toEqual(done);
    // many at once, more than one statement's worth
    const many: FeedItemRecord[] = Array.from({ length: 1234 }, (_, i) => ({ item: `urn:many:${i}`, outcome: i % 2 ? 'stored' : 'skipped', article: i % 2 ? `urn:many:${i}` : null, tries: 0, recordedAt: at(10) }));
    await store.putFeedItems('https://example.org/big.rss', many);
    const back = await store.feedItems('https://example.org/big.rss', many.map((r) => r.item));
    expect(back.size).toBe(many.length);
    expect(back.get('urn:many:1233')).toEqual(many[1233]);
  });

  it('forgets the records of items a feed no longer lists once they are old enough, and only those', async () => {
    const feed = 'https://example.org/forget.rss';
    const at = (day: number) => new Date(Date.UTC(2024, 2, day, 10)).toISOString();
    const rec = (item: string, day: number): FeedItemRecord => ({ item, outcome: 'stored', article: item, tries: 0, recordedAt: at(day) });
    // 700 old items the feed dropped (more than one statement's worth), one old item still listed, one recent dropped item
    const old = Array.from({ length: 700 }, (_, i) => rec(`urn:old:${i}`, 1));
    await store.putFeedItems(feed, [...old, rec('urn:listed', 1), rec('urn:recent', 20)]);
    await store.putFeedItems('https://example.org/neighbour.rss', [rec('urn:old:0', 1)]);
    expect(await store.forgetFeedItems(feed, ['urn:listed', 'urn:new'], at(10))).toBe(700);
    const left = await store.feedItems(feed, [...old.map((r) => r.item), 'urn:listed', 'urn:recent']);
    expect([...left.keys()].sort()).toEqual(['urn:listed', 'urn:recent']);
    // another feed's record of the same item is its own
    expect((await store.feedItems('https://example.org/neighbour.rss', ['urn:old:0'])).size).toBe(1);
    expect(await store.forgetFeedItems(feed, ['urn:listed'], at(10))).toBe(0);
    await expect(store.forgetFeedItems(feed, [], 'last month')).rejects.toThrow(/before/);
  });

  it('rejects a bad feed state or item record as a usage error, naming the field, and writes none of it', async () => {
    const usage = async (p: Promise<unknown>, word: RegExp) => {
      const e = await p.then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(DyadError);
      expect((e as DyadError).code).toBe('E_USAGE');
      expect((e as DyadError).message).toMatch(word);
    };
    const ok: FeedState = { url: 'https://example.org/bad.rss', etag: null, lastModified: null, lastPolledAt: null, notBefore: null, failures: 0, lastError: null };
    await usage(store.putFeedState({ ...ok, failures: -1 }), /failures/);
    await usage(store.putFeedState({ ...ok, notBefore: 'in an hour' }), /notBefore/);
    await usage(store.putFeedState({ ...ok, url: '' }), /feed url/);
    await usage(store.getFeedState(''), /feed url/);
    expect(await store.getFeedState(ok.url)).toBeNull();
    const good: FeedItemRecord = { item: 'urn:bad:1', outcome: 'stored', article: 'urn:bad:1', tries: 0, recordedAt: '2024-03-06T10:00:00.000Z' };
    await usage(store.putFeedItems(ok.url, [good, { ...good, item: 'urn:bad:2', outcome: 'lost' as never }]), /records\[1\]\.outcome/);
    await usage(store.putFeedItems(ok.url, [good, { ...good, item: 'urn:bad:3', tries: 1.5 }]), /records\[1\]\.tries/);
    await usage(store.feedItems(ok.url, ['urn:bad:1', '']), /items\[1\]/);
    expect((await store.feedItems(ok.url, ['urn:bad:1', 'urn:bad:2', 'urn:bad:3'])).size).toBe(0);
  });

  it('holds every article, sentence, actor mention, quote and event mention of the documents', async () => {
    const stats = await store.stats();
    expect(stats.articles).toBe(docs.length);
    expect(stats.mentions).toBe(docs.reduce((n, d) => n + d.events.length, 0));
    expect(stats.events).toBe(expected.size);
    expect(stats.quotes).toBe(docs.reduce((n, d) => n + d.quotes.length, 0));
    const dated = [...expected.values()].map((x) => x.date).filter((d): d is string => d !== null).sort();
    expect([stats.first, stats.last]).toEqual([dated[0], dated[dated.length - 1]]);
    const sentences = await backend.raw(url, 'SELECT count(*) AS n FROM sentences');
    expect(Number(sentences[0]!.n)).toBe(docs.reduce((n, d) => n + d.sentences.length, 0));
    await integrity(backend, url);
  });

  it('gives back each article exactly as it was coded, each event with its stored event id', async () => {
    for (const doc of docs) {
      const got = await store.getArticle(doc.id);
      expect(got).not.toBeNull();
      const { contentHash: hash, ingestedAt, events, ...rest } = got!;
      expect(hash).toBe(contentHash(doc.text));
      expect(Number.isNaN(Date.parse(ingestedAt))).toBe(false);
      expect({ ...rest, events: events.map(({ eventId, ...e }) => e) }).toEqual(doc);
      const ids = doc.events.map((e) => expected.get([e.date ?? '', e.source?.code ?? '', e.target?.code ?? '', e.cameo, e.negated ? '1' : '0'].join('|'))!.id);
      expect(events.map((e) => e.eventId)).toEqual(ids);
    }
    expect(await store.getArticle('no-such-article')).toBeNull();
  });

  it('stores an article once: again by id, or the same text under another id, is a duplicate', async () => {
    const before = await store.stats();
    const doc = docs[0]!;
    expect(await store.putDocument(doc)).toMatchObject({ id: doc.id, status: 'duplicate', duplicateOf: doc.id, by: 'id', newEvents: 0 });
    const copy = { ...doc, id: 'another-id-same-text' };
    expect(await store.putDocument(copy)).toMatchObject({ status: 'duplicate', duplicateOf: doc.id, by: 'content' });
    const batch = await store.putDocuments([docs[1]!, copy, docs[1]!]);
    expect(batch.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await store.findArticle(doc.id)).toEqual({ id: doc.id, by: 'id' });
    expect(await store.findArticle('x', contentHash(doc.text))).toEqual({ id: doc.id, by: 'content' });
    expect(await store.findArticle('x', contentHash('not stored'))).toBeNull();
    const known = await store.knownArticles([doc.id, 'not-stored'], [contentHash(docs[1]!.text), contentHash('not stored')]);
    expect([...known.ids]).toEqual([doc.id]);
    expect([...known.contentHashes]).toEqual([contentHash(docs[1]!.text)]);
    expect(await store.stats()).toEqual(before);
  });

  it('counts one event reported by several articles once, and lists its mentions with their provenance', async () => {
    const shared = [...expected.values()].filter((x) => new Set(x.mentions.map((m) => m.doc.id)).size > 1);
    expect(shared.length).toBeGreaterThan(0); // the corpus reports the 24 February attack twice
    for (const x of shared) {
      const ev = await store.getEvent(x.id);
      expect(ev).toMatchObject({ id: x.id, date: x.date, cameo: x.cameo, mentions: x.mentions.length });
      expect(ev!.articles).toBe(new Set(x.mentions.map((m) => m.doc.id)).size);
      expect(ev!.outlets).toBe(new Set(x.mentions.map((m) => m.doc.source ?? `#${m.doc.id}`)).size);
      expect(ev!.firstArticle).toBe(x.mentions[0]!.doc.id);
      const got = await store.mentions(x.id, { limit: 1 });
      const all = [...got.items];
      let next = got.next;
      while (next) {
        const p = await store.mentions(x.id, { limit: 1, cursor: next });
        all.push(...p.items);
        next = p.next;
      }
      expect(all.map((m) => [m.articleId, m.index])).toEqual(x.mentions.map((m) => [m.doc.id, m.index]));
      for (const [i, m] of all.entries()) {
        const want = x.mentions[i]!;
        const s = want.doc.sentences[want.event.sentence]!;
        expect(m.sentenceText).toEqual({ start: s.start, end: s.end, text: want.doc.text.slice(s.start, s.end) });
        expect(m.trigger).toEqual(want.event.trigger);
        expect(m.source).toEqual(want.event.source);
        expect(m.rule).toEqual(want.event.rule);
        expect(m.ontology).toBe(want.doc.dyad.ontology);
        expect(m.article.title).toBe(want.doc.title);
      }
    }
    const attack = shared.find((x) => x.cameo.startsWith('19') && x.date === '2022-02-24');
    expect(attack, 'the two reports of the 24 February attack are one event').toBeDefined();
    expect(await store.countEvents({ source: 'RUS', target: 'UKR', cameo: '19', from: '2022-02-24', to: '2022-02-24' })).toBe(1);
  });

  const filters: EventFilter[] = [
    {},
    { source: 'RUS' },
    { source: 'rusmil' },
    { target: 'UKR' },
    { actor: 'USA' },
    { source: ['GBR', 'USA'] },
    { cameo: '19' },
    { cameo: '1' },
    { plover: 'accuse' },
    { quad: [3, 4] },
    { quad: 1 },
    { from: '2022-03-01' },
    { to: '2022-02-28' },
    { from: '2022-02-24', to: '2022-03-02', actor: 'RUS' },
    { text: 'war crimes' },
    { text: 'TROOPS' },
    { negated: true },
    { negated: false, source: 'RUS', target: 'UKR' },
    { article: 'grain-deal-1' },
    { source: 'RUS', target: 'UKR', from: '2022-01-01' },
  ];

  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('finds the same events as a scan of the documents: %s', async (_, f) => {
    const want = [...expected.values()].filter((x) => matches(x, f)).map((x) => x.id).sort();
    const got = (await allEvents(store, f)).map((e) => e.id).sort();
    expect(got).toEqual(want);
    expect(await store.countEvents(f)).toBe(want.length);
  });

  it('pages through events in date order without losing or repeating one', async () => {
    const byDate = (a: Expected, b: Expected) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.id < b.id ? -1 : 1);
    const asc = [...expected.values()].sort(byDate).map((x) => x.id);
    expect((await allEvents(store, { order: 'asc' }, 3)).map((e) => e.id)).toEqual(asc);
    expect((await allEvents(store, { order: 'desc' }, 4)).map((e) => e.id)).toEqual([...asc].reverse());
    const first = await store.events({ limit: expected.size });
    expect(first.next).toBeNull();
  });

  it('builds weekly and monthly series equal to bucketing the events by hand', async () => {
    const events = [...expected.values()].filter((x) => !x.negated && x.date !== null && x.source.startsWith('RUS') && (x.target ?? '').startsWith('UKR'));
    expect(events.length).toBeGreaterThan(2);
    const series = await store.series({ source: 'RUS', target: 'UKR', interval: 'week' });
    const weeks = new Map<string, Expected[]>();
    for (const x of events) weeks.set(monday(x.date!), [...(weeks.get(monday(x.date!)) ?? []), x]);
    const first = [...weeks.keys()].sort()[0]!;
    const last = [...weeks.keys()].sort().at(-1)!;
    expect(series.points[0]!.period).toBe(first);
    expect(series.points.at(-1)!.period).toBe(last);
    // every week in between, with zeros where nothing happened
    for (let i = 1; i < series.points.length; i++) {
      const gap = (Date.parse(series.points[i]!.period) - Date.parse(series.points[i - 1]!.period)) / 86_400_000;
      expect(gap).toBe(7);
    }
    for (const p of series.points) {
      const xs = weeks.get(p.period) ?? [];
      expect(p.end).toBe(new Date(Date.parse(p.period) + 6 * 86_400_000).toISOString().slice(0, 10));
      expect(p.events).toBe(xs.length);
      expect(p.mentions).toBe(xs.reduce((n, x) => n + x.mentions.length, 0));
      expect(p.goldsteinSum).toBeCloseTo(xs.reduce((n, x) => n + x.goldstein, 0), 6);
      const quad: Record<number, number> = {};
      const roots: Record<string, number> = {};
      for (const x of xs) {
        quad[x.quad] = (quad[x.quad] ?? 0) + 1;
        roots[x.cameo.slice(0, 2)] = (roots[x.cameo.slice(0, 2)] ?? 0) + 1;
      }
      expect(p.quad).toEqual(quad);
      expect(p.roots).toEqual(roots);
      if (!xs.length) {
        expect([p.goldsteinMean, p.tension]).toEqual([null, null]);
      } else {
        expect(p.goldsteinMean).toBeCloseTo(xs.reduce((n, x) => n + x.goldstein, 0) / xs.length, 3);
        // tension: share of conflict events times their mean severity on the Goldstein scale, 0-100
        const conflict = xs.filter((x) => x.quad >= 3);
        const severity = conflict.length ? conflict.reduce((n, x) => n + Math.max(0, -x.goldstein), 0) / conflict.length : 0;
        expect(p.tension).toBeCloseTo(100 * (conflict.length / xs.length) * (severity / 10), 3);
      }
    }
    const months = await store.series({ source: 'RUS', target: 'UKR', interval: 'month', from: '2022-01-01', to: '2022-12-31' });
    expect(months.points.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}-01`));
    expect(months.points.reduce((n, p) => n + p.events, 0)).toBe(events.length);
    const both = await store.series({ source: 'UKR', target: 'RUS', interval: 'month', directed: false });
    const either = [...expected.values()].filter((x) => !x.negated && x.date !== null && ((x.source.startsWith('RUS') && (x.target ?? '').startsWith('UKR')) || (x.source.startsWith('UKR') && (x.target ?? '').startsWith('RUS'))));
    expect(both.points.reduce((n, p) => n + p.events, 0)).toBe(either.length);
    expect((await store.dayTallies({ source: 'RUS', target: 'UKR' })).reduce((n, t) => n + t.events, 0)).toBe(events.length);
  });

  it('ranks the top dyads and actors of a period, with the change against the period before', async () => {
    const period = { from: '2022-03-01', to: '2022-03-31' };
    const top = await store.topDyads({ ...period, limit: 100 });
    expect(top.previous).toEqual({ from: '2022-01-29', to: '2022-02-28' });
    const tally = (from: string, to: string) => {
      const m = new Map<string, Expected[]>();
      for (const x of expected.values()) {
        if (x.negated || x.date === null || x.target === null || x.date < from || x.date > to) continue;
        const k = `${x.source}|${x.target}`;
        m.set(k, [...(m.get(k) ?? []), x]);
      }
      return m;
    };
    const cur = tally(period.from, period.to);
    const prev = tally(top.previous.from, top.previous.to);
    expect(top.items.map((d) => `${d.source}|${d.target}`).sort()).toEqual([...cur.keys()].sort());
    for (let i = 1; i < top.items.length; i++) expect(top.items[i - 1]!.current.events).toBeGreaterThanOrEqual(top.items[i]!.current.events);
    for (const d of top.items) {
      const k = `${d.source}|${d.target}`;
      expect(d.current.events).toBe(cur.get(k)!.length);
      expect(d.previous.events).toBe(prev.get(k)?.length ?? 0);
      expect(d.change.events).toBe(d.current.events - d.previous.events);
    }
    const rise = await store.topDyads({ ...period, by: 'rise', limit: 100 });
    const keys = new Set([...cur.keys(), ...prev.keys()]);
    expect(rise.items.length).toBe(keys.size);
    for (let i = 1; i < rise.items.length; i++) expect(rise.items[i - 1]!.change.events).toBeGreaterThanOrEqual(rise.items[i]!.change.events);
    expect(rise.items.at(-1)!.change.events).toBeLessThan(0); // something fell: February's attack reports

    const actors = await store.topActors({ ...period, level: 'country', limit: 100 });
    const touching = (code: string) =>
      [...expected.values()].filter(
        (x) => !x.negated && x.date !== null && x.date >= period.from && x.date <= period.to && (x.source.startsWith(code) || (x.target ?? '').startsWith(code)),
      ).length;
    expect(actors.items[0]!.code).toBe('RUS');
    expect(actors.items[0]!.name).toBe('Russia');
    for (const a of actors.items.filter((x) => x.code.length === 3)) expect(a.current.events).toBe(touching(a.code));
    expect(actors.items.find((a) => a.code === 'IGOEUREEC')).toBeDefined(); // transnational codes stay whole at country level
  });

  it('lists dyads with their measures, by code or by country', async () => {
    const dyads = await store.dyads({ actor: 'RUS' });
    for (const d of dyads) {
      const xs = [...expected.values()].filter((x) => !x.negated && x.source === d.source && x.target === d.target);
      expect(d.events).toBe(xs.length);
      expect(d.goldsteinSum).toBeCloseTo(xs.reduce((n, x) => n + x.goldstein, 0), 6);
    }
    const country = await store.dyads({ level: 'country', source: 'RUS', target: 'UKR' });
    expect(country.map((d) => `${d.source}|${d.target}`)).toEqual(['RUS|UKR']);
    const all = [...expected.values()].filter((x) => !x.negated && x.source.startsWith('RUS') && (x.target ?? '').startsWith('UKR'));
    expect(country[0]!.events).toBe(all.length);
    expect(country[0]!.first).toBe(all.map((x) => x.date).filter(Boolean).sort()[0]);
  });

  it('lists actors with their mention counts and event sides', async () => {
    const mentions = new Map<string, number>();
    for (const d of docs) for (const a of d.actors) mentions.set(a.code, (mentions.get(a.code) ?? 0) + 1);
    const got = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await store.actors({ limit: 2, ...(cursor ? { cursor } : {}) });
      for (const a of page.items) {
        expect(got.has(a.code)).toBe(false);
        got.set(a.code, a.mentions);
        const xs = [...expected.values()];
        expect(a.asSource).toBe(xs.filter((x) => x.source === a.code).length);
        expect(a.asTarget).toBe(xs.filter((x) => x.target === a.code).length);
      }
      cursor = page.next ?? undefined;
    } while (cursor);
    for (const [code, n] of mentions) expect(got.get(code)).toBe(n);
    const rus = await store.actors({ code: 'RUS' });
    expect(rus.items.length).toBeGreaterThan(1);
    expect(rus.items.every((a) => a.code.startsWith('RUS'))).toBe(true);
    expect((await store.actors({ name: 'russ' })).items.map((a) => a.code)).toContain('RUS');
  });

  it('finds quotes by speaker, speaker code and words', async () => {
    const quotes = docs.flatMap((d) => d.quotes.map((q, index) => ({ d, q, index })));
    if (!quotes.length) {
      console.warn('the engine found no quotes in the corpus: the quote queries are checked on an empty list only');
    }
    const all = await store.quotes({ limit: 1000 });
    expect(all.items.map((q) => [q.articleId, q.index]).sort()).toEqual(quotes.map((x) => [x.d.id, x.index]).sort());
    for (const x of quotes) {
      const got = all.items.find((q) => q.articleId === x.d.id && q.index === x.index)!;
      const { articleId, index, article, ...q } = got;
      expect(q).toEqual(x.q);
      expect(article.title).toBe(x.d.title);
    }
    const byCode = quotes.filter((x) => x.q.speaker?.code?.startsWith('RUS'));
    expect((await store.quotes({ actor: 'RUS' })).items.length).toBe(byCode.length);
    const named = quotes.find((x) => x.q.speaker?.person ?? x.q.speaker?.name);
    if (named) {
      const who = (named.q.speaker!.person ?? named.q.speaker!.name)!;
      const got = await store.quotes({ speaker: who.split(' ').at(-1)!.toLowerCase() });
      expect(got.items.some((q) => q.articleId === named.d.id && q.index === named.index)).toBe(true);
    }
  });

  it('lists articles newest first, page by page', async () => {
    const got: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listArticles({ limit: 3, ...(cursor ? { cursor } : {}) });
      got.push(...page.items.map((a) => a.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    const want = [...docs].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : a.id < b.id ? 1 : -1)).map((d) => d.id);
    expect(got).toEqual(want);
    const march = await store.listArticles({ from: '2022-03-01', to: '2022-03-31' });
    expect(march.items.map((a) => a.date).every((d) => d !== null && d >= '2022-03-01' && d <= '2022-03-31')).toBe(true);
    expect(march.items[0]).toMatchObject({ chars: expect.any(Number), counts: { mentions: expect.any(Number) } });
  });

  it('rejects bad arguments as usage errors, naming the argument', async () => {
    const usage = async (p: Promise<unknown>, word: RegExp) => {
      const e = await p.then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(DyadError);
      expect((e as DyadError).code).toBe('E_USAGE');
      expect((e as DyadError).message).toMatch(word);
    };
    await usage(store.events({ from: '2022-13-01' }), /from/);
    await usage(store.events({ cursor: 'garbage' }), /cursor/);
    await usage(store.events({ limit: 0 }), /limit/);
    await usage(store.events({ source: "RUS'; DROP TABLE events; --" }), /source/);
    await usage(store.series({ source: 'RUS', target: 'UKR', interval: 'year' as never }), /interval/);
    await usage(store.topDyads({ from: '2022-03-31', to: '2022-03-01' }), /after/);
    expect((await store.stats()).events).toBe(expected.size);
  });

  it('two stores writing the same documents at once store each of them once', async () => {
    const u = await backend.fresh();
    const [a, b] = [await openStore(u), await openStore(u)];
    try {
      const reversed = [...docs].reverse();
      const [ra, rb] = await Promise.all([a.putDocuments(docs), (async () => Promise.all(reversed.map((d) => b.putDocument(d))))()]);
      const inserted = [...ra, ...rb].filter((r) => r.status === 'inserted').map((r) => r.id).sort();
      expect(inserted).toEqual(docs.map((d) => d.id).sort());
      const s = await a.stats();
      expect([s.articles, s.events, s.mentions]).toEqual([docs.length, expected.size, docs.reduce((n, d) => n + d.events.length, 0)]);
      await integrity(backend, u);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
