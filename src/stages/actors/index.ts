import type { Stage } from '../../core/stage.js';
import type { ActorMention } from '../../core/layers.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import type { ActorMatcher } from './compile-actors.js';
import { matchActors } from './match-actors.js';
import { forwardSubjects } from './forwarded.js';
import { newActors } from './new-actors.js';
import { sentenceCountries } from './sentence-country.js';
import { articleAcronyms } from './acronyms.js';
import { articleSurnames, organisationBranches } from './article-names.js';
import type { CodingOptions } from '../coding-options.js';

/**
 * The mention with every field of ActorMention, in one order. The matchers
 * build mentions in a dozen places with different optional fields, which
 * gives V8 a dozen object shapes; code that reads them in later stages
 * (coreference, quotes, events) then met a new shape every few hundred
 * articles, was thrown out and compiled again, up to eleven times, at about
 * 100 ms a time on one core. One shape, and that code is compiled once.
 */
function uniform(m: ActorMention): ActorMention {
  return {
    text: m.text,
    start: m.start,
    end: m.end,
    sentence: m.sentence,
    code: m.code,
    name: m.name,
    person: m.person,
    kind: m.kind,
    modifier: m.modifier,
    office: m.office,
    tokenStart: m.tokenStart,
    tokenEnd: m.tokenEnd,
    rule: m.rule,
    ref: m.ref,
  } as ActorMention;
}

export function actorsStage(matcher: ActorMatcher, vocab: Vocabulary, coding?: CodingOptions): Stage<'actors'> {
  const countries = new Set(matcher.dict.entries.filter((e) => e.kind === 'country' && e.code.length === 3).map((e) => e.code));
  return {
    name: 'actors',
    needs: ['tokens', 'sentences'],
    run(doc) {
      let layer = matchActors(matcher, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, {
        date: doc.article.date,
        ...(coding ? { coding } : {}),
      });
      layer = sentenceCountries(articleAcronyms(layer, doc.get('tokens'), doc.text), countries, matcher.offices);
      if (!coding?.sourceSearch) layer = articleSurnames(organisationBranches(layer, doc.get('tokens')), doc.get('tokens'), doc.text, vocab);
      if (coding?.newActorLength) layer = newActors(layer, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, coding.newActorLength);
      if (coding?.forwardedSubject) layer = forwardSubjects(layer, doc.get('tokens'), doc.text, doc.get('sentences'), vocab, coding.forwardedSubject);
      return { layer: layer.map(uniform) };
    },
  };
}
