/**
 * The event-code tables (ontology/codes/): they load, they are complete, and
 * their facts agree with the published sources in /work/shared/data (GDELT's
 * CAMEO tables, the PLOVER manual and its 2021 CAMEO map), except where the
 * files say why. Also: malformed input is reported with file:line.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDyadError } from '../core/errors.js';
import {
  loadCodes,
  parseCameoCodes,
  parsePloverTypes,
  parseCameoPlover,
  buildCodes,
  codeBookOf,
  PLOVER_TYPES,
  type Codes,
} from './load-codes.js';

const ONTOLOGY = join(import.meta.dirname, '..', '..', 'ontology');
const SHARED = '/work/shared/data';
const CAMEO_DIR = join(SHARED, 'cameo');
const PLOVER_DIR = join(SHARED, 'plover');
const HAVE_CAMEO = existsSync(join(CAMEO_DIR, 'CAMEO.eventcodes.txt'));
const HAVE_PLOVER = existsSync(join(PLOVER_DIR, 'CAMEO2PLOVER-2021.txt'));
if (!HAVE_CAMEO) console.log(`[load-codes.test] ${CAMEO_DIR} is absent: the comparisons with GDELT's CAMEO tables are skipped`);
if (!HAVE_PLOVER) console.log(`[load-codes.test] ${PLOVER_DIR} is absent: the comparisons with the PLOVER manual and map are skipped`);

let codes: Codes;
beforeAll(() => {
  codes = loadCodes(ONTOLOGY);
});

/** Expects `fn` to throw a DyadError whose message starts with `file:line:`. */
function expectPlace(fn: () => unknown, file: string, line: number, text?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(isDyadError(e), String(e)).toBe(true);
    const msg = (e as Error).message;
    expect(msg.startsWith(`${file}:${line}: `), msg).toBe(true);
    if (text) expect(msg).toMatch(text);
    return;
  }
  throw new Error('expected an error');
}

describe('the CAMEO table', () => {
  it('has every code: 20 roots, 149 three-digit and 149 four-digit codes', () => {
    const all = [...codes.cameo.keys()];
    expect(all.filter((c) => c.length === 2)).toHaveLength(20);
    expect(all.filter((c) => c.length === 3)).toHaveLength(149);
    expect(all.filter((c) => c.length === 4)).toHaveLength(149);
    expect(codes.cameo.size).toBe(318);
    for (let r = 1; r <= 20; r++) expect(codes.has(String(r).padStart(2, '0'))).toBe(true);
  });

  it('has 106, which GDELT\'s table swallows, named as in the codebook', () => {
    const c = codes.cameoCode('106')!;
    expect(c).toBeDefined();
    expect(c.name).toBe('Demand meeting, negotiation');
    expect(c.goldstein).toBe(-5);
    expect(c.parent).toBe('10');
  });

  it('links every code to its parent and root', () => {
    for (const c of codes.cameo.values()) {
      expect(c.root).toBe(c.code.slice(0, 2));
      if (c.code.length > 2) expect(codes.has(c.parent!)).toBe(true);
      else expect(c.parent).toBeUndefined();
    }
  });

  it('keeps Goldstein values in [-10, 10]; codes without a published value take their parent\'s', () => {
    for (const c of codes.cameo.values()) {
      expect(c.goldstein).toBeGreaterThanOrEqual(-10);
      expect(c.goldstein).toBeLessThanOrEqual(10);
    }
    const inherited = [...codes.cameo.values()].filter((c) => c.goldsteinInherited).map((c) => c.code);
    expect(inherited.sort()).toEqual(['1213', '1214', '155', '176', '1834', '1951', '1952']);
    expect(codes.goldstein('1952')).toBe(codes.goldstein('195'));
    expect(codes.goldstein('176')).toBe(codes.goldstein('17'));
  });

  it('answers label and goldstein by code, and refuses unknown codes', () => {
    expect(codes.label('042')).toBe('Make a visit');
    expect(codes.goldstein('0874')).toBe(10);
    expect(codes.goldstein('1823')).toBe(-10);
    expect(codes.cameoCode('999')).toBeUndefined();
    expect(() => codes.label('999')).toThrow(/not a CAMEO event code/);
    expect(() => codes.ploverFor('0')).toThrow(/not a CAMEO event code/);
  });
});

/** GDELT's eventcodes table, with its 106 trap undone. */
function gdeltNames(): Map<string, string> {
  // latin1: the file's 044 line holds bytes that are not UTF-8
  const text = readFileSync(join(CAMEO_DIR, 'CAMEO.eventcodes.txt'), 'latin1');
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [code, name] = line.split('\t') as [string, string];
    const swallowed = /^(.*?)(\d{3}):\[(-?[\d.]+)\]\s*(.*)$/.exec(name);
    if (swallowed) {
      out.set(code, swallowed[1]!.trim());
      out.set(swallowed[2]!, swallowed[4]!.trim());
    } else {
      out.set(code, name.trim());
    }
  }
  return out;
}

function gdeltGoldstein(): Map<string, number> {
  const text = readFileSync(join(CAMEO_DIR, 'CAMEO.goldsteinscale.txt'), 'utf8');
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [code, value] = line.split('\t') as [string, string];
    out.set(code, Number(value));
  }
  return out;
}

/** Names compared loosely: case, punctuation, spacing and the "not specified below" tail ignored. */
function looseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/,?\s*not spec(ified)? below/g, '')
    .replace(/non[- ]mediation/g, 'nonmediation')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Where dyad's name (the codebook's, 1.1b3) differs from GDELT's label beyond
 * case, punctuation and "not specified below". Every entry says why.
 */
const GDELT_NAME_DIFFERENCES: Record<string, string> = {
  '020': 'wording: codebook "Make an appeal or request", GDELT "Appeal"',
  '0252': 'wording: codebook "political dissent", GDELT "popular dissent"',
  '028': 'wording: GDELT adds "to others"',
  '032': 'wording: codebook "engage in", GDELT "provide"',
  '033': 'typo in GDELT: "matyerial"',
  '0355': 'typo in GDELT: "intent allow" (no "to")',
  '044': 'GDELT garbles the quotes and loses the "t" of "third"',
  '0863': 'wording: codebook "Allow humanitarian access", GDELT "Allow delivery of humanitarian aid"',
  '101': 'GDELT label from an older draft of root 10 ("Demand information, investigation")',
  '102': 'wording: GDELT "Demand policy support"',
  '103': 'wording: GDELT "Demand aid, protection, or peacekeeping"',
  '105': 'GDELT label from an older draft of root 10 ("Demand mediation")',
  '106': 'GDELT label from an older draft of root 10 ("Demand withdrawal", in the swallowed row)',
  '107': 'GDELT label from an older draft of root 10 ("Demand ceasefire")',
  '108': 'GDELT label from an older draft of root 10 ("Demand meeting, negotiation")',
  '1312': 'wording: GDELT "Threaten to boycott, embargo, or sanction"',
  '1321': 'wording: GDELT "Threaten to impose restrictions"',
  '133': 'wording: GDELT drops "with"',
  '137': 'wording: GDELT "violent repression"',
  '138': 'wording: GDELT "Threaten to use military force"',
  '162': 'wording: codebook "material aid", GDELT "aid"',
  '1832': 'wording: codebook "vehicular bombing", GDELT "car bombing"',
  '2041': 'typo in GDELT: "radiologicalweapons"',
};

describe.skipIf(!HAVE_CAMEO)("agreement with GDELT's CAMEO tables", () => {
  it('has every code of GDELT\'s table, with the same name except where listed', () => {
    const gdelt = gdeltNames();
    expect(gdelt.size).toBe(311); // 310 rows + the swallowed 106
    const differ: string[] = [];
    for (const [code, name] of gdelt) {
      const mine = codes.cameoCode(code);
      expect(mine, `GDELT code ${code} is missing`).toBeDefined();
      if (looseName(mine!.name) !== looseName(name)) differ.push(code);
    }
    expect(differ.sort()).toEqual(Object.keys(GDELT_NAME_DIFFERENCES).sort());
    // every difference of meaning is also noted in cameo.txt
    for (const code of ['101', '105', '106', '107', '108']) {
      expect(codes.cameoCode(code)!.notes?.join(' ')).toMatch(/GDELT/);
    }
  });

  it('has the same Goldstein value as GDELT for every code (106 from the swallowed row)', () => {
    const g = gdeltGoldstein();
    expect(g.size).toBe(310);
    for (const [code, value] of g) expect(codes.goldstein(code), code).toBe(value);
    expect(g.has('106')).toBe(false);
    expect(codes.goldstein('106')).toBe(-5);
  });

  it('adds only the codebook\'s codes that GDELT lacks', () => {
    const gdelt = gdeltNames();
    const extra = [...codes.cameo.keys()].filter((c) => !gdelt.has(c)).sort();
    expect(extra).toEqual(['1213', '1214', '155', '176', '1834', '1951', '1952']);
  });
});

describe('quad classes', () => {
  const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
  it('follow GDELT: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict', () => {
    const expected = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4];
    expect(roots.map((r) => codes.quadClass(r, 'gdelt'))).toEqual(expected);
    expect(codes.quadClass('1823')).toBe(4); // gdelt is the default
    expect(codes.quadClass('0214', 'gdelt')).toBe(1);
  });

  it('follow Phoenix: 0 neutral for 01-02, and 16 (reduce relations) in verbal conflict', () => {
    const expected = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4];
    expect(roots.map((r) => codes.quadClass(r, 'phoenix'))).toEqual(expected);
    expect(codes.quadClass('1663', 'phoenix')).toBe(3);
    expect(codes.quadClass('1663', 'gdelt')).toBe(4);
  });

  it('follow the PLOVER type under the plover convention (0 for statements)', () => {
    expect(codes.quadClass('010', 'plover')).toBe(0);
    expect(codes.quadClass('020', 'plover')).toBe(3); // REQUEST
    expect(codes.quadClass('0841', 'plover')).toBe(2); // RETREAT
    expect(codes.quadClass('163', 'plover')).toBe(4); // SANCTION
  });
});

describe('the PLOVER types and contexts', () => {
  it('has exactly the 16 PLOVER 2.0 types with their quads', () => {
    expect([...codes.plover.keys()]).toEqual([...PLOVER_TYPES]);
    const quad = (t: string) => codes.plover.get(t)!.quad;
    for (const t of ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE']) expect(quad(t)).toBe('verbal-cooperation');
    for (const t of ['COOPERATE', 'AID', 'RETREAT']) expect(quad(t)).toBe('material-cooperation');
    for (const t of ['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']) expect(quad(t)).toBe('verbal-conflict');
    for (const t of ['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']) expect(quad(t)).toBe('material-conflict');
    for (const t of ['COOPERATE', 'AID', 'SANCTION']) expect(codes.plover.get(t)!.recipientRequired).toBe(true);
    expect(codes.plover.get('ASSAULT')!.recipientRequired).toBe(false);
  });

  it('has the manual\'s 37 global contexts', () => {
    expect(codes.contexts.size).toBe(37);
    for (const c of ['military', 'human_security', 'pro_autocracy', 'cbrn', 'illegal_drugs', 'trafficking']) {
      expect(codes.contexts.has(c)).toBe(true);
    }
  });

  it.skipIf(!HAVE_PLOVER)('has the scores of the manual\'s score table (ACCUSE read as -3)', () => {
    const tex = readFileSync(join(PLOVER_DIR, 'PLOVER_MANUAL.tex'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('%')) // an older, commented-out table precedes the current one
      .join('\n');
    const table = tex.slice(tex.indexOf('\\caption{PLOVER conflict--cooperation scores}'));
    const body = table.slice(0, table.indexOf('\\end{tabular}'));
    const cell = /(?:\\cellcolor\{gray!25\})?([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*(?:\\cellcolor\{gray!25\})?\s*(-?\d+(?:\.\d+)?)/g;
    const manual = new Map<string, number>();
    for (const m of body.matchAll(cell)) manual.set(m[2] ? `${m[1]}:${m[2].toLowerCase()}` : m[1]!, Number(m[3]));
    expect(manual.get('ACCUSE')).toBe(3); // the misprint the header of plover.txt explains
    manual.set('ACCUSE', -3);
    const mine = new Map<string, number>();
    for (const t of codes.plover.values()) {
      if (t.score !== undefined) mine.set(t.type, t.score);
      for (const [mode, s] of t.modeScores) mine.set(`${t.type}:${mode}`, s);
    }
    expect(Object.fromEntries([...mine].sort())).toEqual(Object.fromEntries([...manual].sort()));
    // every mode has a score except PROTEST `vandalize`, which the manual leaves unscored
    const unscored = [...codes.plover.values()].flatMap((t) => t.modes.filter((m) => !t.modeScores.has(m)).map((m) => `${t.type}:${m}`));
    expect(unscored).toEqual(['PROTEST:vandalize']);
  });
});

describe('CAMEO -> PLOVER', () => {
  it('gives every CAMEO code a PLOVER type through inheritance, except the statements (01)', () => {
    for (const c of codes.cameo.values()) {
      const p = codes.ploverFor(c.code);
      if (c.root === '01') {
        expect(p, c.code).toBeNull();
      } else {
        expect(p, c.code).not.toBeNull();
        expect(PLOVER_TYPES).toContain(p!.type);
        if (p!.mode) expect(codes.plover.get(p!.type)!.modes).toContain(p!.mode);
        for (const ctx of p!.context ?? []) expect(codes.contexts.has(ctx)).toBe(true);
      }
    }
  });

  it('inherits from the parent, then the root, when a code has no line', () => {
    // 0213 has its own line; 1823 too; 1711 too. 080 is explicit; codes absent from the file:
    const absent = [...codes.cameo.keys()].filter((c) => !codes.cameoToPlover.has(c));
    expect(absent.length).toBeGreaterThan(0);
    for (const code of absent) {
      const own = codes.mappingFor(code);
      let at = code.slice(0, -1);
      while (!codes.cameoToPlover.has(at)) at = at.slice(0, -1);
      expect(own).toBe(codes.cameoToPlover.get(at));
    }
  });

  it('maps roots as the manual\'s table does, and 02 appeals to REQUEST', () => {
    const rootType = (r: string) => codes.ploverFor(r)?.type ?? null;
    expect(rootType('01')).toBeNull();
    expect(rootType('02')).toBe('REQUEST');
    expect(rootType('03')).toBe('AGREE');
    expect(rootType('08')).toBe('CONCEDE');
    expect(codes.ploverFor('084')!.type).toBe('RETREAT');
    expect(rootType('09')).toBe('ACCUSE');
    expect(rootType('11')).toBe('ACCUSE');
    expect(rootType('15')).toBe('MOBILIZE');
    expect(rootType('16')).toBe('SANCTION');
    expect(rootType('19')).toBe('ASSAULT');
    expect(rootType('20')).toBe('ASSAULT');
    expect(codes.ploverFor('0241')).toEqual({ type: 'REQUEST', mode: 'change', context: ['executive'] });
    expect(codes.ploverFor('041')).toEqual({ type: 'CONSULT', mode: 'phone' });
    expect(codes.ploverFor('1952')).toEqual({ type: 'ASSAULT', mode: 'drone', context: ['military'] });
  });

  it('hands the event coder a coding for every code (type "" for statements)', () => {
    const book = codeBookOf(codes);
    expect(book.plover('010')).toEqual({ type: '' });
    expect(book.plover('1831')).toEqual({ type: 'ASSAULT', mode: 'suicide-attack' });
    expect(book.quad('1831')).toBe(4);
    expect(book.label('1831')).toBe('Carry out suicide bombing');
    expect(book.has('1831')).toBe(true);
  });

  it('returns copies, so callers cannot change the tables', () => {
    const p = codes.ploverFor('091')!;
    p.context!.push('terrorism');
    expect(codes.ploverFor('091')!.context).toEqual(['crime', 'corruption']);
  });
});

/** One line of the 2021 map, normalised to dyad's names. */
interface MapLine {
  code: string;
  type: string;
  mode?: string;
  context: string[];
}

const CONTEXT_RENAMES: Record<string, string> = { humanitarian: 'human_security', democracy: 'pro_democracy' };

function readPloverMap(): MapLine[] {
  const out: MapLine[] = [];
  for (const raw of readFileSync(join(PLOVER_DIR, 'CAMEO2PLOVER-2021.txt'), 'utf8').split(/\r?\n/)) {
    if (raw.startsWith('~~~')) break;
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [type = '', mode = '', context = ''] = m[2]!.split(',').map((s) => s.trim());
    const l: MapLine = {
      code: m[1]!,
      type,
      context: context
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((c) => CONTEXT_RENAMES[c] ?? c),
    };
    if (mode) l.mode = mode;
    out.push(l);
  }
  return out;
}

/** The raw lines of an entry of cameo-plover.txt, from its head to the next head. */
function entryLines(code: string): string[] {
  const m = codes.cameoToPlover.get(code);
  if (!m) return [];
  const lines = readFileSync(join(ONTOLOGY, m.source.file), 'utf8').split(/\r?\n/);
  const out = [lines[m.source.line - 1]!];
  for (let i = m.source.line; i < lines.length && /^\s/.test(lines[i]!); i++) out.push(lines[i]!);
  return out;
}

describe.skipIf(!HAVE_PLOVER)('agreement with the PLOVER 2021 CAMEO map', () => {
  it('agrees with every line of the map, except where cameo-plover.txt says why in a comment', () => {
    const map = readPloverMap();
    expect(map.length).toBe(276);
    const seen = new Set<string>();
    const differing: string[] = [];
    for (const l of map) {
      if (seen.has(l.code)) continue; // the map's second 08 root line (RETREAT) and its doubled 175
      seen.add(l.code);
      expect(codes.has(l.code), `map code ${l.code} is not a CAMEO code`).toBe(true);
      const mine = codes.ploverFor(l.code);
      const same =
        mine !== null &&
        mine.type === l.type &&
        (mine.mode ?? '') === (l.mode ?? '') &&
        JSON.stringify(mine.context ?? []) === JSON.stringify(l.context);
      if (same) continue;
      differing.push(l.code);
      const text = entryLines(l.code);
      expect(text.length, `${l.code} differs from the map (${JSON.stringify(l)}) and has no line of its own`).toBeGreaterThan(0);
      expect(text.some((t) => t.includes('#')), `${l.code} differs from the map without a comment: ${text.join(' / ')}`).toBe(true);
    }
    console.log(`[load-codes.test] cameo-plover.txt departs from the 2021 map on ${differing.length} codes: ${differing.join(' ')}`);
    // the map has no lines for roots 01 and 02; dyad documents its own choice there
    expect(map.some((l) => l.code.startsWith('01') || l.code.startsWith('02'))).toBe(false);
    expect(entryLines('01').join(' ')).toMatch(/#/);
    expect(entryLines('02').join(' ')).toMatch(/#/);
  });

  it('uses only modes and contexts that the manual defines', () => {
    const tex = readFileSync(join(PLOVER_DIR, 'PLOVER_MANUAL.tex'), 'utf8');
    for (const c of codes.contexts.keys()) expect(tex.includes(c.replace(/_/g, '\\_')) || tex.includes(c), c).toBe(true);
    for (const t of codes.plover.values()) {
      for (const mode of t.modes) expect(new RegExp(`^${mode} &`, 'm').test(tex), `${t.type} mode ${mode}`).toBe(true);
    }
  });
});

describe('malformed tables are refused with file:line', () => {
  const CAMEO_MINI = ['01  Make public statement', '  goldstein: 0', '010  Make statement', '  goldstein: 0', ''].join('\n');

  it('reports a bad head, a bad code, a bad Goldstein value and an unknown field', () => {
    expectPlace(() => parseCameoCodes('01\n', 'c.txt'), 'c.txt', 1, /CODE  Name/);
    expectPlace(() => parseCameoCodes('1A  Name\n  goldstein: 0\n', 'c.txt'), 'c.txt', 1, /not a CAMEO code/);
    expectPlace(() => parseCameoCodes('21  Name\n  goldstein: 0\n', 'c.txt'), 'c.txt', 1, /01 to 20/);
    expectPlace(() => parseCameoCodes('01  Name\n  goldstein: 11\n', 'c.txt'), 'c.txt', 2, /outside \[-10, 10\]/);
    expectPlace(() => parseCameoCodes('01  Name\n  goldstein: high\n', 'c.txt'), 'c.txt', 2, /not a number/);
    expectPlace(() => parseCameoCodes('01  Name\n  goldstein: 1\n  goldstein: 2\n', 'c.txt'), 'c.txt', 3, /twice/);
    expectPlace(() => parseCameoCodes('01  Name\n  golstein: 1\n', 'c.txt'), 'c.txt', 2, /unknown field "golstein"/);
    expectPlace(() => parseCameoCodes('01  Name\n  goldstein 1\n', 'c.txt'), 'c.txt', 2, /key: value/);
  });

  it('reports duplicate codes, missing parents and roots without a value', () => {
    expectPlace(() => parseCameoCodes(CAMEO_MINI + '010  Again\n', 'c.txt'), 'c.txt', 5, /defined twice \(first on line 3\)/);
    expectPlace(() => parseCameoCodes(CAMEO_MINI + '0211  Orphan\n  goldstein: 1\n', 'c.txt'), 'c.txt', 5, /no parent: 021/);
    expectPlace(() => parseCameoCodes('01  Name\n', 'c.txt'), 'c.txt', 1, /no goldstein/);
  });

  const PLOVER_ALL = PLOVER_TYPES.map((t) => `${t}  ${t.toLowerCase()}\n  quad: verbal-conflict\n`).join('');

  it('reports PLOVER types that are not among the 16, bad quads and scores of unknown modes', () => {
    expectPlace(() => parsePloverTypes('DEMAND  Demand\n  quad: verbal-conflict\n', 'p.txt'), 'p.txt', 1, /not one of the 16/);
    expectPlace(() => parsePloverTypes('AGREE  Agree\n  quad: verbal\n', 'p.txt'), 'p.txt', 2, /quad "verbal"/);
    expectPlace(
      () => parsePloverTypes('CONSULT  Consult\n  quad: verbal-cooperation\n  modes: visit\n  score.phone: 1\n', 'p.txt'),
      'p.txt',
      4,
      /no mode "phone"/,
    );
    expectPlace(() => parsePloverTypes('AGREE  Agree\n  quad: verbal-cooperation\n', 'p.txt'), 'p.txt', 1, /CONSULT is missing/);
    expect(parsePloverTypes(PLOVER_ALL, 'p.txt').types.size).toBe(16);
  });

  it('reports mappings to unknown codes, types, modes and contexts, and roots without a line', () => {
    const cameo = parseCameoCodes(CAMEO_MINI, 'c.txt');
    const { types, contexts } = parsePloverTypes(
      PLOVER_ALL.replace('CONSULT  consult\n  quad: verbal-conflict\n', 'CONSULT  consult\n  quad: verbal-cooperation\n  modes: phone\n') +
        'legal  Legal\n',
      'p.txt',
    );
    const map = (s: string) => parseCameoPlover(s, 'm.txt', cameo, types, contexts);
    expectPlace(() => map('01  CONSULT\n011  AGREE\n'), 'm.txt', 2, /011 is not in the CAMEO table/);
    expectPlace(() => map('01  FIGHT\n'), 'm.txt', 1, /not one of the 16/);
    expectPlace(() => map('01  CONSULT\n  mode: visit\n'), 'm.txt', 2, /not a mode of CONSULT/);
    expectPlace(() => map('01  CONSULT\n  context: military\n'), 'm.txt', 2, /not a PLOVER context/);
    expectPlace(() => map('01  -\n  context: legal\n'), 'm.txt', 2, /no PLOVER type/);
    expectPlace(() => map('01  CONSULT\n01  AGREE\n'), 'm.txt', 2, /mapped twice/);
    expectPlace(() => map('010  CONSULT\n'), 'm.txt', 1, /root 01 has no line/);
    const ok = buildCodes(cameo, types, contexts, map('01  CONSULT\n  mode: phone\n  context: legal\n'));
    expect(ok.ploverFor('010')).toEqual({ type: 'CONSULT', mode: 'phone', context: ['legal'] });
  });
});
