import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDiscards, parseDiscards } from './load-discards.js';
import { defaultOntologyDir } from '../paths.js';
import { DyadError } from '../core/errors.js';

function errorOf(src: string): { message: string; line?: number } {
  try {
    parseDiscards(src, 'discards.txt');
  } catch (e) {
    if (e instanceof DyadError) return { message: e.message, line: e.place?.line };
    throw e;
  }
  throw new Error('no error');
}

describe('discards.txt format', () => {
  it('reads groups, scopes and phrases with their lines', () => {
    const d = parseDiscards(
      ['# sports', 'sport  Sports results', '  phrases: Premier League | semi-final*', 'finance  Markets', '  scope: story', '  phrases: Dow Jones'].join('\n'),
      'discards.txt',
    );
    expect(d.map((x) => [x.group, x.scope, x.phrase.text, x.phrase.source.line])).toEqual([
      ['sport', 'sentence', 'Premier League', 3],
      ['sport', 'sentence', 'semi-final*', 3],
      ['finance', 'story', 'Dow Jones', 6],
    ]);
  });

  it('names file and line for every mistake', () => {
    expect(errorOf('sport  x\n  scope: match\n  phrases: a b')).toMatchObject({ line: 2 });
    expect(errorOf('sport  x\n  scope: match\n  phrases: a b').message).toMatch(/sentence or story/);
    expect(errorOf('sport  x\n  phrase: a b')).toMatchObject({ line: 2 });
    expect(errorOf('sport  x\n  note: no phrases')).toMatchObject({ line: 1 });
    expect(errorOf('Sport  x\n  phrases: a')).toMatchObject({ line: 1 });
    expect(errorOf('sport  x\n  phrases: semi*final')).toMatchObject({ line: 2 });
    expect(errorOf('sport  x\n  phrases: a*')).toMatchObject({ line: 2 });
    expect(errorOf('sport  x\n  phrases: Premier League\nfootball  y\n  phrases: premier league').message).toMatch(/already listed on line 2/);
    expect(errorOf('sport  x\n  phrases: a\nsport  y\n  phrases: b').message).toMatch(/already defined on line 1/);
    expect(errorOf('sport  x\n  phrases: a\n  scope: story\n  scope: sentence')).toMatchObject({ line: 4 });
  });

  it('an ontology without discards.txt has none', () => {
    expect(loadDiscards(join(defaultOntologyDir(), 'no-such-folder'))).toEqual([]);
  });

  it("dyad's own list loads, with sentence and story groups", () => {
    const d = loadDiscards(defaultOntologyDir());
    expect(d.length).toBeGreaterThan(100);
    expect(new Set(d.map((x) => x.group))).toEqual(new Set(['sport-story', 'sport', 'markets', 'entertainment', 'crime', 'weather']));
    expect(d.filter((x) => x.scope === 'story').every((x) => x.group === 'sport-story')).toBe(true);
  });
});
