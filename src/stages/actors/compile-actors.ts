/**
 * Compiles the actor dictionary into two tries over interned token ids:
 * names (matched on the lower-cased surface) and roles (agent nouns and
 * office titles, matched on surface or lemma so plurals match).
 */
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Provenance } from '../../core/layers.js';
import type { Tokenizer } from '../../nlp/wink.js';
import { FLAG, type TokenTable } from '../../core/token-table.js';
import { prefixTest } from '../events/compile-elements.js';
import type {
  ActorDictionary,
  ActorEntry,
  OfficeEntry,
  PersonEntry,
  Phrase,
} from '../../ontology/types.js';

export type PieceKind =
  | 'name' // a country, organisation or group by name
  | 'adjective'
  | 'demonym'
  | 'capital'
  | 'institution'
  | 'person'
  | 'agent' // an agent noun
  | 'title'; // an office title

export interface PhraseTarget {
  kind: PieceKind;
  /** actor code for names, capitals, institutions; agent code for agents */
  code: string;
  /** an agent whose code goes before the actor's (PETRARCH `NGO~`) */
  prefix?: boolean;
  entry?: ActorEntry;
  office?: OfficeEntry;
  /** for country-specific titles: the country */
  country?: string;
  person?: PersonEntry;
  /** surface forms each token must have exactly (short all-caps phrases) */
  exact?: string[];
  /** the text must start with a capital letter (the phrase does) */
  capFirst: boolean;
  source: Provenance;
  phrase: string;
}

export class TrieNode {
  readonly next = new Map<number, TrieNode>();
  targets: PhraseTarget[] = [];
  /** children reached by a stem (`Argentin*` matches "Argentina", "Argentine") */
  stems?: { stem: string; test: (id: number) => boolean; node: TrieNode }[];
  /** the node after a gap (`Prince .. Amroth`): its children may follow one or two words later */
  gap?: TrieNode;
  /** on a root: the vocabulary id of "-", which joins the words of a name as a blank does */
  hyphen?: number;
}

/** Most words a gap (`..`) in a phrase may stand for. */
export const PHRASE_GAP = 2;

/**
 * Whether any phrase of the trie can start at token i: a child for its form
 * (or lemma), a stem it begins with, or a gap at the root. Most tokens start
 * none, and this spares them the walk.
 */
export function mayStart(root: TrieNode, tokens: TokenTable, i: number, lemmas: boolean): boolean {
  if (root.gap || root.next.has(tokens.norm[i]!) || (lemmas && root.next.has(tokens.lemma[i]!))) return true;
  if (!root.stems || tokens.has(i, FLAG.PUNCT)) return false;
  const id = tokens.norm[i]!;
  for (const s of root.stems) if (s.test(id)) return true;
  return false;
}

/** One step of a phrase in the trie: a token id, or a stem. */
type Step = number | { stem: string } | { gap: true };

/**
 * Every node a phrase starting at token i reaches, with the token after it:
 * exact children by surface (and lemma, for roles), stem children by prefix.
 */
export function walkTrie(root: TrieNode, tokens: TokenTable, i: number, end: number, lemmas: boolean): { node: TrieNode; end: number }[] {
  const out: { node: TrieNode; end: number }[] = [];
  if (!mayStart(root, tokens, i, lemmas)) return out;
  const step = (node: TrieNode, j: number) => {
    const exact = node.next.get(tokens.norm[j]!) ?? (lemmas ? node.next.get(tokens.lemma[j]!) : undefined);
    if (exact) visit(exact, j + 1);
    if (node.stems && !tokens.has(j, FLAG.PUNCT)) {
      for (const s of node.stems) if (s.node !== exact && s.test(tokens.norm[j]!)) visit(s.node, j + 1);
    }
    // a hyphen inside a name joins its words as a blank does: "Al-Gore" is "Al Gore"
    if (!exact && j > i && j + 1 < end && hyphen(j)) step(node, j + 1);
  };
  const hyphen = (j: number) => {
    const w = tokens.end[j]! - tokens.start[j]!;
    return w === 1 && root.hyphen !== undefined && tokens.norm[j] === root.hyphen && tokens.start[j] === tokens.end[j - 1] && tokens.end[j] === tokens.start[j + 1];
  };
  const visit = (node: TrieNode, j: number) => {
    if (j > i && node.targets.length) out.push({ node, end: j });
    if (j >= end) return;
    step(node, j);
    // a gap: up to two words (no punctuation; "state-run" is one word) before the phrase goes on
    if (node.gap) {
      step(node.gap, j);
      let words = 0;
      for (let k = j; k < end - 1; k++) {
        // the gap counts words between blanks: "state-run" is one; punctuation not inside a word ends the gap
        // quotation marks around a nickname stand in the gap too: Al "The Weasel" Gore
        if (tokens.has(k, FLAG.PUNCT) && !tokens.has(k, FLAG.QUOTE) && !(tokens.start[k] === tokens.end[k - 1] && tokens.end[k] === tokens.start[k + 1])) break;
        if (tokens.start[k] !== tokens.end[k - 1] && ++words > PHRASE_GAP) break;
        step(node.gap, k + 1);
      }
    }
  };
  visit(root, i);
  return out;
}

export interface ActorMatcher {
  names: TrieNode;
  roles: TrieNode;
  /** roles whose nouns list every form they match (AgentEntry.listedForms): walked without lemmas */
  listedRoles: TrieNode;
  dict: ActorDictionary;
  agents: Map<string, string>;
  /** office id → entry */
  offices: Map<string, OfficeEntry>;
  /** ids of nouns after which a name or adjective is no actor ("US dollars") */
  nonActorHeads: Set<number>;
}

const SHORT_CAPS = /^[A-Z0-9.&-]{1,6}$/;

/** The regular English plural of a noun: official → officials, militia → militias, gunman → gunmen, party → parties. */
export function plural(w: string): string {
  if (w.endsWith('man')) return w.slice(0, -3) + 'men';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
  return w + 's';
}

function insert(root: TrieNode, ids: Step[], target: PhraseTarget, vocab?: Vocabulary): void {
  let node = root;
  for (const id of ids) {
    let child: TrieNode | undefined;
    if (typeof id === 'object' && 'gap' in id) {
      child = node.gap ??= new TrieNode();
    } else if (typeof id === 'number') {
      child = node.next.get(id);
      if (!child) {
        child = new TrieNode();
        node.next.set(id, child);
      }
    } else {
      node.stems ??= [];
      child = node.stems.find((s) => s.stem === id.stem)?.node;
      if (!child) {
        child = new TrieNode();
        node.stems.push({ stem: id.stem, test: prefixTest([id.stem], vocab!), node: child });
      }
    }
    node = child;
  }
  if (!node.targets.some((t) => t.kind === target.kind && t.code === target.code && t.person === target.person && t.office === target.office && t.entry === target.entry)) {
    node.targets.push(target);
  }
}

export function compileActors(dict: ActorDictionary, tokenizer: Tokenizer, vocab: Vocabulary): ActorMatcher {
  const names = new TrieNode();
  const roles = new TrieNode();
  names.hyphen = roles.hyphen = vocab.intern('-');

  /** a phrase with stems (`Argentin*`) or gaps (`..`): its steps, the last token of a starred word a stem */
  const stemSteps = (text: string): { steps: Step[]; values: string[] } | null => {
    if (!/\S\*(\s|$)/.test(text) && !/(^|\s)\.\.(\s|$)/.test(text)) return null;
    const steps: Step[] = [];
    const values: string[] = [];
    for (const w of text.trim().split(/\s+/)) {
      if (w === '..') {
        // a gap: other words may stand here ("Prince .. Dol Amroth" in "the Prince of Dol Amroth")
        if (steps.length) steps.push({ gap: true });
        continue;
      }
      const star = w.endsWith('*') && w.length > 1;
      const toks = tokenizer.phrase(star ? w.slice(0, -1) : w);
      toks.forEach((tk, k) => {
        values.push(tk);
        steps.push(star && k === toks.length - 1 ? { stem: tk.toLowerCase() } : vocab.intern(tk.toLowerCase()));
      });
    }
    return { steps, values };
  };

  const addName = (p: Phrase, t: Omit<PhraseTarget, 'exact' | 'capFirst' | 'source' | 'phrase'>) => {
    const stemmed = stemSteps(p.text);
    if (stemmed) {
      if (!stemmed.values.length) return;
      const first = stemmed.values[0]!;
      insert(names, stemmed.steps, { ...t, capFirst: first[0] !== first[0]!.toLowerCase(), source: p.source, phrase: p.text }, vocab);
      return;
    }
    const values = tokenizer.phrase(p.text);
    if (!values.length) return;
    const letters = p.text.replace(/[^A-Za-z]/g, '');
    const exact = letters.length > 0 && letters.length <= 5 && SHORT_CAPS.test(p.text.replace(/\s+/g, '')) && letters === letters.toUpperCase()
      ? values
      : undefined;
    const first = values[0]!;
    const target: PhraseTarget = {
      ...t,
      capFirst: first[0] !== first[0]!.toLowerCase(),
      source: p.source,
      phrase: p.text,
    };
    if (exact) target.exact = exact;
    insert(names, values.map((v) => vocab.intern(v.toLowerCase())), target);
  };

  const listedRoles = new TrieNode();
  listedRoles.hyphen = names.hyphen;
  const addRole = (p: Phrase, t: Omit<PhraseTarget, 'capFirst' | 'source' | 'phrase'>, listed = false) => {
    const trie = listed ? listedRoles : roles;
    const stemmed = stemSteps(p.text);
    if (stemmed) {
      if (stemmed.values.length) insert(trie, stemmed.steps, { ...t, capFirst: false, source: p.source, phrase: p.text }, vocab);
      return;
    }
    const { values, lemmas } = tokenizer.phraseWithLemmas(p.text);
    if (!values.length) return;
    const target: PhraseTarget = { ...t, capFirst: false, source: p.source, phrase: p.text };
    insert(trie, values.map((v) => vocab.intern(v.toLowerCase())), target);
    // nouns that list their forms match as written (listedRoles is walked without lemmas)
    if (listed) return;
    const lemmaIds = lemmas.map((v) => vocab.intern(v.toLowerCase()));
    insert(roles, lemmaIds, target);
    // the plural as written: a capitalised plural opening a sentence ("Officials said", "Militants fired")
    // is tagged a proper noun, whose lemma is itself
    const last = lemmas[lemmas.length - 1]!.toLowerCase();
    if (/^[a-z]{3,}$/.test(last)) insert(roles, [...lemmaIds.slice(0, -1), vocab.intern(plural(last))], target);
  };

  for (const entry of dict.entries) {
    for (const p of entry.names) addName(p, { kind: 'name', code: entry.code, entry });
    for (const p of entry.adjectives) addName(p, { kind: 'adjective', code: entry.code, entry });
    for (const p of entry.demonyms) addName(p, { kind: 'demonym', code: entry.code, entry });
    for (const p of entry.capitals) addName(p, { kind: 'capital', code: entry.code, entry });
    for (const p of entry.places ?? []) addName(p, { kind: 'capital', code: p.code ?? entry.code, entry });
    for (const p of entry.institutions) addName(p, { kind: 'institution', code: p.code ?? entry.code + 'GOV', entry });
  }
  for (const person of dict.people) {
    addName({ text: person.name, source: person.source }, { kind: 'person', code: '', person });
    for (const p of person.names) addName(p, { kind: 'person', code: '', person });
  }
  const agents = new Map<string, string>();
  for (const agent of dict.agents) {
    agents.set(agent.code, agent.name);
    for (const p of agent.nouns) addRole(p, { kind: 'agent', code: agent.code, ...(agent.prefix ? { prefix: true } : {}) }, agent.listedForms === true);
  }
  const offices = new Map<string, OfficeEntry>();
  for (const office of dict.offices) {
    offices.set(office.id, office);
    for (const p of office.titles) addRole(p, { kind: 'title', code: office.agent, office });
    for (const [country, list] of office.countryTitles) {
      for (const p of list) addRole(p, { kind: 'title', code: office.agent, office, country });
    }
  }
  const nonActorHeads = new Set<number>();
  for (const p of dict.nonActorHeads ?? []) {
    const { values, lemmas } = tokenizer.phraseWithLemmas(p.text);
    if (values.length !== 1) continue;
    nonActorHeads.add(vocab.intern(values[0]!.toLowerCase()));
    nonActorHeads.add(vocab.intern(lemmas[0]!.toLowerCase()));
  }
  return { names, roles, listedRoles, dict, agents, offices, nonActorHeads };
}
