import { createHash } from 'node:crypto';

/** SHA-256 of an article's text (lowercase hex): the content hash that makes re-ingest idempotent. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
