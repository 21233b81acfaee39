/**
 * The dashboard end to end in headless Chromium (Debian's /usr/bin/chromium
 * driven by playwright-core): real articles coded by the real engine into a
 * temporary SQLite store, the real server on a free port, the dashboard as
 * `npm run build` makes it. An analyst's path: pick a period and see the
 * network, open a dyad's timeline, filter the event table, open an article
 * and see its highlights and rule, paste a text and see it coded.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/ingest.js';
import { createApp } from '../../src/server/app.js';
import { listen, type RunningServer } from '../../src/server/listen.js';
import { loadWebAssets } from '../../src/server/web-assets.js';
import { openStore } from '../../src/store/index.js';
import type { ArticleDetail, DyadSummary, Page as ApiPage, Series, Store, StoredEvent } from '../../src/store/types.js';
import { testEngine } from '../support/engine.js';
import { REPO } from '../support/shared.js';
import { NEWS, inputOf } from './news.js';
// @ts-expect-error: a plain ES module without types
import { buildWeb } from '../../web/build.mjs';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does it)`);

let dir: string;
let store: Store;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${server.url}${path}`);
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

describe.skipIf(!hasChromium)('dashboard in headless Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
    const webDir = await buildWeb(join(dir, 'web'), { minify: false });
    store = await openStore(join(dir, 'dash.sqlite'));
    const engine = testEngine();
    // the way a user stores news: `dyad ingest examples/ news.jsonl`
    const jsonl = join(dir, 'news.jsonl');
    writeFileSync(jsonl, NEWS.map((n) => JSON.stringify(inputOf(n))).join('\n') + '\n');
    const ingested = await ingestCommand(engine, store, [join(REPO, 'examples'), jsonl], { progress: 'none' }, new PassThrough());
    expect(ingested.failed).toBe(0);
    expect(ingested.stored).toBeGreaterThan(NEWS.length);
    server = await listen(createApp({ engine, store, loopback: true, web: loadWebAssets(webDir), log: (l) => problems.push(l) }), '127.0.0.1', 0);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => /articles/.test(document.querySelector('[data-testid=status]')?.textContent ?? ''));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the store and the actor network of a chosen period', async () => {
    const stats = (await api<{ store: { stats: { articles: number } } }>('/api/health')).store.stats;
    await expect.poll(() => page.textContent('[data-testid=status]')).toContain(`${stats.articles} articles`);

    // a period with no events: an empty network that says so
    await page.fill('#period-from', '1990-01-01');
    await page.fill('#period-to', '1990-01-31');
    await page.click('#period-apply');
    await page.waitForSelector('#network .notice:has-text("No events between two actors")');
    expect(await page.locator('#network .node').count()).toBe(0);

    // March 2024: the nodes are the actors of that month's dyads
    await page.fill('#period-from', '2024-03-01');
    await page.fill('#period-to', '2024-03-31');
    await page.click('#period-apply');
    await page.waitForSelector('#network svg.network .node');
    const dyads = (await api<{ items: DyadSummary[] }>('/api/dyads?from=2024-03-01&to=2024-03-31&level=code&limit=50')).items.filter((d) => d.source !== d.target);
    expect(dyads.length).toBeGreaterThan(0);
    const want = [...new Set(dyads.flatMap((d) => [d.source, d.target]))].sort();
    const nodes = (await page.locator('#network .node').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).sort();
    expect(nodes).toEqual(want);
    expect(await page.locator('#network .edge').count()).toBe(dyads.length);
  });

  it("opens a dyad's tension timeline from the network", async () => {
    const d = (await api<{ items: DyadSummary[] }>('/api/dyads?from=2024-03-01&to=2024-03-31&limit=50')).items.find((x) => x.source !== x.target)!;
    // click on the line itself, where nothing else is drawn over it, as a person would
    const at = await page.evaluate(([source, target]) => {
      const g = document.querySelector(`#network .edge[data-source="${source}"][data-target="${target}"]`)!;
      const path = g.querySelector('.edge-hit') as SVGPathElement;
      const m = path.getScreenCTM()!;
      const len = path.getTotalLength();
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const p = path.getPointAtLength(len * t);
        const x = p.x * m.a + p.y * m.c + m.e;
        const y = p.x * m.b + p.y * m.d + m.f;
        if (document.elementFromPoint(x, y)?.closest('.edge') === g) return { x, y };
      }
      return null;
    }, [d.source, d.target]);
    expect(at, 'a visible point on the edge').not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    if (process.env.DYAD_SCREENSHOTS) await page.screenshot({ path: join(process.env.DYAD_SCREENSHOTS, 'explore.png'), fullPage: true });
    // a one-month period is drawn day by day
    expect(await page.inputValue('#interval')).toBe('day');
    const series = await api<Series>(`/api/series?source=${d.source}&target=${d.target}&interval=day&from=2024-03-01&to=2024-03-31&directed=true`);
    const total = series.points.reduce((n, p) => n + p.events, 0);
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => page.textContent('[data-testid=timeline-summary]')).toContain(`${d.source} → ${d.target}: ${total} event`);
    expect(await page.locator('#timeline .uplot canvas').count()).toBeGreaterThan(0);
    // the table follows the chosen dyad
    await expect.poll(() => page.inputValue('#filters input[name=source]')).toBe(d.source);
    await page.waitForSelector('#events-table tbody tr');
  });

  it('lists the dyads heating up in the period, each opening its timeline', async () => {
    const top = await api<{ items: { source: string; target: string; change: { events: number } }[] }>('/api/dyads/top?from=2024-03-01&to=2024-03-31&by=rise&level=code&limit=8');
    const rising = top.items.filter((d) => d.change.events > 0 && d.source !== d.target);
    expect(rising.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('#changes li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-source')}>${e.getAttribute('data-target')}`)))
      .toEqual(rising.map((d) => `${d.source}>${d.target}`));
    const last = rising.at(-1)!;
    await page.click(`#changes li[data-source="${last.source}"][data-target="${last.target}"]`);
    await expect.poll(() => page.textContent('[data-testid=timeline-summary]')).toContain(`${last.source} → ${last.target}:`);
  });

  it('filters the event table', async () => {
    await page.fill('#period-from', '');
    await page.fill('#period-to', '');
    await page.click('#filters .link'); // clear
    await page.selectOption('#filters select[name=quad]', '3,4');
    await page.click('#filters-apply');
    const want = (await api<ApiPage<StoredEvent>>('/api/events?quad=3,4&limit=50')).items;
    expect(want.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('#events-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event'))))
      .toEqual(want.map((e) => e.id));

    // the CSV link carries the same filters, and the file holds the same events
    const href = await page.getAttribute('#events-csv', 'href');
    expect(href).toBe('api/events.csv?quad=3%2C4');
    const csv = await (await fetch(`${server.url}/${href}`)).text();
    expect(csv.trimEnd().split('\r\n').length - 1).toBe((await store.countEvents({ quad: [3, 4] })));

    await page.fill('#filters input[name=q]', 'Kharkiv');
    await page.click('#filters-apply');
    const kharkiv = (await api<ApiPage<StoredEvent>>('/api/events?quad=3,4&q=Kharkiv&limit=50')).items;
    expect(kharkiv.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#events-table tbody tr').count()).toBe(kharkiv.length);
    expect(kharkiv.length).toBeLessThan(want.length);
  });

  it('opens a row as its article with actors, triggers and quotes highlighted and the rule that fired', async () => {
    const row = page.locator('#events-table tbody tr').first();
    const eventId = await row.getAttribute('data-event');
    const event = await api<StoredEvent>(`/api/events/${encodeURIComponent(eventId!)}`).then((r) => (r as unknown as { event: StoredEvent }).event);
    const article = await api<ArticleDetail>(`/api/articles/${encodeURIComponent(event.firstArticle)}`);
    await row.click();
    await page.waitForSelector('#article:not([hidden]) [data-testid=doc-text]');
    expect(await page.textContent('#article-title')).toBe(article.title);
    const text = await page.textContent('#article [data-testid=doc-text]');
    expect(text).toBe(article.text);
    expect(await page.locator('#article [data-testid=doc-text] .hl-trigger').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#article [data-testid=doc-text] .hl-actor').count()).toBeGreaterThanOrEqual(1);
    // every quote the article holds is highlighted (the quote spans are split where actors or triggers fall inside)
    const quoteText = (await page.locator('#article [data-testid=doc-text] .hl-quote').allTextContents()).join('');
    const covered = new Set(article.quotes.flatMap((q) => Array.from({ length: q.end - q.start }, (_, i) => q.start + i)));
    expect(quoteText.length).toBe(covered.size);
    // the event of the row is focused: its trigger is outlined and its rule shown
    const mine = article.events.find((e) => e.eventId === eventId)!;
    const focusedTrigger = await page.locator('#article .hl-trigger.focus').allTextContents();
    expect(focusedTrigger.join('')).toBe(mine.trigger.text);
    if (process.env.DYAD_SCREENSHOTS) await page.screenshot({ path: join(process.env.DYAD_SCREENSHOTS, 'article.png') });
    const active = page.locator('#article .event-list li.active [data-testid=rule]');
    expect(await active.textContent()).toContain(`${mine.rule.file}:${mine.rule.line}`);
    await page.click('#article-close');
    await expect.poll(() => page.isHidden('#article')).toBe(true);
  });

  it('finds quotes by speaker and opens one in its article', async () => {
    await page.click('nav button[data-page=quotes]');
    await page.fill('#quote-filters input[name=speaker]', 'Zelensky');
    await page.click('#quotes-apply');
    const want = (await api<ApiPage<{ text: string; articleId: string; index: number }>>('/api/quotes?speaker=Zelensky&limit=50')).items;
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#quotes-list li').count()).toBe(want.length);
    await page.locator('#quotes-list li').first().click();
    await page.waitForSelector('#article:not([hidden]) [data-testid=doc-text] .hl-quote.focus');
    const outlined = (await page.locator('#article [data-testid=doc-text] .hl-quote.focus').allTextContents()).join('');
    expect(outlined).toBe(want[0]!.text);
    await page.click('#article-close');
    await expect.poll(() => page.isHidden('#article')).toBe(true);
  });

  it('codes a pasted text live', async () => {
    const before = await store.stats();
    await page.click('nav button[data-page=code]');
    const text = NEWS[3]!.text;
    await page.fill('#code-date', '2024-03-20');
    await page.fill('#code-text', text);
    const want = testEngine().code({ text, date: '2024-03-20' });
    expect(want.events.length).toBeGreaterThan(0);
    await expect.poll(() => page.textContent('[data-testid=code-status]')).toBe(`events: ${want.events.length} · quotes: ${want.quotes.length} · actor mentions: ${want.actors.length}`);
    expect(await page.locator('#code-result [data-testid=doc-text] .hl-trigger').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#code-result [data-testid=doc-events] li').count()).toBe(want.events.length);
    if (process.env.DYAD_SCREENSHOTS) await page.screenshot({ path: join(process.env.DYAD_SCREENSHOTS, 'code.png'), fullPage: true });
    expect(await store.stats()).toEqual(before); // nothing was stored
  });

  it('keeps the view in the address: a link opens the same period, dyad and filters', async () => {
    await page.goto(`${server.url}/#explore?from=2024-03-01&to=2024-03-31&dyad=RUS-UKR&quad=3%2C4`);
    await page.reload();
    await page.waitForSelector('#events-table tbody tr');
    expect(await page.inputValue('#period-from')).toBe('2024-03-01');
    expect(await page.inputValue('#period-to')).toBe('2024-03-31');
    expect(await page.inputValue('#filters select[name=quad]')).toBe('3,4');
    expect(await page.inputValue('#dyad-select')).toBe('RUS|UKR');
    await expect.poll(() => page.textContent('[data-testid=timeline-summary]')).toContain('RUS → UKR:');
    const want = (await api<ApiPage<StoredEvent>>('/api/events?from=2024-03-01&to=2024-03-31&quad=3,4&limit=50')).items;
    await expect
      .poll(() => page.locator('#events-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event'))))
      .toEqual(want.map((e) => e.id));
    // a new filter goes into the address
    await page.fill('#filters input[name=target]', 'ukr');
    await page.click('#filters-apply');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('target=UKR');
  });

  it('ran without page errors', () => {
    expect(problems).toEqual([]);
  });
});
