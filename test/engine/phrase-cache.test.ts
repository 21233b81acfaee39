/**
 * The phrase cache (src/nlp/phrase-cache.ts) saves tokenising the
 * dictionaries' phrases at load and changes nothing else: an engine made from
 * it codes exactly as one that read every phrase itself; a cache of other
 * versions, or one that cannot be read, is not used.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleNews } from '../support/examples.js';
import { createEngineSync } from '../../src/engine.js';
import { readPhraseCache, writePhraseCache } from '../../src/nlp/phrase-cache.js';

const articles = exampleNews();

const dir = mkdtempSync(join(tmpdir(), 'dyad-phrases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the phrase cache', () => {
  const plain = createEngineSync({ phraseCache: false });
  const file = join(dir, 'phrases.json');
  const written = writePhraseCache(plain.tokenizer, file);

  it('holds every phrase the default dictionaries tokenise, and an engine made from it reads none', () => {
    expect(written).toBe(plain.tokenizer.phraseStats().read);
    expect(written).toBeGreaterThan(5000);
    const cached = createEngineSync({ phraseCache: file });
    expect(cached.tokenizer.phraseStats()).toEqual({ read: 0, known: expect.any(Number) });
    expect(cached.tokenizer.phraseStats().known).toBeGreaterThanOrEqual(written);
  });

  it('codes the example news exactly as an engine without it', () => {
    const cached = createEngineSync({ phraseCache: file });
    for (const a of articles) expect(cached.code(a)).toEqual(plain.code(a));
  });

  it('is not used when written by other wink versions, or unreadable', () => {
    const other = join(dir, 'other.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { key: string };
    writeFileSync(other, JSON.stringify({ ...data, key: 'wink-nlp 0.0.1, wink-eng-lite-web-model 0.0.1, dyad tokenizer 0' }));
    expect(readPhraseCache(other)).toBeNull();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"key": "trunc');
    expect(readPhraseCache(broken)).toBeNull();
    expect(readPhraseCache(join(dir, 'missing.json'))).toBeNull();
    const engine = createEngineSync({ phraseCache: broken });
    expect(engine.tokenizer.phraseStats()).toEqual({ read: written, known: 0 });
  });
});
