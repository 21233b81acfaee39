/**
 * The HTTP API's one error type. Every error response has the body
 * `{ "error": { "code": "E_…", "message": "…" } }`; codes are stable (clients
 * may branch on them), messages are for people and may change.
 */
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import { DyadError } from '../core/errors.js';

export const HTTP_ERROR_CODES = {
  E_VALIDATION: [400, 'a parameter or the request body is not valid'],
  E_BAD_JSON: [400, 'the request body is not valid JSON'],
  E_BAD_CURSOR: [400, 'the pagination cursor is not one this server gave out'],
  E_UNAUTHORIZED: [401, 'this endpoint needs the server token (Authorization: Bearer TOKEN)'],
  E_WRITES_DISABLED: [403, 'the server was started without a token on a non-loopback address, so it accepts no writes'],
  E_BAD_HOST: [403, 'the Host header names neither this machine nor an allowed host (DNS-rebinding guard)'],
  E_NOT_FOUND: [404, 'the requested item or endpoint does not exist'],
  E_TOO_LARGE: [413, 'the request body is over the size limit'],
  E_UNSUPPORTED_MEDIA_TYPE: [415, 'the request body must be application/json'],
  E_NO_STORE: [503, 'the server runs without an event store'],
  E_STORE: [500, 'the event store failed'],
  E_INTERNAL: [500, 'an unexpected error; the server log has the details'],
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;
type Status = (typeof HTTP_ERROR_CODES)[HttpErrorCode][0];

export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly status: Status;
  readonly details: unknown;

  constructor(code: HttpErrorCode, message?: string, details?: unknown) {
    super(message ?? HTTP_ERROR_CODES[code][1]);
    this.name = 'HttpError';
    this.code = code;
    this.status = HTTP_ERROR_CODES[code][0];
    this.details = details;
  }
}

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'E_VALIDATION', description: `one of ${Object.keys(HTTP_ERROR_CODES).join(', ')}` }),
      message: z.string().openapi({ example: 'query.limit: Too big: expected number to be <=500' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export type ErrorBodyT = z.infer<typeof ErrorBody>;

/** Turns anything thrown by a handler into an HttpError (unknown errors become E_INTERNAL). */
export function toHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof DyadError) {
    switch (e.code) {
      case 'E_NOT_FOUND':
        return new HttpError('E_NOT_FOUND', e.message);
      case 'E_USAGE':
        return new HttpError(/cursor/i.test(e.message) ? 'E_BAD_CURSOR' : 'E_VALIDATION', e.message);
      case 'E_CONFIG':
      case 'E_INPUT':
        return new HttpError('E_VALIDATION', e.message);
      case 'E_STORE':
        return new HttpError('E_STORE', e.message);
      default:
        return new HttpError('E_INTERNAL', e.message);
    }
  }
  if (e instanceof HTTPException) {
    if (e.status === 413) return new HttpError('E_TOO_LARGE');
    if (e.status === 415) return new HttpError('E_UNSUPPORTED_MEDIA_TYPE');
    if (e.status === 401) return new HttpError('E_UNAUTHORIZED');
    if (e.status === 404) return new HttpError('E_NOT_FOUND');
    if (e.status === 400) return new HttpError(/json/i.test(e.message) ? 'E_BAD_JSON' : 'E_VALIDATION', e.message || undefined);
  }
  return new HttpError('E_INTERNAL');
}

export function errorBody(e: HttpError): ErrorBodyT {
  const body: ErrorBodyT = { error: { code: e.code, message: e.message } };
  if (e.details !== undefined) body.error.details = e.details;
  return body;
}

/** The OpenAPI description of the error responses a route may give. */
export function errorResponses(...codes: (400 | 401 | 403 | 404 | 413 | 415 | 503)[]) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }> = {};
  const describe: Record<number, string> = {
    400: 'invalid parameters (E_VALIDATION, E_BAD_JSON, E_BAD_CURSOR)',
    401: 'missing or wrong token (E_UNAUTHORIZED)',
    403: 'writes disabled (E_WRITES_DISABLED)',
    404: 'not found (E_NOT_FOUND)',
    413: 'request body too large (E_TOO_LARGE)',
    415: 'not JSON (E_UNSUPPORTED_MEDIA_TYPE)',
    503: 'no event store (E_NO_STORE)',
  };
  for (const c of codes) out[c] = { description: describe[c]!, content: { 'application/json': { schema: ErrorBody } } };
  return out;
}
