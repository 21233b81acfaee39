/**
 * Loads a whole ontology folder: codes, actors, verbs, quote cues. Every file is
 * validated as it is read; the first malformed line throws a DyadError
 * naming file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DyadError } from '../core/errors.js';
import { loadActorDictionary } from './load-actors.js';
import { loadCodes, type Codes } from './load-codes.js';
import { loadCues, type CueDictionary } from './load-cues.js';
import { loadDiscards } from './load-discards.js';
import { loadVerbDictionary, type VerbDictionary } from './load-verbs.js';
import type { ActorDictionary, DiscardEntry } from './types.js';

export interface Ontology {
  root: string;
  version: string;
  codes: Codes;
  actors: ActorDictionary;
  verbs: VerbDictionary;
  /** cue words of reported speech (quotes/cues.txt) */
  cues: CueDictionary;
  /** phrases that keep a sentence or story from being coded */
  discards?: DiscardEntry[];
}

export function loadOntology(root: string): Ontology {
  if (!existsSync(root)) throw new DyadError('E_CONFIG', `ontology folder ${root} does not exist`);
  const versionFile = join(root, 'VERSION');
  const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'unversioned';
  const codes = loadCodes(root);
  const actors = loadActorDictionary(root);
  const verbs = loadVerbDictionary(root, (c) => codes.cameo.has(c));
  const cues = loadCues(root);
  const discards = loadDiscards(root);
  return { root, version, codes, actors, verbs, cues, discards };
}
