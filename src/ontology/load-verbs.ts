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
  /** `prefixes`: word beginnings that also match (`restor*` matches "restored", "restoration") */
  | { kind: 'word'; words: string[]; exact: boolean; adjacent: boolean; prefixes?: string[] }
  | { kind: 'set'; name: string; adjacent: boolean }
  /** `+` / `$`, or `+person`, `$state`, …: an actor slot, optionally of one class of actor */
  | { kind: 'target'; adjacent: boolean; actors?: ActorClass }
  | { kind: 'source'; adjacent: boolean; actors?: ActorClass }
  /** `%`: a compound actor ("Gondor and Osgiliath"); before the trigger its members act on each other */
  | { kind: 'compound'; adjacent: boolean }
  /** `^`: an actor that is passed over (neither source nor target) */
  | { kind: 'skip'; adjacent: boolean }
  /** `{a b | c}`: one of several word sequences */
  | { kind: 'alternatives'; options: PatternElement[][]; adjacent: boolean };

/**
 * Classes of actor a slot may be restricted to: `person` (a named or described
 * person), `state` (a country, its capital or institutions, its agents),
 * `org` (an international organisation), `group` (a non-state group).
 */
export const ACTOR_CLASSES = ['person', 'state', 'org', 'group'] as const;
export type ActorClass = (typeof ACTOR_CLASSES)[number];

/** The null code: a pattern that matches and codes nothing (it keeps the entry's default from firing). */
export const NULL_CODE = '---';
/** The discard code: a pattern that matches marks its sentence as not political events; nothing in it is coded. */
export const DISCARD_CODE = '###';

export interface VerbPattern {
  /** the event code, or NULL_CODE */
  code: string;
  /** a paired code (`032/033`): the target's event towards the source, coded alongside */
  paired?: string;
  elements: PatternElement[];
  text: string;
  source: Provenance;
}

export type TriggerPos = 'verb' | 'noun' | 'adj' | 'any';

export interface VerbEntry {
  lemma: string;
  /** the code when no pattern matches; null = patterns only */
  code: string | null;
  /** the paired code of the default (`arrive 032/033`): the target's event towards the source */
  pairedCode?: string;
  /**
   * how the trigger is found: `lemma` (default) by lemma, the listed forms and
   * regular inflections; `forms` only the lemma and the listed forms, as
   * written; `prefix` any word beginning with the lemma (a stem, `restor`)
   */
  match?: 'lemma' | 'forms' | 'prefix';
  /** `file`: patterns are tried in the order written, not most specific first */
  order?: 'specific' | 'file';
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
  /** words that take a gerund: "denied supplying" (lemmas) */
  ingWords: string[];
  /** words that stand right before the verb group: "not", "never" */
  words: string[];
  /** inner code prefix → new code; longest prefix wins */
  map: Map<string, string>;
  /** what to do when no prefix matches: a code, `keep`, or `negate` (keep the code, flag it negated) */
  otherwise: string;
  source: Provenance;
}

/** A word set: single words, and phrases (members of several words, or with `*` stems) as sequences. */
export interface WordSet {
  words: string[];
  /** members that are not one plain word: each a sequence of pattern elements */
  members?: PatternElement[][];
  source: Provenance;
}

export interface VerbDictionary {
  entries: VerbEntry[];
  modifiers: Modifier[];
  sets: Map<string, WordSet>;
}

const CODE = /^\d{2,4}$/;

/** Splits pattern text at blanks, keeping `{...}` groups whole. */
function patternChunks(text: string, source: Provenance): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of text.trim()) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) throw dictError(`"}" without "{" in pattern "${text}"`, source.file, source.line);
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth) throw dictError(`"{" without "}" in pattern "${text}"`, source.file, source.line);
  if (cur) out.push(cur);
  return out;
}

/** Splits a chunk at `_` outside braces. */
function gluedParts(chunk: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of chunk) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === '_' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.filter((p) => p !== '');
}

function parseElements(text: string, source: Provenance, inAlternative: boolean): PatternElement[] {
  const elements: PatternElement[] = [];
  for (const group of patternChunks(text, source)) {
    const parts = gluedParts(group);
    if (!parts.length) throw dictError(`empty element in pattern "${text}"`, source.file, source.line);
    parts.forEach((part, i) => {
      const adjacent = i > 0;
      if (part === '*') {
        if (inAlternative) throw dictError(`the trigger * cannot stand inside {...}`, source.file, source.line);
        elements.push({ kind: 'trigger', adjacent });
      } else if (part === '+') elements.push({ kind: 'target', adjacent });
      else if (part === '$') elements.push({ kind: 'source', adjacent });
      else if (/^[+$][a-z]+$/.test(part)) {
        const cls = part.slice(1) as ActorClass;
        if (!ACTOR_CLASSES.includes(cls)) {
          throw dictError(`"${part}": an actor slot's class should be one of ${ACTOR_CLASSES.join(', ')}`, source.file, source.line);
        }
        elements.push({ kind: part[0] === '+' ? 'target' : 'source', adjacent, actors: cls });
      }
      else if (part === '%') elements.push({ kind: 'compound', adjacent });
      else if (part === '^') elements.push({ kind: 'skip', adjacent });
      else if (part.startsWith('@')) {
        if (!/^@[a-z][a-z0-9-]*$/.test(part)) throw dictError(`"${part}" is not a set name`, source.file, source.line);
        elements.push({ kind: 'set', name: part.slice(1), adjacent });
      } else if (part.startsWith('{') && part.endsWith('}')) {
        const options = part.slice(1, -1).split('|').map((o) => o.trim());
        if (options.length < 2 || options.some((o) => !o)) {
          throw dictError(`"${part}" should list two or more alternatives, "{a b | c}"`, source.file, source.line);
        }
        elements.push({ kind: 'alternatives', options: options.map((o) => parseElements(o, source, true)), adjacent });
      } else {
        const exact = part.startsWith('"') && part.endsWith('"') && part.length > 2;
        const body = exact ? part.slice(1, -1) : part;
        const words: string[] = [];
        const prefixes: string[] = [];
        for (const w of body.split('/').map((x) => x.toLowerCase())) {
          // `restor*`: a stem, any word beginning with it
          if (/^[^*+$@"{}|]{2,}\*$/.test(w)) prefixes.push(w.slice(0, -1));
          else words.push(w);
        }
        if (words.some((w) => !w || /[*+$@"{}|%^]/.test(w))) {
          throw dictError(
            `"${part}" is not a word, a stem (word*), a set (@name), {a | b}, * (the trigger), + (target), $ (source), % (compound) or ^ (skip)`,
            source.file,
            source.line,
          );
        }
        const el: PatternElement = { kind: 'word', words, exact, adjacent };
        if (prefixes.length) el.prefixes = prefixes;
        elements.push(el);
      }
    });
  }
  return elements;
}

export function parsePattern(text: string, code: string, source: Provenance, paired?: string): VerbPattern {
  const elements = parseElements(text, source, false);
  const triggers = elements.filter((e) => e.kind === 'trigger').length;
  if (triggers !== 1) throw dictError(`pattern "${text}" must hold the trigger * exactly once`, source.file, source.line);
  const p: VerbPattern = { code, elements, text: text.trim(), source };
  if (paired) p.paired = paired;
  return p;
}

/** A field key or head code: `040`, `032/033` (paired), `none` (the null code), `discard`. */
function parseCodeKey(key: string): { code: string; paired?: string } | null {
  if (key === 'none') return { code: NULL_CODE };
  if (key === 'discard') return { code: DISCARD_CODE };
  const m = /^(\d{2,4})(?:\/(\d{2,4}))?$/.exec(key);
  if (!m) return null;
  return m[2] ? { code: m[1]!, paired: m[2] } : { code: m[1]! };
}

const ENTRY_KEYS = new Set(['pos', 'reciprocal', 'modal', 'forms', 'match', 'order', 'note']);

function parseEntry(entry: BlockEntry, file: string, knownCode: (c: string) => boolean): VerbEntry {
  const m = /^(\S+)\s+(\S+)$/.exec(entry.head);
  if (!m) throw dictError(`entry head "${entry.head}" should be "lemma  CODE" (CODE may be "-")`, file, entry.line);
  const lemma = m[1]!.toLowerCase();
  const codeText = m[2]!;
  const head = codeText === '-' ? null : parseCodeKey(codeText);
  if (codeText !== '-' && (!head || head.code === NULL_CODE || head.code === DISCARD_CODE)) throw dictError(`"${codeText}" is not a CAMEO code, a paired code CODE/CODE or "-"`, file, entry.line);
  for (const c of head ? [head.code, head.paired] : []) {
    if (c && !knownCode(c)) throw dictError(`CAMEO code ${c} does not exist`, file, entry.line);
  }
  const v: VerbEntry = {
    lemma,
    code: head ? head.code : null,
    pos: 'any',
    reciprocal: false,
    forms: [],
    patterns: [],
    source: { file, line: entry.line },
  };
  if (head?.paired) v.pairedCode = head.paired;
  for (const f of entry.fields) {
    const key = parseCodeKey(f.key);
    if (key) {
      for (const c of [key.code, key.paired]) {
        if (c && c !== NULL_CODE && c !== DISCARD_CODE && !knownCode(c)) throw dictError(`CAMEO code ${c} does not exist`, file, f.line);
      }
      for (const p of listValues(f.value)) v.patterns.push(parsePattern(p, key.code, { file, line: f.line }, key.paired));
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
    else if (f.key === 'match') {
      if (f.value !== 'lemma' && f.value !== 'forms' && f.value !== 'prefix') throw dictError(`match should be lemma, forms or prefix`, file, f.line);
      v.match = f.value;
    } else if (f.key === 'order') {
      if (f.value !== 'specific' && f.value !== 'file') throw dictError(`order should be specific or file`, file, f.line);
      v.order = f.value;
    }
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
      ingWords: [],
      words: [],
      map: new Map(),
      otherwise: 'keep',
      source: { file, line: entry.line },
    };
    for (const f of entry.fields) {
      if (f.key === 'to-words') mod.toWords.push(...listValues(f.value).map((w) => w.toLowerCase()));
      else if (f.key === 'ing-words') mod.ingWords.push(...listValues(f.value).map((w) => w.toLowerCase()));
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
        throw dictError(`unknown field "${f.key}" (known: to-words, ing-words, words, map, otherwise, note)`, file, f.line);
      }
    }
    out.push(mod);
  }
  return out;
}

export function parseSets(source: string, file: string): Map<string, WordSet> {
  const sets = new Map<string, WordSet>();
  for (const entry of parseBlockFile(source, file).entries) {
    const name = entry.head.split(/\s+/)[0]!;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw dictError(`set name "${name}" should be lower-case letters, digits and -`, file, entry.line);
    if (sets.has(name)) throw dictError(`set "${name}" is defined twice`, file, entry.line);
    const set: WordSet = { words: [], source: { file, line: entry.line } };
    for (const f of entry.fields) {
      if (f.key === 'words') {
        for (const w of listValues(f.value).map((x) => x.toLowerCase())) {
          // a member of several words ("total boycott") or a stem ("sanction*") is a sequence
          if (/[\s_*{@]/.test(w)) (set.members ??= []).push(parseElements(w, { file, line: f.line }, true));
          else set.words.push(w);
        }
      } else if (f.key !== 'note') throw dictError(`unknown field "${f.key}" (known: words, note)`, file, f.line);
    }
    sets.set(name, set);
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
  const check = (els: readonly PatternElement[], where: Provenance) => {
    for (const el of els) {
      if (el.kind === 'set' && !dict.sets.has(el.name)) throw dictError(`set @${el.name} is not in verbs/sets.txt`, where.file, where.line);
      if (el.kind === 'alternatives') for (const o of el.options) check(o, where);
    }
  };
  for (const e of dict.entries) {
    if (e.modal && !mods.has(e.modal)) throw dictError(`modifier "${e.modal}" is not in verbs/modifiers.txt`, e.source.file, e.source.line);
    for (const p of e.patterns) check(p.elements, p.source);
  }
  for (const set of dict.sets.values()) for (const m of set.members ?? []) check(m, set.source);
}
