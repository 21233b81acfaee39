/** What every part of the event coder sees: the sentence, its tokens and actor slots, the verb dictionary, and the word ids it tests. */
import type { Sentence } from '../../core/layers.js';
import { FLAG, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { TextSpan } from '../../core/span.js';
import type { SlotIndex } from '../coref/slots.js';
import type { VerbMatcher } from './compile-verbs.js';
import type { CodingOptions } from '../coding-options.js';

/** Most tokens a pattern may skip between two of its elements (unless glued with `_`). */
export const MAX_GAP = 4;
/** How far right of the trigger the default target search looks. */
export const TARGET_REACH = 14;

export interface TraceStep {
  trigger: TextSpan;
  entry: string;
  pattern: string;
  code: string;
  result: 'fired' | 'no match' | 'no source' | 'hypothetical' | 'part of the protest' | 'what an appeal asks for';
}

export interface EventCoderIds {
  clauseStops: Set<number>;
  hardStops: Set<number>;
  relatives: Set<number>;
  conj: Set<number>;
  comma: number;
  hyphen: number;
  by: number;
  from: number;
  /** words opening a subordinate clause: "as", "while", "because" */
  subordinators: Set<number>;
  as: number;
  /** nouns for diplomatic staff: "ordered diplomats from X to leave" is an expulsion */
  diplomats: Set<number>;
  for: number;
  /** verbs of coming for something: "flew to Doha for talks" */
  motionVerbs: Set<number>;
  indefinites: Set<number>;
  be: Set<number>;
  not: Set<number>;
  possessive: Set<number>;
  possessivePronouns: Set<number>;
  coordinators: Set<number>;
  articles: Set<number>;
  timeWords: Set<number>;
  conditions: Set<number>;
  gerundHeads: Set<number>;
  placeTargetRoots: Set<string>;
  of: number;
  parenOpen: number;
  parenClose: number;
  subjectPronouns: Set<number>;
  locatives: Set<number>;
  /** locatives that put an act beside a place, not in it: "near the U.S. embassy in Baghdad" */
  besides: Set<number>;
  that: number;
  with: number;
  between: number;
  pluralPronouns: Set<number>;
  /** prepositions that place an agent with no country: "activists from Fatah", "students throughout Indonesia" */
  agentPlaces: Set<number>;
  led: number;
  including: number;
  /** verbs taking a bare infinitive ("helped rebuild", "let go") */
  bareInfinitiveVerbs: Set<number>;
  like: number;
  ifWord: number;
  unless: number;
  /** words that attach an agent to whose it is, before "to" or "with": "militants loyal to X", "workers affiliated with X" */
  loyal: Set<number>;
  /** the prepositions after them */
  loyalPreps: Set<number>;
  it: number;
  personPronouns: Set<number>;
  /** prepositions after a bare participle that make it passive: "Japanese mogul arrested for fraud", "three killed in Kabul" */
  reducedPassivePreps: Set<number>;
}

export function eventCoderIds(vocab: Vocabulary): EventCoderIds {
  const ids = (ws: string[]) => new Set(ws.map((w) => vocab.intern(w)));
  return {
    clauseStops: ids(['that', 'because', 'while', 'although', 'though', 'whereas', 'if', 'unless', 'since', 'when', 'whether', 'after', 'before', 'until', 'as']),
    hardStops: ids([';', ':', '—', '–', '--', '(', ')', '“', '”', '"', '«', '»']),
    relatives: ids(['which', 'who', 'whom', 'whose']),
    conj: ids(['and', 'or', 'nor', '&']),
    comma: vocab.intern(','),
    hyphen: vocab.intern('-'),
    by: vocab.intern('by'),
    from: vocab.intern('from'),
    as: vocab.intern('as'),
    diplomats: ids(['diplomat', 'diplomats', 'ambassador', 'ambassadors', 'envoy', 'envoys', 'attache', 'attaché', 'consul', 'chargé', 'charge']),
    for: vocab.intern('for'),
    motionVerbs: ids(['fly', 'flew', 'flown', 'travel', 'arrive', 'head', 'go', 'went', 'come', 'came', 'return', 'rush', 'jet', 'land']),
    indefinites: ids(['a', 'an']),
    subordinators: ids(['as', 'while', 'because', 'although', 'though', 'whereas', 'unless']),
    be: ids(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gets', 'getting']),
    not: ids(['not', "n't", 'never']),
    possessive: ids(["'s", '’s', "'", '’']),
    possessivePronouns: ids(['its', 'his', 'her', 'their', 'our', 'my', 'your']),
    // "refused to say whether Putin would attend": an embedded question is no act either
    conditions: ids(['if', 'unless', 'whether']),
    // ("without consulting her": what was not done)
    gerundHeads: ids(['of', 'for', 'without']),
    placeTargetRoots: new Set(['14', '17', '18', '19', '20']),
    of: vocab.intern('of'),
    parenOpen: vocab.intern('('),
    parenClose: vocab.intern(')'),
    subjectPronouns: ids(['he', 'she', 'it', 'they', 'we', 'i', 'you']),
    locatives: ids(['in', 'at', 'near', 'outside', 'inside']),
    besides: ids(['near', 'outside', 'around', 'off', 'beside', 'by']),
    that: vocab.intern('that'),
    coordinators: ids(['and', 'but', 'or']),
    articles: ids(['a', 'an', 'the']),
    timeWords: ids(['today', 'yesterday', 'tomorrow', 'tonight', 'now']),
    with: vocab.intern('with'),
    between: vocab.intern('between'),
    pluralPronouns: ids(['they', 'them']),
    agentPlaces: ids(['from', 'of', 'in', 'throughout', 'across']),
    led: vocab.intern('led'),
    including: vocab.intern('including'),
    bareInfinitiveVerbs: ids(['help', 'let', 'make', 'see', 'watch', 'hear', 'have', 'bid', 'dare']),
    like: vocab.intern('like'),
    ifWord: vocab.intern('if'),
    unless: vocab.intern('unless'),
    loyal: ids(['loyal', 'affiliated', 'allied', 'aligned', 'linked', 'belonging']),
    loyalPreps: ids(['to', 'with']),
    it: vocab.intern('it'),
    personPronouns: ids(['he', 'she']),
    reducedPassivePreps: ids(['for', 'in', 'after', 'during', 'near', 'over', 'by']),
  };
}

export interface Ctx {
  tokens: TokenTable;
  text: string;
  s: Sentence;
  slots: SlotIndex;
  verbs: VerbMatcher;
  ids: EventCoderIds;
  trace: TraceStep[] | undefined;
  coding: CodingOptions;
}

export const isPunct = (c: Ctx, t: number) => c.tokens.has(t, FLAG.PUNCT);
