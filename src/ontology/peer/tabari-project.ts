/**
 * Reader for TABARI `.project` files: which dictionaries, options and texts
 * a run uses.
 *
 *     <actorsfile>   TABARI.Demo.actors
 *     <verbsfile>    TABARI.Demo.verbs
 *     <optionsfile>  Validate.options
 *     <agentsfile>   Validate.agents
 *     <textfile>     Validate.text
 *
 * Output files (`<eventfile>`, `<problemfile>`, `<errorfile>`) and the
 * `<session ...>` log lines are what TABARI writes; they are kept as text.
 */
import { DyadError } from '../../core/errors.js';

export interface TabariProject {
  file: string;
  title: string;
  actors: string[];
  verbs: string[];
  agents: string[];
  options: string[];
  texts: string[];
  /** other `<tag> value` lines, by tag */
  other: Map<string, string[]>;
}

export function readTabariProject(source: string, file: string): TabariProject {
  const out: TabariProject = { file, title: '', actors: [], verbs: [], agents: [], options: [], texts: [], other: new Map() };
  source.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (!t) return;
    const m = /^<([a-z]+)>\s*(.*)$/i.exec(t);
    if (!m) {
      if (i === 0 || !out.title) out.title = t;
      return;
    }
    const tag = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    const list: Record<string, string[]> = {
      actorsfile: out.actors,
      verbsfile: out.verbs,
      agentsfile: out.agents,
      optionsfile: out.options,
      textfile: out.texts,
    };
    if (list[tag]) {
      if (!value) throw new DyadError('E_DICT_SYNTAX', `<${tag}> names no file`, { file, line: i + 1 });
      list[tag]!.push(value);
    } else {
      const l = out.other.get(tag) ?? [];
      l.push(value);
      out.other.set(tag, l);
    }
  });
  return out;
}
