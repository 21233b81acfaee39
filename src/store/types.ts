/**
 * The one store interface (docs/storage.md). Two backends implement it:
 * SQLite (embedded, the default) and PostgreSQL (shared by a team or many
 * workers); `openStore(url)` in ./index.ts picks one. The same contract suite
 * (store.contract.test.ts) runs on both.
 *
 * What is stored:
 * - **articles**: the text once, its metadata, a SHA-256 content hash, the
 *   ontology version that coded it and the article's messages;
 * - **sentences**, **actor mentions** and **quotes** as spans into that text;
 * - **events** and their **mentions** (the GDELT events/mentions split): an
 *   event is one (date, source code, target code, CAMEO code, negated) tuple;
 *   every coded event in every article that reports it is a mention of it,
 *   carrying its provenance (trigger, actor spans, dictionary file and line,
 *   pattern, ontology version). Counts and series count events, so a story
 *   repeated by twenty outlets counts once, with twenty mentions;
 * - **actors**: one row per actor code with its name and running counts;
 * - **feeds** and **feed items**: what `dyad watch` remembers between runs
 *   (caching validators, schedule and back-off per feed; what it did with
 *   each item), so that a restarted watcher goes on where it stopped.
 *
 * Conventions used by every query:
 * - Dates are `YYYY-MM-DD` strings; `from` and `to` are both inclusive.
 * - Actor codes match by prefix, as event-data users expect: `RUS` matches
 *   `RUS`, `RUSGOV`, `RUSMIL`…; `RUSGOV` matches only `RUSGOV…`. Codes are
 *   compared upper-cased. CAMEO codes match by prefix too (`19` matches
 *   `190`…`1953`); PLOVER types match exactly, case-insensitively.
 * - Lists are paged with an opaque `cursor`: pass a page's `next` to get the
 *   following page; `next` is null on the last page. Pages are stable under
 *   concurrent inserts of older or newer rows (keyset pagination).
 * - Text is never stored twice: every `text` in a result is sliced from the
 *   article's text by its span.
 */
import type { CodedDocument, CodedEvent, Quote } from '../output/schema.js';
import type { ActorKind, ActorRef, PloverCoding, Provenance } from '../core/layers.js';
import type { TextSpan } from '../core/span.js';

export type { CodedDocument };

/** Which backend a store runs on. */
export type StoreBackend = 'sqlite' | 'postgres';

/** The width of one step of a time series. Weeks are ISO weeks (Monday to Sunday, UTC). */
export type Interval = 'day' | 'week' | 'month';

/** An inclusive date range; either end may be left open. */
export interface DateRange {
  /** first day, `YYYY-MM-DD`, inclusive */
  from?: string;
  /** last day, `YYYY-MM-DD`, inclusive */
  to?: string;
}

/** A page of results with the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

// ---------------------------------------------------------------------------
// writing

/** What `putDocument` did with one document. */
export interface PutResult {
  /** the article's id */
  id: string;
  /**
   * `inserted`: stored now. `duplicate`: an article with the same id or the
   * same content hash was already stored; nothing was written.
   */
  status: 'inserted' | 'duplicate';
  /** for duplicates: the id of the article already stored */
  duplicateOf?: string;
  /** for duplicates: whether the id or the text matched */
  by?: 'id' | 'content';
  /** coded events in the document (each one a mention) */
  mentions: number;
  /** of those, how many started a new event (the others joined an event another article or sentence had already reported) */
  newEvents: number;
}

// ---------------------------------------------------------------------------
// reading: articles

/** An article's metadata as stored (no text). */
export interface StoredArticle {
  id: string;
  title: string;
  /** publication date `YYYY-MM-DD`, or null when unknown */
  date: string | null;
  url?: string;
  /** the outlet ("Reuters"), when the input named one */
  source?: string;
  /** SHA-256 of the article text, lowercase hex */
  contentHash: string;
  /** length of the text in characters */
  chars: number;
  /** when the article was stored (ISO 8601 UTC) */
  ingestedAt: string;
  /** the ontology and schema version that coded it */
  dyad: { schema: string; ontology: string };
  /** how many coded events (mentions), actor mentions and quotes it holds */
  counts: { mentions: number; actors: number; quotes: number };
}

/** An event of one article, with the id of the stored event it is a mention of. */
export type ArticleEvent = CodedEvent & { eventId: string };

/**
 * One article with everything dyad found in it: exactly the `CodedDocument`
 * that was stored (same text, spans, events, quotes, messages), with each
 * event carrying the id of the stored event it is a mention of.
 */
export interface ArticleDetail extends Omit<CodedDocument, 'events'> {
  events: ArticleEvent[];
  contentHash: string;
  ingestedAt: string;
}

// ---------------------------------------------------------------------------
// reading: events

/** Filters for events. All given filters must hold (AND). */
export interface EventFilter extends DateRange {
  /** source actor code prefix (or several: any of them) */
  source?: string | string[];
  /** target actor code prefix (or several) */
  target?: string | string[];
  /** actor code prefix on either side (source or target) */
  actor?: string | string[];
  /** CAMEO code prefix (`19`, `190`, `1712`), or several */
  cameo?: string | string[];
  /** PLOVER event type (`ASSAULT`), or several; case-insensitive */
  plover?: string | string[];
  /** quad class (1 verbal cooperation … 4 material conflict; 0 neutral under the phoenix convention), or several */
  quad?: number | number[];
  /**
   * words that must occur in the sentence of at least one mention
   * (case-insensitive substring, ASCII case folding)
   */
  text?: string;
  /** only events with a mention in this article */
  article?: string;
  /** negated events ("did not attack"): excluded by default in aggregates, included by default here; true = only negated, false = only asserted */
  negated?: boolean;
}

export interface EventQuery extends EventFilter {
  /** page size, 1–1000 (default 100) */
  limit?: number;
  /** the `next` of the previous page */
  cursor?: string;
  /** `desc` (default): newest first; `asc`: oldest first. Events without a date come last in `desc`, first in `asc`. */
  order?: 'asc' | 'desc';
}

/** One side of a stored event. */
export interface EventActor {
  code: string;
  /** the canonical name of the first mention that named it */
  name?: string;
}

/** A stored event: one (date, source, target, CAMEO code, negated) with its mention counts. */
export interface StoredEvent {
  /** stable id: the first 16 hex digits of SHA-256 of the dedup key (same on every backend) */
  id: string;
  /** `YYYY-MM-DD`, or null when neither the text nor the article gave a date */
  date: string | null;
  source: EventActor;
  target: EventActor | null;
  cameo: string;
  /** the two-digit CAMEO root (`19`) */
  root: string;
  label: string;
  plover: PloverCoding;
  goldstein: number;
  quad: number;
  negated: boolean;
  /** how many coded mentions (sentences in articles) report it */
  mentions: number;
  /** in how many distinct articles */
  articles: number;
  /** from how many distinct outlets (`source` of the articles; articles without one count as one unnamed outlet each) */
  outlets: number;
  /** the article of its first stored mention (to open it) */
  firstArticle: string;
}

/** One report of an event: where it was said, with the rule that coded it. */
export interface EventMention {
  eventId: string;
  articleId: string;
  /** index of the event in its article's `events` */
  index: number;
  sentence: number;
  /** the sentence the event was coded from */
  sentenceText: TextSpan;
  trigger: TextSpan;
  source: ActorRef | null;
  target: ActorRef | null;
  /** the mention's own date (what the text said, else the article date) */
  date: string | null;
  dateText?: TextSpan;
  negated: boolean;
  modality?: string;
  rule: Provenance;
  /** the ontology version that coded it */
  ontology: string;
  article: { title: string; date: string | null; url?: string; source?: string };
}

// ---------------------------------------------------------------------------
// reading: aggregates (the raw tallies; derived measures are in src/aggregate)

/**
 * Sums over a set of events (not mentions), from which every derived
 * measure is computed by src/aggregate (mean Goldstein, tension index, …).
 * Negated events are left out of every tally.
 */
export interface Tally {
  /** distinct events */
  events: number;
  /** their mentions */
  mentions: number;
  /** sum of the events' Goldstein scores */
  goldsteinSum: number;
  /** sum of max(0, −Goldstein) over events in quad class 3 or 4 (verbal and material conflict) */
  conflictSeverity: number;
  /** events per quad class (keys 0–4; absent = 0) */
  quad: Record<number, number>;
}

/** Tally of one day of one dyad and CAMEO root (the rows series are built from). */
export interface DayTally extends Tally {
  date: string;
  root: string;
}

export interface SeriesQuery extends DateRange {
  /** source actor code prefix */
  source: string;
  /** target actor code prefix */
  target: string;
  interval: Interval;
  /** false: count both directions (source→target and target→source); default true */
  directed?: boolean;
}

/** One step of a dyad's series. Empty steps between the first and last are present with zero counts. */
export interface SeriesPoint {
  /** first day of the step (a Monday for weeks, the 1st for months) */
  period: string;
  /** last day of the step */
  end: string;
  events: number;
  mentions: number;
  /** events per quad class */
  quad: Record<number, number>;
  /** events per two-digit CAMEO root */
  roots: Record<string, number>;
  goldsteinSum: number;
  /** null when the step has no events */
  goldsteinMean: number | null;
  /** the tension index (docs/aggregation.md), 0–100; null when the step has no events */
  tension: number | null;
}

export interface Series {
  source: string;
  target: string;
  interval: Interval;
  directed: boolean;
  /** the range the points cover */
  from: string | null;
  to: string | null;
  points: SeriesPoint[];
}

/** How actor codes are grouped into dyads: as coded (`RUSGOV`), or by their first three letters, the country (`RUS`). */
export type ActorLevel = 'code' | 'country';

/** Derived measures of a tally (computed by src/aggregate). */
export interface Measures {
  events: number;
  mentions: number;
  goldsteinSum: number;
  goldsteinMean: number | null;
  tension: number | null;
  quad: Record<number, number>;
}

export interface DyadQuery extends DateRange {
  /** only dyads with this actor prefix on either side */
  actor?: string;
  source?: string;
  target?: string;
  level?: ActorLevel;
  /** dyads with fewer events are left out (default 1) */
  minEvents?: number;
  /** at most this many (default 100, at most 10,000), most events first */
  limit?: number;
}

/** A directed dyad and its measures over the queried range. */
export interface DyadSummary extends Measures {
  source: string;
  target: string;
  /** first and last event date in the range */
  first: string | null;
  last: string | null;
}

export interface TopQuery {
  /** the period: first and last day, both inclusive; the previous period is the same number of days right before `from` */
  from: string;
  to: string;
  level?: ActorLevel;
  /**
   * `events` (default): most events in the period; `tension`: highest
   * tension index; `rise`: largest increase in events over the previous period
   */
  by?: 'events' | 'tension' | 'rise';
  /** dyads/actors with fewer events in the period are left out (default 1; for `rise`, counted in either period) */
  minEvents?: number;
  /** default 20, at most 1,000 */
  limit?: number;
}

/** What changed between the previous period and this one. */
export interface Change {
  /** events now minus events before */
  events: number;
  /** relative change in events, (now − before) / before; null when there were none before */
  eventsRatio: number | null;
  /** difference in mean Goldstein; null when either period has no events */
  goldsteinMean: number | null;
  /** difference in tension; null when either period has no events */
  tension: number | null;
}

export interface TopDyad {
  source: string;
  target: string;
  current: Measures;
  previous: Measures;
  change: Change;
}

export interface TopActor {
  code: string;
  name?: string;
  /** events with the actor on either side (an event between two of its own codes counts once) */
  current: Measures;
  previous: Measures;
  change: Change;
}

export interface Top<T> {
  period: { from: string; to: string };
  previous: { from: string; to: string };
  items: T[];
}

// ---------------------------------------------------------------------------
// reading: quotes and actors

export interface QuoteQuery extends DateRange {
  /** words in the speaker's name or the words that named them (case-insensitive substring) */
  speaker?: string;
  /** the speaker's actor code prefix */
  actor?: string;
  /** words in the quote (case-insensitive substring) */
  text?: string;
  article?: string;
  kind?: 'direct' | 'indirect';
  limit?: number;
  cursor?: string;
}

/** A stored quote with its article's metadata; the date range filters on the article date. */
export type StoredQuote = Quote & {
  articleId: string;
  /** index of the quote in its article's `quotes` */
  index: number;
  article: { title: string; date: string | null; url?: string; source?: string };
};

export interface ActorQuery {
  /** code prefix */
  code?: string;
  /** words in the actor's name (case-insensitive substring) */
  name?: string;
  limit?: number;
  cursor?: string;
}

export interface StoredActor {
  code: string;
  /** the canonical name the first mention gave */
  name?: string;
  /** the kind of its first mention in text; absent when the code was only seen on an event side */
  kind?: ActorKind;
  /** mentions in article text */
  mentions: number;
  /** events (not mentions) with this code as source, as target */
  asSource: number;
  asTarget: number;
  /** first and last article date it was mentioned on */
  first: string | null;
  last: string | null;
}

export interface StoreStats {
  articles: number;
  events: number;
  mentions: number;
  actors: number;
  quotes: number;
  /** earliest and latest event date */
  first: string | null;
  last: string | null;
}

// ---------------------------------------------------------------------------
// feed watching (dyad watch): what a watcher remembers between runs

/**
 * What a feed watcher remembers about one feed, so that a restarted watcher
 * goes on where the last one stopped: it sends the validators back (an
 * unchanged feed answers 304), and a feed that was backing off or was
 * declared fresh by its caching headers is not polled early. Times are ISO
 * 8601 UTC instants (`2024-03-06T10:00:00.000Z`), set by the caller (the
 * watcher's clock), not by the store.
 */
export interface FeedState {
  /** the feed's URL, as watched: the key */
  url: string;
  /** the `ETag` of the feed's last response, sent back as `If-None-Match`; null when none */
  etag: string | null;
  /** the `Last-Modified` of the feed's last response, sent back as `If-Modified-Since`; null when none */
  lastModified: string | null;
  /** when the feed was last polled; null when never */
  lastPolledAt: string | null;
  /**
   * The feed must not be polled before this instant: the end of its back-off
   * after failures (with any `Retry-After`), or of the freshness its caching
   * headers gave (`Cache-Control: max-age`, `Expires`). Null: nothing holds
   * it back. The watcher's own interval (`--every`) is not part of it.
   */
  notBefore: string | null;
  /** consecutive failed polls (0 after a success): the back-off resumes from here */
  failures: number;
  /** why the last poll failed; null after a success */
  lastError: string | null;
}

/**
 * What a feed watcher did with one item of one feed. Items are keyed by
 * feed and by `item`, the article id the watcher gives the item (its guid or
 * link); the same item in two feeds has a record in each.
 */
export interface FeedItemRecord {
  /** the item's key within its feed (the article id the watcher gives it) */
  item: string;
  /**
   * - `stored`: stored as the article `article` (its own id);
   * - `duplicate`: its text was already stored, as the article `article`;
   * - `skipped`: it had nothing to store (no text, or coding failed); not tried again;
   * - `pending`: its page failed for a passing reason `tries` times; tried again at a later poll.
   */
  outcome: 'stored' | 'duplicate' | 'skipped' | 'pending';
  /** the stored article that holds the item's text (`stored`, `duplicate`); else null */
  article: string | null;
  /** how many times its page failed (kept through `pending`; 0 when it never failed) */
  tries: number;
  /** when this outcome was recorded */
  recordedAt: string;
}

// ---------------------------------------------------------------------------

/**
 * An event store. Every method is async and safe to call while other
 * processes write the same store (PostgreSQL; SQLite serialises writers).
 * Methods throw a `DyadError` (src/core/errors.ts): `E_USAGE` for a bad
 * argument (a malformed date, cursor or limit: the caller's fault) and
 * `E_STORE` when the database fails or cannot be reached.
 */
export interface Store {
  readonly backend: StoreBackend;
  /** where it is, with any password removed (for messages) */
  readonly location: string;

  /**
   * Stores one coded document in one transaction: article, sentences, actor
   * mentions, quotes, events and mentions. Idempotent: a document whose id,
   * or whose text (content hash), is already stored writes nothing and comes
   * back as `duplicate`. Safe under concurrent writers: two processes putting
   * the same document store it once.
   */
  putDocument(doc: CodedDocument): Promise<PutResult>;

  /**
   * Stores several documents, each idempotent as in `putDocument`, in one
   * transaction (fewer commits: faster ingest). All or none of the batch is
   * committed; results are in input order (a document repeated within the
   * batch is a duplicate of its first occurrence).
   */
  putDocuments(docs: readonly CodedDocument[]): Promise<PutResult[]>;

  /**
   * Whether an article with this id, or with this content hash, is stored:
   * its id and which matched, or null. Ingest calls it before coding, so a
   * resumed batch skips what is already in without coding it again.
   */
  findArticle(id: string, contentHash?: string): Promise<{ id: string; by: 'id' | 'content' } | null>;

  /**
   * Which of these article ids and content hashes are stored, in one round
   * trip (ingest looks ahead a few dozen articles at a time).
   */
  knownArticles(ids: readonly string[], contentHashes: readonly string[]): Promise<{ ids: Set<string>; contentHashes: Set<string> }>;

  /** One article with its text and all its spans (sentences, actors, events with their event ids, quotes, messages), or null. */
  getArticle(id: string): Promise<ArticleDetail | null>;

  /** Articles' metadata, newest first (by date, then id), optionally within a date range of the publication date. */
  listArticles(q?: DateRange & { limit?: number; cursor?: string }): Promise<Page<StoredArticle>>;

  /** Events matching the filter, one page at a time. */
  events(q?: EventQuery): Promise<Page<StoredEvent>>;

  /** How many events match the filter. */
  countEvents(q?: EventFilter): Promise<number>;

  /** One event by id, or null. */
  getEvent(id: string): Promise<StoredEvent | null>;

  /** The mentions of one event: every sentence of every article that reported it, in ingest order. */
  mentions(eventId: string, q?: { limit?: number; cursor?: string }): Promise<Page<EventMention>>;

  /** Directed dyads with their measures over a range, most events first. */
  dyads(q?: DyadQuery): Promise<DyadSummary[]>;

  /**
   * Raw day-by-root tallies of a dyad (negated events left out): what
   * `series` is built from. Exposed for callers that aggregate themselves.
   */
  dayTallies(q: Omit<SeriesQuery, 'interval'>): Promise<DayTally[]>;

  /**
   * A dyad's time series: per interval, counts by quad class and CAMEO root,
   * Goldstein sum and mean and the tension index. Steps without events
   * between `from` (or the first event) and `to` (or the last) are filled
   * with zeros.
   */
  series(q: SeriesQuery): Promise<Series>;

  /** The top dyads of a period, with their measures in the previous period of the same length and the change. */
  topDyads(q: TopQuery): Promise<Top<TopDyad>>;

  /** The top actors of a period (events on either side), with the change versus the previous period. */
  topActors(q: TopQuery): Promise<Top<TopActor>>;

  /** Quotes by speaker name, speaker actor code, words, article or date, newest article first. */
  quotes(q?: QuoteQuery): Promise<Page<StoredQuote>>;

  /** Actors seen in the stored articles, most mentioned first. */
  actors(q?: ActorQuery): Promise<Page<StoredActor>>;

  /** The saved state of one watched feed (see `FeedState`), or null when none is saved. */
  getFeedState(url: string): Promise<FeedState | null>;

  /** Saves the state of one watched feed, replacing any saved before (last writer wins). */
  putFeedState(state: FeedState): Promise<void>;

  /**
   * The records of these items of one feed (those that have one), keyed by
   * item, in one round trip: a watcher asks for every item of a feed it has
   * just fetched and handles only those without a record (or still `pending`).
   */
  feedItems(feed: string, items: readonly string[]): Promise<Map<string, FeedItemRecord>>;

  /**
   * Records what was done with items of one feed, replacing their earlier
   * records (an item listed twice keeps its last record). Atomic: all or none.
   */
  putFeedItems(feed: string, records: readonly FeedItemRecord[]): Promise<void>;

  /**
   * Forgets the records of items of one feed that are not in `keep` (the
   * items the feed lists now) and were recorded before `before` (an ISO
   * instant); returns how many were forgotten. Safe: an item listed again is
   * found stored already by its id or content hash.
   */
  forgetFeedItems(feed: string, keep: readonly string[], before: string): Promise<number>;

  /** Totals over the whole store. */
  stats(): Promise<StoreStats>;

  /**
   * Refreshes the query planner's statistics (ANALYZE). `dyad ingest` calls
   * it after storing many articles, so that queries right after a bulk load
   * are planned on what the tables now hold.
   */
  analyze(): Promise<void>;

  /** Closes the connection(s). The store cannot be used afterwards; closing twice is harmless. */
  close(): Promise<void>;
}
