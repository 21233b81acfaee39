/**
 * Loader for the cue words of reported speech (ontology/quotes/cues.txt,
 * docs/quotes.md):
 *
 *     tell  speech                 <- a lemma or phrase, then its class
 *       addressee: required
 *       content: that | bare | quote | to | wh
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from '../core/layers.js';
import { checkKeys, dictError, fieldsOf, firstField, listValues, parseBlockFile } from './block-file.js';

export const CUE_CLASSES = ['speech', 'writing', 'thought', 'stance', 'evidence', 'source'] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

export const CUE_CONTENTS = ['that', 'bare', 'wh', 'to', 'quote', 'quoted', 'np', 'as'] as const;
export type CueContent = (typeof CUE_CONTENTS)[number];

export type CuePos = 'verb' | 'noun' | 'prep' | 'any';

export interface CueEntry {
  /** the lemma or phrase as written */
  phrase: string;
  cueClass: CueClass;
  /** what may follow as the reported content */
  content: ReadonlySet<CueContent>;
  addressee: 'no' | 'yes' | 'required';
  pos: CuePos;
  /** extra surface forms (lower-cased) the lemmatiser does not map to the head */
  forms: string[];
  source: Provenance;
}

export interface CueDictionary {
  entries: CueEntry[];
}

export const CUES_FILE = 'quotes/cues.txt';

const KEYS = new Set(['content', 'addressee', 'pos', 'forms', 'note']);
const DEFAULT_CONTENT: readonly CueContent[] = ['that', 'bare', 'quote'];

export function parseCues(source: string, file: string): CueDictionary {
  const entries: CueEntry[] = [];
  const seen = new Map<string, number>();
  for (const entry of parseBlockFile(source, file).entries) {
    checkKeys(entry, file, KEYS);
    const m = /^(.+?)\s+(\S+)$/.exec(entry.head);
    if (!m) throw dictError(`entry head "${entry.head}" should be "word-or-phrase  class"`, file, entry.line);
    const phrase = m[1]!.trim().toLowerCase();
    const cls = m[2]!;
    if (!(CUE_CLASSES as readonly string[]).includes(cls)) {
      throw dictError(`cue class "${cls}" should be one of ${CUE_CLASSES.join(', ')}`, file, entry.line);
    }

    let content: CueContent[] = [...DEFAULT_CONTENT];
    const contentFields = fieldsOf(entry, 'content');
    if (contentFields.length) {
      content = [];
      for (const f of contentFields) {
        for (const v of listValues(f.value)) {
          if (!(CUE_CONTENTS as readonly string[]).includes(v)) {
            throw dictError(`content "${v}" should be one of ${CUE_CONTENTS.join(', ')}`, file, f.line);
          }
          content.push(v as CueContent);
        }
      }
      if (!content.length) throw dictError('content: lists nothing', file, contentFields[0]!.line);
    }
    let addressee: CueEntry['addressee'] = 'no';
    const a = firstField(entry, 'addressee');
    if (a) {
      if (a.value === 'yes' || a.value === 'required' || a.value === 'no') addressee = a.value;
      else throw dictError(`addressee "${a.value}" should be yes, required or no`, file, a.line);
    }
    const multi = /\s/.test(phrase);
    let pos: CuePos = cls === 'source' || multi ? 'any' : 'verb';
    const p = firstField(entry, 'pos');
    if (p) {
      if (p.value === 'verb' || p.value === 'noun' || p.value === 'prep' || p.value === 'any') pos = p.value;
      else throw dictError(`pos "${p.value}" should be verb, noun, prep or any`, file, p.line);
    }
    // a word may be a verb cue and a noun cue ("claim"), each once
    const key = `${phrase}\t${pos === 'noun' ? 'noun' : 'other'}`;
    const before = seen.get(key);
    if (before !== undefined) throw dictError(`cue "${phrase}" is already defined on line ${before}`, file, entry.line);
    seen.set(key, entry.line);
    const forms = fieldsOf(entry, 'forms').flatMap((f) => listValues(f.value).map((v) => v.toLowerCase()));
    entries.push({
      phrase,
      cueClass: cls as CueClass,
      content: new Set(content),
      addressee,
      pos,
      forms,
      source: { file, line: entry.line, pattern: phrase },
    });
  }
  return { entries };
}

/** Loads `quotes/cues.txt` under an ontology root; an ontology without it has no cues. */
export function loadCues(root: string): CueDictionary {
  const path = join(root, CUES_FILE);
  if (!existsSync(path)) return { entries: [] };
  return parseCues(readFileSync(path, 'utf8'), CUES_FILE);
}
