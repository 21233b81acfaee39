/**
 * HTTP GET for the feed watcher, with Node's global fetch: conditional
 * requests (If-None-Match / If-Modified-Since), a timeout, a size cap, the
 * charset from the headers or the document, and the caching headers read
 * back (ETag, Last-Modified, Cache-Control max-age, Expires, Retry-After).
 */

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface GetOptions {
  validators?: Validators;
  accept?: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  /** the clock, for Expires and Retry-After dates */
  now: number;
}

export type GetResult =
  | {
      kind: 'ok';
      status: number;
      url: string;
      text: string;
      contentType: string;
      validators: Validators;
      /** how long the response may be reused (Cache-Control max-age or Expires), in ms; null when not said */
      freshForMs: number | null;
    }
  | { kind: 'not-modified'; status: 304; validators: Validators; freshForMs: number | null }
  | {
      kind: 'error';
      /** HTTP status, or 0 for a network error or time-out */
      status: number;
      reason: string;
      /** Retry-After, in ms from now, when the server sent one */
      retryAfterMs: number | null;
      /** whether trying again later may help (network, 408, 429, 5xx) */
      transient: boolean;
    };

function freshness(h: Headers, now: number): number | null {
  const cc = h.get('cache-control') ?? '';
  if (/(^|,)\s*(no-store|no-cache)\s*(,|$)/i.test(cc)) return 0;
  const m = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)"?/i.exec(cc);
  if (m) return Number(m[1]) * 1000;
  const exp = h.get('expires');
  if (exp) {
    const t = Date.parse(exp);
    const date = Date.parse(h.get('date') ?? '');
    // Expires is relative to the server's Date when it sends one (clock skew)
    if (!Number.isNaN(t)) return Math.max(0, t - (Number.isNaN(date) ? now : date));
    return 0; // an invalid Expires means "already expired"
  }
  return null;
}

function retryAfter(h: Headers, now: number): number | null {
  const v = h.get('retry-after');
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function validatorsOf(h: Headers, previous?: Validators): Validators {
  const v: Validators = {};
  const etag = h.get('etag') ?? previous?.etag;
  const lm = h.get('last-modified') ?? previous?.lastModified;
  if (etag) v.etag = etag;
  if (lm) v.lastModified = lm;
  return v;
}

/** The charset a response declares in its header, or in the document (XML declaration, HTML meta). */
export function charsetOf(contentType: string, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 2048));
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(ascii)?.[1];
  if (xml) return xml;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(ascii)?.[1];
  return meta ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string): string {
  const label = charsetOf(contentType, bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const transientStatus = (s: number) => s === 408 || s === 425 || s === 429 || s >= 500;

export async function httpGet(url: string, o: GetOptions): Promise<GetResult> {
  const headers: Record<string, string> = { 'User-Agent': o.userAgent };
  if (o.accept) headers.Accept = o.accept;
  if (o.validators?.etag) headers['If-None-Match'] = o.validators.etag;
  if (o.validators?.lastModified) headers['If-Modified-Since'] = o.validators.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : err.cause?.code ?? err.cause?.message ?? err.message;
    return { kind: 'error', status: 0, reason: `cannot fetch: ${why}`, retryAfterMs: null, transient: true };
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { kind: 'not-modified', status: 304, validators: validatorsOf(res.headers, o.validators), freshForMs: freshness(res.headers, o.now) };
  }
  if (!res.ok) {
    await res.body?.cancel();
    return {
      kind: 'error',
      status: res.status,
      reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
      retryAfterMs: retryAfter(res.headers, o.now),
      transient: transientStatus(res.status),
    };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(res, o.maxBytes);
  } catch (e) {
    return { kind: 'error', status: 0, reason: `the response broke off: ${(e as Error).message}`, retryAfterMs: null, transient: true };
  }
  if (!bytes) return { kind: 'error', status: res.status, reason: `the response is over ${o.maxBytes} bytes`, retryAfterMs: null, transient: false };
  const contentType = res.headers.get('content-type') ?? '';
  return {
    kind: 'ok',
    status: res.status,
    url: res.url || url,
    text: decode(bytes, contentType),
    contentType,
    validators: validatorsOf(res.headers),
    freshForMs: freshness(res.headers, o.now),
  };
}
