/** POST /api/code: code a posted text and return the document; nothing is stored. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../app.js';
import { errorResponses } from '../errors.js';
import { CodedDocument, CodeRequest } from '../schemas/document.js';
import { codeInputOf } from './inputs.js';

const codeRoute = createRoute({
  method: 'post',
  path: '/api/code',
  tags: ['code'],
  summary: 'Code a text without storing it',
  description: 'Runs the text through the engine and returns the coded document: events with spans and the rule that fired, quotes, actors. Nothing is stored; no token is needed.',
  request: { body: { required: true, content: { 'application/json': { schema: CodeRequest } } } },
  responses: {
    200: { description: 'the coded document', content: { 'application/json': { schema: CodedDocument } } },
    ...errorResponses(400, 413, 415),
  },
});

export function registerCodeRoutes(app: OpenAPIHono, deps: Deps): void {
  app.openapi(codeRoute, (c) => {
    const body = c.req.valid('json');
    const doc = deps.engine.code(codeInputOf(body));
    return c.json(doc as never, 200);
  });
}
