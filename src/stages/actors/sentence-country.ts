/**
 * The country of an office-holder the dictionary does not know. "President
 * Askar Akayev has agreed to resign without returning to Kyrgyzstan": the
 * title says GOV, the name is no one the dictionary holds, and the country
 * is not written beside the title. In news such a person is almost always
 * an official of the one state the sentence is about, so a title with a
 * name and no country takes the state of the sentence when the sentence
 * names exactly one (as a country, its capital, one of its places, or an
 * adjective). It takes none when:
 *
 *   - the sentence names two or more states ("President X met Hu in Beijing"
 *     is no Chinese official),
 *   - that state's own office-holder is in the sentence too ("President X
 *     met Chinese President Hu in Beijing": the guest is not the host), or
 *   - the state is named only inside another actor's words, or
 *   - the name is one word the dictionary does not know ("the Sovereign
 *     State of Biafra" is no sovereign called State), or
 *   - the title is in lower case, as a party's or a firm's officers are
 *     ("Hindu Mahasabha president Swami Chakrapani").
 *
 * "The National Congress" (a body many states have, with no state before
 * it) takes the one state its sentence names in the same way, or the
 * article's state when the sentence names none; "Congress" alone, listed
 * under the United States, is the article's state in an article that never
 * names the United States.
 *
 * The mention keeps its words; its rule says where the country came from.
 */
import type { ActorMention } from '../../core/layers.js';
import type { OfficeEntry } from '../../ontology/types.js';

const STATE_KINDS = new Set<ActorMention['kind']>(['country', 'capital']);

/**
 * Bodies that many states have, listed under one state by the word news uses for it ("Congress" USALEG):
 * after another state's name or adjective they are that state's ("the Colombian Congress", actors stage),
 * and in an article that never names the dictionary's state they are the article's state.
 */
export const GENERIC_INSTITUTIONS: ReadonlySet<string> = new Set(['congress', 'state council']);

/** words of party names many states share ("Labour Party", "Liberal Democrats", "Democratic Party") */
const PARTY_WORDS = new Set(['the', 'liberal', 'liberals', 'democrat', 'democrats', 'democratic', 'labour', 'labor', 'conservative', 'conservatives',
  'party', 'republican', 'republicans', 'social', 'socialist', 'socialists', 'green', 'greens', 'progressive', 'national', 'communist',
  'christian', 'union', 'alliance', 'front', 'and', 'new', 'people\'s', 'peoples\'', 'workers\'', 'of']);
const genericParty = (phrase: string) => {
  const ws = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  return ws.length > 0 && ws.some((w) => w !== 'party' && w !== 'the') && ws.every((w) => PARTY_WORDS.has(w));
};

/** an agent of a state with no state named: "the interior ministry", "the police", "the army" */
const STATE_BODY = /^---(?:GOV|COP|MIL|JUD|LEG)$/;

const isGeneric = (a: ActorMention) => a.kind === 'institution' && GENERIC_INSTITUTIONS.has((a.rule.pattern ?? '').toLowerCase());

export function sentenceCountries(layer: ActorMention[], countries: ReadonlySet<string>, offices?: ReadonlyMap<string, OfficeEntry>): ActorMention[] {
  /** whether the title names the office in the state (a title of any state's, or of that state's) */
  const titleOf = (a: ActorMention, state: string) => {
    const office = offices?.get(a.office!);
    if (!office) return true;
    const phrase = (a.rule.pattern ?? '').toLowerCase();
    const is = (list: readonly { text: string }[] | undefined) => (list ?? []).some((t) => t.text.toLowerCase() === phrase);
    return is(office.titles) || is(office.countryTitles.get(state));
  };
  // the states the article names, and how often (the generic bodies left out)
  const counts = new Map<string, number>();
  for (const a of layer) {
    if (a.code.startsWith('---') || isGeneric(a)) continue;
    const c = a.code.slice(0, 3);
    if (countries.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const ranked = [...counts].sort((x, y) => y[1] - x[1]);
  const top = ranked[0] && ranked[0][1] >= 2 && (!ranked[1] || ranked[1][1] < ranked[0][1]) ? ranked[0][0] : undefined;
  const bySentence = new Map<number, ActorMention[]>();
  for (const a of layer) {
    const list = bySentence.get(a.sentence);
    if (list) list.push(a);
    else bySentence.set(a.sentence, [a]);
  }
  // parties are counted apart: a party's state is named by the party only
  for (const a of layer) {
    if (a.kind === 'group' && a.code.slice(3, 6) === 'PTY' && !a.code.startsWith('---')) {
      const c = a.code.slice(0, 3);
      const n = (counts.get(c) ?? 0) - 1;
      if (n > 0) counts.set(c, n);
      else counts.delete(c);
    }
  }
  /** a U.S. place right before or after the mention, across a comma or "and" */
  const nextToUS = (a: ActorMention) => {
    const i = layer.indexOf(a);
    const near = (b: ActorMention | undefined, gap: number) => b !== undefined && b.sentence === a.sentence && b.code === 'USA' && b.kind === 'capital' && gap >= 1 && gap <= 2;
    return near(layer[i - 1], a.tokenStart - (layer[i - 1]?.tokenEnd ?? 0)) || near(layer[i + 1], (layer[i + 1]?.tokenStart ?? 0) - a.tokenEnd);
  };
  // a state the article is about beyond doubt: named three times or more, and twice as often as any other
  const strongTop = top && ranked[0]![1] >= 3 && (!ranked[1] || ranked[1][1] * 2 <= ranked[0]![1]) ? top : undefined;
  let changed = false;
  const out = layer.map((a, i) => {
    if (a.code.startsWith('---') && a.kind === 'institution') return nationalBody(a, bySentence.get(a.sentence)!);
    // "The interior ministry said 112 people had been detained", in an article about Georgia: a state body
    // with no state named, in a sentence that names none and before any other body of its kind, is the
    // article's state's (coreference takes the latest one of its kind when there is one)
    if (strongTop && a.kind === 'agent' && STATE_BODY.test(a.code) && /^the\s/i.test(a.text) && !a.modifier) {
      const agent = a.code.slice(3);
      const named = bySentence.get(a.sentence)!.some((b) => STATE_KINDS.has(b.kind) && countries.has(b.code.slice(0, 3)));
      // (a body, as coreference would take it: an office-holder, "President Ruto" KENGOV, is no "the government")
      const before = layer.slice(0, i).some((b) => !b.code.startsWith('---') && b.code.slice(3).includes(agent) && b.kind !== 'person' && b.kind !== 'description' && !b.modifier);
      if (!named && !before) {
        changed = true;
        return { ...a, code: strongTop + agent, rule: { ...a.rule, pattern: `${a.rule.pattern ?? ''} (state of the article: ${strongTop})`.trim() } };
      }
    }
    // "Congress" in an article about the Philippines that never names the United States; "the Liberal
    // Democrats" (GBRPTYLDM) in an article about Queensland: many states have parties of that name
    const partyElsewhere = a.kind === 'group' && a.code.slice(3, 6) === 'PTY' && countries.has(a.code.slice(0, 3)) && genericParty(a.rule.pattern ?? '');
    if (partyElsewhere && top && !counts.has(a.code.slice(0, 3))) {
      changed = true;
      return { ...a, code: top + 'PTY', rule: { ...a.rule, pattern: `${a.rule.pattern} (a party of the article's state: ${top})` } };
    }
    // "Texas, Georgia and Michigan", "Atlanta, Georgia": the U.S. state
    if (a.code === 'GEO' && a.text.replace(/^the\s+/i, '') === 'Georgia' && nextToUS(a)) {
      changed = true;
      return { ...a, code: 'USA', kind: 'capital' as const, rule: { ...a.rule, pattern: 'Georgia (a U.S. state beside other U.S. places)' } };
    }
    if (isGeneric(a) && top && !counts.has(a.code.slice(0, 3))) {
      changed = true;
      return { ...a, code: top + a.code.slice(3), rule: { ...a.rule, pattern: `${a.rule.pattern} (state of the article: ${top})` } };
    }
    if (!a.code.startsWith('---') || a.kind !== 'person' || !a.person || !(a.office || /minister$/i.test(a.rule.pattern ?? ''))) return a;
    // a name the dictionary does not hold is a name only in two words or more: "the Sovereign State" is none
    if (!a.name && a.person.trim().split(/\s+/).length < 2) return a;
    // a state's office is written with a capital before the name ("President Levy Mwanawasa"); a lower-case
    // title is mostly a party's or a company's ("Hindu Mahasabha president Swami Chakrapani")
    const first = a.text.replace(/^the\s+/i, '');
    if (first[0] === first[0]!.toLowerCase()) return a;
    const same = bySentence.get(a.sentence)!;
    const states = new Set<string>();
    for (const b of same) {
      // a state's people ("the Zambian people", ZMBCVL) name it as its name does
      if (!STATE_KINDS.has(b.kind) && !(b.kind === 'agent' && b.code.length === 6 && b.code.endsWith('CVL'))) continue;
      const c = b.code.slice(0, 3);
      if (countries.has(c)) states.add(c);
    }
    if (states.size !== 1) return a;
    const [state] = [...states] as [string];
    // "Chief Superintendent X": a title only a group uses ("chief" of Hamas) is no state office
    if (!titleOf(a, state)) return a;
    // the state's own office-holders are in the sentence: the unknown one is someone else's
    if (same.some((b) => b !== a && (b.kind === 'person' || b.kind === 'description') && b.code.startsWith(state))) return a;
    changed = true;
    return {
      ...a,
      code: state + a.code.slice(3),
      rule: { ...a.rule, pattern: `${a.rule.pattern ?? ''} (country of the sentence: ${state})`.trim() },
    };
  });
  return changed ? out : layer;

  /** "the National Congress" (actors stage: a body many states have, with no state named): the one state of its sentence */
  function nationalBody(a: ActorMention, same: ActorMention[]): ActorMention {
    const states = new Set<string>();
    for (const b of same) {
      if (b === a || b.code.startsWith('---')) continue;
      const c = b.code.slice(0, 3);
      if (countries.has(c) && (STATE_KINDS.has(b.kind) || b.kind === 'person' || b.kind === 'description' || b.kind === 'agent')) states.add(c);
    }
    const state = states.size === 1 ? [...states][0]! : states.size === 0 ? top : undefined;
    if (!state) return a;
    changed = true;
    return { ...a, code: state + a.code.slice(3), rule: { ...a.rule, pattern: `${a.rule.pattern ?? ''} (country of the sentence: ${state})`.trim() } };
  }
}
