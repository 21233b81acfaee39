/**
 * The dedup key of events across stories (the GDELT events/mentions split):
 * two coded events are the same event when they have the same date, source
 * actor code, target actor code, CAMEO code and negation. Each coded event
 * of each article is a *mention* of its event.
 */
import { createHash } from 'node:crypto';
import type { CodedEvent } from '../output/schema.js';

/** `date|source|target|cameo|negated`, with '' for an unknown date or a missing target. */
export function eventKey(e: Pick<CodedEvent, 'date' | 'source' | 'target' | 'cameo' | 'negated'>): string {
  return `${e.date ?? ''}|${e.source?.code ?? ''}|${e.target?.code ?? ''}|${e.cameo}|${e.negated ? 1 : 0}`;
}

/** The stored event id: the first 16 hex digits of SHA-256 of the key (the same on every backend and every run). */
export function eventId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}
