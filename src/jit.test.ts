import { describe, expect, it } from 'vitest';
import { hasInterruptBudget, tuneJit } from './jit.js';

describe('the tier-up setting', () => {
  it('applies to the V8 of Node 20 only', () => {
    expect(hasInterruptBudget('11.3.244.8-node.38')).toBe(true);
    expect(hasInterruptBudget('12.4.254.21-node.57')).toBe(false);
    expect(hasInterruptBudget('13.6.233.17-node.53')).toBe(false);
  });

  it('is set on this Node exactly when its V8 has it', () => {
    expect(tuneJit()).toBe(hasInterruptBudget(process.versions.v8));
  });
});
