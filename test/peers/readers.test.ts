/**
 * The PETRARCH-2 and TABARI dictionary readers (src/ontology/peer/) on the
 * peers' own files in /work/shared/data: what each reads agrees with the
 * counts the folders' SOURCE.md give, and the readers' errors name file and
 * line (strict reading throws at the first; lenient reading, as `dyad dict
 * check` does, collects them all and goes on). Small hand-written inputs test
 * the syntax rules and the error messages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../support/shared.js';
import { PeerReport } from '../../src/ontology/peer/peer-lines.js';
import { readPetrarchVerbs } from '../../src/ontology/peer/petrarch-verbs.js';
import { peerActorCode, readPetrarchActors } from '../../src/ontology/peer/petrarch-actors.js';
import { readPetrarchAgents } from '../../src/ontology/peer/petrarch-agents.js';
import { readPetrarchDiscards } from '../../src/ontology/peer/petrarch-discards.js';
import { readPetrarchIssues } from '../../src/ontology/peer/petrarch-issues.js';
import { readTabariActors } from '../../src/ontology/peer/tabari-actors.js';
import { readTabariAgents } from '../../src/ontology/peer/tabari-agents.js';
import { readTabariVerbs } from '../../src/ontology/peer/tabari-verbs.js';
import { applyTabariOption, defaultTabariOptions, forwardStory, readTabariOptions } from '../../src/ontology/peer/tabari-options.js';
import { readTabariProject } from '../../src/ontology/peer/tabari-project.js';
import { readPetrarchSuite, readTabariSuite } from '../../src/ontology/peer/validation-records.js';
import { DyadError } from '../../src/core/errors.js';

const read = (...parts: string[]) => readFileSync(sharedPath('data', ...parts), 'utf8');
const lenient = (file: string) => new PeerReport(file, false);
const errors = (r: PeerReport) => r.problems.filter((p) => p.severity === 'error');
const patterns = (v: { blocks: { patterns: unknown[] }[] }) => v.blocks.reduce((n, b) => n + b.patterns.length, 0);
const synonyms = (a: { actors: { phrases: unknown[] }[] }) => a.actors.reduce((n, x) => n + x.phrases.length - 1, 0);

/** the DyadError a function throws */
function thrown(f: () => unknown): DyadError {
  try {
    f();
  } catch (e) {
    if (e instanceof DyadError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe.skipIf(!hasShared('data', 'petrarch-unit', 'PETR.Validate.verbs.txt'))("PETRARCH-2's validation dictionaries", () => {
  it('verbs: 261 blocks, 474 patterns, 17 synsets, read strictly without error', () => {
    const v = readPetrarchVerbs(read('petrarch-unit', 'PETR.Validate.verbs.txt'), 'PETR.Validate.verbs.txt');
    expect(v.blocks.length).toBe(261);
    expect(patterns(v)).toBe(474);
    expect(v.synsets.size).toBe(17);
  });

  it('actors: 128 with 33 synonyms; dated codes pick the role on the date', () => {
    const a = readPetrarchActors(read('petrarch-unit', 'PETR.Validate.actors.txt'), 'PETR.Validate.actors.txt');
    expect(a.actors.length).toBe(128);
    expect(synonyms(a)).toBe(33);
    const dated = a.actors.filter((x) => x.codes.some((c) => c.from || c.until));
    expect(dated.length).toBeGreaterThan(0);
    // every dated actor codes something on some date, and the code can differ by date
    const differs = dated.some((x) => peerActorCode(x, '1990-01-01') !== peerActorCode(x, '2010-01-01'));
    expect(differs).toBe(true);
  });

  it('agents: 88; discards: 9, four of them for the whole story', () => {
    expect(readPetrarchAgents(read('petrarch-unit', 'PETR.Validate.agents.txt'), 'PETR.Validate.agents.txt').agents.length).toBe(88);
    const d = readPetrarchDiscards(read('petrarch-unit', 'PETR.Validate.discards.txt'), 'PETR.Validate.discards.txt');
    expect(d.discards.length).toBe(9);
    expect(d.discards.filter((x) => x.scope === 'story').length).toBe(4);
  });

  it('the unit-test records: 284 test records and the <Config> settings between them; the two malformed parses are bad input, with their lines', () => {
    const s = readPetrarchSuite(read('petrarch-unit', 'PETR.UnitTest.records.xml'), 'PETR.UnitTest.records.xml');
    const records = s.items.filter((i) => i.kind !== 'setting');
    expect(records.length).toBe(284);
    expect(s.items.length - records.length).toBeGreaterThan(0);
    // ERROR-02 has a ')' too many, ERROR-03 two '(' left open: PETRARCH's bad_input_parse records
    const bad = records.flatMap((r) => (r.kind === 'record' && r.inputError ? [r.id] : []));
    expect(bad).toEqual(['ERROR-02', 'ERROR-03']);
    expect(s.problems.map((p) => [p.severity, p.line, p.message.split(':')[0]])).toEqual([
      ['warning', 11359, 'sentence ERROR-02'],
      ['warning', 11372, 'sentence ERROR-03'],
    ]);
  });
});

describe.skipIf(!hasShared('data', 'petrarch-dictionaries', 'CAMEO.2.0.txt'))("PETRARCH-2's operational dictionaries (Phoenix)", () => {
  it('CAMEO.2.0: 397 blocks, 40 synsets, 8 transformations; the 3 malformed patterns are reported with their lines', () => {
    const r = lenient('CAMEO.2.0.txt');
    const v = readPetrarchVerbs(read('petrarch-dictionaries', 'CAMEO.2.0.txt'), 'CAMEO.2.0.txt', r);
    expect(v.blocks.length).toBe(397);
    expect(v.synsets.size).toBe(40);
    expect(v.transformations.length).toBe(8);
    // SOURCE.md counts 4,668 pattern lines; three of them cannot be read ("*SCEPTICAL", unbalanced brackets)
    expect(patterns(v)).toBe(4665);
    expect(errors(r).map((p) => p.line)).toEqual([1735, 2374, 7606]);
    // read strictly, the first one stops the load, naming file and line
    const e = thrown(() => readPetrarchVerbs(read('petrarch-dictionaries', 'CAMEO.2.0.txt'), 'CAMEO.2.0.txt'));
    expect(e.message).toMatch(/^CAMEO\.2\.0\.txt:1735: /);
  });

  it('actors: Countries 18,390, International 7,841, MilNonState 1,021 (772 synonyms)', () => {
    const countries = readPetrarchActors(read('petrarch-dictionaries', 'Phoenix.Countries.actors.txt'), 'Phoenix.Countries.actors.txt', lenient('c'));
    expect(countries.actors.length).toBe(18390);
    expect(synonyms(countries)).toBeGreaterThanOrEqual(7526);
    const intl = readPetrarchActors(read('petrarch-dictionaries', 'Phoenix.International.actors.txt'), 'Phoenix.International.actors.txt', lenient('i'));
    // SOURCE.md's 7,840 and the file's "Source:" heading line, which the format reads as an actor with no code
    expect(intl.actors.length).toBe(7841);
    const mil = readPetrarchActors(read('petrarch-dictionaries', 'Phoenix.MilNonState.actors.txt'), 'Phoenix.MilNonState.actors.txt');
    expect(mil.actors.length).toBe(1021);
    expect(synonyms(mil)).toBe(772);
  });

  it("the Countries file's bad date blocks are errors with their lines, and the rest is read", () => {
    const r = lenient('Phoenix.Countries.actors.txt');
    readPetrarchActors(read('petrarch-dictionaries', 'Phoenix.Countries.actors.txt'), 'Phoenix.Countries.actors.txt', r);
    const bad = errors(r);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.find((p) => p.line === 2039)?.message).toMatch(/"9008223" is not a date/);
    expect(bad.find((p) => p.line === 14190)?.message).toMatch(/ends before it starts/);
  });

  it('agents 2,243, discards 506, issues in 51 categories (ELECTIONS is empty)', () => {
    const ra = lenient('Phoenix.agents.txt');
    expect(readPetrarchAgents(read('petrarch-dictionaries', 'Phoenix.agents.txt'), 'Phoenix.agents.txt', ra).agents.length).toBe(2243);
    expect(errors(ra).map((p) => p.line)).toEqual([544, 1927]);
    expect(readPetrarchDiscards(read('petrarch-dictionaries', 'Phoenix.discards.txt'), 'Phoenix.discards.txt').discards.length).toBe(506);
    const issues = readPetrarchIssues(read('petrarch-dictionaries', 'Phoenix.IssueCoding.txt'), 'Phoenix.IssueCoding.txt', lenient('x'));
    expect(new Set(issues.issues.map((i) => i.category)).size).toBe(51);
    // n: and v: words are expanded to their forms: "n:teacher" is teacher and teachers
    const teacher = issues.issues.filter((i) => i.code === 'TEACHERS').map((i) => i.phrase.words.map((w) => w.text).join(' '));
    expect(teacher).toEqual(expect.arrayContaining(['teacher', 'teachers']));
  });
});

describe.skipIf(!hasShared('data', 'tabari-validate', 'Validate.project'))("TABARI's validation files", () => {
  const latin1 = (name: string) => readFileSync(sharedPath('data', 'tabari-validate', name), 'latin1');

  it('the project names the actors, verbs, options and agents files and the text', () => {
    const p = readTabariProject(latin1('Validate.project'), 'Validate.project');
    expect(p.actors).toEqual(['TABARI.Demo.actors']);
    expect(p.verbs).toEqual(['TABARI.Demo.verbs']);
    expect(p.options).toEqual(['Validate.options']);
    expect(p.agents).toEqual(['Validate.agents']);
    expect(p.texts).toEqual(['Validate.text']);
    // what TABARI writes is kept as text, not read as dictionaries
    expect(p.other.get('eventfile')).toEqual(['TBRI.Val']);
  });

  it('actors: 120 with 5 synonyms, and the <NOUN> and <ADJECTIVE> lists (8 and 5 words)', () => {
    const a = readTabariActors(latin1('TABARI.Demo.actors'), 'TABARI.Demo.actors');
    expect(a.actors.length).toBe(120);
    expect(synonyms(a)).toBe(5);
    expect(a.nouns.length).toBe(8);
    expect(a.adjectives.length).toBe(5);
  });

  it('verbs: 283 entries with 407 patterns, and the <TIME> phrases; agents: 86', () => {
    const v = readTabariVerbs(latin1('TABARI.Demo.verbs'), 'TABARI.Demo.verbs');
    expect(v.blocks.length).toBe(283);
    expect(patterns(v)).toBe(407);
    expect(v.timePhrases.length).toBeGreaterThan(0);
    expect(readTabariAgents(latin1('Validate.agents'), 'Validate.agents').agents.length).toBe(86);
  });

  it('options: COMPLEX, LABEL; the settings dyad does not apply are warnings with their lines', () => {
    const r = lenient('Validate.options');
    const o = readTabariOptions(latin1('Validate.options'), 'Validate.options', r);
    expect([o.complexVerbs, o.complexConj, o.noActorPrior]).toEqual([5, 4, true]);
    expect(o.labels.get('064')).toBe('GRANT PRIVILEGE');
    expect(r.problems.find((p) => p.message.includes('SET: SKIP RECORDS'))?.line).toBe(7);
  });

  it('the text: 442 test records; option and comment records are settings, not tests', () => {
    const s = readTabariSuite(latin1('Validate.text'), 'Validate.text');
    const records = s.items.filter((i) => i.kind !== 'setting');
    expect(records.length).toBe(442);
    const settings = s.items.filter((i) => i.kind === 'setting').map((i) => (i.kind === 'setting' ? i.name : ''));
    expect(settings).toContain('SET: CODE BY SENTENCE');
    // the malformed records are reported, with their lines, and still read
    expect(s.problems.some((p) => p.line === 1060 && /not a YYMMDD date/.test(p.message))).toBe(true);
  });
});

describe('peer syntax and errors (hand-written inputs)', () => {
  it('a PETRARCH verb block: the verb, its patterns, a paired code, a null code and a synset', () => {
    const v = readPetrarchVerbs(
      ['&CURRENCY', '+DOLLAR', '+EURO', '', '--- VISIT [032] ---', 'VISIT', '- * +  [032:033]', '- * &CURRENCY [---]', ''].join('\n'),
      'v.txt',
    );
    expect(v.synsets.get('CURRENCY')?.members.length).toBe(2);
    const b = v.blocks[0]!;
    expect(b.code?.code).toBe('032');
    expect(b.patterns.map((p) => [p.code.code, p.code.paired ?? null])).toEqual([
      ['032', '033'],
      ['---', null],
    ]);
  });

  it('a PETRARCH pattern without the verb is an error naming file and line; lenient reading goes on', () => {
    const text = ['--- SAY [023] ---', 'SAY', '- + SAID  [023]', '- * +  [023]', ''].join('\n');
    expect(thrown(() => readPetrarchVerbs(text, 'bad.verbs.txt')).message).toMatch(/^bad\.verbs\.txt:3: .*exactly once/);
    const r = lenient('bad.verbs.txt');
    const v = readPetrarchVerbs(text, 'bad.verbs.txt', r);
    expect(errors(r).map((p) => p.line)).toEqual([3]);
    expect(v.blocks[0]!.patterns.length).toBe(1);
  });

  it('PETRARCH actors: a dated role and an undated default; a bad date is an error with its line', () => {
    const a = readPetrarchActors(['BORIS_YELTSIN_ [RUSELI]', '\t[RUSGOV 910710-991231]', '+YELTSIN_', ''].join('\n'), 'a.txt');
    const yeltsin = a.actors[0]!;
    expect(yeltsin.phrases.length).toBe(2);
    expect(peerActorCode(yeltsin, '1995-06-01')).toBe('RUSGOV');
    expect(peerActorCode(yeltsin, '2005-06-01')).toBe('RUSELI');
    expect(thrown(() => readPetrarchActors('X_ [ABC 9013-]\n', 'a.txt')).message).toMatch(/^a\.txt:1: /);
  });

  it('PETRARCH agents: ~CODE after the actor, CODE~ before it, {} no plural', () => {
    const a = readPetrarchAgents(['POLICE {} [~COP]', 'AMBASSADOR [~GOV]', 'AID_GROUP [NGO~]', ''].join('\n'), 'g.txt');
    expect(a.agents.map((x) => [x.code, x.position])).toEqual([
      ['COP', 'suffix'],
      ['GOV', 'suffix'],
      ['NGO', 'prefix'],
    ]);
    expect(a.agents[0]!.phrases.map((p) => p.words.map((w) => w.text).join(' '))).toEqual(['police']);
    expect(a.agents[1]!.phrases.map((p) => p.words.map((w) => w.text).join(' '))).toEqual(['ambassador', 'ambassadors']);
    const r = lenient('g.txt');
    readPetrarchAgents('OFFICIAL\n', 'g.txt', r);
    expect(errors(r)[0]).toMatchObject({ file: 'g.txt', line: 1 });
  });

  it('TABARI options change between records: DEFAULT, CODE BY, FORWARD, COMMA', () => {
    const o = defaultTabariOptions();
    expect(applyTabariOption(o, 'DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER', 1)).toBe(true);
    expect(o.defaultSource).toEqual({ code: 'DEFSRC', prior: true });
    expect(applyTabariOption(o, 'SET: CODE ALL', 2)).toBe(true);
    expect(o.codeBy).toBe('all');
    expect(applyTabariOption(o, 'FORWARD: ^^*****NNN*SSS', 3)).toBe(true);
    expect(forwardStory(o.forward!, 'FRWD-001-002')).toBe('001');
    expect(applyTabariOption(o, 'COMMA: MIN = 4 MAX = 6', 4)).toBe(true);
    expect(o.comma).toMatchObject({ min: 4, max: 6 });
    expect(applyTabariOption(o, 'SET: TIME SHIFT = TRUE', 5)).toBe(false);
  });
});
