#!/usr/bin/env node
/**
 * Writes the phrase cache (dist/phrases.json): the tokens and lemmas of every
 * phrase in dyad's default dictionaries, so that an engine need not tokenise
 * them at load (src/nlp/phrase-cache.ts). `npm run build` runs it after tsc.
 *
 *   node scripts/phrase-cache.mjs [FILE]
 */
import { createEngineSync } from '../dist/src/engine.js';
import { defaultPhraseCacheFile, writePhraseCache } from '../dist/src/nlp/phrase-cache.js';

const file = process.argv[2] ?? defaultPhraseCacheFile();
const engine = createEngineSync({ phraseCache: false });
const n = writePhraseCache(engine.tokenizer, file);
console.log(`phrase cache: ${n} phrases of the default dictionaries written to ${file}`);
