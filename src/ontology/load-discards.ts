/**
 * Loader for dyad's discard list, ontology/discards.txt (docs/dictionary-format.md, "discards"):
 *
 *     sport  Sports results and fixtures        <- a group: `name  description`
 *       scope: sentence                         <- sentence (default) or story
 *       phrases: Premier League | semi-final* | penalty shootout
 *
 * A sentence holding one of a `sentence` group's phrases codes no event; a
 * `story` phrase anywhere keeps the whole article from being coded. Phrases
 * match word by word, ignoring case; a word ending in `*` matches any word
 * beginning with it. The events stage applies them (src/stages/events/discards.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkKeys, dictError, fieldsOf, listValues, parseBlockFile } from './block-file.js';
import type { Provenance } from '../core/layers.js';

export type DiscardScope = 'sentence' | 'story';

/** One discard phrase (the shape of DiscardEntry in types.ts), with the group it belongs to. */
export interface DiscardPhrase {
  phrase: { text: string; source: Provenance };
  scope: DiscardScope;
  /** the group's name in discards.txt: sport, markets, … */
  group: string;
}

export const DISCARDS_FILE = 'discards.txt';

const KEYS = new Set(['scope', 'phrases', 'note']);
/** a word of a phrase: letters, digits and the punctuation names use; `*` only at its end */
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}&'’.\-]*\*?$|^[\p{N}]+\*?$/u;

export function parseDiscards(source: string, file: string): DiscardPhrase[] {
  const out: DiscardPhrase[] = [];
  const groups = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const entry of parseBlockFile(source, file).entries) {
    const m = /^([a-z][a-z0-9-]*)(?:\s+(.*))?$/.exec(entry.head);
    if (!m) throw dictError(`group head "${entry.head}" should be "name  description" (a lower-case name)`, file, entry.line);
    const group = m[1]!;
    if (groups.has(group)) throw dictError(`group "${group}" is already defined on line ${groups.get(group)}`, file, entry.line);
    groups.set(group, entry.line);
    checkKeys(entry, file, KEYS);
    const scopes = fieldsOf(entry, 'scope');
    if (scopes.length > 1) throw dictError(`group "${group}" has more than one scope`, file, scopes[1]!.line);
    const scopeText = scopes[0]?.value ?? 'sentence';
    if (scopeText !== 'sentence' && scopeText !== 'story') {
      throw dictError(`scope "${scopeText}" should be sentence or story`, file, scopes[0]!.line);
    }
    const scope: DiscardScope = scopeText;
    const fields = fieldsOf(entry, 'phrases');
    if (!fields.length) throw dictError(`group "${group}" has no phrases`, file, entry.line);
    for (const f of fields) {
      for (const text of listValues(f.value)) {
        const words = text.split(/\s+/);
        const bad = words.find((w) => !WORD.test(w) || (w.endsWith('*') && w.length < 3));
        if (bad !== undefined) {
          throw dictError(`"${bad}" in "${text}" is not a word of a phrase (letters, digits, - ' . &; a final * for "any ending", after two letters at least)`, file, f.line);
        }
        const key = words.join(' ').toLowerCase();
        if (seen.has(key)) throw dictError(`phrase "${text}" is already listed on line ${seen.get(key)}`, file, f.line);
        seen.set(key, f.line);
        out.push({ phrase: { text, source: { file, line: f.line } }, scope, group });
      }
    }
  }
  return out;
}

/** The discard phrases of an ontology folder; none when it has no discards.txt. */
export function loadDiscards(root: string): DiscardPhrase[] {
  const path = join(root, DISCARDS_FILE);
  if (!existsSync(path)) return [];
  return parseDiscards(readFileSync(path, 'utf8'), DISCARDS_FILE);
}
