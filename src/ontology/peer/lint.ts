/**
 * `dyad dict check`: lints a user's dictionaries and reports every problem
 * with file and line.
 *
 * - a dyad ontology folder (actors/, verbs/, codes/, quotes/, discards.txt)
 *   or one of its files: read with dyad's own loaders, file by file, so one
 *   malformed file does not hide the others (dyad's loaders stop at a file's
 *   first error);
 * - PETRARCH dictionaries (verbs, actors, agents, discards, issues; a
 *   validation XML, whose dictionaries are checked too) and TABARI files
 *   (.actors, .verbs, .agents, .options, .project): read with the peer readers
 *   in lenient mode, which collect every problem and go on; then checked for
 *   what the readers cannot see alone (synsets a pattern names but no file
 *   defines, actor codes dyad would not accept).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { DyadError, isDyadError } from '../../core/errors.js';
import { parseAgents, parseNamedActors, parseOffices, parsePeople } from '../load-actors.js';
import { loadCodes } from '../load-codes.js';
import { defaultOntologyDir } from '../../paths.js';
import { parseCues } from '../load-cues.js';
import { parseDiscards } from '../load-discards.js';
import { checkReferences, parseModifiers, parseSets, parseVerbFile, type VerbDictionary } from '../load-verbs.js';
import { PeerReport, type PeerProblem } from './peer-lines.js';
import type { PeerPatternElement, PeerVerbFile } from './peer-types.js';
import { readPeerActors } from './petrarch-actors.js';
import { readPetrarchAgents } from './petrarch-agents.js';
import { readPetrarchDiscards } from './petrarch-discards.js';
import { readPetrarchIssues } from './petrarch-issues.js';
import { readPetrarchVerbs } from './petrarch-verbs.js';
import { readTabariAgents } from './tabari-agents.js';
import { readTabariOptions } from './tabari-options.js';
import { readTabariProject } from './tabari-project.js';
import { readTabariVerbs } from './tabari-verbs.js';
import { readPetrarchSuite } from './validation-records.js';

export type DictKind =
  | 'dyad-ontology'
  | 'dyad-file'
  | 'petrarch-verbs'
  | 'petrarch-actors'
  | 'petrarch-agents'
  | 'petrarch-discards'
  | 'petrarch-issues'
  | 'petrarch-suite'
  | 'tabari-actors'
  | 'tabari-verbs'
  | 'tabari-agents'
  | 'tabari-options'
  | 'tabari-project';

export interface CheckedFile {
  file: string;
  kind: DictKind;
  /** what was read: "261 verb blocks, 474 patterns, 17 synsets" */
  summary: string;
}

export interface CheckResult {
  files: CheckedFile[];
  problems: PeerProblem[];
}

function readText(path: string): string {
  const buf = readFileSync(path);
  const utf8 = buf.toString('utf8');
  // TABARI files are Latin-1 in places; a PETRARCH file with U+FFFD is reported by the reader
  return utf8.includes('\uFFFD') && /\.(actors|verbs|agents|options|project|text)$/i.test(path) ? buf.toString('latin1') : utf8;
}

/** What kind of dictionary a file is, by its name and, for .txt files, its content. */
export function detectKind(path: string): DictKind | null {
  const ext = extname(path).toLowerCase();
  const name = basename(path).toLowerCase();
  if (ext === '.project') return 'tabari-project';
  if (ext === '.actors') return 'tabari-actors';
  if (ext === '.verbs') return 'tabari-verbs';
  if (ext === '.agents') return 'tabari-agents';
  if (ext === '.options') return 'tabari-options';
  if (ext === '.xml') return 'petrarch-suite';
  if (ext !== '.txt') return null;
  const parent = basename(dirname(path));
  if (['actors', 'people', 'verbs', 'codes', 'quotes'].includes(parent) || name === 'discards.txt') {
    // a dyad block file? PETRARCH files never start an entry with two-space indented `key: value` fields
    const head = readFileSync(path, 'utf8').slice(0, 4000);
    if (/^\s{2,}[A-Za-z0-9][\w./-]*\s*:/m.test(head)) return 'dyad-file';
  }
  if (/verb|cameo/.test(name)) return 'petrarch-verbs';
  if (/agent/.test(name)) return 'petrarch-agents';
  if (/discard/.test(name)) return 'petrarch-discards';
  if (/issue/.test(name)) return 'petrarch-issues';
  if (/actor/.test(name)) return 'petrarch-actors';
  const head = readFileSync(path, 'utf8').slice(0, 20000);
  if (/^---\s.*\[[^\]]*\]/m.test(head)) return 'petrarch-verbs';
  if (/\[~[A-Z]+\]|\[[A-Z]+~\]/.test(head)) return 'petrarch-agents';
  if (/<ISSUE\b/i.test(head)) return 'petrarch-issues';
  if (/^\S.*\[[A-Z]{3}/m.test(head)) return 'petrarch-actors';
  return null;
}

/** Patterns that name a synset no file defines: PETRARCH skips such patterns. */
function synsetReferences(v: PeerVerbFile, problems: PeerProblem[]): void {
  const walk = (els: readonly PeerPatternElement[], line: number, where: string) => {
    for (const e of els) {
      if (e.kind === 'synset' && !v.synsets.has(e.name)) {
        problems.push({ file: v.file, line, severity: 'warning', message: `${where} names the synset &${e.name}, which is not defined: PETRARCH skips the pattern, dyad matches nothing there` });
      }
      if (e.kind === 'alternatives') {
        for (const o of e.options) for (const w of o) {
          if (w.text.startsWith('&') && !v.synsets.has(w.text.slice(1))) {
            problems.push({ file: v.file, line, severity: 'warning', message: `${where} names the synset ${w.text}, which is not defined` });
          }
        }
      }
    }
  };
  for (const b of v.blocks) for (const p of b.patterns) walk(p.elements, p.line, `pattern "${p.written}"`);
  for (const s of v.synsets.values()) for (const m of s.members) walk(m, s.line, `synset &${s.name}`);
}

function checkPeerFile(path: string, kind: DictKind, label: string): { summary: string; problems: PeerProblem[] } {
  const report = new PeerReport(label, false);
  const src = readText(path);
  let summary = '';
  switch (kind) {
    case 'petrarch-verbs':
    case 'tabari-verbs': {
      const v = kind === 'petrarch-verbs' ? readPetrarchVerbs(src, label, report) : readTabariVerbs(src, label, report);
      synsetReferences(v, report.problems);
      const patterns = v.blocks.reduce((n, b) => n + b.patterns.length, 0);
      summary = `${v.blocks.length} verb ${kind === 'petrarch-verbs' ? 'blocks' : 'entries'}, ${patterns} patterns, ${v.synsets.size} synsets`;
      if (v.transformations.length) summary += `, ${v.transformations.length} transformations (read, not applied)`;
      if (v.skipped.length) summary += `, ${v.skipped.length} patterns PETRARCH does not read`;
      break;
    }
    case 'petrarch-actors':
    case 'tabari-actors': {
      const a = readPeerActors(src, label, kind === 'petrarch-actors' ? 'petrarch' : 'tabari', report);
      const synonyms = a.actors.reduce((n, x) => n + x.phrases.length - 1, 0);
      const dated = a.actors.reduce((n, x) => n + x.codes.filter((c) => c.from || c.until).length, 0);
      summary = `${a.actors.length} actors (+${synonyms} synonyms, ${dated} dated code lines)`;
      for (const x of a.actors) {
        for (const c of x.codes) {
          if (c.code !== '---' && !/^[A-Za-z0-9/#+~-]+$/.test(c.code)) report.warn(`code "${c.code}" holds characters no actor code has`, c.line);
        }
      }
      break;
    }
    case 'petrarch-agents':
    case 'tabari-agents': {
      const a = kind === 'petrarch-agents' ? readPetrarchAgents(src, label, report) : readTabariAgents(src, label, report);
      summary = `${a.agents.length} agents`;
      break;
    }
    case 'petrarch-discards': {
      const d = readPetrarchDiscards(src, label, report);
      summary = `${d.discards.length} discards (${d.discards.filter((x) => x.scope === 'story').length} story-level)`;
      break;
    }
    case 'petrarch-issues': {
      const i = readPetrarchIssues(src, label, report);
      summary = `${new Set(i.issues.map((x) => x.category)).size} issue categories, ${i.issues.length} phrases (expanded)`;
      break;
    }
    case 'tabari-options': {
      const o = readTabariOptions(src, label, report);
      summary = `${o.labels.size} code labels${o.complexVerbs ? `, COMPLEX VERBS[${o.complexVerbs}]` : ''}`;
      break;
    }
    default:
      break;
  }
  return { summary, problems: report.problems };
}

/** Runs `f` on a dyad file, turning its DyadError into a problem. */
function dyadFile(problems: PeerProblem[], file: string, f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isDyadError(e)) throw e;
    problems.push({ file: e.place?.file ?? file, line: e.place?.line ?? 0, severity: 'error', message: e.message.replace(/^[^:]*:\d+(:\d+)?: /, '') });
  }
}

function checkDyadOntology(root: string, out: CheckResult): void {
  const rel = (p: string) => relative(root, p) || basename(p);
  const read = (p: string) => readFileSync(p, 'utf8');
  let known: (c: string) => boolean = () => true;
  // a folder of verb or actor files alone (no codes/): its codes are checked against dyad's own code book
  const own = existsSync(join(root, 'codes'));
  dyadFile(out.problems, 'codes/', () => {
    const codes = loadCodes(own ? root : defaultOntologyDir());
    known = (c) => codes.cameo.has(c);
    const summary = `${codes.cameo.size} CAMEO codes, ${codes.plover.size} PLOVER types`;
    out.files.push({ file: own ? 'codes/' : "dyad's codes/", kind: 'dyad-ontology', summary: own ? summary : `${summary} (${root} has no codes/ of its own)` });
  });
  const actors = join(root, 'actors');
  let agentCodes = new Set<string>();
  let officeIds = new Set<string>();
  if (existsSync(actors)) {
    for (const [name, kind] of [['countries.txt', 'country'], ['organisations.txt', 'organisation'], ['groups.txt', 'group']] as const) {
      const p = join(actors, name);
      if (existsSync(p)) dyadFile(out.problems, rel(p), () => out.files.push({ file: rel(p), kind: 'dyad-file', summary: `${parseNamedActors(read(p), rel(p), kind).length} entries` }));
    }
    const ag = join(actors, 'agents.txt');
    if (existsSync(ag)) dyadFile(out.problems, rel(ag), () => {
      const a = parseAgents(read(ag), rel(ag));
      agentCodes = new Set(a.map((x) => x.code));
      out.files.push({ file: rel(ag), kind: 'dyad-file', summary: `${a.length} agents` });
    });
    const of = join(actors, 'offices.txt');
    if (existsSync(of)) dyadFile(out.problems, rel(of), () => {
      const o = parseOffices(read(of), rel(of), agentCodes);
      officeIds = new Set(o.map((x) => x.id));
      out.files.push({ file: rel(of), kind: 'dyad-file', summary: `${o.length} offices` });
    });
    const people = join(actors, 'people');
    if (existsSync(people)) {
      for (const n of readdirSync(people).filter((x) => x.endsWith('.txt')).sort()) {
        const p = join(people, n);
        dyadFile(out.problems, rel(p), () => out.files.push({ file: rel(p), kind: 'dyad-file', summary: `${parsePeople(read(p), rel(p), officeIds).length} people` }));
      }
    }
  }
  const verbs = join(root, 'verbs');
  if (existsSync(verbs)) {
    const dict: VerbDictionary = { entries: [], modifiers: [], sets: new Map() };
    for (const n of readdirSync(verbs).filter((x) => x.endsWith('.txt')).sort()) {
      const p = join(verbs, n);
      dyadFile(out.problems, rel(p), () => {
        if (n === 'modifiers.txt') dict.modifiers.push(...parseModifiers(read(p), rel(p), known));
        else if (n === 'sets.txt') dict.sets = parseSets(read(p), rel(p));
        else {
          const e = parseVerbFile(read(p), rel(p), known);
          dict.entries.push(...e);
          out.files.push({ file: rel(p), kind: 'dyad-file', summary: `${e.length} verb entries, ${e.reduce((k, x) => k + x.patterns.length, 0)} patterns` });
        }
      });
    }
    dyadFile(out.problems, 'verbs/', () => checkReferences(dict));
  }
  const cues = join(root, 'quotes', 'cues.txt');
  if (existsSync(cues)) dyadFile(out.problems, rel(cues), () => out.files.push({ file: rel(cues), kind: 'dyad-file', summary: `${parseCues(read(cues), rel(cues)).entries.length} cues` }));
  const discards = join(root, 'discards.txt');
  if (existsSync(discards)) dyadFile(out.problems, rel(discards), () => out.files.push({ file: rel(discards), kind: 'dyad-file', summary: `${parseDiscards(read(discards), rel(discards)).length} discard phrases` }));
}

function checkOne(path: string, out: CheckResult, label = path): void {
  const kind = detectKind(path);
  if (!kind) {
    out.problems.push({ file: label, line: 0, severity: 'error', message: 'not a dictionary dyad reads (PETRARCH .txt, TABARI .actors/.verbs/.agents/.options/.project, a validation .xml, or a dyad ontology file)' });
    return;
  }
  if (kind === 'dyad-file') {
    // a file of a dyad ontology: check the ontology it belongs to
    let root = dirname(path);
    if (basename(root) === 'people') root = dirname(root);
    if (basename(path) !== 'discards.txt') root = dirname(root);
    checkDyadOntology(root, out);
    return;
  }
  if (kind === 'tabari-project') {
    const proj = readTabariProject(readText(path), label);
    out.files.push({ file: label, kind, summary: `names ${proj.actors.length + proj.verbs.length + proj.agents.length + proj.options.length} dictionaries and ${proj.texts.length} text file(s)` });
    for (const f of [...proj.actors, ...proj.verbs, ...proj.agents, ...proj.options]) {
      const p = join(dirname(path), f);
      if (!existsSync(p)) out.problems.push({ file: label, line: 0, severity: 'error', message: `names ${f}, which is not there` });
      else checkOne(p, out, join(dirname(label), f));
    }
    return;
  }
  if (kind === 'petrarch-suite') {
    const suite = readPetrarchSuite(readText(path), label);
    out.problems.push(...suite.problems);
    out.files.push({ file: label, kind, summary: `${suite.items.filter((i) => i.kind === 'record').length} validation records` });
    const d = suite.dictionaries;
    for (const f of [...d.verbs, ...d.actors, ...d.agents, ...d.discards, ...d.issues]) {
      const p = join(dirname(path), f);
      if (!existsSync(p)) out.problems.push({ file: label, line: 0, severity: 'error', message: `<Environment> names ${f}, which is not there` });
      else checkOne(p, out, join(dirname(label), f));
    }
    return;
  }
  const r = checkPeerFile(path, kind, label);
  out.files.push({ file: label, kind, summary: r.summary });
  out.problems.push(...r.problems);
}

/** Checks a dictionary file or folder. */
export function checkDictionaries(path: string): CheckResult {
  if (!existsSync(path)) throw new DyadError('E_INPUT', `${path} does not exist`);
  const out: CheckResult = { files: [], problems: [] };
  if (statSync(path).isDirectory()) {
    if (['actors', 'verbs', 'codes'].some((d) => existsSync(join(path, d)))) {
      checkDyadOntology(path, out);
      out.files.unshift({ file: path, kind: 'dyad-ontology', summary: 'dyad ontology folder' });
      return out;
    }
    const files = readdirSync(path).sort().map((n) => join(path, n)).filter((p) => statSync(p).isFile() && detectKind(p));
    // a TABARI project or a PETRARCH suite checks the dictionaries it names; the rest on their own
    const projects = files.filter((p) => /\.(project|xml)$/i.test(p));
    const named = new Set<string>();
    for (const p of projects) {
      const before = out.files.length;
      checkOne(p, out, join(path, basename(p)));
      for (const f of out.files.slice(before)) named.add(basename(f.file));
    }
    for (const p of files) if (!named.has(basename(p)) && !projects.includes(p)) checkOne(p, out, join(path, basename(p)));
    if (!out.files.length) out.problems.push({ file: path, line: 0, severity: 'error', message: 'no dictionary here dyad reads' });
    return out;
  }
  checkOne(path, out);
  return out;
}
