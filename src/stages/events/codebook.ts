import type { PloverCoding } from '../../core/layers.js';

/** What the event coder needs to know about codes (implemented over ontology/codes). */
export interface CodeBook {
  label(cameo: string): string;
  goldstein(cameo: string): number;
  quad(cameo: string): number;
  plover(cameo: string): PloverCoding;
  has(cameo: string): boolean;
}
