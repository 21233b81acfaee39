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
import { codePerson, holdersOn } from '../../ontology/roles.js';
import { inRange } from '../../ontology/dates.js';
import type { PersonEntry } from '../../ontology/types.js';
import type { ActorMatcher, PhraseTarget, TrieNode } from './compile-actors.js';

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

function longest(root: TrieNode, tokens: TokenTable, text: string, i: number, end: number, lemmas: boolean, date: string | null): Piece | null {
  let node: TrieNode | undefined = root;
  let best: Piece | null = null;
  for (let j = i; j < end; j++) {
    const next: TrieNode | undefined = node.next.get(tokens.norm[j]!) ?? (lemmas ? node.next.get(tokens.lemma[j]!) : undefined);
    if (!next) break;
    node = next;
    if (node.targets.length) {
      // dated entries: the one valid on the date; a name whose every entry lies in the past still names it
      let ok = node.targets.filter((t) => allowed(t, tokens, text, i, date));
      if (!ok.length && date) ok = node.targets.filter((t) => allowed(t, tokens, text, i, null));
      if (ok.length) best = { start: i, end: j + 1, targets: ok, role: lemmas };
    }
  }
  return best;
}

function findPieces(m: ActorMatcher, tokens: TokenTable, text: string, s: Sentence, date: string | null): Piece[] {
  const out: Piece[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; ) {
    if (tokens.has(i, FLAG.PUNCT)) {
      i++;
      continue;
    }
    const a = longest(m.names, tokens, text, i, s.tokenEnd, false, date);
    const b = longest(m.roles, tokens, text, i, s.tokenEnd, true, date);
    const p = a && (!b || a.end >= b.end) ? a : b;
    if (p) {
      out.push(p);
      i = p.end;
    } else i++;
  }
  return out;
}

const has = (p: Piece, kind: PhraseTarget['kind']) => p.targets.find((t) => t.kind === kind);
/** a piece that can modify a role noun: a country adjective or a country/organisation name */
const modifierOf = (p: Piece) =>
  has(p, 'adjective') ?? has(p, 'name') ?? has(p, 'capital') ?? has(p, 'institution');

/** Words that may stand between a country and a title: "Chinese (senior) Foreign Minister". */
const FILLERS = new Set([
  'senior', 'top', 'former', 'then', 'deputy', 'acting', 'first', 'new', 'chief', 'outgoing', 'incoming',
  'interim', 'veteran', 'current', 'local', 'two', 'three', 'several', 'some', 'many', 'other', 'visiting',
]);

export interface MatchOptions {
  date: string | null;
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
  const fillerIds = new Set([...FILLERS].map((w) => vocab.lookup(w)).filter((id) => id > 0));
  const possessive = new Set(["'s", '’s', "'", '’'].map((w) => vocab.lookup(w)).filter((id) => id > 0));
  const theId = vocab.lookup('the');

  sentences.forEach((s, sIdx) => {
    const pieces = findPieces(m, tokens, text, s, opts.date);
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
      let name: string | undefined;
      let next = k + 1;

      // gather: [modifier ['s] [fillers]] role+ [person]
      const mod = !p.role ? modifierOf(p) : undefined;
      let roleIdx = k;
      if (mod && mod.kind !== 'institution') {
        let j = p.end;
        if (j < s.tokenEnd && possessive.has(tokens.norm[j]!)) j++;
        while (j < s.tokenEnd && fillerIds.has(tokens.norm[j]!)) j++;
        const q = pieces[k + 1];
        if (q && q.role && q.start === j) {
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
          const t = has(rp, 'title');
          const a = has(rp, 'agent');
          if (t && !title) title = t;
          if (a) codes.push(a.code);
          else if (t) codes.push(t.code);
          last = rp;
          const q = pieces[r + 1];
          if (q && q.role && q.start === rp.end) r++;
          else break;
        }
        agent = codes.includes('MIL') ? 'MIL' : codes[codes.length - 1];
        end = last.end;
        next = r + 1;
        // an agent noun that modifies a following noun is not an actor: "military presence", "police station"
        if (!title && end < s.tokenEnd && tokens.pos[end] === POS.NOUN && !(pieces[r + 1] && pieces[r + 1]!.start === end)) {
          k = next - 1;
          continue;
        }
        if (title?.country && !country) country = title.country;
        head = title ?? has(last, 'agent');
        // a person after the title: a dictionary person, or capitalised words
        const q = pieces[r + 1];
        if (title && q && q.start === end && has(q, 'person')) {
          person = has(q, 'person')!.person;
          end = q.end;
          next = r + 2;
        } else if (title) {
          let j = end;
          while (j < s.tokenEnd && tokens.pos[j] === POS.PROPN && tokens.has(j, FLAG.CAP) && !tokens.has(j, FLAG.PUNCT)) j++;
          if (j > end && !(q && q.start < j)) {
            personName = text.slice(tokens.start[end]!, tokens.end[j - 1]!);
            end = j;
          }
        }
      } else if (has(p, 'person')) {
        // a bare surname right after another capitalised name is someone else: "Sir Ian Blair" is not Tony Blair
        const prev = p.start - 1;
        const lastPieceEnd = k > 0 ? pieces[k - 1]!.end : -1;
        if (p.end - p.start === 1 && prev >= s.tokenStart && prev >= lastPieceEnd && tokens.pos[prev] === POS.PROPN && tokens.has(prev, FLAG.CAP)) {
          continue;
        }
        person = has(p, 'person')!.person;
        head = has(p, 'person');
      }
      if (person) {
        const coding = codePerson(person, opts.date, m.offices, {
          ...(title?.office ? { office: title.office.id } : {}),
          ...(country ? { country } : {}),
        });
        code = coding.code || (country ? country + (agent ?? 'GOV') : '');
        kind = 'person';
        name = person.name;
        head = head ?? has(p, 'person');
      } else if (roleStartPiece.role) {
        if (country) {
          code = countryTarget?.entry?.kind === 'country' || title?.country ? country + agent : withAgent(country, agent!);
          if (!countryTarget && title?.country) code = title.country + agent;
        } else {
          code = '---' + agent;
        }
        kind = title ? (personName ? 'person' : 'description') : 'agent';
        if (title && !personName && country && opts.date) {
          const holders = holdersOn(m.dict.people, country, title.office!.id, opts.date);
          if (holders.length === 1) {
            person = holders[0];
            const coding = codePerson(person!, opts.date, m.offices, { office: title.office!.id, country });
            if (coding.code) code = coding.code;
          }
        }
        name = countryTarget?.entry?.name;
      } else {
        // a name standing alone
        const t = has(p, 'institution') ?? has(p, 'name') ?? has(p, 'capital') ?? has(p, 'demonym') ?? has(p, 'adjective')!;
        if (t.kind === 'adjective') {
          // "Chinese" alone is an actor only when it heads its phrase: "the Chinese said"
          const after = p.end < s.tokenEnd ? tokens.pos[p.end]! : POS.PUNCT;
          if (after === POS.NOUN || after === POS.PROPN || after === POS.ADJ || after === POS.NUM) continue;
        }
        head = t;
        code = t.code;
        name = t.entry?.name;
        kind =
          t.kind === 'capital' ? 'capital'
          : t.kind === 'institution' ? 'institution'
          : t.entry?.kind === 'country' ? 'country'
          : t.entry?.kind === 'organisation' ? 'organisation'
          : 'group';
      }
      // include a determiner "the" just before
      if (start > s.tokenStart && tokens.norm[start - 1] === theId) start--;
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
      if (person) mention.person = person.name;
      else if (personName) mention.person = personName;
      if (title?.office) mention.office = title.office.id;
      out.push(mention);
      k = next - 1;
    }
  });
  return out;
}

/**
 * An organisation's or group's code with an agent added, unless the code
 * already carries it ("Houthi rebels": YEMREBHTH stays YEMREBHTH) or the
 * agent is the generic GOV ("UN officials" stay IGOUNO).
 */
function withAgent(code: string, agent: string): string {
  if (agent === 'GOV') return code;
  for (let i = 3; i + 3 <= code.length; i += 3) if (code.slice(i, i + 3) === agent) return code;
  return code + agent;
}
