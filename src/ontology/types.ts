/**
 * The ontology as loaded: plain data with provenance, before compilation into
 * matchers. Loaded once per engine (see load-ontology.ts).
 */
import type { Provenance } from '../core/layers.js';

export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  /** the two-digit root: "13" for "1312" */
  root: string;
  /** the code one level up ("131" for "1312", "13" for "131"); absent for roots */
  parent?: string;
  /** true when the file gives no Goldstein value and the parent's is used */
  goldsteinInherited?: boolean;
  description?: string;
  /** editors' notes (provenance, differences between sources) */
  notes?: string[];
  source: Provenance;
}

export interface PloverType {
  type: string;
  name: string;
  /** the PLOVER quad category this type falls in */
  quad: 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';
  modes: string[];
  /** whether the type needs a recipient (the manual's "Requires recipient") */
  recipientRequired: boolean;
  /** the PLOVER conflict-cooperation score of the type (-10 .. +10) */
  score?: number;
  /** scores of single modes, where the PLOVER manual gives them */
  modeScores: Map<string, number>;
  description?: string;
  source: Provenance;
}

export interface PloverMapping {
  cameo: string;
  /** a PLOVER type, or "" for "no PLOVER type" (CAMEO root 01) */
  type: string;
  mode?: string;
  context: string[];
  source: Provenance;
}

/** A phrase from a dictionary, with where it was written. */
export interface Phrase {
  text: string;
  source: Provenance;
  /** an explicit code for this phrase, overriding the entry's (`Pentagon => USAMIL`) */
  code?: string;
}

export type NamedActorKind = 'country' | 'organisation' | 'group' | 'community';

/** A country, an international organisation or a non-state group. */
export interface ActorEntry {
  code: string;
  name: string;
  kind: NamedActorKind;
  /** names that stand for the actor itself */
  names: Phrase[];
  /** adjectives that modify an agent noun ("Chinese officials") or stand alone */
  adjectives: Phrase[];
  /** plural nouns for the people ("Americans", "Ukrainians") */
  demonyms: Phrase[];
  /** capitals used for the state ("Washington", "Moscow") */
  capitals: Phrase[];
  /**
   * regions, territories and cities that locate the state in news ("Crimea",
   * "Kharkiv", "Gaza City"); matched like capitals, with an optional code of
   * their own (`Kurdistan Region => IRQKRD`)
   */
  places?: Phrase[];
  /** seats of power and institutions with their own codes ("the Kremlin" => RUSGOV) */
  institutions: Phrase[];
  /** the ISO 3166 alpha-2 code, for countries */
  iso2?: string;
  /** for countries that ceased to exist or changed codes: the dates the entry is valid */
  from?: string;
  until?: string;
  source: Provenance;
}

/** An agent: a role noun that codes without a name ("officials" → GOV). */
export interface AgentEntry {
  code: string;
  name: string;
  nouns: Phrase[];
  /** the agent's code goes before the actor's ("MSF Arnor" NGO + ARN = NGOARN), not after */
  prefix?: boolean;
  /**
   * the nouns are every form the agent matches, none through its lemma
   * (PETRARCH's agents: the reader makes the plurals, and `POLICE {}` has none)
   */
  listedForms?: boolean;
  source: Provenance;
}

/**
 * A phrase that marks text as not political events (sports, markets, crime
 * briefs): the sentence holding it, or with `story` the whole article, is not
 * coded.
 */
export interface DiscardEntry {
  phrase: Phrase;
  scope: 'sentence' | 'story';
}

/** An office kind, e.g. foreign-minister, with generic and country-specific titles. */
export interface OfficeEntry {
  id: string;
  name: string;
  /** agent code the holder carries: GOV, MIL, ... */
  agent: string;
  titles: Phrase[];
  /** titles that only apply to one country's office: "Secretary of State" for USA */
  countryTitles: Map<string, Phrase[]>;
  source: Provenance;
}

export interface Role {
  /** country code (USA) or full actor code (IGOUNO, USAGOV) */
  code: string;
  /** office id from offices.txt, or null when only the code is given */
  office: string | null;
  /** inclusive `YYYY-MM-DD`; null = since ever / still */
  from: string | null;
  until: string | null;
  source: Provenance;
}

export interface PersonEntry {
  name: string;
  names: Phrase[];
  gender?: 'm' | 'f';
  roles: Role[];
  source: Provenance;
}

export interface ActorDictionary {
  entries: ActorEntry[];
  agents: AgentEntry[];
  offices: OfficeEntry[];
  people: PersonEntry[];
  /** nouns after which a country's name or adjective is no actor: "US dollars", "the Chinese yuan" */
  nonActorHeads?: Phrase[];
}
