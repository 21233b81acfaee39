/**
 * The layers stages add to a document. These shapes are dyad's public output
 * schema (see docs/output-schema.md): change them only with a version bump.
 * Every `start`/`end` is a half-open character offset into `Article.text`.
 */
import type { TokenTable } from './token-table.js';
import type { TextSpan } from './span.js';

export interface Sentence {
  start: number;
  end: number;
  /** index of the paragraph (0 = headline when the article has one) */
  paragraph: number;
  /** token range `[tokenStart, tokenEnd)` in the token table */
  tokenStart: number;
  tokenEnd: number;
}

/** Where a piece of output came from: a dictionary file and line, or a rule id. */
export interface Provenance {
  file: string;
  line: number;
  /** the pattern or rule text, as written in the dictionary */
  pattern?: string;
}

export type ActorKind =
  | 'country'      // China, the U.S., Chinese
  | 'capital'      // Washington standing for the state
  | 'institution'  // the Kremlin, the State Department
  | 'organisation' // NATO, the UN
  | 'group'        // armed non-state groups, parties, movements
  | 'community'    // ethnic and religious communities: the Kurds, Shiite Muslims
  | 'person'       // a named person, coded by their role on the article's date
  | 'agent'        // "Russian officials": a country (or nothing) and an agent noun
  | 'description'; // "the head of the State Department": a role standing for a person

export interface ActorMention extends TextSpan {
  sentence: number;
  /** CAMEO-style actor code: country + agent(s), e.g. CHNGOV, or IGOWSTNAT */
  code: string;
  /** canonical name: "China", "Antony Blinken", "NATO" */
  name?: string;
  /** canonical name of the person, when the mention is (or stands for) a person */
  person?: string;
  kind: ActorKind;
  /** true when the mention modifies the noun after it ("Israeli airstrikes", "the G20 summit") */
  modifier?: boolean;
  /** the office the words name, when they name one ("foreign minister"): an id from offices.txt */
  office?: string;
  /** token range in the token table */
  tokenStart: number;
  tokenEnd: number;
  /** the dictionary entry that matched */
  rule: Provenance;
  /** index in the actors layer of the mention this one refers back to */
  ref?: number;
}

/** An actor slot of an event or a quote's speaker: the words, and what they code to. */
export interface ActorRef extends TextSpan {
  code: string | null;
  name?: string;
  person?: string;
  /** index in the actors layer, when the words are an actor mention */
  actor?: number;
}

/**
 * A pronoun or description resolved to an earlier mention. Kept apart from
 * the actors layer so the actors list holds only the names and descriptions
 * that stand in the text.
 */
export interface CorefLink extends TextSpan {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** index in the actors layer of the antecedent */
  antecedent: number;
  rule: string;
}

/**
 * One quotation: the words reported (`text`, without quote marks), the cue
 * that reports them and who said them (docs/quotes.md). A quotation
 * interrupted by its attribution (“…,” he said, “…”) or run over several
 * paragraphs is several quotes, each piece pointing back to the one before
 * with `continues`.
 */
export interface Quote extends TextSpan {
  /** direct: the speaker's own words in quote marks; indirect: reported speech */
  kind: 'direct' | 'indirect';
  sentence: number;
  /** the cue: a verb group ("has also said"), "according to", or the colon or dash of "X: “…”" */
  cue: TextSpan | null;
  /** the speaker as named here ("he", "the minister"), resolved to the actor it stands for */
  speaker: ActorRef | null;
  /** the whole source phrase, when longer than the speaker ("Tom Ridge, a former governor,") */
  speakerSpan?: TextSpan;
  /** who was spoken to: "told [Washington] that …" */
  addressee?: ActorRef | null;
  /** the cue's class in quotes/cues.txt: speech, writing, thought, evidence, source */
  cueClass?: string;
  /** the cue's entry in quotes/cues.txt */
  cueRule?: Provenance;
  /** index in the quotes layer of the piece this one continues */
  continues?: number;
  /** true when a direct quote was opened and never closed */
  unclosed?: boolean;
  /** the rule that found it, e.g. `quotes/direct-after` */
  rule: string;
}

export interface PloverCoding {
  type: string;
  mode?: string;
  context?: string[];
}

export interface CodedEvent {
  sentence: number;
  source: ActorRef | null;
  target: ActorRef | null;
  cameo: string;
  /** the CAMEO code's name */
  label: string;
  plover: PloverCoding;
  goldstein: number;
  quad: number;
  /** `YYYY-MM-DD`: from a date expression near the trigger, else the article date */
  date: string | null;
  /** the date expression the date came from */
  dateText?: TextSpan;
  trigger: TextSpan;
  negated: boolean;
  /** intent, threat, ... when the event is a stated intention rather than an act */
  modality?: string;
  rule: Provenance;
}

export interface LayerMap {
  tokens: TokenTable;
  sentences: Sentence[];
  actors: ActorMention[];
  coref: CorefLink[];
  quotes: Quote[];
  events: CodedEvent[];
}

export type LayerName = keyof LayerMap;
