#!/usr/bin/env -S node --max-old-space-size=512
// An explicit heap budget keeps a long batch near 250 MB resident: with none,
// V8 sizes the heap from the machine's memory and lets garbage pile up past
// 300 MB before it collects (docs/benchmarks.md). 512 MB leaves room for the
// vocabulary of a very long run and for the largest article dyad codes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dyad: not built yet: run `npm install` (or `npm run build`) in the dyad folder first\n');
  process.exit(2);
}
// Node 20 only: let large functions collect more feedback before V8 optimises
// them, so they are not compiled again and again (src/jit.ts)
const { tuneJit } = await import(new URL('../dist/src/jit.js', import.meta.url).href);
tuneJit();
// a reader that stops early (`dyad ingest --help | head`) is no error; a command that writes a
// stream of its own (`dyad code`) listens itself, and decides its exit status
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE' && process.stdout.listenerCount('error') === 1) process.exit(process.exitCode ?? 0);
});
const { main } = await import(entry.href);
await main(process.argv);
