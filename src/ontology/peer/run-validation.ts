/**
 * Runs a peer validation suite through dyad: the dictionaries the suite names
 * are read with the PETRARCH or TABARI readers, translated into dyad's model
 * (to-ontology.ts) and compiled into an engine; every record is coded from its
 * text (PETRARCH's `<Parse>` trees are ignored) and its events compared with
 * the expected ones.
 *
 * "Exactly as expected": the set of (source, target, code) triples dyad codes
 * for the record equals the set the suite lists: every expected event, no
 * other. Codes are compared as written, upper-cased; a missing target is
 * `---`; an actor code with several members (`FRO/BIL/SAM`) counts as one
 * event per member; duplicates count once. Dates are not compared: both
 * suites give the record's date (TABARI's TIME SHIFT is off in its suite) and
 * some of TABARI's written dates are stale (CONV-07), while dyad dates events
 * from expressions such as "on Wednesday", which the peers do not. A record
 * that expects no events (`noevents`, `{---}`, `{+++}`, `{###}`, PETRARCH's
 * `error=` records) passes when dyad codes none.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DyadError } from '../../core/errors.js';
import { createEngineSync, type Engine } from '../../engine.js';
import { loadCodes } from '../load-codes.js';
import type { Ontology } from '../load-ontology.js';
import { defaultOntologyDir } from '../../paths.js';
import type { CodeBook } from '../../stages/events/codebook.js';
import type { CodingOptions } from '../../stages/coding-options.js';
import type { TraceStep } from '../../stages/events/context.js';
import type { CodedEvent } from '../../core/layers.js';
import { PeerReport, type PeerProblem } from './peer-lines.js';
import type { Dialect } from './peer-types.js';
import { readPetrarchActors, readPeerActors } from './petrarch-actors.js';
import { readPetrarchAgents } from './petrarch-agents.js';
import { readPetrarchDiscards } from './petrarch-discards.js';
import { readPetrarchVerbs } from './petrarch-verbs.js';
import { readTabariAgents } from './tabari-agents.js';
import { applyTabariOption, defaultTabariOptions, forwardStory, readTabariOptions, type TabariOptions } from './tabari-options.js';
import { readTabariProject } from './tabari-project.js';
import { readTabariVerbs } from './tabari-verbs.js';
import { peerToOntology, TABARI_DISCARD_CODES, type PeerDictionaries } from './to-ontology.js';
import { eliminateCommaClauses, PETRARCH_COMMAS, TABARI_COMMAS } from './comma-clauses.js';
import type { CommaSettings } from './tabari-options.js';
import { readPetrarchSuite, readTabariSuite, type ExpectedEvent, type ValidationRecord, type ValidationSuite } from './validation-records.js';

export interface Triple {
  source: string;
  target: string;
  code: string;
}

export interface RecordResult {
  id: string;
  line: number;
  date: string | null;
  text: string;
  note: string;
  disabled: boolean;
  expected: Triple[];
  /** what the suite expects when it expects no events */
  expectedNone?: string;
  got: Triple[];
  pass: boolean;
  missing: Triple[];
  extra: Triple[];
  /** the coder's trace: patterns tried and what fired (code-events.ts) */
  trace: TraceStep[];
  /** the events as dyad coded them */
  events: CodedEvent[];
  /** messages of the run (discards and the like) */
  messages: string[];
  /** the text as coded, when comma-delimited clauses were taken out */
  codedText?: string;
}

export interface SuiteResult {
  file: string;
  dialect: Dialect;
  records: number;
  passed: number;
  failed: string[];
  results: RecordResult[];
  /** settings the suite changed that dyad does not apply, with where */
  unapplied: { setting: string; line: number; id?: string }[];
  problems: PeerProblem[];
}

const tripleKey = (t: Triple) => `${t.source}|${t.target}|${t.code}`;
const norm = (c: string | null | undefined) => (c ? c.trim().toUpperCase() : '---') || '---';

/** A peer actor code with several members (`FRO/BIL/SAM`) is one actor per member. */
const members = (code: string) => code.split('/').filter(Boolean);

export function expectedTriples(evs: readonly ExpectedEvent[]): Triple[] {
  const out = new Map<string, Triple>();
  for (const e of evs) {
    for (const s of members(norm(e.source))) for (const t of members(norm(e.target))) {
      const tr = { source: s, target: t, code: norm(e.code) };
      out.set(tripleKey(tr), tr);
    }
  }
  return [...out.values()];
}

export function gotTriples(evs: readonly CodedEvent[]): Triple[] {
  const out = new Map<string, Triple>();
  for (const e of evs) {
    for (const s of members(norm(e.source?.code))) for (const t of members(norm(e.target?.code))) {
      const tr = { source: s, target: t, code: norm(e.cameo) };
      out.set(tripleKey(tr), tr);
    }
  }
  return [...out.values()];
}

/** A code book that accepts the codes the peer's dictionaries use (WEIS codes, test codes), named by TABARI's LABEL lines. */
export function peerCodeBook(codes: ReadonlySet<string>, labels: ReadonlyMap<string, string> = new Map()): CodeBook {
  const known = new Set([...codes].map((c) => c.toUpperCase()));
  return {
    has: (c) => known.has(c.toUpperCase()),
    label: (c) => labels.get(c) ?? '',
    goldstein: () => 0,
    quad: () => 0,
    plover: () => ({ type: '' }),
  };
}

export interface LoadedSuite {
  suite: ValidationSuite;
  dictionaries: PeerDictionaries;
  tabariOptions: TabariOptions | null;
  files: string[];
}

function readText(path: string): string {
  const buf = readFileSync(path);
  const utf8 = buf.toString('utf8');
  // the TABARI files are Latin-1 in places
  return utf8.includes('\uFFFD') ? buf.toString('latin1') : utf8;
}

/** Finds the suite file: a PETRARCH .xml, a TABARI .text, a .project, or a folder holding one. */
export function resolveSuite(path: string): { file: string; dialect: Dialect; project?: string } {
  const p = resolve(path);
  if (!existsSync(p)) throw new DyadError('E_INPUT', `${path} does not exist`);
  if (statSync(p).isDirectory()) {
    const names = readdirSync(p).sort();
    const project = names.find((n) => n.endsWith('.project'));
    if (project) return resolveSuite(join(p, project));
    const xml = names.find((n) => /records\.xml$/i.test(n)) ?? names.find((n) => n.endsWith('.xml'));
    if (xml) return { file: join(p, xml), dialect: 'petrarch' };
    throw new DyadError('E_INPUT', `${path} holds no TABARI .project and no PETRARCH validation .xml`);
  }
  if (p.endsWith('.project')) {
    const proj = readTabariProject(readText(p), p);
    const text = proj.texts[0];
    if (!text) throw new DyadError('E_INPUT', `${p} names no <textfile>`);
    return { file: join(dirname(p), text), dialect: 'tabari', project: p };
  }
  if (/\.xml$/i.test(p)) return { file: p, dialect: 'petrarch' };
  // a TABARI text: its project is the .project beside it that names it
  const dir = dirname(p);
  for (const n of readdirSync(dir).filter((x) => x.endsWith('.project')).sort()) {
    const proj = readTabariProject(readText(join(dir, n)), join(dir, n));
    if (proj.texts.some((t) => basename(t) === basename(p))) return { file: p, dialect: 'tabari', project: join(dir, n) };
  }
  throw new DyadError('E_INPUT', `no .project beside ${path} names it as its <textfile>: the dictionaries are not known`);
}

export function loadSuite(path: string, opts: { all?: boolean; strict?: boolean } = {}): LoadedSuite {
  const where = resolveSuite(path);
  const dir = dirname(where.file);
  const strict = opts.strict ?? true;
  const problems: PeerProblem[] = [];
  const report = (file: string) => {
    const r = new PeerReport(file, strict);
    return r;
  };
  const files: string[] = [where.file];
  const read = <T>(rel: string, f: (src: string, file: string, r: PeerReport) => T): T => {
    const full = join(dir, rel);
    if (!existsSync(full)) throw new DyadError('E_INPUT', `the suite names ${rel}, which is not in ${dir}`);
    files.push(full);
    const r = report(rel);
    const out = f(readText(full), rel, r);
    problems.push(...r.problems);
    return out;
  };
  if (where.dialect === 'petrarch') {
    const suite = readPetrarchSuite(readText(where.file), where.file);
    const d = suite.dictionaries;
    const dictionaries: PeerDictionaries = {
      dialect: 'petrarch',
      verbs: d.verbs.map((f) => read(f, readPetrarchVerbs)),
      actors: d.actors.map((f) => read(f, readPetrarchActors)),
      agents: d.agents.map((f) => read(f, readPetrarchAgents)),
      discards: d.discards.map((f) => read(f, readPetrarchDiscards)),
    };
    suite.problems.push(...problems);
    return { suite, dictionaries, tabariOptions: null, files };
  }
  const proj = readTabariProject(readText(where.project!), where.project!);
  files.push(where.project!);
  const suite = readTabariSuite(readText(where.file), where.file, opts.all ? { all: true } : {});
  suite.dictionaries = { verbs: proj.verbs, actors: proj.actors, agents: proj.agents, discards: [], options: proj.options, issues: [] };
  const dictionaries: PeerDictionaries = {
    dialect: 'tabari',
    verbs: proj.verbs.map((f) => read(f, readTabariVerbs)),
    actors: proj.actors.map((f) => read(f, (s, file, r) => readPeerActors(s, file, 'tabari', r))),
    agents: proj.agents.map((f) => read(f, readTabariAgents)),
    discards: [],
  };
  const tabariOptions = proj.options.length ? proj.options.map((f) => read(f, readTabariOptions))[0]! : defaultTabariOptions();
  suite.problems.push(...problems);
  return { suite, dictionaries, tabariOptions, files };
}

/** The ontology and engine a suite codes with. */
export function suiteEngine(loaded: LoadedSuite, coding: CodingOptions): Engine {
  const parts = peerToOntology(loaded.dictionaries);
  const ontology: Ontology = {
    root: dirname(loaded.suite.file),
    version: `${loaded.dictionaries.dialect}:${basename(loaded.suite.file)}`,
    codes: loadCodes(defaultOntologyDir()),
    actors: parts.actors,
    verbs: parts.verbs,
    cues: { entries: [] },
    discards: parts.discards,
  };
  const codeBook = peerCodeBook(parts.codes, loaded.tabariOptions?.labels);
  return createEngineSync({ dictionaries: ontology, codeBook, coding });
}

/** What a run may change between records, besides the coding options. */
export interface RunSettings {
  dialect: Dialect;
  /** comma-delimited clause elimination (comma-clauses.ts) */
  commas: CommaSettings | null;
  /** TABARI's SET: MINIMUM WORDS: a record with fewer words (as written, before comma clauses go) is not coded */
  minimumWords: number;
}

/** PETRARCH `<Config>` → coding options; false when dyad does not apply the setting. */
function applyPetrarchConfig(coding: CodingOptions, run: RunSettings, name: string, value: string): boolean {
  const truthy = /^true$/i.test(value.trim());
  const key = name.toLowerCase();
  const comma = /^comma_(min|max|emin|emax|bmin|bmax)$/.exec(key);
  if (comma) {
    const v = Number(value);
    if (!Number.isInteger(v) || v < 0) return false;
    run.commas = { ...(run.commas ?? PETRARCH_COMMAS), [comma[1]!]: v };
    return true;
  }
  switch (key) {
    case 'require_dyad':
      coding.requireTarget = truthy;
      return true;
    case 'new_actor_length': {
      // unknown noun phrases of at most this many words are actors (0: off)
      const v = Number(value);
      if (!Number.isInteger(v) || v < 0) return false;
      if (v) coding.newActorLength = v;
      else delete coding.newActorLength;
      return true;
    }
    case 'stop_on_error':
      return true; // a run setting, nothing to code
    default:
      return false;
  }
}

/** The peers' coding semantics (stages/coding-options.ts), before the suite's own settings change them. */
export function peerCoding(dialect: Dialect): CodingOptions {
  const shared: CodingOptions = {
    requireTarget: true,
    patternGap: 8,
    targetSearch: 'sentence',
    passiveNeedsAgent: true,
    possessorActs: true,
    eventsPer: 'clause',
    openSlots: true,
    nullCodedNames: 'nouns',
    // TABARI's FORMER conversion (its `~ELI`), which the PETRARCH suite expects too (AGENTS-18, -19)
    formerAgent: 'ELI',
  };
  return dialect === 'petrarch'
    ? {
        ...shared,
        discardCodes: [],
        compoundAfterTrigger: 'target',
        commaClauseEndsTarget: true,
        agents: 'all',
        anonymousAgents: true,
        agentModifiers: true,
        untargetedNeedsObject: true,
        skipNounPhrases: true,
        subjectInComplements: true,
      }
    : {
        ...shared,
        discardCodes: TABARI_DISCARD_CODES,
        articleNouns: true,
        nounDefaults: true,
        agentOverList: 'first',
        agentBeforeName: false,
        fillers: false,
        agents: 'all',
        sourceAfterVerb: true,
        sourceSearch: 'first',
        actorWordsNoTriggers: true,
        agentModifiers: true,
        pronouns: 'first-actor',
      };
}

export function runSuite(path: string, opts: { all?: boolean } = {}): SuiteResult {
  const loaded = loadSuite(path, opts);
  const dialect = loaded.dictionaries.dialect;
  const coding = peerCoding(dialect);
  const run: RunSettings = { dialect, minimumWords: 0, commas: dialect === 'petrarch' ? { ...PETRARCH_COMMAS } : { ...TABARI_COMMAS } };
  const tabari = loaded.tabariOptions ? { ...loaded.tabariOptions, labels: new Map(loaded.tabariOptions.labels), ignored: [] } : null;
  if (tabari) syncTabari(coding, tabari, run);
  const engine = suiteEngine(loaded, coding);
  const out: SuiteResult = {
    file: loaded.suite.file,
    dialect,
    records: 0,
    passed: 0,
    failed: [],
    results: [],
    unapplied: [],
    problems: loaded.suite.problems,
  };
  const actorCodes = new Set(engine.ontology.actors.entries.map((e) => e.code));
  // TABARI's FORWARD: the story of the previous record, and the actor it was about
  let story = null as { key: string; code: string | null } | null;
  for (const item of loaded.suite.items) {
    if (item.kind === 'setting') {
      if (dialect === 'petrarch') {
        if (!applyPetrarchConfig(coding, run, item.name, item.value)) out.unapplied.push({ setting: `${item.name}=${item.value}`, line: item.line });
      } else if (item.name !== 'comment' && item.name !== 'switched off' && tabari) {
        if (!applyTabariOption(tabari, item.name, item.line)) out.unapplied.push({ setting: item.name, line: item.line, ...(item.id ? { id: item.id } : {}) });
        else {
          if (/^COMMA:/i.test(item.name)) run.commas = tabari.comma ? { ...tabari.comma } : null;
          syncTabari(coding, tabari, run);
        }
      }
      continue;
    }
    const key = tabari?.forward ? forwardStory(tabari.forward, item.id) : null;
    if (key === null || story?.key !== key) story = key === null ? null : { key, code: null };
    if (story?.code) coding.forwardedSubject = story.code;
    else delete coding.forwardedSubject;
    const result = codeRecord(engine, item, run);
    out.results.push(result);
    if (story) story.code = forwardedActor(result.events, actorCodes) ?? story.code;
  }
  delete coding.forwardedSubject;
  for (const r of out.results) {
    out.records++;
    if (r.pass) out.passed++;
    else out.failed.push(r.id);
  }
  return out;
}

/**
 * What TABARI forwards from a sentence: the actor of its first event's
 * source, without agents ("Fornost President Umbardacil", FORGOVPRS: FOR),
 * the longest start of the code that is an actor of the dictionaries.
 */
function forwardedActor(events: readonly CodedEvent[], actorCodes: ReadonlySet<string>): string | null {
  const code = events[0]?.source?.code;
  if (!code || code.startsWith('---')) return null;
  for (let n = code.length; n > 0; n--) if (actorCodes.has(code.slice(0, n))) return code.slice(0, n);
  return code;
}

/** Words of a text as TABARI counts them: no punctuation, no "'s". */
function countWords(engine: Engine, text: string): number {
  const raw = engine.tokenizer.analyse(text);
  return raw.values.filter((v, i) => raw.types[i] !== 'punctuation' && raw.types[i] !== 'symbol' && v.trim() && !/^['’]s$/i.test(v)).length;
}

/** TABARI's options as coding options. */
function syncTabari(coding: CodingOptions, o: TabariOptions, run: RunSettings): void {
  run.minimumWords = o.minimumWords;
  coding.eventsPer = o.codeBy;
  const complexity: NonNullable<CodingOptions['complexity']> = { noActorPrior: o.noActorPrior };
  if (o.complexVerbs) complexity.verbs = o.complexVerbs;
  if (o.complexConj) complexity.conjunctions = o.complexConj;
  coding.complexity = complexity;
  // SET: CONVERT AGENT: an agent with no actor is coded on its own ("Guerrillas": ~REB)
  coding.anonymousAgents = o.convertAgent;
  // DEFAULT: SOURCE [code] PRIOR TARGET [code] AFTER (dyad does not model AFTER: the default target
  // stands in whenever no target is found)
  if (o.defaultSource) coding.defaultSource = { code: o.defaultSource.code, noActorBefore: o.defaultSource.prior };
  else delete coding.defaultSource;
  if (o.defaultTarget) coding.defaultTarget = { code: o.defaultTarget.code };
  else delete coding.defaultTarget;
}

export function codeRecord(engine: Engine, rec: ValidationRecord, run?: RunSettings): RecordResult {
  // the peers take comma-delimited clauses out before coding; dyad codes the text as they would see it
  // the suites write some names with `_` in the text ("the Prince of Dol_Amroth"), as the peers'
  // dictionaries do: their readers take it for a blank between words, and so does dyad
  const text = rec.text.replace(/(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/gu, ' ');
  const reduced = eliminateCommaClauses(text, engine.tokenizer, run?.commas ?? null, run?.dialect === 'petrarch');
  const short = run?.minimumWords ? countWords(engine, rec.text) < run.minimumWords : false;
  // a record that is bad input (a malformed PETRARCH <Parse>) is reported, not coded
  const { doc, steps } = engine.trace({ text: short || rec.inputError ? '' : reduced.text, date: rec.date, id: rec.id });
  const events = doc.has('events') ? doc.get('events') : [];
  // TABARI writes an agent with no actor as ~AGENT (dyad: ---AGENT)
  const got = gotTriples(events).map((t) => (run?.dialect === 'tabari' ? { source: t.source.replace(/^---(?=[A-Z])/, '~'), target: t.target.replace(/^---(?=[A-Z])/, '~'), code: t.code } : t));
  const expected = rec.expect.kind === 'events' ? expectedTriples(rec.expect.events) : [];
  const gotKeys = new Set(got.map(tripleKey));
  const expKeys = new Set(expected.map(tripleKey));
  const missing = expected.filter((t) => !gotKeys.has(tripleKey(t)));
  const extra = got.filter((t) => !expKeys.has(tripleKey(t)));
  const r: RecordResult = {
    id: rec.id,
    line: rec.line,
    date: rec.date,
    text: rec.text,
    note: rec.note,
    disabled: rec.disabled ?? false,
    expected,
    got,
    pass: !missing.length && !extra.length,
    missing,
    extra,
    trace: steps,
    events,
    messages: doc.messages.map((m) => `${m.stage}: ${m.reason}`),
  };
  if (text !== rec.text && !reduced.removed.length) r.codedText = text;
  if (rec.inputError) r.messages.push(`validate: not coded: ${rec.inputError}`);
  else if (short) r.messages.push(`validate: not coded: fewer than ${run!.minimumWords} words (TABARI's SET: MINIMUM WORDS)`);
  else if (reduced.removed.length) r.codedText = reduced.text;
  if (rec.expect.kind === 'none') r.expectedNone = rec.expect.why;
  return r;
}
