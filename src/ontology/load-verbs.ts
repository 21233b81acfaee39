/**
 * Loader for dyad's verb dictionaries (docs/dictionary-format.md, "verbs"):
 *
 *     hold  -                              <- a trigger lemma and its default code ("-": none)
 *       pos: verb
 *       reciprocal: yes
 *       041: * phone/telephone talks | * talks by_phone
 *       040: * talks with + | * talks
 *
 * and of the modifier file (modifiers.txt) and word sets (sets.txt).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlockFile, listValues, dictError, type BlockEntry } from './block-file.js';
import type { Provenance } from '../core/layers.js';

export type PatternElement =
  | { kind: 'trigger'; adjacent: boolean }
  | { kind: 'word'; words: string[]; exact: boolean; adjacent: boolean }
  | { kind: 'set'; name: string; adjacent: boolean }
  | { kind: 'target'; adjacent: boolean }
  | { kind: 'source'; adjacent: boolean };

export interface VerbPattern {
  code: string;
  elements: PatternElement[];
  text: string;
  source: Provenance;
}

export type TriggerPos = 'verb' | 'noun' | 'adj' | 'any';

export interface VerbEntry {
  lemma: string;
  /** the code when no pattern matches; null = patterns only */
  code: string | null;
  pos: TriggerPos;
  reciprocal: boolean;
  /** name of a modifier in modifiers.txt: "refuse to V" codes V through it */
  modal?: string;
  forms: string[];
  patterns: VerbPattern[];
  source: Provenance;
}

export interface Modifier {
  name: string;
  description: string;
  /** words that take "to VERB": "ready to", "refuse to" (lemmas) */
  toWords: string[];
  /** words that stand right before the verb group: "not", "never" */
  words: string[];
  /** inner code prefix → new code; longest prefix wins */
  map: Map<string, string>;
  /** what to do when no prefix matches: a code, `keep`, or `negate` (keep the code, flag it negated) */
  otherwise: string;
  source: Provenance;
}

export interface VerbDictionary {
  entries: VerbEntry[];
  modifiers: Modifier[];
  sets: Map<string, { words: string[]; source: Provenance }>;
}

const CODE = /^\d{2,4}$/;

export function parsePattern(text: string, code: string, source: Provenance): VerbPattern {
  const elements: PatternElement[] = [];
  let triggers = 0;
  for (const group of text.trim().split(/\s+/)) {
    const parts = group.split('_').filter((p) => p !== '');
    if (!parts.length) throw dictError(`empty element in pattern "${text}"`, source.file, source.line);
    parts.forEach((part, i) => {
      const adjacent = i > 0;
      if (part === '*') {
        elements.push({ kind: 'trigger', adjacent });
        triggers++;
      } else if (part === '+') elements.push({ kind: 'target', adjacent });
      else if (part === '$') elements.push({ kind: 'source', adjacent });
      else if (part.startsWith('@')) {
        if (!/^@[a-z][a-z0-9-]*$/.test(part)) throw dictError(`"${part}" is not a set name`, source.file, source.line);
        elements.push({ kind: 'set', name: part.slice(1), adjacent });
      } else {
        const exact = part.startsWith('"') && part.endsWith('"') && part.length > 2;
        const body = exact ? part.slice(1, -1) : part;
        const words = body.split('/').map((w) => w.toLowerCase());
        if (words.some((w) => !w || /[*+$@"]/.test(w))) {
          throw dictError(`"${part}" is not a word, a set (@name), * (the trigger), + (target) or $ (source)`, source.file, source.line);
        }
        elements.push({ kind: 'word', words, exact, adjacent });
      }
    });
  }
  if (triggers !== 1) throw dictError(`pattern "${text}" must hold the trigger * exactly once`, source.file, source.line);
  return { code, elements, text: text.trim(), source };
}

const ENTRY_KEYS = new Set(['pos', 'reciprocal', 'modal', 'forms', 'note']);

function parseEntry(entry: BlockEntry, file: string, knownCode: (c: string) => boolean): VerbEntry {
  const m = /^(\S+)\s+(\S+)$/.exec(entry.head);
  if (!m) throw dictError(`entry head "${entry.head}" should be "lemma  CODE" (CODE may be "-")`, file, entry.line);
  const lemma = m[1]!.toLowerCase();
  const codeText = m[2]!;
  if (codeText !== '-' && !CODE.test(codeText)) throw dictError(`"${codeText}" is not a CAMEO code or "-"`, file, entry.line);
  if (codeText !== '-' && !knownCode(codeText)) throw dictError(`CAMEO code ${codeText} does not exist`, file, entry.line);
  const v: VerbEntry = {
    lemma,
    code: codeText === '-' ? null : codeText,
    pos: 'any',
    reciprocal: false,
    forms: [],
    patterns: [],
    source: { file, line: entry.line },
  };
  for (const f of entry.fields) {
    if (CODE.test(f.key)) {
      if (!knownCode(f.key)) throw dictError(`CAMEO code ${f.key} does not exist`, file, f.line);
      for (const p of listValues(f.value)) v.patterns.push(parsePattern(p, f.key, { file, line: f.line }));
      continue;
    }
    if (!ENTRY_KEYS.has(f.key)) {
      throw dictError(`unknown field "${f.key}" (known: a CAMEO code, ${[...ENTRY_KEYS].join(', ')})`, file, f.line);
    }
    if (f.key === 'pos') {
      if (!['verb', 'noun', 'adj', 'any'].includes(f.value)) throw dictError(`pos "${f.value}" should be verb, noun, adj or any`, file, f.line);
      v.pos = f.value as TriggerPos;
    } else if (f.key === 'reciprocal') {
      if (f.value !== 'yes' && f.value !== 'no') throw dictError(`reciprocal should be yes or no`, file, f.line);
      v.reciprocal = f.value === 'yes';
    } else if (f.key === 'modal') v.modal = f.value;
    else if (f.key === 'forms') v.forms.push(...listValues(f.value).map((w) => w.toLowerCase()));
  }
  if (!v.code && !v.patterns.length && !v.modal) {
    throw dictError(`"${lemma}" has no default code, no pattern and no modal: it can never fire`, file, entry.line);
  }
  return v;
}

export function parseVerbFile(source: string, file: string, knownCode: (c: string) => boolean): VerbEntry[] {
  return parseBlockFile(source, file).entries.map((e) => parseEntry(e, file, knownCode));
}

export function parseModifiers(source: string, file: string, knownCode: (c: string) => boolean): Modifier[] {
  const out: Modifier[] = [];
  for (const entry of parseBlockFile(source, file).entries) {
    const m = /^([a-z][a-z0-9-]*)\s*(.*)$/.exec(entry.head);
    if (!m) throw dictError(`modifier head "${entry.head}" should be "name  description"`, file, entry.line);
    const mod: Modifier = {
      name: m[1]!,
      description: m[2]!.trim(),
      toWords: [],
      words: [],
      map: new Map(),
      otherwise: 'keep',
      source: { file, line: entry.line },
    };
    for (const f of entry.fields) {
      if (f.key === 'to-words') mod.toWords.push(...listValues(f.value).map((w) => w.toLowerCase()));
      else if (f.key === 'words') mod.words.push(...listValues(f.value).map((w) => w.toLowerCase()));
      else if (f.key === 'map') {
        for (const item of listValues(f.value)) {
          const mm = /^(\d{2,4})\s*=>\s*(\d{2,4}|negate)$/.exec(item);
          if (!mm) throw dictError(`map item "${item}" should be "CODE => CODE"`, file, f.line);
          for (const c of [mm[1]!, mm[2]!]) {
            if (c !== 'negate' && !knownCode(c)) throw dictError(`CAMEO code ${c} does not exist`, file, f.line);
          }
          mod.map.set(mm[1]!, mm[2]!);
        }
      } else if (f.key === 'otherwise') {
        if (f.value !== 'keep' && f.value !== 'negate' && !(CODE.test(f.value) && knownCode(f.value))) {
          throw dictError(`otherwise should be keep, negate or a CAMEO code`, file, f.line);
        }
        mod.otherwise = f.value;
      } else if (f.key !== 'note') {
        throw dictError(`unknown field "${f.key}" (known: to-words, words, map, otherwise, note)`, file, f.line);
      }
    }
    out.push(mod);
  }
  return out;
}

export function parseSets(source: string, file: string): Map<string, { words: string[]; source: Provenance }> {
  const sets = new Map<string, { words: string[]; source: Provenance }>();
  for (const entry of parseBlockFile(source, file).entries) {
    const name = entry.head.split(/\s+/)[0]!;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw dictError(`set name "${name}" should be lower-case letters, digits and -`, file, entry.line);
    if (sets.has(name)) throw dictError(`set "${name}" is defined twice`, file, entry.line);
    const words: string[] = [];
    for (const f of entry.fields) {
      if (f.key === 'words') words.push(...listValues(f.value).map((w) => w.toLowerCase()));
      else if (f.key !== 'note') throw dictError(`unknown field "${f.key}" (known: words, note)`, file, f.line);
    }
    sets.set(name, { words, source: { file, line: entry.line } });
  }
  return sets;
}

/** Loads `verbs/` under an ontology root: every `*.txt` but modifiers.txt and sets.txt holds verb entries. */
export function loadVerbDictionary(root: string, knownCode: (c: string) => boolean): VerbDictionary {
  const dir = join(root, 'verbs');
  const dict: VerbDictionary = { entries: [], modifiers: [], sets: new Map() };
  if (!existsSync(dir)) return dict;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const rel = `verbs/${name}`;
    const source = readFileSync(join(dir, name), 'utf8');
    if (name === 'modifiers.txt') dict.modifiers.push(...parseModifiers(source, rel, knownCode));
    else if (name === 'sets.txt') dict.sets = parseSets(source, rel);
    else dict.entries.push(...parseVerbFile(source, rel, knownCode));
  }
  checkReferences(dict);
  return dict;
}

/** Sets and modifiers named by entries must exist. */
export function checkReferences(dict: VerbDictionary): void {
  const mods = new Set(dict.modifiers.map((m) => m.name));
  for (const e of dict.entries) {
    if (e.modal && !mods.has(e.modal)) throw dictError(`modifier "${e.modal}" is not in verbs/modifiers.txt`, e.source.file, e.source.line);
    for (const p of e.patterns) {
      for (const el of p.elements) {
        if (el.kind === 'set' && !dict.sets.has(el.name)) {
          throw dictError(`set @${el.name} is not in verbs/sets.txt`, p.source.file, p.source.line);
        }
      }
    }
  }
}
