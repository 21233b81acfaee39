/**
 * The read endpoints over the event store, and POST /api/articles (code and
 * store one text; needs the token when one is set). Each handler passes the
 * validated parameters to one store method and returns what it gives.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { SCHEMA_VERSION } from '../../output/schema.js';
import type { Store } from '../../store/types.js';
import type { Deps } from '../app.js';
import { HttpError, errorResponses } from '../errors.js';
import { CodeRequest } from '../schemas/document.js';
import {
  ActorQueryParams,
  ArticleDetail,
  ArticleListParams,
  DyadQueryParams,
  DyadSummary,
  EventMention,
  EventQueryParams,
  Health,
  PutResult,
  QuoteQueryParams,
  Series,
  SeriesQueryParams,
  StoredActor,
  StoredArticle,
  StoredEvent,
  StoredQuote,
  TopActors,
  TopDyads,
  TopQueryParams,
  page,
} from '../schemas/store.js';
import { codeInputOf } from './inputs.js';
import { eventColumns } from '../../cli/query.js';
import { csvField } from '../../cli/tabular.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

function need(store: Store | null): Store {
  if (!store) throw new HttpError('E_NO_STORE', 'this server runs without an event store: start it with --db');
  return store;
}

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['meta'],
  summary: 'Server version, ontology version, write policy and store totals',
  responses: { 200: json(Health, 'the server and its store') },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Events matching filters, newest first, one page at a time',
  description:
    'An event is one (date, source, target, CAMEO code, negated) however many articles report it; `mentions` and `articles` count the reports. ' +
    'Actor and CAMEO filters match by prefix and take comma-separated lists (any of them). Page with `cursor` = the previous page\'s `next`.',
  request: { query: EventQueryParams },
  responses: { 200: json(page(StoredEvent, 'EventPage'), 'a page of events'), ...errorResponses(400, 503) },
});

const { limit: _pageSize, cursor: _cursor, ...csvFilters } = EventQueryParams.shape;
const eventsCsvRoute = createRoute({
  method: 'get',
  path: '/api/events.csv',
  tags: ['events'],
  summary: 'Every event matching the filters as one CSV file (the columns of `dyad query events --format csv`)',
  description: 'The same filters as /api/events; `max` caps the rows (default 1,000,000). Streamed, so it starts at once however many rows follow.',
  request: { query: z.object({ ...csvFilters, max: z.coerce.number().int().min(1).max(10_000_000).optional().openapi({ description: 'at most this many rows (default 1,000,000)' }) }) },
  responses: {
    200: { description: 'CSV with a header line (RFC 4180)', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 503),
  },
});

const eventRoute = createRoute({
  method: 'get',
  path: '/api/events/{id}',
  tags: ['events'],
  summary: 'One event with its mentions: every sentence of every article that reported it, with the rule that coded it',
  request: {
    params: z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).optional(), cursor: z.string().max(2000).optional() }),
  },
  responses: {
    200: json(z.object({ event: StoredEvent, mentions: page(EventMention, 'MentionPage') }).openapi('EventDetail'), 'the event and a page of its mentions'),
    ...errorResponses(400, 404, 503),
  },
});

const dyadsRoute = createRoute({
  method: 'get',
  path: '/api/dyads',
  tags: ['dyads'],
  summary: 'Directed dyads (source → target) with their counts, Goldstein and tension over a period, most events first',
  description: 'What the dashboard draws as the actor network. Negated events are left out.',
  request: { query: DyadQueryParams },
  responses: { 200: json(z.object({ items: z.array(DyadSummary) }).openapi('DyadList'), 'the dyads'), ...errorResponses(400, 503) },
});

const topDyadsRoute = createRoute({
  method: 'get',
  path: '/api/dyads/top',
  tags: ['dyads'],
  summary: 'Top dyads of a period and what changed versus the previous period of the same length',
  request: { query: TopQueryParams },
  responses: { 200: json(TopDyads, 'the top dyads'), ...errorResponses(400, 503) },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/series',
  tags: ['dyads'],
  summary: "A dyad's time series: per day, week or month, counts by quad class and CAMEO root, Goldstein and the tension index",
  request: { query: SeriesQueryParams },
  responses: { 200: json(Series, 'the series'), ...errorResponses(400, 503) },
});

const quotesRoute = createRoute({
  method: 'get',
  path: '/api/quotes',
  tags: ['quotes'],
  summary: 'Quotes by speaker name, speaker actor code, words, article or date, newest article first',
  request: { query: QuoteQueryParams },
  responses: { 200: json(page(StoredQuote, 'QuotePage'), 'a page of quotes'), ...errorResponses(400, 503) },
});

const actorsRoute = createRoute({
  method: 'get',
  path: '/api/actors',
  tags: ['actors'],
  summary: 'Actors seen in the stored articles, most mentioned first',
  request: { query: ActorQueryParams },
  responses: { 200: json(page(StoredActor, 'ActorPage'), 'a page of actors'), ...errorResponses(400, 503) },
});

const topActorsRoute = createRoute({
  method: 'get',
  path: '/api/actors/top',
  tags: ['actors'],
  summary: 'Top actors of a period (events on either side) and the change versus the previous period',
  request: { query: TopQueryParams },
  responses: { 200: json(TopActors, 'the top actors'), ...errorResponses(400, 503) },
});

const articlesRoute = createRoute({
  method: 'get',
  path: '/api/articles',
  tags: ['articles'],
  summary: "Stored articles' metadata, newest first",
  request: { query: ArticleListParams },
  responses: { 200: json(page(StoredArticle, 'ArticlePage'), 'a page of articles'), ...errorResponses(400, 503) },
});

const articleRoute = createRoute({
  method: 'get',
  path: '/api/articles/{id}',
  tags: ['articles'],
  summary: 'One article with its text and all its spans: sentences, actors, events (with the rule that fired), quotes',
  request: { params: z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(ArticleDetail, 'the article'), ...errorResponses(404, 503) },
});

const putArticleRoute = createRoute({
  method: 'post',
  path: '/api/articles',
  tags: ['articles'],
  summary: 'Code a text and store it (needs the token when the server has one)',
  description: 'Idempotent: a text (or id) already stored is not stored again and comes back as `duplicate`.',
  security: [{ token: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: CodeRequest } } } },
  responses: {
    200: json(PutResult.extend({ messages: z.array(z.object({ severity: z.string(), reason: z.string() })) }).openapi('StoreResult'), 'what was stored'),
    ...errorResponses(400, 401, 403, 413, 415, 503),
  },
});

export function registerStoreRoutes(app: OpenAPIHono, deps: Deps): void {
  const { store, engine } = deps;

  app.openapi(health, async (c) => {
    const out = {
      ok: true,
      version: deps.version,
      ontology: engine.ontology.version,
      schema: SCHEMA_VERSION,
      writes: deps.policy,
      store: store ? { backend: store.backend, location: store.location, stats: await store.stats() } : null,
    };
    return c.json(out, 200);
  });

  app.openapi(eventsRoute, async (c) => {
    const p = c.req.valid('query');
    const { q, ...rest } = p;
    return c.json((await need(store).events({ ...rest, text: q })) as never, 200);
  });

  app.openapi(eventsCsvRoute, async (c) => {
    const s = need(store);
    const { q, max, ...rest } = c.req.valid('query');
    const filter = { ...rest, text: q };
    const limit = max ?? 1_000_000;
    // the first page is read before answering, so a bad filter is still a JSON error
    let page = await s.events({ ...filter, limit: Math.min(1000, limit) });
    let sent = 0;
    const enc = new TextEncoder();
    const line = (cells: (string | number | boolean | null | undefined)[]) => enc.encode(cells.map(csvField).join(',') + '\r\n');
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(line(eventColumns.map((col) => col.name)));
      },
      async pull(ctl) {
        try {
          for (const e of page.items) {
            if (sent >= limit) break;
            ctl.enqueue(line(eventColumns.map((col) => col.value(e))));
            sent++;
          }
          if (sent >= limit || !page.next) return ctl.close();
          page = await s.events({ ...filter, limit: Math.min(1000, limit - sent), cursor: page.next });
        } catch (e) {
          ctl.error(e);
        }
      },
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="dyad-events.csv"');
    return c.body(body as never, 200) as never;
  });

  app.openapi(eventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const s = need(store);
    const event = await s.getEvent(id);
    if (!event) throw new HttpError('E_NOT_FOUND', `no event ${id}`);
    const mentions = await s.mentions(id, c.req.valid('query'));
    return c.json({ event, mentions } as never, 200);
  });

  app.openapi(dyadsRoute, async (c) => c.json({ items: await need(store).dyads(c.req.valid('query')) } as never, 200));
  app.openapi(topDyadsRoute, async (c) => c.json((await need(store).topDyads(c.req.valid('query'))) as never, 200));
  app.openapi(topActorsRoute, async (c) => c.json((await need(store).topActors(c.req.valid('query'))) as never, 200));

  app.openapi(seriesRoute, async (c) => {
    const p = c.req.valid('query');
    return c.json((await need(store).series({ ...p, interval: p.interval ?? 'week' })) as never, 200);
  });

  app.openapi(quotesRoute, async (c) => {
    const { q, ...rest } = c.req.valid('query');
    return c.json((await need(store).quotes({ ...rest, text: q })) as never, 200);
  });

  app.openapi(actorsRoute, async (c) => c.json((await need(store).actors(c.req.valid('query'))) as never, 200));
  app.openapi(articlesRoute, async (c) => c.json((await need(store).listArticles(c.req.valid('query'))) as never, 200));

  app.openapi(articleRoute, async (c) => {
    const { id } = c.req.valid('param');
    const a = await need(store).getArticle(id);
    if (!a) throw new HttpError('E_NOT_FOUND', `no article ${id}`);
    return c.json(a as never, 200);
  });

  app.use('/api/articles', async (c, next) => (c.req.method === 'POST' ? deps.write(c, next) : next()));
  app.openapi(putArticleRoute, async (c) => {
    const s = need(store);
    const doc = engine.code(codeInputOf(c.req.valid('json')));
    const fatal = doc.messages.find((m) => m.severity === 'fatal');
    if (fatal) throw new HttpError('E_VALIDATION', `the text was not coded: ${fatal.reason}`);
    const r = await s.putDocument(doc);
    const messages = doc.messages.filter((m) => m.severity !== 'info').map((m) => ({ severity: m.severity, reason: m.reason }));
    return c.json({ ...r, messages } as never, 200);
  });
}
