/**
 * Compiles the actor dictionary into two tries over interned token ids:
 * names (matched on the lower-cased surface) and roles (agent nouns and
 * office titles, matched on surface or lemma so plurals match).
 */
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Provenance } from '../../core/layers.js';
import type { Tokenizer } from '../../nlp/wink.js';
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
}

export interface ActorMatcher {
  names: TrieNode;
  roles: TrieNode;
  dict: ActorDictionary;
  agents: Map<string, string>;
  /** office id → entry */
  offices: Map<string, OfficeEntry>;
}

const SHORT_CAPS = /^[A-Z0-9.&-]{1,6}$/;

function insert(root: TrieNode, ids: number[], target: PhraseTarget): void {
  let node = root;
  for (const id of ids) {
    let child = node.next.get(id);
    if (!child) {
      child = new TrieNode();
      node.next.set(id, child);
    }
    node = child;
  }
  if (!node.targets.some((t) => t.kind === target.kind && t.code === target.code && t.person === target.person && t.office === target.office)) {
    node.targets.push(target);
  }
}

export function compileActors(dict: ActorDictionary, tokenizer: Tokenizer, vocab: Vocabulary): ActorMatcher {
  const names = new TrieNode();
  const roles = new TrieNode();

  const addName = (p: Phrase, t: Omit<PhraseTarget, 'exact' | 'capFirst' | 'source' | 'phrase'>) => {
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

  const addRole = (p: Phrase, t: Omit<PhraseTarget, 'capFirst' | 'source' | 'phrase'>) => {
    const { values, lemmas } = tokenizer.phraseWithLemmas(p.text);
    if (!values.length) return;
    const target: PhraseTarget = { ...t, capFirst: false, source: p.source, phrase: p.text };
    insert(roles, values.map((v) => vocab.intern(v.toLowerCase())), target);
    const lemmaIds = lemmas.map((v) => vocab.intern(v.toLowerCase()));
    insert(roles, lemmaIds, target);
  };

  for (const entry of dict.entries) {
    for (const p of entry.names) addName(p, { kind: 'name', code: entry.code, entry });
    for (const p of entry.adjectives) addName(p, { kind: 'adjective', code: entry.code, entry });
    for (const p of entry.demonyms) addName(p, { kind: 'demonym', code: entry.code, entry });
    for (const p of entry.capitals) addName(p, { kind: 'capital', code: entry.code, entry });
    for (const p of entry.institutions) addName(p, { kind: 'institution', code: p.code ?? entry.code + 'GOV', entry });
  }
  for (const person of dict.people) {
    addName({ text: person.name, source: person.source }, { kind: 'person', code: '', person });
    for (const p of person.names) addName(p, { kind: 'person', code: '', person });
  }
  const agents = new Map<string, string>();
  for (const agent of dict.agents) {
    agents.set(agent.code, agent.name);
    for (const p of agent.nouns) addRole(p, { kind: 'agent', code: agent.code });
  }
  const offices = new Map<string, OfficeEntry>();
  for (const office of dict.offices) {
    offices.set(office.id, office);
    for (const p of office.titles) addRole(p, { kind: 'title', code: office.agent, office });
    for (const [country, list] of office.countryTitles) {
      for (const p of list) addRole(p, { kind: 'title', code: office.agent, office, country });
    }
  }
  return { names, roles, dict, agents, offices };
}
