/**
 * `dyad validate` and `dyad dict check` as a user runs them (the real command
 * line, bundled from the sources by test/support/cli.ts): the JSON shape of a
 * validation run, the text report's totals, and dictionary problems reported
 * as file:line with the exit status saying whether there were errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDyad } from '../support/cli.js';
import { hasShared, REPO, sharedPath } from '../support/shared.js';
import { baseline } from './baseline.js';

const tmp = mkdtempSync(join(tmpdir(), 'dyad-peers-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!hasShared('data', 'tabari-validate', 'Validate.project'))('dyad validate', () => {
  it('--json prints {"records", "passed", "failed"} for a TABARI folder', async () => {
    const r = await runDyad(['validate', sharedPath('data', 'tabari-validate'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { records: number; passed: number; failed: string[] };
    expect(Object.keys(out)).toEqual(['records', 'passed', 'failed']);
    expect(out.records).toBe(442);
    expect(out.passed).toBeGreaterThanOrEqual(baseline('tabari-validate').passed);
    expect(out.failed.length).toBe(out.records - out.passed);
  }, 120_000);

  it('prints each failing record with expected, got and why, and the totals', async () => {
    const r = await runDyad(['validate', sharedPath('data', 'tabari-validate', 'Validate.project'), '--failed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^TABARI validation: /);
    expect(r.stdout).toMatch(/\nFAIL \S+ \(line \d+\): .*\n {2}expected: .*\n {2}got: /);
    expect(r.stdout).toMatch(/\n\d+\/442 records coded exactly as expected \(\d+\.\d%\); \d+ failed\n/);
    expect(r.stdout).not.toMatch(/\npass /);
  }, 120_000);

  it('a path that holds no suite is a clear error with exit status 2', async () => {
    const r = await runDyad(['validate', join(tmp, 'nothing-here.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing-here\.xml/);
  }, 60_000);
});

describe('dyad dict check', () => {
  it("dyad's own ontology checks clean", async () => {
    const r = await runDyad(['dict', 'check', join(REPO, 'ontology'), '-q']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/file\(s\) checked: 0 error\(s\)/);
  }, 120_000);

  it('a malformed dyad verb file is reported with its file and line, exit status 1', async () => {
    const dir = join(tmp, 'verbs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '04-consult.txt'), ['# consult', 'meet  040', '  pos: verb', '  040: * with_+ | * {talks with +', ''].join('\n'));
    const r = await runDyad(['dict', 'check', join(dir, '04-consult.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/04-consult\.txt:4: error: .*"\{" without "\}"/);
  }, 60_000);

  it.skipIf(!hasShared('data', 'petrarch-dictionaries', 'CAMEO.2.0.txt'))(
    "PETRARCH's CAMEO.2.0 verbs: every malformed pattern with its line, and what was read",
    async () => {
      const r = await runDyad(['dict', 'check', sharedPath('data', 'petrarch-dictionaries', 'CAMEO.2.0.txt'), '--json']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { files: { kind: string; summary: string }[]; problems: { line: number; severity: string }[] };
      expect(out.files[0]!.kind).toBe('petrarch-verbs');
      expect(out.files[0]!.summary).toMatch(/397 verb blocks/);
      expect(out.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([1735, 2374, 7606]);
    },
    60_000,
  );

  it.skipIf(!hasShared('data', 'petrarch-unit', 'PETR.Validate.verbs.txt'))(
    "a folder of PETRARCH validation dictionaries and its suite: no errors",
    async () => {
      const r = await runDyad(['dict', 'check', sharedPath('data', 'petrarch-unit'), '-q']);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/petrarch-verbs\): 261 verb blocks/);
      expect(r.stdout).toMatch(/petrarch-suite/);
    },
    60_000,
  );
});
