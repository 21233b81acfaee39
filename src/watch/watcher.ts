/**
 * Polls RSS/Atom feeds: each new item's page is fetched, its article text
 * extracted (Readability), coded and stored. Each feed has its own schedule:
 * every `everyMs`, later when the feed says so (Cache-Control max-age,
 * Expires), and exponentially later after errors (capped), so a failing feed
 * backs off while the others go on. Requests are conditional (ETag,
 * Last-Modified), so an unchanged feed costs a 304.
 *
 * What the watcher knows survives restarts because it is kept in the store
 * (the `feeds` and `feed_items` tables, Store.getFeedState & co.): each
 * feed's validators, back-off and caching deadline are loaded before the
 * first poll and saved after every poll; each item handled is recorded with
 * its outcome, and an item becomes an article whose id is the item's guid
 * (or link). So a restarted watcher sends its validators at once, resumes a
 * back-off where it was, and fetches no page it has handled before. The
 * record of an item the feed has stopped listing is forgotten after
 * `forgetAfterMs`, and the in-memory set of handled items holds only what the
 * feed lists now, so a watcher that runs for months stays bounded.
 */
import { createHash } from 'node:crypto';
import type { Engine } from '../engine.js';
import { extractArticle } from '../ingest/html.js';
import { parseFeed, type FeedItem } from '../ingest/feeds.js';
import { normalizeDate } from '../ingest/dates.js';
import type { FeedItemRecord, Store } from '../store/types.js';
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
  /** how long the record of an item the feed no longer lists is kept (default 30 days; Store.forgetFeedItems) */
  forgetAfterMs?: number;
  userAgent?: string;
  /** the clock (tests pass their own) */
  now?: () => number;
  /** one line per event worth telling */
  log?: (line: string) => void;
}

/** A watched feed's schedule and caching state, in memory (saved to the store as a `FeedState` after each poll). */
export interface WatchedFeed {
  url: string;
  validators: Validators;
  /** when the feed is next due (ms since the epoch) */
  nextPollAt: number;
  /**
   * what holds the feed back whatever the interval: the end of its back-off
   * (with Retry-After) or of the freshness its caching headers gave (ms since
   * the epoch); null when nothing does. A restarted watcher waits for this,
   * not for `--every`.
   */
  notBefore: number | null;
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

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const msOf = (t: string | null): number | null => (t === null ? null : Date.parse(t));

export class Watcher {
  readonly feeds: Map<string, WatchedFeed>;
  private readonly o: Required<Omit<WatchOptions, 'engine' | 'store' | 'log' | 'now'>>;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  /** per feed, the items it lists that were handled for good (saves the store look-ups per item per poll) */
  private readonly done = new Map<string, Set<string>>();
  private loading: Promise<void> | null = null;
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
      forgetAfterMs: options.forgetAfterMs ?? 30 * 86_400_000,
      userAgent: options.userAgent ?? 'dyad-watch/0.1 (+https://www.npmjs.com/package/dyad)',
    };
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    const start = this.now();
    this.feeds = new Map(
      feedUrls.map((url) => [url, { url, validators: {}, nextPollAt: start, notBefore: null, failures: 0, lastError: null, lastPolledAt: null }]),
    );
  }

  /**
   * Loads what the store remembers of each feed (once; polling calls it):
   * its validators, failures and the time before which it must not be
   * polled (capped at the longest wait the current options allow, so a
   * changed --max-backoff or a clock that jumped back cannot stall a feed).
   */
  load(): Promise<void> {
    this.loading ??= this.loadStates().catch((e: unknown) => {
      this.loading = null;
      throw e;
    });
    return this.loading;
  }

  private async loadStates(): Promise<void> {
    const start = this.now();
    const cap = start + Math.max(this.o.maxBackoffMs, this.o.maxFreshMs);
    for (const f of this.feeds.values()) {
      const s = await this.store.getFeedState(f.url);
      if (!s) continue;
      f.validators = {};
      if (s.etag) f.validators.etag = s.etag;
      if (s.lastModified) f.validators.lastModified = s.lastModified;
      f.failures = s.failures;
      f.lastError = s.lastError;
      f.lastPolledAt = msOf(s.lastPolledAt);
      f.notBefore = msOf(s.notBefore);
      f.nextPollAt = Math.min(Math.max(start, f.notBefore ?? start), cap);
      if (f.nextPollAt > start) {
        const why = f.failures ? `backing off after ${f.failures} failure${f.failures === 1 ? '' : 's'} (${f.lastError ?? 'unknown error'})` : 'fresh by its caching headers';
        this.log(`dyad watch: ${f.url}: ${why}; next poll in ${formatDuration(f.nextPollAt - start)}`);
      }
    }
  }

  /** Saves a feed's state after a poll; a store that fails is reported, and the watcher goes on with its state in memory. */
  private async save(f: WatchedFeed): Promise<void> {
    try {
      await this.store.putFeedState({
        url: f.url,
        etag: f.validators.etag ?? null,
        lastModified: f.validators.lastModified ?? null,
        lastPolledAt: iso(f.lastPolledAt),
        notBefore: iso(f.notBefore),
        failures: f.failures,
        lastError: f.lastError,
      });
    } catch (e) {
      this.log(`dyad watch: ${f.url}: could not save the feed's state: ${(e as Error).message}`);
    }
  }

  /** Records items' outcomes; a store that fails is reported (the item is then looked at again after a restart). */
  private async remember(feed: string, records: FeedItemRecord[]): Promise<void> {
    if (!records.length) return;
    try {
      await this.store.putFeedItems(feed, records);
    } catch (e) {
      this.log(`dyad watch: ${feed}: could not record ${records.length === 1 ? `item ${records[0]!.item}` : `${records.length} items`}: ${(e as Error).message}`);
    }
  }

  /** The wait after `failures` consecutive failures: every × 2^failures, capped. */
  backoff(failures: number): number {
    return Math.min(this.o.maxBackoffMs, this.o.everyMs * 2 ** Math.min(failures, 30));
  }

  /** Polls every feed that is due now; returns one report per feed polled. */
  async pollDue(): Promise<PollReport[]> {
    await this.load();
    const now = this.now();
    const due = [...this.feeds.values()].filter((f) => f.nextPollAt <= now);
    return Promise.all(due.map((f) => this.poll(f.url)));
  }

  /** Polls one feed now, whatever its schedule, and saves its state. */
  async poll(url: string): Promise<PollReport> {
    const f = this.feeds.get(url);
    if (!f) throw new Error(`not a watched feed: ${url}`);
    await this.load();
    const report = await this.fetchFeed(f);
    // saved last: validators saved before the items were handled would, after a crash, hide those items behind a 304
    await this.save(f);
    return report;
  }

  private async fetchFeed(f: WatchedFeed): Promise<PollReport> {
    const url = f.url;
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
    let toRetry: number;
    try {
      toRetry = await this.handleItems(url, items, report);
    } catch (e) {
      f.validators = {};
      return this.failed(f, report, res.status, `the store failed: ${(e as Error).message}`, null);
    }
    // items left to do must be in the next answer: no validators, so it is a full 200, not a 304
    if (toRetry > 0) f.validators = {};
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

  private succeeded(f: WatchedFeed, report: PollReport, freshForMs: number | null): void {
    f.failures = 0;
    f.lastError = null;
    const now = this.now();
    const fresh = Math.min(freshForMs ?? 0, this.o.maxFreshMs);
    const wait = Math.max(this.o.everyMs, fresh);
    f.nextPollAt = now + wait;
    f.notBefore = fresh > 0 ? now + fresh : null;
    report.nextPollInMs = wait;
  }

  private failed(f: WatchedFeed, report: PollReport, status: number, reason: string, retryAfterMs: number | null): PollReport {
    f.failures++;
    f.lastError = reason;
    let wait = this.backoff(f.failures);
    if (retryAfterMs !== null) wait = Math.max(wait, Math.min(retryAfterMs, this.o.maxFreshMs));
    f.nextPollAt = this.now() + wait;
    f.notBefore = f.nextPollAt;
    report.outcome = 'error';
    report.status = status;
    report.error = reason;
    report.nextPollInMs = wait;
    this.log(`dyad watch: ${f.url}: ${reason} (failure ${f.failures} in a row); next try in ${formatDuration(wait)}`);
    return report;
  }

  /**
   * Handles a fetched feed's items: those handled for good before (by this
   * process, or recorded in the store by an earlier one) are passed over;
   * an item whose article is already stored is recorded as such; the others
   * are fetched, coded and stored, and their outcome recorded. Returns how
   * many items are left to try again.
   */
  private async handleItems(feedUrl: string, items: readonly FeedItem[], report: PollReport): Promise<number> {
    const byId = new Map<string, FeedItem>();
    for (const item of items) {
      const id = itemArticleId(feedUrl, item);
      if (!byId.has(id)) byId.set(id, item);
    }
    // what the feed no longer lists leaves the in-memory set, and its records go after forgetAfterMs
    const listed = [...byId.keys()];
    const before = this.done.get(feedUrl) ?? new Set<string>();
    const done = new Set(listed.filter((id) => before.has(id)));
    this.done.set(feedUrl, done);
    const forgotten = await this.store.forgetFeedItems(feedUrl, listed, iso(this.now() - this.o.forgetAfterMs)!);
    if (forgotten) this.log(`dyad watch: ${feedUrl}: forgot ${forgotten} item${forgotten === 1 ? '' : 's'} the feed has not listed for ${formatDuration(this.o.forgetAfterMs)}`);
    const todo = listed.filter((id) => !done.has(id));
    if (!todo.length) return 0;
    const records = await this.store.feedItems(feedUrl, todo);
    const open = todo.filter((id) => {
      const r = records.get(id);
      if (r && r.outcome !== 'pending') {
        done.add(id);
        return false;
      }
      return true;
    });
    if (!open.length) return 0;
    // stored already (by dyad ingest, another watcher, or before the feed tables existed)
    const stored = (await this.store.knownArticles(open, [])).ids;
    const at = iso(this.now())!;
    const found: FeedItemRecord[] = [];
    let toRetry = 0;
    for (const id of open) {
      const tries = records.get(id)?.tries ?? 0;
      if (stored.has(id)) {
        done.add(id);
        found.push({ item: id, outcome: 'stored', article: id, tries, recordedAt: at });
        continue;
      }
      const item = byId.get(id)!;
      let rec: FeedItemRecord;
      try {
        rec = await this.handleItem(feedUrl, id, item, tries, report);
      } catch (e) {
        report.failed++;
        toRetry++;
        this.log(`dyad watch: ${feedUrl}: item ${item.id ?? item.url ?? item.title}: ${(e as Error).message}`);
        continue;
      }
      if (rec.outcome === 'pending') toRetry++;
      else done.add(id);
      await this.remember(feedUrl, [rec]);
    }
    await this.remember(feedUrl, found);
    return toRetry;
  }

  /** Fetches, codes and stores one new item; what was done, as the record to keep. */
  private async handleItem(feedUrl: string, id: string, item: FeedItem, triesBefore: number, report: PollReport): Promise<FeedItemRecord> {
    const record = (outcome: FeedItemRecord['outcome'], article: string | null, tries: number): FeedItemRecord => ({
      item: id,
      outcome,
      article,
      tries,
      recordedAt: iso(this.now())!,
    });
    report.new++;
    let tries = triesBefore;
    const link = item.url ? absolute(item.url, feedUrl) : undefined;
    let page: ReturnType<typeof extractArticle> = null;
    if (link && /^https?:/i.test(link)) {
      const res = await this.get(link, PAGE_ACCEPT);
      if (res.kind === 'ok') {
        page = extractArticle(res.text);
        if (!page) this.log(`dyad watch: ${link}: no article text found in the page; using the feed's text`);
      } else if (res.kind === 'error') {
        tries++;
        if (res.transient && tries < this.o.pageRetries) {
          report.retryLater++;
          report.new--;
          this.log(`dyad watch: ${link}: ${res.reason}; will try again next poll (${tries} of ${this.o.pageRetries})`);
          return record('pending', null, tries);
        }
        this.log(`dyad watch: ${link}: ${res.reason}; using the feed's text`);
      }
    }
    const feedText = item.text.trim() ? item.text : '';
    const text = page?.text ?? feedText;
    const title = item.title || page?.title || '';
    if (!text.trim() && !title.trim()) {
      report.failed++;
      this.log(`dyad watch: ${feedUrl}: item ${id} has no text, no title and no readable page: skipped`);
      return record('skipped', null, tries);
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
      this.log(`dyad watch: ${link ?? id}: not coded: ${fatal.reason}`);
      return record('skipped', null, tries);
    }
    const r = await this.store.putDocument(doc);
    if (r.status === 'inserted') {
      report.stored++;
      return record('stored', id, tries);
    }
    report.duplicates++;
    const holder = r.duplicateOf ?? id;
    return record(holder === id ? 'stored' : 'duplicate', holder, tries);
  }

  /** Polls until stop(): each feed when it is due. */
  async run(): Promise<void> {
    this.stopped = false;
    await this.load();
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
