/**
 * `dyad watch` against a local HTTP server that this test starts: feeds and
 * article pages, with ETag / Last-Modified / Cache-Control, a feed that
 * fails, a page that fails for a while, and a restart in the middle.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/support/engine.js';
import { NEWS } from '../../test/browser/news.js';
import { openStore } from '../store/index.js';
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

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', base).pathname;
  const conditional = Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']);
  const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    hits.push({ path, status, at: clock, conditional });
    res.writeHead(status, headers);
    res.end(body);
  };
  if (path === '/a.xml') {
    const body = rss(feedAItems);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) return send(304, '', { ETag: etag });
    return send(200, body, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag, 'Cache-Control': 'max-age=0' });
  }
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

      // after an hour B is polled again: If-Modified-Since gets a 304, and the flaky page is not retried until then
      clock = 61 * MIN;
      const later = await w.pollDue();
      expect(byFeed(later, '/b.atom')).toMatchObject({ outcome: 'not-modified' });
      expect(feedHits('/b.atom').at(-1)).toMatchObject({ status: 304, conditional: true });

      // a new item in A: only its page is fetched
      feedAItems.push(NEWS[2]!);
      clock = 62 * MIN;
      const grown = byFeed(await w.pollDue(), '/a.xml')!;
      expect(grown).toMatchObject({ outcome: 'fetched', items: 3, new: 1, stored: 1 });
      expect(pageHits(`/news/${NEWS[2]!.id}.html`)).toBe(1);
      expect(pageHits(`/news/${NEWS[0]!.id}.html`)).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('remembers what it has seen across a restart, and retries a page that failed', async () => {
    const before = hits.length;
    const store = await openStore(dbPath);
    try {
      const stats = await store.stats();
      const w = watcher(store, [`${base}/a.xml`, `${base}/b.atom`]);
      const reports = await w.pollDue();
      // a fresh process has no validators: the feeds come whole, but no seen page is fetched again
      expect(byFeed(reports, '/a.xml')).toMatchObject({ outcome: 'fetched', new: 0, stored: 0 });
      const b = byFeed(reports, '/b.atom')!;
      expect(b).toMatchObject({ outcome: 'fetched', new: 1, stored: 1, retryLater: 0 });
      const fetchedPages = hits.slice(before).filter((h) => h.path.startsWith('/news/')).map((h) => h.path);
      expect(fetchedPages).toEqual(['/news/flaky.html']);
      expect((await store.getArticle('urn:test:flaky'))!.text).toContain('agreed to meet again in April');
      expect((await store.stats()).articles).toBe(stats.articles + 1);
    } finally {
      await store.close();
    }
  });
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
