/**
 * Translates PETRARCH and TABARI dictionaries (as read by the peer readers)
 * into dyad's own dictionary model, so dyad's actor matcher and event coder
 * code with them unchanged:
 *
 *   actor `NAME_ [CODE]`, dated `[CODE date-date]` lines
 *       → ActorEntry; a dated actor becomes one entry per stretch of time
 *         with one code (`from`/`until`), the peer's first-restriction-wins
 *         rule applied here; a null code is the code ''
 *   agent `NOUN [~GOV]` / `[NGO~]`       → AgentEntry (prefix for `CODE~`)
 *   verb block, verbs and patterns        → VerbEntry per verb (and per
 *         multi-word verb: its other words become glued pattern words)
 *   synset `&NAME`                        → word set `name`
 *   discards, TABARI `[###]` verbs        → DiscardEntry
 *
 * Word marks become dyad's: a TABARI stem `RESTOR` is `restor*`; `WORD_`
 * lists the word with its regular endings; PETRARCH's automatic plurals and
 * verb forms are written out.
 */
import type { Provenance } from '../../core/layers.js';
import { DISCARD_CODE, NULL_CODE, type PatternElement, type VerbDictionary, type VerbEntry, type VerbPattern, type WordSet } from '../load-verbs.js';
import type { ActorDictionary, ActorEntry, AgentEntry, DiscardEntry, Phrase } from '../types.js';
import { shiftDay, type DatedCode } from './peer-lines.js';
import { petrarchPlural, petrarchVerbForms, tabariEndings } from './peer-phrase.js';
import type {
  Dialect,
  PeerActor,
  PeerActorFile,
  PeerAgentFile,
  PeerCode,
  PeerDiscardFile,
  PeerPattern,
  PeerPatternElement,
  PeerPhrase,
  PeerVerb,
  PeerVerbFile,
  PeerWord,
} from './peer-types.js';

/** Codes that mean "do not code this sentence" in TABARI: discard and complex. */
export const TABARI_DISCARD_CODES = ['###', '+++'];
/** TABARI's complex code, which PETRARCH does not implement */
const COMPLEX_CODE = '+++';

export interface PeerDictionaries {
  dialect: Dialect;
  actors: PeerActorFile[];
  agents: PeerAgentFile[];
  verbs: PeerVerbFile[];
  discards: PeerDiscardFile[];
}

export interface PeerOntologyParts {
  actors: ActorDictionary;
  verbs: VerbDictionary;
  discards: DiscardEntry[];
  /** every event code the verb dictionaries use */
  codes: Set<string>;
}

/** The forms a word stands for, as dyad phrase words: `restor*` for a stem. */
function wordForms(w: PeerWord, verb: boolean): string[] {
  switch (w.match) {
    case 'exact':
      return [w.text];
    case 'plural':
      return [...new Set([w.text, petrarchPlural(w.text)])];
    case 'endings':
      return tabariEndings(w.text, verb);
    case 'stem':
      return [w.text + '*'];
  }
}

/**
 * A peer phrase as dyad phrase texts. Only the last word's endings are
 * spelled out (so "ITHILEN_GOVERNMENT_RADIO_" gives "... radio", "... radios");
 * stems anywhere are kept as `word*`.
 */
function phraseTexts(p: PeerPhrase, gaps = true): string[] {
  const word = (w: PeerWord, i: number, text: string) => (gaps && i > 0 && w.gapBefore ? '.. ' : '') + text;
  const head = p.words.slice(0, -1).map((w, i) => word(w, i, w.match === 'stem' ? w.text + '*' : w.text));
  const n = p.words.length - 1;
  const last = p.words[n]!;
  return wordForms(last, false).map((f) => [...head, word(last, n, f)].join(' '));
}

const phrasesOf = (ps: readonly PeerPhrase[], file: string): Phrase[] =>
  ps.flatMap((p) => phraseTexts(p).map((text) => ({ text, source: { file, line: p.line } })));

/**
 * A dated actor's codes as stretches of time with one code each: the first
 * restriction that covers a day wins, else the default, else null-coded ('').
 */
export function datedStretches(codes: readonly DatedCode[]): { code: string; from: string | null; until: string | null }[] {
  const restricted = codes.filter((c) => c.from !== null || c.until !== null);
  const fallback = codes.find((c) => c.from === null && c.until === null)?.code ?? '';
  if (!restricted.length) return [{ code: fallback, from: null, until: null }];
  // breakpoints: each restriction starts a stretch at `from` and ends one after `until`
  const starts = new Set<string>();
  for (const c of restricted) {
    if (c.from) starts.add(c.from);
    if (c.until) starts.add(shiftDay(c.until, 1));
  }
  const points = [...starts].sort();
  const stretches: { code: string; from: string | null; until: string | null }[] = [];
  const codeOn = (day: string | null): string => {
    for (const c of restricted) {
      const afterFrom = c.from === null || (day !== null && day >= c.from);
      const beforeUntil = c.until === null || (day !== null && day <= c.until);
      if (day === null ? c.from === null : afterFrom && beforeUntil) return c.code;
    }
    return fallback;
  };
  // the stretch before the first point, then one per point
  const bounds: [string | null, string | null][] = [[null, shiftDay(points[0]!, -1)]];
  points.forEach((p, i) => bounds.push([p, i + 1 < points.length ? shiftDay(points[i + 1]!, -1) : null]));
  for (const [from, until] of bounds) {
    const code = codeOn(from ?? until);
    const last = stretches[stretches.length - 1];
    if (last && last.code === code) last.until = until;
    else stretches.push({ code, from, until });
  }
  return stretches;
}

function actorEntries(a: PeerActor, file: string): ActorEntry[] {
  const names = phrasesOf(a.phrases, file);
  const source: Provenance = { file, line: a.line };
  const name = a.phrases[0]!.written.replace(/_/g, ' ').trim();
  return datedStretches(a.codes).map((st) => {
    const code = st.code === NULL_CODE ? '' : st.code.toUpperCase();
    const e: ActorEntry = {
      code,
      name,
      // a bare three-letter code is a state (agents are appended to it); longer codes are groups
      kind: /^[A-Z]{3}$/.test(code) ? 'country' : 'group',
      names,
      adjectives: [],
      demonyms: [],
      capitals: [],
      institutions: [],
      source,
    };
    if (st.from) e.from = st.from;
    if (st.until) e.until = st.until;
    return e;
  });
}

function agentEntries(f: PeerAgentFile, dialect: Dialect): AgentEntry[] {
  return f.agents.map((a) => {
    const e: AgentEntry = { code: a.code, name: a.phrases[0]!.written.replace(/_/g, ' '), nouns: phrasesOf(a.phrases, f.file), source: { file: f.file, line: a.line } };
    if (a.position === 'prefix') e.prefix = true;
    // PETRARCH's reader spells out the plurals: "Gondor's polices" is no POLICE {}
    if (dialect === 'petrarch') e.listedForms = true;
    return e;
  });
}

/** dyad set names are lower case with `-` */
export const setName = (peer: string) => peer.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(\d)/, 's$1') || 'set';

/**
 * A pattern word. TABARI's `WORD_` in a pattern is the word itself: endings
 * are for the verb and for actor nouns only (its suite: "noun endings do not
 * match on phrase", NOUNEND-13b; RESOLUTION_ does not match "resolutions").
 */
function wordElement(w: PeerWord, adjacent: boolean, verb = false): PatternElement {
  const forms = w.match === 'endings' && !verb ? [w.text] : wordForms(w, verb);
  const words = forms.filter((f) => !f.endsWith('*'));
  const prefixes = forms.filter((f) => f.endsWith('*'));
  const el: PatternElement = { kind: 'word', words, exact: true, adjacent };
  if (prefixes.length) el.prefixes = prefixes.map((p) => p.slice(0, -1));
  return el;
}

function translateElements(els: readonly PeerPatternElement[]): PatternElement[] {
  return els.map((e): PatternElement => {
    switch (e.kind) {
      case 'verb':
        return { kind: 'trigger', adjacent: e.adjacent };
      case 'word':
        return wordElement(e.word, e.adjacent);
      case 'synset':
        return { kind: 'set', name: setName(e.name), adjacent: e.adjacent };
      case 'alternatives':
        return {
          kind: 'alternatives',
          adjacent: e.adjacent,
          options: e.options.map((o) =>
            o.map((w, i): PatternElement =>
              w.text.startsWith('&') ? { kind: 'set', name: setName(w.text.slice(1)), adjacent: i > 0 && !w.gapBefore } : wordElement(w, i > 0 && !w.gapBefore),
            ),
          ),
        };
      default:
        return { kind: e.kind, adjacent: e.adjacent };
    }
  });
}

/**
 * A code as dyad carries it. TABARI marks some codes with a final `!`
 * (ATTEND [031!]) that its output does not show: dropped. A final `?` (SAID
 * [023?], REPORT [025?]) marks say-verbs whose events its suite never
 * expects: kept, but not an event code (see peerToOntology).
 */
const clean = (c: string) => c.replace(/!$/, '');
const codeOf = (c: PeerCode | null | undefined): { code: string; paired?: string } | null =>
  c ? (c.paired ? { code: clean(c.code), paired: clean(c.paired) } : { code: clean(c.code) }) : null;

/**
 * How much literal text a TABARI pattern asks for: the letters of its words,
 * the shortest option of an alternative, a synset's shortest member a little
 * less than the same word written out.
 */
function literalChars(els: readonly PeerPatternElement[], synsets: ReadonlyMap<string, { members: PeerPatternElement[][] }>, depth = 0): number {
  let n = 0;
  for (const e of els) {
    if (e.kind === 'word') n += e.word.text.length;
    else if (e.kind === 'alternatives') n += Math.min(...e.options.map((o) => o.reduce((a, w) => a + (w.text.startsWith('&') ? 3 : w.text.length), 0)));
    else if (e.kind === 'synset') {
      const syn = synsets.get(e.name);
      n += syn && depth < 3 && syn.members.length ? Math.min(...syn.members.map((m) => literalChars(m, synsets, depth + 1))) - 0.5 : 0;
    }
  }
  return n;
}

/**
 * PETRARCH keeps dyad's order (most literal words first). TABARI tries the
 * pattern that names the most literal text first, ties in file order: its
 * suite prefers "* RESISTANCE TO THE INVADING" over "* RESIST {TO THE END|...}"
 * (PATTERN-33b) and a word written out over the same word in a synset (SYNSET-07).
 */
function orderPatterns(ps: readonly PeerPattern[], file: PeerVerbFile): PeerPattern[] {
  if (file.dialect !== 'tabari') return [...ps];
  const w = new Map(ps.map((p) => [p, literalChars(p.elements, file.synsets)]));
  return [...ps].sort((a, b) => w.get(b)! - w.get(a)!);
}

interface Variant {
  trigger: PeerWord;
  before: PeerWord[];
  after: PeerWord[];
}

function variantsOf(v: PeerVerb, dialect: Dialect): Variant[] {
  const split = (words: PeerWord[], idx: number): Variant => ({ trigger: words[idx]!, before: words.slice(0, idx), after: words.slice(idx + 1) });
  const out: Variant[] = [split(v.words, v.verbIndex)];
  for (const f of v.forms) {
    // a form names the same verb position as the head when it has as many words
    const idx = f.length === v.words.length ? v.verbIndex : 0;
    out.push(split(f, Math.min(idx, f.length - 1)));
  }
  if (dialect === 'petrarch' && !v.explicitForms) {
    const base = out[0]!;
    for (const form of petrarchVerbForms(base.trigger.text).slice(1)) out.push({ ...base, trigger: { ...base.trigger, text: form } });
  }
  return out;
}

function translateVerbs(file: PeerVerbFile, discards: DiscardEntry[], codes: Set<string>): { entries: VerbEntry[]; sets: Map<string, WordSet> } {
  const dialect = file.dialect;
  const sets = new Map<string, WordSet>();
  for (const syn of file.synsets.values()) {
    const set: WordSet = { words: [], source: { file: file.file, line: syn.line } };
    for (const m of syn.members) {
      const els = translateElements(m);
      const only = els[0];
      if (els.length === 1 && only?.kind === 'word' && !only.prefixes) set.words.push(...only.words);
      else (set.members ??= []).push(els);
    }
    sets.set(setName(syn.name), set);
  }
  const entries: VerbEntry[] = [];
  for (const block of file.blocks) {
    // PETRARCH has no complex codes (TABARI's `+++`; its suite's DEMO-04: "not implemented"): a pattern
    // coded [+++] codes nothing, and the verb's other patterns are tried
    const applied = dialect === 'petrarch' ? block.patterns.filter((p) => codeOf(p.code)?.code !== COMPLEX_CODE) : block.patterns;
    const patterns: VerbPattern[] = orderPatterns(applied, file).map((p) => {
      const pc = codeOf(p.code)!;
      const vp: VerbPattern = { code: pc.code, elements: translateElements(p.elements), text: p.written.replace(/^-\s*/, ''), source: { file: file.file, line: p.line } };
      if (pc.paired) vp.paired = pc.paired;
      codes.add(pc.code);
      if (pc.paired) codes.add(pc.paired);
      return vp;
    });
    for (const v of block.verbs) {
      const written = codeOf(v.code ?? block.code);
      const own = dialect === 'petrarch' && written?.code === COMPLEX_CODE ? null : written;
      if (own) {
        codes.add(own.code);
        if (own.paired) codes.add(own.paired);
      }
      // TABARI: a verb coded [###] (FOOTBALL, WORLD_CUP) is a discard phrase
      if (dialect === 'tabari' && own && TABARI_DISCARD_CODES.includes(own.code) && !block.patterns.length) {
        for (const text of phraseTexts({ words: v.words, written: v.written, line: v.line })) {
          discards.push({ phrase: { text, source: { file: file.file, line: v.line } }, scope: 'sentence' });
        }
        continue;
      }
      // group the variants by their other words: each group is one entry
      const groups = new Map<string, Variant[]>();
      for (const va of variantsOf(v, dialect)) {
        const key = `${va.before.map((w) => w.text).join('_')}|${va.after.map((w) => w.text).join('_')}|${va.trigger.match === 'stem' ? 'stem:' + va.trigger.text : 'forms'}`;
        groups.set(key, [...(groups.get(key) ?? []), va]);
      }
      for (const group of groups.values()) {
        const first = group[0]!;
        const stem = first.trigger.match === 'stem';
        const forms = stem ? [] : [...new Set(group.flatMap((g) => wordForms(g.trigger, true)))];
        const particles = first.before.length + first.after.length > 0;
        // the verb's other words stand around the trigger: glued (PETRARCH, TABARI `_`) or a few words apart (TABARI blank)
        const glued = (w: PeerWord) => dialect === 'petrarch' || !w.gapBefore;
        const glue = (els: PatternElement[]): PatternElement[] => {
          if (!particles) return els;
          const t = els.findIndex((e) => e.kind === 'trigger');
          const at = els[t]!.adjacent;
          const before = first.before.map((w, i) => wordElement(w, i === 0 ? at : glued(w)));
          const trig: PatternElement = { kind: 'trigger', adjacent: before.length ? glued(first.trigger) : at };
          const after = first.after.map((w) => wordElement(w, glued(w)));
          return [...els.slice(0, t), ...before, trig, ...after, ...els.slice(t + 1)];
        };
        const entry: VerbEntry = {
          lemma: stem ? first.trigger.text : forms[0]!,
          code: null,
          // PETRARCH takes a word as a verb only where the parser tags it so
          pos: dialect === 'petrarch' ? 'verb' : 'any',
          reciprocal: false,
          match: stem ? 'prefix' : 'forms',
          order: dialect === 'tabari' ? 'file' : 'specific',
          forms: stem ? [] : forms.slice(1),
          patterns: patterns.map((p) => ({ ...p, elements: glue(p.elements) })),
          source: { file: file.file, line: v.line },
        };
        if (own && own.code !== NULL_CODE) {
          if (particles) {
            const dp: VerbPattern = { code: own.code, elements: glue([{ kind: 'trigger', adjacent: false }]), text: v.written, source: { file: file.file, line: v.line } };
            if (own.paired) dp.paired = own.paired;
            entry.patterns.push(dp);
          } else {
            entry.code = own.code;
            if (own.paired) entry.pairedCode = own.paired;
          }
        } else if (own?.paired) {
          // `[:173]` / `[---:033]`: only the paired event
          entry.code = NULL_CODE;
          entry.pairedCode = own.paired;
        }
        if (!entry.code && !entry.patterns.length) continue;
        entries.push(entry);
      }
    }
  }
  return { entries, sets };
}

/** Builds dyad's dictionaries from peer dictionaries. */
export function peerToOntology(d: PeerDictionaries): PeerOntologyParts {
  const entries = d.actors.flatMap((f) => f.actors.flatMap((a) => actorEntries(a, f.file)));
  const agents = d.agents.flatMap((f) => agentEntries(f, d.dialect));
  const discards: DiscardEntry[] = [];
  for (const f of d.discards) {
    for (const x of f.discards) {
      const text = x.phrase.words.map((w) => (w.match === 'stem' ? w.text + '*' : w.text)).join(' ');
      discards.push({ phrase: { text, source: { file: f.file, line: x.line } }, scope: x.scope });
    }
  }
  const codes = new Set<string>();
  const verbs: VerbDictionary = { entries: [], modifiers: [], sets: new Map() };
  for (const f of d.verbs) {
    // TABARI <TIME> phrases coded [###] or [+++] ("kan wa ma kan", "when peace comes") keep the sentence from being coded
    for (const tp of f.timePhrases) {
      if (!TABARI_DISCARD_CODES.includes(tp.shift.replace(/\s+/g, ''))) continue;
      for (const text of phraseTexts(tp.phrase)) discards.push({ phrase: { text, source: { file: f.file, line: tp.phrase.line } }, scope: 'sentence' });
    }
    const t = translateVerbs(f, discards, codes);
    verbs.entries.push(...t.entries);
    for (const [k, v] of t.sets) verbs.sets.set(k, v);
  }
  codes.delete(NULL_CODE);
  codes.delete(DISCARD_CODE);
  if (d.dialect === 'tabari') for (const c of [...codes]) if (c.endsWith('?') || TABARI_DISCARD_CODES.includes(c)) codes.delete(c);
  return { actors: { entries, agents, offices: [], people: [] }, verbs, discards, codes };
}
