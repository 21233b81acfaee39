/**
 * The English check: never warns on real English news (every BBC and UN
 * debate text of ../shared), always warns on news-like text in other
 * languages, and says nothing on texts too short to judge.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { testEngine } from '../../test/support/engine.js';
import { guessEnglishText, MIN_STOPWORD_SHARE, notEnglishMessage } from './language.js';

// news-like paragraphs written for this test, in six languages
const OTHER: Record<string, string> = {
  French:
    "Le ministre des Affaires étrangères a déclaré mardi que le gouvernement était prêt à reprendre les négociations avec ses voisins. Selon lui, les deux pays doivent trouver un accord avant la fin de l'année, faute de quoi les sanctions économiques seront renforcées. L'opposition a critiqué cette position et demandé un débat au parlement.",
  German:
    'Der Außenminister erklärte am Dienstag, die Regierung sei bereit, die Verhandlungen mit den Nachbarländern wieder aufzunehmen. Beide Staaten müssten bis zum Ende des Jahres eine Einigung finden, sonst würden die wirtschaftlichen Sanktionen verschärft. Die Opposition kritisierte diese Haltung und forderte eine Debatte im Parlament.',
  Spanish:
    'El ministro de Asuntos Exteriores declaró el martes que el gobierno está dispuesto a reanudar las negociaciones con los países vecinos. Según él, ambos estados deben llegar a un acuerdo antes de fin de año; de lo contrario, las sanciones económicas se endurecerán. La oposición criticó esta postura y pidió un debate en el parlamento.',
  Italian:
    "Il ministro degli Esteri ha dichiarato martedì che il governo è pronto a riprendere i negoziati con i paesi vicini. Secondo lui, i due stati devono trovare un accordo entro la fine dell'anno, altrimenti le sanzioni economiche saranno inasprite. L'opposizione ha criticato questa posizione e ha chiesto un dibattito in parlamento.",
  Dutch:
    'De minister van Buitenlandse Zaken verklaarde dinsdag dat de regering bereid is de onderhandelingen met de buurlanden te hervatten. Volgens hem moeten beide landen voor het einde van het jaar een akkoord bereiken, anders worden de economische sancties verscherpt. De oppositie bekritiseerde dit standpunt.',
  Russian:
    'Министр иностранных дел заявил во вторник, что правительство готово возобновить переговоры с соседними странами. По его словам, обе страны должны достичь соглашения до конца года, иначе экономические санкции будут ужесточены. Оппозиция раскритиковала эту позицию и потребовала обсудить внешнюю политику в парламенте.',
};

function* textFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* textFiles(p);
    else if (p.endsWith('.txt')) yield p;
  }
}

describe('the English check', () => {
  for (const [language, text] of Object.entries(OTHER)) {
    it(`warns on ${language}`, () => {
      const g = guessEnglishText(text);
      expect(g.english).toBe(false);
      expect(notEnglishMessage(g)?.reason).toMatch(/does not look like English/);
    });
  }

  it('says nothing on a text too short to judge', () => {
    expect(guessEnglishText('Russland fordert Garantien').english).toBeNull();
    expect(notEnglishMessage(guessEnglishText('Russland fordert Garantien'))).toBeNull();
  });

  it('the tokens stage reports it as a warning, and the article is still coded', () => {
    const doc = testEngine().code({ text: `Verhandlungen\n\n${OTHER.German}` });
    expect(doc.messages).toEqual([expect.objectContaining({ stage: 'tokens', severity: 'warning', rule: 'ingest/not-english' })]);
    expect(doc.sentences.length).toBeGreaterThan(1);
    const en = testEngine().code({ text: 'Talks\n\nRussia demanded written guarantees from the United States on Wednesday, and officials said that the talks would go on after the meeting in Geneva, where both sides had set out what they wanted from the other.' });
    expect(en.messages.filter((m) => m.rule === 'ingest/not-english')).toEqual([]);
  });

  for (const corpus of [['data', 'corpus', 'news-mix', 'bbc'], ['data', 'corpus', 'un-debates']]) {
    it.skipIf(!hasShared(...corpus))(`never warns on ${corpus.at(-1)} (English)`, () => {
      const warned: string[] = [];
      let n = 0;
      for (const f of textFiles(sharedPath(...corpus))) {
        n++;
        const g = guessEnglishText(readFileSync(f, 'latin1'));
        if (g.english === false) warned.push(`${f}: ${g.share.toFixed(3)}`);
        if (g.english !== null) expect(g.share).toBeGreaterThan(MIN_STOPWORD_SHARE);
      }
      expect(n).toBeGreaterThan(1000);
      expect(warned).toEqual([]);
    });
  }
});
