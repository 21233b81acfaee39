/**
 * dyad's HTTP app: the JSON API under /api, its OpenAPI document at
 * /openapi.json (generated from the route definitions) and the dashboard's
 * static files at /. A thin shell: every handler is a call into the engine
 * or the store.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Engine } from '../engine.js';
import type { Store } from '../store/types.js';
import { HttpError, errorBody, toHttpError } from './errors.js';
import type { WebAssets } from './web-assets.js';
import { registerCodeRoutes } from './routes/code.js';
import { registerStoreRoutes } from './routes/store.js';

export const DEFAULT_PORT = 8377;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY = 1024 * 1024;

export interface AppOptions {
  /** codes posted texts (POST /api/code, POST /api/articles) */
  engine: Engine;
  /** the event store; without one, only /api/code and /api/health answer */
  store?: Store | null;
  /** the token write endpoints need (Authorization: Bearer TOKEN) */
  token?: string | null;
  /**
   * whether the server listens on a loopback address only. Off loopback and
   * without a token, write endpoints answer 403 E_WRITES_DISABLED.
   */
  loopback?: boolean;
  /** largest request body in bytes (default 1 MiB); larger ones get 413 E_TOO_LARGE */
  maxBodyBytes?: number;
  /** the dashboard's files (loadWebAssets()); null serves the API alone */
  web?: WebAssets | null;
  /** extra host names the Host header may carry when on loopback (DNS-rebinding guard) */
  allowedHosts?: string[];
  version?: string;
  /** where unexpected errors are reported (default: stderr) */
  log?: (line: string) => void;
}

export type WritePolicy = 'open' | 'token' | 'disabled';

export function writePolicy(o: Pick<AppOptions, 'token' | 'loopback'>): WritePolicy {
  if (o.token) return 'token';
  return o.loopback === false ? 'disabled' : 'open';
}

export interface Deps {
  engine: Engine;
  store: Store | null;
  /** middleware for endpoints that change the store */
  write: MiddlewareHandler;
  policy: WritePolicy;
  version: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

function sameSecret(given: string, expected: string): boolean {
  // hash both so the comparison takes the same time whatever the lengths
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function tokenOf(c: Context): string | null {
  const auth = c.req.header('authorization');
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  return c.req.header('x-dyad-token') ?? null;
}

export function createApp(options: AppOptions): OpenAPIHono {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const policy = writePolicy(options);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const version = options.version ?? '0.1.0';
  const allowedHosts = new Set([...LOOPBACK_HOSTS, ...(options.allowedHosts ?? []).map((h) => h.toLowerCase())]);

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${result.target}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`);
        throw new HttpError('E_VALIDATION', issues.join('; '), result.error.issues);
      }
    },
  });

  app.onError((e, c) => {
    const err = toHttpError(e);
    if (err.code === 'E_INTERNAL' || err.code === 'E_STORE') log(`dyad serve: ${c.req.method} ${c.req.path}: ${(e as Error).stack ?? e}`);
    return c.json(errorBody(err), err.status);
  });
  app.notFound((c) => c.json(errorBody(new HttpError('E_NOT_FOUND', `no endpoint ${c.req.method} ${c.req.path}`)), 404));

  // DNS rebinding: a page on another site must not reach a loopback server through a name it controls
  if (options.loopback !== false) {
    app.use('*', async (c, next) => {
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      if (host && !allowedHosts.has(hostName(host))) throw new HttpError('E_BAD_HOST', `Host "${host}" is not this machine; start with --allow-host ${hostName(host)} to allow it`);
      await next();
    });
  }

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new HttpError('E_TOO_LARGE', `the request body is over the limit of ${maxBody} bytes (raise it with --max-body)`);
      },
    }),
  );

  const write: MiddlewareHandler = async (c, next) => {
    if (policy === 'disabled') throw new HttpError('E_WRITES_DISABLED', 'this server listens beyond loopback without a token, so it accepts no writes: start it with --token (or DYAD_TOKEN)');
    if (policy === 'token') {
      const given = tokenOf(c);
      if (!given || !sameSecret(given, options.token!)) throw new HttpError('E_UNAUTHORIZED', given ? 'wrong token' : 'this endpoint needs the token: send Authorization: Bearer TOKEN');
    }
    await next();
  };

  const deps: Deps = { engine: options.engine, store: options.store ?? null, write, policy, version };
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer', description: 'the token given to dyad serve with --token or DYAD_TOKEN' });
  registerCodeRoutes(app, deps);
  registerStoreRoutes(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'dyad',
      version,
      description:
        'Political event data from news text: code a text, and query the stored events, dyads, series, quotes, actors and articles. ' +
        'Errors are {"error": {"code", "message"}} with a stable code. Write endpoints need the server token when one is set.',
    },
  });

  const web = options.web;
  if (web) {
    app.get('/*', (c) => {
      const path = c.req.path === '/' ? '/index.html' : c.req.path;
      const asset = web.get(path);
      if (!asset) throw new HttpError('E_NOT_FOUND', `no file ${c.req.path}`);
      if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
      c.header('Content-Type', asset.type);
      c.header('ETag', asset.etag);
      c.header('Cache-Control', 'no-cache');
      if (path.endsWith('.html')) {
        c.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'");
      }
      return c.body(asset.body as unknown as ArrayBuffer);
    });
  }
  return app;
}
