/**
 * The phrase cache: the tokens and lemmas wink-nlp gives each dictionary
 * phrase, written once when dyad is built and read when an engine is made.
 *
 * Compiling the dictionaries tokenises about 14,000 distinct phrases (names,
 * titles, verb patterns, cues), one wink document each: half of the time an
 * engine takes to load. The result depends only on the phrase and on wink's
 * versions, so `npm run build` writes it for the default dictionaries
 * (dist/phrases.json) and an engine starts from it. It is a memo, never a
 * source of truth: a phrase it lacks (a user's own dictionary, an edited
 * file) is tokenised as before, and a cache written by other wink versions,
 * or one that cannot be read, is ignored. The engine's output is the same
 * with or without it (src/nlp/phrase-cache.test.ts).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { PhraseTable, Tokenizer } from './wink.js';

/**
 * Raise when dyad changes how it tokenises a phrase (the wink hook in
 * wink.ts): caches written before are then ignored.
 */
const TOKENIZER_REVISION = 2;

let key: string | undefined;

/** what a cache must have been written with to be used: the wink versions and dyad's tokenizer revision */
export function phraseCacheKey(): string {
  if (key) return key;
  const require = createRequire(import.meta.url);
  const version = (name: string) => {
    try {
      return (require(`${name}/package.json`) as { version?: string }).version ?? '?';
    } catch {
      return '?';
    }
  };
  return (key = `wink-nlp ${version('wink-nlp')}, wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}, dyad tokenizer ${TOKENIZER_REVISION}`);
}

/** where `npm run build` writes the cache, and where an engine looks for it by default */
export function defaultPhraseCacheFile(): string {
  return join(packageRoot(), 'dist', 'phrases.json');
}

interface CacheFile {
  key: string;
  /** [phrase, tokens, lemmas], lemmas left out where they are the tokens */
  phrases: [string, string[], string[]?][];
}

/** The phrases in `file`, or null when there is none, it cannot be read, or it was written with other versions. */
export function readPhraseCache(file: string = defaultPhraseCacheFile()): PhraseTable | null {
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (data.key !== phraseCacheKey() || !Array.isArray(data.phrases)) return null;
    const table = new Map<string, { values: readonly string[]; lemmas: readonly string[] }>();
    for (const [text, values, lemmas] of data.phrases) table.set(text, { values, lemmas: lemmas ?? values });
    return table;
  } catch {
    return null;
  }
}

/** Writes the phrases `tokenizer` read (after compiling dictionaries with it); returns how many. */
export function writePhraseCache(tokenizer: Tokenizer, file: string = defaultPhraseCacheFile()): number {
  const phrases: CacheFile['phrases'] = [];
  for (const [text, p] of tokenizer.phrasesRead()) {
    const same = p.lemmas.length === p.values.length && p.lemmas.every((l, i) => l === p.values[i]);
    phrases.push(same ? [text, [...p.values]] : [text, [...p.values], [...p.lemmas]]);
  }
  phrases.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const body: CacheFile = { key: phraseCacheKey(), phrases };
  // written beside and renamed, so a reader never sees half a file
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(body));
  renameSync(tmp, file);
  return phrases.length;
}
