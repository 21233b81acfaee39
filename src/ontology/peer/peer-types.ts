/**
 * What the PETRARCH and TABARI readers produce: the peers' dictionaries as
 * plain data, every item with its file and line, before they are translated
 * into dyad's own dictionary model (to-ontology.ts).
 */
import type { DatedCode } from './peer-lines.js';

export type Dialect = 'petrarch' | 'tabari';

/**
 * How one dictionary word matches a word of the text.
 * - `exact`: the word itself (PETRARCH; TABARI `WORD=`)
 * - `plural`: the word or its regular plural (PETRARCH synset members)
 * - `endings`: the word or the word with a regular ending (TABARI `WORD_`:
 *   -s, -es for nouns; -s, -es, -d, -ed, -en, -ing for verbs)
 * - `stem`: any word that begins with it (TABARI `WORD`, no mark)
 */
export type WordMatch = 'exact' | 'plural' | 'endings' | 'stem';

export interface PeerWord {
  /** lower case */
  text: string;
  match: WordMatch;
  /** other words may stand between this word and the one before (a blank, not `_`, in the file) */
  gapBefore: boolean;
}

export interface PeerPhrase {
  words: PeerWord[];
  /** as written in the file */
  written: string;
  line: number;
}

export interface PeerActor {
  /** the primary phrase first, then the `+` synonyms */
  phrases: PeerPhrase[];
  /** code blocks in file order; an undated block is the default code */
  codes: DatedCode[];
  line: number;
}

export interface PeerAgent {
  phrases: PeerPhrase[];
  /** the agent code without its `~` */
  code: string;
  /** `~GOV` is added after the actor's code (suffix); `NGO~` before it (prefix) */
  position: 'suffix' | 'prefix';
  line: number;
}

export interface PeerActorFile {
  file: string;
  actors: PeerActor[];
  /** TABARI `<NOUN>` / `<ADJECTIVE>` lists: words that are never verbs */
  nouns: PeerPhrase[];
  adjectives: PeerPhrase[];
}

export interface PeerAgentFile {
  file: string;
  agents: PeerAgent[];
}

/** One element of a verb pattern, in text order. */
export type PeerPatternElement =
  | { kind: 'verb'; adjacent: boolean }
  | { kind: 'word'; word: PeerWord; adjacent: boolean }
  | { kind: 'synset'; name: string; adjacent: boolean }
  /** TABARI `{ A | B C }`: one of several word sequences */
  | { kind: 'alternatives'; options: PeerWord[][]; adjacent: boolean }
  | { kind: 'target'; adjacent: boolean }
  | { kind: 'source'; adjacent: boolean }
  /** `%`: a compound actor ("A and B") */
  | { kind: 'compound'; adjacent: boolean }
  /** `^`: skip one actor */
  | { kind: 'skip'; adjacent: boolean };

/** A code as the verb dictionaries write it: `064`, `032:033` (paired), `---` (null), `###` (discard). */
export interface PeerCode {
  code: string;
  /** the second code of a paired code `[032:033]`: the target's event towards the source */
  paired?: string;
}

export interface PeerPattern {
  elements: PeerPatternElement[];
  code: PeerCode;
  written: string;
  line: number;
}

export interface PeerVerb {
  /** the words of the verb phrase; `verbIndex` is the one that is the verb */
  words: PeerWord[];
  verbIndex: number;
  /** explicit forms (`{...}`): each a list of words with the same verb position */
  forms: PeerWord[][];
  /** true when the file gives the forms (`{...}`), so no regular forms are made */
  explicitForms: boolean;
  /** a code of the verb's own, else the block's */
  code?: PeerCode;
  written: string;
  line: number;
}

export interface PeerVerbBlock {
  /** PETRARCH `--- NAME [code] ---`; TABARI: the entry's first line */
  name: string;
  code: PeerCode | null;
  verbs: PeerVerb[];
  patterns: PeerPattern[];
  line: number;
}

export interface PeerSynset {
  name: string;
  /**
   * each member a sequence of consecutive words; TABARI members may also hold
   * other synsets and actor slots (`+PESO_$`, `+&TIETYPES_MEMOS`)
   */
  members: PeerPatternElement[][];
  /** PETRARCH: plurals are made for the members unless the name or member ends in `_` */
  plurals: boolean;
  line: number;
}

/** PETRARCH `~ a (a b ATTACK) SAY = a b 015`: kept as data; dyad does not apply them yet. */
export interface PeerTransformation {
  written: string;
  pattern: string;
  result: string;
  line: number;
}

export interface PeerVerbFile {
  file: string;
  dialect: Dialect;
  synsets: Map<string, PeerSynset>;
  blocks: PeerVerbBlock[];
  transformations: PeerTransformation[];
  /** TABARI `<TIME>` section (relative-date phrases): read and kept, not applied */
  timePhrases: { phrase: PeerPhrase; shift: string }[];
  /** patterns that use a feature dyad does not read (PETRARCH-2 `(PREP NOUN)` phrases): kept for the lint */
  skipped: { written: string; line: number; why: string }[];
}

export interface PeerDiscard {
  phrase: PeerPhrase;
  /** `+PHRASE`: the whole story is not coded; otherwise the sentence */
  scope: 'story' | 'sentence';
  line: number;
}

export interface PeerDiscardFile {
  file: string;
  discards: PeerDiscard[];
}

export interface PeerIssue {
  category: string;
  code: string;
  phrase: PeerPhrase;
  /** `~` and `~~` lines: phrases that cancel the issue coding of a sentence */
  ignore: boolean;
  line: number;
}

export interface PeerIssueFile {
  file: string;
  issues: PeerIssue[];
}
