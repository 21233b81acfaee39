/**
 * Loaders for dyad's actor dictionaries (docs/dictionary-format.md):
 * countries, organisations, groups, agents, offices and people.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  parseBlockFile,
  listValues,
  checkKeys,
  fieldsOf,
  firstField,
  dictError,
  type BlockEntry,
  type BlockField,
} from './block-file.js';
import { parseDateRange } from './dates.js';
import type {
  ActorDictionary,
  ActorEntry,
  AgentEntry,
  NamedActorKind,
  OfficeEntry,
  PersonEntry,
  Phrase,
  Role,
} from './types.js';

/** Actor codes: upper-case letters and digits, in groups of three (CHN, CHNGOV, IGOWSTNAT). */
export const ACTOR_CODE = /^[A-Z0-9]{3,}$/;
const AGENT_CODE = /^[A-Z0-9]{3}$/;

function phrases(field: BlockField, file: string, allowCode: boolean): Phrase[] {
  const out: Phrase[] = [];
  for (const item of listValues(field.value)) {
    const source = { file, line: field.line };
    const arrow = item.indexOf('=>');
    if (arrow >= 0) {
      if (!allowCode) throw dictError(`"${item}": a code override (=>) is not allowed in "${field.key}"`, file, field.line);
      const text = item.slice(0, arrow).trim();
      const code = item.slice(arrow + 2).trim();
      if (!ACTOR_CODE.test(code)) throw dictError(`"${code}" is not an actor code`, file, field.line);
      if (!text) throw dictError(`"${item}" has no phrase before =>`, file, field.line);
      out.push({ text, code, source });
    } else {
      out.push({ text: item, source });
    }
  }
  return out;
}

function allPhrases(entry: BlockEntry, key: string, file: string, allowCode = false): Phrase[] {
  return fieldsOf(entry, key).flatMap((f) => phrases(f, file, allowCode));
}

/** `CODE  Name` */
function splitHead(entry: BlockEntry, file: string, codeRe: RegExp): { code: string; name: string } {
  const m = /^(\S+)\s+(.+)$/.exec(entry.head);
  if (!m) throw dictError(`entry head "${entry.head}" should be "CODE  Name"`, file, entry.line);
  if (!codeRe.test(m[1]!)) throw dictError(`"${m[1]}" is not a valid code here`, file, entry.line);
  return { code: m[1]!, name: m[2]!.trim() };
}

const NAMED_KEYS = new Set(['names', 'adjectives', 'demonyms', 'capitals', 'places', 'institutions', 'iso2', 'from', 'until', 'note']);

export function parseNamedActors(source: string, file: string, kind: NamedActorKind): ActorEntry[] {
  const out: ActorEntry[] = [];
  const seen = new Map<string, number>();
  for (const entry of parseBlockFile(source, file).entries) {
    checkKeys(entry, file, NAMED_KEYS);
    const { code, name } = splitHead(entry, file, ACTOR_CODE);
    const before = seen.get(code);
    if (before !== undefined) throw dictError(`code ${code} is defined twice (first on line ${before})`, file, entry.line);
    seen.set(code, entry.line);
    const a: ActorEntry = {
      code,
      name,
      kind,
      names: allPhrases(entry, 'names', file),
      adjectives: allPhrases(entry, 'adjectives', file),
      demonyms: allPhrases(entry, 'demonyms', file),
      capitals: allPhrases(entry, 'capitals', file),
      places: allPhrases(entry, 'places', file, true),
      institutions: allPhrases(entry, 'institutions', file, true),
      source: { file, line: entry.line },
    };
    const iso2 = firstField(entry, 'iso2');
    if (iso2) {
      if (!/^[A-Z]{2}$/.test(iso2.value)) throw dictError(`iso2 "${iso2.value}" is not two capital letters`, file, iso2.line);
      a.iso2 = iso2.value;
    }
    const from = firstField(entry, 'from');
    const until = firstField(entry, 'until');
    if (from) a.from = parseDateRange(from.value + '..', file, from.line).from!;
    if (until) a.until = parseDateRange('..' + until.value, file, until.line).until!;
    out.push(a);
  }
  return out;
}

export function parseAgents(source: string, file: string): AgentEntry[] {
  const out: AgentEntry[] = [];
  const keys = new Set(['nouns', 'position', 'match', 'note']);
  for (const entry of parseBlockFile(source, file).entries) {
    checkKeys(entry, file, keys);
    const { code, name } = splitHead(entry, file, AGENT_CODE);
    const a: AgentEntry = { code, name, nouns: allPhrases(entry, 'nouns', file), source: { file, line: entry.line } };
    // `position: before`: the agent's code goes before the actor's ("MSF Arnor": NGOARN)
    const position = firstField(entry, 'position');
    if (position) {
      if (position.value !== 'before' && position.value !== 'after') throw dictError(`position should be before or after`, file, position.line);
      if (position.value === 'before') a.prefix = true;
    }
    // `match: forms`: the nouns match only as written, not in other inflections
    const match = firstField(entry, 'match');
    if (match) {
      if (match.value !== 'forms' && match.value !== 'lemma') throw dictError(`match should be lemma or forms`, file, match.line);
      if (match.value === 'forms') a.listedForms = true;
    }
    out.push(a);
  }
  return out;
}

const OFFICE_ID = /^[a-z][a-z0-9-]*$/;

export function parseOffices(source: string, file: string, agentCodes: ReadonlySet<string>): OfficeEntry[] {
  const out: OfficeEntry[] = [];
  for (const entry of parseBlockFile(source, file).entries) {
    const { code: id, name } = splitHead(entry, file, OFFICE_ID);
    const office: OfficeEntry = {
      id,
      name,
      agent: 'GOV',
      titles: [],
      countryTitles: new Map(),
      source: { file, line: entry.line },
    };
    for (const f of entry.fields) {
      if (f.key === 'agent') {
        if (!agentCodes.has(f.value)) throw dictError(`agent "${f.value}" is not in agents.txt`, file, f.line);
        office.agent = f.value;
      } else if (f.key === 'titles') {
        office.titles.push(...phrases(f, file, false));
      } else if (f.key.startsWith('titles.')) {
        const country = f.key.slice('titles.'.length);
        if (!ACTOR_CODE.test(country)) throw dictError(`"${country}" in "${f.key}" is not an actor code`, file, f.line);
        const list = office.countryTitles.get(country) ?? [];
        list.push(...phrases(f, file, false));
        office.countryTitles.set(country, list);
      } else if (f.key !== 'note') {
        throw dictError(`unknown field "${f.key}" (known here: agent, titles, titles.CODE, note)`, file, f.line);
      }
    }
    out.push(office);
  }
  return out;
}

/** `role: CODE OFFICE FROM..TO` */
function parseRole(f: BlockField, file: string, offices: ReadonlySet<string>): Role {
  const parts = f.value.split(/\s+/);
  if (parts.length !== 3) {
    throw dictError(`role "${f.value}" should be "CODE OFFICE FROM..TO" (OFFICE may be "-")`, file, f.line);
  }
  const [code, office, range] = parts as [string, string, string];
  if (!ACTOR_CODE.test(code)) throw dictError(`"${code}" is not an actor code`, file, f.line);
  if (office !== '-' && !offices.has(office)) throw dictError(`office "${office}" is not in offices.txt`, file, f.line);
  const { from, until } = parseDateRange(range, file, f.line);
  return { code, office: office === '-' ? null : office, from, until, source: { file, line: f.line } };
}

export function parsePeople(source: string, file: string, offices: ReadonlySet<string>): PersonEntry[] {
  const out: PersonEntry[] = [];
  const keys = new Set(['names', 'gender', 'role', 'note']);
  for (const entry of parseBlockFile(source, file).entries) {
    checkKeys(entry, file, keys);
    const person: PersonEntry = {
      name: entry.head,
      names: allPhrases(entry, 'names', file),
      roles: fieldsOf(entry, 'role').map((f) => parseRole(f, file, offices)),
      source: { file, line: entry.line },
    };
    const g = firstField(entry, 'gender');
    if (g) {
      if (g.value !== 'm' && g.value !== 'f') throw dictError(`gender "${g.value}" should be m or f`, file, g.line);
      person.gender = g.value;
    }
    if (!person.roles.length) throw dictError(`${person.name} has no role`, file, entry.line);
    out.push(person);
  }
  return out;
}

function read(root: string, rel: string): { source: string; file: string } {
  return { source: readFileSync(join(root, rel), 'utf8'), file: rel };
}

/** Loads `actors/` under an ontology root. File names in provenance are relative to the root. */
export function loadActorDictionary(root: string): ActorDictionary {
  const dir = join(root, 'actors');
  const entries: ActorEntry[] = [];
  const kinds: [string, NamedActorKind][] = [
    ['countries.txt', 'country'],
    ['organisations.txt', 'organisation'],
    ['groups.txt', 'group'],
    // ethnic and religious communities code like groups: "Kurdish militants" KURREB, "Shiite militias" MOSSHIUAF
    ['communities.txt', 'community'],
  ];
  for (const [name, kind] of kinds) {
    if (!existsSync(join(dir, name))) continue;
    const { source, file } = read(root, join('actors', name));
    entries.push(...parseNamedActors(source, file, kind));
  }
  const agents = existsSync(join(dir, 'agents.txt'))
    ? parseAgents(...(Object.values(read(root, 'actors/agents.txt')) as [string, string]))
    : [];
  const agentCodes = new Set(agents.map((a) => a.code));
  const offices = existsSync(join(dir, 'offices.txt'))
    ? parseOffices(read(root, 'actors/offices.txt').source, 'actors/offices.txt', agentCodes)
    : [];
  const officeIds = new Set(offices.map((o) => o.id));
  const people: PersonEntry[] = [];
  const peopleDir = join(dir, 'people');
  if (existsSync(peopleDir)) {
    for (const name of readdirSync(peopleDir).filter((n) => n.endsWith('.txt')).sort()) {
      const rel = relative(root, join(peopleDir, name));
      people.push(...parsePeople(readFileSync(join(peopleDir, name), 'utf8'), rel, officeIds));
    }
  }
  const nonActorHeads: Phrase[] = [];
  if (existsSync(join(dir, 'non-actor-heads.txt'))) {
    const { source, file } = read(root, 'actors/non-actor-heads.txt');
    for (const entry of parseBlockFile(source, file).entries) {
      checkKeys(entry, file, new Set(['nouns', 'note']));
      nonActorHeads.push(...allPhrases(entry, 'nouns', file));
    }
  }
  return { entries, agents, offices, people, nonActorHeads };
}
