/**
 * Where the shared reference data lives: $DYAD_SHARED, else ../shared beside
 * the checkout (the same rule as test/support/shared.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/paths.js';

export function sharedDir(): string {
  return process.env.DYAD_SHARED ?? resolve(packageRoot(), '..', 'shared');
}

export function sharedPath(...parts: string[]): string {
  return join(sharedDir(), ...parts);
}

export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}
