/**
 * `dyad ingest` is safe, end to end through the real command line (child
 * processes): re-running stores nothing twice; a run killed with SIGKILL
 * mid-way loses nothing it committed and a second run completes it to
 * exactly what one uninterrupted run stores; bad articles are reported and
 * skipped; three processes ingesting overlapping inputs into one PostgreSQL
 * store at once store every article once. Then `dyad query` and `dyad
 * series` read back what the library reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { cliBundle, runDyad, startDyad } from '../../test/support/cli.js';
import { PG_SKIP, pgQuery, pgSchemaUrl, pgTestUrl, pgUnavailable } from '../../test/support/postgres.js';

const COUNTRIES = ['Russia', 'Ukraine', 'the United States', 'China', 'France', 'Germany', 'Britain', 'Turkey', 'Iran', 'Israel', 'India', 'Pakistan', 'Japan'];
const SENTENCES = [
  (a: string, b: string) => `${cap(a)} accused ${b} of violating the ceasefire.`,
  (a: string, b: string) => `${cap(a)} and ${b} held talks in Geneva on Monday.`,
  (a: string, b: string) => `${cap(a)} condemned ${b} for the attack.`,
  (a: string, b: string) => `${cap(a)} imposed sanctions on ${b}.`,
  (a: string, b: string) => `${cap(a)} urged ${b} to release the prisoners.`,
  (a: string, b: string) => `${cap(a)} threatened to retaliate against ${b}.`,
];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** `n` distinct short news items; many of them report the same events as others (same day, actors, verb). */
function corpus(n: number): { id: string; title: string; text: string; date: string; source: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const a = COUNTRIES[i % COUNTRIES.length]!;
    const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length] === a ? COUNTRIES[(i + 1) % COUNTRIES.length]! : COUNTRIES[(i * 7 + 3) % COUNTRIES.length]!;
    const day = new Date(Date.UTC(2022, 0, 1) + (i % 90) * 86_400_000).toISOString().slice(0, 10);
    const s1 = SENTENCES[i % SENTENCES.length]!(a, b);
    const s2 = SENTENCES[(i + 2) % SENTENCES.length]!(b, a);
    return { id: `story-${i}`, title: `Dispatch ${i}`, text: `${s1} ${s2}`, date: day, source: ['Reuters', 'AP', 'AFP', 'DW'][i % 4]! };
  });
}

const jsonl = (items: readonly object[]) => items.map((x) => JSON.stringify(x)).join('\n') + '\n';

let dir: string;
const path = (...p: string[]) => join(dir, ...p);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function snapshot(url: string): Promise<{ articles: number; events: number; mentions: number; ids: string[]; counts: string[] }> {
  const store = await openStore(url);
  try {
    const s = await store.stats();
    const ids: string[] = [];
    const counts: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await store.events({ limit: 1000, order: 'asc', ...(cursor ? { cursor } : {}) });
      for (const e of p.items) {
        ids.push(e.id);
        counts.push(`${e.id}:${e.mentions}:${e.articles}`);
      }
      cursor = p.next ?? undefined;
    } while (cursor);
    return { articles: s.articles, events: s.events, mentions: s.mentions, ids, counts };
  } finally {
    await store.close();
  }
}

function sqliteArticles(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or the schema is being made
  }
}

async function pgArticles(url: string): Promise<number> {
  const schema = new URL(url).searchParams.get('schema')!;
  try {
    const r = await pgQuery(`SELECT count(*)::int AS n FROM "${schema}".articles`);
    return Number(r[0]!.n);
  } catch {
    return 0;
  }
}

const N = 600;

describe('dyad ingest into SQLite', () => {
  let input: string;
  let reference: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    input = path('stories.jsonl');
    writeFileSync(input, jsonl(corpus(N)));
    const db = path('reference.sqlite');
    const r = await runDyad(['ingest', input, '--db', db, '--quiet']);
    expect(r.stderr).toMatch(new RegExp(`dyad ingest: ${N} articles stored, 0 already in the store, 0 failed`));
    expect(r.code).toBe(0);
    reference = await snapshot(db);
  });

  it('stores every article once, merging repeated reports into events, and a second run stores nothing', async () => {
    expect(reference.articles).toBe(N);
    expect(reference.events).toBeLessThan(reference.mentions); // the corpus repeats events
    const db = path('reference.sqlite');
    const again = await runDyad(['ingest', input, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`0 articles stored, ${N} already in the store, 0 failed`));
    expect(await snapshot(db)).toEqual(reference);
  });

  it('a run killed with SIGKILL mid-way keeps what it committed, and a second run completes it', async () => {
    const db = path('killed.sqlite');
    const { child, done } = await startDyad(['ingest', input, '--db', db, '--batch', '5', '--quiet']);
    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (seen = sqliteArticles(db)) < 30) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const kept = sqliteArticles(db);
    expect(kept).toBeGreaterThanOrEqual(seen); // nothing committed was lost
    expect(kept).toBeLessThan(N); // it was killed before the end
    const resumed = await runDyad(['ingest', input, '--db', db, '--quiet']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${N - kept} articles stored, ${kept} already in the store, 0 failed`));
    expect(await snapshot(db)).toEqual(reference);
  });

  it('Ctrl-C (SIGINT) stops after committing what was coded, and says how to resume', async () => {
    const db = path('interrupted.sqlite');
    const { child, done } = await startDyad(['ingest', input, '--db', db, '--batch', '5', '--quiet']);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && sqliteArticles(db) < 20) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: what was stored stays stored; run the same command again to resume/);
    const stored = Number(/(\d+) articles? stored/.exec(r.stderr)![1]);
    expect(sqliteArticles(db)).toBe(stored); // the summary tells the truth: all it coded is committed
    const resumed = await runDyad(['ingest', input, '--db', db, '--quiet']);
    expect(resumed.stderr).toMatch(new RegExp(`${N - stored} articles stored, ${stored} already in the store`));
    expect(await snapshot(db)).toEqual(reference);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('shows a progress bar with articles/s on a terminal', async () => {
    const db = path('tty.sqlite');
    const cli = await cliBundle();
    // script(1) runs the command on a pseudo-terminal
    const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} ${cli} ingest ${input} --db ${db} --quiet`, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${N}/${N} \\| [\\d.]+ articles/s`));
    expect(r.stdout).toMatch(new RegExp(`${N} articles stored, 0 already in the store`));
    expect(r.stdout).toMatch(/\u001b\[|\r/); // redrawn in place
  });

  it('reports a bad article naming it, skips it, and stores the rest', async () => {
    const items = corpus(5);
    const lines = [JSON.stringify(items[0]), '{"id": "broken", "text": "never closed', JSON.stringify({ id: 'empty', text: '   ' }), JSON.stringify(items[1]), JSON.stringify(items[2]), JSON.stringify(items[3]), JSON.stringify({ id: 'too-long', text: 'Russia condemned Ukraine. '.repeat(20) })];
    const file = path('bad.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const db = path('bad.sqlite');
    const r = await runDyad(['ingest', file, path('missing.txt'), '--db', db, '--max-chars', '400']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2: malformed JSON`);
    expect(r.stderr).toContain(`${file}:3: the object has no "text" string`);
    expect(r.stderr).toContain(`${path('missing.txt')}: cannot read`);
    expect(r.stderr).toMatch(new RegExp(`${file}:7: article is 520 characters, over the limit of 400`));
    expect(r.stderr).toMatch(/4 articles stored, 0 already in the store, 4 failed/);
    const store = await openStore(db);
    try {
      for (const id of ['story-0', 'story-1', 'story-2', 'story-3']) expect(await store.getArticle(id)).not.toBeNull();
      expect(await store.getArticle('too-long')).toBeNull();
    } finally {
      await store.close();
    }
    // progress in logs: plain lines, no terminal control codes
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });

  it('query and series print what the store holds', async () => {
    const db = path('reference.sqlite');
    const store: Store = await openStore(db);
    try {
      const [d] = await store.dyads({ level: 'country', limit: 1 });
      const [src, tgt] = [d!.source, d!.target];
      const csv = await runDyad(['query', 'events', '--source', src, '--target', tgt, '--from', '2022-01-01', '--format', 'csv', '--db', db]);
      const asserted = await store.countEvents({ source: src, target: tgt, negated: false });
      expect(asserted).toBe(d!.events);
      expect(csv.code).toBe(0);
      const rows = parse(csv.stdout) as string[][];
      const header = rows[0]!;
      expect(header.slice(0, 4)).toEqual(['date', 'source', 'source_name', 'target']);
      const lib = await store.events({ source: src, target: tgt, from: '2022-01-01', order: 'asc', limit: 1000 });
      expect(lib.items.length).toBe(await store.countEvents({ source: src, target: tgt, from: '2022-01-01' }));
      expect(lib.items.length).toBeGreaterThan(0);
      const idAt = header.indexOf('id');
      expect(rows.slice(1).map((l) => l[idAt])).toEqual(lib.items.map((e) => e.id));

      const series = await runDyad(['series', src, tgt, '--interval', 'week', '--format', 'jsonl', '--db', db]);
      expect(series.code).toBe(0);
      const got = series.stdout.trim().split('\n').map((l) => JSON.parse(l));
      const want = await store.series({ source: src, target: tgt, interval: 'week' });
      expect(got).toEqual(want.points);
      expect(want.points.reduce((n, p) => n + p.events, 0)).toBe(d!.events);

      const table = await runDyad(['query', 'top', '--from', '2022-02-01', '--to', '2022-02-28', '--db', db]);
      expect(table.code).toBe(0);
      const top = await store.topDyads({ from: '2022-02-01', to: '2022-02-28' });
      expect(table.stdout.split('\n')[2]).toContain(`${top.items[0]!.source}->${top.items[0]!.target}`);

      const bad = await runDyad(['query', 'events', '--from', '2022-02-30', '--db', db]);
      expect(bad.code).toBe(2);
      const missing = path('no-such-store.sqlite');
      const none = await runDyad(['series', 'RUS', 'UKR', '--db', missing]);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain(`no store at ${missing}`);
      expect(existsSync(missing)).toBe(false); // reading never creates an empty store
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(PG_SKIP)('dyad ingest into PostgreSQL', () => {
  const schemas: string[] = [];
  const fresh = () => {
    const s = `dyad_ingest_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
    schemas.push(s);
    return pgSchemaUrl(s);
  };
  let input: string;
  let reference: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    const why = await pgUnavailable(pgTestUrl());
    if (why) throw new Error(why);
    input = path('pg-stories.jsonl');
    writeFileSync(input, jsonl(corpus(N)));
    const url = fresh();
    const r = await runDyad(['ingest', input, '--db', url, '--quiet']);
    expect(r.code).toBe(0);
    reference = await snapshot(url);
    expect(reference.articles).toBe(N);
  });

  afterAll(async () => {
    for (const s of schemas) await pgQuery(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
  });

  it('a run killed with SIGKILL mid-way keeps what it committed, and a second run completes it', async () => {
    const url = fresh();
    const { child, done } = await startDyad(['ingest', input, '--db', url, '--batch', '5', '--quiet']);
    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (seen = await pgArticles(url)) < 30) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const kept = await pgArticles(url);
    expect(kept).toBeGreaterThanOrEqual(seen);
    expect(kept).toBeLessThan(N);
    const resumed = await runDyad(['ingest', input, '--db', url, '--quiet']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${N - kept} articles stored, ${kept} already in the store, 0 failed`));
    expect(await snapshot(url)).toEqual(reference);
  });

  it('three processes ingesting overlapping inputs at once store every article once', async () => {
    const items = corpus(N);
    const thirds = [items.slice(0, 200), items.slice(200, 400), items.slice(400)];
    // each process gets two thirds: every article is offered by two processes, in different orders
    const files = [0, 1, 2].map((k) => {
      const f = path(`part-${k}.jsonl`);
      writeFileSync(f, jsonl([...thirds[k]!, ...thirds[(k + 1) % 3]!].reverse().slice(k * 13).concat([...thirds[k]!, ...thirds[(k + 1) % 3]!].reverse().slice(0, k * 13))));
      return f;
    });
    const url = fresh();
    const runs = await Promise.all(files.map((f) => runDyad(['ingest', f, '--db', url, '--batch', '10', '--quiet'])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const stored = runs.map((r) => Number(/(\d+) articles? stored/.exec(r.stderr)![1]));
    expect(stored.reduce((a, b) => a + b, 0)).toBe(N);
    expect(await snapshot(url)).toEqual(reference);
    const dupes = await pgQuery(`SELECT count(*)::int AS n FROM (SELECT id FROM "${new URL(url).searchParams.get('schema')}".articles GROUP BY content_hash, id HAVING count(*) > 1) x`);
    expect(Number(dupes[0]!.n)).toBe(0);
  });
});
