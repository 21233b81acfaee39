/**
 * A tier-up setting for the JavaScript engine of Node 20.
 *
 * Node 20's V8 (11.x) hands a function to its optimising compiler after a
 * small budget of interpreted work (`--interrupt-budget`, 66 KB of
 * bytecode). dyad's largest functions (the event coder's sentence loop,
 * the quote attributor) are long and branchy: optimised that early, they
 * soon reach a branch they had not run, are thrown out and compiled again,
 * five to eight times each at 100–200 ms a compile. On one core (the
 * benchmark runs `--single-threaded`) the compiler took 3.7 s of a 9.6 s
 * pass over 2,320 articles. With a budget of 512 KB a function collects
 * more feedback first, and the compiler takes 0.9 s (docs/benchmarks.md).
 *
 * Newer V8 (Node 22 and later) tiers up by call counts, with the fast
 * Maglev compiler in between, has no such flag and is left alone. The
 * setting is process-wide, so the library never makes it by itself: the
 * CLI (bin/dyad.js) and the benchmark call this before loading dyad, and a
 * program embedding dyad on Node 20 may call it first thing.
 */
import { setFlagsFromString } from 'node:v8';

/** interpreted bytecode before a function is considered for optimisation (V8 11's default: 67,584) */
export const INTERRUPT_BUDGET = 512 * 1024;

/** Whether this V8 has the `--interrupt-budget` tier-up setting (V8 11: Node 20). */
export function hasInterruptBudget(v8Version: string = process.versions.v8): boolean {
  return /^11\./.test(v8Version);
}

/** Sets the tier-up budget on Node 20; does nothing on other versions. Returns whether it set it. */
export function tuneJit(): boolean {
  if (!hasInterruptBudget()) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
