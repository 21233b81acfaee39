import type { Migration } from './index.js';

/**
 * SQLite schema. Dates are `YYYY-MM-DD` text, '' when unknown (so they sort
 * and compare as plain strings on both backends); a missing event target is
 * ''. Spans are half-open character offsets into `articles.text`.
 */
export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'articles, sentences, actor mentions, quotes, events, mentions, actors',
    sql: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  url TEXT,
  outlet TEXT,
  text TEXT NOT NULL,
  chars INTEGER NOT NULL,
  schema_version TEXT NOT NULL,
  ontology TEXT NOT NULL,
  messages TEXT NOT NULL,
  n_mentions INTEGER NOT NULL,
  n_actors INTEGER NOT NULL,
  n_quotes INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles (date, id);

CREATE TABLE sentences (
  article INTEGER NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE actor_mentions (
  article INTEGER NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT,
  person TEXT,
  rule_file TEXT NOT NULL,
  rule_line INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
  article INTEGER NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  speaker_code TEXT,
  speaker_words TEXT,
  date TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker_code, date);
CREATE INDEX quotes_date ON quotes (date, article, idx);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  negated INTEGER NOT NULL,
  label TEXT NOT NULL,
  plover_type TEXT NOT NULL,
  plover_mode TEXT,
  goldstein REAL NOT NULL,
  quad INTEGER NOT NULL,
  source_name TEXT,
  target_name TEXT,
  mentions INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  first_article TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX events_dyad ON events (source, target, date);
CREATE INDEX events_target ON events (target, source, date);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_cameo ON events (cameo, date);

CREATE TABLE mentions (
  article INTEGER NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  event TEXT NOT NULL REFERENCES events (id),
  sentence INTEGER NOT NULL,
  sent_start INTEGER NOT NULL,
  sent_end INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_event ON mentions (event, article, idx);

CREATE TABLE actors (
  code TEXT PRIMARY KEY,
  name TEXT,
  kind TEXT,
  mentions INTEGER NOT NULL,
  as_source INTEGER NOT NULL,
  as_target INTEGER NOT NULL,
  first TEXT,
  last TEXT
) WITHOUT ROWID;
CREATE INDEX actors_mentions ON actors (mentions DESC, code);
`,
  },
  {
    version: 2,
    name: 'drop two indexes that cost every insert and that queries do without: events by CAMEO code (the date and dyad indexes serve those filters), actors by mentions (a small table, sorted when read)',
    sql: `
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS actors_mentions;
`,
  },
  {
    version: 3,
    name: 'feed watching: what dyad watch remembers of each feed (caching validators, schedule, back-off) and of each feed item it has handled',
    sql: `
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  not_before TEXT,
  failures INTEGER NOT NULL,
  last_error TEXT
) WITHOUT ROWID;

CREATE TABLE feed_items (
  feed TEXT NOT NULL,
  item TEXT NOT NULL,
  outcome TEXT NOT NULL,
  article TEXT,
  tries INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (feed, item)
) WITHOUT ROWID;
`,
  },
];
