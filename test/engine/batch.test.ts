/**
 * Engine.codeMany codes several texts stage by stage (Pipeline.runMany) and
 * gives each exactly what Engine.code gives it; a text that fails does not
 * take the others with it.
 */
import { describe, expect, it } from 'vitest';
import { exampleNews } from '../support/examples.js';
import { createEngineSync } from '../../src/engine.js';
import { testEngine } from '../support/engine.js';

const articles = exampleNews();

describe('coding in batches', () => {
  it('gives every example article what coding it alone gives, in order', () => {
    const engine = testEngine();
    const alone = articles.map((a) => engine.code(a));
    const together = createEngineSync().codeMany(articles);
    expect(together).toEqual(alone);
    expect(together.reduce((n, d) => n + d.events.length, 0)).toBeGreaterThan(20);
  });

  it('keeps an article over the size limit, and an empty one, from stopping the rest', () => {
    const engine = createEngineSync({ maxChars: 5000 });
    const big = { id: 'big', text: `Huge\n\n${'Russia warned Ukraine. '.repeat(400)}` };
    const inputs = [articles[0]!, big, { id: 'empty', text: '' }, articles[1]!];
    const docs = engine.codeMany(inputs);
    expect(docs.map((d) => d.id)).toEqual([articles[0]!.id, 'big', 'empty', articles[1]!.id]);
    expect(docs[1]!.messages.some((m) => m.severity === 'fatal' && /over the limit of 5000/.test(m.reason))).toBe(true);
    expect(docs[1]!.events).toEqual([]);
    expect(docs[0]).toEqual(testEngine().code(articles[0]!));
    expect(docs[3]).toEqual(testEngine().code(articles[1]!));
  });
});
