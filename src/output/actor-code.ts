/**
 * Reading a CAMEO actor code into the parts that event-data tables split it
 * into (Phoenix's Entity/Role/Attribute, GDELT's CountryCode, KnownGroupCode,
 * Religion and Type columns, PLOVER's code and sector).
 *
 * A CAMEO actor code is a run of three-letter groups, general to specific
 * (CAMEO codebook, chapter 3, "Hierarchical rules of coding"):
 *
 *     CHNGOV        China + government
 *     USAGOVMIL     United States + government + military (a defence minister)
 *     IGOWSTNAT     international governmental organisation + the West + NATO
 *     IGOUNOREFHCR  IGO + United Nations + refugees + the UNHCR
 *     NGOHRIAMN     NGO + human rights + Amnesty International
 *
 * The first group is the entity: a country (or region, for "the West"), or
 * one of CAMEO's international generic codes (IGO, IMG, INT, MNC, NGM, NGO,
 * UIS). The code sets below are CAMEO's (codebook tables 3.1–3.3 and GDELT's
 * CAMEO type, known-group and religion tables); codes outside them are kept
 * as they are, in `attribute`.
 */

/** International and transnational generic codes (codebook table 3.2). */
export const INTERNATIONAL = new Set(['IGO', 'IMG', 'INT', 'MNC', 'NGM', 'NGO', 'UIS']);

/** International region codes (codebook table 3.3). */
export const REGIONS = new Set([
  'AFR', 'ASA', 'BLK', 'CRB', 'CAU', 'CFR', 'CAS', 'CEU', 'EIN', 'EAF', 'EEU', 'EUR', 'LAM',
  'MEA', 'MDT', 'NAF', 'NMR', 'PGS', 'SCN', 'SAM', 'SAS', 'SEA', 'SAF', 'WAF', 'WST',
]);

/**
 * Role (agent, "sector") codes: the primary, secondary and tertiary role codes
 * of codebook table 3.1, PTY (party, 3.1.4) and SET (settlers, in GDELT's
 * type table).
 */
export const ROLES = new Set([
  // primary
  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY', 'UAF',
  // party
  'PTY',
  // secondary
  'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV', 'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'REF',
  // tertiary
  'MOD', 'RAD',
  'SET',
]);

/** Religion codes (GDELT's CAMEO religion table). */
export const RELIGIONS = new Set([
  'ADR', 'ALE', 'ATH', 'BAH', 'BUD', 'CHR', 'CON', 'CPT', 'CTH', 'DOX', 'DRZ', 'HIN', 'HSD', 'ITR', 'JAN', 'JEW',
  'JHW', 'LDS', 'MOS', 'MRN', 'NRM', 'PAG', 'PRO', 'SFI', 'SHI', 'SHN', 'SIK', 'SUN', 'TAO', 'UDX', 'ZRO',
]);

/** Organisations with a code of their own (GDELT's CAMEO known-group table). */
export const KNOWN_GROUPS = new Set([
  'AAM', 'ABD', 'ACC', 'ADB', 'AEU', 'AFB', 'ALQ', 'AMF', 'AML', 'AMN', 'AMU', 'ANO', 'APE', 'ARL', 'ASL', 'ASN',
  'ATD', 'BCA', 'BIS', 'BTH', 'CEM', 'CFA', 'CIS', 'CMN', 'COE', 'CPA', 'CPC', 'CRC', 'CSS', 'CWN', 'DFL', 'EBR',
  'ECA', 'EEC', 'EFT', 'ENN', 'FAO', 'FID', 'FIS', 'FLN', 'FTA', 'GCC', 'GIA', 'GOE', 'GOS', 'GSP', 'GSS', 'HCH',
  'HCR', 'HEZ', 'HIP', 'HMS', 'HRW', 'IAC', 'IAD', 'IAE', 'IAF', 'ICC', 'ICG', 'ICJ', 'ICO', 'IDB', 'IGC', 'IHF',
  'ILO', 'IMF', 'IOM', 'IPU', 'IRC', 'ISJ', 'ITP', 'JUR', 'KDP', 'KID', 'LBA', 'LKD', 'MBR', 'MRZ', 'MSF', 'MSP',
  'NAT', 'NEP', 'NON', 'OAS', 'OAU', 'OIC', 'OPC', 'PAP', 'PFL', 'PLF', 'PLO', 'PLS', 'PMD', 'PRC', 'PSE', 'RCR',
  'RND', 'SAA', 'SAD', 'SCE', 'SHA', 'SOT', 'TAL', 'UEM', 'UNO', 'WAD', 'WAM', 'WAS', 'WBK', 'WCT', 'WEF', 'WFP',
  'WHO', 'WTO', 'XFM',
  // other special organisation codes GDELT's type table lists
  'GRP', 'PKO',
]);

export interface ActorCodeParts {
  /** the whole code, as coded */
  full: string;
  /** its three-letter groups (a shorter tail, as in the two-letter `EU`, is kept as a group) */
  groups: string[];
  /** the first group: a country, a region, or an international generic code */
  entity: string;
  /** the country or region the actor belongs to: the entity, or for an international actor (NGOUSA, IGOWSTNAT) the group after it when that is a region or a known country ('' if none) */
  country: string;
  /** the first role (agent) code after the entity: GOV in CHNGOV and USAGOVMIL; '' if none */
  role: string;
  /** the groups after the entity other than `role`, in order, joined: MIL in USAGOVMIL, WSTNAT in IGOWSTNAT */
  attribute: string;
  /** GDELT-style type codes, in order: international generic codes, then role codes */
  types: string[];
  /** the first known-group code: NAT in IGOWSTNAT, UNO in IGOUNO ('' if none) */
  knownGroup: string;
  /** religion codes, in order */
  religions: string[];
}

/** Splits a code into three-letter groups. */
export function codeGroups(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i += 3) out.push(code.slice(i, i + 3));
  return out;
}

/**
 * The parts of a CAMEO actor code; all fields empty for an empty or null code.
 * `countries` (the ontology's country codes) lets a country after an
 * international code be recognised (NGOUSA); without it only regions are.
 */
export function parseActorCode(code: string | null | undefined, countries?: ReadonlySet<string>): ActorCodeParts {
  const full = (code ?? '').trim().toUpperCase();
  const groups = full ? codeGroups(full) : [];
  const parts: ActorCodeParts = { full, groups, entity: groups[0] ?? '', country: '', role: '', attribute: '', types: [], knownGroup: '', religions: [] };
  if (!groups.length) return parts;
  const first = groups[0]!;
  const international = INTERNATIONAL.has(first);
  const rest: string[] = [];
  let countryAt = -1;
  if (international) {
    parts.types.push(first);
    const second = groups[1];
    // NGOUSA, MNCUSA, IGOWSTNAT: a country or region right after the generic code
    if (second && (REGIONS.has(second) || countries?.has(second))) {
      parts.country = second;
      countryAt = 1;
    }
  } else if (RELIGIONS.has(first)) {
    // a religious group with no country: MOS, CHRCTH
    parts.religions.push(first);
  } else {
    parts.country = first;
  }
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i]!;
    if (i === countryAt) {
      rest.push(g);
      continue;
    }
    if (!parts.role && ROLES.has(g)) {
      parts.role = g;
      continue;
    }
    if (ROLES.has(g) || INTERNATIONAL.has(g)) {
      if (!parts.types.includes(g)) parts.types.push(g);
    } else if (RELIGIONS.has(g)) {
      parts.religions.push(g);
    } else if (!parts.knownGroup && KNOWN_GROUPS.has(g)) {
      parts.knownGroup = g;
    }
    rest.push(g);
  }
  if (parts.role) parts.types.splice(international ? 1 : 0, 0, parts.role);
  parts.attribute = rest.join('');
  return parts;
}
