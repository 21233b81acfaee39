import type { Migration } from './index.js';

/**
 * PostgreSQL schema: the same tables and columns as SQLite's. Codes and
 * dates are `text COLLATE "C"` so that prefix ranges and ordering compare
 * bytes, exactly as SQLite does.
 */
export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'articles, sentences, actor mentions, quotes, events, mentions, actors',
    sql: `
CREATE TABLE articles (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  content_hash text COLLATE "C" NOT NULL UNIQUE,
  title text NOT NULL,
  date text COLLATE "C" NOT NULL,
  url text,
  outlet text,
  text text NOT NULL,
  chars integer NOT NULL,
  schema_version text NOT NULL,
  ontology text NOT NULL,
  messages text NOT NULL,
  n_mentions integer NOT NULL,
  n_actors integer NOT NULL,
  n_quotes integer NOT NULL,
  ingested_at text NOT NULL
);
CREATE INDEX articles_date ON articles (date, id);

CREATE TABLE sentences (
  article bigint NOT NULL REFERENCES articles (seq),
  idx integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  paragraph integer NOT NULL,
  PRIMARY KEY (article, idx)
);

CREATE TABLE actor_mentions (
  article bigint NOT NULL REFERENCES articles (seq),
  idx integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  sentence integer NOT NULL,
  code text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  name text,
  person text,
  rule_file text NOT NULL,
  rule_line integer NOT NULL,
  PRIMARY KEY (article, idx)
);

CREATE TABLE quotes (
  article bigint NOT NULL REFERENCES articles (seq),
  idx integer NOT NULL,
  kind text NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  sentence integer NOT NULL,
  speaker_code text COLLATE "C",
  speaker_words text,
  date text COLLATE "C" NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (article, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_code, date);
CREATE INDEX quotes_date ON quotes (date, article, idx);

CREATE TABLE events (
  id text COLLATE "C" PRIMARY KEY,
  date text COLLATE "C" NOT NULL,
  source text COLLATE "C" NOT NULL,
  target text COLLATE "C" NOT NULL,
  cameo text COLLATE "C" NOT NULL,
  root text COLLATE "C" NOT NULL,
  negated smallint NOT NULL,
  label text NOT NULL,
  plover_type text COLLATE "C" NOT NULL,
  plover_mode text,
  goldstein double precision NOT NULL,
  quad smallint NOT NULL,
  source_name text,
  target_name text,
  mentions integer NOT NULL,
  articles integer NOT NULL,
  first_article text COLLATE "C" NOT NULL
);
CREATE INDEX events_dyad ON events (source, target, date);
CREATE INDEX events_target ON events (target, source, date);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_cameo ON events (cameo, date);

CREATE TABLE mentions (
  article bigint NOT NULL REFERENCES articles (seq),
  idx integer NOT NULL,
  event text COLLATE "C" NOT NULL REFERENCES events (id),
  sentence integer NOT NULL,
  sent_start integer NOT NULL,
  sent_end integer NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (article, idx)
);
CREATE INDEX mentions_event ON mentions (event, article, idx);

CREATE TABLE actors (
  code text COLLATE "C" PRIMARY KEY,
  name text,
  kind text,
  mentions integer NOT NULL,
  as_source integer NOT NULL,
  as_target integer NOT NULL,
  first text COLLATE "C",
  last text COLLATE "C"
);
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
  url text COLLATE "C" PRIMARY KEY,
  etag text,
  last_modified text,
  last_polled_at text,
  not_before text,
  failures integer NOT NULL,
  last_error text
);

CREATE TABLE feed_items (
  feed text COLLATE "C" NOT NULL,
  item text COLLATE "C" NOT NULL,
  outcome text NOT NULL,
  article text,
  tries integer NOT NULL,
  recorded_at text NOT NULL,
  PRIMARY KEY (feed, item)
);
`,
  },
];
