import { createEngineSync, type Engine } from '../../src/engine.js';

let engine: Engine | undefined;

/** One engine per test file (loading the ontology takes a moment). */
export function testEngine(): Engine {
  return (engine ??= createEngineSync());
}
