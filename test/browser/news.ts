/**
 * Short dated news items, written for dyad's tests (not copied from any
 * outlet). Several weeks and
 * several dyads, so the network, series and filters have something to show;
 * the tests add the example articles that ship in examples/.
 * Tests never assert on fixed counts of what dyad codes from these: they
 * compare the API's answers with what the engine itself coded.
 */
import { join } from 'node:path';
import type { CodeInput } from '../../src/engine.js';
import { readInputs, type InputArticle } from '../../src/ingest/read-inputs.js';
import { REPO } from '../support/shared.js';

export interface NewsItem {
  id: string;
  title: string;
  date: string;
  source: string;
  text: string;
}

export const NEWS: NewsItem[] = [
  {
    id: 'test-001',
    title: 'Russia accuses Ukraine of shelling border villages',
    date: '2024-03-04',
    source: 'Test Wire',
    text:
      'Russia accused Ukraine on Monday of shelling villages near the border. ' +
      'Ukraine rejected the accusation and condemned Russia for the attack on Kharkiv.\n\n' +
      '“We will defend every town,” Ukrainian President Volodymyr Zelensky said.',
  },
  {
    id: 'test-002',
    title: 'China and the United States hold talks on trade',
    date: '2024-03-06',
    source: 'Test Wire',
    text:
      'China and the United States held talks in Beijing on Wednesday. ' +
      'Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken and praised the progress on trade.\n\n' +
      '“Dialogue is better than confrontation,” Wang Yi said.',
  },
  {
    id: 'test-003',
    title: 'Russian forces attack Ukrainian positions',
    date: '2024-03-13',
    source: 'Daily Test',
    text:
      'Russian forces attacked Ukrainian positions near Avdiivka on Wednesday, the Ukrainian military said. ' +
      'Ukraine called on NATO to send more air defence systems.\n\n' +
      'NATO Secretary General Jens Stoltenberg said the alliance would support Ukraine.',
  },
  {
    id: 'test-004',
    title: 'Germany pledges aid to Ukraine',
    date: '2024-03-20',
    source: 'Daily Test',
    text:
      'Germany promised new military aid to Ukraine on Wednesday. ' +
      'Russia criticized Germany for the decision and threatened to respond.\n\n' +
      '“Every weapon sent prolongs the war,” Kremlin spokesman Dmitry Peskov said.',
  },
  {
    id: 'test-005',
    title: 'China warns the United States over Taiwan',
    date: '2024-04-02',
    source: 'Test Wire',
    text:
      'China warned the United States on Tuesday against arms sales to Taiwan. ' +
      'The United States accused China of provocative military drills.\n\n' +
      '“We urge Washington to stop interfering,” a Chinese foreign ministry spokesman said.',
  },
];

/**
 * The example articles that ship in examples/ (the seed article at least),
 * read the way `dyad ingest examples/` reads them.
 */
export async function exampleArticles(): Promise<InputArticle[]> {
  const out: InputArticle[] = [];
  for await (const item of readInputs([join(REPO, 'examples')])) if (item.kind === 'article') out.push(item.article);
  if (!out.length) throw new Error(`no example articles in ${join(REPO, 'examples')}`);
  return out;
}

/** A news item as the engine's input. */
export function inputOf({ title, ...n }: NewsItem): CodeInput {
  return title ? { ...n, title } : n;
}
