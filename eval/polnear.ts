/**
 * Quote attribution scored on PolNeAR (Newell, Margolin & Ruths, LREC 2018):
 * the sources, cues and contents of the attribution relations of 2016 US
 * political news, brat standoff (../shared/data/polnear; see its SOURCE.md).
 *
 * Choices, as docs/quotes.md explains them:
 *  - one annotation file per article: PolNeAR has several for a few
 *    articles; the annotator id first in alphabetical order is used;
 *  - a relation is the `Attribution` or `Attribution-no-source` event; its
 *    content is its Content and Content2 spans together, each possibly
 *    discontinuous; dyad's relation is a chain of quote pieces (`continues`);
 *  - each role is scored on its own, spans matched one to one: exact after
 *    trimming spaces, punctuation and quote marks at the edges of both sides
 *    (and a leading "that" of a content), overlap on any shared character;
 *  - "with quote marks": the content (with the character on each side) holds
 *    a quotation mark; the source and cue of a relation go with its content.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/core/article.js';
import type { Quote } from '../src/core/layers.js';
import type { Span } from '../src/core/span.js';
import { createEngineSync, type Engine } from '../src/engine.js';
import { findParagraphs } from '../src/ingest/plain-text.js';
import { parseBrat, type BratDocument } from './brat.js';
import { match, normalise, prf, type Item, type Prf } from './score.js';
import { sharedPath } from './shared.js';

export const ROLES = ['content', 'source', 'cue'] as const;
export type Role = (typeof ROLES)[number];
export const GROUPS = ['all', 'quoted', 'unquoted'] as const;
export type Group = (typeof GROUPS)[number];
export type Mode = 'exact' | 'overlap';

export interface Relation {
  content: Span[];
  source: Span[] | null;
  cue: Span[] | null;
  quoted: boolean;
}

export interface PolnearOptions {
  split?: string;
  /** folder holding text/ and attributions/ (default ../shared/data/polnear/<split>) */
  dir?: string;
  engine?: Engine;
  /** print this many errors of each kind (content, exact) */
  errors?: number;
  /** only the first n articles */
  limit?: number;
}

export interface PolnearReport {
  split: string;
  articles: number;
  annotationFiles: number;
  gold: number;
  predicted: number;
  skipped: string[];
  /** role → mode → group → scores */
  scores: Record<Role, Record<Mode, Record<Group, Prf>>>;
  /**
   * Gold attributions within what quote attribution covers: those with quote
   * marks, or whose cue ends with a cue of quotes/cues.txt (a one-word cue,
   * or all the words of a phrase: "called for", not "for" alone; PolNeAR
   * also marks "accepted the nomination", "seems to" …): how many, and the
   * exact recall of each role among them.
   */
  scope: { gold: number; recall: Record<Role, number> };
  seconds: number;
}

const DOUBLE_MARKS = /[“”"«»„‟]|''|``/;

/** the content, with one character on each side, holds a quotation mark */
export function hasQuoteMark(text: string, fragments: readonly Span[]): boolean {
  for (const f of fragments) {
    let s = f.start;
    let e = f.end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    const w = text.slice(Math.max(0, s - 1), Math.min(text.length, e + 1));
    if (DOUBLE_MARKS.test(w)) return true;
    // single marks count where they are not apostrophes (not between letters)
    for (let i = 0; i < w.length; i++) {
      const ch = w[i]!;
      if (ch !== '‘' && ch !== '’' && ch !== "'") continue;
      const before = w[i - 1] ?? ' ';
      const after = w[i + 1] ?? ' ';
      if (!(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after))) {
        if (ch === '‘' || /\s|^$/.test(before) || /[\s.,;:!?]/.test(after)) return true;
      }
    }
  }
  return false;
}

/**
 * A cue's last `n` words as dyad's tokenizer reads them (fewer at its
 * start): their lemmas, their lower-cased words, and the first word's lemma
 * with the others as written ("called for" → "call for", "according to").
 */
function cueEnds(doc: ReturnType<Engine['run']>, engine: Engine, cue: Span[] | null, n: number): string[] {
  if (!cue || !cue.length || !doc.has('tokens')) return [];
  const tokens = doc.get('tokens');
  const last = cue[cue.length - 1]!;
  const t = tokens.tokenAt(last.end - 1);
  if (t >= tokens.length) return [];
  const lemmas: string[] = [];
  const words: string[] = [];
  for (let k = Math.max(0, t - n + 1); k <= t; k++) {
    if (tokens.end[k]! <= cue[0]!.start) continue;
    lemmas.push(engine.vocab.text(tokens.lemma[k]!));
    words.push(engine.vocab.text(tokens.norm[k]!));
  }
  if (lemmas.length < n) return [];
  return [lemmas.join(' '), words.join(' '), [lemmas[0]!, ...words.slice(1)].join(' ')];
}

/**
 * Whether a gold cue is one of quotes/cues.txt: its last word is a one-word
 * cue ("said" → say), or its last words are a phrase cue ("called for" →
 * call for). A phrase's last word alone ("for", "of") is not a cue.
 */
function cueOfDictionary(doc: ReturnType<Engine['run']>, engine: Engine, cue: Span[] | null, phrases: ReadonlySet<string>, longest: number): boolean {
  for (let n = 1; n <= longest; n++) if (cueEnds(doc, engine, cue, n).some((x) => phrases.has(x))) return true;
  return false;
}

export function goldRelations(text: string, ann: BratDocument): Relation[] {
  const out: Relation[] = [];
  for (const e of ann.events) {
    if (e.type !== 'Attribution' && e.type !== 'Attribution-no-source') continue;
    const frag = (role: string) => (e.args.has(role) ? ann.spans.get(e.args.get(role)!)!.fragments : null);
    const content = [...(frag('Content') ?? []), ...(frag('Content2') ?? [])];
    if (!content.length) continue;
    out.push({ content, source: frag('Source'), cue: frag('Cue'), quoted: hasQuoteMark(text, content) });
  }
  return out;
}

export function predictedRelations(text: string, quotes: readonly Quote[]): Relation[] {
  const chains = new Map<number, Quote[]>();
  const head: number[] = [];
  quotes.forEach((q, i) => {
    const root = q.continues !== undefined ? head[q.continues]! : i;
    head[i] = root;
    chains.set(root, [...(chains.get(root) ?? []), q]);
  });
  const out: Relation[] = [];
  for (const pieces of chains.values()) {
    const first = pieces[0]!;
    const content = pieces.map((p) => ({ start: p.start, end: p.end }));
    const src = first.speakerSpan ?? first.speaker;
    // a speaker carried over from an earlier quote is that quote's source, not this one's
    const local = src && first.rule !== 'quotes/direct-previous-speaker';
    out.push({
      content,
      source: local ? [{ start: src.start, end: src.end }] : null,
      cue: first.cue ? [{ start: first.cue.start, end: first.cue.end }] : null,
      quoted: pieces.some((p) => p.kind === 'direct') || hasQuoteMark(text, content),
    });
  }
  return out;
}

export function pickAnnotationFiles(dir: string): { article: string; file: string; all: number }[] {
  const byArticle = new Map<string, string[]>();
  for (const f of readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort()) {
    const article = f.replace(/_[^_]+\.ann$/, '');
    byArticle.set(article, [...(byArticle.get(article) ?? []), f]);
  }
  return [...byArticle.entries()].map(([article, files]) => ({ article, file: files.sort()[0]!, all: files.length }));
}

export function readDates(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const meta = join(root, 'metadata.train-dev.tsv');
  if (!existsSync(meta)) return out;
  const lines = readFileSync(meta, 'utf8').split('\n');
  const header = lines[0]!.split('\t');
  const fi = header.indexOf('filename');
  const di = header.indexOf('publication_date');
  for (const l of lines.slice(1)) {
    const cols = l.split('\t');
    if (cols[fi] && /^\d{4}-\d{2}-\d{2}$/.test(cols[di] ?? '')) out.set(cols[fi]!, cols[di]!);
  }
  return out;
}

/** the article as dyad reads it, with the corpus text unchanged (offsets must stay the annotators') */
export function articleOf(engine: Engine, text: string, date: string | null, id: string): Article {
  const a = engine.article({ text, date, id });
  if (a.text === text) return a;
  const first = /\S[^\n]*/.exec(text);
  const title = first ? first[0].trimEnd() : '';
  const paragraphs = first ? [{ start: first.index, end: first.index + title.length }, ...findParagraphs(text, first.index + first[0].length)] : [];
  return { id, title, text, date, paragraphs };
}

function emptyScores(): Record<Role, Record<Mode, Record<Group, { tpPred: number; pred: number; tpGold: number; gold: number }>>> {
  const g = () => ({ all: { tpPred: 0, pred: 0, tpGold: 0, gold: 0 }, quoted: { tpPred: 0, pred: 0, tpGold: 0, gold: 0 }, unquoted: { tpPred: 0, pred: 0, tpGold: 0, gold: 0 } });
  return {
    content: { exact: g(), overlap: g() },
    source: { exact: g(), overlap: g() },
    cue: { exact: g(), overlap: g() },
  };
}

export function evaluatePolnear(opts: PolnearOptions = {}): PolnearReport {
  const split = opts.split ?? 'dev';
  const root = sharedPath('data', 'polnear');
  const dir = opts.dir ?? join(root, split);
  if (!existsSync(join(dir, 'attributions'))) throw new Error(`PolNeAR: ${join(dir, 'attributions')} does not exist`);
  const engine = opts.engine ?? createEngineSync();
  const dates = readDates(root);
  const counts = emptyScores();
  const t0 = performance.now();
  let files = pickAnnotationFiles(dir);
  const annotationFiles = files.reduce((n, f) => n + f.all, 0);
  if (opts.limit) files = files.slice(0, opts.limit);
  let goldN = 0;
  let predN = 0;
  // the cues as lemmas, word by word ("called for" is read as "call for")
  const cuePhrases = new Set(engine.ontology.cues.entries.flatMap((e) => [e.phrase, ...e.forms]));
  const longestCue = Math.max(1, ...[...cuePhrases].map((p) => p.split(' ').length));
  let scopeN = 0;
  const scopeHits: Record<Role, number> = { content: 0, source: 0, cue: 0 };
  const skipped: string[] = [];
  const errors: { kind: string; text: string }[] = [];
  for (const { article, file } of files) {
    const textPath = join(dir, 'text', `${article}.txt`);
    if (!existsSync(textPath)) {
      skipped.push(`${file}: no text file ${textPath}`);
      continue;
    }
    const text = readFileSync(textPath, 'utf8');
    let ann: BratDocument;
    try {
      ann = parseBrat(readFileSync(join(dir, 'attributions', file), 'utf8'), file);
    } catch (e) {
      skipped.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    const gold = goldRelations(text, ann);
    const doc = engine.run(articleOf(engine, text, dates.get(article) ?? null, article));
    const pred = doc.has('quotes') ? predictedRelations(text, doc.get('quotes')) : [];
    goldN += gold.length;
    predN += pred.length;
    const inScope = gold.map((g) => g.quoted || cueOfDictionary(doc, engine, g.cue, cuePhrases, longestCue));
    scopeN += inScope.filter(Boolean).length;
    for (const role of ROLES) {
      const items = (rels: Relation[], dedupe: boolean) => {
        const out: { item: Item; group: 'quoted' | 'unquoted' }[] = [];
        const seen = new Set<string>();
        for (const r of rels) {
          const raw = r[role];
          if (!raw || !raw.length) continue;
          const k = raw.map((s) => `${s.start}-${s.end}`).join(',');
          if (dedupe && seen.has(k)) continue;
          seen.add(k);
          out.push({ item: { raw, norm: normalise(text, raw, { that: role === 'content' }) }, group: r.quoted ? 'quoted' : 'unquoted' });
        }
        return out;
      };
      const g = items(gold, false);
      const p = items(pred, true);
      const m = match(p.map((x) => x.item), g.map((x) => x.item));
      // items() keeps gold relations that have this role, in order: map back to the relations
      let gi = 0;
      gold.forEach((r, i) => {
        if (!r[role] || !r[role]!.length) return;
        if (inScope[i] && m.goldExact[gi]) scopeHits[role]++;
        gi++;
      });
      for (const mode of ['exact', 'overlap'] as const) {
        const pm = mode === 'exact' ? m.predExact : m.predOverlap;
        const gm = mode === 'exact' ? m.goldExact : m.goldOverlap;
        p.forEach((x, i) => {
          for (const grp of ['all', x.group] as const) {
            counts[role][mode][grp].pred++;
            if (pm[i]) counts[role][mode][grp].tpPred++;
          }
        });
        g.forEach((x, i) => {
          for (const grp of ['all', x.group] as const) {
            counts[role][mode][grp].gold++;
            if (gm[i]) counts[role][mode][grp].tpGold++;
          }
        });
      }
      if (opts.errors && role === 'content') {
        const show = (s: Span[]) => s.map((f) => text.slice(f.start, f.end).replace(/\s+/g, ' ')).join(' … ');
        g.forEach((x, i) => { if (!m.goldExact[i]) errors.push({ kind: `missed ${x.group}${m.goldOverlap[i] ? ' (overlap)' : ''}`, text: `${article}: ${show(x.item.raw)}` }); });
        p.forEach((x, i) => { if (!m.predExact[i]) errors.push({ kind: `spurious ${x.group}${m.predOverlap[i] ? ' (overlap)' : ''}`, text: `${article}: ${show(x.item.raw)}` }); });
      }
    }
  }
  if (opts.errors) {
    const byKind = new Map<string, string[]>();
    for (const e of errors) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.text]);
    for (const [kind, list] of [...byKind.entries()].sort()) {
      console.log(`\n== ${kind}: ${list.length}`);
      for (const t of list.slice(0, opts.errors)) console.log('  ' + t.slice(0, 400));
    }
  }
  const scores = {} as PolnearReport['scores'];
  for (const role of ROLES) {
    scores[role] = {} as Record<Mode, Record<Group, Prf>>;
    for (const mode of ['exact', 'overlap'] as const) {
      scores[role][mode] = {} as Record<Group, Prf>;
      for (const grp of GROUPS) {
        const x = counts[role][mode][grp];
        scores[role][mode][grp] = prf(x.tpPred, x.pred, x.tpGold, x.gold);
      }
    }
  }
  const scope = { gold: scopeN, recall: { content: scopeN ? scopeHits.content / scopeN : 0, source: scopeN ? scopeHits.source / scopeN : 0, cue: scopeN ? scopeHits.cue / scopeN : 0 } };
  return { split, articles: files.length, annotationFiles, gold: goldN, predicted: predN, skipped, scores, scope, seconds: (performance.now() - t0) / 1000 };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatPolnear(r: PolnearReport): string {
  const lines: string[] = [];
  lines.push(`PolNeAR ${r.split}: ${r.articles} articles (${r.annotationFiles} annotation files; one per article, the annotator first in alphabetical order)`);
  lines.push(`  ${r.gold} gold attributions, ${r.predicted} predicted, ${r.seconds.toFixed(1)} s`);
  for (const s of r.skipped) lines.push(`  skipped: ${s}`);
  lines.push('');
  lines.push('                    all                   with quote marks      without quote marks');
  lines.push('                    P     R     F1        P     R     F1        P     R     F1');
  for (const role of ROLES) {
    for (const mode of ['exact', 'overlap'] as const) {
      const cells = GROUPS.map((g) => {
        const x = r.scores[role][mode][g];
        return `${pct(x.precision)} ${pct(x.recall)} ${pct(x.f1)}`;
      });
      lines.push(`  ${role.padEnd(8)} ${mode.padEnd(7)} ${cells.join('   ')}`);
    }
  }
  const n = (g: Group) => r.scores.content.exact[g].gold;
  lines.push(`  (gold contents: ${n('all')}; with quote marks ${n('quoted')}, without ${n('unquoted')})`);
  const sc = r.scope;
  lines.push(
    `  within quote attribution (gold with quote marks or a cue of quotes/cues.txt: ${sc.gold}, ${((100 * sc.gold) / Math.max(1, r.gold)).toFixed(0)} %): ` +
      `exact recall content ${pct(sc.recall.content).trim()}, source ${pct(sc.recall.source).trim()}, cue ${pct(sc.recall.cue).trim()}`,
  );
  return lines.join('\n');
}
