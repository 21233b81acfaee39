/**
 * Zod schemas of what the store returns (src/store/types.ts) and of the
 * query parameters, for validation and for /openapi.json.
 */
import { z } from '@hono/zod-openapi';
import { ActorRef, CodedDocument, Event, Plover, Provenance, Quote, TextSpan } from './document.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const codeList = z
  .string()
  .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'expected a code or comma-separated codes')
  .transform((s) => s.split(','));

export const Range = z.object({
  from: date.optional().openapi({ description: 'first day, inclusive', example: '2024-01-01' }),
  to: date.optional().openapi({ description: 'last day, inclusive', example: '2024-12-31' }),
});

const limit = (max: number, def: number) =>
  z.coerce.number().int().min(1).max(max).optional().openapi({ description: `page size, 1–${max} (default ${def})` });
const cursor = z.string().max(2000).optional().openapi({ description: 'the `next` of the previous page' });

export const EventQueryParams = Range.extend({
  source: codeList.optional().openapi({ description: 'source actor code prefix(es), comma-separated: RUS matches RUSGOV, RUSMIL…', example: 'RUS' }),
  target: codeList.optional().openapi({ description: 'target actor code prefix(es)', example: 'UKR' }),
  actor: codeList.optional().openapi({ description: 'actor code prefix(es) on either side' }),
  cameo: codeList.optional().openapi({ description: 'CAMEO code prefix(es): 19 matches 190…1953', example: '19' }),
  plover: z
    .string()
    .regex(/^[A-Za-z_]+(,[A-Za-z_]+)*$/, 'expected a PLOVER type or comma-separated types')
    .transform((s) => s.split(','))
    .optional()
    .openapi({ description: 'PLOVER event type(s), case-insensitive', example: 'ACCUSE' }),
  quad: z
    .string()
    .regex(/^[0-4](,[0-4])*$/, 'expected quad classes 0–4, comma-separated')
    .transform((s) => s.split(',').map(Number))
    .optional()
    .openapi({ description: 'quad class(es): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict', example: '3,4' }),
  q: z.string().max(200).optional().openapi({ description: 'words that must occur in a sentence reporting the event (case-insensitive)' }),
  article: z.string().max(200).optional().openapi({ description: 'only events reported by this article' }),
  negated: z.enum(['true', 'false']).transform((s) => s === 'true').optional().openapi({ description: 'true: only negated events; false: only asserted ones' }),
  order: z.enum(['asc', 'desc']).optional().openapi({ description: 'by date: desc (default) newest first' }),
  limit: limit(1000, 100),
  cursor,
});

const EventActor = z.object({ code: z.string(), name: z.string().optional() }).openapi('EventActor');

export const StoredEvent = z
  .object({
    id: z.string(),
    date: z.string().nullable(),
    source: EventActor,
    target: EventActor.nullable(),
    cameo: z.string(),
    root: z.string(),
    label: z.string(),
    plover: Plover,
    goldstein: z.number(),
    quad: z.number().int(),
    negated: z.boolean(),
    mentions: z.number().int(),
    articles: z.number().int(),
    outlets: z.number().int(),
    firstArticle: z.string(),
  })
  .openapi('StoredEvent');

export const EventMention = z
  .object({
    eventId: z.string(),
    articleId: z.string(),
    index: z.number().int(),
    sentence: z.number().int(),
    sentenceText: TextSpan,
    trigger: TextSpan,
    source: ActorRef.nullable(),
    target: ActorRef.nullable(),
    date: z.string().nullable(),
    dateText: TextSpan.optional(),
    negated: z.boolean(),
    modality: z.string().optional(),
    rule: Provenance,
    ontology: z.string(),
    article: z.object({ title: z.string(), date: z.string().nullable(), url: z.string().optional(), source: z.string().optional() }),
  })
  .openapi('EventMention');

export const page = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), next: z.string().nullable().openapi({ description: 'cursor of the next page; null on the last' }) }).openapi(name);

const counts = z.record(z.string(), z.number()).openapi({ description: 'events per quad class (keys 0–4)' });

export const Measures = z.object({
  events: z.number().int(),
  mentions: z.number().int(),
  goldsteinSum: z.number(),
  goldsteinMean: z.number().nullable(),
  tension: z.number().nullable().openapi({ description: 'tension index 0–100 (docs/aggregation.md)' }),
  quad: counts,
});

export const DyadSummary = Measures.extend({
  source: z.string(),
  target: z.string(),
  first: z.string().nullable(),
  last: z.string().nullable(),
}).openapi('DyadSummary');

export const level = z.enum(['code', 'country']).optional().openapi({ description: 'group actor codes as coded (code, default) or by country (first three letters)' });

export const DyadQueryParams = Range.extend({
  actor: z.string().regex(/^[A-Za-z0-9]+$/).optional().openapi({ description: 'only dyads with this actor code prefix on either side' }),
  source: z.string().regex(/^[A-Za-z0-9]+$/).optional(),
  target: z.string().regex(/^[A-Za-z0-9]+$/).optional(),
  level,
  minEvents: z.coerce.number().int().min(1).optional().openapi({ description: 'leave out dyads with fewer events (default 1)' }),
  limit: limit(10000, 100),
});

export const TopQueryParams = z.object({
  from: date.openapi({ description: 'first day of the period, inclusive' }),
  to: date.openapi({ description: 'last day of the period, inclusive' }),
  level,
  by: z.enum(['events', 'tension', 'rise']).optional().openapi({ description: 'rank by events (default), tension or rise in events over the previous period' }),
  minEvents: z.coerce.number().int().min(1).optional(),
  limit: limit(1000, 20),
});

const Change = z.object({
  events: z.number(),
  eventsRatio: z.number().nullable(),
  goldsteinMean: z.number().nullable(),
  tension: z.number().nullable(),
});
const Period = z.object({ from: z.string(), to: z.string() });

export const TopDyads = z
  .object({
    period: Period,
    previous: Period,
    items: z.array(z.object({ source: z.string(), target: z.string(), current: Measures, previous: Measures, change: Change })),
  })
  .openapi('TopDyads');

export const TopActors = z
  .object({
    period: Period,
    previous: Period,
    items: z.array(z.object({ code: z.string(), name: z.string().optional(), current: Measures, previous: Measures, change: Change })),
  })
  .openapi('TopActors');

export const SeriesQueryParams = Range.extend({
  source: z.string().regex(/^[A-Za-z0-9]+$/, 'expected an actor code').openapi({ description: 'source actor code prefix', example: 'CHN' }),
  target: z.string().regex(/^[A-Za-z0-9]+$/, 'expected an actor code').openapi({ description: 'target actor code prefix', example: 'USA' }),
  interval: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'step width (default week; weeks are ISO weeks)' }),
  directed: z.enum(['true', 'false']).transform((s) => s === 'true').optional().openapi({ description: 'false: count both directions (default true)' }),
});

export const Series = z
  .object({
    source: z.string(),
    target: z.string(),
    interval: z.enum(['day', 'week', 'month']),
    directed: z.boolean(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    points: z.array(
      z.object({
        period: z.string(),
        end: z.string(),
        events: z.number().int(),
        mentions: z.number().int(),
        quad: counts,
        roots: z.record(z.string(), z.number()),
        goldsteinSum: z.number(),
        goldsteinMean: z.number().nullable(),
        tension: z.number().nullable(),
      }),
    ),
  })
  .openapi('Series');

export const QuoteQueryParams = Range.extend({
  speaker: z.string().max(200).optional().openapi({ description: "words in the speaker's name or the words that named them" }),
  actor: z.string().regex(/^[A-Za-z0-9]+$/).optional().openapi({ description: "the speaker's actor code prefix", example: 'CHNGOV' }),
  q: z.string().max(200).optional().openapi({ description: 'words in the quote' }),
  article: z.string().max(200).optional(),
  kind: z.enum(['direct', 'indirect']).optional(),
  limit: limit(1000, 100),
  cursor,
});

export const StoredQuote = Quote.extend({
  articleId: z.string(),
  index: z.number().int(),
  article: z.object({ title: z.string(), date: z.string().nullable(), url: z.string().optional(), source: z.string().optional() }),
}).openapi('StoredQuote');

export const ActorQueryParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9]+$/).optional().openapi({ description: 'actor code prefix' }),
  name: z.string().max(200).optional().openapi({ description: 'words in the name' }),
  limit: limit(1000, 100),
  cursor,
});

export const StoredActor = z
  .object({
    code: z.string(),
    name: z.string().optional(),
    kind: z.string().optional(),
    mentions: z.number().int(),
    asSource: z.number().int(),
    asTarget: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  })
  .openapi('StoredActor');

export const StoredArticle = z
  .object({
    id: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    url: z.string().optional(),
    source: z.string().optional(),
    contentHash: z.string(),
    chars: z.number().int(),
    ingestedAt: z.string(),
    dyad: z.object({ schema: z.string(), ontology: z.string() }),
    counts: z.object({ mentions: z.number().int(), actors: z.number().int(), quotes: z.number().int() }),
  })
  .openapi('StoredArticle');

export const ArticleListParams = Range.extend({ limit: limit(1000, 100), cursor });

export const ArticleDetail = CodedDocument.extend({
  events: z.array(Event.extend({ eventId: z.string() })),
  contentHash: z.string(),
  ingestedAt: z.string(),
}).openapi('ArticleDetail');

export const PutResult = z
  .object({
    id: z.string(),
    status: z.enum(['inserted', 'duplicate']),
    duplicateOf: z.string().optional(),
    by: z.enum(['id', 'content']).optional(),
    mentions: z.number().int(),
    newEvents: z.number().int(),
  })
  .openapi('PutResult');

export const Stats = z
  .object({
    articles: z.number().int(),
    events: z.number().int(),
    mentions: z.number().int(),
    actors: z.number().int(),
    quotes: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  })
  .openapi('StoreStats');

export const Health = z
  .object({
    ok: z.boolean(),
    version: z.string(),
    ontology: z.string(),
    schema: z.string(),
    writes: z.enum(['open', 'token', 'disabled']).openapi({ description: 'open: no token needed (loopback); token: writes need the token; disabled: no writes' }),
    store: z
      .object({ backend: z.enum(['sqlite', 'postgres']), location: z.string(), stats: Stats })
      .nullable(),
  })
  .openapi('Health');
