/**
 * From the words of a speaker to who it is, inside one article:
 *
 * - an actor slot (a name, a title, "the Kremlin"; a pronoun or description
 *   coreference already resolved) gives its actor, code and person;
 * - "who"/"which" after a comma stands for the phrase before the comma;
 * - a pronoun coreference left unresolved goes to the most recent speaker
 *   it can stand for (he/she: a person; they/it: a group or institution);
 * - a name not in the dictionaries ("Wang Yi", "Mr. Wang") goes to the
 *   person named earlier whose name it is part of; a new full name is a
 *   person of its own, with no code.
 */
import type { ActorRef } from '../../core/layers.js';
import { POS } from '../../core/token-table.js';
import type { Slot } from '../coref/slots.js';
import { SlotIndex } from '../coref/slots.js';
import { uncodedSubjectSince } from '../coref/resolve-pronouns.js';
import { charSpan, isCap, isNameLike, norm, pos, type Ctx, type Range } from './context.js';
import { npEndingAt } from './find-speakers.js';

/** a person's or body's own staff: "his office said" is its owner's word */
const STAFF = new Set(['office', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'aides', 'aide', 'campaign']);

/** a party's member, singular: "the New York Democrat" is someone named before */
const PARTY_MEMBERS = new Set(['democrat', 'republican', 'independent', 'conservative', 'liberal', 'socialist', 'tory']);

const HONORIFICS = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sen', 'sen.', 'rep', 'rep.', 'gov', 'gov.', 'gen', 'gen.',
  'lt', 'lt.', 'col', 'col.', 'sgt', 'sgt.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady', 'president', 'senator',
  'representative', 'governor', 'minister', 'secretary', 'chancellor', 'premier', 'judge', 'justice', 'mayor', 'king',
  'queen', 'prince', 'princess', 'pope', 'rev', 'rev.', 'father', 'sheikh', 'ayatollah', 'general', 'admiral',
  'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chair', 'ambassador', 'envoy', 'commissioner',
  'chief', 'director', 'leader', 'candidate', 'nominee', 'prosecutor', 'attorney', 'sheriff', 'captain', 'coach',
  // member titles written before a name: "Labour MP Diane Abbott", "Green MEP X", "CEO Y"
  'mp', 'mep', 'msp', 'mla', 'ceo',
]);

/** (a Map: a word looked up as an object's key is first looked up in V8's table of all interned strings) */
const POSSESSOR_OF = new Map([['his', 'he'], ['her', 'she'], ['their', 'they'], ['its', 'it']]);

interface KnownPerson {
  name: string;
  words: readonly string[];
  ref: ActorRef;
  gender?: 'm' | 'f';
  /** named here from the words alone (not an actor mention of the dictionaries) */
  learned: boolean;
  /** title words the text gave them ("Mayor Kim" → mayor) */
  titles: readonly string[];
  /** the office the actors stage found for the mention */
  office?: string;
}

export interface Speaker {
  ref: ActorRef;
  /** the kind of thing speaking, for later pronouns */
  isPerson: boolean;
}

export class SpeakerResolver {
  /** the people of the article's actors, then those the quotes name; made when first asked for */
  private knownList: KnownPerson[] | null = null;
  private readonly recent: { at: number; speaker: Speaker }[] = [];
  /** what people said, in order: character ranges of a quote's content and its speaker */
  private readonly said: { start: number; end: number; speaker: Speaker }[] = [];

  private readonly he: number;
  private readonly she: number;

  constructor(private readonly c: Ctx, private readonly gender: (person: string) => 'm' | 'f' | undefined) {
    this.he = c.ids.he;
    this.she = c.ids.she;
  }

  /** the known people (an article's quotes mostly need none of them: a speaker named in full needs no lookup) */
  private get known(): KnownPerson[] {
    if (this.knownList) return this.knownList;
    this.knownList = [];
    this.c.actors.forEach((a, i) => {
      if (!a.person) return;
      const titles = titlesOf(a.text);
      this.learn(a.person, { text: a.text, start: a.start, end: a.end, code: coded(a.code), name: a.name ?? a.person, person: a.person, actor: i }, a.start, false, titles, a.office);
    });
    return this.knownList;
  }

  private learn(name: string, ref: ActorRef, at: number, learned: boolean, titles: readonly string[] = [], office?: string): void {
    const words = nameWords(name);
    if (!words.length) return;
    const g = this.gender(name);
    const k: KnownPerson = { name, words, ref: { ...ref, start: at, end: at }, learned, titles };
    if (g) k.gender = g;
    if (office) k.office = office;
    this.known.push(k);
  }

  /** the person named most recently before `at`, within six sentences, that passes `ok` */
  private lastKnown(at: number, ok: (p: KnownPerson) => boolean): KnownPerson | undefined {
    const c = this.c;
    const sentence = c.sentOf[Math.min(c.tokens.tokenAt(at), c.tokens.length - 1)]!;
    let best: KnownPerson | undefined;
    for (const p of this.known) {
      if (p.ref.start >= at || !ok(p)) continue;
      if (c.sentOf[Math.min(c.tokens.tokenAt(p.ref.start), c.tokens.length - 1)]! < sentence - 6) continue;
      if (!best || p.ref.start > best.ref.start) best = p;
    }
    return best;
  }

  /** a quote's content, once its speaker is known: a pronoun's antecedent inside it is not who speaks next */
  noteContent(start: number, end: number, speaker: Speaker): void {
    if (speaker.isPerson && speaker.ref.person) this.said.push({ start, end, speaker });
  }

  /**
   * "Sandford said it appeared Mr Clarke was putting more emphasis … than
   * David Blunkett. But he said …": a person named inside what someone said
   * is no antecedent of the next "he said"; the one who said it is, when the
   * gender fits. The speaker of the latest content holding `at`, or
   * undefined.
   */
  private speakerOfContentAt(at: number, before: number, g: 'm' | 'f'): Speaker | undefined {
    for (let k = this.said.length - 1; k >= 0; k--) {
      const x = this.said[k]!;
      if (x.start > at || x.end > before) continue;
      if (at >= x.end) return undefined;
      // (not when someone else is named after it: "… said Mr Oaten. Mr Clarke has rejected that idea … He said")
      if (this.c.actors.some((a) => a.person !== undefined && a.start >= x.end && a.start < before && a.person !== x.speaker.ref.person)) return undefined;
      if (this.recent.some((r) => r.at >= x.end && r.at < before && r.speaker.isPerson && r.speaker.ref.person !== x.speaker.ref.person)) return undefined;
      if (this.titledNameBetween(x.end, before)) return undefined;
      const sg = this.gender(x.speaker.ref.person!);
      return sg === undefined || sg === g ? x.speaker : undefined;
    }
    return undefined;
  }

  /** a title and a capitalised name ("Mr Clarke", "Dr. Lee") between two character offsets */
  private titledNameBetween(from: number, to: number): boolean {
    const c = this.c;
    for (let t = c.tokens.tokenAt(from); t + 1 < c.tokens.length && c.tokens.start[t + 1]! < to; t++) {
      if (c.tokens.start[t]! < from) continue;
      const w = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase().replace(/\.$/, '');
      if (HONORIFICS.has(w) && isCap(c, t) && isCap(c, t + 1)) return true;
    }
    return false;
  }

  /**
   * A cue right after token t, past a comma ("Theresa May, said: …"): the
   * person named there speaks, whatever quotation marks around her say.
   */
  private speaksThere(t: number): boolean {
    const c = this.c;
    let k = t;
    if (k < c.tokens.length && norm(c, k) === c.ids.comma) k++;
    while (k < c.tokens.length && (pos(c, k) === POS.ADV || pos(c, k) === POS.AUX)) k++;
    // (a cue's word, inside quotation marks or not)
    return k < c.tokens.length && pos(c, k) === POS.VERB && c.cues.byFirst.has(c.tokens.lemma[k]!);
  }

  /** the actor a speaker phrase stands for */
  resolve(np: Range): Speaker {
    const c = this.c;
    const words = charSpan(c, np);
    const base: ActorRef = { text: words.text, start: words.start, end: words.end, code: null };
    const single = np.b - np.a === 1 ? np.a : -1;
    // who/which: the phrase before the comma
    if (single >= 0 && c.ids.relatives.has(norm(c, single)) && single >= 2) {
      const ante = npEndingAt(c, single - 2, c.sentences[c.sentOf[single]!]!.tokenStart);
      if (ante) {
        const s = this.resolve(ante);
        return { ref: { ...s.ref, text: base.text, start: base.start, end: base.end }, isPerson: s.isPerson };
      }
    }
    const slot = this.headSlot(np);
    // a possessor speaks as its pronoun would: "his claim" as "he", "their call" as "they"
    // (only a pronoun's or a determiner's words are read below: other phrases skip the lower-cased copy)
    const pronounLike = single >= 0 && (pos(c, single) === POS.PRON || pos(c, single) === POS.DET);
    const surface = pronounLike ? c.text.slice(c.tokens.start[single]!, c.tokens.end[single]!).toLowerCase() : '';
    const possessed = pronounLike ? POSSESSOR_OF.get(surface) : undefined;
    const possessor = possessed !== undefined;
    const pronoun = possessed ?? surface;
    // he/she: the coreference stage's person, unless someone it does not know was named since
    if (single >= 0 && (pos(c, single) === POS.PRON || possessor) && (pronoun === 'he' || pronoun === 'she')) {
      const g = pronoun === 'he' ? 'm' : 'f';
      const corefAt = slot && slot.viaCoref ? slot.actor.start : -1;
      const teller = corefAt >= 0 && !this.speaksThere(slot!.actor.tokenEnd) ? this.speakerOfContentAt(corefAt, words.start, g) : undefined;
      if (teller && teller.ref.person !== slot!.actor.person) {
        return this.remember({ ref: { ...teller.ref, text: base.text, start: base.start, end: base.end }, isPerson: true });
      }
      const best = this.lastKnown(words.start, (p) => (corefAt < 0 || p.learned) && (!p.gender || p.gender === g));
      if (best && best.ref.start > corefAt) {
        return this.remember({ ref: { ...best.ref, text: base.text, start: base.start, end: base.end }, isPerson: true });
      }
    }
    // "the minister", "the mayor": the person named before with that title or office
    if (np.b - np.a <= 3 && norm(c, np.a) === c.ids.the && !(slot && (SlotIndex.coded(slot) || slot.actor.person))) {
      const head = c.text.slice(c.tokens.start[np.b - 1]!, c.tokens.end[np.b - 1]!).toLowerCase();
      const office = slot?.actor.office;
      if (HONORIFICS.has(head) || office) {
        const best = this.lastKnown(words.start, (p) => (office !== undefined && p.office === office) || p.titles.includes(head));
        if (best) return this.remember({ ref: { ...best.ref, text: base.text, start: base.start, end: base.end }, isPerson: true });
      }
    }
    // "the New York Democrat", "the Kentucky Republican": a party member of a place, said of someone named before
    if (np.b - np.a <= 5 && norm(c, np.a) === c.ids.the && !(slot && (SlotIndex.coded(slot) || slot.actor.person)) && isCap(c, np.b - 1) &&
      PARTY_MEMBERS.has(c.text.slice(c.tokens.start[np.b - 1]!, c.tokens.end[np.b - 1]!).toLowerCase())) {
      // (the person who spoke last, else the one named last)
      const best = this.lastSpeaker(np.a, (x) => x.isPerson) ?? this.lastKnown(words.start, () => true);
      if (best) return this.remember({ ref: { ...best.ref, text: base.text, start: base.start, end: base.end }, isPerson: true });
    }
    if (slot) {
      const ref = fromSlot(slot, base);
      const isPerson = slot.actor.kind === 'person' || slot.actor.person !== undefined;
      // "Kamikawa" after "Japanese Foreign Minister Yoko Kamikawa": the code the article gave the person
      if (ref.code === null && ref.person) this.codeFromEarlier(ref, ref.person, words.start);
      // "Pyongyang's state news agency": an agent with no country of its own speaks for its possessor's
      if (ref.code === null && !isPerson && slot.actor.code.startsWith('---')) {
        const owner = this.possessorOf(np, slot);
        if (owner) {
          ref.code = owner.actor.code.slice(0, 3) + slot.actor.code.slice(3);
        }
      }
      if (ref.code !== null || ref.person) return this.remember({ ref, isPerson });
    }
    // "The agency said" after "Pyongyang's state news agency said": a group or institution that spoke before with that head noun
    if (np.b - np.a <= 3 && norm(c, np.a) === c.ids.the && pos(c, np.b - 1) === POS.NOUN) {
      const head = c.text.slice(c.tokens.start[np.b - 1]!, c.tokens.end[np.b - 1]!).toLowerCase();
      const found = this.lastSpeaker(np.a, (s) => !s.isPerson && s.ref.code !== null && lastWord(s.ref.text) === head);
      if (found) return this.remember({ ref: { ...found.ref, text: base.text, start: base.start, end: base.end }, isPerson: false });
    }
    if (single >= 0 && (pos(c, single) === POS.PRON || possessor)) {
      const n = pronoun;
      const wantPerson = n === 'he' || n === 'she';
      const g = n === 'he' ? 'm' : n === 'she' ? 'f' : undefined;
      if (wantPerson || n === 'they' || n === 'it') {
        // ("Siemens posted higher profits. It said …": not a speaker before a name no dictionary codes)
        const uncoded = n === 'it' ? uncodedSubjectSince(c.tokens, c.text, c.sentences, (t) => { const sl = c.slots.slotAt(t); return sl !== undefined && SlotIndex.coded(sl); }, c.sentOf[single]!, single, (name, at) => this.namedSpeaker(name, at)) : null;
        const blocked = uncoded ? uncoded.sentence : -1;
        // ("Yukos said … It said" after "Russian oil giant Yukos said": the speaker named so before)
        if (uncoded?.known) return this.remember({ ref: { ...uncoded.known.ref, text: base.text, start: base.start, end: base.end }, isPerson: false });
        // (the pronoun is that name: "It said" after "Siemens posted …" is Siemens, with no code)
        if (uncoded && !this.lastSpeaker(np.a, (s) => !s.isPerson && c.sentOf[c.tokens.tokenAt(s.ref.start)]! > blocked)) {
          const ref = refFrom(base, base.code);
          ref.name = charSpan(c, { a: uncoded.tokenStart, b: uncoded.tokenEnd }).text;
          return this.remember({ ref, isPerson: false });
        }
        const found = this.lastSpeaker(np.a, (s) => {
          if (blocked >= 0 && c.sentOf[c.tokens.tokenAt(s.ref.start)]! <= blocked) return false;
          if (s.isPerson !== wantPerson) return false;
          if (!g || !s.ref.person) return true;
          const sg = this.gender(s.ref.person);
          return sg === undefined || sg === g;
        });
        if (found) return this.remember({ ref: { ...found.ref, text: base.text, start: base.start, end: base.end }, isPerson: found.isPerson });
      }
      return { ref: base, isPerson: wantPerson };
    }
    // a name: part of a person named before?
    // ("Park said": a surname the tagger took for a common noun is still a name to look up)
    const read = this.nameIn(np);
    const name = read ?? (single >= 0 && isNameLike(c, single) ? c.text.slice(c.tokens.start[single]!, c.tokens.end[single]!) : null);
    if (name) {
      const words2 = nameWords(name);
      for (let k = this.known.length - 1; k >= 0; k--) {
        const p = this.known[k]!;
        if (p.ref.start > words.start) continue;
        if (isSubsequence(words2, p.words)) {
          const ref: ActorRef = { ...p.ref, text: base.text, start: base.start, end: base.end };
          if (ref.code === null) this.codeFromEarlier(ref, p.name, words.start);
          return this.remember({ ref, isPerson: true });
        }
      }
      // a full name, or a surname after a title ("Mayor Kim", "Mr. Wang"): a person of their own
      const titles = this.titlesIn(np);
      if (read && (words2.length >= 2 || titles.length)) {
        // "Hamas spokesman Fawzi Barhoum", "Tory MP X": a coded actor before the name is whom the person speaks for
        const owner = this.ownerBefore(np);
        const ref = owner ? refFrom(base, coded(owner.actor.code), owner.actorIndex) : refFrom(base, base.code);
        ref.person = name;
        this.learn(name, ref, words.start, true, titles);
        return this.remember({ ref, isPerson: true });
      }
    }
    if (slot) return this.remember({ ref: fromSlot(slot, base), isPerson: slot.actor.kind === 'person' });
    return { ref: base, isPerson: false };
  }

  /**
   * A person the dictionaries give no code on the article date takes the code
   * of the last mention before `at`, anywhere in the article, that named
   * them with a coded title ("Japanese Foreign Minister Yoko Kamikawa" →
   * JPNGOV for a later "Kamikawa").
   */
  private codeFromEarlier(ref: ActorRef, person: string, at: number): void {
    const words = nameWords(person);
    let best: KnownPerson | undefined;
    for (const p of this.known) {
      if (p.ref.start >= at || p.ref.code === null) continue;
      if (p.name !== person && !isSubsequence(words, p.words)) continue;
      if (!best || p.ref.start > best.ref.start) best = p;
    }
    if (!best) return;
    ref.code = best.ref.code;
    if (best.ref.actor !== undefined) ref.actor = best.ref.actor;
  }

  /** the coded country or capital whose possessive opens the phrase before its head slot ("Pyongyang's state news agency") */
  private possessorOf(np: Range, head: Slot): Slot | undefined {
    const c = this.c;
    for (let t = np.a; t < head.tokenStart; t++) {
      const s = c.slots.slotAt(t);
      if (!s) continue;
      const a = s.actor;
      if (s.tokenEnd < head.tokenStart && c.ids.possessiveMarks.has(norm(c, s.tokenEnd)) && SlotIndex.coded(s) && a.code.length === 3 && !a.person && a.kind !== 'person') return s;
      t = s.tokenEnd - 1;
    }
    return undefined;
  }

  private remember(s: Speaker): Speaker {
    this.recent.push({ at: s.ref.start, speaker: s });
    return s;
  }

  /**
   * What a name stood for before character `at`: null for a person ("Smith"
   * after "John Smith"; "it" is never one), the latest coded speaker named
   * with these words ("Russian oil giant Yukos"), else undefined.
   */
  private namedSpeaker(name: string, at: number): Speaker | null | undefined {
    const words = nameWords(name);
    if (this.known.some((p) => p.ref.start < at && isSubsequence(words, p.words))) return null;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k]!;
      if (r.at >= at || r.speaker.ref.code === null || r.speaker.isPerson) continue;
      if (` ${r.speaker.ref.name ?? ''} `.includes(` ${name} `) || ` ${r.speaker.ref.text} `.includes(` ${name} `)) return r.speaker;
    }
    return undefined;
  }

  private lastSpeaker(before: number, ok: (s: Speaker) => boolean): Speaker | undefined {
    const sentence = this.c.sentOf[before]!;
    const at = this.c.tokens.start[before]!;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k]!;
      if (r.at >= at) continue;
      const rs = this.c.sentOf[this.c.tokens.tokenAt(r.at)]!;
      if (rs < sentence - 6) break;
      if (ok(r.speaker) && (r.speaker.ref.code !== null || r.speaker.ref.person)) return r.speaker;
    }
    return undefined;
  }

  /**
   * The slot that stands for the phrase: the one covering its head word
   * ("U.S. Secretary of State Antony Blinken"), a possessor ("China's
   * foreign ministry"), or the organisation a common noun speaks for ("a
   * spokesman for the Kremlin"); not a name that only modifies the head
   * ("the Washington Post").
   */
  private headSlot(np: Range): Slot | undefined {
    const c = this.c;
    let coreEnd = np.b;
    for (let t = np.a + 1; t < np.b; t++) {
      if (c.ids.npPreps.has(norm(c, t)) && pos(c, t) === POS.ADP && !c.slots.slotAt(t)) {
        coreEnd = t;
        break;
      }
    }
    const head = coreEnd - 1;
    const atHead = c.slots.slotAt(head);
    if (atHead) return atHead;
    for (let t = np.a; t < head; t++) {
      const s = c.slots.slotAt(t);
      if (s && s.tokenEnd < coreEnd && c.ids.possessiveMarks.has(norm(c, s.tokenEnd))) return s;
    }
    // "His office said", "her spokesman told": a possessive pronoun before the person's own staff speaks for its owner
    if (head === np.a + 1 && c.ids.possessives.has(norm(c, np.a)) && STAFF.has(c.text.slice(c.tokens.start[head]!, c.tokens.end[head]!).toLowerCase())) {
      const s = c.slots.slotAt(np.a);
      if (s && SlotIndex.coded(s)) return s;
    }
    if (pos(c, head) === POS.NOUN && coreEnd < np.b) {
      for (let t = coreEnd + 1; t < np.b; t++) {
        const s = c.slots.slotAt(t);
        if (s) return s;
      }
    }
    return undefined;
  }

  /** the title words in a phrase: "Finance Minister Anna Berg" → minister */
  /** The last coded actor of a phrase that ends before the phrase's name begins (not a person). */
  private ownerBefore(np: Range): Slot | undefined {
    const c = this.c;
    let nameStart = np.b;
    while (nameStart - 1 > np.a && pos(c, nameStart - 1) === POS.PROPN && isCap(c, nameStart - 1) && !c.slots.slotAt(nameStart - 1)) nameStart--;
    let owner: Slot | undefined;
    for (let t = np.a; t < nameStart; t++) {
      const slot = c.slots.slotAt(t);
      if (!slot || slot.tokenEnd > nameStart) continue;
      if (SlotIndex.coded(slot) && !slot.actor.person && slot.actor.kind !== 'person') owner = slot;
      t = slot.tokenEnd - 1;
    }
    return owner;
  }

  private titlesIn(np: Range): string[] {
    const out: string[] = [];
    for (let t = np.a; t < np.b; t++) {
      const w = this.c.text.slice(this.c.tokens.start[t]!, this.c.tokens.end[t]!).toLowerCase();
      if (HONORIFICS.has(w)) out.push(w);
    }
    return out;
  }

  /**
   * The name in a phrase: the last run of capitalised proper nouns before any
   * "of/for …" ("former tech executive Carly Fiorina" → Carly Fiorina,
   * "Mr. Wang" → Wang), or null.
   */
  private nameIn(np: Range): string | null {
    const c = this.c;
    let best: string[] = [];
    let run: string[] = [];
    for (let t = np.a; t < np.b; t++) {
      if (t > np.a && c.ids.npPreps.has(norm(c, t)) && pos(c, t) === POS.ADP) break;
      const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!);
      const inActor = c.slots.slotAt(t);
      const name = pos(c, t) === POS.PROPN && isCap(c, t) && !HONORIFICS.has(surface.toLowerCase()) && !(inActor && SlotIndex.coded(inActor) && !inActor.actor.person);
      if (name) run.push(surface);
      else {
        if (run.length) best = run;
        run = [];
      }
    }
    if (run.length) best = run;
    return best.length ? best.join(' ') : null;
  }
}

function coded(code: string): string | null {
  return code && !code.startsWith('---') ? code : null;
}

/**
 * The words of a speaker with more fields: `base`'s text and offsets, then
 * the rest in this order (the order of the keys in the output). Written out
 * rather than `{ ...base, actor }`: V8 (Node 20) takes a slow path of about
 * a microsecond for a spread followed by a key the spread object lacks, and
 * every resolved speaker passed here.
 */
function refFrom(base: ActorRef, code: string | null, actor?: number): ActorRef {
  return actor === undefined
    ? { text: base.text, start: base.start, end: base.end, code }
    : { text: base.text, start: base.start, end: base.end, code, actor };
}

function fromSlot(slot: Slot, base: ActorRef): ActorRef {
  const a = slot.actor;
  const ref = refFrom(base, coded(a.code), slot.actorIndex);
  if (a.name) ref.name = a.name;
  if (a.person) ref.person = a.person;
  return ref;
}

function lastWord(text: string): string {
  const m = /([\p{L}\p{N}-]+)\W*$/u.exec(text);
  return m ? m[1]!.toLowerCase() : '';
}

/** nameWords by name: the dictionaries' people come back in article after article (bounded; read-only arrays) */
const NAME_WORDS = new Map<string, readonly string[]>();
const NAME_WORDS_LIMIT = 20_000;

function nameWords(name: string): readonly string[] {
  let words = NAME_WORDS.get(name);
  if (words) return words;
  words = name
    .split(/[\s.]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w && !HONORIFICS.has(w) && !HONORIFICS.has(w + '.'));
  if (NAME_WORDS.size >= NAME_WORDS_LIMIT) NAME_WORDS.clear();
  NAME_WORDS.set(name, words);
  return words;
}

/** titlesOf by mention text, as NAME_WORDS: the same mentions of people come back in article after article */
const TITLES = new Map<string, readonly string[]>();

/** the title words of an actor mention's text ("Finance Minister Anna Berg" → minister) */
function titlesOf(text: string): readonly string[] {
  let titles = TITLES.get(text);
  if (titles) return titles;
  titles = text.toLowerCase().split(/\s+/).filter((w) => HONORIFICS.has(w));
  if (TITLES.size >= NAME_WORDS_LIMIT) TITLES.clear();
  TITLES.set(text, titles);
  return titles;
}

/** every word of `part` is in `whole`, in order */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let i = 0;
  for (const w of whole) if (i < part.length && w === part[i]) i++;
  return i === part.length && part.length > 0;
}
