/**
 * The one text format of dyad's dictionaries (docs/dictionary-format.md):
 *
 *     # a comment runs from '#' to the end of the line
 *     USA  United States                 <- an entry: its head starts in column 0
 *       names: United States of America | U.S. | America
 *       capitals: Washington             <- its fields: indented `key: value | value`
 *
 * This module only splits a file into entries and fields with their line
 * numbers; each loader checks the keys and values it knows.
 */
import { DyadError } from '../core/errors.js';

export interface BlockField {
  key: string;
  /** the raw value, trimmed, comment removed */
  value: string;
  line: number;
}

export interface BlockEntry {
  head: string;
  line: number;
  fields: BlockField[];
}

export interface BlockFile {
  file: string;
  entries: BlockEntry[];
}

const FIELD = /^([A-Za-z0-9][A-Za-z0-9_./-]*)\s*:(.*)$/;

/** Removes a `#` comment: one at the start of the line or after whitespace. */
export function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) === 35 /* # */ && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return line.slice(0, i);
    }
  }
  return line;
}

export function parseBlockFile(source: string, file: string): BlockFile {
  const entries: BlockEntry[] = [];
  let current: BlockEntry | null = null;
  const lines = source.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = stripComment(lines[n]!);
    if (raw.trim() === '') continue;
    if (raw.includes('\uFFFD')) {
      throw new DyadError('E_DICT_SYNTAX', 'the line holds a replacement character (the file is not valid UTF-8?)', {
        file,
        line: lineNo,
      });
    }
    const indented = raw[0] === ' ' || raw[0] === '\t';
    if (!indented) {
      current = { head: raw.trim(), line: lineNo, fields: [] };
      entries.push(current);
      continue;
    }
    const body = raw.trim();
    const m = FIELD.exec(body);
    if (!m) {
      throw new DyadError('E_DICT_SYNTAX', `expected "key: value" in an indented line, found "${body}"`, {
        file,
        line: lineNo,
      });
    }
    if (!current) {
      throw new DyadError('E_DICT_SYNTAX', `field "${m[1]}" comes before any entry`, { file, line: lineNo });
    }
    current.fields.push({ key: m[1]!, value: m[2]!.trim(), line: lineNo });
  }
  return { file, entries };
}

/**
 * Splits a field value into its `|`-separated items, trimmed, empties dropped.
 * A `|` inside braces belongs to the item: the verb pattern `* {trade deal | pact}`.
 */
export function listValues(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  const push = () => {
    const t = cur.trim();
    if (t) out.push(t);
    cur = '';
  };
  for (const ch of value) {
    if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    if (ch === '|' && depth === 0) push();
    else cur += ch;
  }
  push();
  return out;
}

/**
 * Checks an entry's fields against the keys a loader knows. Unknown keys are
 * errors (a typo must not silently drop data).
 */
export function checkKeys(entry: BlockEntry, file: string, allowed: ReadonlySet<string>): void {
  for (const f of entry.fields) {
    if (!allowed.has(f.key)) {
      throw new DyadError(
        'E_DICT_SYNTAX',
        `unknown field "${f.key}" (known here: ${[...allowed].sort().join(', ')})`,
        { file, line: f.line },
      );
    }
  }
}

export function fieldsOf(entry: BlockEntry, key: string): BlockField[] {
  return entry.fields.filter((f) => f.key === key);
}

export function firstField(entry: BlockEntry, key: string): BlockField | undefined {
  return entry.fields.find((f) => f.key === key);
}

export function dictError(message: string, file: string, line: number): DyadError {
  return new DyadError('E_DICT_VALUE', message, { file, line });
}
