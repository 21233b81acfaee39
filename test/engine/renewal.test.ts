/**
 * An engine that has learnt too many words renews its vocabulary and tokenizer
 * (EngineOptions.maxLearntWords), so a long-running process stays bounded, and
 * its output does not change.
 */
import { describe, expect, it } from 'vitest';
import { exampleNews } from '../support/examples.js';
import { createEngineSync } from '../../src/engine.js';
import { testEngine } from '../support/engine.js';

const articles = exampleNews();

describe('vocabulary renewal', () => {
  it('codes the example news the same with a vocabulary renewed every twenty new words', () => {
    const reference = testEngine();
    const base = createEngineSync();
    const dictionaryWords = base.vocab.size;
    const renewing = createEngineSync({ maxLearntWords: 20 });
    let most = 0;
    for (const a of articles) {
      const got = renewing.code(a);
      most = Math.max(most, renewing.vocab.size - dictionaryWords);
      expect(got).toEqual(reference.code(a));
    }
    expect(renewing.renewals).toBeGreaterThan(0);
    // renewed before a text once over the bound: what is left is at most one article's new words over it
    const longest = Math.max(...articles.map((a) => a.text.split(/\s+/).length));
    expect(most).toBeLessThan(20 + longest);
    // the default engine learnt every word of every text and never renewed
    for (const a of articles) base.code(a);
    expect(base.renewals).toBe(0);
    expect(base.vocab.size - dictionaryWords).toBeGreaterThan(20);
  });

  it('refuses a bound that is not a positive number', () => {
    expect(() => createEngineSync({ maxLearntWords: 0 })).toThrow(/maxLearntWords/);
  });
});
