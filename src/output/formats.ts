import type { CodedDocument } from './schema.js';

export type OutputFormat = 'jsonl' | 'tsv' | 'plover' | 'gdelt';

export interface Formatter {
  /** written once before the first record */
  header?(): string;
  /** the text for one coded article (may be empty: an article with no events in an event format) */
  article(doc: CodedDocument, opts: { pretty: boolean }): string;
}

export const formatters: Record<OutputFormat, Formatter> = {
  jsonl: {
    article: (doc, { pretty }) => (pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc)) + '\n',
  },
  tsv: { article: () => '' },
  plover: { article: () => '' },
  gdelt: { article: () => '' },
};
