/**
 * Opaque keyset cursors: the sort key of the last row of a page, as
 * base64url JSON. A cursor that does not decode to the expected shape is
 * the caller's error (E_USAGE), never a database error.
 */
import { DyadError } from '../../core/errors.js';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` whose parts have the given types. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v) || v.length !== shape.length || v.some((x, i) => typeof x !== shape[i])) {
    throw new DyadError('E_USAGE', `cursor "${cursor.slice(0, 40)}" is not one this store made (pass the "next" of a previous page)`);
  }
  return v as (string | number)[];
}
