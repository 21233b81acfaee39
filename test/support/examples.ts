import { readFileSync } from 'node:fs';

export interface ExampleArticle {
  id: string;
  title?: string;
  text: string;
  date?: string;
}

/** The example news that ships with dyad (examples/news.jsonl): the seed article and the demo reports. */
export function exampleNews(): ExampleArticle[] {
  return readFileSync(new URL('../../examples/news.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExampleArticle);
}
