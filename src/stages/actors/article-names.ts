/**
 * The surnames an article gives its people. News names a person in full
 * once, with a title, then by surname alone:
 *
 *   Philippine Defence Secretary Gilberto Teodoro signed the deal …
 *   Teodoro criticised China …             → Gilberto Teodoro (PHLGOV)
 *
 * The dictionaries know the surnames of the people they list ("Lavrov");
 * a person the article named with a title and a name the dictionaries do not
 * hold is known by surname only in that article. Each later surname that no
 * mention covers becomes a mention of that person, with the code the full
 * mention had, and `ref` pointing back to it, so that coreference, events
 * and quotes read it as they read any person's name.
 *
 * The surname is the name's last word (before "Jr." or "III"); for people
 * of states whose names put the family name first, as English news writes
 * them ("Wang Yi", "Lai Ching-te", "Yoon Suk Yeol", "Hun Manet"), it is the
 * first word as well. A word
 * inside another name ("Maria Teodoro", "Teodoro Locsin") is someone else,
 * and where two people of the article share a surname the latest named
 * before is meant.
 */
import type { ActorMention } from '../../core/layers.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import type { Vocabulary } from '../../core/vocabulary.js';

const SUFFIXES = ['jr', 'sr', 'ii', 'iii', 'iv'];
/** states whose people English news names family name first (not Japan's: "Fumio Kishida") */
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'VNM', 'KHM', 'SGP', 'MNG']);
const HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'dr', 'prof'];

interface NameWords {
  suffixes: Set<number>;
  honorifics: Set<number>;
  period: number;
}
const wordsOf = new WeakMap<Vocabulary, NameWords>();

function nameWords(vocab: Vocabulary): NameWords {
  let w = wordsOf.get(vocab);
  if (!w) {
    const ids = (xs: readonly string[]) => new Set(xs.flatMap((x) => [vocab.intern(x), vocab.intern(x + '.')]));
    w = { suffixes: ids(SUFFIXES), honorifics: ids(HONORIFICS), period: vocab.intern('.') };
    wordsOf.set(vocab, w);
  }
  return w;
}

/** the token of the surname of a person mention whose name ends it, or -1 */
function surnameToken(a: ActorMention, tokens: TokenTable, w: NameWords): number {
  let t = a.tokenEnd - 1;
  if (t > a.tokenStart && tokens.norm[t] === w.period) t--;
  if (t > a.tokenStart && w.suffixes.has(tokens.norm[t]!)) t--;
  if (t > a.tokenStart && tokens.norm[t] === w.period) t--;
  // a name of two words at least, the surname a capitalised word of letters
  if (t <= a.tokenStart || !tokens.has(t, FLAG.CAP) || tokens.has(t, FLAG.PUNCT) || !tokens.has(t - 1, FLAG.CAP)) return -1;
  return t;
}

/** the first word of a family-name-first person's name in the mention ("Chinese Foreign Minister Wang Yi" → Wang), or -1 */
function familyFirst(a: ActorMention, tokens: TokenTable, text: string): number {
  if (!FAMILY_FIRST.has(a.code.slice(0, 3)) || !a.person) return -1;
  const given = a.person.split(/\s+/);
  if (given.length < 2) return -1;
  for (let t = a.tokenStart; t < a.tokenEnd; t++) {
    if (tokens.surface(text, t) === given[0] && t + 1 < a.tokenEnd && tokens.has(t + 1, FLAG.CAP)) return t;
  }
  return -1;
}

export function articleSurnames(layer: ActorMention[], tokens: TokenTable, text: string, vocab: Vocabulary): ActorMention[] {
  if (!layer.length) return layer;
  const w = nameWords(vocab);
  // surname → the person mentions that end with it, in text order
  const named = new Map<number, number[]>();
  layer.forEach((a, i) => {
    if (a.kind !== 'person' || !a.person || !a.code || a.code.startsWith('---') || a.modifier) return;
    const t = surnameToken(a, tokens, w);
    if (t < 0) return;
    const add = (k: number) => {
      const list = named.get(tokens.norm[k]!);
      if (list) list.push(i);
      else named.set(tokens.norm[k]!, [i]);
    };
    add(t);
    const first = familyFirst(a, tokens, text);
    if (first >= 0 && first !== t) add(first);
  });
  if (!named.size) return layer;
  const covered = new Uint8Array(tokens.length);
  for (const a of layer) for (let t = a.tokenStart; t < a.tokenEnd; t++) covered[t] = 1;
  const nameWord = (t: number) => t >= 0 && t < tokens.length && tokens.has(t, FLAG.CAP) && !tokens.has(t, FLAG.PUNCT) && (tokens.pos[t] === POS.PROPN || tokens.pos[t] === POS.NOUN);
  const added: ActorMention[] = [];
  const first = layer[0]!.tokenStart;
  for (let t = first; t < tokens.length; t++) {
    if (covered[t]) continue;
    const list = named.get(tokens.norm[t]!);
    if (!list || !nameWord(t)) continue;
    let ante = -1;
    for (const i of list) if (layer[i]!.tokenEnd <= t) ante = i;
    if (ante < 0) continue;
    const sameSentence = (k: number) => tokens.sentence[k] === tokens.sentence[t];
    // part of another name: "Maria Teodoro", "Teodoro Locsin" (an honorific before is the same person: "Mr Teodoro")
    const honorific = t > 0 && sameSentence(t - 1) && w.honorifics.has(tokens.norm[t - 1]!);
    if (!honorific && t > 0 && sameSentence(t - 1) && nameWord(t - 1)) continue;
    if (t + 1 < tokens.length && sameSentence(t + 1) && nameWord(t + 1) && tokens.pos[t + 1] === POS.PROPN) continue;
    const a = layer[ante]!;
    const from = honorific ? t - 1 : t;
    added.push({
      text: text.slice(tokens.start[from]!, tokens.end[t]!),
      start: tokens.start[from]!,
      end: tokens.end[t]!,
      sentence: tokens.sentence[t]!,
      code: a.code,
      ...(a.name ? { name: a.name } : {}),
      person: a.person!,
      kind: 'person',
      ...(a.office ? { office: a.office } : {}),
      tokenStart: from,
      tokenEnd: t + 1,
      rule: { file: a.rule.file, line: a.rule.line, pattern: `${tokens.surface(text, t)}, as the article names ${a.person}` },
      ref: ante,
    });
  }
  if (!added.length) return layer;
  // `ref` indexes the layer as it is returned: map the old indexes to the merged order
  const merged = [...layer.map((a, i) => ({ a, old: i })), ...added.map((a) => ({ a, old: -1 }))].sort((x, y) => x.a.tokenStart - y.a.tokenStart);
  const index = new Map<number, number>();
  merged.forEach((m, i) => {
    if (m.old >= 0) index.set(m.old, i);
  });
  return merged.map((m) => (m.old < 0 || m.a.ref !== undefined ? { ...m.a, ...(m.a.ref !== undefined ? { ref: index.get(m.a.ref)! } : {}) } : m.a));
}

/**
 * "Amnesty International Kenya", "Save the Children UK": a non-governmental
 * organisation's name followed by a country's is the organisation's branch
 * in that country, one actor (the organisation), not the state.
 */
export function organisationBranches(layer: ActorMention[], tokens: TokenTable): ActorMention[] {
  const branch = (a: ActorMention, b: ActorMention | undefined): b is ActorMention =>
    b !== undefined && a.kind === 'organisation' && a.code.startsWith('NGO') && b.kind === 'country' && b.tokenStart === a.tokenEnd &&
    b.sentence === a.sentence && tokens.has(b.tokenStart, FLAG.CAP) && !/^the\s/i.test(b.text);
  if (!layer.some((a, i) => branch(a, layer[i + 1]))) return layer;
  const out: ActorMention[] = [];
  for (let i = 0; i < layer.length; i++) {
    const a = layer[i]!;
    const b = layer[i + 1];
    if (branch(a, b)) {
      out.push({ ...a, text: `${a.text} ${b.text}`, end: b.end, tokenEnd: b.tokenEnd });
      i++;
    } else out.push(a);
  }
  return out;
}
