/**
 * `dyad explain` through the built command: it shows tokens with tags and
 * lemmas, the actor matches with the dictionary line of each, the patterns
 * the event coder tried and the one that fired, and the event with its rule.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/shared.js';

const dyad = (args: string[]) => execFileSync(process.execPath, [join(REPO, 'bin', 'dyad.js'), ...args], { encoding: 'utf8' });

describe('dyad explain', () => {
  const text = 'Russia demanded written guarantees from the U.S.';
  const out = dyad(['explain', '--date', '2022-01-27', text]);

  it('shows tokens with their tags and lemmas', () => {
    expect(out).toMatch(/tokens: Russia\/PROPN demanded\/VERB\(demand\) written\/\w+ guarantees\/NOUN\(guarantee\) from\/ADP the\/DET U\.S\.\/PROPN/);
  });

  it('shows each actor match with the dictionary file and line that produced it', () => {
    expect(out).toMatch(/actor \[0,6\) "Russia" → RUS country Russia\s+\(actors\/countries\.txt:\d+ "Russia"\)/);
    expect(out).toMatch(/actor \[\d+,\d+\) "the U\.S\." → USA country/);
  });

  it('lists the patterns tried and marks the one that fired', () => {
    expect(out).toMatch(/tried "demanded" demand \(verbs\/10-demand\.txt:\d+\): .* → no match/);
    expect(out).toMatch(/tried "demanded" demand.* → fired/);
  });

  it('prints the event with its codes, date, trigger and rule', () => {
    expect(out).toMatch(/EVENT RUS \("Russia"\) → USA \("the U\.S\."\)\s+100 Demand, not specified below \| PLOVER REQUEST/);
    expect(out).toMatch(/trigger "demanded" \[7,15\)\s+rule verbs\/10-demand\.txt:\d+/);
  });

  it('prints the coded document and the trace as JSON with --json', () => {
    const json = JSON.parse(dyad(['explain', '--json', '--date', '2022-01-27', text])) as { document: { events: { cameo: string }[] }; trace: { result: string }[] };
    expect(json.document.events.map((e) => e.cameo)).toContain('100');
    expect(json.trace.some((s) => s.result === 'fired')).toBe(true);
  });
});
