/**
 * The shipped actor dictionaries through the whole pipeline (engine.code):
 * places (regions, occupied territories, cities), ethnic and religious
 * communities with agents, ministries by portfolio, news media and the
 * EU's older names. The data tests (actors-data.test.ts) check the files;
 * these check that the phrases code what the files say, in sentences.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createEngineSync, type Engine } from '../engine.js';
import type { CodedDocument } from '../output/schema.js';

let engine: Engine;
beforeAll(() => {
  engine = createEngineSync();
});

const code = (text: string, date: string | null = '2024-06-01'): CodedDocument => engine.code({ text, date });

/** The code of the actor whose text is `phrase` (or starts with it, after "the"). */
function actorCode(doc: CodedDocument, phrase: string): string | undefined {
  const a = doc.actors.find((x) => x.text === phrase || x.text.replace(/^the /i, '') === phrase);
  return a?.code;
}

/** Events as "SOURCE>TARGET" with codes ("-" for none), leaving out negated ones. */
function dyads(doc: CodedDocument): string[] {
  return doc.events.filter((e) => !e.negated).map((e) => `${e.source?.code ?? '-'}>${e.target?.code ?? '-'}`);
}

describe('places', () => {
  it('are the target when the act falls on them', () => {
    expect(dyads(code('Russian forces shelled Kharkiv on Tuesday.'))).toContain('RUSMIL>UKR');
    expect(dyads(code('Israeli troops raided Jenin overnight.'))).toContain('ISRMIL>PSE');
    expect(dyads(code('Sudan\'s army bombed Nyala.'))).toContain('SDNMIL>SDNDFR');
  });

  it('code an occupied or breakaway territory under the state the UN recognises, with its region code', () => {
    const doc = code('Ukrainian drones struck Sevastopol.');
    expect(actorCode(doc, 'Sevastopol')).toBe('UKRKRY');
    expect(actorCode(code('Syria demanded the return of the Golan Heights.'), 'Golan Heights')).toBe('SYR');
    expect(actorCode(code('Clashes broke out in Tiraspol.'), 'Tiraspol')).toBe('MDATRN');
  });

  it('are where a meeting happened, not whom it was with', () => {
    const doc = code('The foreign ministers of France and Germany met in Odesa on Friday.');
    expect(doc.actors.find((a) => a.text === 'Odesa')?.kind).toBe('capital');
    expect(dyads(doc).some((d) => d.endsWith('>UKR'))).toBe(false);
  });

  it('give the state to the agents they modify, or their region code', () => {
    expect(actorCode(code('Kharkiv officials said the strike killed four people.'), 'Kharkiv officials')).toBe('UKRGOV');
    expect(actorCode(code('Texas police arrested two men.'), 'Texas police')).toBe('USACOP');
    // Tigray's forces fought the federal army in 2020-2022: they are not ETHMIL
    expect(dyads(code('Tigray forces attacked Ethiopian troops.', '2021-06-29'))).toContain('ETHTGRMIL>ETHMIL');
  });

  it('split Kashmir as news names it', () => {
    expect(actorCode(code('Police in Srinagar arrested three men.'), 'Police in Srinagar')).toBe('INDKASCOP');
    expect(actorCode(code('An earthquake struck Azad Kashmir.'), 'Azad Kashmir')).toBe('PAKKAS');
    expect(actorCode(code('Pakistan raised Kashmir at the United Nations.'), 'Kashmir')).toBe('KAS');
  });

  it('leave out Jerusalem, whose status is disputed', () => {
    expect(code('Protesters gathered in Jerusalem.').actors.map((a) => a.text)).toEqual([]);
  });
});

describe('communities', () => {
  it('combine with agent nouns', () => {
    expect(actorCode(code('Kurdish militants attacked a police station.'), 'Kurdish militants')).toBe('KURREB');
    expect(dyads(code('Shiite militias fired rockets at U.S. forces.'))).toContain('MOSSHIUAF>USAMIL');
    expect(actorCode(code('Rohingya refugees fled to Bangladesh.'), 'Rohingya refugees')).toBe('RHGREF');
    expect(actorCode(code('Fulani herdsmen attacked farmers in Benue.'), 'Fulani herdsmen')).toBe('FULAGR');
    expect(actorCode(code('Uyghur activists criticised China.'), 'Uyghur activists')).toBe('UIGOPP');
  });

  it('take the state named with them', () => {
    expect(actorCode(code('Syrian Kurdish forces attacked Turkish troops.'), 'Syrian Kurdish forces')).toBe('SYRKURMIL');
    expect(actorCode(code('Thousands of Iraqi Kurds demonstrated on Sunday.'), 'Iraqi Kurds')).toBe('IRQKUR');
    expect(actorCode(code('Bosnian Serb forces shelled Sarajevo.', '1994-02-05'), 'Bosnian Serb forces')).toBe('BIHSERMIL');
    // "Serb forces" are Serbia's; "Serbs" are the community
    expect(actorCode(code('Serb forces shelled the village.', '1999-03-01'), 'Serb forces')).toBe('SRBMIL');
    expect(actorCode(code('Serbs protested in Mitrovica.'), 'Serbs')).toBe('SER');
    expect(actorCode(code('Jewish settlers attacked a Palestinian village.'), 'Jewish settlers')).toBe('ISRSET');
  });

  it('code Sunnis MOSSUN, never the Soviet Union\'s SUN', () => {
    const doc = code('Sunni leaders and Soviet diplomats met in Baghdad.', '1985-05-01');
    expect(actorCode(doc, 'Sunni leaders')).toMatch(/^MOSSUN/);
    expect(actorCode(doc, 'Soviet diplomats')).toBe('SUNGOV');
  });

  it('do not code a name that merely begins with the community\'s adjective', () => {
    expect(code('The Christian Democrats won the election.').actors.some((a) => a.code.startsWith('CHR'))).toBe(false);
  });
});

describe('leaders before 2000', () => {
  it('code by the article\'s date, misspellings included', () => {
    expect(dyads(code('President Reagan met Mikhail Gorbachev in Geneva.', '1985-11-19'))).toContain('USAGOV>SUNGOV');
    expect(actorCode(code('President Francois Mitterand criticised Iraq.', '1990-09-01'), 'President Francois Mitterand')).toBe('FRAGOV');
    // "George Bush" is the father in 1990 and the son in 2003
    const father = code('George Bush criticised Iraq.', '1990-09-01').actors.find((a) => a.text === 'George Bush');
    const son = code('George Bush criticised Iraq.', '2003-03-01').actors.find((a) => a.text === 'George Bush');
    expect([father?.person, son?.person]).toEqual(['George H. W. Bush', 'George W. Bush']);
    // Arafat led the PLO before he led the Palestinian Authority
    expect(actorCode(code('Arafat rejected the plan.', '1988-12-01'), 'Arafat')).toBe('PSEPLO');
    expect(actorCode(code('Arafat rejected the plan.', '2000-07-25'), 'Arafat')).toBe('PSEGOV');
  });
});

describe('ministries, media and the EU\'s older names', () => {
  it('code ministries by portfolio as the government, a defence ministry as the military', () => {
    expect(actorCode(code('The Israeli Health Ministry said 20 people died.'), 'The Israeli Health Ministry')).toBe('ISRGOV');
    expect(actorCode(code("Russia's Defence Ministry said it shot down drones."), "Russia's Defence Ministry")).toBe('RUSMIL');
    expect(dyads(code('The Chinese Foreign Ministry criticised Japan.'))).toContain('CHNGOV>JPN');
  });

  it('code a newspaper named for a city as the media, not the state', () => {
    expect(actorCode(code('The New York Times reported the talks had failed.'), 'New York Times')).toBe('USAMED');
  });

  it('code the European Community as the EU', () => {
    expect(dyads(code('The European Community gave Poland 70 million dollars of aid.', '1990-01-01'))).toContain('IGOEUREEC>POL');
  });
});
