/**
 * The dashboard's built files (dist/web, made by web/build.mjs), read once
 * into memory and served as they are. The dashboard is small (a few hundred
 * kB), so this avoids touching the disk per request and any path traversal.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, relative, sep } from 'node:path';
import { packageRoot } from '../paths.js';

export interface WebAsset {
  body: Uint8Array;
  type: string;
  etag: string;
}

export type WebAssets = Map<string, WebAsset>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where `npm run build` puts the dashboard. */
export function defaultWebDir(): string {
  return join(packageRoot(), 'dist', 'web');
}

/** The files under `dir` keyed by URL path (`/index.html`, `/app.js`); null when the folder has no index.html. */
export function loadWebAssets(dir: string = defaultWebDir()): WebAssets | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const out: WebAssets = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const body = readFileSync(p);
        const url = '/' + relative(dir, p).split(sep).join('/');
        out.set(url, {
          body: new Uint8Array(body),
          type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
          etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
        });
      }
    }
  };
  walk(dir);
  return out;
}
