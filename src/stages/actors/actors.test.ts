/**
 * The actors stage on news-like sentences, through the whole pipeline: how
 * mentions are found and composed (agents, titles, people, places), with the
 * shipped dictionaries.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createEngineSync, type Engine } from '../../engine.js';
import type { CodedDocument } from '../../output/schema.js';

let engine: Engine;
beforeAll(() => {
  engine = createEngineSync();
});

const code = (text: string, date: string | null = null): CodedDocument => engine.code({ text, date });
/** the actors as "text=CODE" */
const actors = (text: string, date: string | null = null) => code(text, date).actors.map((a) => `${a.text}=${a.code}`);

describe('an office-holder the dictionary does not know', () => {
  it('takes the one state the sentence names', () => {
    expect(actors('Ousted President Askar Akayev has agreed to resign without returning to Kyrgyzstan.')).toContain('President Askar Akayev=KGZGOV');
    expect(actors('Vice-President Moody Awori has declined to resign despite pressure from Kenya\'s anti-graft body.')).toContain('Vice-President Moody Awori=KENGOV');
    expect(actors('President Levy Mwanawasa has reneged on his commitment to the Zambian people.')).toContain('President Levy Mwanawasa=ZMBGOV');
  });

  it('takes none when two states are named, or the state\'s own leader is there', () => {
    // (uncoded mentions are left out of the document's actors)
    const two = actors('President Juma Obote flew to Beijing after talks in Nairobi.');
    expect(two).toEqual(['Beijing=CHN', 'Nairobi=KEN']);
    const host = actors('President Juma Obote met Chinese President Xi Jinping in Beijing.', '2024-05-01');
    expect(host.some((a) => a.startsWith('President Juma Obote'))).toBe(false);
    expect(host).toContain('Chinese President Xi Jinping=CHNGOV');
  });

  it('is a name of two words at least: a capitalised noun after a title is no name', () => {
    const a = actors('Nigerian authorities jailed members of the Movement for the Actualization of the Sovereign State of Biafra.');
    expect(a.some((x) => x.includes('Sovereign State') && x.endsWith('NGAGOV'))).toBe(false);
  });
});

describe('agent nouns', () => {
  it('open a sentence in the plural, where the tagger takes them for names', () => {
    expect(actors('Officials in southern Lebanon said the strike killed two people.')).toContain('Officials in southern Lebanon=LBNGOV');
    expect(actors('Rebels in the Ivory Coast dismissed an appeal from the government.')).toContain('Rebels in the Ivory Coast=CIVREB');
    expect(actors('Gunmen in Kirkuk killed two policemen.')).toContain('Gunmen in Kirkuk=IRQUAF');
  });

  it('keep their code before a generic leader, and before the people who belong to them', () => {
    expect(actors('Afghan rebel leaders said they would meet the U.N. envoy.')).toContain('Afghan rebel leaders=AFGREB');
    expect(actors('President Yoweri Museveni has banned Ugandan opposition candidates from the elections.')).toContain('Ugandan opposition candidates=UGAOPP');
    expect(actors('Algerian landowners began a hunger strike outside parliament.')).toContain('Algerian landowners=DZAAGR');
  });

  it('a community named in a state is that state\'s community; one that carries a state keeps it', () => {
    expect(actors('Ethnic Albanians in south Serbia are demanding a U.N. military presence.')).toContain('Ethnic Albanians in south Serbia=SRBABN');
    expect(actors('The Rohingya in Bangladesh face cuts in food aid.')).toContain('The Rohingya in Bangladesh=BGDRHG');
    expect(actors('Jewish settlers in the West Bank set fire to a Palestinian house.')).not.toContain('Jewish settlers in the West Bank=PSEISRSET');
  });

  it('of a community in a state are that state\'s community', () => {
    expect(actors('Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.')).toContain('Moslem forces in east Bosnia=BIHMOSMIL');
    expect(actors('Shiite militias in Iraq fired rockets at the base.')).toContain('Shiite militias in Iraq=IRQMOSSHIUAF');
  });
});

describe('nationality adjectives', () => {
  it('before "people" are the nation\'s civilians', () => {
    expect(actors('The Iranian people will decide their future.')).toContain('The Iranian people=IRNCVL');
    expect(actors('The Chinese people\'s army held drills.')).not.toContain('The Chinese people=CHNCVL');
  });

  it('before "language" are no actor', () => {
    const a = actors('The Latvian court cancelled restrictions on the use of the Russian language on radio.');
    expect(a.some((x) => x.endsWith('=RUS'))).toBe(false);
  });
});

describe('armed groups by date', () => {
  it('UNITA is Angola\'s rebels in the civil war and a party after 2002', () => {
    expect(actors('UNITA refused to allow United Nations planes to land.', '1998-12-01')).toContain('UNITA=AGOREBUNT');
    expect(actors('UNITA won seats in the election.', '2022-08-30')).toContain('UNITA=AGOPTYUNT');
  });

  it('the SPLA is Sudan\'s rebels before South Sudan\'s independence and its army after', () => {
    expect(actors('The Sudanese government and the SPLM/A agreed to allow humanitarian access.', '2002-10-15')).toContain('the SPLM/A=SDNREBSPL');
    expect(actors('The SPLA shelled positions near Bentiu.', '2014-01-10')).toContain('The SPLA=SSDMIL');
  });
});

describe('office-holders of 2024-2026 code by the article\'s date', () => {
  it('Babiš is Czechia\'s prime minister again from December 2025', () => {
    expect(actors('Babis said the Czech government would not send arms.', '2026-02-01')).toContain('Babis=CZEGOV');
    expect(actors('Babis said the Czech government would not send arms.', '2025-09-01')).not.toContain('Babis=CZEGOV');
  });

  it('Switzerland\'s president changes each year; monarchs and new prime ministers code for their states', () => {
    expect(actors('Swiss President Karin Keller-Sutter spoke in Davos.', '2025-01-22')).toContain('Swiss President Karin Keller-Sutter=CHEGOV');
    expect(actors('Keller-Sutter spoke in Davos.', '2025-01-22')).toContain('Keller-Sutter=CHEGOV');
    expect(actors('King Frederik opened parliament.', '2025-10-07')).toContain('King Frederik=DNKGOV');
    expect(actors('Romanian President Nicusor Dan met Bart De Wever.', '2025-09-01')).toEqual(['Romanian President Nicusor Dan=ROUGOV', 'Bart De Wever=BELGOV']);
    expect(actors('Mudavadi said Kenya would send more police to Haiti.', '2025-03-01')).toContain('Mudavadi=KENGOV');
  });
});

describe('acronyms an article defines', () => {
  it('stand for the name before them, not for the dictionary\'s actor of those letters', () => {
    const a = actors('The Railway Protection Force (RPF) arrested two men in Bangalore. The RPF said the men were smugglers.');
    expect(a.some((x) => x.includes('RPF=RWAPTYRPF'))).toBe(false);
    expect(actors('Montenegro Municipality Association (AKK) officials demanded support from the government.')).not.toContain('AKK=DEUGOV');
  });

  it('are kept when the name is the same actor', () => {
    expect(actors('The Kurdistan Workers\' Party (PKK) attacked a military post.')).toContain('PKK=TURREBPKK');
  });
});

describe('bodies many states have', () => {
  it('are the named state\'s', () => {
    expect(actors('The Colombian Congress rejected the reform.')).toEqual(['The Colombian Congress=COLLEG']);
    expect(actors('Peru\'s National Congress removed the president.')).toContain('Peru\'s National Congress=PERLEG');
    expect(actors('Argentine President Alberto Fernández will send the bill to the National Congress.', '2020-03-04')).toContain('National Congress=ARGLEG');
  });

  it('are the article\'s state when the article never names the dictionary\'s', () => {
    const a = actors('The Philippine government shut down the network. The network\'s franchise expired after Congress failed to renew it. The Philippines has a free press, the government said.');
    expect(a).toContain('Congress=PHLLEG');
    expect(actors('Congress passed the bill on Tuesday, President Joe Biden said.', '2022-08-01')).toContain('Congress=USALEG');
  });
});

describe('titles', () => {
  it('a lower-case title before an unknown name is no state\'s office', () => {
    expect(actors('Hindu Mahasabha president Swami Chakrapani said India would defeat the virus.')).toEqual(['India=IND']);
  });

  it('"chief of staff" is Israel\'s army chief only when Israel is named', () => {
    expect(actors('The deputy chief of staff to the New Jersey governor was convicted.').some((x) => x.includes('ISR'))).toBe(false);
    expect(actors('Israeli chief of staff Herzi Halevi visited the base.', '2024-03-01')).toContain('Israeli chief of staff Herzi Halevi=ISRMIL');
  });
});

describe('British usage', () => {
  it('a shadow minister is the opposition\'s', () => {
    expect(actors('Shadow Foreign Secretary Michael Ancram said the government was wrong.', '2005-01-20')).toContain('Shadow Foreign Secretary Michael Ancram=GBROPP');
  });

  it('a peer or knight with a bare surname is not a foreign office-holder of that surname', () => {
    expect(actors('Lord Ashcroft gave money to the Tories.', '2005-01-20')).toEqual(['the Tories=GBRPTYCON']);
    expect(actors('Attorney General Ashcroft said the law was clear.', '2004-06-01').some((x) => x.endsWith('USAGOV'))).toBe(true);
  });

  it('"Secretary of State for" a department is no U.S. secretary of state', () => {
    expect(actors('Secretary of State for Trade Patricia Hewitt said the plan would help.', '2005-01-20').some((x) => x.includes('USA'))).toBe(false);
  });

  it('a title only a group uses is no state office', () => {
    expect(actors('Chief Superintendent Graciano Mijares said the bombs killed 20 people in Mindanao.')).toEqual(['Mindanao=PHL']);
  });
});

describe('ranks, portfolios and group nouns', () => {
  it('a military rank before a name is of the military', () => {
    expect(actors('Lt. Gen. Prosper Avril resigned yesterday to allow Haiti\'s first democratic elections.')).toContain('Lt. Gen. Prosper Avril=HTIMIL');
  });

  it('a capitalised minister of any portfolio before a name is a person', () => {
    expect(actors('Planning and Investment Minister Tran Xuan Gia said Vietnam would open its economy.')).toContain('Minister Tran Xuan Gia=VNMGOV');
    expect(actors('The Federal Minister for Interior Aftab Ahmad Khan Sherpao allowed the rally in Pakistan.')[0]).toBe('The Federal Minister for Interior Aftab Ahmad Khan Sherpao=PAKGOV');
  });

  it('a terror group based in a state, and a city\'s security chief, are that state\'s', () => {
    expect(actors('A terror group based in Trinidad claims to be making chemical weapons.')).toContain('terror group based in Trinidad=TTOREB');
    expect(actors('Cairo\'s security chief has warned that police will not tolerate rallies.')).toContain('Cairo\'s security chief=EGYCOP');
  });
});

describe('verbs that share a lemma with an agent noun', () => {
  it('"forced", "forces" as a verb after a state are no military', () => {
    expect(actors('Russia forced Ukraine to withdraw its troops.')).toEqual(['Russia=RUS', 'Ukraine=UKR']);
    expect(actors('Israeli forces killed two men. Russia\'s forces advanced.')).toEqual(['Israeli forces=ISRMIL', 'Russia\'s forces=RUSMIL']);
  });

  it('a plural agent after a state takes no second state right after it', () => {
    expect(actors('Russia forces Ukraine to retreat.')).toEqual(['Russia forces=RUSMIL', 'Ukraine=UKR']);
  });
});

describe('state bodies with no state named', () => {
  /** the code the quote of "The ministry said" gets (its slot: the mention, or what coreference gave it) */
  const speakerCode = (text: string) => code(text, '2024-12-01').quotes.find((q) => /ministry/.test(q.speaker?.text ?? ''))?.speaker?.code ?? null;
  const georgia = 'Georgian police fired tear gas at protesters in Tbilisi. Thousands marched in Georgia again, and Georgian opposition parties joined them.\n\n';

  it('are the state\'s an article is about beyond doubt, in a sentence that names no state', () => {
    expect(speakerCode(georgia + 'The interior ministry said 112 people had been detained.')).toBe('GEOGOV');
  });

  it('are not where the sentence names a state, or where the article is about two states', () => {
    expect(speakerCode(georgia + 'The interior ministry of Armenia said 112 people had been detained.')).not.toBe('GEOGOV');
    expect(speakerCode('Russia and Ukraine traded blame. Russia shelled Kharkiv; Ukraine struck Belgorod.\n\nThe defence ministry said it had repelled an attack.')).toBe(null);
  });
});

describe('names many states share', () => {
  it('a party of a common name is a party of the article\'s state when its own is never named', () => {
    const a = actors('The Liberal Democrats won seats in Queensland. Queensland voters backed the Liberal Democrats in Toowoomba, Australia.', '2020-11-27');
    expect(a).toContain('The Liberal Democrats=AUSPTY');
    // a party with a name of its own keeps its state
    expect(actors('Fatah accused Israel of raids. Israeli troops entered Jenin. Israel denied it.')).toContain('Fatah=PSEPTYFTA');
    expect(actors('The Chinese Communist Party warned Taiwan. Taiwan\'s president Lai Ching-te said Taiwan would not yield.')).toContain('The Chinese Communist Party=CHNPTYCCP');
  });

  it('Georgia beside U.S. places is the U.S. state', () => {
    expect(actors('Trump won Texas, Georgia and Michigan.', '2020-12-15')).toContain('Georgia=USA');
    expect(actors('Georgian police detained protesters in Tbilisi, Georgia.')).not.toContain('Georgia=USA');
  });
});

describe('titles inside names', () => {
  it('a title with "\'s" before a capitalised word is part of a name', () => {
    expect(actors('He was treated at London\'s King\'s College Hospital.', '2005-02-01')).toEqual([]);
    expect(actors('President Biden\'s Cabinet met on Monday.', '2024-11-01')).toContain('President Biden=USAGOV');
  });
});

describe('"Congress" inside other names', () => {
  it('is no legislature before a capitalised noun, nor after a city', () => {
    expect(actors('Fans gathered at the Toronto Congress Centre.', '2019-05-31').some((x) => x.includes('Congress'))).toBe(false);
  });
});

describe('a surname the article gives a person it named with a title', () => {
  const text = 'Headline\n\nPhilippine Defence Secretary Gilberto Teodoro met Japanese officials in Manila on Monday. ' +
    '"We will not be intimidated," Teodoro told reporters. He said the pact would take effect next year. ' +
    'Later Mr Teodoro criticised China over the incident. Senator Maria Teodoro did not comment.';
  it('is that person with the code of the full mention, and the latest person for the pronoun after it', () => {
    const doc = code(text);
    expect(doc.actors.filter((a) => a.person === 'Gilberto Teodoro').map((a) => `${a.text}=${a.code}`)).toEqual([
      'Philippine Defence Secretary Gilberto Teodoro=PHLGOV', 'Teodoro=PHLGOV', 'Mr Teodoro=PHLGOV',
    ]);
    expect(doc.events.filter((e) => e.cameo === '111').map((e) => `${e.source?.text}=${e.source?.code}>${e.target?.code}`)).toEqual(['Mr Teodoro=PHLGOV>CHN']);
    expect(doc.quotes.slice(0, 2).map((q) => `${q.speaker?.text}=${q.speaker?.person}`)).toEqual(['Teodoro=Gilberto Teodoro', 'He=Gilberto Teodoro']);
  });
  it('is not a word of another name ("Senator Maria Teodoro"), nor a word before the full name', () => {
    const doc = code(text);
    expect(doc.actors.some((a) => a.text.includes('Maria') && a.person === 'Gilberto Teodoro')).toBe(false);
    expect(code('Headline\n\nTeodoro arrived first. Defence Secretary Gilberto Teodoro of the Philippines spoke.').actors.filter((a) => a.text === 'Teodoro')).toEqual([]);
  });
  it('is the family name first for people of states that write it first ("Wang Yi" → Wang), the last word otherwise', () => {
    const doc = code('Headline\n\nChinese Vice Premier Ding Xuexiang met Australian officials in Beijing. Later Ding criticised Japan. Japanese Trade Minister Ken Saito met him. Saito praised the talks, but Ken did not comment.');
    expect(doc.actors.filter((a) => a.person && !a.text.includes(' ')).map((a) => `${a.text}=${a.code}=${a.person}`)).toEqual(['Ding=CHNGOV=Ding Xuexiang', 'Saito=JPNGOV=Ken Saito']);
  });
});

describe('bodies and branches', () => {
  it('"the government" is the article\'s state also after its office-holders were named (they are no body)', () => {
    const doc = code('Headline\n\nKenyan police fired tear gas in Nairobi. President William Ruto of Kenya defended the police in Kenya. Opposition leader Raila Odinga demanded that the government withdraw the bill.', '2024-06-25');
    expect(doc.events.filter((e) => e.cameo.startsWith('10')).map((e) => `${e.source?.code}>${e.target?.code}`)).toEqual(['KENOPP>KENGOV']);
  });
  it('"police" with no article is the police named before', () => {
    const doc = code('Headline\n\nKenyan police fired tear gas at protesters on Tuesday. Amnesty International said in a statement, accusing police of using excessive force.', '2024-06-25');
    expect(doc.events.filter((e) => e.cameo === '112').map((e) => e.target?.code)).toEqual(['KENCOP']);
  });
  it('an organisation\'s name then a country\'s is its branch there, not the state', () => {
    expect(actors('Amnesty International Kenya said police used excessive force.')).toEqual(['Amnesty International Kenya=NGOHRIAMN']);
  });
});

describe('members of the U.S. Congress', () => {
  it('"Sen." and "Rep." and the leaders\' titles are the U.S. Congress\'s; "Senator X" names no state by itself', () => {
    expect(actors('Sen. Ann Kowalski of Ohio criticised Mexico.', '2024-02-07')).toContain('Sen. Ann Kowalski=USALEG');
    expect(actors('Rep. Tom Ellery criticised Biden.', '2024-02-07')).toContain('Rep. Tom Ellery=USALEG');
    expect(actors('Senate Majority Leader Chuck Schumer accused Republicans of caving.', '2024-02-07')).toContain('Senate Majority Leader Chuck Schumer=USALEG');
    expect(actors('Senator Risa Hontiveros said the bill was flawed.', '2024-02-07')).not.toContain('Senator Risa Hontiveros=USALEG');
  });
});

