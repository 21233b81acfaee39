/**
 * The read side of the store, written once for both backends: the same SQL
 * (up to placeholders and two function names, see sql.ts) runs on SQLite and
 * PostgreSQL, and derived measures come from src/aggregate, so both backends
 * answer every query alike (the contract test checks it).
 */
import { DyadError } from '../../core/errors.js';
import type { CodedEvent, Quote } from '../../output/schema.js';
import type { ActorKind, ActorRef, Provenance } from '../../core/layers.js';
import type { Message } from '../../core/messages.js';
import { buildSeries, measures, previousPeriod, rankActors, rankDyads } from '../../aggregate/index.js';
import type {
  ActorLevel,
  ActorQuery,
  ArticleDetail,
  DateRange,
  DayTally,
  DyadQuery,
  DyadSummary,
  EventFilter,
  EventMention,
  EventQuery,
  Page,
  QuoteQuery,
  Series,
  SeriesQuery,
  StoreStats,
  StoredActor,
  StoredArticle,
  StoredEvent,
  StoredQuote,
  Tally,
  Top,
  TopActor,
  TopDyad,
  TopQuery,
} from '../types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { restoreText, type EventRow } from './rows.js';
import { Params, anyPrefix, checkDate, checkLimit, codeList, prefixCond, tallyColumns, type Dialect, type TallyRow } from './sql.js';

/** What a backend gives the reader: run one parameterised query, get rows. */
export interface SqlRunner {
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

/** Codes kept whole at the country level: their first three letters name no state. */
const TRANSNATIONAL = ['IGO', 'NGO', 'IMG', 'MNC', 'UIS'];

/** An event row as the store holds it: the document's row, with its totals over all articles. */
interface EventRowOut extends Omit<EventRow, 'mentions'> {
  mentions: number;
  articles: number;
  first_article: string;
}

interface ArticleRowOut {
  seq: number | string;
  id: string;
  content_hash: string;
  title: string;
  date: string;
  url: string | null;
  outlet: string | null;
  chars: number;
  schema_version: string;
  ontology: string;
  n_mentions: number;
  n_actors: number;
  n_quotes: number;
  ingested_at: string;
}

interface ArticleBySeq {
  id: string;
  title: string;
  date: string;
  url: string | null;
  outlet: string | null;
  ontology: string;
  text: string;
}

const EVENT_COLS = 'e.id, e.date, e.source, e.target, e.cameo, e.root, e.negated, e.label, e.plover_type, e.plover_mode, e.goldstein, e.quad, e.source_name, e.target_name, e.mentions, e.articles, e.first_article';
const ARTICLE_COLS = 'a.seq, a.id, a.content_hash, a.title, a.date, a.url, a.outlet, a.chars, a.schema_version, a.ontology, a.n_mentions, a.n_actors, a.n_quotes, a.ingested_at';

function tallyOf(r: TallyRow): Tally {
  const quad: Record<number, number> = {};
  const qs = [r.q0, r.q1, r.q2, r.q3, r.q4];
  qs.forEach((n, i) => {
    if (Number(n)) quad[i] = Number(n);
  });
  return {
    events: Number(r.events),
    mentions: Number(r.mentions ?? 0),
    goldsteinSum: Number(r.gsum ?? 0),
    conflictSeverity: Number(r.severity ?? 0),
    quad,
  };
}

function eventOf(r: EventRowOut, outlets: number): StoredEvent {
  const e: StoredEvent = {
    id: r.id,
    date: r.date === '' ? null : r.date,
    source: r.source_name ? { code: r.source, name: r.source_name } : { code: r.source },
    target: r.target === '' ? null : r.target_name ? { code: r.target, name: r.target_name } : { code: r.target },
    cameo: r.cameo,
    root: r.root,
    label: r.label,
    plover: r.plover_mode ? { type: r.plover_type, mode: r.plover_mode } : { type: r.plover_type },
    goldstein: Number(r.goldstein),
    quad: Number(r.quad),
    negated: Number(r.negated) === 1,
    mentions: Number(r.mentions),
    articles: Number(r.articles),
    outlets,
    firstArticle: r.first_article,
  };
  return e;
}

function articleOf(r: ArticleRowOut): StoredArticle {
  const a: StoredArticle = {
    id: r.id,
    title: r.title,
    date: r.date === '' ? null : r.date,
    contentHash: r.content_hash,
    chars: Number(r.chars),
    ingestedAt: r.ingested_at,
    dyad: { schema: r.schema_version, ontology: r.ontology },
    counts: { mentions: Number(r.n_mentions), actors: Number(r.n_actors), quotes: Number(r.n_quotes) },
  };
  if (r.url !== null) a.url = r.url;
  if (r.outlet !== null) a.source = r.outlet;
  return a;
}

function articleMeta(r: { title: string; date: string; url: string | null; outlet: string | null }): { title: string; date: string | null; url?: string; source?: string } {
  const m: { title: string; date: string | null; url?: string; source?: string } = { title: r.title, date: r.date === '' ? null : r.date };
  if (r.url !== null) m.url = r.url;
  if (r.outlet !== null) m.source = r.outlet;
  return m;
}

function textNeedle(v: string | undefined, what: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new DyadError('E_USAGE', `${what} should be text`);
  const t = v.trim().toLowerCase();
  if (t.length > 500) throw new DyadError('E_USAGE', `${what} is longer than 500 characters`);
  return t === '' ? undefined : t;
}

export abstract class SqlReader {
  protected abstract readonly db: SqlRunner;
  protected abstract readonly dialect: Dialect;

  // ----- articles ---------------------------------------------------------

  async findArticle(id: string, hash?: string): Promise<{ id: string; by: 'id' | 'content' } | null> {
    const p = new Params(this.dialect);
    const cond = hash ? `id = ${p.add(id)} OR content_hash = ${p.add(hash)}` : `id = ${p.add(id)}`;
    const rows = await this.db.all<{ id: string }>(`SELECT id FROM articles WHERE ${cond} ORDER BY seq LIMIT 2`, p.values);
    if (!rows.length) return null;
    const byId = rows.find((r) => r.id === id);
    return byId ? { id, by: 'id' } : { id: rows[0]!.id, by: 'content' };
  }

  async knownArticles(ids: readonly string[], hashes: readonly string[]): Promise<{ ids: Set<string>; contentHashes: Set<string> }> {
    const out = { ids: new Set<string>(), contentHashes: new Set<string>() };
    if (!ids.length && !hashes.length) return out;
    const p = new Params(this.dialect);
    const conds: string[] = [];
    if (ids.length) conds.push(`id IN (${ids.map((x) => p.add(x)).join(', ')})`);
    if (hashes.length) conds.push(`content_hash IN (${hashes.map((x) => p.add(x)).join(', ')})`);
    const rows = await this.db.all<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM articles WHERE ${conds.join(' OR ')}`, p.values);
    const wantIds = new Set(ids);
    const wantHashes = new Set(hashes);
    for (const r of rows) {
      if (wantIds.has(r.id)) out.ids.add(r.id);
      if (wantHashes.has(r.content_hash)) out.contentHashes.add(r.content_hash);
    }
    return out;
  }

  async listArticles(q: DateRange & { limit?: number; cursor?: string } = {}): Promise<Page<StoredArticle>> {
    const limit = checkLimit(q.limit, 100, 1000);
    const p = new Params(this.dialect);
    const where = this.dateConds('a.date', q, p);
    if (q.cursor) {
      const [d, id] = decodeCursor(q.cursor, ['string', 'string']);
      where.push(`(a.date < ${p.add(d)} OR (a.date = ${p.add(d)} AND a.id < ${p.add(id)}))`);
    }
    const rows = await this.db.all<ArticleRowOut>(
      `SELECT ${ARTICLE_COLS} FROM articles a ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.date DESC, a.id DESC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const items = rows.slice(0, limit).map(articleOf);
    const last = rows.length > limit ? rows[limit - 1]! : null;
    return { items, next: last ? encodeCursor([last.date, last.id]) : null };
  }

  async getArticle(id: string): Promise<ArticleDetail | null> {
    const p = new Params(this.dialect);
    const [a] = await this.db.all<ArticleRowOut & { text: string; messages: string }>(
      `SELECT ${ARTICLE_COLS}, a.text, a.messages FROM articles a WHERE a.id = ${p.add(id)}`,
      p.values,
    );
    if (!a) return null;
    const seq = a.seq;
    const one = (sql: string) => this.db.all<Record<string, unknown>>(sql, [seq]);
    const ph = this.dialect.placeholder(1);
    const [sentences, actors, quotes, mentions] = await Promise.all([
      one(`SELECT idx, span_start, span_end, paragraph FROM sentences WHERE article = ${ph} ORDER BY idx`),
      one(`SELECT idx, span_start, span_end, sentence, code, kind, name, person, rule_file, rule_line FROM actor_mentions WHERE article = ${ph} ORDER BY idx`),
      one(`SELECT data FROM quotes WHERE article = ${ph} ORDER BY idx`),
      one(`SELECT event, data FROM mentions WHERE article = ${ph} ORDER BY idx`),
    ]);
    const text = a.text;
    const doc: ArticleDetail = {
      id: a.id,
      title: a.title,
      date: a.date === '' ? null : a.date,
      text,
      sentences: sentences.map((s) => ({ start: Number(s.span_start), end: Number(s.span_end), paragraph: Number(s.paragraph) })),
      actors: actors.map((r) => {
        const o: ArticleDetail['actors'][number] = {
          text: text.slice(Number(r.span_start), Number(r.span_end)),
          start: Number(r.span_start),
          end: Number(r.span_end),
          sentence: Number(r.sentence),
          code: String(r.code),
          kind: r.kind as ActorKind,
          rule: { file: String(r.rule_file), line: Number(r.rule_line) },
        };
        if (r.name !== null) o.name = String(r.name);
        if (r.person !== null) o.person = String(r.person);
        return o;
      }),
      events: mentions.map((m) => ({ ...restoreText(JSON.parse(String(m.data)) as CodedEvent, text), eventId: String(m.event) })),
      quotes: quotes.map((q) => restoreText(JSON.parse(String(q.data)) as Quote, text)),
      messages: JSON.parse(a.messages) as Message[],
      dyad: { schema: a.schema_version, ontology: a.ontology },
      contentHash: a.content_hash,
      ingestedAt: a.ingested_at,
    };
    if (a.url !== null) doc.url = a.url;
    if (a.outlet !== null) doc.source = a.outlet;
    return doc;
  }

  // ----- events -----------------------------------------------------------

  protected dateConds(col: string, q: DateRange, p: Params): string[] {
    const out: string[] = [];
    const from = checkDate(q.from, 'from');
    const to = checkDate(q.to, 'to');
    if (from !== undefined) out.push(`${col} >= ${p.add(from)}`);
    if (to !== undefined) out.push(`${col} <= ${p.add(to)}`, `${col} <> ''`);
    if (from !== undefined && to !== undefined && from > to) throw new DyadError('E_USAGE', `from (${from}) is after to (${to})`);
    return out;
  }

  /** WHERE conditions on events `e` for a filter. */
  protected eventConds(f: EventFilter, p: Params): string[] {
    const out: string[] = [];
    const add = (c: string | null) => {
      if (c) out.push(c);
    };
    add(anyPrefix('e.source', codeList(f.source, 'source'), p));
    add(anyPrefix('e.target', codeList(f.target, 'target'), p));
    const actor = codeList(f.actor, 'actor');
    if (actor.length) out.push(`(${anyPrefix('e.source', actor, p)} OR ${anyPrefix('e.target', actor, p)})`);
    add(anyPrefix('e.cameo', codeList(f.cameo, 'CAMEO code'), p));
    const plover = f.plover === undefined ? [] : (Array.isArray(f.plover) ? f.plover : [f.plover]).flatMap((x) => String(x).split(',')).map((x) => x.trim().toUpperCase()).filter(Boolean);
    if (plover.length) out.push(`e.plover_type IN (${plover.map((x) => p.add(x)).join(', ')})`);
    if (f.quad !== undefined) {
      const quads = Array.isArray(f.quad) ? f.quad : [f.quad];
      for (const n of quads) if (!Number.isInteger(n) || n < 0 || n > 4) throw new DyadError('E_USAGE', `quad class should be 0–4 (got ${String(n)})`);
      if (quads.length) out.push(`e.quad IN (${quads.map((x) => p.add(x)).join(', ')})`);
    }
    out.push(...this.dateConds('e.date', f, p));
    if (f.negated !== undefined) out.push(`e.negated = ${p.add(f.negated ? 1 : 0)}`);
    if (f.article !== undefined) {
      out.push(`EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = e.id AND a.id = ${p.add(String(f.article))})`);
    }
    const text = textNeedle(f.text, 'text');
    if (text !== undefined) {
      const needle = p.add(text);
      out.push(
        `EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = e.id AND ${this.dialect.strpos('lower(substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start))', needle)} > 0)`,
      );
    }
    return out;
  }

  async events(q: EventQuery = {}): Promise<Page<StoredEvent>> {
    const limit = checkLimit(q.limit, 100, 1000);
    const order = q.order ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw new DyadError('E_USAGE', `order should be asc or desc (got ${String(order)})`);
    const p = new Params(this.dialect);
    const where = this.eventConds(q, p);
    if (q.cursor) {
      const [d, id] = decodeCursor(q.cursor, ['string', 'string']);
      const op = order === 'desc' ? '<' : '>';
      where.push(`(e.date ${op} ${p.add(d)} OR (e.date = ${p.add(d)} AND e.id ${op} ${p.add(id)}))`);
    }
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    const rows = await this.db.all<EventRowOut>(
      `SELECT ${EVENT_COLS} FROM events e ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY e.date ${dir}, e.id ${dir} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const page = rows.slice(0, limit);
    const outlets = await this.outletCounts(page.map((r) => r.id));
    const last = rows.length > limit ? page[page.length - 1]! : null;
    return { items: page.map((r) => eventOf(r, outlets.get(r.id) ?? 0)), next: last ? encodeCursor([last.date, last.id]) : null };
  }

  /** Distinct outlets per event (articles without an outlet count one each). */
  protected async outletCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!ids.length) return out;
    const p = new Params(this.dialect);
    // the outlet as a scalar subquery, not a join: a planner without fresh statistics
    // (right after a bulk load) must not hash-join the whole articles table
    const rows = await this.db.all<{ event: string; n: number }>(
      `SELECT event, ${this.dialect.int('count(DISTINCT outlet)')} AS n FROM (
         SELECT m.event, (SELECT COALESCE(a.outlet, '#' || a.id) FROM articles a WHERE a.seq = m.article) AS outlet
         FROM mentions m WHERE m.event IN (${ids.map((x) => p.add(x)).join(', ')})
       ) x GROUP BY event`,
      p.values,
    );
    for (const r of rows) out.set(r.event, Number(r.n));
    return out;
  }

  async countEvents(q: EventFilter = {}): Promise<number> {
    const p = new Params(this.dialect);
    const where = this.eventConds(q, p);
    const [r] = await this.db.all<{ n: number }>(
      `SELECT ${this.dialect.int('count(*)')} AS n FROM events e ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`,
      p.values,
    );
    return Number(r?.n ?? 0);
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const p = new Params(this.dialect);
    const [r] = await this.db.all<EventRowOut>(`SELECT ${EVENT_COLS} FROM events e WHERE e.id = ${p.add(id)}`, p.values);
    if (!r) return null;
    const outlets = await this.outletCounts([r.id]);
    return eventOf(r, outlets.get(r.id) ?? 0);
  }

  /** Some articles' text and metadata, by seq (fetched by primary key, whatever the planner knows). */
  protected async articlesBySeq(seqs: readonly (number | string)[]): Promise<Map<string, ArticleBySeq>> {
    const out = new Map<string, ArticleBySeq>();
    const uniq = [...new Set(seqs.map(String))];
    if (!uniq.length) return out;
    const p = new Params(this.dialect);
    const rows = await this.db.all<ArticleBySeq & { seq: number | string }>(
      `SELECT seq, id, title, date, url, outlet, ontology, text FROM articles WHERE seq IN (${uniq.map((x) => p.add(Number(x))).join(', ')})`,
      p.values,
    );
    for (const r of rows) out.set(String(r.seq), r);
    return out;
  }

  /** The texts of some articles, by seq. */
  protected async texts(seqs: readonly (number | string)[]): Promise<Map<string, string>> {
    const a = await this.articlesBySeq(seqs);
    return new Map([...a].map(([k, v]) => [k, v.text]));
  }

  async mentions(eventId: string, q: { limit?: number; cursor?: string } = {}): Promise<Page<EventMention>> {
    const limit = checkLimit(q.limit, 100, 1000);
    const p = new Params(this.dialect);
    const where = [`m.event = ${p.add(eventId)}`];
    if (q.cursor) {
      const [seq, idx] = decodeCursor(q.cursor, ['number', 'number']);
      where.push(`(m.article > ${p.add(seq)} OR (m.article = ${p.add(seq)} AND m.idx > ${p.add(idx)}))`);
    }
    type Row = { article: number | string; idx: number; sentence: number; sent_start: number; sent_end: number; data: string };
    const rows = await this.db.all<Row>(
      `SELECT m.article, m.idx, m.sentence, m.sent_start, m.sent_end, m.data FROM mentions m WHERE ${where.join(' AND ')} ORDER BY m.article, m.idx LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const page = rows.slice(0, limit);
    const articles = await this.articlesBySeq(page.map((r) => r.article));
    const items = page.map((r): EventMention => {
      const a = articles.get(String(r.article))!;
      const text = a.text;
      const e = restoreText(JSON.parse(r.data) as CodedEvent, text);
      const s = Number(r.sent_start);
      const t = Number(r.sent_end);
      const m: EventMention = {
        eventId,
        articleId: a.id,
        index: Number(r.idx),
        sentence: Number(r.sentence),
        sentenceText: { start: s, end: t, text: text.slice(s, t) },
        trigger: e.trigger,
        source: e.source as ActorRef | null,
        target: e.target as ActorRef | null,
        date: e.date,
        negated: e.negated,
        rule: e.rule as Provenance,
        ontology: a.ontology,
        article: articleMeta(a),
      };
      if (e.dateText) m.dateText = e.dateText;
      if (e.modality) m.modality = e.modality;
      return m;
    });
    const last = rows.length > limit ? page[page.length - 1]! : null;
    return { items, next: last ? encodeCursor([Number(last.article), Number(last.idx)]) : null };
  }

  // ----- aggregates -------------------------------------------------------

  protected levelExpr(col: string, level: ActorLevel | undefined): string {
    if (level === undefined || level === 'code') return col;
    if (level !== 'country') throw new DyadError('E_USAGE', `level should be code or country (got ${String(level)})`);
    return `(CASE WHEN substr(${col}, 1, 3) IN (${TRANSNATIONAL.map((x) => `'${x}'`).join(', ')}) THEN ${col} ELSE substr(${col}, 1, 3) END)`;
  }

  /** Conditions selecting a dyad (one direction, or both). */
  protected dyadCond(source: string, target: string, directed: boolean, p: Params): string {
    const [s] = codeList(source, 'source');
    const [t] = codeList(target, 'target');
    if (!s || !t) throw new DyadError('E_USAGE', 'a dyad needs a source and a target actor code');
    const one = (a: string, b: string) => `(${prefixCond('e.source', a, p)} AND ${prefixCond('e.target', b, p)})`;
    return directed ? one(s, t) : `(${one(s, t)} OR ${one(t, s)})`;
  }

  async dyads(q: DyadQuery = {}): Promise<DyadSummary[]> {
    const limit = checkLimit(q.limit, 100, 10_000);
    const minEvents = checkLimit(q.minEvents, 1, 1e9, 'minEvents');
    const p = new Params(this.dialect);
    const where = [`e.negated = 0`, `e.target <> ''`, ...this.eventConds({ source: q.source, target: q.target, actor: q.actor, from: q.from, to: q.to } as EventFilter, p)];
    const src = this.levelExpr('e.source', q.level);
    const tgt = this.levelExpr('e.target', q.level);
    type Row = TallyRow & { source: string; target: string; first: string | null; last: string | null };
    const rows = await this.db.all<Row>(
      `SELECT ${src} AS source, ${tgt} AS target, ${tallyColumns(this.dialect)}, min(NULLIF(e.date, '')) AS first, max(NULLIF(e.date, '')) AS last
       FROM events e WHERE ${where.join(' AND ')} GROUP BY ${src}, ${tgt}
       HAVING count(*) >= ${p.add(minEvents)} ORDER BY count(*) DESC, ${src}, ${tgt} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((r) => ({ source: r.source, target: r.target, ...measures(tallyOf(r)), first: r.first ?? null, last: r.last ?? null }));
  }

  async dayTallies(q: Omit<SeriesQuery, 'interval'>): Promise<DayTally[]> {
    const p = new Params(this.dialect);
    const where = [`e.negated = 0`, `e.date <> ''`, this.dyadCond(q.source, q.target, q.directed ?? true, p), ...this.dateConds('e.date', q, p)];
    const rows = await this.db.all<TallyRow & { date: string; root: string }>(
      `SELECT e.date, e.root, ${tallyColumns(this.dialect)} FROM events e WHERE ${where.join(' AND ')} GROUP BY e.date, e.root ORDER BY e.date, e.root`,
      p.values,
    );
    return rows.map((r) => ({ date: r.date, root: r.root, ...tallyOf(r) }));
  }

  async series(q: SeriesQuery): Promise<Series> {
    if (!['day', 'week', 'month'].includes(q.interval)) throw new DyadError('E_USAGE', `interval should be day, week or month (got ${String(q.interval)})`);
    const directed = q.directed ?? true;
    const rows = await this.dayTallies({ source: q.source, target: q.target, directed, from: q.from, to: q.to } as SeriesQuery);
    const [source] = codeList(q.source, 'source');
    const [target] = codeList(q.target, 'target');
    return buildSeries(rows, { source: source!, target: target!, interval: q.interval, directed, from: q.from, to: q.to });
  }

  private topArgs(q: TopQuery) {
    const from = checkDate(q.from, 'from');
    const to = checkDate(q.to, 'to');
    if (!from || !to) throw new DyadError('E_USAGE', 'a top list needs a period: from and to');
    if (from > to) throw new DyadError('E_USAGE', `from (${from}) is after to (${to})`);
    const by = q.by ?? 'events';
    if (!['events', 'tension', 'rise'].includes(by)) throw new DyadError('E_USAGE', `by should be events, tension or rise (got ${String(by)})`);
    return { from, to, prev: previousPeriod(from, to), by, minEvents: checkLimit(q.minEvents, 1, 1e9, 'minEvents'), limit: checkLimit(q.limit, 20, 1000) };
  }

  private async dyadTallies(range: { from: string; to: string }, level: ActorLevel | undefined): Promise<Map<string, Tally>> {
    const p = new Params(this.dialect);
    const src = this.levelExpr('e.source', level);
    const tgt = this.levelExpr('e.target', level);
    const rows = await this.db.all<TallyRow & { source: string; target: string }>(
      `SELECT ${src} AS source, ${tgt} AS target, ${tallyColumns(this.dialect)} FROM events e
       WHERE e.date >= ${p.add(range.from)} AND e.date <= ${p.add(range.to)} AND e.negated = 0 AND e.target <> ''
       GROUP BY ${src}, ${tgt}`,
      p.values,
    );
    return new Map(rows.map((r) => [`${r.source}|${r.target}`, tallyOf(r)]));
  }

  async topDyads(q: TopQuery): Promise<Top<TopDyad>> {
    const a = this.topArgs(q);
    const [cur, prev] = await Promise.all([this.dyadTallies(a, q.level), this.dyadTallies(a.prev, q.level)]);
    return { period: { from: a.from, to: a.to }, previous: a.prev, items: rankDyads(cur, prev, a) };
  }

  private async actorTallies(range: { from: string; to: string }, level: ActorLevel | undefined): Promise<Map<string, Tally>> {
    const p = new Params(this.dialect);
    const src = this.levelExpr('e.source', level);
    const tgt = this.levelExpr('e.target', level);
    // placeholders are positional on SQLite: each use of a value is its own parameter
    const base = () => `e.date >= ${p.add(range.from)} AND e.date <= ${p.add(range.to)} AND e.negated = 0`;
    const cols = tallyColumns(this.dialect);
    const rows = await this.db.all<TallyRow & { code: string }>(
      `SELECT code, ${cols.replaceAll('e.', 'x.')} FROM (
         SELECT ${src} AS code, e.mentions, e.goldstein, e.quad FROM events e WHERE ${base()}
         UNION ALL
         SELECT ${tgt} AS code, e.mentions, e.goldstein, e.quad FROM events e WHERE ${base()} AND e.target <> '' AND ${tgt} <> ${src}
       ) x GROUP BY code`,
      p.values,
    );
    return new Map(rows.map((r) => [r.code, tallyOf(r)]));
  }

  async topActors(q: TopQuery): Promise<Top<TopActor>> {
    const a = this.topArgs(q);
    const [cur, prev] = await Promise.all([this.actorTallies(a, q.level), this.actorTallies(a.prev, q.level)]);
    const items = rankActors(cur, prev, new Map(), a);
    const names = await this.actorNames(items.map((x) => x.code));
    for (const x of items) {
      const n = names.get(x.code);
      if (n) x.name = n;
    }
    return { period: { from: a.from, to: a.to }, previous: a.prev, items };
  }

  private async actorNames(codes: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!codes.length) return out;
    const p = new Params(this.dialect);
    const rows = await this.db.all<{ code: string; name: string | null }>(
      `SELECT code, name FROM actors WHERE code IN (${codes.map((c) => p.add(c)).join(', ')})`,
      p.values,
    );
    for (const r of rows) if (r.name) out.set(r.code, r.name);
    return out;
  }

  // ----- quotes and actors ------------------------------------------------

  async quotes(q: QuoteQuery = {}): Promise<Page<StoredQuote>> {
    const limit = checkLimit(q.limit, 100, 1000);
    const p = new Params(this.dialect);
    const where = this.dateConds('q.date', q, p);
    const actor = codeList(q.actor, 'actor');
    const a = anyPrefix('q.speaker_code', actor, p);
    if (a) where.push(a);
    const speaker = textNeedle(q.speaker, 'speaker');
    if (speaker !== undefined) where.push(`${this.dialect.strpos('q.speaker_words', p.add(speaker))} > 0`);
    if (q.kind !== undefined) {
      if (q.kind !== 'direct' && q.kind !== 'indirect') throw new DyadError('E_USAGE', `kind should be direct or indirect (got ${String(q.kind)})`);
      where.push(`q.kind = ${p.add(q.kind)}`);
    }
    if (q.article !== undefined) where.push(`a.id = ${p.add(String(q.article))}`);
    const text = textNeedle(q.text, 'text');
    if (text !== undefined) where.push(`${this.dialect.strpos('lower(substr(a.text, q.span_start + 1, q.span_end - q.span_start))', p.add(text))} > 0`);
    if (q.cursor) {
      const [d, seq, idx] = decodeCursor(q.cursor, ['string', 'number', 'number']);
      where.push(`(q.date < ${p.add(d)} OR (q.date = ${p.add(d)} AND (q.article < ${p.add(seq)} OR (q.article = ${p.add(seq)} AND q.idx > ${p.add(idx)}))))`);
    }
    type Row = { article: number | string; idx: number; date: string; data: string; id: string; title: string; url: string | null; outlet: string | null };
    const rows = await this.db.all<Row>(
      `SELECT q.article, q.idx, q.date, q.data, a.id, a.title, a.url, a.outlet FROM quotes q JOIN articles a ON a.seq = q.article
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY q.date DESC, q.article DESC, q.idx ASC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const page = rows.slice(0, limit);
    const texts = await this.texts(page.map((r) => r.article));
    const items = page.map((r): StoredQuote => ({
      ...restoreText(JSON.parse(r.data) as Quote, texts.get(String(r.article)) ?? ''),
      articleId: r.id,
      index: Number(r.idx),
      article: articleMeta(r),
    }));
    const last = rows.length > limit ? page[page.length - 1]! : null;
    return { items, next: last ? encodeCursor([last.date, Number(last.article), Number(last.idx)]) : null };
  }

  async actors(q: ActorQuery = {}): Promise<Page<StoredActor>> {
    const limit = checkLimit(q.limit, 100, 1000);
    const p = new Params(this.dialect);
    const where: string[] = [];
    const c = anyPrefix('code', codeList(q.code, 'actor code'), p);
    if (c) where.push(c);
    const name = textNeedle(q.name, 'name');
    if (name !== undefined) where.push(`${this.dialect.strpos("lower(COALESCE(name, ''))", p.add(name))} > 0`);
    if (q.cursor) {
      const [n, code] = decodeCursor(q.cursor, ['number', 'string']);
      where.push(`(mentions < ${p.add(n)} OR (mentions = ${p.add(n)} AND code > ${p.add(code)}))`);
    }
    type Row = { code: string; name: string | null; kind: string | null; mentions: number; as_source: number; as_target: number; first: string | null; last: string | null };
    const rows = await this.db.all<Row>(
      `SELECT code, name, kind, mentions, as_source, as_target, first, last FROM actors ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY mentions DESC, code ASC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const page = rows.slice(0, limit);
    const items = page.map((r) => {
      const a: StoredActor = {
        code: r.code,
        mentions: Number(r.mentions),
        asSource: Number(r.as_source),
        asTarget: Number(r.as_target),
        first: r.first || null,
        last: r.last || null,
      };
      if (r.name) a.name = r.name;
      if (r.kind) a.kind = r.kind as ActorKind;
      return a;
    });
    const last = rows.length > limit ? page[page.length - 1]! : null;
    return { items, next: last ? encodeCursor([Number(last.mentions), last.code]) : null };
  }

  async stats(): Promise<StoreStats> {
    const n = (t: string) => this.db.all<{ n: number }>(`SELECT ${this.dialect.int('count(*)')} AS n FROM ${t}`, []).then((r) => Number(r[0]?.n ?? 0));
    const [articles, events, mentions, actors, quotes, range] = await Promise.all([
      n('articles'),
      n('events'),
      n('mentions'),
      n('actors'),
      n('quotes'),
      this.db.all<{ first: string | null; last: string | null }>(`SELECT min(date) AS first, max(date) AS last FROM events WHERE date <> ''`, []),
    ]);
    return { articles, events, mentions, actors, quotes, first: range[0]?.first ?? null, last: range[0]?.last ?? null };
  }
}
