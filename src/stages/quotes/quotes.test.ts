/**
 * The quotes stage: quote marks (pure), the cue dictionary, attribution on
 * real text through the whole pipeline, golden fixtures (UPDATE=1 rewrites
 * them, to be reviewed as a diff) and properties that hold for any input.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/support/engine.js';
import type { CodedDocument } from '../../output/schema.js';
import type { Quote } from '../../core/layers.js';
import { showSpan } from '../../core/span.js';
import { DyadError } from '../../core/errors.js';
import { findParagraphs } from '../../ingest/plain-text.js';
import { parseCues } from '../../ontology/load-cues.js';
import { findDirectQuotes } from './find-direct-quotes.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function marks(text: string) {
  return findDirectQuotes(text, findParagraphs(text)).map((q) => text.slice(q.start, q.end));
}

describe('findDirectQuotes', () => {
  it('reads every common mark', () => {
    expect(marks('He said “one” and “two, three.”')).toEqual(['one', 'two, three.']);
    expect(marks('Er sagte „ja, gerne“ und ging.')).toEqual(['ja, gerne']);
    expect(marks('Il a dit « non merci » hier.')).toEqual(['non merci']);
    expect(marks('She said "straight quotes work" too.')).toEqual(['straight quotes work']);
    expect(marks("He said 'single straight quotes' as well.")).toEqual(['single straight quotes']);
    expect(marks('He said ‘typographic single quotes’ too.')).toEqual(['typographic single quotes']);
    expect(marks("The paper wrote ''doubled apostrophes,'' as old wires do.")).toEqual(['doubled apostrophes']);
    expect(marks('Han sa ”svenska citat” i går.')).toEqual(['svenska citat']);
  });

  it('does not take an apostrophe for a closing mark', () => {
    expect(marks('“It’s up to Russia what the response will be,” he said.')).toEqual(['It’s up to Russia what the response will be']);
    expect(marks("“Don't go,” she said, 'we can't stay'.")).toEqual(["Don't go", "we can't stay"]);
    expect(marks('The leaders’ summit in the ’90s was called ‘a success’ by all.')).toEqual(['a success']);
  });

  it('keeps nested quotes inside the outer quote', () => {
    expect(marks('“He told me ‘we will win’, and I believed him,” she said.')).toEqual(['He told me ‘we will win’, and I believed him']);
    expect(marks('"He said \'no\' twice," she recalled.')).toEqual(["He said 'no' twice"]);
  });

  it('drops the comma before the closing mark but keeps the full stop', () => {
    expect(marks('“We are ready,” he said. “We prefer diplomacy.”')).toEqual(['We are ready', 'We prefer diplomacy.']);
  });

  it('continues a quote into the next paragraph that opens with a mark', () => {
    const text = '“First paragraph of a long quote.\n“Second paragraph,” she said.\nNo quote here.';
    const q = findDirectQuotes(text, findParagraphs(text));
    expect(q.map((x) => text.slice(x.start, x.end))).toEqual(['First paragraph of a long quote.', 'Second paragraph']);
    expect(q[0]!.continued).toBe(true);
    expect(q[0]!.unclosed).toBe(false);
    expect(q[1]!.continues).toBe(0);
  });

  it('ends an unclosed quote with its paragraph', () => {
    const text = 'Blinken said that “diplomacy is the way forward.\nRussia, meanwhile, said nothing.';
    const q = findDirectQuotes(text, findParagraphs(text));
    expect(q).toHaveLength(1);
    expect(text.slice(q[0]!.start, q[0]!.end)).toBe('diplomacy is the way forward.');
    expect(q[0]!.unclosed).toBe(true);
  });
});

describe('quotes/cues.txt', () => {
  it('reads entries with their classes and fields', () => {
    const d = parseCues('say  speech\ntell  speech\n  addressee: required\n  content: that | to\naccording to  source\n', 'cues.txt');
    expect(d.entries.map((e) => [e.phrase, e.cueClass, e.addressee, [...e.content].join('|'), e.pos])).toEqual([
      ['say', 'speech', 'no', 'that|bare|quote', 'verb'],
      ['tell', 'speech', 'required', 'that|to', 'verb'],
      ['according to', 'source', 'no', 'that|bare|quote', 'any'],
    ]);
    expect(d.entries[1]!.source).toMatchObject({ file: 'cues.txt', line: 2 });
  });

  it('names the file and line of a bad entry', () => {
    const bad = (src: string, line: number, what: RegExp) => {
      try {
        parseCues(src, 'quotes/cues.txt');
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DyadError);
        expect((e as DyadError).message).toMatch(new RegExp(`^quotes/cues.txt:${line}: `));
        expect((e as DyadError).message).toMatch(what);
      }
    };
    bad('say  speech\nshout  loudly\n', 2, /class "loudly"/);
    bad('say  speech\n  content: that | maybe\n', 2, /content "maybe"/);
    bad('say  speech\n  colour: red\n', 2, /unknown field "colour"/);
    bad('say  speech\nsay  writing\n', 2, /already defined on line 1/);
  });

  it('keeps a verb cue and a noun cue of the same word apart, and reads the stance class and np contents', () => {
    const d = parseCues('claim  speech\n  content: that | np\nclaim  speech\n  pos: noun\n  content: that\nsupport  stance\n  content: np | to\n', 'cues.txt');
    expect(d.entries.map((e) => [e.phrase, e.cueClass, e.pos, [...e.content].join('|')])).toEqual([
      ['claim', 'speech', 'verb', 'that|np'],
      ['claim', 'speech', 'noun', 'that'],
      ['support', 'stance', 'verb', 'np|to'],
    ]);
    expect(() => parseCues('claim  speech\n  pos: noun\nclaim  thought\n  pos: noun\n', 'quotes/cues.txt')).toThrow(/^quotes\/cues.txt:3: cue "claim" is already defined on line 1/);
  });

  it('ships a cue list that loads', () => {
    const d = testEngine().ontology.cues;
    const phrases = new Set(d.entries.map((e) => e.phrase));
    for (const w of ['say', 'tell', 'stress', 'add', 'warn', 'insist', 'note', 'reiterate', 'write', 'tweet', 'according to']) {
      expect(phrases.has(w), w).toBe(true);
    }
  });
});

const code = (text: string, date = '2022-01-27'): CodedDocument => testEngine().code({ text, date });
const brief = (q: Quote) => ({
  kind: q.kind,
  text: q.text,
  cue: q.cue?.text ?? null,
  speaker: q.speaker?.text ?? null,
  person: q.speaker?.person ?? null,
  code: q.speaker?.code ?? null,
});

describe('attribution on news text', () => {
  it('attributes a quote by the words after it, before it, or a colon', () => {
    const d = code('Headline\n\n“We are ready,” Blinken said on Wednesday.\nBlinken told reporters: “We prefer diplomacy.”\nBlinken: “The door is open.”');
    expect(d.quotes.map(brief)).toEqual([
      expect.objectContaining({ kind: 'direct', text: 'We are ready', cue: 'said', speaker: 'Blinken', person: 'Antony Blinken' }),
      expect.objectContaining({ kind: 'direct', text: 'We prefer diplomacy.', cue: 'told', speaker: 'Blinken' }),
      expect.objectContaining({ kind: 'direct', text: 'The door is open.', cue: ':', speaker: 'Blinken' }),
    ]);
    expect(d.quotes[1]!.addressee?.text).toBe('reporters');
  });

  it('links the two halves of a quote split by its attribution', () => {
    const d = code('Headline\n\n“We have made hard choices,” the minister said, “and we will not apologise.”');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.continues])).toEqual([
      ['We have made hard choices', 'said', 'the minister', undefined],
      ['and we will not apologise.', 'said', 'the minister', 0],
    ]);
  });

  it('reads indirect speech: said (that), told Y that, according to', () => {
    const d = code('Headline\n\nWang Yi said one country’s security should not be sacrificed.\nChina told Washington that it hoped all parties would show restraint.\nAccording to the ministry, three rounds of talks are planned.');
    expect(d.quotes.map((q) => [q.kind, q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['indirect', 'one country’s security should not be sacrificed', 'said', 'Wang Yi'],
      ['indirect', 'it hoped all parties would show restraint', 'told', 'China'],
      ['indirect', 'three rounds of talks are planned', 'According to', 'the ministry'],
    ]);
    expect(d.quotes[1]!.addressee).toMatchObject({ text: 'Washington', code: 'USA' });
  });

  it('knows the common cue verbs', () => {
    for (const verb of ['said', 'told reporters', 'stressed', 'added', 'warned', 'insisted', 'noted', 'reiterated', 'wrote', 'tweeted']) {
      const d = code(`Headline\n\nThe minister ${verb} that the talks had failed.`);
      expect(d.quotes.map((q) => [q.text, q.cue?.text]), verb).toEqual([['the talks had failed', verb.split(' ')[0]]]);
    }
  });

  it('resolves pronouns, surnames and descriptions to the person named before', () => {
    const text = 'Headline\n\nU.S. Secretary of State Antony Blinken spoke on Wednesday.\n“We are ready,” he said.\nThe head of the State Department stressed that the document was coordinated with allies.';
    const d = code(text);
    expect(d.quotes.map((q) => [q.speaker?.text, q.speaker?.person, q.speaker?.code])).toEqual([
      ['he', 'Antony Blinken', 'USAGOV'],
      ['The head of the State Department', 'Antony Blinken', 'USAGOV'],
    ]);
  });

  it('gives a participle after a comma the subject of its clause, not the phrase before the comma', () => {
    const d = code('Headline\n\nHe ruled out free personal care in England - which is on offer in Scotland and Wales, saying it was unsustainable.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.text])).toEqual([['He', 'it was unsustainable']]);
  });

  it('gives a person the code of the body named before the name, and keeps titles out of the name', () => {
    const text =
      'Headline\n\nHamas spokesman Fawzi Barhoum said Israel had broken the truce.\nTory spokesman Simon Burns said 80,000 care places had been lost.\n' +
      'Labour MP Diane Abbott said the plan was wrong.\nFormer tech executive Carly Fiorina said she would run.';
    const d = code(text);
    expect(d.quotes.map((q) => [q.speaker?.person, q.speaker?.code])).toEqual([
      ['Fawzi Barhoum', 'PSEREBHMS'],
      ['Simon Burns', 'GBRPTYCON'],
      ['Diane Abbott', null],
      ['Carly Fiorina', null],
    ]);
  });

  it('gives a surname the code of the titled mention before it, whatever the dated roles say', () => {
    const titled = code('Headline\n\nJapanese Foreign Minister Yoko Kamikawa met her counterpart in Tokyo on Tuesday.\n“We must respond firmly,” Kamikawa told reporters.', '2023-03-21');
    expect(titled.quotes.map((q) => [q.speaker?.text, q.speaker?.code])).toEqual([['Kamikawa', 'JPNGOV']]);
    const known = code('Headline\n\nSouth Korean Foreign Minister Park Jin met his counterpart on Tuesday.\n“We must respond firmly,” Park said.', '2023-03-21');
    expect(known.quotes.map((q) => [q.speaker?.text, q.speaker?.person, q.speaker?.code])).toEqual([['Park', 'Park Jin', 'KORGOV']]);
    // a person the dictionaries do not know
    const unknown = code('Headline\n\nSouth Korean Foreign Minister Han Sora met his counterpart on Tuesday.\n“We must respond firmly,” Han said.', '2023-03-21');
    expect(unknown.quotes.map((q) => [q.speaker?.text, q.speaker?.person, q.speaker?.code])).toEqual([['Han', 'Han Sora', 'KORGOV']]);
  });

  it('gives no code to a surname whose earlier mention had no coded title', () => {
    const bare = code('Headline\n\nYoko Kamikawa met reporters on Tuesday.\n“We must respond firmly,” Kamikawa told reporters.', '2023-03-21');
    expect(bare.quotes.map((q) => q.speaker?.code ?? null)).toEqual([bare.actors.find((a) => a.text === 'Yoko Kamikawa')?.code ?? null]);
    const student = code('Headline\n\nHan Sora, a student, met his teacher on Tuesday.\n“We must respond firmly,” Han said.', '2023-03-21');
    expect(student.quotes.map((q) => [q.speaker?.text, q.speaker?.code ?? null])).toEqual([['Han', null]]);
  });

  it('gives an agent with no country the country whose possessive opens the phrase', () => {
    const d = code("Headline\n\nPyongyang's state news agency said the launch was a success.\nNorth Korea's state media said the test was a warning.");
    expect(d.quotes.map((q) => q.speaker?.code)).toEqual(['PRKMED', 'PRKMED']);
    const bare = code('Headline\n\nThe state news agency said the launch was a success.');
    expect(bare.quotes.map((q) => q.speaker?.code ?? null)).toEqual([null]);
  });

  it('gives "the agency" the group that spoke before with that head noun', () => {
    const d = code("Headline\n\nPyongyang's state news agency said the launch was a success.\nThe agency said the missile flew 1,000 km.");
    expect(d.quotes.map((q) => [q.speaker?.text, q.speaker?.code])).toEqual([["Pyongyang's state news agency", 'PRKMED'], ['The agency', 'PRKMED']]);
    const twin = code("Headline\n\nPyongyang's state news agency said the launch was a success.\nThe newspaper said the missile flew 1,000 km.");
    expect(twin.quotes.map((q) => q.speaker?.code ?? null)).toEqual(['PRKMED', null]);
  });

  it('keeps two names joined by a slash and a two-word degree before a quantity in the source', () => {
    const d = code('Headline\n\nA CNN/ORC poll showed Trump leading in the state.\nAt least a dozen members of Congress told reporters that the bill would fail.');
    expect(d.quotes.map((q) => q.speakerSpan?.text ?? q.speaker?.text)).toEqual(['A CNN/ORC poll', 'At least a dozen members of Congress']);
    const twin = code('Headline\n\nThe ratio was 3/4, the analysts said.\nAt least, the senator said, the bill would not fail.');
    expect([...new Set(twin.quotes.map((q) => q.speakerSpan?.text ?? q.speaker?.text))]).toEqual(['the analysts', 'the senator']);
  });

  it('keeps a participle after "of" and an indefinite pronoun heading a prepositional phrase in the source', () => {
    const d = code('Headline\n\nFifty-two percent of registered voters say the economy is weak.\nSomeone in the audience said that he was lying.');
    expect(d.quotes.map((q) => q.speakerSpan?.text ?? q.speaker?.text)).toEqual(['Fifty-two percent of registered voters', 'Someone in the audience']);
    const twin = code('Headline\n\nIn the audience, someone said that he was lying.\nThe voters registered in May say the economy is weak.');
    expect(twin.quotes.map((q) => q.speakerSpan?.text ?? q.speaker?.text)).toEqual(['someone', 'The voters registered in May']);
  });

  it('attributes a quote by an institution to the institution', () => {
    const d = code('Headline\n\nThe Kremlin said the report was false.');
    expect(d.quotes[0]!.speaker).toMatchObject({ text: 'The Kremlin', code: expect.stringMatching(/^RUS/) });
  });

  it('does not take scare quotes for quotations', () => {
    const d = code('Headline\n\nThe so-called “reform package” was debated for six hours in parliament.');
    expect(d.quotes).toEqual([]);
  });

  it('ends a quote left open with its paragraph, and says so', () => {
    const d = code('Headline\n\nBlinken said that “diplomacy is the way forward.\nRussia moved more troops to the border.');
    expect(d.quotes.map((q) => [q.text, q.unclosed])).toEqual([['diplomacy is the way forward.', true]]);
    const m = d.messages.filter((x) => x.rule === 'quotes/unclosed');
    expect(m).toHaveLength(1);
    expect(m[0]!.severity).toBe('warning');
    expect(d.text.slice(m[0]!.start, m[0]!.start! + 1)).toBe('“');
  });

  it('reads noun phrases and infinitives as contents: stances, judgements, calls', () => {
    const d = code('Headline\n\nKaine has opposed defunding Planned Parenthood.\nThe company announced his resignation on Monday.\nShe called for a ceasefire in Syria.\nLimbaugh accused the Democrats of scheduling the debates at odd hours.\nChristie endorsed Trump last week and appeared at his side.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.cueClass])).toEqual([
      ['defunding Planned Parenthood', 'has opposed', 'Kaine', 'stance'],
      ['his resignation', 'announced', 'The company', 'speech'],
      ['a ceasefire in Syria', 'called for', 'She', 'speech'],
      ['the Democrats of scheduling the debates at odd hours', 'accused', 'Limbaugh', 'speech'],
      ['Trump', 'endorsed', 'Christie', 'stance'],
    ]);
  });

  it('reads what someone sees something as', () => {
    const d = code('Headline\n\nMajorities in many European countries see immigrants as an economic burden.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.rule])).toEqual([
      ['immigrants as an economic burden', 'see', 'Majorities in many European countries', 'quotes/indirect-np-as'],
    ]);
  });

  it('does not take an object that is no content for one', () => {
    const d = code('Headline\n\nThe president warned Russia against exacerbating tensions.\nPolice said nothing.\nTrump has won 758 pledged delegates.\nThe fact-finding mission left on Monday.\nShe saw him there again in 1999.');
    expect(d.quotes).toEqual([]);
  });

  it('reads "according to" before, after and inside its content, with the whole source phrase', () => {
    const d = code('Headline\n\nThe team decided to change course, according to a senior adviser who requested anonymity.\nBut, according to the poll, 46 percent of voters remain undecided.\nClinton leads by three points, according to the average of recent polls compiled by Real Clear Politics.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([
      ['The team decided to change course', 'according to', 'a senior adviser who requested anonymity'],
      ['46 percent of voters remain undecided', 'according to', 'the poll'],
      ['Clinton leads by three points', 'according to', 'the average of recent polls compiled by Real Clear Politics'],
    ]);
  });

  it('reads attributions carried by a noun, with the possessor as source', () => {
    const d = code("Headline\n\nTrump's claim that he opposed the war is false.\nHis criticism of the deal drew applause.\nSanders renewed his call for a ban on fracking.");
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text, q.rule])).toEqual([
      ['he opposed the war', 'claim', "Trump's", 'quotes/noun-that'],
      ['the deal', 'criticism of', 'His', 'quotes/noun-np'],
      ['a ban on fracking', 'call for', 'his', 'quotes/noun-np'],
    ]);
  });

  it('reads the verb a cue depends on, passive infinitives and opening questions', () => {
    const d = code('Headline\n\nHe refused to say whether he would support the nominee.\nObama is expected to join Clinton on the campaign trail.\nAsked if he was ever bullied, the candidate said no.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text ?? null])).toEqual([
      ['whether he would support the nominee', 'refused to say', 'He'],
      ['Obama', 'is expected', null],
      ['to join Clinton on the campaign trail', 'is expected', null],
      ['if he was ever bullied', 'Asked', null],
      ['no.', 'said', 'the candidate'],
    ]);
    expect(d.quotes[2]!.continues).toBe(1);
  });

  it('reads the impression "seem" and "appear" give, with no source: the subject and what follows', () => {
    const d = code('Headline\n\nThe Republican front-runner seemed unperturbed by the protests.\nLast-minute planning for the convention appeared to be chaotic.\nIt seems likely that the senator will run again.\nHer emails seem to show that she coordinated with the campaign.\nSanders appeared on CNN on Sunday.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text ?? null, q.continues ?? null])).toEqual([
      ['The Republican front-runner', 'seemed', null, null],
      ['unperturbed by the protests', 'seemed', null, 0],
      ['Last-minute planning for the convention', 'appeared', null, null],
      ['to be chaotic', 'appeared', null, 2],
      ['likely that the senator will run again', 'seems', null, null],
      ['she coordinated with the campaign', 'seem to show', 'Her emails', null],
    ]);
    expect(d.events.filter((e) => e.cameo === '010')).toEqual([]);
  });

  it('reads a passive "seen as": the subject and what it is seen as, "as" in the cue, no source', () => {
    const d = code('Headline\n\nSanders is widely seen as the favorite in the state.\nThe rollout was widely criticized as sloppy.\nTrump described Clinton as a liar.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text ?? null, q.continues ?? null])).toEqual([
      ['Sanders', 'is widely seen as', null, null],
      ['the favorite in the state', 'is widely seen as', null, 0],
      ['The rollout', 'was widely criticized as', null, null],
      ['sloppy', 'was widely criticized as', null, 2],
      ['Clinton as a liar', 'described', 'Trump', null],
    ]);
  });

  it('ends a noun-phrase content before a subordinate clause with its own subject', () => {
    const d = code('Headline\n\nObama touted the law before he left for his vacation.\nObama touted the law before leaving for his vacation.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['the law', 'touted'],
      ['the law before leaving for his vacation', 'touted'],
    ]);
  });

  it('reads a hyphenated compound inside the source phrase', () => {
    const d = code('Headline\n\nA so-called expert said he would win.\nThe so said he would win.');
    expect(d.quotes.map((q) => [q.text, q.speakerSpan?.text ?? q.speaker?.text ?? null])).toEqual([['he would win', 'A so-called expert']]);
  });

  it('does not read a participle after a comma as an inverted attribution', () => {
    const d = code('Headline\n\nAides said Obama will make a familiar case, highlighting the recovery.\nThe plan will fail, said the senator.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text ?? null])).toEqual([
      ['Obama will make a familiar case', 'said', 'Aides'],
      ['the recovery', 'highlighting', 'Aides'],
      ['The plan will fail', 'said', 'the senator'],
    ]);
  });

  it('reads "when asked" and a question after an adjunct, with no source', () => {
    const d = code('Headline\n\nChristie laughed when asked whether he would issue a quarantine.\nChristie laughed when Trump asked whether he would issue a quarantine.\nAsked on Fox News who leads the party, he said Ryan.\nClinton was asked about securing the border.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text ?? null])).toEqual([
      ['whether he would issue a quarantine', 'asked', null],
      ['whether he would issue a quarantine', 'asked', 'Trump'],
      ['who leads the party', 'Asked', null],
      ['securing the border', 'was asked about', null],
    ]);
  });

  it('reads an addressee the tagger breaks, up to "that" and a clause', () => {
    const d = code('Headline\n\nWilson told The Post and Courier newspaper of Charleston on Saturday that he cast his ballot for Rubio.\nWilson told The Post and Courier newspaper of Charleston on Saturday.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.addressee?.text ?? null])).toEqual([
      ['he cast his ballot for Rubio', 'told', 'Wilson', 'The Post and Courier newspaper'],
    ]);
  });

  it('ends the content of a relative clause inside an apposition at the comma before the main verb', () => {
    const d = code('Headline\n\nKasich, a Republican who has refused to endorse Trump, said the family was right.\nKasich, a Republican, has refused to endorse Trump, the family said.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['to endorse Trump', 'has refused', 'who'],
      ['the family was right', 'said', 'Kasich'],
      ['Kasich, a Republican, has refused to endorse Trump', 'said', 'the family'],
    ]);
  });

  it('reads the cues assail, chide, call out, eager to, aware that, disavow (not a call or a lone "out")', () => {
    const d = code('Headline\n\nSanders assailed the trade deal.\nHe called out the media for its coverage.\nHe called the office and went out.\nHe is eager to debate Clinton.\nThe campaign was aware that the polls were bad.\nTrump disavowed the endorsement.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['the trade deal', 'assailed'],
      ['the media for its coverage', 'called out'],
      ['to debate Clinton', 'is eager'],
      ['the polls were bad', 'was aware'],
      ['the endorsement', 'disavowed'],
    ]);
  });

  it('reads a document verb the tagger took for a noun after a plural head and its phrase, and "it" as a subject', () => {
    const d = code('Headline\n\nFEC records from the cycle show he backed both McCain and Giuliani.\nNew filings show it has less than $1.3 million.\nThe records from the cycle show.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([
      ['he backed both McCain and Giuliani', 'show', 'FEC records from the cycle'],
      ['it has less than $1.3 million', 'show', 'New filings'],
    ]);
  });

  it('reads a clause that opens with a quantity ("at least six", "about half of"), not a time', () => {
    const d = code('Headline\n\nCNN reported at least six planes filled the skies.\nThe office said about half of the adjustment reflected revenue losses.\nHe said at 10 a.m. that he was done.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['at least six planes filled the skies', 'reported'],
      ['about half of the adjustment reflected revenue losses', 'said'],
    ]);
  });

  it('reads a cue after a parenthesis holding a participle, and ends a reduced relative clause at the comma', () => {
    const d = code('Headline\n\nPriebus, after a new poll showing his standing down to 14 percent, told Fox News that Trump appreciates the need to do better.\nManafort, citing polls, said the candidate could win.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['his standing down to 14 percent', 'showing', 'a new poll'],
      ['Trump appreciates the need to do better', 'told', 'Priebus'],
      ['the candidate could win', 'said', 'Manafort'],
    ]);
  });

  it('ends a content before the writer\'s closing apposition, and a phrase before ", which"', () => {
    const d = code('Headline\n\nHe boasted that he welcomed the president to his golf club, a five-minute drive from their home.\nShe has vowed to repeal the amendment, a provision that prohibits federal funding.\nHe said the plan, the first of its kind, would work.\nShe endorsed the bill, which passed on Monday.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['he welcomed the president to his golf club', 'boasted'],
      ['to repeal the amendment', 'has vowed'],
      ['the plan, the first of its kind, would work', 'said'],
      ['the bill', 'endorsed'],
    ]);
  });

  it('reads a gerund cue after a preposition with the subject of its clause', () => {
    const d = code('Headline\n\nClinton outstripped his plans by calling for a no-fly zone in Syria.\nAfter talking about security, Mr. Netanyahu walked to the site.\nAfter hearing about the plan, he left.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['a no-fly zone in Syria', 'calling for', 'Clinton'],
      ['security', 'talking about', 'Mr. Netanyahu'],
    ]);
  });

  it('reads "as X points out" inside its content, and a phrase verb the tagger took for a noun after a name', () => {
    const d = code('Headline\n\nBut the last part, as Krugman noted, is that it has always been awkward.\nAnd that, as Trump points out, is quite a bit right now.\nThe part, as a whole, is awkward.\nHis points out of ten were low.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.continues ?? null])).toEqual([
      ['the last part', 'noted', 'Krugman', null],
      ['is that it has always been awkward', 'noted', 'Krugman', 0],
      ['that', 'points out', 'Trump', null],
      ['is quite a bit right now', 'points out', 'Trump', 2],
    ]);
  });

  it('reads a quantity alone and "those" with a participle as the source', () => {
    const d = code('Headline\n\nAgain, those surveyed said Trump was best able to handle the economy.\nNearly half say the economy is bad.\nIt was the most said about it.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([
      ['Trump was best able to handle the economy', 'said', 'those surveyed'],
      ['the economy is bad', 'say', 'Nearly half'],
    ]);
  });

  it('reads what someone calls someone: the object and its name, not a call placed or convened', () => {
    const d = code('Headline\n\nO’Malley called Trump a fascist.\nThey called him a political opportunist who has neglected his duties.\nPolice called a press conference on Monday.\nShe called the police.\nHe called reporters the next day.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['Trump a fascist', 'called', 'O’Malley'],
      ['him a political opportunist who has neglected his duties', 'called', 'They'],
    ]);
  });

  it('reads a cue inside a relative clause with the relative pronoun or the noun it stands for', () => {
    const d = code('Headline\n\nInvestigators found no record of an article that Carson said was written about the incident.\nInvestigators closed a probe the agency said was ongoing.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.continues ?? null])).toEqual([
      ['that', 'said', 'Carson', null],
      ['was written about the incident', 'said', 'Carson', 0],
      ['a probe', 'said', 'the agency', null],
      ['was ongoing', 'said', 'the agency', 2],
    ]);
  });

  it('reads a poll or a report that opens the sentence with "in" as the source of the clause', () => {
    const d = code('Headline\n\nIn the new Morning Consult poll, conducted March 11-13, Sanders leads Clinton by 12 points.\nIn an interview, Trump laughed off the ad.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text, q.rule])).toEqual([
      ['Sanders leads Clinton by 12 points', 'In', 'the new Morning Consult poll, conducted March 11-13', 'quotes/document-in'],
    ]);
  });

  it('reads a cue verb the tagger took for a noun after a plural subject', () => {
    const d = code('Headline\n\nA majority of Republicans support deportation.\nTwo-thirds of primary voters support temporarily banning the practice.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([
      ['deportation', 'support', 'A majority of Republicans'],
      ['temporarily banning the practice', 'support', 'Two-thirds of primary voters'],
    ]);
  });

  it('reads the whole source phrase: quantities, ages, participles, states in parentheses, names the tagger missed', () => {
    const d = code('Headline\n\nAbout 4 in 10 say they are angry.\nSeventy-four percent of Democratic registered voters say they are happy.\nMost of them said they had loved working for Carrier.\nThirty-one percent of those surveyed say they would be satisfied.\nWoodrow Benford, 58, who lives outside Minneapolis, says he will vote.\nEarly results of exit polls conducted by Edison Research for The Associated Press show Trump ahead.\nSen. Bernie Sanders (I-Vt.) said the plan would fail.\nRep. Elijah Cummings (D-Md.), chair of the Platform Committee, said the deal was done.\nJolly said he has worked with Republicans on legislation.');
    expect(d.quotes.map((q) => q.speakerSpan?.text ?? q.speaker?.text)).toEqual([
      'About 4 in 10',
      'Seventy-four percent of Democratic registered voters',
      'Most of them',
      'Thirty-one percent of those surveyed',
      'Woodrow Benford, 58, who lives outside Minneapolis,',
      'Early results of exit polls conducted by Edison Research for The Associated Press',
      'Sen. Bernie Sanders (I-Vt.)',
      'Rep. Elijah Cummings (D-Md.), chair of the Platform Committee,',
      'Jolly',
    ]);
  });

  it('reads a headline "Poll:" or "Newspaper:" and a transcript paragraph "TAPPER:" as attributions', () => {
    const d = code('Poll: Sanders Leads Clinton Nationally\n\nThe survey was taken last week.\nTAPPER: Donald Trump released a video on Friday. Take a listen.\nBREAKING: The vote was delayed.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.rule])).toEqual([
      ['Sanders Leads Clinton Nationally', ':', 'Poll', 'quotes/headline-colon'],
      ['Donald Trump released a video on Friday. Take a listen', ':', 'TAPPER', 'quotes/paragraph-colon'],
    ]);
  });

  it('mends a sentence the splitter broke inside a source: "Rep. Hank Johnson (D-Ga.) said"', () => {
    const d = code('Headline\n\nRep. Hank Johnson (D-Ga.) said the plan had failed.');
    expect(d.quotes.map((q) => [q.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([['the plan had failed', 'Rep. Hank Johnson (D-Ga.)']]);
  });

  it('attributes a quote after a colon by the words after it, and a clause ending in a colon with no cue by its subject', () => {
    const d = code('Headline\n\nThe ministry issued a note on Friday: “The border stays closed,” the spokesman wrote. “Trucks will wait.”\nThe embassy’s message goes on to say: “Citizens should leave the region at once.”\nThe minister then turned to the press again: “Here is what we regret.”');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.continues ?? null])).toEqual([
      ['The border stays closed', 'wrote', 'the spokesman', null],
      ['Trucks will wait.', 'wrote', 'the spokesman', 0],
      ['Citizens should leave the region at once.', 'goes on to say:', 'The embassy’s message', null],
      ['Here is what we regret.', 'turned to the press again:', 'The minister', null],
    ]);
  });

  it('reads a reported clause whose subject has a relative clause, after a cue that takes no noun phrase', () => {
    const d = code('Headline\n\nThe senator says the coalition that has governed the province since 2019 faces a hard vote.\nThe governor said the farmers who lost their crops in the floods will get help.\nThe minister welcomed the plan that the council adopted.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['the coalition that has governed the province since 2019 faces a hard vote', 'says', 'The senator'],
      ['the farmers who lost their crops in the floods will get help', 'said', 'The governor'],
      ['the plan that the council adopted', 'welcomed', 'The minister'],
    ]);
    expect(d.quotes.map((q) => q.rule)).toEqual(['quotes/indirect-bare', 'quotes/indirect-bare', 'quotes/indirect-np']);
  });

  it('takes "plan to …" after a plural noun for the verb of the reported clause', () => {
    const d = code('Headline\n\nThe general said rebel commanders plan to retake the airport by the spring.');
    expect(d.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([['rebel commanders plan to retake the airport by the spring', 'The general']]);
  });

  it('ends a content where a second verb of the same subject reports on its own, and gives that verb its own quote', () => {
    const d = code('Headline\n\nThe mayor praised the firefighters for their courage, criticised the council for its delays.\nThe envoy briefly welcomed the ceasefire, then said the talks would resume in March.\nThe minister hailed the deal as “historic,” telling reporters in Geneva that it would hold.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['the firefighters for their courage', 'praised', 'The mayor'],
      ['the council for its delays', 'criticised', 'The mayor'],
      ['the ceasefire', 'briefly welcomed', 'The envoy'],
      ['the talks would resume in March', 'then said', 'The envoy'],
      ['the deal as “historic,”', 'hailed', 'The minister'],
      ['it would hold', 'telling', 'The minister'],
    ]);
  });

  it('still reads an inverted attribution closing its sentence', () => {
    const d = code('Headline\n\nThe deal will hold for years, said the minister.\nThe talks have failed, the envoy wrote on Friday.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['The deal will hold for years', 'said', 'the minister'],
      ['The talks have failed', 'wrote', 'the envoy'],
    ]);
  });

  it('takes a capitalised cue word between a lower-case word and a name for a first name', () => {
    const d = code('Newspaper Says Council Must Act\n\nCampaign spokeswoman Hope Hicks said the staff had signed the agreements.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([
      ['Council Must Act', 'Says', 'Newspaper'],
      ['the staff had signed the agreements', 'said', 'Campaign spokeswoman Hope Hicks'],
    ]);
  });

  it('reads a restrictive relative clause with a cue as part of the subject of the verb after it', () => {
    const d = code('Headline\n\nVoters who say the economy is their top concern backed the governor.\nThose who said the war was their top issue favored the senator by a wide margin.\nIt was the mayor who said the plan would fail.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speakerSpan?.text ?? q.speaker?.text])).toEqual([
      ['the governor', 'backed', 'Voters who say the economy is their top concern'],
      ['the senator', 'favored', 'Those who said the war was their top issue'],
      ['the plan would fail', 'said', 'who'],
    ]);
  });

  it('reads a source joined by hyphens ("the 46-year-old") whole', () => {
    const d = code('Headline\n\n“The plan is sound,” said the 46-year-old.\nThe 46-year-old said the plan would fail.');
    expect(d.quotes.map((q) => q.speaker?.text)).toEqual(['the 46-year-old', 'The 46-year-old']);
  });

  it('knows verbs of judging the news uses: likened, lambasted, retweeted', () => {
    const d = code('Headline\n\nThe senator likened the deal to a surrender.\nThe governor lambasted the council for its delays.\nThe candidate retweeted a post mocking his rival.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['the deal to a surrender', 'likened'],
      ['the council for its delays', 'lambasted'],
      ['a post mocking his rival', 'retweeted'],
    ]);
  });

  it('keeps participles and appositions after a comma inside the content, and the verbs a clause joins with "and"', () => {
    const d = code('Headline\n\nThe minister said there was not enough evidence to hold the man, known only as C, as a suspect.\nThe agency has announced that Habib, previously accused of terrorist offences, will be released.\nThe mayor denied that Mr Yeo, his transport spokesman, had resigned.\nThe spokesman said the decision dragged the campaign into the gutter and showed they were rattled.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['there was not enough evidence to hold the man, known only as C, as a suspect', 'said'],
      ['Habib, previously accused of terrorist offences, will be released', 'has announced'],
      ['Mr Yeo, his transport spokesman, had resigned', 'denied'],
      ['the decision dragged the campaign into the gutter and showed they were rattled', 'said'],
    ]);
  });

  it('does not take a sentence that has its own content for the attribution of the quotation before it', () => {
    const d = code('Headline\n\n“We had to show who was behind the campaign.” Graham Robb, a spokesman for the other side, said the decision had dragged the campaign down.');
    expect(d.quotes.map((q) => [q.kind, q.rule, q.speakerSpan?.text ?? q.speaker?.text ?? null])).toEqual([
      ['direct', 'quotes/direct-unattributed', null],
      ['indirect', 'quotes/indirect-bare', 'Graham Robb, a spokesman for the other side,'],
    ]);
  });

  it('reads "if elected he would …" after a cue, a demonstrative object ("doubt that moment") and a demonstrative subject ("assumes that was …")', () => {
    const d = code('Headline\n\nThe senator said if elected president he would cut taxes.\nThe minister does not doubt that moment.\nThe minister assumes that was a mistake.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['if elected president he would cut taxes', 'said'],
      ['that moment', 'does not doubt'],
      ['that was a mistake', 'assumes'],
    ]);
  });

  it('takes into a reported clause the quotation that closes its sentence after a "but"', () => {
    const d = code('Headline\n\nThe senator says that voters want a leader, but instead the party is giving them “speeches and slogans.”');
    expect(d.quotes.map((q) => [q.kind, q.text, q.cue?.text])).toEqual([['indirect', 'voters want a leader, but instead the party is giving them “speeches and slogans.”', 'says']]);
  });

  it('goes on with a content ending in a quotation when a quotation follows its attribution', () => {
    const d = code('Headline\n\nThe country needs leaders “who understand that loose talk can cause more trouble,” the senator said. “And that is why experience matters.”');
    expect(d.quotes.map((q) => [q.kind, q.text, q.cue?.text, q.speaker?.text, q.continues ?? null])).toEqual([
      ['indirect', 'The country needs leaders “who understand that loose talk can cause more trouble', 'said', 'the senator', null],
      ['direct', 'And that is why experience matters.', 'said', 'the senator', 0],
    ]);
  });

  it('reads verbs the tagger took for nouns: "…,” Viguerie notes.", "…,” Trump shot back.", "respondents who support Sanders"', () => {
    const d = code('Headline\n\n“The party has issues with him,” Viguerie notes.\n“He wants to be a tough guy tonight,” the governor shot back.\n“Enough,” she snapped.\nHalf of the respondents who support Sanders are students.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['The party has issues with him', 'notes', 'Viguerie'],
      ['He wants to be a tough guy tonight', 'shot back', 'the governor'],
      ['Enough', 'snapped', 'she'],
      ['Sanders', 'support', 'who'],
    ]);
  });

  it('reads a name set off before a colon by a label or a lead-in ("… - Jones:", "More from Jones:", "Here’s Clinton in 1992:")', () => {
    const d = code('Headline\n\nPOLLS NOT WRONG, JUST EARLY - Mark Blumenthal: “The polls just ended too early.”\nMore from Blumenthal: “The data showed a late shift.”\nFrom the report: “Longer field periods produced better results.”\nHere’s Clinton in December 1992: “Our new direction must rest on new realities.”\nIn an interview later that day, the senator went even further: “It is the end of his career.”\nThe score was 3-1 - a fine result: “We were lucky today.”');
    expect(d.quotes.map((q) => [q.text, q.cue?.text ?? null, q.speaker?.text ?? null])).toEqual([
      ['The polls just ended too early.', ':', 'Mark Blumenthal'],
      ['The data showed a late shift.', ':', 'Blumenthal'],
      ['Longer field periods produced better results.', ':', 'the report'],
      ['Our new direction must rest on new realities.', ':', 'Clinton'],
      ['It is the end of his career.', 'went even further:', 'the senator'],
    ]);
  });

  it('reads what polls and studies find or show, and not what people find or show', () => {
    const d = code('Headline\n\nThe April survey found the governor leading the senator by seven points.\nExit polling showed that the governor won every group.\nPolls show that majorities favor letting the refugees stay.\nPolice found the body in a field.\nHe showed the letter to reporters.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['the governor leading the senator by seven points', 'found', 'The April survey'],
      ['the governor won every group', 'showed', 'Exit polling'],
      ['majorities favor letting the refugees stay', 'show', 'Polls'],
    ]);
  });

  it('reads "tells X that …" past a long addressee, a relative clause in the reported subject, and "tells X, CLAUSE"', () => {
    const d = code('Headline\n\nThe senator tells reporters outside a polling station in Leeds that he will win.\nThe senator tells Sky News anchor Kay Burley that people who are bullied must fight back.\nAnd, the senator tells the crowd, he has been known to be tough.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['he will win', 'tells'],
      ['people who are bullied must fight back', 'tells'],
      ['he has been known to be tough', 'tells'],
    ]);
  });

  it('reads what someone calls something: "calling them rapists", "what X called “…”"', () => {
    const d = code('Headline\n\nThe candidate opened his campaign with harsh words, calling them criminals.\nIt was what the historian called “the beginning of a new era” in his book.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text, q.continues ?? null])).toEqual([
      ['them criminals', 'calling', 'The candidate', null],
      ['what', 'called', 'the historian', null],
      ['“the beginning of a new era”', 'called', 'the historian', 1],
    ]);
  });

  it('ends an object or infinitive before "and" and a finite verb of the subject, not before a base form', () => {
    const d = code('Headline\n\nThe candidate vowed to build a wall and tried to make the case that the fight was early.\nThe candidate vowed to build a wall and deport the migrants.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['to build a wall', 'vowed'],
      ['to build a wall and deport the migrants', 'vowed'],
    ]);
  });

  it('takes a cue word after a verb, an article or a possessive for a noun ("rejected calls for …", "his claims")', () => {
    const d = code('Headline\n\nThe Kremlin on Sunday rejected calls from European leaders for a ceasefire, saying Russia would pursue its goals “by military means”.\n“We are ready,” Cook said.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['Russia would pursue its goals “by military means”', 'saying', 'The Kremlin'],
      ['We are ready', 'said', 'Cook'],
    ]);
  });

  it('reads no clause in an object, its prepositional phrase and a subordinate clause ("warns Israel over strikes as …")', () => {
    const d = code('Iran warns Israel over strikes as IAEA chief seeks access to sites\n\nHe said the plan would fail if the talks collapsed.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['access to sites', 'seeks'],
      ['the plan would fail if the talks collapsed', 'said'],
    ]);
  });

  it('reads a headline\'s speaker before the topic or addressee ("Clinton to Planned Parenthood: …", "Gillibrand on …:"), not a place', () => {
    const speakers = (headline: string) => code(`${headline}\n\nBody text here.`).quotes.map((q) => [q.speaker?.text ?? null, q.text]);
    expect(speakers('Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.')).toEqual([['Clinton', 'Trump will reverse Roe v. Wade']]);
    expect(speakers('Gillibrand on Her Rival’s Speech Transcripts: ‘I Think She Will.’')).toEqual([['Gillibrand', 'I Think She Will.']]);
    expect(speakers('EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.')).toEqual([['Roger Stone', 'Don’t Trust the Voting Machines']]);
    expect(speakers('Obama in Cuba: A Historic Visit')).toEqual([]);
  });

  it('takes five words or more with a subject after "say" for its clause when the tagger found no verb in them', () => {
    const d = code('Headline\n\nThe party says 34,570 citizens living abroad in 38 countries cast votes by mail.\nThey said Sunday — a day of mourning.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([['34,570 citizens living abroad in 38 countries cast votes by mail', 'says']]);
  });

  it('reads a subject with a participle before its noun ("the self-described socialist", "the well known economist")', () => {
    const d = code('Headline\n\nThe self-described democratic socialist said he would win the primary.\nThe well known economist said rates would rise.\nA newly elected senator said the bill was dead.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.text])).toEqual([
      ['The self-described democratic socialist', 'he would win the primary'],
      ['The well known economist', 'rates would rise'],
      ['A newly elected senator', 'the bill was dead'],
    ]);
  });

  it('reads a nationality or compass word before a noun the tagger took for a verb as its modifier ("rejects Western calls for …")', () => {
    const d = code('Kremlin rejects Western calls for talks with Kyiv\n\nMoscow dismissed Russian claims that the talks failed.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.cue?.text, q.text])).toEqual([
      ['Kremlin', 'rejects', 'Western calls for talks with Kyiv'],
      ['Moscow', 'dismissed', 'Russian claims that the talks failed'],
    ]);
  });

  it('reads a reported clause that opens with a subordinate clause or an adjunct, with or without a comma', () => {
    const d = code('Headline\n\nJohn Kasich says if he spent the day in South Carolina he would be doing nothing more than yelling at people.\nHe said after meeting Putin, he would talk again.\nShe said on Monday, the ministers would meet again.\nTrump said when Boyle asked him a question.\nHe said on Monday, adding that the talks failed.');
    expect(d.quotes.map((q) => [q.cue?.text, q.text])).toEqual([
      ['says', 'if he spent the day in South Carolina he would be doing nothing more than yelling at people'],
      ['said', 'after meeting Putin, he would talk again'],
      ['said', 'the ministers would meet again'],
      ['adding', 'the talks failed'],
    ]);
  });

  it('resolves "it" after a sentence whose subject is a name no dictionary codes to that name, not to an earlier speaker', () => {
    const d = code('Headline\n\nThe Kremlin said the talks had failed.\n\nSiemens posted higher profits. It said orders rose 10 percent.\n\nThe Kremlin said it would respond. It said the West was to blame.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.speaker?.code ?? null, q.speaker?.name ?? null])).toEqual([
      ['The Kremlin', 'RUSGOV', 'Russia'],
      ['It', null, 'Siemens'],
      ['The Kremlin', 'RUSGOV', 'Russia'],
      ['It', 'RUSGOV', 'Russia'],
    ]);
  });

  it('gives a coordinated cue the subject of the cue it is coordinated with, not of a cue inside what that one reported', () => {
    const d = code('Headline\n\nTurkey, which occupies northern Cyprus, had insisted it would not bow to demands to recognise the country, calling the issue a "red line".\nMr Prentis said workers did not want to go on strike and called for talks with the government.');
    expect(d.quotes.map((q) => [q.cue?.text, q.speaker?.text])).toEqual([
      ['had insisted', 'Turkey'],
      ['calling', 'Turkey'],
      ['said', 'Mr Prentis'],
      ['called for', 'Mr Prentis'],
    ]);
  });

  it('takes the person named in apposition to a description for the speaker, here and in the cue coordinated with it', () => {
    const d = code('Headline\n\nKosovo\'s prime minister, Albin Kurti, rejected the accusation, telling reporters that Serbian paramilitaries had attacked a police patrol.', '2024-06-01');
    expect(d.quotes.map((q) => [q.cue?.text, q.speaker?.person, q.speaker?.code])).toEqual([
      ['rejected', 'Albin Kurti', 'XKXGOV'],
      ['telling', 'Albin Kurti', 'XKXGOV'],
    ]);
  });

  it('does not take a person named inside what someone said for the next "he said"; the one who said it is', () => {
    const d = code('Headline\n\nThe BBC\'s correspondent, Daniel Sandford, said it appeared Mr Clarke was putting more emphasis on deportation than his predecessor, David Blunkett. But he said an agreement could be difficult.\nThe Shadow Secretary, Theresa May, said: "These plans were announced by Gordon Brown in December." She said the Conservatives would announce their own.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.speaker?.person])).toEqual([
      ['The BBC\'s correspondent', 'Daniel Sandford'],
      ['he', 'Daniel Sandford'],
      ['The Shadow Secretary', 'Theresa May'],
      ['She', 'Theresa May'],
    ]);
  });

  it('takes a pronoun that stands for what was said for the whole content ("said so", "wrote this.")', () => {
    const d = code('Headline\n\nThe minister backed a referendum, and she said so. The mayor wrote this, and then resigned.');
    expect(d.quotes.map((q) => [q.cue?.text, q.text])).toEqual([['backed', 'a referendum'], ['said', 'so'], ['wrote', 'this']]);
  });

  it('takes "his office", "her spokesman" for the code of the one they speak for', () => {
    const d = code('Headline\n\nIsraeli Prime Minister Benjamin Netanyahu vowed to press ahead. His office said a delegation would not travel to Cairo.', '2024-05-06');
    expect(d.quotes.map((q) => [q.speaker?.text, q.speaker?.code])).toEqual([['Israeli Prime Minister Benjamin Netanyahu', 'ISRGOV'], ['His office', 'ISRGOV']]);
  });

  it('takes "the New York Democrat" for the person who spoke last, not a person of that name', () => {
    const d = code('Headline\n\nSenate Majority Leader Chuck Schumer accused Republicans of caving to Trump. "They were for it until he told them to be against it," the New York Democrat said.', '2024-02-07');
    expect(d.quotes.map((q) => [q.speaker?.text, q.speaker?.person, q.speaker?.code])).toEqual([
      ['Senate Majority Leader Chuck Schumer', 'Chuck Schumer', 'USALEG'],
      ['the New York Democrat', 'Chuck Schumer', 'USALEG'],
    ]);
  });

  it('takes no participle after a comma, tagged as a noun, for a speaker (", dashing hopes of a breakthrough")', () => {
    const d = code('Headline\n\nThe president told his Turkish counterpart on Monday that Moscow would not revive the deal until its demands were met, dashing hopes of a swift breakthrough.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.cue?.text])).toEqual([['The president', 'told']]);
  });

  it('takes no phrase after a preposition for the subject a coordinated cue shares ("the reloading of Russian liquefied gas … and adds")', () => {
    const d = code('Headline\n\nThe measure bans the reloading of Russian liquefied natural gas in EU ports and adds dozens of companies in India and Turkey to a list of firms accused of helping Moscow evade sanctions.');
    expect(d.quotes.filter((q) => q.speaker?.code === 'RUS')).toEqual([]);
  });

  it('reads the question put to someone ("Asked which …, he demurred: “…”", "when asked whom she supported"), which ends at its comma', () => {
    const d = code('Headline\n\nAsked which Iowa county was his favorite, he demurred: “Whichever one I’m in at the moment.”\nWhen asked whom she supported, Ms. Sherry smiled and said she was waiting.\nWe asked our followers which candidate won the debate.');
    expect(d.quotes.map((q) => [q.cue?.text, q.speaker?.text ?? null, q.text])).toEqual([
      ['Asked', null, 'which Iowa county was his favorite'],
      ['demurred', 'he', 'Whichever one I’m in at the moment.'],
      ['asked', null, 'whom she supported'],
      ['said', 'Ms. Sherry', 'she was waiting'],
      ['asked', 'We', 'which candidate won the debate'],
    ]);
  });

  it('gives no statement event for a stance, a belief or a noun', () => {
    const d = code("Headline\n\nChina supports the proposal.\nChina believes that the talks will fail.\nChina's claim that the talks failed was denied.");
    expect(d.quotes.length).toBeGreaterThanOrEqual(3);
    expect(d.events.filter((e) => e.cameo === '010')).toEqual([]);
  });

  it('gives a statement event to a quote where nothing else is coded for its speaker', () => {
    const d = code('Headline\n\nChina told Washington that it hoped all parties would show restraint.\n“We prefer diplomacy,” Blinken said.');
    const statements = d.events.filter((e) => e.cameo === '010');
    expect(statements.map((e) => [e.source?.code, e.target?.code ?? null, e.trigger.text])).toEqual([
      ['CHN', 'USA', 'told'],
      ['USAGOV', null, 'said'],
    ]);
    expect(statements[0]!.rule.file).toBe('quotes/cues.txt');
  });

  it('leaves a time closing a noun-phrase content to the cue', () => {
    const d = code('Headline\n\nThe governor defended his budget plan on Tuesday night.\nThe minister announced her resignation late Friday.\nOfficials expect a deal by the end of this year.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['his budget plan', 'defended'],
      ['her resignation', 'announced'],
      ['a deal by the end of this year', 'expect'],
    ]);
  });

  it('reads the whole name a stance is about, after a title or a place that modifies it', () => {
    const d = code('Headline\n\nThe teachers union is backing Ohio Gov. Mark Daley.\nThe group endorsed Democratic mayoral candidate Ana Ruiz.\nThe senator endorsed Daley last week.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['Ohio Gov. Mark Daley', 'is backing'],
      ['Democratic mayoral candidate Ana Ruiz', 'endorsed'],
      ['Daley', 'endorsed'],
    ]);
  });

  it('ends a clause content before what the writer adds after a comma: though, however, despite, where', () => {
    const d = code('Headline\n\nThe mayor said the bridge would reopen in May, though engineers have doubts.\nThe company reported higher profits, despite a weak quarter for sales.\nThe coach said the team would train in Denver, where the altitude helps.');
    expect(d.quotes.map((q) => q.text)).toEqual([
      'the bridge would reopen in May',
      'higher profits',
      'the team would train in Denver',
    ]);
  });

  it('reads the words of a text with "read": a sign, a statement, not a book title', () => {
    const d = code('Headline\n\nOne banner read “Save our hospital.”\n“We regret the delay,” the statement read.\nShe read “Pride and Prejudice” to the class.\nI never managed to read his second novel.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['Save our hospital.', 'read', 'One banner'],
      ['We regret the delay', 'read', 'the statement'],
    ]);
  });

  it('reads a content before "according to" or a closing attribution from its first word: a number with a hyphen, after a connective', () => {
    const d = code('Headline\n\nThirty-two of the injured remained in hospital, according to the health ministry.\nStill, most residents support the new stadium, according to a city survey.\nIn fact, the bridge will cost more than planned, officials said.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['Thirty-two of the injured remained in hospital', 'according to'],
      ['most residents support the new stadium', 'according to'],
      ['the bridge will cost more than planned', 'said'],
    ]);
  });

  it('continues a content after "according to X," only with its verb or after an opening adjunct', () => {
    const d = code('Headline\n\nThe merger, according to two people close to the talks, is all but certain.\nOver the next decade, according to the budget office, the deficit will double.\nThe club is running out of money, according to its own directors, who have asked the city for help.');
    expect(d.quotes.filter((q) => q.cue?.text === 'according to').map((q) => [q.text, q.continues ?? null])).toEqual([
      ['The merger', null],
      ['is all but certain', 0],
      ['Over the next decade', null],
      ['the deficit will double', 2],
      ['The club is running out of money', null],
    ]);
    const e = code('Headline\n\nThe bank said that, according to its own data, exports rose by 4% last year.');
    expect(e.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([['exports rose by 4% last year', 'according to', 'its own data']]);
  });

  it('reads a whole source phrase: aides to someone, people briefed on something, coordinated subjects', () => {
    const d = code('Headline\n\nAides to the mayor say she will run again.\nPeople briefed on the talks said a deal was close.\nNeither the union nor the company commented on the strike.\nFarmers and even some economists say the tariff will hurt.\nThe minister focused on the budget and critics said it was too timid.');
    expect(d.quotes.map((q) => q.speakerSpan?.text ?? q.speaker?.text)).toEqual([
      'Aides to the mayor',
      'People briefed on the talks',
      'Neither the union nor the company',
      'Farmers and even some economists',
      'critics',
    ]);
  });

  it('keeps a participle phrase after the source noun in the source phrase', () => {
    const d = code('Headline\n\nA survey, conducted for the city council in May, shows that most residents want more buses.\nSeveral unions, including the nurses, said they would strike.');
    expect(d.quotes.map((q) => [q.speaker?.text, q.speakerSpan?.text])).toEqual([
      ['A survey', 'A survey, conducted for the city council in May,'],
      ['Several unions', 'Several unions, including the nurses,'],
    ]);
  });

  it('ends an opening question at its comma inside a closing mark', () => {
    const d = code('Headline\n\nAsked whether the mayor “can win the election,” 60 percent of voters said yes.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['whether the mayor “can win the election', 'Asked'],
      ['yes', 'said'],
    ]);
  });

  it('reads a verb of a title-case headline as a verb', () => {
    const d = code('Mayor Says Flood Poses A Risk\n\nThe river rose overnight.');
    expect(d.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([['Flood Poses A Risk', 'Says', 'Mayor']]);
    // a verb the tagger took for a name, with its inflection ("Praises"), is a cue in title case only
    const e = code('Governor Praises Crews After Flood\n\nThe river rose overnight.');
    expect(e.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([['Crews After Flood', 'Praises', 'Governor']]);
    expect(code('Rovers target Champions League place\n\nThe club won again.').quotes).toEqual([]);
  });
});

describe('golden fixtures', () => {
  const cases = existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : [];
  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
      const d = code(text);
      const show = (s: { start: number; end: number } | null | undefined) => (s ? showSpan(d.text, s) : null);
      const got = {
        quotes: d.quotes.map((q) => {
          const o: Record<string, unknown> = {
            kind: q.kind,
            text: show(q),
            cue: show(q.cue),
            speaker: q.speaker ? `${show(q.speaker)} → ${q.speaker.person ?? q.speaker.name ?? '?'} ${q.speaker.code ?? '-'}` : null,
            rule: q.rule,
          };
          if (q.speakerSpan) o.speakerSpan = show(q.speakerSpan);
          if (q.addressee) o.addressee = show(q.addressee);
          if (q.continues !== undefined) o.continues = q.continues;
          if (q.unclosed) o.unclosed = true;
          return o;
        }),
        messages: d.messages.filter((m) => m.stage === 'quotes').map((m) => `${m.severity} ${m.rule} ${show(m as { start: number; end: number })}`),
        statements: d.events.filter((e) => e.cameo === '010').map((e) => `${e.source?.code}→${e.target?.code ?? '-'} ${show(e.trigger)}`),
      };
      const file = join(FIXTURES, name, 'expected.json');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

describe('properties', () => {
  const pieces = ['“', '”', '"', "'", '‘', '’', '«', '»', '„', "''", ',', '.', ':', ' — ', '\n', '\n\n', ' ', 'he said', 'Blinken said', 'said that',
    'according to', 'the minister', 'It’s', "don't", 'we are ready', 'Russia', 'told reporters', 'a', 'b c d e'];
  const newsy = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(' ').replace(/ +/g, (m) => (m.length > 1 ? ' ' : m)));
  const anything = fc.string({ unit: 'binary', maxLength: 200 });

  const MARK = /[“”"„«»‘’'‚‹›`]/;
  const check = (text: string) => {
    const d = code(text);
    let last = -1;
    const ordered = [...d.quotes].sort((a, b) => a.start - b.start);
    for (const q of ordered) {
      // inside the text, and its words are the text's
      expect(q.start).toBeGreaterThanOrEqual(0);
      expect(q.end).toBeLessThanOrEqual(d.text.length);
      expect(q.start).toBeLessThan(q.end);
      expect(d.text.slice(q.start, q.end)).toBe(q.text);
      // quotes never overlap
      expect(q.start).toBeGreaterThanOrEqual(last);
      last = q.end;
      // a direct quote's content holds neither of its own marks
      if (q.kind === 'direct') {
        // the opening mark stands before the content, the closing mark (if any) after it
        let i = q.start - 1;
        while (i >= 0 && /\s/.test(d.text[i]!)) i--;
        expect(MARK.test(d.text[i] ?? ''), `before "${q.text}"`).toBe(true);
        let j = q.end;
        while (j < d.text.length && /[ \t,;:]/.test(d.text[j]!)) j++;
        if (j < d.text.length && d.text[j] !== '\n') expect(MARK.test(d.text[j]!), `after "${q.text}"`).toBe(true);
      }
      if (q.cue) expect(d.text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
      if (q.speaker) expect(d.text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
      if (q.continues !== undefined) expect(q.continues).toBeLessThan(d.quotes.indexOf(q));
    }
    expect(d.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
  };

  it('holds for news-like strings', () => {
    fc.assert(fc.property(newsy, (text) => check(`Headline\n\n${text}`)), { numRuns: 300 });
  });

  it('holds for any string', () => {
    fc.assert(fc.property(anything, (text) => check(text)), { numRuns: 300 });
  });
});
