/**
 * Loader for dyad's event-code tables (docs/dictionary-format.md, "codes/"):
 *
 *     codes/cameo.txt          every CAMEO event code, its name and Goldstein value
 *     codes/plover.txt         the 16 PLOVER 2.0 types (quad, modes, scores) and the contexts
 *     codes/cameo-plover.txt   CAMEO -> PLOVER type, mode and context
 *
 * Everything is validated on load; a bad line stops loading with `file:line`.
 * Lookups by code are answered from tables built once here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DyadError } from '../core/errors.js';
import type { PloverCoding, Provenance } from '../core/layers.js';
import { parseBlockFile, listValues, checkKeys, fieldsOf, dictError, type BlockEntry, type BlockField } from './block-file.js';
import type { CameoCode, PloverMapping, PloverType } from './types.js';

/** The 16 event types of PLOVER 2.0, in the manual's order. */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

export type PloverQuad = PloverType['quad'];

/** PLOVER quad categories and their numbers (manual, "Quad categories in PLOVER"). */
export const PLOVER_QUADS: readonly PloverQuad[] = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
];

/**
 * Quad-class conventions:
 * - `gdelt`:   1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
 *              3 verbal conflict (09-13), 4 material conflict (14-20).
 * - `phoenix`: the Phoenix data set's: 0 neutral (01-02), 1 (03-05), 2 (06-08),
 *              3 (09-13 and 16, "reduce relations"), 4 (14, 15, 17-20)
 *              (openeventdata/phoenix_pipeline, postprocess.py, quad_conversion).
 * - `plover`:  the quad of the code's PLOVER type, 1-4 as above; 0 when the code
 *              has no PLOVER type (root 01).
 */
export type QuadConvention = 'gdelt' | 'phoenix' | 'plover';

/** A PLOVER context: any event may carry several. */
export interface PloverContext {
  name: string;
  label: string;
  description?: string;
  source: Provenance;
}

export interface Codes {
  cameo: Map<string, CameoCode>;
  plover: Map<string, PloverType>;
  contexts: Map<string, PloverContext>;
  /** the lines of cameo-plover.txt, by CAMEO code (codes without a line inherit: see mappingFor) */
  cameoToPlover: Map<string, PloverMapping>;
  /** the CAMEO code's entry, or undefined when the code does not exist */
  cameoCode(code: string): CameoCode | undefined;
  has(code: string): boolean;
  /** the code's name ("Make a visit"); throws E_NOT_FOUND for an unknown code */
  label(code: string): string;
  goldstein(code: string): number;
  quadClass(code: string, convention?: QuadConvention): number;
  /** the cameo-plover line that applies to the code: its own, else its parent's, else its root's */
  mappingFor(code: string): PloverMapping;
  /** the code's PLOVER coding, inherited as in mappingFor; null when it has no PLOVER type (01) */
  ploverFor(code: string): PloverCoding | null;
}

const CAMEO_CODE = /^\d{2,4}$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const CONTEXT_NAME = /^[a-z][a-z_]*$/;
const MODE_NAME = /^[a-z][a-z-]*$/;
const TYPE_NAME = /^[A-Z]+$/;

function notFound(code: string): DyadError {
  return new DyadError('E_NOT_FOUND', `"${code}" is not a CAMEO event code`);
}

function refError(message: string, file: string, line: number): DyadError {
  return new DyadError('E_DICT_REF', message, { file, line });
}

/** The single field `key` of an entry (an error if it is given twice). */
function single(entry: BlockEntry, key: string, file: string): BlockField | undefined {
  const fs = fieldsOf(entry, key);
  if (fs.length > 1) throw dictError(`"${key}" is given twice (first on line ${fs[0]!.line})`, file, fs[1]!.line);
  return fs[0];
}

function parseScore(f: BlockField, file: string, what: string): number {
  if (!NUMBER.test(f.value)) throw dictError(`${what} "${f.value}" is not a number`, file, f.line);
  const n = Number(f.value);
  if (n < -10 || n > 10) throw dictError(`${what} ${f.value} is outside [-10, 10]`, file, f.line);
  return n;
}

function splitHead(entry: BlockEntry, file: string, what: string): [string, string] {
  const m = /^(\S+)\s+(\S.*)$/.exec(entry.head);
  if (!m) throw dictError(`entry head "${entry.head}" should be ${what}`, file, entry.line);
  return [m[1]!, m[2]!.trim()];
}

/** The code one level up: "131" for "1312", "13" for "131"; undefined for a root. */
export function parentCode(code: string): string | undefined {
  return code.length > 2 ? code.slice(0, code.length - 1) : undefined;
}

// --- cameo.txt --------------------------------------------------------------

const CAMEO_KEYS = new Set(['goldstein', 'description', 'note']);

/** Parses cameo.txt: `CODE  Name` with `goldstein`, `description`, `note`. */
export function parseCameoCodes(source: string, file: string): Map<string, CameoCode> {
  const out = new Map<string, CameoCode>();
  const given = new Map<string, number | undefined>();
  for (const entry of parseBlockFile(source, file).entries) {
    checkKeys(entry, file, CAMEO_KEYS);
    const [code, name] = splitHead(entry, file, '"CODE  Name" (CODE: two to four digits)');
    if (!CAMEO_CODE.test(code)) throw dictError(`"${code}" is not a CAMEO code (two to four digits)`, file, entry.line);
    const root = code.slice(0, 2);
    const r = Number(root);
    if (r < 1 || r > 20) throw dictError(`"${code}": CAMEO roots run from 01 to 20`, file, entry.line);
    const before = out.get(code);
    if (before) throw dictError(`code ${code} is defined twice (first on line ${before.source.line})`, file, entry.line);
    const g = single(entry, 'goldstein', file);
    const d = single(entry, 'description', file);
    const notes = fieldsOf(entry, 'note').map((f) => f.value);
    const c: CameoCode = { code, name, goldstein: 0, root, source: { file, line: entry.line } };
    const parent = parentCode(code);
    if (parent) c.parent = parent;
    if (d) c.description = d.value;
    if (notes.length) c.notes = notes;
    given.set(code, g ? parseScore(g, file, 'goldstein') : undefined);
    out.set(code, c);
  }
  // parents, and Goldstein values inherited from them (shorter codes first)
  const byLength = [...out.values()].sort((a, b) => a.code.length - b.code.length);
  for (const c of byLength) {
    const value = given.get(c.code);
    if (!c.parent) {
      if (value === undefined) throw dictError(`root ${c.code} has no goldstein value`, file, c.source.line);
      c.goldstein = value;
      continue;
    }
    const p = out.get(c.parent);
    if (!p) throw refError(`code ${c.code} has no parent: ${c.parent} is not in the file`, file, c.source.line);
    if (value === undefined) {
      c.goldstein = p.goldstein;
      c.goldsteinInherited = true;
    } else {
      c.goldstein = value;
    }
  }
  return out;
}

// --- plover.txt -------------------------------------------------------------

const TYPE_KEYS = new Set(['quad', 'recipient', 'score', 'modes', 'description', 'note']);
const CONTEXT_KEYS = new Set(['description', 'note']);

/** Parses plover.txt: the 16 types (upper-case heads) and the contexts (lower-case heads). */
export function parsePloverTypes(
  source: string,
  file: string,
): { types: Map<string, PloverType>; contexts: Map<string, PloverContext> } {
  const types = new Map<string, PloverType>();
  const contexts = new Map<string, PloverContext>();
  const known = new Set<string>(PLOVER_TYPES);
  for (const entry of parseBlockFile(source, file).entries) {
    const [id, label] = splitHead(entry, file, '"TYPE  Name" or "context  Name"');
    const src = { file, line: entry.line };
    if (CONTEXT_NAME.test(id)) {
      checkKeys(entry, file, CONTEXT_KEYS);
      const before = contexts.get(id);
      if (before) throw dictError(`context ${id} is defined twice (first on line ${before.source.line})`, file, entry.line);
      const c: PloverContext = { name: id, label, source: src };
      const d = single(entry, 'description', file);
      if (d) c.description = d.value;
      contexts.set(id, c);
      continue;
    }
    if (!TYPE_NAME.test(id)) {
      throw dictError(`"${id}" is neither a PLOVER type (upper case) nor a context (lower case)`, file, entry.line);
    }
    if (!known.has(id)) {
      throw dictError(`"${id}" is not one of the 16 PLOVER 2.0 types (${PLOVER_TYPES.join(', ')})`, file, entry.line);
    }
    const before = types.get(id);
    if (before) throw dictError(`type ${id} is defined twice (first on line ${before.source.line})`, file, entry.line);
    for (const f of entry.fields) {
      if (!TYPE_KEYS.has(f.key) && !f.key.startsWith('score.')) {
        throw dictError(
          `unknown field "${f.key}" (known here: ${[...TYPE_KEYS].sort().join(', ')}, score.MODE)`,
          file,
          f.line,
        );
      }
    }
    const q = single(entry, 'quad', file);
    if (!q) throw dictError(`type ${id} has no quad`, file, entry.line);
    if (!(PLOVER_QUADS as readonly string[]).includes(q.value)) {
      throw dictError(`quad "${q.value}" should be one of ${PLOVER_QUADS.join(', ')}`, file, q.line);
    }
    const rec = single(entry, 'recipient', file);
    if (rec && rec.value !== 'required' && rec.value !== 'optional') {
      throw dictError(`recipient "${rec.value}" should be required or optional`, file, rec.line);
    }
    const modes: string[] = [];
    for (const f of fieldsOf(entry, 'modes')) {
      for (const m of listValues(f.value)) {
        if (!MODE_NAME.test(m)) throw dictError(`"${m}" is not a mode name (lower case, hyphens)`, file, f.line);
        if (modes.includes(m)) throw dictError(`mode "${m}" is listed twice`, file, f.line);
        modes.push(m);
      }
    }
    const t: PloverType = {
      type: id,
      name: label,
      quad: q.value as PloverQuad,
      modes,
      recipientRequired: rec?.value === 'required',
      modeScores: new Map(),
      source: src,
    };
    const s = single(entry, 'score', file);
    if (s) t.score = parseScore(s, file, 'score');
    for (const f of entry.fields) {
      if (!f.key.startsWith('score.')) continue;
      const mode = f.key.slice('score.'.length);
      if (!modes.includes(mode)) throw refError(`"${f.key}": ${id} has no mode "${mode}"`, file, f.line);
      if (t.modeScores.has(mode)) throw dictError(`"${f.key}" is given twice`, file, f.line);
      t.modeScores.set(mode, parseScore(f, file, f.key));
    }
    const d = single(entry, 'description', file);
    if (d) t.description = d.value;
    types.set(id, t);
  }
  for (const t of PLOVER_TYPES) {
    if (!types.has(t)) throw dictError(`PLOVER type ${t} is missing`, file, 1);
  }
  return { types, contexts };
}

// --- cameo-plover.txt -------------------------------------------------------

const MAPPING_KEYS = new Set(['mode', 'context', 'note']);

/** Parses cameo-plover.txt: `CODE  TYPE` (TYPE `-`: none) with `mode` and `context`. */
export function parseCameoPlover(
  source: string,
  file: string,
  cameo: ReadonlyMap<string, CameoCode>,
  types: ReadonlyMap<string, PloverType>,
  contexts: ReadonlyMap<string, PloverContext>,
): Map<string, PloverMapping> {
  const out = new Map<string, PloverMapping>();
  for (const entry of parseBlockFile(source, file).entries) {
    checkKeys(entry, file, MAPPING_KEYS);
    const [code, typeName] = splitHead(entry, file, '"CODE  TYPE" (TYPE "-" for none)');
    if (!CAMEO_CODE.test(code)) throw dictError(`"${code}" is not a CAMEO code (two to four digits)`, file, entry.line);
    if (/\s/.test(typeName)) throw dictError(`entry head "${entry.head}" should be "CODE  TYPE"`, file, entry.line);
    if (!cameo.has(code)) throw refError(`CAMEO code ${code} is not in the CAMEO table`, file, entry.line);
    const before = out.get(code);
    if (before) throw dictError(`code ${code} is mapped twice (first on line ${before.source.line})`, file, entry.line);
    const m: PloverMapping = { cameo: code, type: '', context: [], source: { file, line: entry.line } };
    const modeField = single(entry, 'mode', file);
    const contextFields = fieldsOf(entry, 'context');
    if (typeName === '-') {
      const f = modeField ?? contextFields[0];
      if (f) throw dictError(`code ${code} has no PLOVER type, so it can have no ${f.key}`, file, f.line);
    } else {
      const t = types.get(typeName);
      if (!t) throw dictError(`"${typeName}" is not one of the 16 PLOVER 2.0 types (or "-")`, file, entry.line);
      m.type = typeName;
      if (modeField) {
        if (!t.modes.includes(modeField.value)) {
          const allowed = t.modes.length ? t.modes.join(', ') : 'none';
          throw refError(`"${modeField.value}" is not a mode of ${typeName} (its modes: ${allowed})`, file, modeField.line);
        }
        m.mode = modeField.value;
      }
      for (const f of contextFields) {
        for (const c of listValues(f.value)) {
          if (!contexts.has(c)) throw refError(`"${c}" is not a PLOVER context in plover.txt`, file, f.line);
          if (m.context.includes(c)) throw dictError(`context "${c}" is listed twice`, file, f.line);
          m.context.push(c);
        }
      }
    }
    out.set(code, m);
  }
  for (const c of cameo.values()) {
    if (!c.parent && !out.has(c.code)) {
      throw refError(`root ${c.code} has no line, so its codes would have no PLOVER coding`, file, 1);
    }
  }
  return out;
}

// --- the tables together ----------------------------------------------------

function quadNumber(quad: PloverQuad): number {
  return PLOVER_QUADS.indexOf(quad) + 1;
}

/** Builds the lookups over parsed tables. */
export function buildCodes(
  cameo: Map<string, CameoCode>,
  plover: Map<string, PloverType>,
  contexts: Map<string, PloverContext>,
  cameoToPlover: Map<string, PloverMapping>,
): Codes {
  // every code's applicable line, resolved once
  const applied = new Map<string, PloverMapping>();
  const codings = new Map<string, PloverCoding | null>();
  for (const c of cameo.values()) {
    let at: string | undefined = c.code;
    let m: PloverMapping | undefined;
    while (at && !(m = cameoToPlover.get(at))) at = parentCode(at);
    if (!m) throw refError(`CAMEO code ${c.code} gets no PLOVER line`, c.source.file, c.source.line);
    applied.set(c.code, m);
    if (!m.type) {
      codings.set(c.code, null);
    } else {
      const coding: PloverCoding = { type: m.type };
      if (m.mode) coding.mode = m.mode;
      if (m.context.length) coding.context = [...m.context];
      codings.set(c.code, coding);
    }
  }
  const get = (code: string): CameoCode => {
    const c = cameo.get(code);
    if (!c) throw notFound(code);
    return c;
  };
  return {
    cameo,
    plover,
    contexts,
    cameoToPlover,
    cameoCode: (code) => cameo.get(code),
    has: (code) => cameo.has(code),
    label: (code) => get(code).name,
    goldstein: (code) => get(code).goldstein,
    quadClass(code, convention = 'gdelt') {
      const r = Number(get(code).root);
      switch (convention) {
        case 'gdelt':
          return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
        case 'phoenix':
          return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 || r === 16 ? 3 : 4;
        case 'plover': {
          const coding = codings.get(code);
          return coding ? quadNumber(plover.get(coding.type)!.quad) : 0;
        }
        default:
          throw new DyadError('E_USAGE', `unknown quad-class convention "${String(convention)}" (gdelt, phoenix, plover)`);
      }
    },
    mappingFor(code) {
      get(code);
      return applied.get(code)!;
    },
    ploverFor(code) {
      get(code);
      const coding = codings.get(code)!;
      return coding ? { ...coding, ...(coding.context ? { context: [...coding.context] } : {}) } : null;
    },
  };
}

/**
 * The event coder's view (src/stages/events/codebook.ts): quad classes in the
 * chosen convention (GDELT's by default), and a PLOVER coding for every code,
 * with type "" where there is none (01).
 */
export function codeBookOf(codes: Codes, convention: QuadConvention = 'gdelt'): {
  label(cameo: string): string;
  goldstein(cameo: string): number;
  quad(cameo: string): number;
  plover(cameo: string): PloverCoding;
  has(cameo: string): boolean;
} {
  return {
    label: (c) => codes.label(c),
    goldstein: (c) => codes.goldstein(c),
    quad: (c) => codes.quadClass(c, convention),
    plover: (c) => codes.ploverFor(c) ?? { type: '' },
    has: (c) => codes.has(c),
  };
}

/** Loads `codes/` under an ontology root. File names in provenance are relative to the root. */
export function loadCodes(root: string): Codes {
  const read = (rel: string): string => readFileSync(join(root, rel), 'utf8');
  const cameoFile = 'codes/cameo.txt';
  const ploverFile = 'codes/plover.txt';
  const mapFile = 'codes/cameo-plover.txt';
  const cameo = parseCameoCodes(read(cameoFile), cameoFile);
  const { types, contexts } = parsePloverTypes(read(ploverFile), ploverFile);
  const map = parseCameoPlover(read(mapFile), mapFile, cameo, types, contexts);
  return buildCodes(cameo, types, contexts, map);
}
