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
import type { CodingOptions } from '../../src/stages/coding-options.js';

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
XAG  Xal Gorel, written with its words together
  names: Xal Gorel
XAT  Xal Gorel, with a gap
  names: Xal .. Gorel
`;

const AGENTS = `
CUR  couriers, written before the actor's code
  nouns: courier
  position: before
  match: forms
`;

const engines = new Map<string, Engine>();
function testEngine(coding: CodingOptions = {}): Engine {
  const key = JSON.stringify(coding);
  const built = engines.get(key);
  if (built) return built;
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
  const engine = createEngineSync({ dictionaries: { ...base, verbs, actors, discards: [] }, coding });
  engines.set(key, engine);
  return engine;
}

const triples = (text: string, coding: CodingOptions = {}) =>
  testEngine(coding)
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

describe("the peers' coding options on dyad's dictionaries", () => {
  it('formerAgent (TABARI FORMER): "former" before an agent or its actor makes the agent the elite', () => {
    const former = { formerAgent: 'ELI' };
    expect(triples('Former Russian officials left for China.', former)).toEqual(['CHN/RUSELI/043', 'RUSELI/CHN/042']);
    expect(triples('Russian former officials left for China.', former)).toEqual(['CHN/RUSELI/043', 'RUSELI/CHN/042']);
    expect(triples('Russian officials left for China.', former)).toEqual(['CHN/RUSGOV/043', 'RUSGOV/CHN/042']);
    // dyad's own coding: a former official is not the elite code
    expect(triples('Former Russian officials left for China.')).not.toContain('RUSELI/CHN/042');
  });

  it('newActorLength (PETRARCH new_actor_length): an unknown noun phrase of at most N words is an actor named by its words', () => {
    expect(triples('The Guild of Weavers left for China.', { newActorLength: 4 })).toEqual(['"THE GUILD OF WEAVERS"/CHN/042', 'CHN/"THE GUILD OF WEAVERS"/043']);
    expect(triples('The Guild of Weavers left for China.', { newActorLength: 3 })).toEqual([]);
    // a phrase whose prepositional phrase names an actor is that actor's; days are no actors
    const known = triples('The envoy of Russia left for China on Monday.', { newActorLength: 4 });
    expect(known).toContain('RUSGOV/CHN/042');
    expect(known.filter((t) => t.includes('"'))).toEqual([]);
  });

  it('pronouns: first-actor (TABARI): a personal pronoun is the first actor of its sentence, whatever its kind', () => {
    const text = 'Russia warned of Ukraine attacks and then she left for China.';
    expect(triples(text, { pronouns: 'first-actor' })).toContain('RUS/CHN/042');
    // dyad's coreference links "she" only to a woman
    expect(triples(text)).not.toContain('RUS/CHN/042');
  });

  it('a plural pronoun for a member of a compound stands for the whole compound', () => {
    expect(triples('Russia and China warned of Ukraine attacks and then they left for Germany.')).toEqual(
      expect.arrayContaining(['RUS/DEU/042', 'CHN/DEU/042']),
    );
  });

  it('subjectInComplements (PETRARCH): a subject with no actor of its own stands for the actors of its phrases', () => {
    const text = 'Resumption of talks between Russia and China renewed diplomatic ties with Germany.';
    expect(triples(text, { subjectInComplements: true })).toEqual(['CHN/DEU/0311', 'RUS/DEU/0311']);
    expect(triples(text)).toEqual([]);
  });

  it('actor names: the written words before a gap of the same span, a hyphen as a blank, quoted nicknames in a gap', () => {
    const codes = (text: string) => testEngine().code({ text, date: '2023-06-15' }).actors.map((a) => a.code);
    expect(codes('Xal Gorel spoke.')).toContain('XAG');
    expect(codes('Xal-Gorel spoke.')).toContain('XAG');
    expect(codes('Xal "The Weasel" Gorel spoke.')).toContain('XAT');
    expect(codes('Xal The Weasel Gorel spoke.')).toContain('XAT');
  });
});
