/** Which role a person held on a date, and which code that gives them. */
import { inRange } from './dates.js';
import type { OfficeEntry, PersonEntry, Role } from './types.js';

export function rolesOn(person: PersonEntry, date: string | null): Role[] {
  return person.roles.filter((r) => inRange(date, r.from, r.until));
}

/** The actor code a role gives: a country code gets the office's agent (USA + GOV). */
export function roleCode(role: Role, offices: ReadonlyMap<string, OfficeEntry>): string {
  if (role.code.length > 3) return role.code;
  const office = role.office ? offices.get(role.office) : undefined;
  return role.code + (office?.agent ?? 'GOV');
}

export interface PersonCoding {
  code: string;
  role: Role | null;
  /** true when the person held no role on the date and is coded as a former office-holder */
  former: boolean;
}

/**
 * The code of a person on a date. The role that matches the office or the
 * country the text names wins; else the first role valid that day (dictionary
 * order puts the senior post first). With no role that day, a person who held
 * one before is a former office-holder (country + ELI); one whose roles all lie
 * ahead has no code yet. With no date, the latest role counts.
 */
export function codePerson(
  person: PersonEntry,
  date: string | null,
  offices: ReadonlyMap<string, OfficeEntry>,
  hint: { office?: string; country?: string } = {},
): PersonCoding {
  const valid = date ? rolesOn(person, date) : [...person.roles].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  if (valid.length) {
    const pick =
      valid.find((r) => hint.office && r.office === hint.office && (!hint.country || r.code.startsWith(hint.country))) ??
      valid.find((r) => hint.country && r.code.startsWith(hint.country)) ??
      valid[0]!;
    return { code: roleCode(pick, offices), role: pick, former: false };
  }
  const past = person.roles
    .filter((r) => r.until !== null && date !== null && r.until < date)
    .sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''));
  if (past.length) return { code: past[0]!.code.slice(0, 3) + 'ELI', role: past[0]!, former: true };
  return { code: '', role: null, former: false };
}

/** Who held an office in a country on a date. */
export function holdersOn(
  people: readonly PersonEntry[],
  country: string,
  office: string,
  date: string | null,
): PersonEntry[] {
  if (!date) return [];
  return people.filter((p) => p.roles.some((r) => r.office === office && r.code.startsWith(country) && inRange(date, r.from, r.until)));
}
