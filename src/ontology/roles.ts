/**
 * Which code a person carries on a date. Built on office-holders.ts, the one
 * home of dated roles (rolesOn, holdersOf, roleActorCode, personOn).
 */
import { roleActorCode, rolesOn } from './office-holders.js';
import type { ActorDictionary, PersonEntry, Role } from './types.js';

export interface PersonCoding {
  code: string;
  role: Role | null;
  /** true when the person held no role on the date and is coded as a former office-holder */
  former: boolean;
}

/**
 * The code of a person on a date. The role that matches the office or the
 * country the text names wins; else the first role valid that day (the
 * dictionary writes the senior post first). With no role that day, a person
 * who held one before is a former office-holder (country + ELI); one whose
 * roles all lie ahead has no code yet. With no date, the latest role counts.
 */
export function codePerson(
  dict: ActorDictionary,
  person: PersonEntry,
  date: string | null,
  hint: { office?: string; country?: string } = {},
): PersonCoding {
  const valid = date ? rolesOn(person, date) : [...person.roles].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  if (valid.length) {
    const pick =
      valid.find((r) => hint.office && r.office === hint.office && (!hint.country || r.code.startsWith(hint.country))) ??
      valid.find((r) => hint.country && r.code.startsWith(hint.country)) ??
      valid[0]!;
    return { code: roleActorCode(dict, pick), role: pick, former: false };
  }
  const past = person.roles
    .filter((r) => r.until !== null && date !== null && r.until < date)
    .sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''));
  if (past.length) return { code: past[0]!.code.slice(0, 3) + 'ELI', role: past[0]!, former: true };
  return { code: '', role: null, former: false };
}
