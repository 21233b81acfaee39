/**
 * The event coder's mechanisms on sentences written for these tests: compound
 * actors, reciprocal acts, passive voice, negation and refusal, modality,
 * conditions, noun events, dates and provenance. Each case states what a
 * trained event coder would code.
 */
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/support/engine.js';
import type { CodedEvent } from '../../core/layers.js';

const code = (text: string, date = '2024-03-14') => testEngine().code({ text, date, title: '' }).events;
const dyads = (events: CodedEvent[]) => events.map((e) => `${e.source?.code.slice(0, 3)}>${e.target?.code.slice(0, 3) ?? '-'}:${e.cameo.slice(0, 2)}`).sort();

describe('compound actors', () => {
  it('codes one event per member of a compound target', () => {
    const d = dyads(code('Japan warned China and North Korea against further missile tests.'));
    expect(d).toContain('JPN>CHN:13');
    expect(d).toContain('JPN>PRK:13');
  });
  it('codes one event per member of a compound source', () => {
    const d = dyads(code('France and Germany criticized Hungary over the veto.'));
    expect(d).toContain('FRA>HUN:11');
    expect(d).toContain('DEU>HUN:11');
  });
  it('does not take a comma apposition for a compound', () => {
    const d = dyads(code('Biden warned that Russia would pay a price if it attacked Ukraine, the White House said.'));
    expect(d.filter((x) => x.startsWith('RUS>USA'))).toEqual([]);
  });
  it('does not take the reporter after a comma for the target, and still takes a list after a comma', () => {
    const d = dyads(code('North Korea fired two ballistic missiles into the sea off its east coast on Monday, South Korea\'s military said.'));
    expect(d.filter((x) => x.startsWith('PRK>'))).toEqual(['PRK>-:15']);
    expect(dyads(code('Tony Blair is pressing the US to cut emissions despite its unwillingness to sign the Kyoto Protocol, Downing Street said.')).filter((x) => x.includes(':05'))).toEqual(['USA>-:05']);
    expect(dyads(code('China condemned Japan, South Korea and Australia on Monday.'))).toEqual(['CHN>AUS:11', 'CHN>JPN:11', 'CHN>KOR:11']);
  });
  it('does not take an actor of the clause before "and" for the subject of a clause with a noun subject of its own', () => {
    expect(dyads(code('Japan\'s defence minister met his South Korean counterpart in Tokyo and the delegates signed a memorandum on sharing data.')).filter((x) => x.endsWith(':05'))).toEqual([]);
    // (the two of them, though, are the two sides)
    expect(dyads(code('Japan\'s defence minister met his South Korean counterpart in Tokyo and the two sides signed a memorandum on sharing data.')).filter((x) => x.endsWith(':05'))).toEqual(['JPN>KOR:05', 'KOR>JPN:05']);
    // "in Tokyo and the officials signed": a new clause's subject, no list with the object of "in"; "between" still lists
    expect(dyads(code('Japan\'s defence minister met his South Korean counterpart in Tokyo and the officials signed a memorandum on sharing data.')).filter((x) => x.endsWith(':05'))).toEqual(['JPN>-:05']);
    expect(dyads(code('These matters are being investigated by the Liberian authorities and the IMF has called for their findings to be made public.'))).toEqual(['IGO>-:02', 'LBR>-:09']);
    // "the two sides", "both countries": the two actors of the event before, towards each other
    expect(dyads(code('Japan\'s defence minister met his South Korean counterpart in Tokyo on Tuesday. The two sides signed an agreement on sharing data.')).filter((x) => x.endsWith(':05'))).toEqual(['JPN>KOR:05', 'KOR>JPN:05']);
    expect(dyads(code('China condemned Japan over the visit. Both countries later agreed to hold talks.')).filter((x) => x.endsWith(':03'))).toEqual(['CHN>JPN:03', 'JPN>CHN:03']);
    expect(dyads(code('China condemned Japan over the visit. Two sides of the party later agreed to hold talks.')).filter((x) => x.endsWith(':03'))).toEqual([]);
    // "the ministers", "the leaders" in the sentence after a meeting are its two (not the last one named)
    expect(dyads(code('India\'s prime minister met the Australian prime minister in Delhi on Friday. The leaders signed a pact on critical minerals.')).filter((x) => x.endsWith(':05'))).toEqual(['AUS>IND:05', 'IND>AUS:05']);
    expect(dyads(code('India\'s prime minister met the Australian prime minister in Delhi on Friday. Afterwards, the two prime ministers signed a pact on critical minerals.')).filter((x) => x.endsWith(':05'))).toEqual(['AUS>IND:05', 'IND>AUS:05']);
    // (a crowd is no pair: "the men")
    expect(dyads(code('India\'s prime minister met the Australian prime minister in Delhi on Friday. The men signed a pact on critical minerals.')).filter((x) => x.endsWith(':05') && x.startsWith('AUS>'))).toEqual([]);
    // "called on both sides": the two of the event before are the targets
    expect(dyads(code('The RSF accused Sudan\'s army of bombing Omdurman. The U.N. chief called on both sides to respect the truce.')).filter((x) => x.endsWith(':02'))).toEqual(['IGO>SDN:02', 'IGO>SDN:02']);
    // a verb that shares the subject still takes it
    expect(dyads(code('Japan met South Korea in Tokyo and signed a memorandum on sharing data.')).filter((x) => x.endsWith(':05'))).toEqual(['JPN>-:05']);
  });
});

describe('reciprocal acts', () => {
  it('codes talks between a compound subject in both directions', () => {
    const d = dyads(code('The foreign ministers of India and China held talks in Moscow on Thursday.'));
    expect(d).toContain('IND>CHN:04');
    expect(d).toContain('CHN>IND:04');
  });
  it('codes both directions when two named leaders meet', () => {
    const d = dyads(code('French President Emmanuel Macron and German Chancellor Olaf Scholz met in Paris on Monday.'));
    expect(d).toContain('FRA>DEU:04');
    expect(d).toContain('DEU>FRA:04');
  });
});

describe('subordinate clauses', () => {
  it('gives a subordinate clause whose own subject is no actor no source from the clause before', () => {
    expect(dyads(code('The ministry said the two presidents spoke by phone, as tensions over Taiwan threatened to derail the talks.')).filter((x) => x.endsWith(':13'))).toEqual([]);
    // (an aside set off by commas, or "as a member of", is no clause)
    expect(dyads(code('Iran, as a member of OPEC, threatened to block the deal with Saudi Arabia.'))).toContain('IRN>SAU:13');
  });
});

describe('passive voice', () => {
  it('takes the "by" agent as the source', () => {
    const d = dyads(code('A Ukrainian border post was attacked by Russian troops on Tuesday.'));
    expect(d).toContain('RUS>UKR:19');
    expect(d.filter((x) => x.startsWith('UKR>'))).toEqual([]);
  });
  it('codes nothing for a passive with no agent', () => {
    expect(dyads(code('Two Syrian villages were attacked overnight.'))).toEqual([]);
  });
  it('takes the place of violence with no agent for its author, not when the place locates another state\'s mission or force', () => {
    expect(dyads(code('Three American soldiers were killed by a roadside bomb outside the city of Basra.'))).toEqual(['IRQ>USA:19']);
    expect(dyads(code('A dissident journalist was murdered at the Saudi consulate in Istanbul last month.')).filter((x) => x.startsWith('TUR'))).toEqual([]);
    expect(dyads(code('Two protesters were shot dead in clashes with Israeli soldiers in Hebron.')).filter((x) => x.startsWith('PSE'))).toEqual([]);
    // (beside the mission, the act was in the host's streets)
    expect(dyads(code('Two protesters were shot dead near the U.S. embassy in Baghdad.'))).toEqual(['IRQ>-:19']);
  });
});

describe('negation and refusal', () => {
  it('recodes a refusal to act as a rejection', () => {
    const events = code('Iran refused to meet the American envoy in Vienna.');
    const e = events.find((x) => x.source?.code.startsWith('IRN'));
    expect(e?.cameo.startsWith('12')).toBe(true);
    expect(e?.plover.type).toBe('REJECT');
  });
  it('never codes a negated act as the act itself', () => {
    const events = code('Turkey did not attack Syria on Sunday, the ministry said.');
    const attacks = events.filter((x) => x.cameo.startsWith('19'));
    expect(attacks).not.toHaveLength(0);
    for (const e of attacks) expect(e.negated).toBe(true);
  });
  it('never codes what an actor denies doing as done, nor as a refusal', () => {
    const events = code('Pakistan has repeatedly denied supplying the Taliban with weapons.');
    const supply = events.filter((e) => e.cameo.startsWith('07') || e.cameo.startsWith('12'));
    expect(supply.map((e) => `${e.source?.code}>${e.target?.code.slice(0, 3)}:${e.cameo}:${e.negated}:${e.modality}`)).toEqual(["PAK>AFG:072:true:denied"]);
    // (a denial of access is still a refusal)
    expect(dyads(code('Serbia denied Kosovo access to the border crossing.'))).toContain('SRB>XKX:12');
  });
  it('recodes "did not agree" into the reject family', () => {
    const events = code('Serbia did not agree to the proposal by Kosovo.');
    const e = events.find((x) => x.source?.code.startsWith('SRB'));
    expect(e?.cameo.startsWith('12')).toBe(true);
    expect(e?.negated).toBe(false);
  });
});

describe('modality', () => {
  it('codes readiness to talk as an intent to meet (036)', () => {
    const events = code('Russia said it was ready to discuss a prisoner exchange with Ukraine.');
    expect(events.some((e) => e.source?.code.startsWith('RUS') && e.target?.code.startsWith('UKR') && e.cameo === '036')).toBe(true);
  });
  it('codes a scheduled visit ("is due to travel") as an intent to meet, not a negated visit', () => {
    const events = code('The Indian foreign minister is due to travel to Beijing next month for talks.');
    expect(events.filter((e) => e.source?.code === 'INDGOV').map((e) => `${e.target?.code}:${e.cameo}:${e.negated}`)).toEqual(['CHN:036:false']);
  });
  it('codes a threat to attack as a threat (13), not an attack', () => {
    const events = code('North Korea threatened to attack South Korea.');
    expect(events.some((e) => e.source?.code.startsWith('PRK') && e.cameo.startsWith('13'))).toBe(true);
    expect(events.some((e) => e.cameo.startsWith('19'))).toBe(false);
  });
  it('does not code an act inside a condition', () => {
    const events = code('Washington will impose sanctions if Beijing invades Taiwan.');
    expect(events.filter((e) => e.source?.code.startsWith('CHN') && e.cameo.startsWith('19'))).toEqual([]);
  });
});

describe('noun events', () => {
  it('takes the possessor of an event noun as its source', () => {
    const d = dyads(code("Ukraine's president condemned Russia's invasion of his country."));
    expect(d.filter((x) => x.startsWith('UKR>UKR'))).toEqual([]);
  });
  it('does not give an event noun in a prepositional phrase the sentence subject', () => {
    const events = code('India closed its border two weeks after a deadly attack on tourists in Kashmir.');
    expect(events.filter((e) => e.trigger.text.startsWith('attack'))).toEqual([]);
  });
  it('takes the subject of a support verb ("launched an attack")', () => {
    const d = dyads(code('Israel launched an attack on Hezbollah positions in southern Lebanon.'));
    expect(d.some((x) => x.startsWith('ISR>LBN:19'))).toBe(true);
  });
});

describe('dates and provenance', () => {
  it('dates an event from the weekday near its trigger, in the past', () => {
    const events = code('Chinese and Japanese officials held talks in Tokyo on Monday.', '2024-03-14');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.date).toBe('2024-03-11');
  });
  it('falls back to the article date', () => {
    for (const e of code('Egypt condemned the Israeli airstrikes.', '2024-03-14')) expect(e.date).toBe('2024-03-14');
  });
  it('records the trigger span and the dictionary line that fired', () => {
    const text = 'Canada expelled two Chinese diplomats.';
    for (const e of code(text)) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(e.rule.file).toMatch(/^verbs\/\d\d-[a-z-]+\.txt$/);
      expect(e.rule.line).toBeGreaterThan(0);
    }
  });
});
