/**
 * The dictionary features added for the peers' formats, written in dyad's own
 * format (docs/dictionary-format.md) and run through the whole pipeline: stems
 * (`diplomat*`), alternatives (`{trade deal | economic pact}`), the compound
 * `%`, the skip `^`, paired codes, `discard:` patterns, `match: prefix` and
 * `order: file` entries, set members of several words or stems, actor names
 * with stems and gaps (`Gondor* .. Front`), agents written before the actor
 * (`position: before`) and agents that match only their listed forms
 * (`match: forms`). The test dictionary replaces dyad's verbs, so only its
 * entries code.
 */
import { describe, expect, it } from 'vitest';
import { createEngineSync, type Engine } from '../../src/engine.js';
import { loadOntology } from '../../src/ontology/load-ontology.js';
import { checkReferences, parseSets, parseVerbFile } from '../../src/ontology/load-verbs.js';
import { parseAgents, parseNamedActors } from '../../src/ontology/load-actors.js';
import { defaultOntologyDir } from '../../src/paths.js';

const VERBS = `
renew  -
  pos: verb
  0311: * diplomat*_ties with +
sign  -
  pos: verb
  057: * a {trade deal | economic pact} with +
agree  -
  pos: verb
  036: % * to meet
discuss  -
  pos: verb
  040: * ^ with +
leave  -
  pos: verb
  042/043: * for +
restor  -
  match: prefix
  pos: any
  0311: * of ties_with +
play  -
  pos: verb
  discard: * a match against +
  190: * against +
warn  -
  pos: verb
  order: file
  130: * of +
  160: * of + attacks
hold  -
  pos: verb
  040: * @talk-words with +
`;

const SETS = `
talk-words  talks, and words for them of several words or stems
  words: talks | peace process | negotiat*
`;

const GROUPS = `
XGF  Gondor Liberation Front
  names: Gondor* .. Front
`;

const AGENTS = `
CUR  couriers, written before the actor's code
  nouns: courier
  position: before
  match: forms
`;

let engine: Engine | undefined;
function testEngine(): Engine {
  if (engine) return engine;
  const base = loadOntology(defaultOntologyDir());
  const known = (c: string) => base.codes.cameo.has(c);
  const sets = new Map([...base.verbs.sets, ...parseSets(SETS, 'test/sets.txt')]);
  const verbs = { entries: parseVerbFile(VERBS, 'test/verbs.txt', known), modifiers: base.verbs.modifiers, sets };
  checkReferences(verbs);
  const actors = {
    ...base.actors,
    entries: [...base.actors.entries, ...parseNamedActors(GROUPS, 'test/groups.txt', 'group')],
    agents: [...base.actors.agents, ...parseAgents(AGENTS, 'test/agents.txt')],
  };
  return (engine = createEngineSync({ dictionaries: { ...base, verbs, actors, discards: [] } }));
}

const triples = (text: string) =>
  testEngine()
    .code({ text, date: '2023-06-15' })
    .events.filter((e) => e.rule.file.startsWith('test/'))
    .map((e) => `${e.source?.code ?? '-'}/${e.target?.code ?? '-'}/${e.cameo}`)
    .sort();

describe("dyad's dictionary format: the peer-format features", () => {
  it('a stem word* matches any word beginning with it', () => {
    expect(triples('Russia renewed diplomatic ties with Ukraine on Monday.')).toEqual(['RUS/UKR/0311']);
  });

  it('{a b | c} matches any one of its alternatives', () => {
    expect(triples('Russia signed a trade deal with China.')).toEqual(['RUS/CHN/057']);
    expect(triples('Russia signed an economic pact with China.')).toEqual([]); // "an" is not the pattern's "a"
    expect(triples('Russia signed a economic pact with China.')).toEqual(['RUS/CHN/057']);
  });

  it('% is a compound actor whose members act on each other', () => {
    expect(triples('Russia and Ukraine agreed to meet in Istanbul.')).toEqual(['RUS/UKR/036', 'UKR/RUS/036']);
    expect(triples('Russia agreed to meet in Istanbul.')).toEqual([]);
  });

  it('^ passes over an actor', () => {
    expect(triples('Russia discussed Ukraine with China.')).toEqual(['RUS/CHN/040']);
  });

  it('a paired code codes the target acting back on the source', () => {
    expect(triples('The Russian foreign minister left for China on Tuesday.')).toEqual(['CHN/RUSGOV/043', 'RUSGOV/CHN/042']);
  });

  it('match: prefix makes the head a stem: restor matches "restoration"', () => {
    expect(triples("Russia announced the restoration of ties with Georgia.")).toEqual(['RUS/GEO/0311']);
  });

  it('a discard: pattern keeps its sentence from coding, though another pattern matches', () => {
    expect(triples('Russia played a match against Ukraine.')).toEqual([]);
    expect(triples('Russia played dirty against Ukraine.')).toEqual(['RUS/UKR/190']);
  });

  it('order: file tries the patterns as written, not the most specific first', () => {
    expect(triples('Russia warned of Ukraine attacks.')).toEqual(['RUS/UKR/130']);
  });

  it('a set member may be a phrase or a stem', () => {
    expect(triples('Russia held negotiations with Ukraine.')).toEqual(['RUS/UKR/040']);
    expect(triples('Russia held a peace process with Ukraine.')).toEqual(['RUS/UKR/040']);
  });

  it('an actor name may hold stems and gaps: Gondor* .. Front', () => {
    const doc = testEngine().code({ text: 'The Gondorian Liberation Front attacked a convoy.', date: '2023-06-15' });
    expect(doc.actors.map((a) => [a.text, a.code])).toContainEqual(['The Gondorian Liberation Front', 'XGF']);
    // the gap holds at most two words
    const far = testEngine().code({ text: 'The Gondorian People of the Liberation Front attacked a convoy.', date: '2023-06-15' });
    expect(far.actors.map((a) => a.code)).not.toContain('XGF');
  });

  it('an agent with position: before writes its code first; match: forms matches only the forms listed', () => {
    const codes = (text: string) => testEngine().code({ text, date: '2023-06-15' }).actors.map((a) => a.code);
    expect(codes('A Russian courier left for China.')).toContain('CURRUS');
    expect(codes('Russian couriers left for China.')).not.toContain('CURRUS');
  });
});
