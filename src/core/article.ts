import type { Span } from './span.js';

/**
 * One news story as ingest hands it to the pipeline. `text` is the whole
 * article (headline, then body), NFC-normalised once; every offset dyad
 * outputs points into it.
 */
export interface Article {
  id: string;
  /** the headline; `text` starts with it when there is one */
  title: string;
  text: string;
  /** publication date `YYYY-MM-DD`, or null when unknown */
  date: string | null;
  url?: string;
  source?: string;
  /** paragraph spans in `text`; the headline is the first when `title` is set */
  paragraphs: Span[];
  /** where the article came from, for messages: a file, `file:line`, or `stdin` */
  origin?: string;
}
