/**
 * An agent noun whose actor stands after it, in English's two ways:
 *
 *   the government of Gondor, soldiers from Gondor, activists in Arnor
 *                                      → the actor after of / in / from [the]
 *   Prime Minister Romendacil, MSF Arnor
 *                                      → an actor's name right after the agent
 *
 * and the actors that share the agent in a list after it: "the ambassadors
 * of Arnor, Osgiliath and Gondor" are three ambassadors.
 */
import { POS, type TokenTable } from '../../core/token-table.js';
import type { Sentence } from '../../core/layers.js';
import type { PhraseTarget } from './compile-actors.js';

export interface AttachPiece {
  start: number;
  end: number;
  targets: PhraseTarget[];
  role: boolean;
}

export interface AttachIds {
  /** of, in, from */
  preps: Set<number>;
  the: number;
  joiners: Set<number>;
  /** compass words that may stand between the preposition and the name: "in northern Arnor" */
  compass?: Set<number>;
  /** "based" before of/in/from */
  based?: number;
}

export interface Attached {
  /** the actor the agent belongs to */
  target: PhraseTarget;
  /** index of the piece holding it */
  piece: number;
  /** true when it followed a preposition (of / in / from) */
  viaPreposition: boolean;
  /** further pieces in a list joined to it ("Arnor, Osgiliath and Gondor") */
  list: number[];
}

const nameOf = (p: AttachPiece) =>
  p.role ? undefined : p.targets.find((t) => t.kind === 'name' || t.kind === 'capital' || t.kind === 'institution' || t.kind === 'adjective');

/** The actor attached to the role pieces ending at `end` (the next piece is `pieces[next]`), or null. */
export function attachedActor(
  pieces: readonly AttachPiece[],
  next: number,
  end: number,
  tokens: TokenTable,
  s: Sentence,
  ids: AttachIds,
): Attached | null {
  const q = pieces[next];
  if (!q) return null;
  let j = end;
  let viaPreposition = false;
  // "a terror group based in Arnor"
  if (ids.based !== undefined && j + 1 < s.tokenEnd && tokens.norm[j] === ids.based && ids.preps.has(tokens.norm[j + 1]!)) j++;
  if (j < s.tokenEnd && ids.preps.has(tokens.norm[j]!) && tokens.pos[j] === POS.ADP) {
    j++;
    viaPreposition = true;
    if (j < s.tokenEnd && tokens.norm[j] === ids.the) j++;
    // "activists in northern Arnor": a compass word may stand between the preposition and the name
    if (ids.compass && j < s.tokenEnd && ids.compass.has(tokens.norm[j]!) && q.start === j + 1) j++;
  }
  if (q.start !== j) return null;
  const target = nameOf(q);
  if (!target || (target.kind === 'adjective' && viaPreposition)) return null;
  // "in south Arnor" is a place in Arnor, never Arnor's adjective
  if (j > end + 1 && ids.compass?.has(tokens.norm[q.start - 1]!) && target.kind === 'adjective') return null;
  // a list joined to it: ", X", "and X", ", and the X"
  const list: number[] = [];
  let at = q.end;
  for (let k = next + 1; k < pieces.length; k++) {
    let t = at;
    let joined = false;
    while (t < s.tokenEnd && ids.joiners.has(tokens.norm[t]!)) {
      t++;
      joined = true;
    }
    if (t < s.tokenEnd && tokens.norm[t] === ids.the) t++;
    const p = pieces[k]!;
    if (!joined || p.start !== t || !nameOf(p)) break;
    list.push(k);
    at = p.end;
  }
  return { target, piece: next, viaPreposition, list };
}

/**
 * An actor code with agent codes added: each three-letter part of the agent
 * that the code does not already carry ("Washington officials": USAGOV + GOV
 * stays USAGOV; "the Quibbler government newspaper": HGWGOVMED + GOVMED stays
 * HGWGOVMED; "West German world government": GMWGOV + WGO is GMWGOVWGO).
 */
export function addAgentCodes(code: string, agent: string): string {
  let out = code;
  for (let i = 0; i + 3 <= agent.length; i += 3) {
    const part = agent.slice(i, i + 3);
    let present = false;
    for (let k = 3; k + 3 <= out.length; k += 3) if (out.slice(k, k + 3) === part) present = true;
    if (!present) out += part;
  }
  if (agent.length % 3) out += agent.slice(agent.length - (agent.length % 3));
  return out;
}
