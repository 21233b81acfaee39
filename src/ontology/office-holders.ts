/**
 * Who held an office on a date, and which roles a person held on a date.
 *
 * People's roles are dated (`role: USA foreign-minister 2021-01-26..2025-01-20`,
 * docs/dictionary-format.md), so "the head of the State Department" on
 * 2022-01-27 is Antony Blinken and "the Chinese foreign minister" is Wang Yi.
 *
 * Dates given here may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A day asks about
 * that day; a month or year asks about anyone who held the role at some time
 * in that period (so a year of transition returns both holders, earliest first).
 */
import { DyadError } from '../core/errors.js';
import type { ActorDictionary, PersonEntry, Role } from './types.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The inclusive first and last day a `YYYY[-MM[-DD]]` date covers. */
export function datePeriod(date: string): { first: string; last: string } {
  const m = DATE.exec(date);
  if (!m) throw new DyadError('E_USAGE', `"${date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const year = m[1]!;
  if (m[3]) return { first: date, last: date };
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new DyadError('E_USAGE', `"${date}" has no month ${month}`);
    const days = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
    return { first: `${year}-${m[2]}-01`, last: `${year}-${m[2]}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** Whether a role was held at some time in the period [first, last]. */
function overlaps(role: Role, first: string, last: string): boolean {
  if (role.from && role.from > last) return false;
  if (role.until && role.until < first) return false;
  return true;
}

/** The roles a person held on a date (or at some time in a month or year), in file order. */
export function rolesOn(person: PersonEntry, date: string): Role[] {
  const { first, last } = datePeriod(date);
  return person.roles.filter((r) => overlaps(r, first, last));
}

export interface OfficeTerm {
  person: PersonEntry;
  role: Role;
}

type OfficeIndex = Map<string, OfficeTerm[]>;
const indexes = new WeakMap<ActorDictionary, OfficeIndex>();

function key(code: string, office: string): string {
  return `${code} ${office}`;
}

/** All terms of every office, by `CODE office`, earliest first; built once per dictionary. */
export function officeIndex(dict: ActorDictionary): OfficeIndex {
  let index = indexes.get(dict);
  if (index) return index;
  index = new Map();
  for (const person of dict.people) {
    for (const role of person.roles) {
      if (!role.office) continue;
      const k = key(role.code, role.office);
      const list = index.get(k);
      if (list) list.push({ person, role });
      else index.set(k, [{ person, role }]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => (a.role.from ?? '').localeCompare(b.role.from ?? ''));
  indexes.set(dict, index);
  return index;
}

/** Every term of an office for one country or organisation, earliest first. */
export function termsOf(dict: ActorDictionary, code: string, office: string): OfficeTerm[] {
  return officeIndex(dict).get(key(code, office)) ?? [];
}

/**
 * The people who held `office` for `code` (a country such as USA, or an
 * organisation such as IGOUNO) on `date`, earliest term first. Usually one;
 * none when the dictionary does not know; two in a period of transition or
 * where an office is shared or contested.
 */
export function holdersOf(dict: ActorDictionary, code: string, office: string, date: string): PersonEntry[] {
  const { first, last } = datePeriod(date);
  const out: PersonEntry[] = [];
  for (const t of termsOf(dict, code, office)) {
    if (overlaps(t.role, first, last) && !out.includes(t.person)) out.push(t.person);
  }
  return out;
}

/**
 * The actor code a role stands for: a bare three-letter state code takes the
 * office's agent (USA + foreign-minister -> USAGOV, RUS + chief-of-defence ->
 * RUSMIL); a longer code is a full actor code and is used as written
 * (IGOUNO, PSEREBHMS, RUSGOV); a role without an office codes as its code.
 */
export function roleActorCode(dict: ActorDictionary, role: Role): string {
  if (!role.office || role.code.length !== 3) return role.code;
  let agents = officeAgents.get(dict);
  if (!agents) {
    agents = new Map(dict.offices.map((o) => [o.id, o.agent]));
    officeAgents.set(dict, agents);
  }
  return role.code + (agents.get(role.office) ?? 'GOV');
}
const officeAgents = new WeakMap<ActorDictionary, Map<string, string>>();

/** How names compare: case, Unicode form and spacing ignored. */
function nameKey(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The people a name (canonical or other) stands for; usually one, several for a shared surname ("Assad"). */
export function peopleNamed(dict: ActorDictionary, name: string): PersonEntry[] {
  const k = nameKey(name);
  return dict.people.filter((p) => nameKey(p.name) === k || p.names.some((n) => nameKey(n.text) === k));
}

/**
 * Of people who share a name, the one the article's date points to: the only
 * one holding a role on that date. Undefined when none does, or more than one
 * (then the name alone cannot say who is meant).
 */
export function personOn(people: readonly PersonEntry[], date: string): PersonEntry | undefined {
  if (people.length === 1) return people[0];
  const active = people.filter((p) => rolesOn(p, date).length > 0);
  return active.length === 1 ? active[0] : undefined;
}
