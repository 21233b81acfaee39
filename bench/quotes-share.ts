/**
 * The quotes stage's share of the pipeline's time, from the pipeline's own
 * per-stage timings (Pipeline.run(doc, timings)) over real news: Wikinews and
 * BBC by default (bench/corpus.ts reads them from ../shared/data/corpus).
 *
 *     npm run build && node dist/bench/quotes-share.js [--repeat N] [--reuters] [--un]
 *
 * Ingest (turning the text into an article) and the JSON output are outside
 * the stages and not counted. A warm-up pass over the first articles comes
 * first; the fastest of N timed passes is reported.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Article } from '../src/core/article.js';
import { createEngineSync, type Engine } from '../src/engine.js';
import { corpusRoot, DEFAULT_CORPORA, loadCorpora, type CorpusName } from './corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, existsSync(join(HERE, '..', 'package.json')) ? '..' : '../..');

export interface QuotesShare {
  articles: number;
  characters: number;
  quotes: number;
  /** stage → milliseconds (fastest pass) */
  stages: Record<string, number>;
  totalMs: number;
  quotesShare: number;
}

export function measureQuotesShare(corpora: readonly CorpusName[] = DEFAULT_CORPORA, repeat = 3, engine: Engine = createEngineSync()): QuotesShare {
  const root = corpusRoot(REPO);
  const articles: Article[] = loadCorpora(root, corpora).map((b) =>
    engine.article({ text: b.text, date: b.date, ...(b.title ? { title: b.title } : {}) }),
  );
  if (!articles.length) throw new Error(`no articles found under ${root}`);
  for (const a of articles.slice(0, 50)) engine.run(a);
  let best: Map<string, number> | null = null;
  let bestTotal = Infinity;
  let quotes = 0;
  for (let r = 0; r < repeat; r++) {
    const timings = new Map<string, number>();
    let n = 0;
    for (const a of articles) {
      const doc = engine.run(a, timings);
      if (doc.has('quotes')) n += doc.get('quotes').length;
    }
    const total = [...timings.values()].reduce((s, x) => s + x, 0);
    if (total < bestTotal) {
      bestTotal = total;
      best = timings;
      quotes = n;
    }
  }
  const stages = Object.fromEntries([...best!.entries()].map(([k, v]) => [k, v]));
  return {
    articles: articles.length,
    characters: articles.reduce((s, a) => s + a.text.length, 0),
    quotes,
    stages,
    totalMs: bestTotal,
    quotesShare: (stages.quotes ?? 0) / bestTotal,
  };
}

export function formatQuotesShare(r: QuotesShare): string {
  const lines = [`quotes stage share: ${r.articles} articles, ${(r.characters / 1e6).toFixed(1)} M characters, ${r.quotes} quotes`];
  for (const [stage, ms] of Object.entries(r.stages)) {
    lines.push(`  ${stage.padEnd(10)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / r.totalMs).toFixed(1).padStart(5)} %`);
  }
  lines.push(`  ${'all'.padEnd(10)} ${r.totalMs.toFixed(0).padStart(7)} ms`);
  lines.push(`  the quotes stage takes ${(100 * r.quotesShare).toFixed(1)} % of the pipeline's time (budget: under 15 %)`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--repeat');
  const repeat = i >= 0 ? Number(argv[i + 1]) : 3;
  const corpora: CorpusName[] = [...DEFAULT_CORPORA];
  if (argv.includes('--reuters')) corpora.push('reuters');
  if (argv.includes('--un')) corpora.push('un');
  console.log(formatQuotesShare(measureQuotesShare(corpora, repeat)));
}
