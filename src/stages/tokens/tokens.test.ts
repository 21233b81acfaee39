/**
 * The tokens stage over real text: every token is the text it points at,
 * lemmas and forms are interned, and words wink-nlp gives no lemma
 * ("cannot" before a comma, which it does not split) do not break the article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../../test/support/shared.js';
import { testEngine } from '../../../test/support/engine.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import { tokenize } from './tokenize.js';

const TEXT = [
  'NATO cannot accept the demands, officials say',
  '',
  'The U.S. and NATO said on Wednesday that they cannot accept Russia\'s demands, which "would end" the alliance\'s open-door policy.',
  'Russian officials were not available for comment. "We cannot, and will not, wait," said Maria Zakharova.',
].join('\n');

describe('tokens', () => {
  const engine = testEngine();
  const doc = engine.run(engine.article({ text: TEXT }));
  const t = doc.get('tokens');

  it('codes an article with "cannot," (wink gives it no lemma) to the end', () => {
    expect(doc.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
    const cannot = [...Array(t.length).keys()].filter((i) => t.surface(doc.text, i).toLowerCase() === 'cannot');
    expect(cannot.length).toBeGreaterThan(0);
    for (const i of cannot) expect(t.lemmaText(engine.vocab, i)).toBe('cannot');
    expect(doc.has('events')).toBe(true);
  });

  it('every token is the text at its offsets, in order, with its lower-cased form interned', () => {
    let prev = 0;
    for (let i = 0; i < t.length; i++) {
      expect(t.start[i]).toBeGreaterThanOrEqual(prev);
      expect(t.end[i]).toBeGreaterThan(t.start[i]!);
      const surface = t.surface(doc.text, i);
      expect(surface.trim()).toBe(surface);
      expect(t.normText(engine.vocab, i)).toBe(surface.toLowerCase());
      prev = t.end[i]!;
    }
  });

  it('lemmas are lower case, and inflected forms have their base form', () => {
    const lemmaOf = (w: string) => {
      const i = [...Array(t.length).keys()].find((k) => t.surface(doc.text, k) === w);
      return i === undefined ? undefined : t.lemmaText(engine.vocab, i);
    };
    expect(lemmaOf('demands')).toBe('demand');
    expect(lemmaOf('said')).toBe('say');
    expect(lemmaOf('officials')).toBe('official');
    expect(lemmaOf('NATO')).toBe('nato');
  });

  it('flags capitals, all-capital words, punctuation and quotation marks', () => {
    const flagsOf = (w: string) => {
      const i = [...Array(t.length).keys()].find((k) => t.surface(doc.text, k) === w);
      return t.flags[i!]!;
    };
    expect(flagsOf('NATO') & FLAG.UPPER).toBeTruthy();
    expect(flagsOf('NATO') & FLAG.CAP).toBeTruthy();
    expect(flagsOf('Russian') & FLAG.UPPER).toBe(0);
    expect(flagsOf('Russian') & FLAG.CAP).toBeTruthy();
    expect(flagsOf('officials') & (FLAG.CAP | FLAG.UPPER)).toBe(0);
    expect(flagsOf(',') & FLAG.PUNCT).toBeTruthy();
    expect(flagsOf('"') & FLAG.QUOTE).toBeTruthy();
  });

  it('the headline and each line are sentence boundaries', () => {
    const sentences = doc.get('sentences');
    expect(doc.text.slice(sentences[0]!.start, sentences[0]!.end)).toBe('NATO cannot accept the demands, officials say');
    expect(sentences.length).toBeGreaterThanOrEqual(4);
  });
});

describe('titles with a full stop', () => {
  const engine = testEngine();
  const sentencesOf = (text: string) => {
    const d = engine.run(engine.article({ text }));
    return d.get('sentences').map((s) => d.text.slice(s.start, s.end));
  };

  it('keeps "Rev." and "Maj." with the name after them, in one token and one sentence', () => {
    const text = 'Headline\n\nThe prayer was led by Rev. Kyev Tatum in Fort Worth. Maj. Gen. Ann Lee spoke next.';
    expect(sentencesOf(text).slice(1)).toEqual(['The prayer was led by Rev. Kyev Tatum in Fort Worth.', 'Maj. Gen. Ann Lee spoke next.']);
    const d = engine.run(engine.article({ text }));
    const t = d.get('tokens');
    const words = [...Array(t.length).keys()].map((i) => t.surface(d.text, i));
    expect(words).toContain('Rev.');
    expect(words).toContain('Maj.');
    expect(engine.tokenizer.phrase('Rev. Kyev Tatum')).toEqual(['Rev.', 'Kyev', 'Tatum']);
  });

  it('reads a capitalised word the tagger took for an auxiliary after a capitalised word as part of a name ("Munich Re"), not a real auxiliary ("Trump Will Win")', () => {
    const text = 'Trump Will Win, Says Poll\n\nMunich Re said: “Losses will rise.” Obama Can Wait.';
    const d = engine.run(engine.article({ text }));
    const t = d.get('tokens');
    const tag = (w: string) => t.pos[[...Array(t.length).keys()].find((i) => t.surface(d.text, i) === w)!];
    expect(tag('Re')).toBe(POS.PROPN);
    expect(tag('Will')).toBe(POS.AUX);
    expect(tag('Can')).toBe(POS.AUX);
    expect(d.get('quotes').map((q) => [q.speaker?.text, q.text])).toEqual([['Poll', 'Trump Will Win'], ['Munich Re', 'Losses will rise.']]);
  });

  it('reads a word in -ed after "has", "have" or "had" (and one adverb) as a participle, with the base form the dictionaries know', () => {
    const text = 'Headline\n\nIsrael, which has long accused Iran of seeking weapons, welcomed the draft. The state had finally planned a census. She has a wicked grin.';
    const d = engine.run(engine.article({ text }));
    const t = d.get('tokens');
    const at = (w: string) => [...Array(t.length).keys()].find((i) => t.surface(d.text, i) === w)!;
    expect([t.pos[at('accused')], t.lemmaText(engine.vocab, at('accused'))]).toEqual([POS.VERB, 'accuse']);
    expect([t.pos[at('planned')], t.lemmaText(engine.vocab, at('planned'))]).toEqual([POS.VERB, 'plan']);
    expect(t.pos[at('wicked')]).not.toBe(POS.VERB);
    expect(d.get('events').map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code ?? '-'}`)).toEqual(['ISR 112 IRN', 'ISR 051 -']);
  });

  it('reads an -ed word the tagger does not know, between a noun subject and its object, as the verb the dictionaries know', () => {
    const text = 'Headline\n\nA court heard that Syrian agents strangled the dissident in Beirut. The jagged edges cut him.';
    const d = engine.run(engine.article({ text }));
    const t = d.get('tokens');
    const at = (w: string) => [...Array(t.length).keys()].find((i) => t.surface(d.text, i) === w)!;
    expect([t.pos[at('strangled')], t.lemmaText(engine.vocab, at('strangled'))]).toEqual([POS.VERB, 'strangle']);
    expect(t.pos[at('jagged')]).not.toBe(POS.VERB);
    expect(d.get('events').map((e) => `${e.source?.code} ${e.cameo}`)).toContain('SYR 1823');
  });

  it('does not end a sentence inside a parenthesis still open ("(D-S.C.)"), and still ends one after a title ending it', () => {
    expect(sentencesOf('Headline\n\nRep. Jim Clyburn (D-S.C.) spoke for the bill. It passed.').slice(1)).toEqual(['Rep. Jim Clyburn (D-S.C.) spoke for the bill.', 'It passed.']);
    expect(sentencesOf('Headline\n\nThe vote went to the Rev. It was close.').slice(1)).toEqual(['The vote went to the Rev.', 'It was close.']);
  });
});

describe('tokens of long texts', () => {
  const un = ['data', 'corpus', 'un-debates', 'Session 79 - 2024'];
  it.skipIf(!hasShared(...un))('are the same whether wink reads the text whole or in chunks of paragraphs (UN speeches)', () => {
    const engine = testEngine();
    const dir = sharedPath(...un);
    const columns = (t: TokenTable) => [t.start, t.end, t.norm, t.lemma, t.pos, t.flags, t.sentence].map((c) => Array.from(c).join(','));
    for (const f of readdirSync(dir).sort().slice(0, 12)) {
      const a = engine.article({ text: readFileSync(join(dir, f), 'utf8') });
      const whole = tokenize(a.text, a.paragraphs, engine.tokenizer, engine.vocab, Infinity);
      expect(a.text.length, f).toBeGreaterThan(4000);
      for (const chunk of [4000, 500]) expect(columns(tokenize(a.text, a.paragraphs, engine.tokenizer, engine.vocab, chunk)), `${f}, chunks of ${chunk}`).toEqual(columns(whole));
    }
  });
});
