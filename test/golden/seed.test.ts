/**
 * The article dyad started from, coded as an expert would code it: every
 * required event, actor and quote in ../shared/seed/expected.json, none of the
 * forbidden events, the headline's events once. Read from the JSON file, not
 * from a copy of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../support/shared.js';
import { testEngine } from '../support/engine.js';
import type { CodedDocument } from '../../src/output/schema.js';
import type { CodedEvent } from '../../src/core/layers.js';

const present = hasShared('seed', 'expected.json');

type Expected = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const codeMatches = (want: string | null | undefined, got: string | null | undefined) =>
  want === null ? got === null || got === undefined : want === undefined || (got ?? '').startsWith(want);
const anyOf = <T,>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

function eventMatches(e: CodedEvent, want: Expected): boolean {
  if (want.source !== undefined && !anyOf(want.source).some((s) => codeMatches(s as string | null, e.source?.code))) return false;
  if (want.role && !(e.source?.code ?? '').startsWith(anyOf(want.source)[0] + want.role)) return false;
  if (want.target !== undefined && !anyOf(want.target).some((t) => codeMatches(t as string | null, e.target?.code ?? null))) return false;
  if (want.targetRole && !(e.target?.code ?? '').startsWith(want.target + want.targetRole)) return false;
  if (want.cameo !== undefined && !anyOf(want.cameo).some((c) => e.cameo.startsWith(c as string))) return false;
  if (want.plover && e.plover.type !== want.plover) return false;
  if (want.mode && e.plover.mode !== want.mode) return false;
  if (want.date && e.date !== want.date) return false;
  return true;
}

describe.skipIf(!present)('seed article: China warns the U.S. and Russia', () => {
  const expected: Expected = present ? JSON.parse(readFileSync(sharedPath('seed', 'expected.json'), 'utf8')) : {};
  const text = present ? readFileSync(sharedPath('seed', 'china-warns-us-russia.txt'), 'utf8') : '';
  let doc: CodedDocument;
  const coded = () => (doc ??= testEngine().code({ text, date: expected.date }));

  if (!present) return;

  for (const want of expected.events.required) {
    it(`codes: ${want.why}`, () => {
      const hits = coded().events.filter((e) => eventMatches(e, want));
      expect(hits, JSON.stringify(coded().events.map((e) => [e.source?.code, e.target?.code, e.cameo, e.trigger.text]))).not.toHaveLength(0);
    });
  }

  for (const bad of expected.events.forbidden) {
    it(`does not code: ${bad.why}`, () => {
      const hits = coded().events.filter((e) => eventMatches(e, bad));
      expect(hits.map((e) => `${e.source?.code}→${e.target?.code} ${e.cameo} "${e.trigger.text}"`)).toEqual([]);
    });
  }

  it('codes the repeated headline once', () => {
    const headline = coded().sentences[0]!;
    const inHeadline = coded().events.filter((e) => e.sentence === 0);
    expect(coded().text.indexOf(coded().title, headline.end)).toBe(-1);
    const keys = inHeadline.map((e) => `${e.source?.code}|${e.target?.code}|${e.cameo}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const want of expected.actors.required) {
    it(`finds actor "${want.text}" as ${want.code}`, () => {
      const hit = coded().actors.find((a) => a.text === want.text && a.code.startsWith(want.code));
      expect(hit, JSON.stringify(coded().actors.map((a) => [a.text, a.code]))).toBeDefined();
      if (want.person) expect(hit!.person).toBe(want.person);
    });
  }

  it('points every span into the text', () => {
    const d = coded();
    for (const a of d.actors) expect(d.text.slice(a.start, a.end)).toBe(a.text);
    for (const e of d.events) {
      expect(d.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      if (e.source) expect(d.text.slice(e.source.start, e.source.end)).toBe(e.source.text);
      if (e.target) expect(d.text.slice(e.target.start, e.target.end)).toBe(e.target.text);
    }
  });
});
