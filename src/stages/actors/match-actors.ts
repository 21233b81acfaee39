/**
 * Finds actor mentions in each sentence: dictionary pieces (names, agent
 * nouns, titles, people) found by longest match, then composed into mentions:
 *
 *   Chinese | Foreign Minister | Wang Yi   → CHNGOV, person Wang Yi
 *   U.S. | diplomats                        → USAGOV
 *   the head of the State Department        → USAGOV, the holder on the date
 *   Washington                              → USA (a capital for the state)
 */
import type { ActorMention, ActorKind, Sentence, Provenance } from '../../core/layers.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';
import { codePerson } from '../../ontology/roles.js';
import { holdersOf, personOn } from '../../ontology/office-holders.js';
import { inRange } from '../../ontology/dates.js';
import type { PersonEntry } from '../../ontology/types.js';
import { mayStart, walkTrie, type ActorMatcher, type PhraseTarget, type TrieNode } from './compile-actors.js';
import { addAgentCodes, attachedActor, type AttachIds } from './attach-actor.js';
import { GENERIC_INSTITUTIONS } from './sentence-country.js';
import type { CodingOptions } from '../coding-options.js';

interface Piece {
  start: number; // token index
  end: number; // exclusive
  targets: PhraseTarget[];
  role: boolean; // from the roles trie
}

function allowed(t: PhraseTarget, tokens: TokenTable, text: string, from: number, date: string | null): boolean {
  if (t.capFirst && !tokens.has(from, FLAG.CAP)) return false;
  // an entry that applies only between dates ("Soviet Union", a group whose status changed)
  if (date && t.entry && !inRange(date, t.entry.from ?? null, t.entry.until ?? null)) return false;
  if (t.exact) {
    for (let k = 0; k < t.exact.length; k++) {
      if (tokens.surface(text, from + k) !== t.exact[k]) return false;
    }
  }
  return true;
}

function longest(root: TrieNode, tokens: TokenTable, text: string, i: number, end: number, lemmas: boolean, date: string | null, role = lemmas): Piece | null {
  if (!mayStart(root, tokens, i, lemmas)) return null;
  let best: Piece | null = null;
  // every phrase that starts at i (exact words, and stems such as `Argentin*`), shortest first
  for (const { node, end: after } of walkTrie(root, tokens, i, end, lemmas).sort((a, b) => a.end - b.end)) {
    // dated entries: the one valid on the date; a name whose every entry lies in the past still names it
    let ok = node.targets.filter((t) => allowed(t, tokens, text, i, date));
    if (!ok.length && date) ok = node.targets.filter((t) => allowed(t, tokens, text, i, null));
    // of phrases ending on the same word, the first found: exact words before stems before gaps
    // ("Al Gore" is AL_GORE before AL GORE, TABARI's "Al .. Gore")
    if (ok.length && (!best || after > best.end)) best = { start: i, end: after, targets: ok, role };
  }
  return best;
}

/**
 * A role found by lemma must end on a noun: "Russia forced Ukraine to …",
 * "troops forced", "the army ordered" are verbs that share a lemma with a
 * role noun ("forces", "orders"): a verb in -ed or -ing, or one right
 * after a name, noun or pronoun (its subject). Elsewhere the role stands,
 * whatever the tag ("Israeli forces", "Russia's forces", "only judges").
 */
function nounRole(tokens: TokenTable, text: string, p: Piece | null): Piece | null {
  if (!p) return p;
  const last = p.end - 1;
  if (tokens.pos[last] !== POS.VERB) return p;
  const surface = tokens.surface(text, last).toLowerCase();
  if (/(?:ed|ing)$/.test(surface)) return null;
  // "Russia forces Ukraine to …": a verb in -s right after its subject
  if (last === p.start && last - 1 >= 0) {
    const before = tokens.pos[last - 1];
    const b = tokens.surface(text, last - 1);
    if ((before === POS.PROPN || before === POS.NOUN || before === POS.PRON) && !/['’]s?$/.test(b)) return null;
  }
  return p;
}

function findPieces(m: ActorMatcher, tokens: TokenTable, text: string, s: Sentence, date: string | null): Piece[] {
  const out: Piece[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; ) {
    if (tokens.has(i, FLAG.PUNCT)) {
      i++;
      continue;
    }
    const a = longest(m.names, tokens, text, i, s.tokenEnd, false, date);
    const r1 = nounRole(tokens, text, longest(m.roles, tokens, text, i, s.tokenEnd, true, date));
    const r2 = longest(m.listedRoles, tokens, text, i, s.tokenEnd, false, date, true);
    const b = r1 && (!r2 || r1.end >= r2.end) ? r1 : r2;
    let p = a && (!b || a.end >= b.end) ? a : b;
    // a name that swallows a title ("President Xi") loses to the title and the
    // longer name after it ("President" + "Xi Jinping")
    if (a && b && p === a && b.end < a.end) {
      const after = longest(m.names, tokens, text, b.end, s.tokenEnd, false, date);
      if (after && after.end > a.end) p = b;
    }
    if (p) {
      out.push(p);
      i = p.end;
    } else i++;
  }
  return out;
}

const has = (p: Piece, kind: PhraseTarget['kind']) => p.targets.find((t) => t.kind === kind);
const genericInstitution = (p: Piece) => p.targets.find((t) => t.kind === 'institution' && GENERIC_INSTITUTIONS.has(t.phrase.toLowerCase()));
/** a piece that can modify a role noun: a country adjective or a country/organisation name */
const modifierOf = (p: Piece) =>
  has(p, 'adjective') ?? has(p, 'name') ?? has(p, 'capital') ?? has(p, 'institution');

/** Words that may stand between a country and a title: "Chinese (senior) Foreign Minister". */
const FILLERS = new Set([
  'senior', 'top', 'former', 'then', 'deputy', 'acting', 'first', 'new', 'chief', 'outgoing', 'incoming',
  'interim', 'veteran', 'current', 'local', 'two', 'three', 'several', 'some', 'many', 'other', 'visiting',
]);

/**
 * The word ids and code sets matchActors tests, made once per matcher and
 * vocabulary (the engine renews both together) instead of once per article.
 */
function wordsOf(m: ActorMatcher, vocab: Vocabulary) {
  const fillerIds = new Set([...FILLERS].map((w) => vocab.intern(w)));
  const possessive = new Set(["'s", '’s', "'", '’'].map((w) => vocab.intern(w)));
  const theId = vocab.intern('the');
  const inId = vocab.intern('in');
  const stateCodes = new Set(m.dict.entries.filter((e) => e.kind === 'country').map((e) => e.code.slice(0, 3)));
  const attachIds: AttachIds = {
    preps: new Set(['of', 'in', 'from'].map((w) => vocab.intern(w))),
    the: theId,
    joiners: new Set([',', 'and', 'or'].map((w) => vocab.intern(w))),
    based: vocab.intern('based'),
    compass: new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
      'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern'].map((w) => vocab.intern(w))),
  };
  const words = (ws: string[]) => new Set(ws.map((w) => vocab.intern(w)));
  const ids = {
    honorifics: words(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'lord', 'lady', 'baroness', 'baron', 'dame', 'madam', 'monsieur', 'herr']),
    /** nouns for a person who speaks or acts for the body before them ("a Foreign Ministry spokesman") */
    speakerNouns: words(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'chief', 'head', 'source', 'representative',
      // and people who belong to it: "opposition candidates", "opposition groups", "army veterans"
      'candidate', 'member', 'supporter', 'figure', 'group', 'politician', 'veteran', 'faction']),
    timeNouns: words(['today', 'yesterday', 'tonight', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
    backed: words(['back', 'backed', 'support', 'supported', 'sponsor', 'sponsored', 'ally', 'allied', 'align', 'aligned', 'fund', 'funded', 'arm', 'armed', 'inspire', 'inspired']),
    hyphen: vocab.intern('-'),
    former: vocab.intern('former'),
    nationNouns: words(['people', 'public', 'population', 'citizenry', 'populace']),
    nationalWords: words(['national', 'federal']),
    forWord: vocab.intern('for'),
    shadow: vocab.intern('shadow'),
    peerHonorifics: words(['lord', 'lady', 'baroness', 'baron', 'sir', 'dame']),
  };
  return { fillerIds, possessive, theId, inId, stateCodes, attachIds, ids };
}

const wordMemo = new WeakMap<ActorMatcher, { vocab: Vocabulary; words: ReturnType<typeof wordsOf> }>();

function wordsFor(m: ActorMatcher, vocab: Vocabulary): ReturnType<typeof wordsOf> {
  let w = wordMemo.get(m);
  if (!w || w.vocab !== vocab) {
    w = { vocab, words: wordsOf(m, vocab) };
    wordMemo.set(m, w);
  }
  return w.words;
}

export interface MatchOptions {
  date: string | null;
  /** coding semantics other than dyad's (stages/coding-options.ts) */
  coding?: CodingOptions;
}

export function matchActors(
  m: ActorMatcher,
  tokens: TokenTable,
  text: string,
  sentences: readonly Sentence[],
  vocab: Vocabulary,
  opts: MatchOptions,
): ActorMention[] {
  const out: ActorMention[] = [];
  const { fillerIds, possessive, theId, inId, stateCodes, attachIds, ids } = wordsFor(m, vocab);
  const allAgents = opts.coding?.agents === 'all';
  // TABARI's FORMER conversion (coding option formerAgent): "former" before an agent or its actor
  const formerAgent = opts.coding?.formerAgent;
  const formerAt = (i: number) => formerAgent !== undefined && i >= 0 && tokens.norm[i] === ids.former;

  /** among people who share a name, the one holding a role on the date */
  const personIn = (p: Piece): PersonEntry | undefined => {
    const people = p.targets.filter((t) => t.kind === 'person').map((t) => t.person!);
    return (opts.date ? personOn(people, opts.date) : undefined) ?? people[0];
  };
  /** among offices that share a title ("chancellor"), the named country's, else the generic one */
  const titleIn = (p: Piece, country: string | undefined): PhraseTarget | undefined => {
    const titles = p.targets.filter((t) => t.kind === 'title');
    return titles.find((t) => country !== undefined && t.country === country) ?? titles.find((t) => !t.country) ?? titles[0];
  };

  sentences.forEach((s, sIdx) => {
    const pieces = findPieces(m, tokens, text, s, opts.date);
    /** a mention starting at t takes the "the" right before it */
    const withThe = (t: number) => (t > s.tokenStart && tokens.norm[t - 1] === theId ? t - 1 : t);
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      let start = p.start;
      let end = p.end;
      let country: string | undefined;
      let countryTarget: PhraseTarget | undefined;
      let agent: string | undefined;
      let title: PhraseTarget | undefined;
      let person: PersonEntry | undefined;
      let personName: string | undefined;
      let head: PhraseTarget | undefined;
      let kind: ActorKind;
      let code: string;
      let modifier = false;
      let sharedAgent: { list: number[]; agent: string; prefixes: string[] } | undefined;
      const prefixes: string[] = [];
      let roleCodes: string[] = [];
      let name: string | undefined;
      let next = k + 1;

      // gather: [modifier ['s] [fillers]] role+ [person]
      const mod = !p.role ? modifierOf(p) : undefined;
      let roleIdx = k;
      if (mod && mod.kind !== 'institution') {
        let j = p.end;
        if (j < s.tokenEnd && possessive.has(tokens.norm[j]!)) j++;
        // fillers, and adjectives before the role noun: "Ithilen's awful and evil minister"
        const nextStart = pieces[k + 1]?.start ?? s.tokenEnd;
        // a word the tagger took for a verb, after "and" and right before the role noun, is an adjective too:
        // "Ithilen's awful and cool minister"
        const adjLike = (i: number) => tokens.pos[i] === POS.ADJ || (tokens.pos[i] === POS.VERB && i + 1 === nextStart && tokens.pos[i - 1] === POS.CCONJ);
        while (j < nextStart) {
          if (formerAt(j)) {
            j++;
            continue;
          }
          if (opts.coding?.fillers === false) break;
          const adj = adjLike(j) || (tokens.pos[j] === POS.CCONJ && j > p.end && tokens.pos[j - 1] === POS.ADJ && adjLike(j + 1));
          if (!fillerIds.has(tokens.norm[j]!) && !adj) break;
          j++;
        }
        const q = pieces[k + 1];
        if (q && q.role && q.start === j) {
          countryTarget = mod;
          country = mod.code;
          roleIdx = k + 1;
        } else if (q && !q.role && mod.kind !== 'capital' && mod.entry?.kind === 'country' && mod.code.length === 3 && genericInstitution(q) && !genericInstitution(q)!.code.startsWith(mod.code) &&
          // "the Toronto Congress Centre", "the Congress Party": part of another name
          !(q.end < s.tokenEnd && tokens.has(q.end, FLAG.CAP) && !tokens.has(q.end, FLAG.PUNCT)) &&
          (q.start === j || (q.start === j + 1 && ids.nationalWords.has(tokens.norm[j]!)))) {
          // "the Colombian Congress", "Peru's National Congress": a body many states have, of the state named
          const inst = genericInstitution(q)!;
          const st = withThe(p.start);
          out.push({
            text: text.slice(tokens.start[st]!, tokens.end[q.end - 1]!),
            start: tokens.start[st]!,
            end: tokens.end[q.end - 1]!,
            sentence: sIdx,
            code: mod.code + inst.code.slice(3),
            kind: 'institution',
            tokenStart: st,
            tokenEnd: q.end,
            rule: { file: inst.source.file, line: inst.source.line, pattern: `${mod.phrase} + ${inst.phrase}` },
            ...(mod.entry.name ? { name: mod.entry.name } : {}),
          });
          k++;
          continue;
        } else if (q && q.start === j && has(q, 'person') && mod.entry?.kind === 'country') {
          // "Russian Vladimir Putin": the country and the person are one mention
          countryTarget = mod;
          country = mod.code;
          roleIdx = k + 1;
        }
      }
      const roleStartPiece = pieces[roleIdx]!;
      if (roleStartPiece.role) {
        // one or more adjacent role pieces
        let r = roleIdx;
        let last = roleStartPiece;
        const codes: string[] = [];
        for (;;) {
          const rp = pieces[r]!;
          const t = titleIn(rp, country);
          const a = has(rp, 'agent');
          if (t && !title) title = t;
          if (a) (a.prefix ? prefixes : codes).push(a.code);
          // "rebel leaders", "student leaders": a generic leader's GOV after an agent noun leads that agent
          else if (t && !(t.code === 'GOV' && codes.length && !allAgents && r > roleIdx)) codes.push(t.code);
          last = rp;
          const q = pieces[r + 1];
          if (q && q.role && q.start === rp.end) r++;
          else break;
        }
        // "former security officials", "Arnor former officials", "former Gondor prosecutors": once in office,
        // now of the elite (coding option formerAgent, TABARI's FORMER conversion)
        const before = (i: number) => formerAt(i - 1) || (i - 2 >= s.tokenStart && tokens.norm[i - 1] === theId && formerAt(i - 2));
        const former = formerAgent !== undefined && (before(p.start) || before(roleStartPiece.start));
        if (former) codes.splice(0, codes.length, formerAgent);
        roleCodes = codes;
        const pickAgent = () => (allAgents ? codes.join('') : codes.includes('MIL') ? 'MIL' : codes[codes.length - 1] ?? '');
        agent = pickAgent();
        end = last.end;
        next = r + 1;
        // an agent noun that modifies a following noun is not an actor: "military presence", "police station";
        // but "a Foreign Ministry spokesman" speaks for the ministry, and "the government today" is the government
        if (!title && !opts.coding?.agentModifiers && end < s.tokenEnd && tokens.pos[end] === POS.NOUN && !(pieces[r + 1] && pieces[r + 1]!.start === end)) {
          if (ids.speakerNouns.has(tokens.lemma[end]!)) {
            end++;
          } else if (!ids.timeNouns.has(tokens.norm[end]!)) {
            // keep the country before it as a modifier of its own: "the United States' military policies"
            if (countryTarget && k < roleIdx) {
              const t = countryTarget;
              const st = withThe(p.start);
              const mod: ActorMention = {
                text: text.slice(tokens.start[st]!, tokens.end[p.end - 1]!),
                start: tokens.start[st]!,
                end: tokens.end[p.end - 1]!,
                sentence: sIdx,
                code: t.code,
                kind: t.kind === 'capital' ? 'capital' : t.entry?.kind === 'country' ? 'country' : t.entry?.kind === 'organisation' ? 'organisation' : t.entry?.kind === 'community' ? 'community' : 'group',
                tokenStart: st,
                tokenEnd: p.end,
                rule: { file: t.source.file, line: t.source.line, pattern: t.phrase },
                modifier: true,
              };
              if (t.entry?.name) mod.name = t.entry.name;
              out.push(mod);
            }
            k = next - 1;
            continue;
          }
        }
        // "King's College", "the Queen's Speech", "the President's Cup": a title with "'s" before a capitalised word is part of a name
        if (title && end + 1 < s.tokenEnd && possessive.has(tokens.norm[end]!) && tokens.has(end + 1, FLAG.CAP) && tokens.has(end - 1, FLAG.CAP) &&
          !pieces.some((q) => q.start === end + 1)) {
          k = next - 1;
          continue;
        }
        // a one-word title that only one country uses ("leader", "chancellor") needs the country named;
        // longer ones name it themselves ("Secretary of State", "head of the State Department")
        // but not "Secretary of State for Health" (a British cabinet post, not the U.S. one)
        // (an abbreviation one country writes before names names it too: "Sen. Ted Cruz", "Rep. Nancy Mace")
        if (title?.country && !country && (title.phrase.trim().split(/\s+/).length > 1 || /\.$/.test(title.phrase.trim())) && !(end < s.tokenEnd && tokens.norm[end] === ids.forWord)) country = title.country;
        head = title ?? has(last, 'agent');
        // the agent's actor after it: "the government of Gondor", "the foreign ministers of India and China",
        // "Prime Minister Romendacil", "MSF Arnor (diplomat)"; with the country already named, only a name
        // right after ("Bree Prime Minister Romendacil"); a title takes only "of"/"in"/"from" + actor
        {
          const att = attachedActor(pieces, r + 1, end, tokens, s, attachIds);
          // ("Russia forces Ukraine to …": with the country named, a second state right after is no part of the agent)
          // (a plural agent: "Bree Prime Minister Romendacil" is a title and its holder, whatever the dictionary calls him)
          const plural = end - 1 >= 0 && tokens.norm[end - 1] !== tokens.lemma[end - 1];
          const secondState = country && plural && !att?.viaPreposition && !title && (att?.target.entry?.kind === 'country' || att?.target.kind === 'capital' || att?.target.kind === 'adjective');
          if (att && !secondState && (!title || (att.viaPreposition && !country)) && !(country && att.viaPreposition) && (att.viaPreposition || country || opts.coding?.agentBeforeName !== false || (prefixes.length > 0 && !codes.length))) {
            if (!country) {
              countryTarget = att.target;
              country = att.target.code;
            }
            end = pieces[att.piece]!.end;
            next = att.piece + 1;
            for (let q2 = pieces[next]; q2 && q2.role && q2.start === end && has(q2, 'agent'); q2 = pieces[next]) {
              const a2 = has(q2, 'agent')!;
              (a2.prefix ? prefixes : codes).push(a2.code);
              end = q2.end;
              next++;
            }
            agent = pickAgent();
            if (att.list.length && opts.coding?.agentOverList !== 'first') sharedAgent = { list: att.list, agent, prefixes: [...prefixes] };
          } else if (att && att.viaPreposition && !title && !att.list.length && countryTarget?.entry?.kind === 'community' && att.target.entry?.kind === 'country' && !stateCodes.has(countryTarget.code.slice(0, 3))) {
            // "Moslem forces in east Bosnia", "Kurdish fighters in Syria": a community's agents in a state are
            // that state's community (BIHMOSMIL, SYRKURMIL), as "Iraqi Kurds" are IRQKUR
            country = att.target.code.slice(0, 3) + country;
            end = pieces[att.piece]!.end;
            next = att.piece + 1;
          }
        }
        // a person after the title: a dictionary person, or capitalised words
        const q = pieces[r + 1];
        if (title && q && q.start === end && has(q, 'person')) {
          person = personIn(q);
          end = q.end;
          next = r + 2;
        } else if (title || (agent === 'GOV' && !opts.coding?.agentModifiers && /minister$/i.test(has(last, 'agent')?.phrase ?? '') && tokens.has(end - 1, FLAG.CAP))) {
          // a capitalised minister of any portfolio before a name is a person too: "Planning and Investment Minister Tran Xuan Gia"
          let j = end;
          // capitalised words, the last a proper noun: "Prosper Avril" though the tagger took "Prosper" for a verb
          const nameWord = (i: number) => i < s.tokenEnd && tokens.has(i, FLAG.CAP) && !tokens.has(i, FLAG.PUNCT);
          while (nameWord(j) && (tokens.pos[j] === POS.PROPN || (j === end && nameWord(j + 1) && tokens.pos[j + 1] === POS.PROPN))) j++;
          if (j > end && !(q && q.start < j)) {
            personName = text.slice(tokens.start[end]!, tokens.end[j - 1]!);
            end = j;
          }
        }
      } else if (has(roleStartPiece, 'person')) {
        const pp = roleStartPiece;
        // a bare surname right after another capitalised name is someone else: "Sir Ian Blair" is not Tony Blair
        const prev = pp.start - 1;
        const lastPieceEnd = roleIdx > 0 ? pieces[roleIdx - 1]!.end : -1;
        if (pp === p && pp.end - pp.start === 1 && prev >= s.tokenStart && prev >= lastPieceEnd && tokens.pos[prev] === POS.PROPN && tokens.has(prev, FLAG.CAP) && !ids.honorifics.has(tokens.norm[prev]!)) {
          continue;
        }
        // "Lord Ashcroft" is a British peer, not John Ashcroft: after a peer's or knight's honorific a bare
        // surname is the person only if the person held a British post
        if (pp.end - pp.start === 1 && prev >= s.tokenStart && ids.peerHonorifics.has(tokens.norm[prev]!) &&
          !pp.targets.some((t) => t.kind === 'person' && t.person!.roles.some((r) => r.code.startsWith('GBR')))) {
          continue;
        }
        if (prev >= s.tokenStart && ids.honorifics.has(tokens.norm[prev]!)) start = prev;
        person = personIn(pp);
        head = pp.targets.find((t) => t.kind === 'person' && t.person === person);
        end = pp.end;
        next = roleIdx + 1;
      }
      if (person) {
        const coding = codePerson(m.dict, person, opts.date, {
          ...(title?.office ? { office: title.office.id } : {}),
          ...(country ? { country } : {}),
        });
        code = coding.code || (country ? country + (agent ?? 'GOV') : '');
        kind = 'person';
        name = person.name;
        head = head ?? has(p, 'person');
        // "a Trump supporter", "the Biden doctrine": a name before a noun modifies it
        if (!title && end < s.tokenEnd && tokens.pos[end] === POS.NOUN && !pieces.some((q) => q.start === end)) modifier = true;
      } else if (roleStartPiece.role) {
        if (country) {
          code = allAgents ? addAgentCodes(country, agent!)
            : country.length === 3 && (countryTarget?.entry?.kind === 'country' || title?.country === country) ? country + agent : withAgent(country, agent!);
        } else {
          code = '---' + agent;
        }
        // agents written before the actor's code ("MSF Arnor": NGO + ARN); with no actor, after the null code
        // a prefix the actor's code already carries is not written twice ("Human rights activists Amnesty International": NGM)
        if (prefixes.length) code = country ? prefixes.filter((x) => !hasPart(code, x)).join('') + code : '---' + prefixes.join('') + code.slice(3);
        kind = personName ? 'person' : title ? 'description' : 'agent';
        // "the foreign minister" on a date is its holder; "the two leaders" (plural) is nobody in particular
        const plural = tokens.norm[end - 1] !== tokens.lemma[end - 1];
        if (title && !personName && country && opts.date && !plural) {
          const holders = holdersOf(m.dict, country, title.office!.id, opts.date);
          if (holders.length === 1) {
            person = holders[0];
            const coding = codePerson(m.dict, person!, opts.date, { office: title.office!.id, country });
            if (coding.code) code = coding.code;
          }
        }
        name = countryTarget?.entry?.name;
      } else {
        // a name standing alone
        const t = has(p, 'institution') ?? has(p, 'name') ?? has(p, 'capital') ?? has(p, 'demonym') ?? has(p, 'adjective')!;
        // a null-coded name (the peers' [---]: no actor on that date) is a plain noun, when the dictionary says so
        if (!t.code && opts.coding?.nullCodedNames === 'nouns') continue;
        // "Iranian-backed militias": the forces are not the backer's
        if (p.end + 1 < s.tokenEnd && tokens.norm[p.end] === ids.hyphen && ids.backed.has(tokens.lemma[p.end + 1]!)) continue;
        // "Mr Houston", "Baroness Scotland": after an honorific a name is a person, not a place
        if (p.start > s.tokenStart && ids.honorifics.has(tokens.norm[p.start - 1]!)) continue;
        // "the Paris Agreement", "the Miami Herald": a place followed by a proper noun is part of another name
        if (t.kind === 'capital' && p.end < s.tokenEnd && (tokens.pos[p.end] === POS.PROPN || tokens.pos[p.end] === POS.NOUN) && tokens.has(p.end, FLAG.CAP) &&
          !pieces.some((q) => q.start === p.end) && !ids.timeNouns.has(tokens.norm[p.end]!)) continue;
        // "the Congress Centre": a body's word before a capitalised noun is part of another name
        if (genericInstitution(p) && p.end < s.tokenEnd && tokens.has(p.end, FLAG.CAP) && !tokens.has(p.end, FLAG.PUNCT) && !pieces.some((q) => q.start === p.end)) continue;
        // "the National Congress" with no state before it is no U.S. Congress: the state of the sentence, if any
        if (t.kind === 'institution' && genericInstitution(p) && p.start > s.tokenStart && ids.nationalWords.has(tokens.norm[p.start - 1]!) && tokens.has(p.start - 1, FLAG.CAP)) {
          out.push({
            text: text.slice(tokens.start[p.start - 1]!, tokens.end[p.end - 1]!),
            start: tokens.start[p.start - 1]!,
            end: tokens.end[p.end - 1]!,
            sentence: sIdx,
            code: '---' + t.code.slice(3),
            kind: 'institution',
            tokenStart: p.start - 1,
            tokenEnd: p.end,
            rule: { file: t.source.file, line: t.source.line, pattern: `National + ${t.phrase}` },
          });
          continue;
        }
        // a name or adjective before a noun modifies it: "Israeli airstrikes", "the G20 summit", "Russian gas"
        const after = p.end < s.tokenEnd ? tokens.pos[p.end]! : POS.PUNCT;
        // "nine billion US dollars", "the Russian rouble": money and markets, not a state
        if (p.end < s.tokenEnd && tokens.pos[p.end] === POS.NOUN && (m.nonActorHeads.has(tokens.lemma[p.end]!) || m.nonActorHeads.has(tokens.norm[p.end]!))) continue;
        if (t.kind === 'adjective' && (after === POS.PROPN || after === POS.NUM)) continue;
        // "the Zambian people", "the Iranian public": a nation's people are its civilians
        if (t.kind === 'adjective' && t.entry?.kind === 'country' && t.code.length === 3 && !opts.coding?.agentModifiers && after === POS.NOUN && ids.nationNouns.has(tokens.norm[p.end]!) &&
          !(p.end + 1 < s.tokenEnd && (tokens.pos[p.end + 1] === POS.NOUN || tokens.has(p.end + 1, FLAG.CAP) || possessive.has(tokens.norm[p.end + 1]!)))) {
          const st = withThe(start);
          out.push({
            text: text.slice(tokens.start[st]!, tokens.end[p.end]!),
            start: tokens.start[st]!,
            end: tokens.end[p.end]!,
            sentence: sIdx,
            code: t.code + 'CVL',
            kind: 'agent',
            tokenStart: st,
            tokenEnd: p.end + 1,
            rule: { file: t.source.file, line: t.source.line, pattern: `${t.phrase} + ${tokens.surface(text, p.end)}` },
            ...(t.entry.name ? { name: t.entry.name } : {}),
          });
          continue;
        }
        if (after === POS.NOUN || (t.kind === 'adjective' && after === POS.ADJ)) modifier = true;
        head = t;
        code = t.code;
        name = t.entry?.name;
        // "ethnic Albanians in south Serbia", "Kurds in Syria": a community in a state is that state's community
        if (!modifier && t.entry?.kind === 'community' && t.kind !== 'adjective' && !opts.coding?.agents && !stateCodes.has(t.code.slice(0, 3))) {
          const att = attachedActor(pieces, k + 1, p.end, tokens, s, attachIds);
          if (att && att.viaPreposition && !att.list.length && att.target.entry?.kind === 'country' && tokens.norm[p.end] === inId && !t.code.startsWith(att.target.code.slice(0, 3))) {
            code = att.target.code.slice(0, 3) + t.code;
            end = pieces[att.piece]!.end;
            next = att.piece + 1;
          }
        }
        kind =
          t.kind === 'capital' ? 'capital'
          : t.kind === 'institution' ? 'institution'
          : t.entry?.kind === 'country' ? 'country'
          : t.entry?.kind === 'organisation' ? 'organisation'
          : t.entry?.kind === 'community' ? 'community'
          : 'group';
      }
      // "Shadow Foreign Secretary Michael Ancram": the opposition's spokesman for the post
      if (roleStartPiece.role && title && roleStartPiece.start > s.tokenStart && tokens.norm[roleStartPiece.start - 1] === ids.shadow && !allAgents) {
        const c = code.startsWith('---') ? title.country ?? '---' : code.slice(0, 3);
        code = c + 'OPP';
        if (start === roleStartPiece.start) start--;
        person = undefined;
      }
      // include a determiner "the" just before
      start = withThe(start);
      const rule: Provenance = head
        ? { file: head.source.file, line: head.source.line, pattern: head.phrase }
        : { file: '', line: 0 };
      const mention: ActorMention = {
        text: text.slice(tokens.start[start]!, tokens.end[end - 1]!),
        start: tokens.start[start]!,
        end: tokens.end[end - 1]!,
        sentence: sIdx,
        code,
        kind,
        tokenStart: start,
        tokenEnd: end,
        rule,
      };
      if (name) mention.name = name;
      if (modifier) mention.modifier = true;
      if (person) mention.person = person.name;
      else if (personName) mention.person = personName;
      if (title?.office) mention.office = title.office.id;
      out.push(mention);
      k = next - 1;
      // "Danish media and government": a country before two agent nouns joined by "and" is the country of both
      if (roleStartPiece.role && countryTarget && !person && !title) {
        const q = pieces[next];
        const conj = end < s.tokenEnd && attachIds.joiners.has(tokens.norm[end]!) && tokens.pos[end] === POS.CCONJ;
        const qa = q && q.role && conj && q.start === end + 1 ? has(q, 'agent') : undefined;
        const after = q ? q.end : 0;
        // only when the second noun stands alone (not "media and government officials", not "... of X")
        if (qa && !(pieces[next + 1] && pieces[next + 1]!.start === after) && !(after < s.tokenEnd && tokens.pos[after] === POS.NOUN)) {
          const shared = allAgents ? roleCodes.slice(0, -1).join('') : '';
          const base = allAgents ? addAgentCodes(country!, shared + qa.code) : countryTarget.entry?.kind === 'country' ? country + qa.code : withAgent(country!, qa.code);
          out.push({
            text: text.slice(tokens.start[q!.start]!, tokens.end[q!.end - 1]!),
            start: tokens.start[q!.start]!,
            end: tokens.end[q!.end - 1]!,
            sentence: sIdx,
            code: prefixes.join('') + base,
            kind: 'agent',
            tokenStart: q!.start,
            tokenEnd: q!.end,
            rule: { file: qa.source.file, line: qa.source.line, pattern: qa.phrase },
            ...(countryTarget.entry?.name ? { name: countryTarget.entry.name } : {}),
          });
          k = next;
        }
      }
      // "the ambassadors of Arnor, Osgiliath and Gondor": every actor of the list has the agent
      if (sharedAgent) {
        for (const i of sharedAgent.list) {
          const q = pieces[i]!;
          const t = q.targets.find((x) => x.kind !== 'agent' && x.kind !== 'title')!;
          const base = allAgents ? addAgentCodes(t.code, sharedAgent.agent) : t.entry?.kind === 'country' ? t.code + sharedAgent.agent : withAgent(t.code, sharedAgent.agent);
          const qs = withThe(q.start);
          out.push({
            text: text.slice(tokens.start[qs]!, tokens.end[q.end - 1]!),
            start: tokens.start[qs]!,
            end: tokens.end[q.end - 1]!,
            sentence: sIdx,
            code: sharedAgent.prefixes.join('') + base,
            kind: 'agent',
            tokenStart: qs,
            tokenEnd: q.end,
            rule: { file: t.source.file, line: t.source.line, pattern: t.phrase },
            ...(t.entry?.name ? { name: t.entry.name } : {}),
          });
          k = Math.max(k, i);
        }
      }
    }
  });
  return out;
}

/**
 * An organisation's or group's code with an agent added, unless the code
 * already carries it ("Houthi rebels": YEMREBHTH stays YEMREBHTH) or the
 * agent is the generic GOV ("UN officials" stay IGOUNO).
 */
/** Whether a code holds the three-letter part (an agent or actor code) anywhere in it. */
function hasPart(code: string, part: string): boolean {
  for (let i = 0; i + part.length <= code.length; i += 3) if (code.slice(i, i + part.length) === part) return true;
  return false;
}

function withAgent(code: string, agent: string): string {
  if (agent === 'GOV') return code;
  for (let i = 3; i + 3 <= code.length; i += 3) if (code.slice(i, i + 3) === agent) return code;
  return code + agent;
}
