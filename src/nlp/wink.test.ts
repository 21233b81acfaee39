/**
 * The tokenizer gives a text the same tokens whatever it read before: wink-nlp
 * learns every new word it meets, and without dyad's hook a word learnt from
 * one article changed how the next article was split ("Macy's").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { createTokenizer } from './wink.js';

const MACY = "Macy's owner buys rival for $11bn\n\nFederated Department Stores, the owner of Macy's and Bloomingdale's, is to buy its rival May.";

describe('the tokenizer', () => {
  it('tokenises a text the same way the second time', () => {
    const t = createTokenizer();
    const first = t.analyse(MACY);
    const second = t.analyse(MACY);
    expect(second.values).toEqual(first.values);
    expect(second.pos).toEqual(first.pos);
    expect(second.sentences).toEqual(first.sentences);
  });

  it('splits a word the same way at each of its occurrences in a text', () => {
    const { values } = createTokenizer().analyse(MACY);
    const at = values.flatMap((v, i) => (v === 'Macy' ? [i] : []));
    expect(at).toHaveLength(2);
    for (const i of at) expect(values[i + 1]).toBe("'s");
  });

  it('is not changed by what it read before, texts or dictionary phrases', () => {
    const fresh = createTokenizer().analyse(MACY).values;
    const used = createTokenizer();
    used.phrase("Macy's");
    used.phraseWithLemmas("Bloomingdale's");
    used.analyse("Macy's and Bloomingdale's reported strong sales at Macy's flagship store.");
    expect(used.analyse(MACY).values).toEqual(fresh);
  });

  it('gives dictionary phrases copies: changing them changes nothing', () => {
    const t = createTokenizer();
    const a = t.phraseWithLemmas('foreign ministers');
    a.values.push('x');
    a.lemmas[0] = 'y';
    expect(t.phraseWithLemmas('foreign ministers')).toEqual({ values: ['foreign', 'ministers'], lemmas: ['foreign', 'minister'] });
    expect(t.phrase('foreign ministers')).toEqual(['foreign', 'ministers']);
  });

  const bbc = ['data', 'corpus', 'news-mix', 'bbc', 'business'];
  it.skipIf(!hasShared(...bbc))('tokenises 300 BBC articles the same in order and in reverse order', () => {
    const dir = sharedPath(...bbc);
    const texts = readdirSync(dir).sort().slice(0, 300).map((f) => readFileSync(join(dir, f), 'utf8'));
    const forward = createTokenizer();
    const backward = createTokenizer();
    const a = texts.map((t) => forward.analyse(t));
    const b = texts.map((_, i) => backward.analyse(texts[texts.length - 1 - i]!)).reverse();
    let differ = 0;
    a.forEach((x, i) => {
      if (x.values.join('\u0001') !== b[i]!.values.join('\u0001') || JSON.stringify(x.sentences) !== JSON.stringify(b[i]!.sentences)) differ++;
    });
    expect(differ).toBe(0);
  });

  it('reads wink\'s token data in one pass, and gives what wink\'s own out() gives', () => {
    const t = createTokenizer();
    expect(t.fastPath).toBe(true);
    const texts = [MACY, "He can't go.\u00a0 \tThey won't.\n\n“We’re ready,” she said — and left.", '', '   ', 'U.S.-led forces'];
    for (const text of [...texts, ...texts]) {
      const { ids, ...fast } = t.analyse(text);
      expect(fast).toEqual(t.analyseSlowly(text));
      if (fast.values.length) expect(ids).toHaveLength(fast.values.length);
    }
  });

  it.skipIf(!hasShared(...bbc))('gives the same tokens, tags and lemmas as wink\'s out() on 300 BBC articles', () => {
    const dir = sharedPath(...bbc);
    const texts = readdirSync(dir).sort().slice(300, 600).map((f) => readFileSync(join(dir, f), 'utf8'));
    const t = createTokenizer();
    let differ = 0;
    for (const text of texts) {
      const { ids: _ids, ...fast } = t.analyse(text);
      if (JSON.stringify(fast) !== JSON.stringify(t.analyseSlowly(text))) differ++;
    }
    expect(differ).toBe(0);
  });
});
