/** `dyad serve`: --demo stores the examples once, and the server answers where it says it listens. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../ingest/read-inputs.js';
import { examplesDir, parseSize, serveCommand } from './serve.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const s = new PassThrough();
  let text = '';
  s.on('data', (c) => (text += c));
  return { s, text: () => text };
}

describe('dyad serve', () => {
  it('--demo stores the examples when the store is empty, and only then', async () => {
    const db = join(dir, 'demo.sqlite');
    let examples = 0;
    for await (const item of readInputs([examplesDir()])) if (item.kind === 'article') examples++;
    expect(examples).toBeGreaterThan(0);
    for (let run = 0; run < 2; run++) {
      const out = sink();
      const err = sink();
      const h = await serveCommand({ db, host: '127.0.0.1', port: 0, maxBody: 1 << 20, demo: true, dashboard: false }, out.s, err.s);
      try {
        const health = (await (await fetch(`${h.server.url}/api/health`)).json()) as { store: { stats: { articles: number; events: number } } };
        expect(health.store.stats.articles).toBe(examples);
        expect(health.store.stats.events).toBeGreaterThan(0);
        expect(out.text()).toContain(`serving the API on ${h.server.url}/`);
        if (run === 0) expect(out.text()).toMatch(/--demo: stored \d+ example article/);
        else expect(out.text()).not.toContain('--demo: stored');
      } finally {
        await h.close();
      }
    }
  });

  it('reads sizes as people write them', () => {
    expect(parseSize('1mb')).toBe(1 << 20);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('4096')).toBe(4096);
    expect(() => parseSize('lots')).toThrow(/size/);
    expect(() => parseSize('10')).toThrow(/at least/);
  });
});
