/**
 * Checks the shipped offices and people (ontology/actors/offices.txt,
 * ontology/actors/people/*.txt): they load, nobody is defined twice, names
 * are not shared except where listed, roles refer to real offices with
 * ordered, non-overlapping terms, and spot checks of who held what, when.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActorDictionary } from './load-actors.js';
import { holdersOf, rolesOn, roleActorCode, termsOf, datePeriod, peopleNamed, personOn } from './office-holders.js';
import type { ActorDictionary, PersonEntry } from './types.js';

const ONTOLOGY = join(import.meta.dirname, '..', '..', 'ontology');

/** The CAMEO agent codes the offices use, for a scratch copy while actors/agents.txt is not written yet. */
const SCRATCH_AGENTS = ['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'REB', 'SPY', 'PTY']
  .map((c) => `${c}  ${c.toLowerCase()}\n`)
  .join('');

let scratch: string | null = null;
let dict: ActorDictionary;

function load(): ActorDictionary {
  if (existsSync(join(ONTOLOGY, 'actors', 'agents.txt'))) return loadActorDictionary(ONTOLOGY);
  scratch = mkdtempSync(join(tmpdir(), 'dyad-people-'));
  mkdirSync(join(scratch, 'actors'));
  cpSync(join(ONTOLOGY, 'actors'), join(scratch, 'actors'), { recursive: true });
  writeFileSync(join(scratch, 'actors', 'agents.txt'), SCRATCH_AGENTS);
  return loadActorDictionary(scratch);
}

beforeAll(() => {
  dict = load();
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** How the matcher will see a phrase, near enough: case and spacing ignored. */
function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Names that two or more people may share, because the article's date tells
 * them apart (their terms do not overlap, beyond a handover day). Every other
 * name belongs to one person only.
 */
const SHARED_NAMES: Record<string, string[]> = {
  clinton: ['Bill Clinton', 'Hillary Clinton'],
  kirchner: ['Néstor Kirchner', 'Cristina Fernández de Kirchner'],
  castro: ['Fidel Castro', 'Raúl Castro'],
  miliband: ['David Miliband', 'Ed Miliband'],
  koizumi: ['Junichiro Koizumi', 'Shinjirō Koizumi'],
  kono: ['Yōhei Kōno', 'Tarō Kōno'],
  kōno: ['Yōhei Kōno', 'Tarō Kōno'],
  duterte: ['Rodrigo Duterte', 'Sara Duterte'],
  assad: ['Hafez al-Assad', 'Bashar al-Assad'],
  'al-assad': ['Hafez al-Assad', 'Bashar al-Assad'],
  sharaa: ['Farouk al-Sharaa', 'Ahmed al-Sharaa'],
  'al-sharaa': ['Farouk al-Sharaa', 'Ahmed al-Sharaa'],
  hariri: ['Rafic Hariri', 'Saad Hariri'],
  kabila: ['Laurent-Désiré Kabila', 'Joseph Kabila'],
  tshisekedi: ['Étienne Tshisekedi', 'Félix Tshisekedi'],
  deby: ['Idriss Déby', 'Mahamat Déby'],
  déby: ['Idriss Déby', 'Mahamat Déby'],
  bush: ['George H. W. Bush', 'George W. Bush'],
  'george bush': ['George H. W. Bush', 'George W. Bush'],
  'president bush': ['George H. W. Bush', 'George W. Bush'],
  marcos: ['Ferdinand Marcos', 'Ferdinand Marcos Jr.'],
  aquino: ['Corazon Aquino', 'Benigno Aquino III'],
};

/** How senior an office is, for ordering a person's concurrent roles (lower is senior). */
const SENIORITY: Record<string, number> = {
  'supreme-leader': 0,
  'head-of-state': 1,
  'party-leader': 1,
  'head-of-government': 2,
  'vice-president': 3,
  'deputy-head-of-government': 3,
  'crown-prince': 3,
  'secretary-general': 3,
  'commission-president': 3,
  'council-president': 3,
  'foreign-minister': 4,
  'defence-minister': 4,
  'interior-minister': 4,
  'finance-minister': 4,
  'justice-minister': 4,
  'speaker-of-parliament': 4,
  'national-security-adviser': 5,
};

/**
 * Shared names whose holders' terms do overlap, so the date alone cannot tell
 * them apart there; each with the reason it is still listed.
 */
const OVERLAP_ALLOWED: Record<string, string> = {
  sharaa:
    'Farouk al-Sharaa was vice president to 2014 while Ahmed al-Sharaa led the Nusra Front as "al-Julani" from 2012; news called the latter al-Sharaa only from December 2024',
  'al-sharaa': 'see sharaa',
};

function person(name: string): PersonEntry {
  const p = dict.people.find((x) => x.name === name);
  if (!p) throw new Error(`no person "${name}"`);
  return p;
}

function names(p: PersonEntry): Set<string> {
  return new Set([p.name, ...p.names.map((n) => n.text)].map(norm));
}

describe('offices and people load', () => {
  it('loads offices and many people', () => {
    expect(dict.offices.length).toBeGreaterThanOrEqual(20);
    expect(dict.people.length).toBeGreaterThan(300);
  });

  it('has the offices the actors stage relies on', () => {
    const ids = new Set(dict.offices.map((o) => o.id));
    for (const id of [
      'head-of-state',
      'head-of-government',
      'vice-president',
      'foreign-minister',
      'deputy-foreign-minister',
      'defence-minister',
      'interior-minister',
      'finance-minister',
      'ambassador-to-un',
      'chief-of-defence',
      'intelligence-chief',
      'secretary-general',
      'foreign-ministry-spokesperson',
      'government-spokesperson',
      'national-security-adviser',
      'opposition-leader',
      'speaker-of-parliament',
    ]) {
      expect(ids, id).toContain(id);
    }
    const agent = (id: string) => dict.offices.find((o) => o.id === id)!.agent;
    expect(agent('chief-of-defence')).toBe('MIL');
    expect(agent('opposition-leader')).toBe('OPP');
    expect(agent('speaker-of-parliament')).toBe('LEG');
    expect(agent('foreign-minister')).toBe('GOV');
  });

  it('defines every office once', () => {
    const seen = new Set<string>();
    for (const o of dict.offices) {
      expect(seen.has(o.id), `office ${o.id} defined twice`).toBe(false);
      seen.add(o.id);
    }
  });

  it('defines no person twice', () => {
    const seen = new Map<string, string>();
    for (const p of dict.people) {
      const at = `${p.source.file}:${p.source.line}`;
      const k = norm(p.name);
      expect(seen.get(k), `${p.name} at ${at} is also defined at ${seen.get(k)}`).toBeUndefined();
      seen.set(k, at);
    }
  });

  it('gives everyone a gender and at least one role', () => {
    for (const p of dict.people) {
      expect(p.gender, `${p.name} has no gender`).toMatch(/^[mf]$/);
      expect(p.roles.length, p.name).toBeGreaterThan(0);
    }
  });

  it('shares no name between people except the listed ones', () => {
    const owners = new Map<string, string[]>();
    for (const p of dict.people) {
      for (const n of names(p)) owners.set(n, [...(owners.get(n) ?? []), p.name]);
    }
    const problems: string[] = [];
    for (const [n, who] of owners) {
      if (who.length < 2) continue;
      const allowed = SHARED_NAMES[n];
      if (!allowed || [...who].sort().join('|') !== [...allowed].sort().join('|')) {
        problems.push(`"${n}": ${who.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    for (const [n, who] of Object.entries(SHARED_NAMES)) {
      expect(owners.get(n)?.sort(), `shared name "${n}"`).toEqual([...who].sort());
    }
  });

  it('tells the people sharing a name apart by date', () => {
    for (const [n, who] of Object.entries(SHARED_NAMES)) {
      if (OVERLAP_ALLOWED[n]) continue;
      const roles = who.flatMap((name) => person(name).roles.map((r) => ({ name, r })));
      for (const a of roles) {
        for (const b of roles) {
          if (a.name >= b.name) continue;
          const from = [a.r.from ?? '0000', b.r.from ?? '0000'].sort()[1]!;
          const until = [a.r.until ?? '9999', b.r.until ?? '9999'].sort()[0]!;
          // a handover day may be in both terms
          expect(from >= until, `"${n}": ${a.name} and ${b.name} overlap ${from}..${until}`).toBe(true);
        }
      }
    }
  });

  it('writes only bare surnames that are not common words', () => {
    const banned = ['wang', 'li', 'kim', 'lee', 'park', 'khan', 'singh', 'zhang', 'chen', 'liu', 'moon', 'rice', 'gates',
      'hussein', 'abdullah', 'mohammed', 'muhammad', 'ali', 'sharif', 'sharon', 'austin', 'powell', 'carter', 'santos',
      'martin', 'harris', 'johnson', 'fox', 'yang', 'wu', 'zhou', 'sun', 'ma', 'hu', 'kan', 'mori', 'ahmed', 'hassan',
      'fernandez', 'rodriguez', 'lopez', 'sanchez', 'garcia', 'gonzalez', 'cohen', 'katz', 'peretz', 'may', 'moon', 'ban'];
    for (const p of dict.people) {
      for (const b of banned) expect(names(p).has(b), `${p.name} has the bare name "${b}"`).toBe(false);
    }
  });

  it('keeps role ranges ordered and one person\'s terms in one office apart', () => {
    for (const p of dict.people) {
      for (const r of p.roles) {
        if (r.from && r.until) expect(r.from <= r.until, `${p.name} ${r.code} ${r.office}`).toBe(true);
      }
      const byOffice = new Map<string, typeof p.roles>();
      for (const r of p.roles) {
        if (!r.office) continue;
        const k = `${r.code} ${r.office}`;
        byOffice.set(k, [...(byOffice.get(k) ?? []), r]);
      }
      for (const [k, terms] of byOffice) {
        const sorted = [...terms].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1]!;
          expect(prev.until !== null && prev.until < (sorted[i]!.from ?? ''), `${p.name}: terms in ${k} overlap`).toBe(true);
        }
      }
    }
  });

  it('lists the senior of two concurrent roles with different codes first', () => {
    // the actors stage takes the first role valid on the date, so order decides the code
    const rank = (office: string | null): number =>
      office === null ? 9 : (SENIORITY[office] ?? 6);
    const problems: string[] = [];
    for (const p of dict.people) {
      p.roles.forEach((a, i) => {
        p.roles.forEach((b, j) => {
          if (j <= i) return;
          const overlap = (a.from ?? '0000') < (b.until ?? '9999') && (b.from ?? '0000') < (a.until ?? '9999');
          if (!overlap || roleActorCode(dict, a) === roleActorCode(dict, b)) return;
          if (rank(b.office) < rank(a.office)) problems.push(`${p.name}: ${b.code} ${b.office} should come before ${a.code} ${a.office}`);
        });
      });
    }
    expect(problems).toEqual([]);
  });

  it('refers only to offices that exist', () => {
    const ids = new Set(dict.offices.map((o) => o.id));
    for (const p of dict.people) for (const r of p.roles) if (r.office) expect(ids.has(r.office), r.office).toBe(true);
  });

  it('uses codes known to the actor files, once they are all written', () => {
    const files = ['countries.txt', 'organisations.txt', 'groups.txt'];
    if (!files.every((f) => existsSync(join(ONTOLOGY, 'actors', f)))) return;
    const known = new Set(dict.entries.map((e) => e.code));
    const missing = new Set<string>();
    for (const p of dict.people) {
      for (const r of p.roles) {
        const code = roleActorCode(dict, r);
        // a code is known if it or its state/organisation prefix is defined
        if (![code, code.slice(0, 3), code.slice(0, 6), code.slice(0, 9)].some((c) => known.has(c))) missing.add(r.code);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });
});

describe('holdersOf and rolesOn', () => {
  const who = (code: string, office: string, date: string) => holdersOf(dict, code, office, date).map((p) => p.name);

  // [code, office, date, expected holder(s)]
  const SPOT: [string, string, string, string | string[]][] = [
    // Americas
    ['USA', 'foreign-minister', '2022-01-27', 'Antony Blinken'],
    ['USA', 'foreign-minister', '2025-06-01', 'Marco Rubio'],
    ['USA', 'foreign-minister', '2003-02-05', 'Colin Powell'],
    ['USA', 'foreign-minister', '2011-05-01', 'Hillary Clinton'],
    ['USA', 'head-of-state', '2022-01-27', 'Joe Biden'],
    ['USA', 'head-of-state', '2019-06-01', 'Donald Trump'],
    ['USA', 'head-of-state', '2026-03-01', 'Donald Trump'],
    ['USA', 'head-of-state', '2005-06-01', 'George W. Bush'],
    ['USA', 'head-of-state', '2000-06-01', 'Bill Clinton'],
    ['USA', 'defence-minister', '2025-06-01', 'Pete Hegseth'],
    ['USA', 'defence-minister', '2003-03-20', 'Donald Rumsfeld'],
    ['USA', 'defence-minister', '2022', 'Lloyd Austin'],
    ['USA', 'national-security-adviser', '2022-01-27', 'Jake Sullivan'],
    ['USA', 'vice-president', '2014-01-01', 'Joe Biden'],
    ['USA', 'deputy-foreign-minister', '2016-01-01', 'Antony Blinken'],
    ['USA', 'ambassador-to-un', '2015-01-01', 'Samantha Power'],
    ['USA', 'chief-of-defence', '2021-01-06', 'Mark Milley'],
    ['USA', 'head-of-state', '2021', ['Donald Trump', 'Joe Biden']],
    ['CAN', 'head-of-government', '2018-01-01', 'Justin Trudeau'],
    ['CAN', 'head-of-government', '2025-06-01', 'Mark Carney'],
    ['MEX', 'head-of-state', '2020-01-01', 'Andrés Manuel López Obrador'],
    ['BRA', 'head-of-state', '2020-01-01', 'Jair Bolsonaro'],
    ['BRA', 'head-of-state', '2024-01-01', 'Luiz Inácio Lula da Silva'],
    ['BRA', 'head-of-state', '2016-07-01', 'Michel Temer'],
    ['ARG', 'head-of-state', '2024-06-01', 'Javier Milei'],
    ['ARG', 'head-of-state', '2010-06-01', 'Cristina Fernández de Kirchner'],
    ['COL', 'head-of-state', '2016-09-26', 'Juan Manuel Santos'],
    ['VEN', 'head-of-state', '2010-01-01', 'Hugo Chávez'],
    ['VEN', 'head-of-state', '2019-02-01', 'Nicolás Maduro'],
    // Europe
    ['DEU', 'head-of-government', '2022', 'Olaf Scholz'],
    ['DEU', 'head-of-government', '2025-06-01', 'Friedrich Merz'],
    ['DEU', 'head-of-government', '2010-01-01', 'Angela Merkel'],
    ['DEU', 'foreign-minister', '2022-01-27', 'Annalena Baerbock'],
    ['DEU', 'defence-minister', '2024-01-01', 'Boris Pistorius'],
    ['GBR', 'head-of-government', '2003-03-20', 'Tony Blair'],
    ['GBR', 'head-of-government', '2022-10-01', 'Liz Truss'],
    ['GBR', 'head-of-government', '2025-01-01', 'Keir Starmer'],
    ['GBR', 'foreign-minister', '2022-01-27', 'Liz Truss'],
    ['GBR', 'foreign-minister', '2024-01-01', 'David Cameron'],
    ['GBR', 'defence-minister', '2022-03-01', 'Ben Wallace'],
    ['GBR', 'head-of-state', '2023-05-06', 'Charles III'],
    ['GBR', 'opposition-leader', '2018-01-01', 'Jeremy Corbyn'],
    ['FRA', 'head-of-state', '2022-01-27', 'Emmanuel Macron'],
    ['FRA', 'head-of-state', '2010-01-01', 'Nicolas Sarkozy'],
    ['FRA', 'head-of-government', '2025-01-01', 'François Bayrou'],
    ['FRA', 'foreign-minister', '2003-02-14', 'Dominique de Villepin'],
    ['ITA', 'head-of-government', '2023-01-01', 'Giorgia Meloni'],
    ['ITA', 'head-of-government', '2004-01-01', 'Silvio Berlusconi'],
    ['ESP', 'head-of-government', '2020-01-01', 'Pedro Sánchez'],
    ['POL', 'head-of-state', '2022-03-01', 'Andrzej Duda'],
    ['HUN', 'head-of-government', '2022-03-01', 'Viktor Orbán'],
    ['TUR', 'head-of-state', '2022-03-01', 'Recep Tayyip Erdoğan'],
    ['TUR', 'head-of-government', '2005-01-01', 'Recep Tayyip Erdoğan'],
    ['TUR', 'foreign-minister', '2022-03-10', 'Mevlüt Çavuşoğlu'],
    ['SRB', 'head-of-state', '2020-01-01', 'Aleksandar Vučić'],
    // Russia and Eurasia
    ['RUS', 'foreign-minister', '2022', 'Sergey Lavrov'],
    ['RUS', 'foreign-minister', '2003-06-01', 'Igor Ivanov'],
    ['RUS', 'head-of-state', '2010-01-01', 'Dmitry Medvedev'],
    ['RUS', 'head-of-government', '2010-01-01', 'Vladimir Putin'],
    ['RUS', 'head-of-state', '2022-02-24', 'Vladimir Putin'],
    ['RUS', 'defence-minister', '2022-02-24', 'Sergei Shoigu'],
    ['RUS', 'defence-minister', '2025-01-01', 'Andrei Belousov'],
    ['RUS', 'chief-of-defence', '2022-02-24', 'Valery Gerasimov'],
    ['RUS', 'government-spokesperson', '2022-01-27', 'Dmitry Peskov'],
    ['RUS', 'foreign-ministry-spokesperson', '2022-01-27', 'Maria Zakharova'],
    ['UKR', 'head-of-state', '2022-03-01', 'Volodymyr Zelensky'],
    ['UKR', 'head-of-state', '2016-01-01', 'Petro Poroshenko'],
    ['UKR', 'head-of-state', '2012-01-01', 'Viktor Yanukovych'],
    ['UKR', 'foreign-minister', '2022-03-01', 'Dmytro Kuleba'],
    ['UKR', 'defence-minister', '2022-03-01', 'Oleksii Reznikov'],
    ['UKR', 'chief-of-defence', '2023-06-01', 'Valerii Zaluzhnyi'],
    ['BLR', 'head-of-state', '2020-08-09', 'Alexander Lukashenko'],
    ['GEO', 'head-of-state', '2008-08-08', 'Mikheil Saakashvili'],
    ['ARM', 'head-of-government', '2020-10-01', 'Nikol Pashinyan'],
    ['AZE', 'head-of-state', '2020-10-01', 'Ilham Aliyev'],
    // East and Southeast Asia
    ['CHN', 'foreign-minister', '2022-01-27', 'Wang Yi'],
    ['CHN', 'foreign-minister', '2023-03-01', 'Qin Gang'],
    ['CHN', 'foreign-minister', '2024-01-01', 'Wang Yi'],
    ['CHN', 'foreign-minister', '2010-01-01', 'Yang Jiechi'],
    ['CHN', 'head-of-state', '2022-01-27', 'Xi Jinping'],
    ['CHN', 'head-of-state', '2008-08-08', 'Hu Jintao'],
    ['CHN', 'head-of-government', '2020-01-01', 'Li Keqiang'],
    ['CHN', 'head-of-government', '2024-01-01', 'Li Qiang'],
    ['CHN', 'defence-minister', '2024-06-01', 'Dong Jun'],
    ['CHN', 'foreign-ministry-spokesperson', '2021-03-01', ['Hua Chunying', 'Zhao Lijian', 'Wang Wenbin']],
    ['TWN', 'head-of-state', '2020-01-01', 'Tsai Ing-wen'],
    ['JPN', 'head-of-government', '2015-01-01', 'Shinzo Abe'],
    ['JPN', 'head-of-government', '2022-01-27', 'Fumio Kishida'],
    ['JPN', 'head-of-government', '2025-11-01', 'Sanae Takaichi'],
    ['JPN', 'foreign-minister', '2018-01-01', 'Tarō Kōno'],
    ['KOR', 'head-of-state', '2018-04-27', 'Moon Jae-in'],
    ['KOR', 'head-of-state', '2024-12-03', 'Yoon Suk Yeol'],
    ['KOR', 'head-of-state', '2025-01-15', 'Choi Sang-mok'],
    ['KOR', 'head-of-state', '2025-07-01', 'Lee Jae-myung'],
    ['PRK', 'supreme-leader', '2010-01-01', 'Kim Jong Il'],
    ['PRK', 'supreme-leader', '2018-06-12', 'Kim Jong Un'],
    ['PRK', 'foreign-minister', '2023-01-01', 'Choe Son-hui'],
    ['IDN', 'head-of-state', '2020-01-01', 'Joko Widodo'],
    ['IDN', 'head-of-state', '2025-01-01', 'Prabowo Subianto'],
    ['IDN', 'foreign-minister', '2020-01-01', 'Retno Marsudi'],
    ['MMR', 'head-of-government', '2018-01-01', 'Aung San Suu Kyi'],
    ['MMR', 'head-of-state', '2022-01-01', ['Myint Swe', 'Min Aung Hlaing']],
    ['PHL', 'head-of-state', '2018-01-01', 'Rodrigo Duterte'],
    // South Asia
    ['IND', 'head-of-government', '2022-01-27', 'Narendra Modi'],
    ['IND', 'head-of-government', '2008-11-26', 'Manmohan Singh'],
    ['IND', 'foreign-minister', '2022-01-27', 'S. Jaishankar'],
    ['IND', 'defence-minister', '2022-01-27', 'Rajnath Singh'],
    ['PAK', 'head-of-state', '2005-01-01', 'Pervez Musharraf'],
    ['PAK', 'head-of-government', '2020-01-01', 'Imran Khan'],
    ['PAK', 'head-of-government', '2025-05-10', 'Shehbaz Sharif'],
    ['PAK', 'army-chief', '2025-05-10', 'Asim Munir'],
    ['AFG', 'head-of-state', '2010-01-01', 'Hamid Karzai'],
    ['AFG', 'head-of-state', '2019-01-01', 'Ashraf Ghani'],
    ['AFG', 'supreme-leader', '2023-01-01', 'Haibatullah Akhundzada'],
    ['AFG', 'foreign-minister', '2023-01-01', 'Amir Khan Muttaqi'],
    // Middle East
    ['ISR', 'head-of-government', '2023-10-07', 'Benjamin Netanyahu'],
    ['ISR', 'head-of-government', '2008-06-01', 'Ehud Olmert'],
    ['ISR', 'head-of-government', '2021-10-01', 'Naftali Bennett'],
    ['ISR', 'defence-minister', '2024-01-01', 'Yoav Gallant'],
    ['ISR', 'defence-minister', '2025-06-01', 'Israel Katz'],
    ['ISR', 'chief-of-defence', '2024-01-01', 'Herzi Halevi'],
    ['PSE', 'head-of-state', '2002-04-01', 'Yasser Arafat'],
    ['PSE', 'head-of-state', '2022-01-27', 'Mahmoud Abbas'],
    ['PSE', 'head-of-government', '2006-06-01', 'Ismail Haniyeh'],
    ['PSEREBHMS', 'group-leader', '2024-09-01', 'Yahya Sinwar'],
    ['PSEREBHMS', 'group-leader', '2020-01-01', ['Yahya Sinwar', 'Ismail Haniyeh']],
    ['IRN', 'supreme-leader', '2022-01-27', 'Ali Khamenei'],
    ['IRN', 'head-of-state', '2015-07-14', 'Hassan Rouhani'],
    ['IRN', 'head-of-state', '2025-06-13', 'Masoud Pezeshkian'],
    ['IRN', 'foreign-minister', '2015-07-14', 'Mohammad Javad Zarif'],
    ['IRN', 'foreign-minister', '2025-06-13', 'Abbas Araghchi'],
    ['IRN', 'guard-commander', '2020-01-03', 'Hossein Salami'],
    ['IRQ', 'head-of-state', '2002-01-01', 'Saddam Hussein'],
    ['IRQ', 'head-of-government', '2010-01-01', 'Nouri al-Maliki'],
    ['IRQ', 'head-of-government', '2024-01-01', 'Mohammed Shia al-Sudani'],
    ['SYR', 'head-of-state', '2013-08-21', 'Bashar al-Assad'],
    ['SYR', 'head-of-state', '2025-06-01', 'Ahmed al-Sharaa'],
    ['SYR', 'foreign-minister', '2015-01-01', 'Walid Muallem'],
    ['LBNREBHEZ', 'secretary-general', '2006-07-12', 'Hassan Nasrallah'],
    ['LBN', 'head-of-state', '2020-08-04', 'Michel Aoun'],
    ['EGY', 'head-of-state', '2012-12-01', 'Mohamed Morsi'],
    ['EGY', 'head-of-state', '2020-01-01', 'Abdel Fattah el-Sisi'],
    ['SAU', 'head-of-state', '2010-01-01', 'King Abdullah bin Abdulaziz'],
    ['SAU', 'crown-prince', '2020-01-01', 'Mohammed bin Salman'],
    ['SAU', 'foreign-minister', '2010-01-01', 'Saud al-Faisal'],
    ['ARE', 'head-of-state', '2023-01-01', 'Mohamed bin Zayed Al Nahyan'],
    ['QAT', 'head-of-state', '2020-01-01', 'Tamim bin Hamad Al Thani'],
    ['YEM', 'head-of-state', '2015-03-26', 'Abdrabbuh Mansur Hadi'],
    ['YEMREBHTH', 'group-leader', '2024-01-01', 'Abdul-Malik al-Houthi'],
    ['JOR', 'head-of-state', '2020-01-01', 'Abdullah II'],
    // Africa
    ['ZAF', 'head-of-state', '2012-01-01', 'Jacob Zuma'],
    ['ZAF', 'head-of-state', '2022-01-27', 'Cyril Ramaphosa'],
    ['ZAF', 'foreign-minister', '2023-01-01', 'Naledi Pandor'],
    ['NGA', 'head-of-state', '2018-01-01', 'Muhammadu Buhari'],
    ['ETH', 'head-of-government', '2021-01-01', 'Abiy Ahmed'],
    ['ERI', 'head-of-state', '2021-01-01', 'Isaias Afwerki'],
    ['SDN', 'head-of-state', '2010-01-01', 'Omar al-Bashir'],
    ['SDN', 'head-of-state', '2024-01-01', 'Abdel Fattah al-Burhan'],
    ['SSD', 'head-of-state', '2014-01-01', 'Salva Kiir'],
    ['SOM', 'head-of-state', '2019-01-01', 'Mohamed Abdullahi Mohamed'],
    ['LBY', 'head-of-state', '2011-03-19', ['Muammar Gaddafi', 'Mustafa Abdul Jalil']],
    ['LBY', 'head-of-government', '2019-04-04', ['Abdullah al-Thani', 'Fayez al-Sarraj']],
    ['MLI', 'head-of-state', '2023-01-01', 'Assimi Goïta'],
    ['BFA', 'head-of-state', '2023-01-01', 'Ibrahim Traoré'],
    ['NER', 'head-of-state', '2024-01-01', 'Abdourahamane Tchiani'],
    ['COD', 'head-of-state', '2010-01-01', 'Joseph Kabila'],
    ['COD', 'head-of-state', '2025-02-01', 'Félix Tshisekedi'],
    ['RWA', 'head-of-state', '2025-02-01', 'Paul Kagame'],
    ['CAF', 'head-of-state', '2020-01-01', 'Faustin-Archange Touadéra'],
    // Oceania
    ['AUS', 'head-of-government', '2010-01-01', 'Kevin Rudd'],
    ['AUS', 'head-of-government', '2023-01-01', 'Anthony Albanese'],
    ['AUS', 'foreign-minister', '2023-01-01', 'Penny Wong'],
    ['AUS', 'defence-minister', '2023-01-01', 'Richard Marles'],
    ['NZL', 'head-of-government', '2019-03-15', 'Jacinda Ardern'],
    // International organisations
    ['IGOUNO', 'secretary-general', '2003-03-20', 'Kofi Annan'],
    ['IGOUNO', 'secretary-general', '2010-01-01', 'Ban Ki-moon'],
    ['IGOUNO', 'secretary-general', '2022-01-27', 'António Guterres'],
    ['IGOWSTNAT', 'secretary-general', '2022-01-27', 'Jens Stoltenberg'],
    ['IGOWSTNAT', 'secretary-general', '2025-06-01', 'Mark Rutte'],
    ['IGOEUREEC', 'commission-president', '2022-01-27', 'Ursula von der Leyen'],
    ['IGOEUREEC', 'commission-president', '2010-01-01', 'José Manuel Barroso'],
    ['IGOEUREEC', 'council-president', '2017-01-01', 'Donald Tusk'],
    ['IGOEUREEC', 'foreign-minister', '2022-01-27', 'Josep Borrell'],
    ['IGOEUREEC', 'foreign-minister', '2025-06-01', 'Kaja Kallas'],
    ['IGOUNOIAE', 'director-general', '2022-01-27', 'Rafael Grossi'],
    ['IGOUNOHLHWHO', 'director-general', '2020-03-11', 'Tedros Adhanom Ghebreyesus'],
    ['IGOAFRAFU', 'commission-president', '2020-01-01', 'Moussa Faki Mahamat'],
    ['IGOMEAARL', 'secretary-general', '2020-01-01', 'Ahmed Aboul Gheit'],
    // before 2000 (people/before-2000.txt and the earlier roles of the regional files)
    ['USA', 'head-of-state', '1985-06-01', 'Ronald Reagan'],
    ['USA', 'head-of-state', '1990-06-01', 'George H. W. Bush'],
    ['USA', 'foreign-minister', '1987-06-01', 'George Shultz'],
    ['USA', 'defence-minister', '1991-02-01', 'Dick Cheney'],
    ['SUN', 'party-leader', '1987-06-01', 'Mikhail Gorbachev'],
    ['SUN', 'foreign-minister', '1988-06-01', 'Eduard Shevardnadze'],
    ['RUS', 'head-of-state', '1995-06-01', 'Boris Yeltsin'],
    ['GBR', 'head-of-government', '1987-06-01', 'Margaret Thatcher'],
    ['GBR', 'head-of-government', '1994-06-01', 'John Major'],
    ['FRA', 'head-of-state', '1990-06-01', 'François Mitterrand'],
    ['FRA', 'head-of-government', '1987-06-01', 'Jacques Chirac'],
    ['DEU', 'head-of-government', '1990-06-01', 'Helmut Kohl'],
    ['JPN', 'head-of-government', '1986-06-01', 'Yasuhiro Nakasone'],
    ['CHN', 'head-of-government', '1990-06-01', 'Li Peng'],
    ['ISR', 'head-of-government', '1985-06-01', 'Shimon Peres'],
    ['ISR', 'head-of-government', '1990-06-01', 'Yitzhak Shamir'],
    ['ZAF', 'head-of-state', '1992-06-01', 'F. W. de Klerk'],
    ['IRN', 'supreme-leader', '1985-06-01', 'Ruhollah Khomeini'],
    ['IGOUNO', 'secretary-general', '1990-06-01', 'Javier Pérez de Cuéllar'],
    ['IGOEUREEC', 'commission-president', '1990-06-01', 'Jacques Delors'],
  ];

  it.each(SPOT)('%s %s on %s', (code, office, date, expected) => {
    expect(who(code, office, date)).toEqual(Array.isArray(expected) ? expected : [expected]);
  });

  it('has at least 40 spot checks', () => {
    expect(SPOT.length).toBeGreaterThanOrEqual(40);
  });

  it('returns nobody before the first known holder or for an unknown office', () => {
    expect(who('USA', 'no-such-office', '2022-01-27')).toEqual([]);
    expect(who('XYZ', 'head-of-state', '2022-01-27')).toEqual([]);
  });

  it('lists the roles a person held on a date', () => {
    const blinken = person('Antony Blinken');
    expect(rolesOn(blinken, '2022-01-27').map((r) => r.office)).toEqual(['foreign-minister']);
    expect(rolesOn(blinken, '2016-06-01').map((r) => r.office)).toEqual(['deputy-foreign-minister']);
    expect(rolesOn(blinken, '2026-01-01')).toEqual([]);
    const rubio = person('Marco Rubio');
    expect(rolesOn(rubio, '2025-06-01').map((r) => r.office).sort()).toEqual(['foreign-minister', 'national-security-adviser']);
  });

  it('codes a role with its office agent, or as written for full codes', () => {
    const [blinkenRole] = rolesOn(person('Antony Blinken'), '2022-01-27');
    expect(roleActorCode(dict, blinkenRole!)).toBe('USAGOV');
    const [milley] = rolesOn(person('Mark Milley'), '2021-01-06');
    expect(roleActorCode(dict, milley!)).toBe('USAMIL');
  });

  it('tells people who share a name apart by the date', () => {
    const on = (name: string, date: string) => personOn(peopleNamed(dict, name), date)?.name;
    expect(peopleNamed(dict, 'Assad').length).toBe(2);
    expect(on('Assad', '1998-01-01')).toBe('Hafez al-Assad');
    expect(on('Assad', '2013-08-21')).toBe('Bashar al-Assad');
    expect(on('Clinton', '2000-06-01')).toBe('Bill Clinton');
    expect(on('Clinton', '2011-05-01')).toBe('Hillary Clinton');
    expect(on('Clinton', '2016-06-01')).toBeUndefined();
    expect(on('Kirchner', '2005-01-01')).toBe('Néstor Kirchner');
    expect(on('Koizumi', '2025-12-01')).toBe('Shinjirō Koizumi');
    expect(on('Blinken', '2030-01-01')).toBe('Antony Blinken');
  });

  it('lists the roles of people with several careers', () => {
    const offices = (name: string, date: string) => rolesOn(person(name), date).map((r) => `${r.code} ${r.office}`);
    expect(offices('Vladimir Putin', '2010-01-01')).toEqual(['RUS head-of-government']);
    expect(offices('Vladimir Putin', '2022-02-24')).toEqual(['RUS head-of-state']);
    expect(offices('Joe Biden', '2012-01-01')).toEqual(['USA vice-president']);
    expect(offices('Donald Trump', '2023-01-01')).toEqual([]);
    expect(offices('Sergey Lavrov', '2004-06-01')).toEqual(['RUS foreign-minister']);
    expect(offices('Josep Borrell', '2022-01-27')).toEqual(['IGOEUREEC foreign-minister']);
    expect(offices('Donald Tusk', '2016-01-01')).toEqual(['IGOEUREEC council-president']);
    expect(offices('Ursula von der Leyen', '2015-01-01')).toEqual(['DEU defence-minister']);
    const [hamas] = rolesOn(person('Yahya Sinwar'), '2023-10-07');
    expect(roleActorCode(dict, hamas!)).toBe('PSEREBHMS');
    const [un] = rolesOn(person('António Guterres'), '2022-01-27');
    expect(roleActorCode(dict, un!)).toBe('IGOUNO');
    const [opp] = rolesOn(person('Keir Starmer'), '2021-01-01');
    expect(roleActorCode(dict, opp!)).toBe('GBROPP');
  });

  it('lists terms earliest first', () => {
    const terms = termsOf(dict, 'USA', 'head-of-state').map((t) => t.person.name);
    expect(terms.slice(0, 6)).toEqual(['Jimmy Carter', 'Ronald Reagan', 'George H. W. Bush', 'Bill Clinton', 'George W. Bush', 'Barack Obama']);
  });

  it('widens partial dates and rejects bad ones', () => {
    expect(datePeriod('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(datePeriod('2022')).toEqual({ first: '2022-01-01', last: '2022-12-31' });
    expect(() => datePeriod('2022-1-5')).toThrow();
    expect(() => datePeriod('2022-13')).toThrow();
  });
});
