import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of dyad's package.json, found from this module (works from src/ and dist/src/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'dyad') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('dyad: cannot find its package folder');
    dir = up;
  }
}

/** The ontology that ships with dyad. */
export function defaultOntologyDir(): string {
  return join(packageRoot(), 'ontology');
}
