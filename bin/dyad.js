#!/usr/bin/env -S node --max-old-space-size=256
// The heap budget above keeps a long batch under 300 MB resident: without it
// V8 lets garbage pile up to a large fraction of the machine's memory before it
// collects (docs/benchmarks.md). The largest article dyad codes (--max-chars,
// 2,000,000 characters) fits in it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dyad: not built yet: run `npm install` (or `npm run build`) in the dyad folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
