/**
 * Where the shared test data lives (../shared beside the checkout), and a
 * helper for tests that need it: on a clone without it they skip, saying so.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = process.env.DYAD_SHARED ?? resolve(REPO, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** true when the shared file exists; otherwise prints why the test is skipped */
export function hasShared(...parts: string[]): boolean {
  const p = sharedPath(...parts);
  if (existsSync(p)) return true;
  console.warn(`skipping: ${p} is not here (tests that need ../shared run where it is, as in CI)`);
  return false;
}
