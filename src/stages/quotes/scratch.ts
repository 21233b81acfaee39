/**
 * Per-token tables that the quote finders fill for one document and drop
 * when it is done, kept from one document to the next instead of made anew.
 * A typed array made per table per document cost more than the scans over it
 * (V8 backs each one with memory outside its heap, and making and collecting
 * thousands of them adds up over a corpus); a view of a buffer kept for the
 * purpose costs one small object. attributeQuotes is synchronous and does
 * not call itself, and nothing it returns holds a table, so one buffer per
 * name serves every document. A document longer than KEPT tokens gets tables
 * of its own (no buffer stays that large).
 */

const KEPT = 1 << 16;

export type TableName = 'inQuote' | 'isMark' | 'usedCue' | 'claimed' | 'sentOf';

const int32 = new Map<TableName, Int32Array>();
const uint8 = new Map<TableName, Uint8Array>();

/** an Int32Array of n entries, all `value` */
export function int32Table(name: TableName, n: number, value: number): Int32Array {
  if (n > KEPT) return new Int32Array(n).fill(value);
  let buf = int32.get(name);
  if (!buf || buf.length < n) {
    buf = new Int32Array(Math.min(KEPT, Math.max(n, 2 * (buf?.length ?? 0), 1024)));
    int32.set(name, buf);
  }
  return buf.subarray(0, n).fill(value);
}

/** a Uint8Array of n zeros */
export function uint8Table(name: TableName, n: number): Uint8Array {
  if (n > KEPT) return new Uint8Array(n);
  let buf = uint8.get(name);
  if (!buf || buf.length < n) {
    buf = new Uint8Array(Math.min(KEPT, Math.max(n, 2 * (buf?.length ?? 0), 1024)));
    uint8.set(name, buf);
  }
  return buf.subarray(0, n).fill(0);
}
