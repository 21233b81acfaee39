/**
 * Polls RSS/Atom feeds: each new item's page is fetched, its article text
 * extracted (Readability), coded and stored. Each feed has its own schedule:
 * every `everyMs`, later when the feed says so (Cache-Control max-age,
 * Expires), and exponentially later after errors (capped), so a failing feed
 * backs off while the others go on. Requests are conditional (ETag,
 * Last-Modified), so an unchanged feed costs a 304.
 *
 * What has been seen survives restarts because it is the store itself: an
 * item becomes an article whose id is the item's guid (or link), and an item
 * whose article is stored is never fetched again.
 */
import { createHash } from 'node:crypto';
import type { Engine } from '../engine.js';
import { extractArticle } from '../ingest/html.js';
import { parseFeed, type FeedItem } from '../ingest/feeds.js';
import { normalizeDate } from '../ingest/dates.js';
import type { Store } from '../store/types.js';
import { httpGet, type GetResult, type Validators } from './http.js';
import { formatDuration } from './duration.js';

export interface WatchOptions {
  engine: Engine;
  store: Store;
  /** time between polls of one feed (default 15 minutes) */
  everyMs?: number;
  /** the longest wait after errors (default 6 hours) */
  maxBackoffMs?: number;
  /** per request (default 30 s) */
  timeoutMs?: number;
  /** largest feed or page accepted (default 10 MB) */
  maxBytes?: number;
  /** how many times a page that failed for a passing reason (time-out, 5xx) is tried before the feed's own text is used (default 3) */
  pageRetries?: number;
  /** the longest wait a feed's caching headers may impose (default 24 hours) */
  maxFreshMs?: number;
  userAgent?: string;
  /** the clock (tests pass their own) */
  now?: () => number;
  /** one line per event worth telling */
  log?: (line: string) => void;
}

export interface FeedState {
  url: string;
  validators: Validators;
  /** when the feed is next due (ms since the epoch) */
  nextPollAt: number;
  /** consecutive failed polls */
  failures: number;
  lastError: string | null;
  lastPolledAt: number | null;
}

export interface PollReport {
  feed: string;
  outcome: 'fetched' | 'not-modified' | 'error';
  /** the HTTP status (0 for a network error) */
  status: number;
  /** items in the feed */
  items: number;
  /** items not stored before */
  new: number;
  stored: number;
  /** new items whose text was already stored under another id */
  duplicates: number;
  /** items that could not be coded or stored (reported, skipped) */
  failed: number;
  /** items whose page failed for a passing reason: tried again next poll */
  retryLater: number;
  /** items stored from the feed's own text because their page gave none */
  fromFeedText: number;
  /** wait before this feed's next poll */
  nextPollInMs: number;
  error?: string;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** The article id of a feed item: its guid (or link) when absolute, else prefixed with the feed's host. */
export function itemArticleId(feedUrl: string, item: FeedItem): string {
  const link = item.url ? absolute(item.url, feedUrl) : undefined;
  const key = item.id?.trim() || link;
  const host = safeHost(feedUrl);
  if (!key) return `${host}:${createHash('sha256').update(`${item.title}\n${item.text}`).digest('hex').slice(0, 16)}`;
  return /^[a-z][a-z0-9+.-]*:/i.test(key) ? key : `${host}:${key}`;
}

function safeHost(u: string): string {
  try {
    return new URL(u).host;
  } catch {
    return 'feed';
  }
}

function absolute(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

export class Watcher {
  readonly feeds: Map<string, FeedState>;
  private readonly o: Required<Omit<WatchOptions, 'engine' | 'store' | 'log' | 'now'>>;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  /** article ids known to be stored (saves a store look-up per item per poll) */
  private readonly seen = new Set<string>();
  /** passing page failures per item id */
  private readonly pageFailures = new Map<string, number>();
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    feedUrls: readonly string[],
    private readonly engine: Engine,
    private readonly store: Store,
    options: Omit<WatchOptions, 'engine' | 'store'> = {},
  ) {
    this.o = {
      everyMs: options.everyMs ?? 15 * 60_000,
      maxBackoffMs: options.maxBackoffMs ?? 6 * 3_600_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      pageRetries: options.pageRetries ?? 3,
      maxFreshMs: options.maxFreshMs ?? 24 * 3_600_000,
      userAgent: options.userAgent ?? 'dyad-watch/0.1 (+https://www.npmjs.com/package/dyad)',
    };
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    const start = this.now();
    this.feeds = new Map(
      feedUrls.map((url) => [url, { url, validators: {}, nextPollAt: start, failures: 0, lastError: null, lastPolledAt: null }]),
    );
  }

  /** The wait after `failures` consecutive failures: every × 2^failures, capped. */
  backoff(failures: number): number {
    return Math.min(this.o.maxBackoffMs, this.o.everyMs * 2 ** Math.min(failures, 30));
  }

  /** Polls every feed that is due now; returns one report per feed polled. */
  async pollDue(): Promise<PollReport[]> {
    const now = this.now();
    const due = [...this.feeds.values()].filter((f) => f.nextPollAt <= now);
    return Promise.all(due.map((f) => this.poll(f.url)));
  }

  /** Polls one feed now, whatever its schedule. */
  async poll(url: string): Promise<PollReport> {
    const f = this.feeds.get(url);
    if (!f) throw new Error(`not a watched feed: ${url}`);
    const report: PollReport = { feed: url, outcome: 'error', status: 0, items: 0, new: 0, stored: 0, duplicates: 0, failed: 0, retryLater: 0, fromFeedText: 0, nextPollInMs: 0 };
    const started = this.now();
    f.lastPolledAt = started;
    let res: GetResult;
    try {
      res = await this.get(url, FEED_ACCEPT, f.validators);
    } catch (e) {
      res = { kind: 'error', status: 0, reason: (e as Error).message, retryAfterMs: null, transient: true };
    }
    if (res.kind === 'error') return this.failed(f, report, res.status, res.reason, res.retryAfterMs);
    report.status = res.status;
    f.validators = res.validators;
    if (res.kind === 'not-modified') {
      report.outcome = 'not-modified';
      this.succeeded(f, report, res.freshForMs);
      this.log(`dyad watch: ${url}: not modified; next poll in ${formatDuration(report.nextPollInMs)}`);
      return report;
    }
    let items: FeedItem[];
    try {
      items = parseFeed(res.text).items;
    } catch (e) {
      // a feed that cannot be read keeps its old validators out: the next poll must fetch it whole
      f.validators = {};
      return this.failed(f, report, res.status, `not a readable RSS or Atom feed: ${(e as Error).message}`, null);
    }
    report.outcome = 'fetched';
    report.items = items.length;
    for (const item of items) {
      try {
        await this.handleItem(url, item, report);
      } catch (e) {
        report.failed++;
        this.log(`dyad watch: ${url}: item ${item.id ?? item.url ?? item.title}: ${(e as Error).message}`);
      }
    }
    this.succeeded(f, report, res.freshForMs);
    this.log(
      `dyad watch: ${url}: ${report.items} items, ${report.new} new, ${report.stored} stored` +
        (report.duplicates ? `, ${report.duplicates} already stored under another id` : '') +
        (report.fromFeedText ? `, ${report.fromFeedText} from the feed's text` : '') +
        (report.retryLater ? `, ${report.retryLater} to retry` : '') +
        (report.failed ? `, ${report.failed} failed` : '') +
        `; next poll in ${formatDuration(report.nextPollInMs)}`,
    );
    return report;
  }

  private get(url: string, accept: string, validators?: Validators): Promise<GetResult> {
    const o = { accept, timeoutMs: this.o.timeoutMs, maxBytes: this.o.maxBytes, userAgent: this.o.userAgent, now: this.now() };
    return httpGet(url, validators ? { ...o, validators } : o);
  }

  private succeeded(f: FeedState, report: PollReport, freshForMs: number | null): void {
    f.failures = 0;
    f.lastError = null;
    const wait = Math.max(this.o.everyMs, Math.min(freshForMs ?? 0, this.o.maxFreshMs));
    f.nextPollAt = this.now() + wait;
    report.nextPollInMs = wait;
  }

  private failed(f: FeedState, report: PollReport, status: number, reason: string, retryAfterMs: number | null): PollReport {
    f.failures++;
    f.lastError = reason;
    let wait = this.backoff(f.failures);
    if (retryAfterMs !== null) wait = Math.max(wait, Math.min(retryAfterMs, this.o.maxFreshMs));
    f.nextPollAt = this.now() + wait;
    report.outcome = 'error';
    report.status = status;
    report.error = reason;
    report.nextPollInMs = wait;
    this.log(`dyad watch: ${f.url}: ${reason} (failure ${f.failures} in a row); next try in ${formatDuration(wait)}`);
    return report;
  }

  private async isStored(id: string): Promise<boolean> {
    if (this.seen.has(id)) return true;
    const found = await this.store.findArticle(id);
    if (found) this.seen.add(id);
    return found !== null;
  }

  private async handleItem(feedUrl: string, item: FeedItem, report: PollReport): Promise<void> {
    const id = itemArticleId(feedUrl, item);
    if (await this.isStored(id)) return;
    report.new++;
    const link = item.url ? absolute(item.url, feedUrl) : undefined;
    let page: ReturnType<typeof extractArticle> = null;
    if (link && /^https?:/i.test(link)) {
      const res = await this.get(link, PAGE_ACCEPT);
      if (res.kind === 'ok') {
        page = extractArticle(res.text);
        if (!page) this.log(`dyad watch: ${link}: no article text found in the page; using the feed's text`);
      } else if (res.kind === 'error') {
        const tries = (this.pageFailures.get(id) ?? 0) + 1;
        if (res.transient && tries < this.o.pageRetries) {
          this.pageFailures.set(id, tries);
          report.retryLater++;
          report.new--;
          this.log(`dyad watch: ${link}: ${res.reason}; will try again next poll (${tries} of ${this.o.pageRetries})`);
          return;
        }
        this.log(`dyad watch: ${link}: ${res.reason}; using the feed's text`);
      }
    }
    this.pageFailures.delete(id);
    const feedText = item.text.trim() ? item.text : '';
    const text = page?.text ?? feedText;
    const title = item.title || page?.title || '';
    if (!text.trim() && !title.trim()) {
      report.failed++;
      this.seen.add(id);
      this.log(`dyad watch: ${feedUrl}: item ${id} has no text, no title and no readable page: skipped`);
      return;
    }
    if (!page) report.fromFeedText++;
    const input: Parameters<Engine['code']>[0] = {
      id,
      text: text || title,
      date: normalizeDate(item.date) ?? normalizeDate(page?.date) ?? null,
    };
    if (title) input.title = title;
    if (link) input.url = link;
    const source = item.source ?? page?.siteName;
    if (source) input.source = source;
    const doc = this.engine.code(input);
    const fatal = doc.messages.find((m) => m.severity === 'fatal');
    if (fatal) {
      report.failed++;
      this.seen.add(id);
      this.log(`dyad watch: ${link ?? id}: not coded: ${fatal.reason}`);
      return;
    }
    const r = await this.store.putDocument(doc);
    this.seen.add(id);
    if (r.status === 'inserted') report.stored++;
    else report.duplicates++;
  }

  /** Polls until stop(): each feed when it is due. */
  async run(): Promise<void> {
    this.stopped = false;
    while (!this.stopped) {
      await this.pollDue();
      if (this.stopped) break;
      const next = Math.min(...[...this.feeds.values()].map((f) => f.nextPollAt));
      const wait = Math.max(0, next - this.now());
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(wait, 2 ** 31 - 1));
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }
}
