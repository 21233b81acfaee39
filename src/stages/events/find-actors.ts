/** Finding an event's actors without a parse: compounds, the subject walking left, the object walking right, the source of a noun trigger. */
import { FLAG, POS } from '../../core/token-table.js';
import { SlotIndex, type Slot } from '../coref/slots.js';
import type { CodingOptions } from '../coding-options.js';
import { type Ctx, isPunct, TARGET_REACH } from './context.js';
import { compound, pastAuxiliaries, skipModifiers, verbBetween } from './compound.js';
import { type PatternMatch, entriesAt } from './match-pattern.js';

/** Between a possessor's "'s" and the verb at t there is no other actor ("Ithilen's palace guard militia vowed"). */
export function possessedIsNoActor(c: Ctx, from: number, t: number): boolean {
  for (let j = from; j < t; j++) if (c.slots.idAt(j) >= 0 || c.tokens.has(j, FLAG.PUNCT)) return false;
  return true;
}

function punctBetween(c: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (c.tokens.has(k, FLAG.PUNCT)) return true;
  return false;
}

/** a noun phrase starts at t: a determiner, noun, name, adjective or number (a subject of its own) */
function nounStart(c: Ctx, t: number): boolean {
  const p = c.tokens.pos[t]!;
  return (p === POS.DET || p === POS.NOUN || p === POS.PROPN || p === POS.ADJ || p === POS.NUM) && !c.tokens.has(t, FLAG.PUNCT);
}

/**
 * "Britain's Johnson criticised", "Russia's Gazprom cut": between the
 * possessive and the verb group of t, one to three capitalised words no
 * dictionary knows, a name the possessor's actor stands for.
 */
function possessedName(c: Ctx, from: number, t: number): boolean {
  let end = t;
  while (end - 1 > from && (c.tokens.pos[end - 1] === POS.AUX || c.tokens.pos[end - 1] === POS.ADV || c.tokens.pos[end - 1] === POS.PART)) end--;
  if (end - from < 1 || end - from > 3) return false;
  for (let j = from; j < end; j++) {
    const p = c.tokens.pos[j]!;
    if ((p !== POS.PROPN && p !== POS.NOUN) || !c.tokens.has(j, FLAG.CAP) || c.tokens.has(j, FLAG.PUNCT) || c.slots.idAt(j) >= 0) return false;
  }
  return true;
}

/**
 * Where the next clause begins after token t: a semicolon or dash, "and",
 * "but" or "or" before a verb or before a new subject and its verb ("... and
 * promised aid", "... but Dagolath promised"), or a comma before a subject and
 * its verb (", a senior official said"). The sentence end when none.
 */
export function clauseBoundary(c: Ctx, t: number): number {
  const newSubjectThenVerb = (from: number): boolean => {
    for (let k = from; k < Math.min(c.s.tokenEnd, from + 8); k++) {
      const p = c.tokens.pos[k]!;
      if (p === POS.VERB || (p === POS.AUX && k > from)) return k > from || c.tokens.pos[k] === POS.VERB;
      // a personal pronoun is a new subject too ("and then she asked"), resolved or not
      const pronoun = p === POS.PRON && c.ids.subjectPronouns.has(c.tokens.norm[k]!);
      if (p !== POS.DET && p !== POS.ADJ && p !== POS.NOUN && p !== POS.PROPN && p !== POS.NUM && p !== POS.ADV && !pronoun && c.slots.idAt(k) < 0) return false;
    }
    return false;
  };
  for (let j = t + 1; j < c.s.tokenEnd; j++) {
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n) && !c.tokens.has(j, FLAG.QUOTE)) return j;
    if (c.ids.coordinators.has(n)) {
      let k = j + 1;
      while (k < c.s.tokenEnd && (c.tokens.pos[k] === POS.ADV || c.tokens.pos[k] === POS.AUX)) k++;
      if (k < c.s.tokenEnd && (c.tokens.pos[k] === POS.VERB || newSubjectThenVerb(k))) return j;
    }
    if (n === c.ids.comma && newSubjectThenVerb(j + 1)) return j;
  }
  return c.s.tokenEnd;
}

/** A noun after token `from` in its clause, not a word of time ("on Saturday" counts, "today" does not). */
export function nounAfter(c: Ctx, from: number): boolean {
  const end = clauseBoundary(c, from - 1);
  for (let j = from; j < end; j++) {
    const p = c.tokens.pos[j]!;
    if ((p === POS.NOUN || p === POS.PROPN || p === POS.NUM || c.slots.idAt(j) >= 0) && !c.ids.timeWords.has(c.tokens.norm[j]!)) return true;
  }
  return false;
}

/** An actor with a code; with `anonymousAgents`, also an agent with no actor ("officials": ---GOV). */
export function codedSlot(coding: CodingOptions, sl: Slot): boolean {
  return SlotIndex.coded(sl) || (coding.anonymousAgents === true && /^---[A-Z]/.test(sl.actor.code));
}

/** TABARI's complexity filter (`complexity`): too many verbs or conjunctions, or no actor before the first coded verb. */
export function complex(c: Ctx, k: NonNullable<CodingOptions['complexity']>): boolean {
  let verbsSeen = 0;
  let conj = 0;
  let firstCoded = -1;
  for (let t = c.s.tokenStart; t < c.s.tokenEnd; t++) {
    if (isPunct(c, t)) continue;
    const n = c.tokens.norm[t]!;
    if (c.ids.coordinators.has(n)) {
      // "Ithilen and Dagolath" is a compound, not a conjunction of clauses
      const before = skipModifiers(c, t - 1, -1);
      const after = skipModifiers(c, t + 1, 1);
      if (!(c.slots.idAt(before) >= 0 && c.slots.idAt(after) >= 0)) conj++;
      continue;
    }
    const es = entriesAt(c, t);
    if (!es.length) continue;
    verbsSeen++;
    if (firstCoded < 0 && es.some((e) => e.entry.code && e.entry.code !== '---')) firstCoded = t;
  }
  if (k.verbs && verbsSeen >= k.verbs) return true;
  if (k.conjunctions && conj >= k.conjunctions) return true;
  if (k.noActorPrior && firstCoded >= 0) {
    let actor = false;
    for (let t = c.s.tokenStart; t < firstCoded && !actor; t++) actor = c.slots.idAt(t) >= 0 && codedSlot(c.coding, c.slots.slots[c.slots.idAt(t)]!);
    if (!actor) return true;
  }
  return false;
}

/**
 * A verb joined to an earlier one by "and", "but" or "or" shares its subject:
 * "The government condemned the attack and promised aid" — the verb before
 * the conjunction, or -1.
 */
export function coordinatedVerb(c: Ctx, t: number): number {
  let j = t - 1;
  while (j > c.s.tokenStart && (c.tokens.pos[j] === POS.ADV || c.tokens.pos[j] === POS.AUX || c.tokens.pos[j] === POS.PART)) j--;
  if (j > c.s.tokenStart && c.tokens.norm[j] === c.ids.comma && !c.coding.sourceSearch) return listedVerb(c, j, t);
  if (j <= c.s.tokenStart || !c.ids.coordinators.has(c.tokens.norm[j]!)) return -1;
  for (let k = j - 1; k >= c.s.tokenStart; k--) {
    // "A and B": a compound, not two verbs (the peers' reading; "deployed troops in Iraq and has urged" has an
    // auxiliary after the conjunction, so two verbs)
    if (c.slots.idAt(k) >= 0 && c.slots.slots[c.slots.idAt(k)]!.tokenEnd === j && (c.coding.sourceSearch || (c.tokens.pos[j + 1] !== POS.AUX && c.tokens.pos[j + 1] !== POS.VERB))) return -1;
    // "refused to deploy peacekeepers … and has urged": the verb that governs the infinitive
    if (c.tokens.pos[k] === POS.VERB && !c.coding.sourceSearch && k > c.s.tokenStart && c.tokens.norm[k - 1] === c.verbs.toId) continue;
    if (c.tokens.pos[k] === POS.VERB) return k;
    if (c.ids.hardStops.has(c.tokens.norm[k]!)) return -1;
  }
  return -1;
}

/**
 * "Iran rejected the report, accusing Israel of lying": a participle right
 * after a comma that closes a clause with a verb of its own is a free adjunct,
 * and its subject is that clause's subject. Returns that verb, or -1 (no verb
 * before the comma: "The report, accusing Israel …, was published" is a
 * reduced relative, and no one is its subject).
 */
export function adjunctVerb(c: Ctx, t: number): number {
  const comma = t - 1;
  if (comma <= c.s.tokenStart || c.tokens.norm[comma] !== c.ids.comma || c.coding.sourceSearch) return -1;
  if (!/ing$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return -1;
  // only after a main clause: no relative or subordinate clause before this comma
  // ("…, which upgrades its rights, urging …": who urges is not the sentence's subject)
  let verb = -1;
  for (let k = comma - 1; k >= c.s.tokenStart; k--) {
    const w = c.tokens.norm[k]!;
    if (c.ids.hardStops.has(w) || c.tokens.has(k, FLAG.QUOTE) || c.ids.relatives.has(w) || c.tokens.pos[k] === POS.SCONJ) return -1;
    // the verb of the clause before the comma; not one governed by "to", nor another participle
    if (verb < 0 && c.tokens.pos[k] === POS.VERB && !(k > c.s.tokenStart && c.tokens.norm[k - 1] === c.verbs.toId)) {
      if (/ing$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!))) return -1;
      verb = k;
    }
  }
  return verb;
}

/**
 * "smashed four brigades, killed 1,500 soldiers and destroyed 45 tanks": a
 * past-tense verb after a comma in a list of verb phrases closed by "and" or
 * "or" shares the subject of the verb before the comma. Returns that verb, or -1.
 */
function listedVerb(c: Ctx, comma: number, t: number): number {
  const past = (k: number) => c.tokens.pos[k] === POS.VERB && /ed$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!));
  if (!past(t)) return -1;
  let closed = false;
  for (let k = t + 1; k < c.s.tokenEnd && !closed; k++) {
    if (c.ids.hardStops.has(c.tokens.norm[k]!)) break;
    if (c.ids.conj.has(c.tokens.norm[k]!) && k + 1 < c.s.tokenEnd && past(k + 1)) closed = true;
  }
  if (!closed) return -1;
  for (let k = comma - 1; k >= Math.max(c.s.tokenStart, comma - 10); k--) {
    if (past(k)) return c.verbs.reportingVerbs.has(c.tokens.lemma[k]!) ? -1 : k;
    const p = c.tokens.pos[k]!;
    if (p === POS.VERB || p === POS.AUX || c.ids.hardStops.has(c.tokens.norm[k]!) || c.ids.relatives.has(c.tokens.norm[k]!)) return -1;
  }
  return -1;
}

/**
 * The subject of the verb at t: walk left, skipping objects of prepositions,
 * possessors and possessive determiners. A complementizer ("that") with no
 * finite verb between it and the trigger closes the trigger's clause: its
 * subject would have been found by then, so there is none ("the decision
 * that detaining suspects…").
 */
export function findSubject(c: Ctx, t: number): number | null {
  // "UN inspectors probing suspect sites", "protesters demanding reforms": a participle right after an
  // actor is that actor's act, whatever the actor is the object of
  if (!c.coding.sourceSearch && t > c.s.tokenStart && c.tokens.pos[t] === POS.VERB && /ing$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) {
    // ("UN inspectors probing": the actor modifying the noun before the participle)
    const k = c.slots.idAt(t - 1) < 0 && c.tokens.pos[t - 1] === POS.NOUN && t - 2 >= c.s.tokenStart ? t - 2 : t - 1;
    const id = c.slots.idAt(k);
    const slot = id >= 0 ? c.slots.slots[id]! : undefined;
    if (slot && slot.tokenEnd === k + 1 && (k === t - 1 ? !slot.modifier : slot.modifier) && !(slot.viaCoref && c.tokens.pos[slot.tokenStart] === POS.PRON) && !c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!)) {
      // ("could lead to Turkey reneging", "fears of Russia attacking": after a preposition other than "with" the
      // participle heads a gerund clause, no act)
      const before = slot.tokenStart - 1;
      const prep = before >= c.s.tokenStart && (c.tokens.pos[before] === POS.ADP || c.tokens.norm[before] === c.verbs.toId) && c.tokens.norm[before] !== c.ids.with;
      if (!prep) return SlotIndex.coded(slot) ? id : codedSource(c, id);
    }
  }
  let finiteSeen = false;
  for (let j = t - 1; j >= c.s.tokenStart; j--) {
    const id = c.slots.idAt(j);
    // "Iraq's government announced that it is prepared to", "the rebels said they would": a pronoun
    // subject right after a report stands for the reporter
    if (!c.coding.sourceSearch && c.tokens.pos[j] === POS.PRON && c.ids.subjectPronouns.has(c.tokens.norm[j]!) && (id < 0 || c.slots.slots[id]!.tokenEnd === j + 1)) {
      const reporter = reportedPronoun(c, j);
      if (reporter !== null) return reporter;
    }
    if (id >= 0) {
      const slot = c.slots.slots[id]!;
      const before = slot.tokenStart - 1;
      const after = slot.tokenEnd;
      // "Mordor with Fornost and Gondor welcomed": a list after a preposition is its object, every member of it
      const head = c.slots.slots[compound(c, id)[0]!]!;
      const headBefore = head.tokenStart - 1;
      const prepObject =
        ((before >= c.s.tokenStart && c.tokens.pos[before] === POS.ADP && c.tokens.norm[before] !== c.ids.by) ||
          (head !== slot && headBefore >= c.s.tokenStart && c.tokens.pos[headBefore] === POS.ADP && c.tokens.norm[headBefore] !== c.ids.by)) &&
        !collectiveOf(c, head.tokenStart) &&
        !subordinateSubject(c, before, slot.tokenEnd, t);
      const possessor = after < c.s.tokenEnd && c.ids.possessive.has(c.tokens.norm[after]!) && after < t - 1 && !(c.coding.possessorActs && possessedIsNoActor(c, after + 1, t)) &&
        !(!c.coding.sourceSearch && possessedName(c, after + 1, t));
      // "its", "his", "their": a possessive determiner is never the subject; nor is a person's name
      // that modifies a noun ("a Trump supporter attacked…")
      const determiner =
        (slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!)) ||
        (slot.modifier && slot.actor.kind === 'person' && !slot.viaCoref);
      // "in Portland, Oregon, police said": the state after a city and a comma is part of the place
      const placeTail =
        slot.actor.kind === 'capital' && !slot.viaCoref && before - 2 >= c.s.tokenStart && c.tokens.norm[before] === c.ids.comma &&
        c.tokens.pos[before - 1] === POS.PROPN && c.ids.locatives.has(c.tokens.norm[before - 2]!);
      if (!prepObject && !possessor && !determiner && !placeTail) {
        // "a Kabul car bombing killed five", "Catalonia apartment block fire kills three": a place that
        // modifies the subject's noun is where it happened; the subject is that noun, which is no actor
        if (slot.modifier && slot.actor.kind === 'capital' && !slot.viaCoref) return null;
        // "Soviet mercury sales threaten", "Japanese hardware makers are eager": a state word before a noun of the
        // economy or of companies names the subject's market or firms, which are no actor
        if (slot.modifier && !slot.viaCoref && economyHead(c, slot.tokenEnd, t)) return null;
        // "Monsod told Reuters the secretary had decided": an actor right after "told", followed by a new
        // noun phrase, is the one told; the verb's subject is that noun phrase ("said Boko Haram fighters
        // attacked" is one phrase: the noun after the actor belongs to it)
        if (toldActor(c, slot) && newPhraseAfter(c, slot.tokenEnd, t)) return null;
        // an agent with no country ("Party", "group") in the subject's noun phrase: the coded name beside it
        // ("Finnish security firm F-Secure issued": a company is no state, whatever country it is in)
        if (!SlotIndex.coded(slot) && !c.coding.sourceSearch && slot.actor.code === '---BUS') return id;
        if (!SlotIndex.coded(slot)) {
          // ("Militants loyal to X said they attempted": what the antecedent's phrase names)
          const ante = antecedentSource(c, id);
          if (ante !== null) return ante;
          const near = codedInPhrase(c, slot.tokenStart - 1);
          // ("told Reuters Governor Tan had agreed": the name before the agent is the one told)
          if (near !== null && !toldActor(c, c.slots.slots[near]!)) return near;
          const other = codedBeside(c, id);
          if (other !== null) return other;
        }
        return id;
      }
      j = slot.tokenStart;
      continue;
    }
    const n = c.tokens.norm[j]!;
    // "…, the State Department said, as tensions over Taiwan threatened to derail …": a subordinate clause opened
    // by a subject of its own with no actor in it has no source; the clause before is another's
    // (not an aside set off by commas: "Iran, as a member of OPEC, agreed")
    // (nor "as a result of", "as a member of": "as" before an indefinite article is a preposition)
    if (!c.coding.sourceSearch && c.ids.subordinators.has(n) && j + 1 < t && nounStart(c, j + 1) && !punctBetween(c, j + 1, t) &&
      !(n === c.ids.as && c.ids.indefinites.has(c.tokens.norm[j + 1]!))) return null;
    // "… met his South Korean counterpart in Tokyo and the two sides signed …": a clause of its own after "and",
    // whose subject is a noun phrase no actor is in; the actors of the clause before are not its subject
    if (c.ids.conj.has(n) && !c.coding.sourceSearch && actorlessSubject(c, j + 1, t) && verbBetween(c, c.s.tokenStart, j)) return null;
    // "NATO, which leads a peacekeeping force in Kosovo, said": a relative clause between the subject and its
    // verb is passed over, with the actors in it
    if (n === c.ids.comma && !c.coding.sourceSearch && verbGroupBetween(c, j + 1, t)) {
      let k = j - 1;
      while (k > c.s.tokenStart && c.tokens.norm[k] !== c.ids.comma && !c.ids.hardStops.has(c.tokens.norm[k]!)) k--;
      if (k > c.s.tokenStart && c.tokens.norm[k] === c.ids.comma && c.ids.relatives.has(c.tokens.norm[k + 1]!) && c.tokens.pos[k + 1] === POS.PRON) {
        j = k;
        continue;
      }
    }
    // "Pakistan, a key U.S. ally in the war on terror, has refused": an apposition between the subject and its verb
    if (n === c.ids.comma && !c.coding.sourceSearch) {
      const head = appositionHead(c, j, t);
      if (head !== null) return head;
    }
    // "a fire at a cafe that killed 25 people": a relative "that" right before the verb group has its
    // antecedent before it; a noun that is no actor is the subject, so there is none
    if (n === c.ids.that && c.tokens.pos[j] !== POS.SCONJ && !c.coding.sourceSearch && verbGroupBetween(c, j + 1, t)) {
      const ante = j - 1 >= c.s.tokenStart ? c.slots.idAt(j - 1) : -1;
      if (ante >= 0 && c.slots.slots[ante]!.tokenEnd === j) {
        // ("a fire at a cafe in Beijing that killed": a place is where the antecedent is, not the antecedent)
        const a = c.slots.slots[ante]!;
        let before = a.tokenStart - 1;
        while (before >= c.s.tokenStart && (c.tokens.pos[before] === POS.ADJ || c.tokens.pos[before] === POS.DET) && c.slots.idAt(before) < 0) before--;
        // "a U.S. airstrike in eastern Syria that killed", "a Russian missile strike on Kyiv that killed": an actor
        // after a preposition qualifies the noun before it, which is the antecedent; its own actor is the subject
        // ("a directive from the central bank that called for", "a statement by the ministry that": the one it comes from)
        const from = c.tokens.norm[before] === c.ids.of || c.tokens.norm[before] === c.ids.by || c.tokens.norm[before] === c.ids.from;
        if (before >= c.s.tokenStart && c.tokens.pos[before] === POS.ADP && !from) return codedInPhrase(c, before - 1);
        const place = (a.actor.kind === 'capital' || a.actor.kind === 'country') && before >= c.s.tokenStart && c.ids.locatives.has(c.tokens.norm[before]!);
        return place ? null : ante;
      }
      if (j - 1 >= c.s.tokenStart && (c.tokens.pos[j - 1] === POS.NOUN || c.tokens.pos[j - 1] === POS.PROPN)) return null;
    }
    // "…to the Soviet Union, which spurned the offer": the relative pronoun's antecedent is the subject,
    // wherever it stands (here the object of "to")
    if (c.ids.relatives.has(n) && c.tokens.pos[j] === POS.PRON) {
      let k = j - 1;
      if (k >= c.s.tokenStart && c.tokens.norm[k] === c.ids.comma) k--;
      const ante = k >= c.s.tokenStart ? c.slots.idAt(k) : -1;
      if (ante >= 0 && c.slots.slots[ante]!.tokenEnd === k + 1) return ante;
    }
    // parenthesised material is an aside: "Hizbollah (Party of God) group declared"
    if (n === c.ids.parenClose) {
      let k = j - 1;
      while (k > c.s.tokenStart && c.tokens.norm[k] !== c.ids.parenOpen) k--;
      if (c.tokens.norm[k] === c.ids.parenOpen) {
        j = k;
        continue;
      }
    }
    if (c.ids.hardStops.has(n) && !c.tokens.has(j, FLAG.QUOTE)) return null;
    const p = c.tokens.pos[j]!;
    // a personal pronoun no one could resolve is still the subject ("it has infected … and killed"): nobody else is
    if (p === POS.PRON && c.ids.subjectPronouns.has(n)) return null;
    if (p === POS.AUX || p === POS.VERB) finiteSeen = true;
    if (n === c.ids.that && c.tokens.pos[j] === POS.SCONJ && !finiteSeen) return null;
    // "Shearson said Robert Stearns has joined": the verb is in the clause "said" reports, whose subject
    // stands after "said"; none was found there. A parenthetical report ("Iran, officials said, rejected …"),
    // a reported act ("is said to have attacked") and a that-clause already closed by a verb of its own
    // ("reiterated that the principles would remain unchanged and refused…") are passed over, and a
    // gerund ("principles for admitting new members") reports nothing.
    if (p === POS.VERB && c.verbs.reportingVerbs.has(c.tokens.lemma[j]!) && j + 1 < t && !isGerund(c, j)) {
      if (c.tokens.norm[j + 1] === c.ids.comma) {
        // "Iran, officials said, rejected": the aside and its subject are passed over, back to the comma before them
        let k = j - 1;
        while (k > c.s.tokenStart && c.tokens.norm[k] !== c.ids.comma && !c.ids.hardStops.has(c.tokens.norm[k]!)) k--;
        if (k > c.s.tokenStart && c.tokens.norm[k] === c.ids.comma) j = k;
        continue;
      }
      // ("has claimed voter fraud and made legal challenges": a verb joined to the reporting verb by "and" shares its subject)
      if (!isPunct(c, j + 1) && c.tokens.norm[j + 1] !== c.verbs.toId && c.tokens.norm[j + 1] !== c.ids.that && coordinatedVerb(c, t) !== j) return null;
    }
  }
  return null;
}

/**
 * The words from `from` to the verb group of t are a noun phrase with no
 * actor in it: an article or number, adjectives, and at least one noun
 * ("the two sides", "both countries", "the ministers").
 */
function actorlessSubject(c: Ctx, from: number, t: number): boolean {
  let nouns = 0;
  for (let k = from; k < t; k++) {
    if (c.slots.idAt(k) >= 0) return false;
    const p = c.tokens.pos[k]!;
    if (p === POS.NOUN) nouns++;
    else if (p === POS.AUX || p === POS.ADV || p === POS.PART) {
      if (!nouns) return false;
    } else if (p !== POS.DET && p !== POS.NUM && p !== POS.ADJ) return false;
  }
  return nouns > 0;
}

/**
 * The comma at j closes an apposition right before the verb group of t
 * ("Pakistan, a key U.S. ally in the war on terror, has refused"): the
 * segment since the comma before it is a noun phrase with no finite verb,
 * opened by a determiner or an adjective, and a coded actor ends right before
 * that comma. Returns that actor, or null.
 */
export function appositionHead(c: Ctx, j: number, t: number): number | null {
  for (let k = j + 1; k < t; k++) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return null;
  }
  let k = j - 1;
  const limit = Math.max(c.s.tokenStart + 1, j - 16);
  let named = false;
  while (k >= limit && c.tokens.norm[k] !== c.ids.comma) {
    const p = c.tokens.pos[k]!;
    const own = c.slots.idAt(k);
    if (own >= 0 && SlotIndex.coded(c.slots.slots[own]!) && !c.slots.slots[own]!.modifier) named = true;
    if (p === POS.AUX || c.ids.hardStops.has(c.tokens.norm[k]!) || c.ids.relatives.has(c.tokens.norm[k]!)) return null;
    if (p === POS.VERB && !/(ed|ing)$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!))) return null;
    k--;
  }
  if (k < limit || k + 1 >= j) return null;
  const first = c.tokens.pos[k + 1]!;
  // an apposition that names its own actor ("the main Kurdish party, the HDP,") is the subject itself; the
  // actors of a prepositional aside are the objects of its preposition ("Rubio, in a telephone call with his
  // Omani counterpart, praised")
  if (named && !(first === POS.ADP && c.tokens.norm[k + 1] !== c.ids.like)) return null;
  // ("Poland, one of the largest EU member states, rejected")
  // ("Greece, like most other members, plans"; a prepositional aside, above)
  if (first !== POS.DET && first !== POS.ADJ && first !== POS.ADP && !(first === POS.NUM && c.tokens.norm[k + 2] === c.ids.of) && c.tokens.norm[k + 1] !== c.ids.like) return null;
  const id = c.slots.idAt(k - 1);
  if (id < 0 || c.slots.slots[id]!.tokenEnd !== k) return null;
  const slot = c.slots.slots[id]!;
  if (slot.modifier || c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!)) return null;
  // the head itself is a subject, not the object of a preposition ("talks with Iran, a …, have")
  const before = slot.tokenStart - 1;
  if (before >= c.s.tokenStart && c.tokens.pos[before] === POS.ADP) return null;
  return SlotIndex.coded(slot) ? id : codedSource(c, id);
}

/**
 * The reporter a subject pronoun at j stands for: a reporting verb right
 * before it (across "that" and a date: "said on Wednesday they would"), whose
 * own subject is a coded actor of the pronoun's number ("it": a state, an
 * organisation, a group or a singular noun; "they": a plural noun or a group;
 * "he", "she": a person). Null when there is none.
 */
export function reportedPronoun(c: Ctx, j: number): number | null {
  let k = j - 1;
  if (k >= c.s.tokenStart && c.tokens.norm[k] === c.ids.that) k--;
  const stop = Math.max(c.s.tokenStart, k - 4);
  while (k >= stop && c.slots.idAt(k) < 0 && !(c.tokens.pos[k] === POS.VERB && c.verbs.reportingVerbs.has(c.tokens.lemma[k]!))) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.ADP && p !== POS.PROPN && p !== POS.NOUN && p !== POS.NUM && p !== POS.ADV && p !== POS.DET) return null;
    k--;
  }
  if (k < stop || c.slots.idAt(k) >= 0 || c.tokens.pos[k] !== POS.VERB) return null;
  const who = findSubject(c, k);
  if (who === null) return null;
  const slot = c.slots.slots[who]!;
  if (!SlotIndex.coded(slot) || slot.tokenEnd > j || slot.modifier) return null;
  const pron = c.tokens.norm[j]!;
  const kind = slot.actor.kind;
  const person = kind === 'person' || slot.actor.person !== undefined;
  // ("Palestinians said they", "the United States said it", "officials said they")
  const plural = /s$/i.test(slot.text) && (kind === 'agent' || kind === 'description' || kind === 'community');
  if (c.ids.pluralPronouns.has(pron)) return !person && (kind !== 'country' || /s$/i.test(slot.text)) ? who : null;
  if (pron === c.ids.it) return !plural && !person ? who : null;
  if (c.ids.personPronouns.has(pron)) return person ? who : null;
  return null;
}

/** The noun phrase from `from` to the verb group of t ends in a noun of the economy or of companies. */
function economyHead(c: Ctx, from: number, t: number): boolean {
  if (c.coding.sourceSearch) return false;
  let head = -1;
  for (let k = from; k < t; k++) {
    const p = c.tokens.pos[k]!;
    // ("Finnish security firm F-Secure issued", "US oil giant ExxonMobil said": a company's name after its noun)
    if (p === POS.NOUN && head >= 0 && c.verbs.economyHeads.has(c.tokens.lemma[head]!) && c.verbs.firmsOnly.has(c.tokens.lemma[head]!)) return true;
    if ((p === POS.NOUN || p === POS.PROPN) && head >= 0 && c.tokens.pos[head] === POS.NOUN && c.verbs.firmsOnly.has(c.tokens.lemma[head]!)) return true;
    if (p === POS.NOUN || p === POS.PROPN) head = k;
    else if (p === POS.AUX || p === POS.ADV || p === POS.PART || p === POS.ADP || p === POS.VERB) break;
    else if (p !== POS.ADJ && p !== POS.NUM && !(c.tokens.norm[k] === c.ids.hyphen)) return false;
  }
  return head >= 0 && (c.verbs.economyHeads.has(c.tokens.lemma[head]!) || c.verbs.economyHeads.has(c.tokens.norm[head]!));
}

/** Only auxiliaries, adverbs and particles from `from` to the verb at t. */
function verbGroupBetween(c: Ctx, from: number, t: number): boolean {
  for (let k = from; k < t; k++) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return false;
  }
  return true;
}

/** Does the slot stand right after a verb of saying ("told Reuters"), as the one told? */
export function toldActor(c: Ctx, slot: Slot): boolean {
  const before = slot.tokenStart - 1;
  return before >= c.s.tokenStart && c.tokens.pos[before] === POS.VERB && c.verbs.reportingVerbs.has(c.tokens.lemma[before]!);
}

/** Does a noun phrase that is no actor begin at `from` (a determiner or a name) and run to the verb group before `to`? */
export function newPhraseAfter(c: Ctx, from: number, to: number): boolean {
  if (from >= to || c.slots.idAt(from) >= 0) return false;
  const p = c.tokens.pos[from]!;
  if (p !== POS.DET && p !== POS.PROPN) return false;
  for (let k = from; k < to; k++) if ((c.tokens.pos[k] === POS.NOUN || c.tokens.pos[k] === POS.PROPN) && c.slots.idAt(k) < 0) return true;
  return false;
}

/**
 * The subject noun phrase of the verb at t when it has no actor of its own
 * (coding option `subjectInComplements`, as PETRARCH's noun phrases take the
 * actors of the phrases inside them): "Resumption of ties between Arnor and
 * Gondor may spur…" stands for Arnor and Gondor. The phrase runs from the
 * sentence start to the verb group, begins with no preposition or
 * subordinator, and holds no verb, pronoun or punctuation; its first actor
 * is returned (with compound() its members), or null.
 */
export function complementSubject(c: Ctx, t: number): number[] | null {
  let j = t - 1;
  while (j >= c.s.tokenStart && (c.tokens.pos[j] === POS.AUX || c.tokens.pos[j] === POS.ADV || c.tokens.pos[j] === POS.PART)) j--;
  const p0 = c.tokens.pos[c.s.tokenStart]!;
  if (j < c.s.tokenStart || p0 === POS.ADP || p0 === POS.SCONJ) return null;
  // each conjunct of the phrase gives its first actor: "Ithilen's sheep and goats of Gondor" is Ithilen and Gondor
  const out: number[] = [];
  let inConjunct = false;
  for (let k = c.s.tokenStart; k <= j; k++) {
    const p = c.tokens.pos[k]!;
    const id = c.slots.idAt(k);
    if (id < 0 && c.ids.conj.has(c.tokens.norm[k]!)) {
      inConjunct = false;
      continue;
    }
    if (id < 0 && (isPunct(c, k) || p === POS.VERB || p === POS.AUX || p === POS.PRON)) return null;
    if (id < 0 || inConjunct) continue;
    const slot = c.slots.slots[id]!;
    k = slot.tokenEnd - 1;
    if (!codedSlot(c.coding, slot)) continue;
    inConjunct = true;
    for (const m of compound(c, id)) if (!out.includes(m)) out.push(m);
  }
  return out.length ? out : null;
}

/**
 * "after Calenardhon crowds burned down its embassy", "before Russia had
 * invaded": after a subordinator that is also a preposition (after, before,
 * since, until), an actor followed only by the rest of its noun phrase and
 * the verb's auxiliaries is the subject of the verb, not an object.
 */
export function subordinateSubject(c: Ctx, before: number, after: number, t: number): boolean {
  if (before < c.s.tokenStart || !c.ids.clauseStops.has(c.tokens.norm[before]!) || c.tokens.pos[t] !== POS.VERB) return false;
  if (c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase().endsWith('ing')) return false;
  for (let k = after; k < t; k++) {
    const p = c.tokens.pos[k]!;
    if (p !== POS.NOUN && p !== POS.PROPN && p !== POS.ADJ && p !== POS.AUX && p !== POS.ADV && p !== POS.PART) return false;
  }
  return true;
}

/** Is token t inside a multi-word actor name (not the pronoun or agent noun that is a whole slot)? */
export function insideName(c: Ctx, t: number): boolean {
  const slot = c.slots.slotAt(t);
  if (!slot || slot.viaCoref) return false;
  // TABARI: no word of an actor or agent phrase is a verb ("Security forces": not FORCE)
  if (c.coding.actorWordsNoTriggers) return true;
  const k = slot.actor.kind;
  return (k === 'organisation' || k === 'group' || k === 'community' || k === 'institution' || k === 'country') && slot.tokenEnd - slot.tokenStart > 1;
}

/** Is the -ing trigger at t a gerund heading a clause of its own ("against exacerbating", "that detaining")? */
export function isGerund(c: Ctx, t: number): boolean {
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  if (!surface.endsWith('ing') || t === c.s.tokenStart) return false;
  const p = c.tokens.pos[t - 1]!;
  return p === POS.ADP || p === POS.SCONJ || p === POS.DET || (p === POS.PUNCT && !c.tokens.has(t - 1, FLAG.QUOTE));
}

/**
 * "A group of Moroccan diplomats", "thousands of Iraqi Kurds", "the foreign
 * ministers of India and China": before "of" stands a collective or quantity
 * head or a role with no country, so the object of "of" is who acts.
 */
export function collectiveOf(c: Ctx, start: number): boolean {
  const of = start - 1;
  if (of <= c.s.tokenStart || c.tokens.norm[of] !== c.ids.of) return false;
  const h = of - 1;
  if (c.verbs.collectiveHeads.has(c.tokens.lemma[h]!) || c.verbs.collectiveHeads.has(c.tokens.norm[h]!)) return true;
  const slot = c.slots.slotAt(h);
  return slot !== undefined && !SlotIndex.coded(slot) && slot.tokenEnd === of;
}

/**
 * A coded actor slot in the same noun phrase, walking left from token j over
 * modifiers: "Algeria's leading human rights activist" (a possessor and a
 * participle), "Vietnamese-led forces" (the one leading them; "Russian-backed
 * separatists" are not Russia).
 */
export function codedInPhrase(c: Ctx, j: number): number | null {
  for (let k = j; k >= c.s.tokenStart; k--) {
    const id = c.slots.idAt(k);
    if (id >= 0) return SlotIndex.coded(c.slots.slots[id]!) ? id : null;
    const p = c.tokens.pos[k]!;
    if (p === POS.ADJ || p === POS.NOUN || p === POS.PROPN || p === POS.DET || p === POS.NUM) continue;
    // the possessor's "'s" right after a coded actor
    if (c.ids.possessive.has(c.tokens.norm[k]!) && k > c.s.tokenStart && c.slots.idAt(k - 1) >= 0) continue;
    // "X-led": the hyphen and "led" after the actor
    if (c.tokens.norm[k] === c.ids.led && k - 1 > c.s.tokenStart && c.tokens.norm[k - 1] === c.ids.hyphen && c.slots.idAt(k - 2) >= 0) {
      k--;
      continue;
    }
    // "Russian aircraft including helicopter gunships": the list's head before "including"
    if (c.tokens.norm[k] === c.ids.including) continue;
    // a participle inside the phrase, after a possessor or a determiner ("Algeria's leading", "the ousted")
    if (p === POS.VERB && k > c.s.tokenStart && /(ing|ed)$/i.test(c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!))) {
      const b = k - 1;
      if (c.ids.possessive.has(c.tokens.norm[b]!) || c.tokens.pos[b] === POS.DET) continue;
    }
    return null;
  }
  return null;
}

/** A pattern's source slot with no code: the coded actor of its phrase ("The Bush administration"), or beside it; else the slot itself. */
export function codedSource(c: Ctx, id: number): number {
  const slot = c.slots.slots[id]!;
  if (SlotIndex.coded(slot)) return id;
  if (slot.viaCoref) return antecedentSource(c, id) ?? id;
  return codedInPhrase(c, slot.tokenStart - 1) ?? codedBeside(c, id) ?? id;
}

/**
 * A pronoun or definite noun that refers back to an agent with no country
 * earlier in its sentence: the coded actor the antecedent's own phrase names
 * ("Militants loyal to al-Zarqawi said they attempted", "Fighters from the
 * Taliban said they had attacked", "Hamas's militants said they fired").
 * Returns that actor's slot, or null.
 */
export function antecedentSource(c: Ctx, id: number): number | null {
  const slot = c.slots.slots[id]!;
  if (!slot.viaCoref || SlotIndex.coded(slot)) return null;
  const a = slot.actor;
  if (a.tokenStart < c.s.tokenStart || a.tokenStart >= slot.tokenStart) return null;
  const ante = c.slots.idAt(a.tokenStart);
  if (ante < 0 || ante === id) return null;
  const as = c.slots.slots[ante]!;
  if (as.viaCoref || as.tokenStart !== a.tokenStart || as.tokenEnd !== a.tokenEnd) return null;
  const found = codedInPhrase(c, as.tokenStart - 1) ?? codedBeside(c, ante);
  return found !== null && found !== id ? found : null;
}

/**
 * An agent with no country of its own standing beside a coded actor that
 * says whose it is: "activists from the Fatah party", "students throughout
 * Indonesia" (after it), or the name it is in apposition to ("The main Hutu
 * rebel group, Forces for the Defence of Democracy (FDD), insisted": before
 * it, across a comma). Returns that actor's slot, or null.
 */
export function codedBeside(c: Ctx, id: number): number | null {
  const slot = c.slots.slots[id]!;
  if (slot.viaCoref) return null;
  // after it: "from", "of", "in", "throughout", "across" and a coded actor; "loyal to", "affiliated with",
  // "allied to", "linked to", "belonging to" one
  let j = slot.tokenEnd;
  const loyal = j + 1 < c.s.tokenEnd && c.ids.loyal.has(c.tokens.norm[j]!) && c.ids.loyalPreps.has(c.tokens.norm[j + 1]!);
  if (j < c.s.tokenEnd && (c.ids.agentPlaces.has(c.tokens.norm[j]!) || loyal)) {
    j += loyal ? 2 : 1;
    if (j < c.s.tokenEnd && c.ids.articles.has(c.tokens.norm[j]!) && c.slots.idAt(j) < 0) j++;
    const other = j < c.s.tokenEnd ? c.slots.idAt(j) : -1;
    if (other >= 0 && other !== id && c.slots.slots[other]!.tokenStart === j && SlotIndex.coded(c.slots.slots[other]!)) return other;
  }
  // before it, in apposition: "NAME, AGENT (...),"
  let k = slot.tokenStart - 1;
  while (k >= c.s.tokenStart && c.slots.idAt(k) < 0 && (c.tokens.pos[k] === POS.DET || c.tokens.pos[k] === POS.ADJ)) k--;
  if (k - 1 >= c.s.tokenStart && c.tokens.norm[k] === c.ids.comma) {
    const before = c.slots.idAt(k - 1);
    if (before >= 0 && c.slots.slots[before]!.tokenEnd === k && SlotIndex.coded(c.slots.slots[before]!) && !c.slots.slots[before]!.modifier) {
      // the apposition closes with a comma before the verb: "NAME, AGENT, verb"
      for (let m = slot.tokenEnd; m < c.s.tokenEnd; m++) {
        if (c.tokens.norm[m] === c.ids.comma) return before;
        if (c.tokens.pos[m] === POS.VERB || c.tokens.pos[m] === POS.AUX) return null;
      }
    }
  }
  return null;
}

/**
 * The target: the first actor right of token `from` inside the clause: the
 * direct object ("warned the U.S."), the object of a preposition ("imposed
 * sanctions on Russia", "rejected calls by Kofi Annan"), or the place the act
 * happened in, as CAMEO coders code it ("imposed a curfew in the town of Cizre
 * in Turkey"). The clause ends at a complementizer, a relative pronoun, a
 * semicolon or dash, or "and" before a new verb.
 */
export function findObject(c: Ctx, from: number, exclude: Set<number>, placeTargets = false): number | null {
  // the peers look for the target through the whole sentence
  const end = c.coding.targetSearch === 'sentence' ? c.s.tokenEnd : Math.min(c.s.tokenEnd, from + TARGET_REACH);
  for (let j = from; j < end; j++) {
    const id = c.slots.idAt(j);
    if (id >= 0 && !exclude.has(id)) {
      const slot = c.slots.slots[id]!;
      if (slot.tokenStart === j || j === from) {
        // a pronoun followed by its verb is the subject of a clause of its own ("insisted it was")
        const pronoun = slot.viaCoref && slot.tokenEnd - slot.tokenStart === 1 && c.tokens.pos[slot.tokenStart] === POS.PRON;
        const next = c.tokens.pos[slot.tokenEnd];
        if (pronoun && (next === POS.AUX || next === POS.VERB)) return null;
        // "its ports": a possessive determiner points back to someone already in the clause
        const determiner = slot.tokenEnd - slot.tokenStart === 1 && c.ids.possessivePronouns.has(c.tokens.norm[slot.tokenStart]!);
        // "on the eve of the G20 summit": an organisation naming a meeting or a place is not the target;
        // nor is a capital after "in"/"at": "met in Paris" is where, not whom
        const before = slot.tokenStart - 1;
        const venue =
          (slot.modifier && slot.actor.kind === 'organisation') ||
          (!placeTargets && slot.actor.kind === 'capital' && !slot.viaCoref && before >= c.s.tokenStart && c.ids.locatives.has(c.tokens.norm[before]!));
        if (!determiner && !venue) return id;
        j = slot.tokenEnd - 1;
        continue;
      }
    }
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n)) return null;
    // PETRARCH: the target is in the verb's phrase, not in a clause after a comma (", a senior official said")
    if (n === c.ids.comma && c.coding.commaClauseEndsTarget && clauseBoundary(c, j - 1) === j) return null;
    if (c.coding.targetSearch === 'sentence') continue;
    // "after" and "since" may be prepositions ("met after talks with X"); "whether" (tagged ADP too) never is
    if (c.ids.clauseStops.has(n) && (c.tokens.pos[j] !== POS.ADP || c.ids.conditions.has(n))) return null;
    if (c.ids.relatives.has(n)) return null;
    if (n === c.ids.comma) {
      // ", and the European Union said…": a new clause; "warned Iran, Iraq and Syria": a list
      const next = c.slots.idAt(j + 1);
      if (next < 0) return null;
      // "fired two missiles into the sea on Monday, South Korea's military said": the clause's reporter, no target
      const v = pastAuxiliaries(c, c.slots.slots[next]!.tokenEnd);
      if (v < c.s.tokenEnd && c.tokens.pos[v] === POS.VERB && c.verbs.reportingVerbs.has(c.tokens.lemma[v]!)) return null;
    }
    if (c.ids.conj.has(n) && j + 1 < end && (c.tokens.pos[j + 1] === POS.VERB || c.tokens.pos[j + 1] === POS.AUX)) return null;
  }
  return null;
}

/** Is the trigger at t a noun (and not a participle the tagger took for one: "has been building")? */
export function isNoun(c: Ctx, t: number): boolean {
  const p = c.tokens.pos[t]!;
  if (p !== POS.NOUN && p !== POS.PROPN) return false;
  if (t > c.s.tokenStart && c.tokens.pos[t - 1] === POS.AUX && /(ing|ed)$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return false;
  return true;
}

/**
 * The source of a noun trigger. A noun has no subject of its own: its actor
 * is the possessor or modifier right before it ("Russia's invasion", "Israeli
 * airstrikes", "a U.S. strike"), the agent after it ("an attack by Hamas"),
 * or, when the pattern names the verb that carries it ("launched * on +",
 * "held talks"), that verb's subject. "After a deadly attack on tourists" has
 * none.
 */
export function nounSource(c: Ctx, t: number, m: PatternMatch): number | null {
  // modifier or possessor immediately before, across adjectives and numbers
  let j = t - 1;
  while (j >= c.s.tokenStart && (c.tokens.pos[j] === POS.ADJ || c.tokens.pos[j] === POS.NUM) && c.slots.idAt(j) < 0) j--;
  const possessed = j >= c.s.tokenStart && c.ids.possessive.has(c.tokens.norm[j]!);
  if (possessed) j--;
  const id = j >= c.s.tokenStart ? c.slots.idAt(j) : -1;
  // "the Bucha massacre", "the Mosul offensive": a place before the noun is where it happened, not who did it
  // (but a capital's possessive is its state's: "Washington's commitment", "Moscow's invasion")
  if (id >= 0 && !c.ids.possessivePronouns.has(c.tokens.norm[c.slots.slots[id]!.tokenStart]!) && (c.slots.slots[id]!.actor.kind !== 'capital' || possessed)) return id;
  const agent = byAgent(c, t + 1);
  // ("ordered patrols by police": an agent with no country leaves the verb's subject to say whose they are)
  if (agent !== null && (SlotIndex.coded(c.slots.slots[agent]!) || c.coding.sourceSearch)) return agent;
  const agentOther = agent !== null ? codedSource(c, agent) : null;
  if (agentOther !== null && agentOther !== agent) return agentOther;
  // a light verb the pattern names ("launched * on +", "held * with +") carries the noun's actor
  if (m.used.some((u) => u < t && (c.tokens.pos[u] === POS.VERB || c.tokens.pos[u] === POS.AUX))) return findSubject(c, m.first);
  // "flew to Doha for talks with …", "arrived in Cairo for talks": the one who came for them holds them
  if (!c.coding.sourceSearch) {
    const mover = motionBefore(c, t);
    if (mover >= 0) return findSubject(c, mover);
  }
  if (agent !== null && c.coding.sourceSearch === undefined && lightVerbBefore(c, t) < 0) return agent;
  // so does a support verb the noun is the object of ("launched a full-scale invasion")
  for (let k = t - 1; k >= Math.max(c.s.tokenStart, t - 7); k--) {
    const p = c.tokens.pos[k]!;
    if (p === POS.VERB || p === POS.AUX) {
      return c.verbs.lightVerbs.has(c.tokens.lemma[k]!) || c.verbs.lightVerbs.has(c.tokens.norm[k]!) ? findSubject(c, k) : null;
    }
    // ("staged a 24-hour hunger strike": a hyphen inside the noun phrase)
    if (p !== POS.DET && p !== POS.ADJ && p !== POS.NUM && p !== POS.NOUN && !(p === POS.PRON && c.ids.possessivePronouns.has(c.tokens.norm[k]!)) && !c.tokens.has(k, FLAG.PUNCT) === false && (c.coding.sourceSearch || (c.tokens.norm[k] !== c.ids.hyphen && c.tokens.norm[k] !== c.ids.comma))) return null;
    // ("launched artillery, mortar and rocket fire": a list of nouns before the last one)
    const inList = !c.coding.sourceSearch && (c.tokens.norm[k] === c.ids.comma || c.ids.conj.has(c.tokens.norm[k]!)) && k > c.s.tokenStart && c.tokens.pos[k - 1] !== POS.VERB;
    if ((p === POS.ADP || p === POS.SCONJ || p === POS.CCONJ) && !inList) return null;
  }
  return null;
}

/** "flew to Doha for [talks]": a verb of motion before "for" and the noun at t, within its clause, or -1 */
export function motionBefore(c: Ctx, t: number): number {
  let k = t - 1;
  while (k >= c.s.tokenStart && (c.tokens.pos[k] === POS.DET || c.tokens.pos[k] === POS.ADJ || c.tokens.pos[k] === POS.NUM)) k--;
  if (k < c.s.tokenStart || c.tokens.norm[k] !== c.ids.for) return -1;
  for (let j = k - 1; j >= Math.max(c.s.tokenStart, k - 8); j--) {
    if (c.tokens.has(j, FLAG.PUNCT)) return -1;
    if (c.tokens.pos[j] === POS.VERB) return c.ids.motionVerbs.has(c.tokens.lemma[j]!) || c.ids.motionVerbs.has(c.tokens.norm[j]!) ? j : -1;
  }
  return -1;
}

/** The support verb whose object the noun at t is ("ordered patrols"), or -1. */
function lightVerbBefore(c: Ctx, t: number): number {
  for (let k = t - 1; k >= Math.max(c.s.tokenStart, t - 7); k--) {
    const p = c.tokens.pos[k]!;
    if (p === POS.VERB || p === POS.AUX) return c.verbs.lightVerbs.has(c.tokens.lemma[k]!) || c.verbs.lightVerbs.has(c.tokens.norm[k]!) ? k : -1;
    if (p !== POS.DET && p !== POS.ADJ && p !== POS.NUM && p !== POS.NOUN && c.tokens.norm[k] !== c.ids.hyphen) return -1;
  }
  return -1;
}

export function byAgent(c: Ctx, from: number): number | null {
  for (let j = from; j < Math.min(c.s.tokenEnd, from + 4); j++) {
    if (c.tokens.norm[j] === c.ids.by) {
      for (let k = j + 1; k < Math.min(c.s.tokenEnd, j + 5); k++) {
        const id = c.slots.idAt(k);
        if (id >= 0) return id;
        if (isPunct(c, k)) return null;
      }
      return null;
    }
    if (isPunct(c, j)) return null;
  }
  return null;
}

