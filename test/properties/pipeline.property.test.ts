/**
 * Invariants of the whole pipeline, checked with fast-check on generated text
 * (news-like sentences assembled from real actor names and verbs, plus
 * arbitrary strings): sentences tile the text; tokens lie inside their
 * sentence; every span's text is what it points at; coding is deterministic;
 * no input string throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine.js';
import type { CodedDocument } from '../../src/output/schema.js';

const actors = ['China', 'the U.S.', 'Russia', 'Ukraine', 'NATO', 'the European Union', 'Israeli troops', 'Hamas', 'Iranian officials', 'Wang Yi', 'the Kremlin', 'Washington', 'Chinese Foreign Minister Wang Yi', 'he', 'it'];
const verbs = ['warned', 'criticized', 'met', 'held talks with', 'attacked', 'imposed sanctions on', 'refused to meet', 'was attacked by', 'accused', 'praised', 'threatened to attack', 'did not agree with', 'urged', 'signed an agreement with', 'demanded guarantees from'];
const glue = [', officials said.', ' on Monday.', ' late Wednesday night.', ' and', ', which', '.', ' “We are ready,” he said.', ' according to diplomats.', ''];

const sentence = fc
  .tuple(fc.constantFrom(...actors), fc.constantFrom(...verbs), fc.constantFrom(...actors), fc.constantFrom(...glue))
  .map(([a, v, b, g]) => `${a[0]!.toUpperCase()}${a.slice(1)} ${v} ${b}${g}`);
const article = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(' ', '\n', '\n\n'), { minLength: 6, maxLength: 6 }))
  .map(([ss, seps]) => ss.map((s, i) => s + (seps[i] ?? ' ')).join(''));

function checkSpans(doc: CodedDocument): void {
  const { text } = doc;
  // a stage that throws is caught by the pipeline and reported as an internal error: there must be none
  expect(doc.messages.filter((m) => m.rule === 'internal')).toEqual([]);
  // sentences are ordered, disjoint, inside the text, and cover every non-space character
  let prev = 0;
  for (const s of doc.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(prev);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(prev, s.start).trim()).toBe('');
    prev = s.end;
  }
  expect(text.slice(prev).trim()).toBe('');
  const inText = (x: { text: string; start: number; end: number }) => {
    expect(x.start).toBeGreaterThanOrEqual(0);
    expect(x.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(x.start, x.end)).toBe(x.text);
  };
  for (const a of doc.actors) {
    inText(a);
    const s = doc.sentences[a.sentence]!;
    expect(a.start >= s.start && a.end <= s.end).toBe(true);
  }
  for (const e of doc.events) {
    inText(e.trigger);
    if (e.source) inText(e.source);
    if (e.target) inText(e.target);
    const s = doc.sentences[e.sentence]!;
    expect(e.trigger.start >= s.start && e.trigger.end <= s.end).toBe(true);
    expect(e.source).not.toBeNull();
    expect(e.cameo).toMatch(/^\d{2,4}$/);
  }
  for (const q of doc.quotes) {
    inText(q);
    if (q.cue) inText(q.cue);
    if (q.speaker) inText(q.speaker);
  }
}

describe('pipeline invariants', () => {
  const engine = testEngine();

  it('spans tile and point into the text, on news-like articles', () => {
    fc.assert(
      fc.property(article, fc.constantFrom('2022-01-27', '2015-06-01', null), (text, date) => {
        checkSpans(engine.code({ text, date }));
      }),
      { numRuns: 150 },
    );
  });

  it('tokens lie inside their sentence', () => {
    fc.assert(
      fc.property(article, (text) => {
        const doc = engine.run(engine.article({ text }));
        const tokens = doc.get('tokens');
        for (const s of doc.get('sentences')) {
          for (let t = s.tokenStart; t < s.tokenEnd; t++) {
            expect(tokens.start[t]! >= s.start && tokens.end[t]! <= s.end).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('codes deterministically: the same input gives the same output', () => {
    fc.assert(
      fc.property(article, (text) => {
        const a = engine.code({ text, date: '2022-01-27' });
        const b = engine.code({ text, date: '2022-01-27' });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), article.map((a) => a.replace(/ /g, '“'))), (text) => {
        const doc = engine.code({ text });
        checkSpans(doc);
      }),
      { numRuns: 300 },
    );
  });
});
