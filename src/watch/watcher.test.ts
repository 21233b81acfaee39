/**
 * `dyad watch` against a local HTTP server that this test starts: feeds and
 * article pages, with ETag / Last-Modified / Cache-Control, a feed that
 * fails, a page that fails for a while, a story repeated under another
 * guid, and restarts: a new watcher (and the command line, run twice) on
 * the same store must go on where the last one stopped, which the test
 * reads off the requests the server saw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/support/engine.js';
import { runDyad } from '../../test/support/cli.js';
import { NEWS } from '../../test/browser/news.js';
import { openStore } from '../store/index.js';
import { PG_SKIP, pgQuery, pgSchemaUrl, pgUnavailable } from '../../test/support/postgres.js';
import type { Store } from '../store/types.js';
import { formatDuration, parseDuration } from './duration.js';
import { charsetOf } from './http.js';
import { Watcher, itemArticleId, type PollReport } from './watcher.js';

interface Hit {
  path: string;
  status: number;
  at: number;
  conditional: boolean;
}

let server: Server;
let base = '';
let clock = 0;
const hits: Hit[] = [];
const LAST_MODIFIED = 'Wed, 06 Mar 2024 10:00:00 GMT';

/** feed A: RSS with ETag; its items can grow */
const feedAItems = [NEWS[0]!, NEWS[1]!];
/** the forgetting scenario's feed: what it lists changes */
let forgetList: (typeof NEWS)[number][] = [];
/** page failures left, per path */
const failuresLeft = new Map<string, number>();

function page(n: (typeof NEWS)[number]): string {
  const paras = n.text.split('\n\n').map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${n.title} | Test Wire</title>
<meta property="article:published_time" content="${n.date}T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe to our newsletter</a></nav>
<article><h1>${n.title}</h1>${paras}
<p>The report could not be independently verified. Officials on both sides said further talks were possible in the coming weeks, and observers expected more statements.</p></article>
<footer>Copyright Test Wire. Cookie settings. Subscribe to our newsletter.</footer></body></html>`;
}

function rss(items: (typeof NEWS)[number][]): string {
  const body = items
    .map(
      (n) => `<item><title>${n.title}</title><link>/news/${n.id}.html</link><guid isPermaLink="false">${n.id}</guid>
<pubDate>${new Date(`${n.date}T09:00:00Z`).toUTCString()}</pubDate><description>Summary only: ${n.title}.</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title><link>${base}/</link>${body}</channel></rss>`;
}

const latin1Item = {
  id: 'test-latin1',
  title: 'Switzerland hosts talks in Zürich',
  date: '2024-03-08',
  source: 'Atom Test',
  text: 'Switzerland hosted talks between Armenia and Azerbaijan in Zürich on Friday. The mediators praised the café-table informality of the meeting.',
};

function atom(): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title>
<entry><title>${latin1Item.title}</title><id>urn:test:latin1</id><link href="${base}/news/latin1.html"/><updated>2024-03-08T12:00:00Z</updated><summary>Talks in Zurich.</summary></entry>
<entry><title>Ministers meet in Vienna</title><id>urn:test:flaky</id><link href="${base}/news/flaky.html"/><updated>2024-03-09T12:00:00Z</updated><summary>Austria hosted ministers from Serbia and Kosovo in Vienna on Saturday.</summary></entry>
<entry><title>Germany pledges aid</title><id>urn:test:nopage</id><link href="${base}/news/empty.html"/><updated>2024-03-10T12:00:00Z</updated><summary>Germany promised new military aid to Ukraine on Sunday.</summary></entry>
</feed>`;
}

/** the restart scenario's feeds (under /r/), each with its own caching headers */
const R = {
  etag: [NEWS[3]!, NEWS[4]!],
  /** two guids, one story: the second page holds the first one's text */
  twin: {
    id: 'twin',
    title: 'Japan and South Korea agree to share intelligence',
    date: '2024-03-11',
    source: 'Restart Wire',
    text: 'Japan and South Korea agreed on Monday to share military intelligence on North Korea. The two governments signed the accord in Tokyo, officials said.',
  },
  fresh: {
    id: 'fresh',
    title: 'Brazil hosts climate talks',
    date: '2024-03-12',
    source: 'Restart Wire',
    text: 'Brazil hosted climate talks with Argentina and Chile in Brasilia on Tuesday. The ministers promised to meet again in June.',
  },
};
const R_LAST_MODIFIED = 'Mon, 11 Mar 2024 08:00:00 GMT';

function rssOf(items: { guid: string; title: string; link: string; date: string; summary: string }[], extra = ''): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${new Date(`${i.date}T09:00:00Z`).toUTCString()}</pubDate><description>${i.summary}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Restart Wire</title>${extra}${body}</channel></rss>`;
}

function restartRoutes(path: string, req: IncomingMessage, send: (status: number, body: string, headers?: Record<string, string>) => void): boolean {
  const etagged = (body: string, maxAge: number) => {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) return send(304, '', { ETag: etag, 'Cache-Control': `max-age=${maxAge}` });
    send(200, body, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag, 'Cache-Control': `max-age=${maxAge}` });
  };
  if (path === '/r/etag.xml') {
    etagged(rssOf(R.etag.map((n) => ({ guid: n.id, title: n.title, link: `/news/${n.id}.html`, date: n.date, summary: `Summary only: ${n.title}.` }))), 0);
    return true;
  }
  if (path === '/r/fresh.xml') {
    etagged(rssOf([{ guid: 'fresh', title: R.fresh.title, link: '/r/fresh.html', date: R.fresh.date, summary: 'Climate talks.' }]), 3600);
    return true;
  }
  if (path === '/r/lm.xml') {
    if (req.headers['if-modified-since'] === R_LAST_MODIFIED) {
      send(304, '', { 'Cache-Control': 'max-age=0' });
      return true;
    }
    const body = rssOf([
      { guid: 'twin-a', title: R.twin.title, link: '/r/twin-a.html', date: R.twin.date, summary: 'Intelligence accord.' },
      { guid: 'twin-b', title: R.twin.title, link: '/r/twin-b.html', date: R.twin.date, summary: 'Intelligence accord (updated).' },
      { guid: 'stuck', title: 'India and Pakistan resume talks', link: '/r/stuck.html', date: R.twin.date, summary: 'India and Pakistan resumed talks in Islamabad on Monday.' },
    ]);
    send(200, body, { 'Content-Type': 'application/rss+xml', 'Last-Modified': R_LAST_MODIFIED, 'Cache-Control': 'max-age=0' });
    return true;
  }
  if (path === '/r/twin-a.html' || path === '/r/twin-b.html') {
    send(200, page(R.twin), { 'Content-Type': 'text/html; charset=utf-8' });
    return true;
  }
  if (path === '/r/fresh.html') {
    send(200, page(R.fresh), { 'Content-Type': 'text/html; charset=utf-8' });
    return true;
  }
  if (path === '/r/stuck.html') {
    send(503, 'down for maintenance');
    return true;
  }
  return false;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', base).pathname;
  const conditional = Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']);
  const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    hits.push({ path, status, at: clock, conditional });
    res.writeHead(status, headers);
    res.end(body);
  };
  if (restartRoutes(path, req, send)) return;
  if (path === '/a.xml') {
    const body = rss(feedAItems);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) return send(304, '', { ETag: etag });
    return send(200, body, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag, 'Cache-Control': 'max-age=0' });
  }
  if (path === '/forget.xml') return send(200, rss(forgetList), { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'max-age=0' });
  if (path === '/b.atom') {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) return send(304, '', { 'Cache-Control': 'max-age=3600' });
    return send(200, atom(), { 'Content-Type': 'application/atom+xml', 'Last-Modified': LAST_MODIFIED, 'Cache-Control': 'public, max-age=3600' });
  }
  if (path === '/broken.xml') return send(500, 'internal error');
  if (path === '/news/latin1.html') {
    const html = page(latin1Item).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">');
    return send(200, Buffer.from(html, 'latin1'), { 'Content-Type': 'text/html' });
  }
  if (path === '/news/flaky.html') {
    const left = failuresLeft.get(path) ?? 0;
    if (left > 0) {
      failuresLeft.set(path, left - 1);
      return send(503, 'try later');
    }
    return send(200, page({ id: 'flaky', title: 'Ministers meet in Vienna', date: '2024-03-09', source: 'Atom Test', text: 'Austria hosted ministers from Serbia and Kosovo in Vienna on Saturday. The ministers agreed to meet again in April.' }), { 'Content-Type': 'text/html; charset=utf-8' });
  }
  if (path === '/news/empty.html') return send(200, '<!doctype html><html><body><nav>Home</nav></body></html>', { 'Content-Type': 'text/html' });
  const m = /^\/news\/(test-\d+)\.html$/.exec(path);
  const n = m && NEWS.find((x) => x.id === m[1]);
  if (n) return send(200, page(n), { 'Content-Type': 'text/html; charset=utf-8' });
  send(404, 'not found');
}

const pageHits = (path: string) => hits.filter((h) => h.path === path && h.status === 200).length;
const feedHits = (path: string) => hits.filter((h) => h.path === path);

let dir: string;
let dbPath: string;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'dyad-watch-'));
  dbPath = join(dir, 'watch.sqlite');
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const MIN = 60_000;

function watcher(store: Store, feeds = [`${base}/a.xml`, `${base}/b.atom`, `${base}/broken.xml`]): Watcher {
  return new Watcher(feeds, testEngine(), store, { everyMs: MIN, maxBackoffMs: 5 * MIN, pageRetries: 3, now: () => clock, log: () => {} });
}

const byFeed = (reports: PollReport[], path: string) => reports.find((r) => r.feed === `${base}${path}`);

describe('dyad watch', () => {
  it('stores new items from their pages, honours 304 and max-age, backs off a failing feed while the others go on', async () => {
    const store = await openStore(dbPath);
    try {
      failuresLeft.set('/news/flaky.html', 1);
      const w = watcher(store);
      clock = 0;
      const first = await w.pollDue();
      expect(first).toHaveLength(3);
      const a = byFeed(first, '/a.xml')!;
      expect(a).toMatchObject({ outcome: 'fetched', items: 2, new: 2, stored: 2, failed: 0 });
      const b = byFeed(first, '/b.atom')!;
      // latin1 stored from its page, flaky to retry, the empty page falls back to the feed's text
      expect(b).toMatchObject({ outcome: 'fetched', items: 3, stored: 2, retryLater: 1, fromFeedText: 1 });
      expect(byFeed(first, '/broken.xml')).toMatchObject({ outcome: 'error', status: 500 });

      // stored from the page: the full text, without the page's navigation and footer
      const id0 = itemArticleId(`${base}/a.xml`, { id: NEWS[0]!.id, title: '', text: '' });
      const art = await store.getArticle(id0);
      expect(art).not.toBeNull();
      expect(art!.text).toContain('Ukraine rejected the accusation');
      expect(art!.text).not.toContain('Subscribe');
      expect(art!.date).toBe(NEWS[0]!.date);
      expect(art!.url).toBe(`${base}/news/${NEWS[0]!.id}.html`);
      expect(art!.events.length).toBeGreaterThan(0);
      // the Latin-1 page was decoded by its declared charset
      expect((await store.getArticle('urn:test:latin1'))!.text).toContain('Zürich');
      expect((await store.getArticle('urn:test:nopage'))!.text).toContain('Germany promised new military aid');
      expect(await store.findArticle('urn:test:flaky')).toBeNull();

      // a minute later: A answers 304 to its ETag; B is fresh for an hour; broken waits 2 minutes
      clock = MIN;
      const second = await w.pollDue();
      expect(second.map((r) => r.feed).sort()).toEqual([`${base}/a.xml`]);
      expect(byFeed(second, '/a.xml')).toMatchObject({ outcome: 'not-modified', status: 304 });
      expect(feedHits('/a.xml').at(-1)).toMatchObject({ status: 304, conditional: true });

      // twenty minutes of polling: broken at 0, 2, 6, 11, 16 … minutes (doubling, capped at 5); A every minute
      for (let t = 2; t <= 20; t++) {
        clock = t * MIN;
        await w.pollDue();
      }
      expect(feedHits('/broken.xml').map((h) => h.at / MIN)).toEqual([0, 2, 6, 11, 16]);
      expect(feedHits('/a.xml')).toHaveLength(21);
      expect(feedHits('/a.xml').slice(1).every((h) => h.status === 304)).toBe(true);
      expect(w.feeds.get(`${base}/broken.xml`)!.failures).toBe(5);
      expect(feedHits('/b.atom')).toHaveLength(1); // max-age=3600: not due before minute 60
      for (const n of [NEWS[0]!, NEWS[1]!]) expect(pageHits(`/news/${n.id}.html`)).toBe(1);

      // after an hour B is polled again, and whole (no validators), because an item was left to retry: the flaky page is fetched now
      clock = 61 * MIN;
      const later = await w.pollDue();
      expect(byFeed(later, '/b.atom')).toMatchObject({ outcome: 'fetched', status: 200, new: 1, stored: 1, retryLater: 0 });
      expect(feedHits('/b.atom').at(-1)).toMatchObject({ status: 200, conditional: false });
      expect(hits.filter((h) => h.path === '/news/flaky.html').map((h) => [h.status, h.at / MIN])).toEqual([[503, 0], [200, 61]]);
      expect((await store.getArticle('urn:test:flaky'))!.text).toContain('agreed to meet again in April');
      expect(pageHits('/news/latin1.html')).toBe(1);
      expect(pageHits('/news/empty.html')).toBe(1);

      // a new item in A: only its page is fetched
      feedAItems.push(NEWS[2]!);
      clock = 62 * MIN;
      const grown = byFeed(await w.pollDue(), '/a.xml')!;
      expect(grown).toMatchObject({ outcome: 'fetched', items: 3, new: 1, stored: 1 });
      expect(pageHits(`/news/${NEWS[2]!.id}.html`)).toBe(1);
      expect(pageHits(`/news/${NEWS[0]!.id}.html`)).toBe(1);

      // nothing left to do in B: an hour later If-Modified-Since gets a 304
      clock = 122 * MIN;
      expect(byFeed(await w.pollDue(), '/b.atom')).toMatchObject({ outcome: 'not-modified', status: 304 });
      expect(feedHits('/b.atom').at(-1)).toMatchObject({ status: 304, conditional: true });
    } finally {
      await store.close();
    }
  });
});

/** The stores the restart scenario runs on: a SQLite file, and a schema of the test PostgreSQL server (docs/storage.md). */
const STORES: { name: string; url: () => Promise<string>; cleanup: () => Promise<void> }[] = [
  { name: 'sqlite', url: async () => join(dir, 'restart.sqlite'), cleanup: async () => undefined },
];
if (PG_SKIP) console.warn('skipping the PostgreSQL run of the watch restart test: DYAD_TEST_POSTGRES=skip');
else {
  const schema = `dyad_watch_${process.pid}_${Date.now().toString(36)}`;
  STORES.push({
    name: 'postgres',
    url: async () => {
      const why = await pgUnavailable();
      if (why) throw new Error(why);
      return pgSchemaUrl(schema);
    },
    cleanup: async () => {
      await pgQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    },
  });
}

const r = (p: string) => `${base}${p}`;

describe.each(STORES)('dyad watch across restarts ($name)', ({ url: storeUrl, cleanup }) => {
  afterAll(cleanup);
  const FEEDS = ['/r/etag.xml', '/r/lm.xml', '/r/fresh.xml', '/broken.xml'];
  const since = (from: number) => hits.slice(from);
  /** the article id a guid of the lm feed gets (not a URL: prefixed with the feed's host) */
  const lmId = (guid: string) => itemArticleId(r('/r/lm.xml'), { id: guid, title: '', text: '' });
  const watcherOn = (store: Store) =>
    new Watcher(FEEDS.map(r), testEngine(), store, { everyMs: MIN, maxBackoffMs: 5 * MIN, pageRetries: 3, now: () => clock, log: () => {} });

  it('a new watcher on the same store sends its validators at once, fetches no page it handled, and resumes back-off, freshness and page retries', async () => {
    const file = await storeUrl();
    const runStart = hits.length;
    const runHits = (path: string) => since(runStart).filter((h) => h.path === path);
    let start = hits.length;

    // the first watcher: two polls, then it is gone
    let store = await openStore(file);
    try {
      clock = 0;
      const w1 = watcherOn(store);
      const first = await w1.pollDue();
      expect(byFeed(first, '/r/etag.xml')).toMatchObject({ outcome: 'fetched', new: 2, stored: 2 });
      // the twin's text is already stored under the first guid; the stuck page is to be tried again
      expect(byFeed(first, '/r/lm.xml')).toMatchObject({ outcome: 'fetched', items: 3, new: 2, stored: 1, duplicates: 1, retryLater: 1 });
      expect(byFeed(first, '/r/fresh.xml')).toMatchObject({ outcome: 'fetched', stored: 1, nextPollInMs: 60 * MIN });
      expect(byFeed(first, '/broken.xml')).toMatchObject({ outcome: 'error', status: 500 });
      clock = 2 * MIN;
      const second = await w1.pollDue();
      expect(second.map((x) => x.feed).sort()).toEqual([r('/broken.xml'), r('/r/etag.xml'), r('/r/lm.xml')]);
      expect(byFeed(second, '/r/etag.xml')).toMatchObject({ outcome: 'not-modified' });
      // the stuck item keeps the feed's validators out, so the feed came whole and the page was tried a second time
      expect(byFeed(second, '/r/lm.xml')).toMatchObject({ outcome: 'fetched', new: 0, retryLater: 1 });
      expect(w1.feeds.get(r('/broken.xml'))).toMatchObject({ failures: 2, nextPollAt: 6 * MIN });
      const pagesBefore = since(start).filter((h) => h.path.endsWith('.html')).map((h) => h.path).sort();
      expect(pagesBefore).toEqual([`/news/${NEWS[3]!.id}.html`, `/news/${NEWS[4]!.id}.html`, '/r/fresh.html', '/r/stuck.html', '/r/stuck.html', '/r/twin-a.html', '/r/twin-b.html']);
    } finally {
      await store.close();
    }
    const articles = async () => {
      const s = await openStore(file);
      try {
        return (await s.stats()).articles;
      } finally {
        await s.close();
      }
    };
    expect(await articles()).toBe(4);

    // a new process, a minute later: a new watcher on the same file
    start = hits.length;
    store = await openStore(file);
    try {
      clock = 3 * MIN;
      const w2 = watcherOn(store);
      const third = await w2.pollDue();
      // broken is still backing off (due at 6) and fresh is fresh for an hour: neither is asked
      expect(third.map((x) => x.feed).sort()).toEqual([r('/r/etag.xml'), r('/r/lm.xml')]);
      const feedReqs = since(start).filter((h) => h.path.endsWith('.xml'));
      // the ETag was sent back at once: a 304, not the whole feed
      expect(feedReqs.find((h) => h.path === '/r/etag.xml')).toMatchObject({ status: 304, conditional: true });
      expect(byFeed(third, '/r/etag.xml')).toMatchObject({ outcome: 'not-modified' });
      // lm still had an item to do: fetched whole; the stuck page's third failure is its last (tries resumed at 2), so the feed's text is stored
      expect(feedReqs.find((h) => h.path === '/r/lm.xml')).toMatchObject({ status: 200, conditional: false });
      expect(byFeed(third, '/r/lm.xml')).toMatchObject({ outcome: 'fetched', new: 1, stored: 1, fromFeedText: 1, retryLater: 0, duplicates: 0 });
      expect((await store.getArticle(lmId('stuck')))!.text).toContain('India and Pakistan resumed talks');
      // no page it had handled was fetched again: not the stored ones, not the twin stored under the other guid
      expect(since(start).filter((h) => h.path.endsWith('.html')).map((h) => h.path)).toEqual(['/r/stuck.html']);

      // now nothing is left to do in lm: its Last-Modified goes back as If-Modified-Since
      clock = 4 * MIN;
      expect(byFeed(await w2.pollDue(), '/r/lm.xml')).toMatchObject({ outcome: 'not-modified' });
      expect(runHits('/r/lm.xml').at(-1)).toMatchObject({ status: 304, conditional: true });

      // the back-off goes on from the third failure: 0, 2, then 6 (the first watcher's schedule), then 6 + 5 (capped)
      for (let t = 5; t <= 12; t++) {
        clock = t * MIN;
        await w2.pollDue();
      }
      expect(since(start).filter((h) => h.path === '/broken.xml').map((h) => h.at / MIN)).toEqual([6, 11]);
      expect(w2.feeds.get(r('/broken.xml'))!.failures).toBe(4);

      // fresh is asked again only when its hour is over, with its ETag
      expect(runHits('/r/fresh.xml')).toHaveLength(1);
      clock = 61 * MIN;
      expect(byFeed(await w2.pollDue(), '/r/fresh.xml')).toMatchObject({ outcome: 'not-modified' });
      expect(runHits('/r/fresh.xml').at(-1)).toMatchObject({ status: 304, conditional: true, at: 61 * MIN });
    } finally {
      await store.close();
    }
    expect(await articles()).toBe(5);

    // what the store holds for the feeds, as the watcher left it
    store = await openStore(file);
    try {
      // broken failed once more at minute 61 (due since 16)
      expect(await store.getFeedState(r('/broken.xml'))).toMatchObject({ failures: 5, notBefore: new Date(66 * MIN).toISOString(), lastError: 'HTTP 500 Internal Server Error', etag: null });
      expect(await store.getFeedState(r('/r/lm.xml'))).toMatchObject({ lastModified: R_LAST_MODIFIED, failures: 0, notBefore: null });
      const items = await store.feedItems(r('/r/lm.xml'), ['twin-a', 'twin-b', 'stuck'].map(lmId));
      expect(Object.fromEntries([...items].map(([k, v]) => [k, [v.outcome, v.article, v.tries]]))).toEqual({
        [lmId('twin-a')]: ['stored', lmId('twin-a'), 0],
        [lmId('twin-b')]: ['duplicate', lmId('twin-a'), 0],
        [lmId('stuck')]: ['stored', lmId('stuck'), 3],
      });
    } finally {
      await store.close();
    }
  });
});

describe('dyad watch over months', () => {
  it('forgets the records of items the feed stopped listing after forgetAfterMs, and an item listed again is not fetched again', async () => {
    const store = await openStore(join(dir, 'forget.sqlite'));
    try {
      const DAY = 86_400_000;
      const feed = `${base}/forget.xml`;
      const lines: string[] = [];
      const w = new Watcher([feed], testEngine(), store, { everyMs: MIN, forgetAfterMs: 10 * DAY, now: () => clock, log: (l) => lines.push(l) });
      const [a, b] = [NEWS[2]!, NEWS[3]!];
      const idOf = (n: (typeof NEWS)[number]) => itemArticleId(feed, { id: n.id, title: '', text: '' });
      const pages = () => pageHits(`/news/${a.id}.html`);
      clock = 1000 * DAY;
      forgetList = [a, b];
      expect((await w.pollDue())[0]).toMatchObject({ outcome: 'fetched', items: 2, stored: 2 });
      expect((await store.feedItems(feed, [idOf(a), idOf(b)])).size).toBe(2);
      const fetchedA = pages();

      // the feed drops a; eleven days on, a's record goes, b's (still listed) stays
      forgetList = [b];
      clock += 11 * DAY;
      expect((await w.pollDue())[0]).toMatchObject({ outcome: 'fetched', items: 1, new: 0 });
      expect(lines.some((l) => /forgot 1 item the feed has not listed for 10d/.test(l))).toBe(true);
      expect([...(await store.feedItems(feed, [idOf(a), idOf(b)])).keys()]).toEqual([idOf(b)]);

      // a comes back: found stored by its id, so its page is not fetched and nothing is stored twice
      forgetList = [a, b];
      clock += MIN;
      const back = (await w.pollDue())[0]!;
      expect(back).toMatchObject({ outcome: 'fetched', items: 2, failed: 0 });
      expect(pages()).toBe(fetchedA);
      expect((await store.feedItems(feed, [idOf(a)])).get(idOf(a))).toMatchObject({ outcome: 'stored', article: idOf(a) });
      expect((await store.stats()).articles).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('dyad watch on the command line', () => {
  it('dyad watch --once, run twice on one store: the second run sends the validators, fetches no page, and leaves a backing-off feed alone', async () => {
    const file = join(dir, 'cli.sqlite');
    const args = ['watch', r('/r/etag.xml'), '--once', '--db', file];
    const start = hits.length;
    const one = await runDyad(args);
    expect(one.stderr).toMatch(/2 items, 2 new, 2 stored/);
    expect(one.code).toBe(0);
    const mid = hits.length;
    const two = await runDyad(args);
    expect(two.stderr).toMatch(/not modified/);
    expect(two.code).toBe(0);
    expect(hits.slice(start, mid).map((h) => [h.path, h.status, h.conditional])).toEqual([
      ['/r/etag.xml', 200, false],
      [`/news/${NEWS[3]!.id}.html`, 200, false],
      [`/news/${NEWS[4]!.id}.html`, 200, false],
    ]);
    expect(hits.slice(mid).map((h) => [h.path, h.status, h.conditional])).toEqual([['/r/etag.xml', 304, true]]);

    // a feed that failed is left alone by the next --once until its back-off is over (every 15m × 2)
    const bad = ['watch', r('/broken.xml'), '--once', '--db', file];
    const before = feedHits('/broken.xml').length;
    const failed = await runDyad(bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/HTTP 500 Internal Server Error \(failure 1 in a row\); next try in 30m/);
    const skipped = await runDyad(bad);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/backing off after 1 failure \(HTTP 500 Internal Server Error\); next poll in (30m|29m\d+s)/);
    expect(skipped.stderr).toMatch(/broken\.xml: not polled: due in/);
    expect(feedHits('/broken.xml').length).toBe(before + 1);
  }, 60_000);
});

describe('durations and charsets', () => {
  it('reads durations as people write them', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
    expect(() => parseDuration('15 minutes')).toThrow(/not a duration/);
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(120_000)).toBe('2m');
  });

  it('finds the charset in the header, the XML declaration or the HTML meta', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(charsetOf('text/html; charset=ISO-8859-1', bytes('<html>'))).toBe('ISO-8859-1');
    expect(charsetOf('application/xml', bytes('<?xml version="1.0" encoding="windows-1252"?><rss>'))).toBe('windows-1252');
    expect(charsetOf('text/html', bytes('<html><head><meta charset="koi8-r">'))).toBe('koi8-r');
    expect(charsetOf('', bytes('<html>'))).toBe('utf-8');
  });
});
