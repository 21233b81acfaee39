/**
 * Memos indexed by a vocabulary or lexeme id stay dense arrays: V8 keeps holey
 * and sparse arrays slower, and ids are handed out densely from 0.
 */

/** Sets `a[i] = value`, first growing `a` up to `i` with `empty`. */
export function setDense<T>(a: T[], i: number, value: T, empty: T): void {
  for (let k = a.length; k < i; k++) a.push(empty);
  a[i] = value;
}
