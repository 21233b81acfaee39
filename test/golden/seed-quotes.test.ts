/**
 * The seed article's quotes, as an expert marked them in
 * ../shared/seed/expected.json (`quotes.required`): kind, where the words
 * start and end, the cue, who said it (the person) and the actor code, and
 * the words naming the speaker where the file gives them ("he", "The head of
 * the State Department"). Read from the JSON file, not from a copy of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/core/layers.js';
import type { CodedDocument } from '../../src/output/schema.js';
import { testEngine } from '../support/engine.js';
import { hasShared, sharedPath } from '../support/shared.js';

const present = hasShared('seed', 'expected.json');

interface WantQuote {
  kind: 'direct' | 'indirect';
  startsWith: string;
  endsWith?: string;
  speaker: string;
  speakerText?: string;
  actor: string;
  cue: string;
  note?: string;
}

/** the words of a quote without the punctuation that ends it */
const words = (s: string) => s.replace(/[\s.,;:!?”’"']+$/u, '');
const nameWords = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
/** "Blinken" names "Antony Blinken": every word of the expected name is in the person's name */
const names = (person: string | undefined, want: string) => {
  if (!person) return false;
  const have = new Set(nameWords(person));
  return nameWords(want).every((w) => have.has(w));
};

function describeQuote(q: Quote): string {
  return `${q.kind} "${q.text.slice(0, 40)}…" cue=${q.cue?.text} speaker=${q.speaker?.text}→${q.speaker?.person ?? '?'} ${q.speaker?.code ?? '-'}`;
}

describe.skipIf(!present)('seed article: its quotes', () => {
  const expected = present ? JSON.parse(readFileSync(sharedPath('seed', 'expected.json'), 'utf8')) : { quotes: { required: [] } };
  const text = present ? readFileSync(sharedPath('seed', 'china-warns-us-russia.txt'), 'utf8') : '';
  let doc: CodedDocument | undefined;
  const coded = () => (doc ??= testEngine().code({ text, date: expected.date }));
  const required: WantQuote[] = expected.quotes.required;

  for (const want of required) {
    describe(`${want.kind} quote "${want.startsWith}…" by ${want.speaker}`, () => {
      const find = () => coded().quotes.find((q) => q.kind === want.kind && q.text.startsWith(want.startsWith));
      const all = () => coded().quotes.map(describeQuote).join('\n');

      it('is found, with its words', () => {
        const q = find();
        expect(q, all()).toBeDefined();
        if (want.endsWith) expect(words(q!.text).endsWith(want.endsWith), q!.text).toBe(true);
        expect(coded().text.slice(q!.start, q!.end)).toBe(q!.text);
      });

      it(`has the cue "${want.cue}"`, () => {
        const q = find();
        expect(q?.cue?.text.split(/\s+/).pop()).toBe(want.cue);
      });

      it(`is said by ${want.speaker}${want.speakerText ? ` ("${want.speakerText}")` : ''}`, () => {
        const q = find();
        expect(q?.speaker, all()).toBeTruthy();
        expect(names(q!.speaker!.person, want.speaker), `person ${q!.speaker!.person}`).toBe(true);
        if (want.speakerText) expect(q!.speaker!.text.toLowerCase()).toBe(want.speakerText.toLowerCase());
      });

      it(`codes the speaker as ${want.actor}`, () => {
        const q = find();
        expect(q?.speaker?.code ?? '', `the people dictionary must know ${want.speaker} on ${expected.date}`).toMatch(new RegExp(`^${want.actor}`));
      });
    });
  }

  it('says the quote opened and never closed is unclosed', () => {
    const open = coded().quotes.filter((q) => q.unclosed);
    expect(open.map((q) => q.text.slice(0, 30))).toEqual(['diplomacy and de-escalation ar']);
    expect(coded().messages.filter((m) => m.rule === 'quotes/unclosed')).toHaveLength(1);
  });

  it('gives the quotes statement events where nothing else is coded for the speaker', () => {
    const statements = coded().events.filter((e) => e.cameo === '010' && e.rule.file === 'quotes/cues.txt');
    expect(statements.length).toBeGreaterThan(0);
    for (const e of statements) {
      const q = coded().quotes.find((x) => x.cue && x.cue.start === e.trigger.start);
      expect(q, `statement "${e.trigger.text}" comes from a quote`).toBeDefined();
      expect(e.source?.code).toBe(q!.speaker?.code);
      const others = coded().events.filter((x) => x !== e && x.sentence === e.sentence && x.source?.code === e.source?.code);
      expect(others).toEqual([]);
    }
  });
});
