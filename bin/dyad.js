#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dyad: not built yet: run `npm install` (or `npm run build`) in the dyad folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
