/**
 * The HTTP API over a real SQLite store filled by the real engine. Answers
 * are checked against what the engine coded (computed here independently of
 * the store), not against fixed numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/support/engine.js';
import { NEWS, exampleArticles, inputOf } from '../../test/browser/news.js';
import type { CodedDocument } from '../output/schema.js';
import { openStore } from '../store/index.js';
import { PG_SKIP, pgQuery, pgSchemaUrl, pgUnavailable } from '../../test/support/postgres.js';
import type { Store, StoredEvent } from '../store/types.js';
import { eventColumns } from '../cli/query.js';
import { createApp } from './app.js';
import { listen } from './listen.js';
import { CodedDocument as CodedDocumentSchema } from './schemas/document.js';
import * as S from './schemas/store.js';
import { ArticleDetail as ArticleDetailSchema, StoredEvent as StoredEventSchema } from './schemas/store.js';
import { z } from '@hono/zod-openapi';

let dir: string;
let store: Store;
let docs: CodedDocument[];
let app: ReturnType<typeof createApp>;

const engine = () => testEngine();

async function json(path: string, init?: RequestInit, on = app) {
  const res = await on.request(path, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Every event the engine coded, as the store's dedup key, with the code fields. */
function codedEvents() {
  const out = new Map<string, { source: string; target: string; cameo: string; quad: number; date: string | null; plover: string; negated: boolean }>();
  for (const d of docs) {
    for (const e of d.events) {
      if (!e.source?.code) continue;
      const target = e.target?.code ?? '';
      out.set(`${e.date}|${e.source.code}|${target}|${e.cameo}|${e.negated}`, { source: e.source.code, target, cameo: e.cameo, quad: e.quad, date: e.date, plover: e.plover.type, negated: e.negated });
    }
  }
  return [...out.values()];
}

async function allEvents(query: string): Promise<StoredEvent[]> {
  const items: StoredEvent[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const r = await json(`/api/events?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    items.push(...r.body.items);
    cursor = r.body.next;
    if (!cursor) return items;
  }
  throw new Error('pagination does not end');
}

const BACKENDS = PG_SKIP ? ['sqlite'] : ['sqlite', 'postgres'];
if (PG_SKIP) console.warn('DYAD_TEST_POSTGRES=skip: the API tests run on SQLite only');

describe.each(BACKENDS)('the API over %s', (backend) => {
const schema = `dyad_api_test_${process.pid}_${Date.now().toString(36)}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
  if (backend === 'postgres') {
    const why = await pgUnavailable();
    if (why) throw new Error(why);
    store = await openStore(pgSchemaUrl(schema));
  } else {
    store = await openStore(join(dir, 'api.sqlite'));
  }
  docs = [...(await exampleArticles()), ...NEWS.map(inputOf)].map((input) => engine().code(input));
  for (const d of docs) await store.putDocument(d);
  app = createApp({ engine: engine(), store, loopback: true, log: () => {} });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
  if (backend === 'postgres') await pgQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

describe('POST /api/code', () => {
  it('codes a text as the engine does and stores nothing', async () => {
    const before = await store.stats();
    const item = NEWS[2]!;
    const r = await json('/api/code', post({ text: item.text, date: item.date, title: item.title }));
    expect(r.status).toBe(200);
    expect(r.body).toEqual(engine().code({ text: item.text, date: item.date, title: item.title }));
    expect(r.body.events.length).toBeGreaterThan(0);
    expect(() => CodedDocumentSchema.parse(r.body)).not.toThrow();
    expect(await store.stats()).toEqual(before);
  });

  it('answers bad requests with JSON errors and stable codes', async () => {
    const missing = await json('/api/code', post({ date: '2024-01-01' }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('E_VALIDATION');
    expect(missing.body.error.message).toMatch(/text/);

    const badDate = await json('/api/code', post({ text: 'x', date: '1 May' }));
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/date/);

    const badJson = await json('/api/code', post('{"text": '));
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('E_BAD_JSON');

    const plain = await json('/api/code', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'China warned Russia.' });
    expect(plain.status).toBe(415);
    expect(plain.body.error.code).toBe('E_UNSUPPORTED_MEDIA_TYPE');

    const nowhere = await json('/api/nothing-here');
    expect(nowhere.status).toBe(404);
    expect(nowhere.type).toMatch(/application\/json/);
    expect(nowhere.body.error.code).toBe('E_NOT_FOUND');
  });
});

describe('GET /api/events', () => {
  it('returns every stored event once, page by page', async () => {
    const whole = await json('/api/events?limit=1000');
    const paged = await allEvents('limit=2');
    expect(paged.map((e) => e.id)).toEqual(whole.body.items.map((e: StoredEvent) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    expect(paged.length).toBe(codedEvents().length);
    for (const e of paged.slice(0, 5)) expect(() => StoredEventSchema.parse(e)).not.toThrow();
  });

  it('filters by source, target, actor on either side, CAMEO prefix, PLOVER type, quad class and dates', async () => {
    const coded = codedEvents();
    const cases: [string, (e: (typeof coded)[number]) => boolean][] = [
      ['source=RUS', (e) => e.source.startsWith('RUS')],
      ['target=UKR', (e) => e.target.startsWith('UKR')],
      ['actor=CHN', (e) => e.source.startsWith('CHN') || e.target.startsWith('CHN')],
      ['source=RUS,CHN', (e) => e.source.startsWith('RUS') || e.source.startsWith('CHN')],
      ['quad=3,4', (e) => e.quad === 3 || e.quad === 4],
      ['cameo=1', (e) => e.cameo.startsWith('1')],
      [`plover=${coded[0]!.plover.toLowerCase()}`, (e) => e.plover === coded[0]!.plover],
      ['from=2024-03-05&to=2024-03-20', (e) => e.date !== null && e.date >= '2024-03-05' && e.date <= '2024-03-20'],
    ];
    for (const [query, want] of cases) {
      const got = await allEvents(`${query}&limit=3`);
      expect(got.length, query).toBe(coded.filter(want).length);
    }
    expect(coded.filter((e) => e.source.startsWith('RUS')).length).toBeGreaterThan(0);
    const got = await allEvents('source=RUS&target=UKR');
    for (const e of got) {
      expect(e.source.code.startsWith('RUS')).toBe(true);
      expect(e.target?.code.startsWith('UKR')).toBe(true);
    }
  });

  it('finds events by words in their sentence, and gives each event its mentions', async () => {
    const got = await allEvents('q=avdiivka');
    expect(got.length).toBeGreaterThan(0);
    for (const e of got) {
      const d = await json(`/api/events/${encodeURIComponent(e.id)}`);
      expect(d.status).toBe(200);
      expect(d.body.mentions.items.some((m: { sentenceText: { text: string } }) => /avdiivka/i.test(m.sentenceText.text))).toBe(true);
      for (const m of d.body.mentions.items) expect(m.rule.file).toMatch(/\.txt$/);
    }
    expect((await json('/api/events/no-such-event')).body.error.code).toBe('E_NOT_FOUND');
  });

  it('gives the filtered events as one CSV file, every page of them', async () => {
    const want = await allEvents('actor=RUS,USA&limit=7');
    expect(want.length).toBeGreaterThan(1);
    const res = await app.request('/api/events.csv?actor=RUS,USA');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(eventColumns.map((c) => c.name).join(','));
    const idAt = eventColumns.findIndex((c) => c.name === 'id');
    // ids hold no commas or quotes, so the column can be read by splitting where no field is quoted
    expect(lines.slice(1).map((l) => l.split(',').at(idAt - eventColumns.length))).toEqual(want.map((e) => e.id));
    const capped = await app.request('/api/events.csv?actor=RUS,USA&max=1');
    expect((await capped.text()).trimEnd().split('\r\n')).toHaveLength(2);
    const bad = await json('/api/events.csv?quad=9');
    expect(bad.body.error.code).toBe('E_VALIDATION');
  });

  it('rejects bad parameters and foreign cursors', async () => {
    for (const q of ['limit=0', 'limit=abc', 'quad=7', 'from=2024-13', 'source=R%20US']) {
      const r = await json(`/api/events?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe('E_VALIDATION');
    }
    const r = await json('/api/events?cursor=not-a-cursor');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('E_BAD_CURSOR');
  });
});

describe('dyads, series, quotes, actors, articles', () => {
  it('lists directed dyads with the events the engine coded between them', async () => {
    const coded = codedEvents().filter((e) => e.target && !e.negated);
    const want = new Map<string, number>();
    for (const e of coded) want.set(`${e.source}>${e.target}`, (want.get(`${e.source}>${e.target}`) ?? 0) + 1);
    const r = await json('/api/dyads?limit=10000');
    expect(r.status).toBe(200);
    const got = new Map<string, number>(r.body.items.map((d: { source: string; target: string; events: number }) => [`${d.source}>${d.target}`, d.events]));
    expect(got).toEqual(want);
  });

  it("gives a dyad's weekly series that adds up to its events", async () => {
    const dyads = (await json('/api/dyads?limit=10000')).body.items as { source: string; target: string; events: number }[];
    const top = dyads[0]!;
    const r = await json(`/api/series?source=${top.source}&target=${top.target}&interval=week`);
    expect(r.status).toBe(200);
    const total = r.body.points.reduce((n: number, p: { events: number }) => n + p.events, 0);
    const expected = dyads.filter((d) => d.source.startsWith(top.source) && d.target.startsWith(top.target)).reduce((n, d) => n + d.events, 0);
    expect(total).toBe(expected);
    for (const p of r.body.points) expect(new Date(`${p.period}T00:00:00Z`).getUTCDay()).toBe(1); // ISO weeks start on Monday
    expect((await json('/api/series?source=RUS')).body.error.code).toBe('E_VALIDATION');
  });

  it('finds quotes by speaker name and by speaker actor code', async () => {
    const quoted = docs.flatMap((d) => d.quotes).filter((q) => q.speaker);
    expect(quoted.length).toBeGreaterThan(0);
    const someone = quoted[0]!.speaker!;
    const word = (someone.name ?? someone.text).split(/\s+/).pop()!;
    const r = await json(`/api/quotes?speaker=${encodeURIComponent(word)}&limit=1000`);
    expect(r.status).toBe(200);
    const wantSpeaker = quoted.filter((q) => `${q.speaker!.name ?? ''} ${q.speaker!.text}`.toLowerCase().includes(word.toLowerCase()));
    expect(r.body.items.length).toBe(wantSpeaker.length);
    if (someone.code) {
      const byCode = await json(`/api/quotes?actor=${someone.code.slice(0, 3)}&limit=1000`);
      expect(byCode.body.items.length).toBe(quoted.filter((q) => q.speaker!.code?.startsWith(someone.code!.slice(0, 3))).length);
      for (const q of byCode.body.items) expect(q.speaker.code.startsWith(someone.code.slice(0, 3))).toBe(true);
    }
  });

  it('lists actors by code prefix', async () => {
    const r = await json('/api/actors?code=RUS');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const a of r.body.items) expect(a.code.startsWith('RUS')).toBe(true);
  });

  it('gives one article with all its spans, each slicing its text', async () => {
    const doc = docs[1]!;
    const r = await json(`/api/articles/${doc.id}`);
    expect(r.status).toBe(200);
    expect(() => ArticleDetailSchema.parse(r.body)).not.toThrow();
    expect(r.body.text).toBe(doc.text);
    expect(r.body.events.length).toBe(doc.events.length);
    for (const e of r.body.events) {
      expect(r.body.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(typeof e.eventId).toBe('string');
    }
    for (const q of r.body.quotes) expect(r.body.text.slice(q.start, q.end)).toBe(q.text);
    const missing = await json('/api/articles/not-stored');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('E_NOT_FOUND');
  });

  it('reports the store in /api/health', async () => {
    const r = await json('/api/health');
    expect(r.body.store.stats).toEqual(await store.stats());
    expect(r.body.writes).toBe('open');
  });
});

describe('writes, tokens and limits', () => {
  const text = 'Japan signed a trade agreement with India on Friday.';

  it('stores a posted text once; a token guards writes when one is set', async () => {
    const guarded = createApp({ engine: engine(), store, token: 's3cret', loopback: true, log: () => {} });
    const none = await json('/api/articles', post({ text, date: '2024-05-03' }), guarded);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('E_UNAUTHORIZED');
    const wrong = await json('/api/articles', post({ text, date: '2024-05-03' }, { Authorization: 'Bearer nope' }), guarded);
    expect(wrong.status).toBe(401);
    const ok = await json('/api/articles', post({ text, date: '2024-05-03' }, { Authorization: 'Bearer s3cret' }), guarded);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('inserted');
    expect((await store.findArticle(ok.body.id))?.id).toBe(ok.body.id);
    const again = await json('/api/articles', post({ text, date: '2024-05-03' }, { 'X-Dyad-Token': 's3cret' }), guarded);
    expect(again.body.status).toBe('duplicate');
    // reading needs no token
    expect((await json('/api/events?limit=1', undefined, guarded)).status).toBe(200);
  });

  it('refuses writes off loopback without a token, and Host names that are not this machine on loopback', async () => {
    const open = createApp({ engine: engine(), store, loopback: false, log: () => {} });
    const r = await json('/api/articles', post({ text: 'x' }), open);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E_WRITES_DISABLED');
    const rebound = await json('http://attacker.example/api/health');
    expect(rebound.status).toBe(403);
    expect(rebound.body.error.code).toBe('E_BAD_HOST');
    expect((await json('http://127.0.0.1:8377/api/health')).status).toBe(200);
  });

  it('answers an oversized body with 413 JSON over a real socket, with or without Content-Length', async () => {
    const small = createApp({ engine: engine(), store, loopback: true, maxBodyBytes: 4096, log: () => {} });
    const server = await listen(small, '127.0.0.1', 0);
    try {
      expect(server.host).toBe('127.0.0.1');
      const big = JSON.stringify({ text: 'China warned Russia. '.repeat(400) });
      const r1 = await fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big });
      expect(r1.status).toBe(413);
      expect((await r1.json()).error.code).toBe('E_TOO_LARGE');
      const stream = new ReadableStream({
        start(c) {
          for (let i = 0; i < 8; i++) c.enqueue(new TextEncoder().encode(big.slice(i * 1000, (i + 1) * 1000)));
          c.close();
        },
      });
      const r2 = await fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
      expect(r2.status).toBe(413);
      expect((await r2.json()).error.code).toBe('E_TOO_LARGE');
      const fine = await fetch(`${server.url}/api/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'China warned Russia on Monday.' }) });
      expect(fine.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('answers and their declared schemas', () => {
  it('every endpoint answers what /openapi.json says it answers', async () => {
    const ev = (await json('/api/events?limit=1')).body.items[0];
    const checks: [string, z.ZodTypeAny][] = [
      ['/api/health', S.Health],
      ['/api/events?limit=5', S.page(S.StoredEvent, 'EventPage')],
      [`/api/events/${encodeURIComponent(ev.id)}`, z.object({ event: S.StoredEvent, mentions: S.page(S.EventMention, 'MentionPage') })],
      ['/api/dyads?limit=5', z.object({ items: z.array(S.DyadSummary) })],
      ['/api/dyads/top?from=2024-03-01&to=2024-03-31', S.TopDyads],
      ['/api/actors/top?from=2024-03-01&to=2024-03-31&by=rise', S.TopActors],
      [`/api/series?source=${ev.source.code}&target=${ev.target?.code ?? 'USA'}&interval=month`, S.Series],
      ['/api/quotes?limit=5', S.page(S.StoredQuote, 'QuotePage')],
      ['/api/actors?limit=5', S.page(S.StoredActor, 'ActorPage')],
      ['/api/articles?limit=5', S.page(S.StoredArticle, 'ArticlePage')],
      [`/api/articles/${encodeURIComponent(docs[0]!.id)}`, S.ArticleDetail],
    ];
    for (const [path, schema] of checks) {
      const r = await json(path);
      expect(r.status, path).toBe(200);
      const parsed = schema.safeParse(r.body);
      expect(parsed.success, `${path}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`).toBe(true);
    }
  });
});

describe('/openapi.json', () => {
  it('describes every endpoint, generated from the routes', async () => {
    const r = await json('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const paths = Object.keys(r.body.paths).sort();
    expect(paths).toEqual(
      ['/api/actors', '/api/actors/top', '/api/articles', '/api/articles/{id}', '/api/code', '/api/dyads', '/api/dyads/top', '/api/events', '/api/events.csv', '/api/events/{id}', '/api/health', '/api/quotes', '/api/series'].sort(),
    );
    expect(r.body.components.schemas.Error).toBeDefined();
    expect(r.body.paths['/api/articles'].post.security).toEqual([{ token: [] }]);
    const params = r.body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    for (const p of ['source', 'target', 'actor', 'cameo', 'plover', 'quad', 'from', 'to', 'q', 'cursor', 'limit']) expect(params).toContain(p);
  });
});
});
