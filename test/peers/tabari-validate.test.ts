/**
 * TABARI's validation suite (../shared/data/tabari-validate: Validate.text
 * with the dictionaries Validate.project names), coded from the records' text
 * through dyad's pipeline: the pass count never drops below the recorded one
 * (baseline.json). Option records (`OPTION: SET: ...`) change the settings for
 * the records after them; comment records and switched-off records are not
 * tests; the standard suite ends at FINAL-01.
 */
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../support/shared.js';
import { runSuite, type SuiteResult } from '../../src/ontology/peer/run-validation.js';
import { baseline, raiseBaseline, rate } from './baseline.js';

const present = hasShared('data', 'tabari-validate', 'Validate.project');

describe.skipIf(!present)('TABARI validation records', () => {
  let res: SuiteResult;
  const run = () => (res ??= runSuite(sharedPath('data', 'tabari-validate')));

  it('reads the standard suite: test records up to FINAL-01, option records applied, no dictionary errors', () => {
    const r = run();
    expect(r.records).toBe(baseline('tabari-validate').records);
    expect(r.results.some((x) => x.id === 'FINAL-01')).toBe(false);
    expect(r.results.some((x) => x.id === 'TIME-Modify' || x.id === 'CONV-Modify')).toBe(false);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('codes at least as many records exactly as expected as recorded', () => {
    const r = run();
    const was = baseline('tabari-validate');
    const now = { records: r.records, passed: r.passed };
    console.log(`TABARI validation records coded exactly as expected: ${rate(now)} (recorded ${rate(was)})`);
    if (raiseBaseline('tabari-validate', now)) console.log('baseline raised');
    expect(r.passed).toBeGreaterThanOrEqual(was.passed);
    // the acceptance bar of the peer-format work: nine records in ten coded exactly
    expect(r.passed / r.records).toBeGreaterThanOrEqual(0.9);
  });

  it('applies TABARI word marks: stems, whole words with endings, and words only', () => {
    const byId = new Map(run().results.map((x) => [x.id, x]));
    // DEPART_ takes regular endings, not others; BAN= is the word only; CRITICI is a stem
    for (const id of ['VERBEND-01a', 'VERBEND-01f', 'VERBEND-01c', 'VERBEND-05', 'VERBEND-05a', 'NOUNEND-02', 'NOUNEND-05']) {
      expect(byId.get(id)?.pass, `${id}: got ${JSON.stringify(byId.get(id)?.got)}`).toBe(true);
    }
  });

  it('dereferences pronouns to the sentence\'s first actor, converts FORMER agents, codes agents that modify nouns, prefers AL_GORE to AL GORE', () => {
    const byId = new Map(run().results.map((x) => [x.id, x]));
    // PRON-02 to -04, DEMO-09 (he caught by $): pronouns; AGENTS-8, -9: FORMER; NOUNEND-10, DEBUG-24a, AGENTS-10: agents
    // before a noun; TEXT-01 to -03: "Al-Gore", "Al Gore" (AL_GORE), 'Al "The Weasel" Gore' (AL GORE)
    // AGENTS-3, -4: a prefixed agent (NGM~) takes the name after it and is not written twice; COMMA-02B: the target is
    // the first actor after the verb however far
    for (const id of ['PRON-02', 'PRON-03', 'PRON-04', 'DEMO-09', 'AGENTS-8', 'AGENTS-9', 'NOUNEND-10', 'DEBUG-24a', 'AGENTS-10', 'TEXT-01', 'TEXT-02', 'TEXT-03', 'AGENTS-3', 'AGENTS-4', 'COMMA-02B']) {
      expect(byId.get(id)?.pass, `${id}: got ${JSON.stringify(byId.get(id)?.got)}`).toBe(true);
    }
  });
});
