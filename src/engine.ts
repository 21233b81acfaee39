/**
 * The one place where dyad is wired: ontology, vocabulary, tokenizer and
 * stages are built here and handed to the pipeline (DESIGN principle 6).
 */
import { createHash } from 'node:crypto';
import type { Article } from './core/article.js';
import { Doc } from './core/document.js';
import { DyadError } from './core/errors.js';
import type { Message } from './core/messages.js';
import { Pipeline, type Stage } from './core/stage.js';
import { Vocabulary } from './core/vocabulary.js';
import { articleFromText, type ArticleMeta } from './ingest/plain-text.js';
import { createTokenizer, type Tokenizer } from './nlp/wink.js';
import { defaultPhraseCacheFile, readPhraseCache } from './nlp/phrase-cache.js';
import { loadOntology, type Ontology } from './ontology/load-ontology.js';
import { codeBookOf, type QuadConvention } from './ontology/load-codes.js';
import { defaultOntologyDir } from './paths.js';
import { toCodedDocument } from './output/to-json.js';
import type { CodedDocument } from './output/schema.js';
import { tokensStage } from './stages/tokens/index.js';
import { sentencesStage } from './stages/sentences/index.js';
import { actorsStage } from './stages/actors/index.js';
import { compileActors, type ActorMatcher } from './stages/actors/compile-actors.js';
import { corefStage } from './stages/coref/index.js';
import { eventsStage } from './stages/events/index.js';
import { quotesStage, compileCues, type CueMatcher } from './stages/quotes/index.js';
import { compileVerbs, type VerbMatcher } from './stages/events/compile-verbs.js';
import type { CodeBook } from './stages/events/codebook.js';
import type { TraceStep } from './stages/events/context.js';
import { compileDiscards, type DiscardMatcher } from './stages/events/discards.js';
import type { CodingOptions } from './stages/coding-options.js';

export type { QuadConvention };

export interface EngineOptions {
  /** ontology folder (default: the one that ships with dyad) */
  ontology?: string;
  /** quad class convention for `quad` (default gdelt: 1–4; phoenix: 0–4; plover: by PLOVER type) */
  quad?: QuadConvention;
  /** articles longer than this many characters are not coded (default 2,000,000) */
  maxChars?: number;
  /**
   * New words the texts may add to the vocabulary before the engine renews it
   * (default 400,000). Every word a text brings that the dictionaries do not
   * have stays in dyad's vocabulary and in wink-nlp's lexicon (about 425 bytes
   * between them), so a process that codes news for months (`dyad watch`,
   * `dyad serve`) would grow without end. Before a text, an engine that has
   * learnt more words than this compiles its dictionaries again into a fresh
   * vocabulary and tokenizer (about a second); the output does not change,
   * since no stage depends on words learnt from earlier texts.
   */
  maxLearntWords?: number;
  /**
   * The phrase cache: dictionary phrases tokenised before (default: the one
   * `npm run build` writes, dist/phrases.json; false: none). It only saves
   * time at load; a phrase it lacks is tokenised as usual (src/nlp/phrase-cache.ts).
   */
  phraseCache?: string | false;
}

/**
 * What only some callers need: dictionaries already loaded (such as the
 * PETRARCH and TABARI dictionaries translated by src/ontology/peer/), a code
 * book other than the ontology's CAMEO tables, coding semantics other than
 * dyad's defaults (stages/coding-options.ts).
 */
export interface EngineExtras {
  /** a loaded ontology, used instead of reading the `ontology` folder */
  dictionaries?: Ontology;
  /** the event codes the coder accepts (default: the ontology's CAMEO tables) */
  codeBook?: CodeBook;
  /** read by the stages each time they run: a caller may change it between texts */
  coding?: CodingOptions;
}

/** What `engine.code` accepts: raw text with optional metadata, or an Article. */
export interface CodeInput extends ArticleMeta {
  text: string;
}

export interface Engine {
  readonly ontology: Ontology;
  /** the vocabulary the last text was coded with (renewed now and then: see maxLearntWords) */
  readonly vocab: Vocabulary;
  readonly tokenizer: Tokenizer;
  readonly pipeline: Pipeline;
  /** how many times the vocabulary was renewed */
  readonly renewals: number;
  readonly options: Required<EngineOptions>;
  /** codes one text and returns dyad's public output object */
  code(input: CodeInput): CodedDocument;
  /** runs the pipeline over an article and returns the document with all its layers */
  run(article: Article, timings?: Map<string, number>): Doc;
  /**
   * codes several texts at once, stage by stage (Pipeline.runMany): the same
   * output as `code` on each, in the same order, about a fifth faster; what
   * `dyad code` does with up to 32 articles at a time
   */
  codeMany(inputs: readonly CodeInput[]): CodedDocument[];
  /** `run` for several articles, stage by stage */
  runMany(articles: readonly Article[], timings?: Map<string, number>): Doc[];
  /** turns raw text and metadata into an article (normalised, paragraphs found, id given) */
  article(input: CodeInput): Article;
  output(doc: Doc): CodedDocument;
  /** runs one text with the event coder's trace on */
  trace(input: CodeInput): { doc: Doc; steps: TraceStep[] };
}

export function articleId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function buildStages(
  ontology: Ontology,
  vocab: Vocabulary,
  tokenizer: Tokenizer,
  actors: ActorMatcher,
  verbs: VerbMatcher,
  codes: CodeBook,
  cues: CueMatcher,
  trace?: TraceStep[],
  discards?: DiscardMatcher,
  coding?: CodingOptions,
): Stage[] {
  return [
    tokensStage(tokenizer, vocab),
    sentencesStage,
    actorsStage(actors, vocab, coding),
    corefStage(vocab, ontology.actors.people, coding),
    quotesStage(cues, vocab, ontology.actors.people),
    eventsStage(verbs, codes, vocab, trace, discards, coding),
  ];
}

export async function createEngine(options: EngineOptions & EngineExtras = {}): Promise<Engine> {
  return createEngineSync(options);
}

export function createEngineSync(options: EngineOptions & EngineExtras = {}): Engine {
  const opts: Required<EngineOptions> = {
    ontology: options.ontology ?? defaultOntologyDir(),
    quad: options.quad ?? 'gdelt',
    maxChars: options.maxChars ?? 2_000_000,
    maxLearntWords: options.maxLearntWords ?? 400_000,
    phraseCache: options.phraseCache ?? defaultPhraseCacheFile(),
  };
  if (opts.quad !== 'gdelt' && opts.quad !== 'phoenix' && opts.quad !== 'plover') {
    throw new DyadError('E_CONFIG', `quad convention "${String(opts.quad)}" should be gdelt, phoenix or plover`);
  }
  if (!(opts.maxLearntWords > 0)) throw new DyadError('E_CONFIG', `maxLearntWords should be a positive number of words, not ${String(opts.maxLearntWords)}`);
  const ontology = options.dictionaries ?? loadOntology(opts.ontology);
  const coding: CodingOptions = options.coding ?? {};
  const codes: CodeBook = options.codeBook ?? codeBookOf(ontology.codes, opts.quad);

  const phrases = opts.phraseCache === false ? null : readPhraseCache(opts.phraseCache);
  // what holds vocabulary ids: built together, renewed together
  const build = () => {
    const vocab = new Vocabulary();
    const tokenizer = createTokenizer(phrases ? { phrases } : {});
    const actors = compileActors(ontology.actors, tokenizer, vocab);
    const verbs = compileVerbs(ontology.verbs, tokenizer, vocab);
    const cues = compileCues(ontology.cues, tokenizer, vocab);
    const discards = compileDiscards(ontology.discards ?? [], tokenizer, vocab);
    const stages = (trace?: TraceStep[]) => buildStages(ontology, vocab, tokenizer, actors, verbs, codes, cues, trace, discards, coding);
    return { vocab, tokenizer, stages, pipeline: new Pipeline(stages()), base: vocab.size };
  };
  let state = build();
  let renewals = 0;
  const fresh = () => {
    if (state.vocab.size - state.base > opts.maxLearntWords) {
      state = build();
      renewals++;
    }
    return state;
  };

  const article = (input: CodeInput): Article => {
    const a = articleFromText(input.text, input);
    return { ...a, id: a.id ?? articleId(a.text) };
  };
  const start = (a: Article): Doc => {
    const messages: Message[] = [];
    if (a.text.length > opts.maxChars) {
      messages.push({
        stage: 'ingest',
        severity: 'fatal',
        rule: 'ingest/too-large',
        reason: `article is ${a.text.length} characters, over the limit of ${opts.maxChars}; not coded (raise maxChars / --max-chars)`,
      });
    }
    return Doc.of(a, messages);
  };
  const run = (a: Article, timings?: Map<string, number>): Doc => fresh().pipeline.run(start(a), timings);
  const runMany = (as: readonly Article[], timings?: Map<string, number>): Doc[] => fresh().pipeline.runMany(as.map(start), timings);
  const output = (doc: Doc) => toCodedDocument(doc, ontology.version);
  return {
    ontology,
    get vocab() {
      return state.vocab;
    },
    get tokenizer() {
      return state.tokenizer;
    },
    get pipeline() {
      return state.pipeline;
    },
    get renewals() {
      return renewals;
    },
    options: opts,
    article,
    run,
    runMany,
    output,
    code: (input) => output(run(article(input))),
    codeMany: (inputs) => runMany(inputs.map(article)).map(output),
    trace(input) {
      const steps: TraceStep[] = [];
      const p = new Pipeline(fresh().stages(steps));
      return { doc: p.run(Doc.of(article(input))), steps };
    },
  };
}
