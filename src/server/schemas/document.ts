/**
 * Zod schemas of dyad's public output (src/output/schema.ts, src/core/layers.ts),
 * used to describe the API in /openapi.json. They mirror the TypeScript types;
 * src/server/schemas.test.ts checks that real coded documents satisfy them.
 */
import { z } from '@hono/zod-openapi';

export const TextSpan = z
  .object({
    start: z.number().int().openapi({ description: 'half-open character offset into the article text' }),
    end: z.number().int(),
    text: z.string().openapi({ description: 'text.slice(start, end)' }),
  })
  .openapi('TextSpan');

export const ActorRef = TextSpan.extend({
  code: z.string().nullable().openapi({ example: 'CHNGOV' }),
  name: z.string().optional(),
  person: z.string().optional(),
  actor: z.number().int().optional().openapi({ description: 'index in the document\'s actors list' }),
}).openapi('ActorRef');

export const Provenance = z
  .object({
    file: z.string().openapi({ example: 'verbs/020-appeal.txt' }),
    line: z.number().int(),
    pattern: z.string().optional(),
  })
  .openapi('Provenance');

export const Plover = z
  .object({ type: z.string().openapi({ example: 'ACCUSE' }), mode: z.string().optional(), context: z.array(z.string()).optional() })
  .openapi('Plover');

export const Event = z
  .object({
    sentence: z.number().int(),
    source: ActorRef.nullable(),
    target: ActorRef.nullable(),
    cameo: z.string().openapi({ example: '112' }),
    label: z.string(),
    plover: Plover,
    goldstein: z.number(),
    quad: z.number().int(),
    date: z.string().nullable(),
    dateText: TextSpan.optional(),
    trigger: TextSpan,
    negated: z.boolean(),
    modality: z.string().optional(),
    rule: Provenance,
  })
  .openapi('Event');

export const Quote = TextSpan.extend({
  kind: z.enum(['direct', 'indirect']),
  sentence: z.number().int(),
  cue: TextSpan.nullable(),
  speaker: ActorRef.nullable(),
  unclosed: z.boolean().optional(),
  rule: z.string(),
}).openapi('Quote');

export const OutputActor = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    sentence: z.number().int(),
    code: z.string(),
    kind: z.string(),
    name: z.string().optional(),
    person: z.string().optional(),
    rule: z.object({ file: z.string(), line: z.number().int() }),
  })
  .openapi('ActorMention');

export const Message = z
  .object({
    stage: z.string(),
    severity: z.enum(['info', 'warning', 'fatal']),
    reason: z.string(),
    rule: z.string().optional(),
    start: z.number().int().optional(),
    end: z.number().int().optional(),
  })
  .openapi('Message');

export const CodedDocument = z
  .object({
    id: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    text: z.string(),
    url: z.string().optional(),
    source: z.string().optional(),
    sentences: z.array(z.object({ start: z.number().int(), end: z.number().int(), paragraph: z.number().int() })),
    actors: z.array(OutputActor),
    events: z.array(Event),
    quotes: z.array(Quote),
    messages: z.array(Message),
    dyad: z.object({ schema: z.string(), ontology: z.string() }),
  })
  .openapi('CodedDocument');

export const CodeRequest = z
  .object({
    text: z.string().min(1).openapi({ example: 'China warned the United States on Monday.' }),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
      .nullable()
      .optional()
      .openapi({ description: 'publication date (for dated roles and relative dates)', example: '2024-05-06' }),
    title: z.string().optional(),
    id: z.string().optional(),
    url: z.string().optional(),
    source: z.string().optional(),
  })
  .openapi('CodeRequest');
