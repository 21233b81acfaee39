/**
 * The event coder: verb patterns over tokens and actor slots, no parse tree.
 *
 * For each sentence, left to right:
 *  1. a token whose lemma is a trigger in the verb dictionary is tried with its
 *     patterns, most specific first; the first that matches gives the code
 *     (else the entry's default code);
 *  2. a modal construction wraps it: "ready to discuss" (intent),
 *     "refused to provide" (reject), "threatened to attack" (threat); a
 *     negation in its verb group ("did not agree") recodes it or flags it;
 *  3. the source is the pattern's `$`, else the subject found walking left
 *     (skipping prepositional objects, possessors and relative clauses); the
 *     target is the pattern's `+`, else the first actor to the right inside the
 *     clause; passive voice ("was attacked by X") swaps them;
 *  4. compound actors ("the U.S. and Russia") give one event per member, and a
 *     compound subject with no target of a reciprocal verb ("A and B held
 *     talks") gives both directions.
 *
 * The parts live beside it: `context.ts` (what every part sees),
 * `match-pattern.ts` (step 1), `modality.ts` (step 2), `find-actors.ts`
 * (step 3) and `compound.ts` (step 4, and the actor classes patterns test).
 */
import type { ActorRef, CodedEvent, Sentence } from '../../core/layers.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import type { TextSpan } from '../../core/span.js';
import { SlotIndex, type Slot } from '../coref/slots.js';
import type { CodeBook } from './codebook.js';
import { applyModifier, type VerbMatcher } from './compile-verbs.js';
import { DateResolver } from './resolve-date.js';
import { actorIn, impliedSlot, IMPLIED_SOURCE, IMPLIED_TARGET } from './implied.js';
import { firstActor, nextActorBefore, sameActors, type FirstActorCtx } from './first-actor.js';
import type { CodingOptions } from '../coding-options.js';
import { type TraceStep, type EventCoderIds, type Ctx, isPunct } from './context.js';
import { compound } from './compound.js';
import { type PatternMatch, matchAt, mayTrigger } from './match-pattern.js';
import { modalAt, negationBefore, isPassive, conditional, reducedPassive } from './modality.js';
import { adjunctVerb, clauseBoundary, nounAfter, codedSlot, complex, coordinatedVerb, findSubject, complementSubject, insideName, isGerund, findObject, isNoun, nounSource, byAgent, codedSource, motionBefore } from './find-actors.js';

function ref(slot: Slot): ActorRef {
  const r: ActorRef = { text: slot.text, start: slot.start, end: slot.end, code: slot.actor.code || null };
  if (slot.actorIndex >= 0) r.actor = slot.actorIndex;
  if (slot.actor.name) r.name = slot.actor.name;
  if (slot.actor.person) r.person = slot.actor.person;
  return r;
}

export interface CodeEventsInput {
  tokens: TokenTable;
  text: string;
  sentences: readonly Sentence[];
  slots: SlotIndex;
  date: string | null;
}

export function codeEvents(
  input: CodeEventsInput,
  verbs: VerbMatcher,
  codes: CodeBook,
  ids: EventCoderIds,
  trace?: TraceStep[],
  coding: CodingOptions = {},
): CodedEvent[] {
  const { tokens, text, sentences, slots } = input;
  const dates = new DateResolver(text, input.date);
  const coded = (sl: Slot) => codedSlot(coding, sl);
  const events: CodedEvent[] = [];
  // the last two actors an event was coded between ("Japan's minister met his South Korean counterpart"),
  // for a subject that names them both after it ("the two sides signed …")
  let lastDyad: { a: number; b: number; sentence: number } | null = null;
  sentences.forEach(function codeSentence(s, sIdx) {
    const c: Ctx = { tokens, text, s, slots, verbs, ids, trace, coding };
    const fa: FirstActorCtx = { tokens, s, slots, coordinators: ids.coordinators, joiners: ids.conj, possessivePronouns: ids.possessivePronouns, coded };
    if (coding.complexity && complex(c, coding.complexity)) return;
    const consumed = new Uint8Array(s.tokenEnd - s.tokenStart);
    const seen = new Set<string>();
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (consumed[t - s.tokenStart] || isPunct(c, t)) continue;
      // no trigger and no modal word: nothing below can code it (the cheap test first)
      if (!mayTrigger(c, t)) continue;
      // a word inside an actor's name is no trigger: the Organisation of Islamic Cooperation cooperates with nobody
      if (insideName(c, t)) continue;
      // "the besieged town", "the detained journalists": a participle between a determiner and its noun is an adjective
      if (adjectival(c, t)) continue;
      // "playwrights such as Martin Lynch": a capitalised word after a first name is a name, no verb
      if (nameWord(c, t)) continue;
      const eventsBefore = events.length;
      let modal = modalAt(c, t);
      let hit = modal ? matchAt(c, modal.inner) : null;
      // the support verb had no pattern of its own: its event noun carries the act ("agreed to hold … exercises")
      if (modal && !hit && modal.noun !== undefined) {
        modal = { modifier: modal.modifier, inner: modal.noun };
        hit = matchAt(c, modal.inner);
      }
      let first = t;
      if (!hit) {
        modal = null;
        hit = matchAt(c, t);
      }
      if (!hit) continue;
      const triggerTok = modal ? modal.inner : t;
      // a noun is an event only through a pattern ("talks with +"), never by its default code ("the terror threat")
      const nounTrigger = isNoun(c, triggerTok) || nominalGerund(c, triggerTok);
      if (!hit.m.compiled && !modal && nounTrigger && !coding.nounDefaults) continue;
      // "prohibited torture": a bare form right after a main verb is its object, whatever the tagger says
      if (!hit.m.compiled && !modal && objectOfVerb(c, triggerTok)) continue;
      // "when demand slackens": a bare form after a determiner or subordinator and before a verb is a noun subject
      if (!hit.m.compiled && !modal && nounSubject(c, triggerTok)) continue;
      let { code } = hit.m;
      // the target's event of a paired code goes through the same modality ("agreed to hold talks")
      let pairedCode = hit.m.paired;
      let negated = false;
      let modality: string | undefined;
      if (modal) {
        const r = applyModifier(modal.modifier, code);
        code = r.code;
        negated = r.negated;
        modality = modal.modifier.name;
        if (pairedCode) pairedCode = applyModifier(modal.modifier, pairedCode).code;
      }
      let neg = negationBefore(c, first);
      // "flew to Doha for talks with …": talks one came for are held, no mere purpose
      if (neg && neg.name === 'infinitive' && !coding.sourceSearch && motionBefore(c, first) >= 0) neg = null;
      // "the EC may halt mediation if cooperation founders", "could cut ties unless": harm that may come on a
      // condition is a threat, as CAMEO defines one
      if (neg && neg.name === 'possible' && !modal && !coding.sourceSearch && /^1[2-9]|^20/.test(code) && conditionAfter(c, hit.m.end)) {
        neg = verbs.modifiers.get('threat') ?? neg;
      }
      if (neg) {
        const r = applyModifier(neg, code);
        code = r.code;
        negated = negated || r.negated;
        modality = modality ?? neg.name;
        if (pairedCode) pairedCode = applyModifier(neg, pairedCode).code;
      }
      // a paired code (`032/033`) may stand alone: `---/173` codes only the target's event
      if (!codes.has(code) && !(pairedCode && codes.has(pairedCode))) continue;
      // an act inside a condition is hypothetical: "…if Russia invaded Ukraine"
      if (conditional(c, first)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'hypothetical' });
        continue;
      }
      // "accused the US of violating…", "a proposal for signing…": a gerund after "of"/"for" is what
      // someone is accused of or proposes, not an act
      const lead = Math.min(first, hit.m.first);
      if (!modal && !hit.m.compiled?.hasSource && isGerund(c, lead) && c.ids.gerundHeads.has(c.tokens.norm[lead - 1]!)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'hypothetical' });
        continue;
      }
      // "demanded that Israel ease restrictions": a base form after "that" and a singular actor is a subjunctive,
      // what is demanded, no act
      if (!modal && subjunctive(c, first)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'hypothetical' });
        continue;
      }
      // "demonstrated in Kirkuk calling for independence", "blocked roads demanding his return": a participle
      // of appeal or demand after a protest says what the protest wants; it is no event of its own
      if (!modal && (code.startsWith('02') || code.startsWith('10')) && participle(c, first) && events.some((e) => e.sentence === sIdx && e.cameo.startsWith('14') && e.trigger.end <= tokens.start[first]!)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'part of the protest' });
        continue;
      }
      // "called on both sides to respect the truce", "urged the parties to observe the ceasefire": what an appeal
      // asks for, in its infinitive, is no act of the one appealing (an actor asked is coded by the appeal's own
      // patterns: "urged X to return to talks")
      if (!coding.sourceSearch && !modal && lead - 1 > s.tokenStart && tokens.norm[lead - 1] === verbs.toId &&
        events.some((e) => e.sentence === sIdx && e.cameo.startsWith('02') && e.trigger.end <= tokens.start[lead]! && !commaBetween(c, tokens.tokenAt(e.trigger.end - 1), lead))) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'what an appeal asks for' });
        continue;
      }
      // source and target
      let sourceId = hit.m.source !== undefined && !coding.sourceSearch ? codedSource(c, hit.m.source) : hit.m.source ?? null;
      // the members of a subject that is no compound of its own (complementSubject)
      let subjectMembers: number[] | null = null;
      // the source is a free adjunct's ("…, accusing Israel of …"): such an act is coded only towards someone
      let adjunct = false;
      let targetId = hit.m.target ?? null;
      const passive =
        !hit.m.compiled?.hasSource &&
        (isPassive(c, triggerTok) || (!modal && hit.m.target === undefined && reducedPassive(c, triggerTok, /^(17|18|19|20)/.test(code)))) &&
        !(coding.passiveNeedsAgent && byAgent(c, hit.m.end + 1) === null);
      if (passive) {
        const agent = byAgent(c, triggerTok + 1);
        const subject = findSubject(c, first);
        sourceId = agent;
        targetId = targetId ?? subject;
        // ("Three US servicemen were killed by a roadside bomb outside the city of Basra")
        if (sourceId === null && !coding.sourceSearch && /^(18|19|20)/.test(code)) {
          const place = violencePlace(c, first);
          if (place !== null && place !== targetId) sourceId = place;
        }
      } else {
        // TABARI: the first actor of the clause (coding option `sourceSearch`, events/first-actor.ts)
        if (sourceId === null && coding.sourceSearch === 'first') {
          sourceId = firstActor(fa, Math.min(first, hit.m.first), new Set(hit.m.target !== undefined ? compound(c, hit.m.target) : []));
        }
        // "condemned the attack and promised aid": the subject of the verb before the conjunction
        let coordinated = -1;
        if (sourceId === null && !nounTrigger) {
          let prev = coordinatedVerb(c, first);
          // ("smashed …, killed … and destroyed …": the head of the whole list)
          for (let k = 0; k < 5 && prev >= 0 && !coding.sourceSearch; k++) {
            const before = coordinatedVerb(c, prev);
            if (before < 0) break;
            prev = before;
          }
          if (prev >= 0) sourceId = findSubject(c, prev);
          coordinated = prev;
        }
        if (sourceId === null) {
          if (nounTrigger && !modal && !coding.nounDefaults) sourceId = nounSource(c, first, hit.m);
          // "Honcharuk's offer to resign": a modal noun's actor is its possessor, like any event noun's
          else if (modal && isNoun(c, first)) {
            sourceId = nounSource(c, first, hit.m);
            // "Greece plans to impose": a to-word the tagger took for a noun, right after its subject or an aside, is the verb
            const b = first - 1;
            if (sourceId === null && !coding.sourceSearch && b >= s.tokenStart && (tokens.norm[b] === ids.comma || (slots.idAt(b) >= 0 && slots.slots[slots.idAt(b)]!.tokenEnd === first))) sourceId = findSubject(c, first);
          }
          else if (!isGerund(c, first) || modal) {
            sourceId = findSubject(c, Math.min(first, hit.m.first));
            // "A bomb killed one soldier and wounded two others": the object of the verb before "and" is not the subject
            if (sourceId !== null && coordinated >= 0 && !coding.sourceSearch && slots.slots[sourceId]!.tokenStart > coordinated) sourceId = null;
            // a pattern word before the subject ("Neither Galadriel nor Gollum boycotted": NEITHER *)
            if (sourceId === null && hit.m.first < first) {
              const inner = findSubject(c, first);
              if (inner !== null && inner !== hit.m.target) sourceId = inner;
            }
            // PETRARCH: a subject with no actor of its own stands for the actors of its prepositional phrases
            if (sourceId === null && coding.subjectInComplements) {
              subjectMembers = complementSubject(c, Math.min(first, hit.m.first));
              sourceId = subjectMembers?.[0] ?? null;
            }
          } else {
            // "rejected the report, accusing Israel of …": a free adjunct's subject is its clause's
            const v = adjunctVerb(c, first);
            if (v >= 0) {
              sourceId = findSubject(c, v);
              adjunct = sourceId !== null;
            }
          }
        }
        // "Hundreds of thousands of people blocked streets in Hong Kong": a crowd that is no actor protests
        // where it is; the place is the protesters' country, as CAMEO coders code it
        if (sourceId === null && !coding.sourceSearch && code.startsWith('14') && !nounTrigger && !actorIn(slots, s.tokenStart, first, () => true)) {
          sourceId = placeAfter(c, hit.m.end + 1);
        }
        // "A roadside bombing near the town of Samarra killed one U.S. soldier": violence no actor is named for is
        // done by an armed force of the place it happened in, as CAMEO coders code it
        // ("Gunmen killed five soldiers in Kabul": an agent with no country of its own is the place's)
        const stateless = sourceId !== null && sourceId >= 0 && !coded(slots.slots[sourceId]!) && slots.slots[sourceId]!.actor.kind === 'agent';
        if ((sourceId === null || stateless) && !coding.sourceSearch && /^(18|19|20)/.test(code)) sourceId = violencePlace(c, first) ?? sourceId;
        if (targetId === null) {
          let exclude = new Set<number>(subjectMembers ?? (sourceId !== null ? compound(c, sourceId) : []));
          if (coding.sourceSearch === 'first') exclude = sameActors(fa, [...exclude]);
          // the peers: the first actor after the verb, also between it and the pattern's last word
          // protests, coercion and violence "in Kirkuk" are aimed at the place's state, as CAMEO codes them
          const placeTargets = c.ids.placeTargetRoots.has(code.slice(0, 2));
          targetId = findObject(c, (coding.targetSearch === 'sentence' ? first : hit.m.end) + 1, exclude, placeTargets);
          // TABARI: no actor after the verb: the next one after the source
          if (targetId === null && sourceId !== null && coding.sourceSearch === 'first' && slots.slots[sourceId]!.tokenEnd <= first) targetId = nextActorBefore(fa, sourceId, first, exclude);
        }
      }
      // a pattern that names the target before the trigger and no source ("+ was * dead"): the source is after it
      if (sourceId === null && hit.m.target !== undefined && hit.m.compiled?.hasSource === false && slots.slots[hit.m.target]!.tokenStart < first) {
        sourceId = findObject(c, hit.m.end + 1, new Set(compound(c, hit.m.target)));
      }
      // a compound `%` before the trigger is the source side ("A and B agree")
      if (hit.m.compound && slots.slots[hit.m.compound[0]!]!.tokenStart < triggerTok) sourceId = hit.m.compound[0]!;
      // no actor before the verb (coding options `sourceAfterVerb`, `defaultSource`, `defaultTarget`; events/implied.ts)
      let single = false;
      if (sourceId === null && !passive && hit.m.target === undefined && targetId !== null && coding.sourceAfterVerb) {
        if (!(coding.defaultSource?.noActorBefore && !actorIn(slots, s.tokenStart, first, coded))) {
          // TABARI: the first actor after the verb is the source, the next one the target
          sourceId = targetId;
          targetId = findObject(c, slots.slots[sourceId]!.tokenEnd, new Set([sourceId]));
          single = true;
        }
      }
      if (sourceId === null && coding.defaultSource) sourceId = IMPLIED_SOURCE;
      if (targetId === null && coding.defaultTarget) targetId = IMPLIED_TARGET;
      const slotOf = (k: number): Slot =>
        k >= 0 ? slots.slots[k]! : impliedSlot(k === IMPLIED_SOURCE ? coding.defaultSource!.code : coding.defaultTarget!.code, sIdx, tokens.start[first]!, first);
      // "the two sides signed", "both countries agreed": the two actors of the last event, within two sentences
      let pair: [number, number] | null = null;
      if ((sourceId === null || (sourceId >= 0 && (!coded(slotOf(sourceId)) || slotOf(sourceId).viaCoref))) && !coding.sourceSearch && !passive && lastDyad && sIdx - lastDyad.sentence <= 2 && dualSubject(c, lead, sIdx - lastDyad.sentence <= 1)) {
        pair = [lastDyad.a, lastDyad.b];
        sourceId = lastDyad.a;
        if (targetId !== null && targetId >= 0 && pair.includes(targetId)) targetId = null;
      }
      if (sourceId === null || !coded(slotOf(sourceId))) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'no source' });
        continue;
      }
      const sources = pair ?? (sourceId < 0 || single ? [sourceId] : subjectMembers?.includes(sourceId) ? subjectMembers : compound(c, sourceId));
      // "A and B held talks on Tuesday as tensions rose over X": a reciprocal act of a compound
      // subject is between its members, unless the pattern or "with" names someone else
      if (hit.ce.entry.reciprocal && sources.length > 1 && hit.m.target === undefined && targetId !== null && targetId >= 0) {
        const before = slots.slots[targetId]!.tokenStart - 1;
        if (before < s.tokenStart || tokens.norm[before] !== ids.with) targetId = null;
      }
      let targets: (number | null)[] = targetId === null ? [null] : targetId < 0 || single ? [targetId] : compound(c, targetId);
      // "called on both sides to respect it", "urged the two countries to …": the two actors of the last event
      if (!pair && !coding.sourceSearch && lastDyad && sIdx - lastDyad.sentence <= 2 && hit.m.target === undefined && dualObject(c, hit.m.end)) {
        const both = [lastDyad.a, lastDyad.b].filter((x) => !sources.includes(x));
        if (both.length === 2) targets = both;
      }
      targets = targets.filter((x) => x === null || coded(slotOf(x)));
      if (!targets.length) targets = [null];
      const pairs: [number, number | null, string?][] = [];
      const comp = hit.m.compound;
      if (comp && (slots.slots[comp[0]!]!.tokenStart < triggerTok || coding.compoundAfterTrigger !== 'target')) {
        // `%`: the members of the compound act on each other ("A and B agree", "exchanged prisoners with A and B")
        for (const a of comp) for (const b of comp) if (a !== b) pairs.push([a, b]);
      } else if (comp) {
        // PETRARCH: a compound after the trigger is the target ("agrees with A and B")
        for (const a of sources) for (const b of comp) pairs.push([a, b]);
      } else if (targets.length === 1 && targets[0] === null && sources.length > 1 && (hit.ce.entry.reciprocal || hit.m.paired !== undefined || (pair && /^0[3-6]/.test(code)))) {
        // (the two sides of "the two sides signed an agreement" cooperate with each other; "both countries opposed
        // new sanctions" is each one's own act)
        // a reciprocal verb, or a paired code ("A and B renewed ties": 064/064), between the members of a compound subject
        for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of sources) for (const b of targets) pairs.push([a, b]);
      }
      // "Israel's Cabinet met on Sunday and decided": a meeting with no one else named is a body meeting on its
      // own, no consultation between actors
      if (!hit.m.compiled && !coding.sourceSearch && hit.m.code.startsWith('04') && pairs.length > 0 && pairs.every(([, b]) => b === null)) {
        if (trace) trace.push({ trigger: span(c, first, hit.m.end), entry: hit.ce.entry.lemma, pattern: '*', code, result: 'no source' });
        continue;
      }
      // a paired code (`032/033`, "left for": visit and be visited): the target's event towards the source
      if (pairedCode) {
        const n = pairs.length;
        for (let i = 0; i < n; i++) {
          const [a, b] = pairs[i]!;
          if (b !== null) pairs.push([b, a, pairedCode]);
        }
      }
      for (let k = first; k <= hit.m.end; k++) consumed[k - s.tokenStart] = 1;
      for (const k of hit.m.used) if (k >= s.tokenStart && k < s.tokenEnd) consumed[k - s.tokenStart] = 1;
      const trig = span(c, first, lastLiteral(c, hit.m, triggerTok));
      const found = dates.near(sIdx, s.start, s.end, trig.start);
      // "ordered diplomats from Argentina and Chile to leave", "told the ambassador to leave the country": a demand
      // that another state's diplomats go is their expulsion (the diplomat noun is inside the actor's words; the
      // members of a list share it)
      const expel = code.startsWith('1056') && !coding.sourceSearch && pairs.some(([, b]) => b !== null && diplomatsOf(c, slotOf(b)));
      for (const [a, b, own] of pairs) {
        const src = slotOf(a);
        const tgt = b === null ? null : slotOf(b);
        const evCode = !own && expel ? '161' : (own ?? code);
        if (!codes.has(evCode)) continue;
        if (!coded(src)) continue;
        // an act in the actor's own country ("Iran arrested a singer in Tehran"): the act stands, with no target
        if (tgt && tgt.actor.code === src.actor.code) {
          if (pairs.length === 1 && !coding.requireTarget && tgt.actor.kind === 'capital') pairs.push([a, null]);
          continue;
        }
        if (coding.requireTarget && !(tgt && coded(tgt))) continue;
        // ("rioted …, setting fire to their mattresses": the adjunct adds no act of its own with no one it is aimed at)
        // (", killing or wounding 50, Thai military sources said": nor towards an actor past the adjunct's end)
        if (adjunct && !(tgt && coded(tgt) && !commaBetween(c, hit.m.end, tgt.tokenStart))) continue;
        if (!tgt && coding.untargetedNeedsObject && !nounAfter(c, hit.m.end + 1)) continue;
        // a government acting on its own country is no dyad: "the Kremlin … against Russia"; unless the
        // pattern itself names both (`+ hosting * tabaski ^ $`: Mordor hosts its own military)
        const named = hit.m.source !== undefined && hit.m.target !== undefined;
        // ("banned Ugandan opposition candidates", "arrested Egyptian activists": a country word that modifies
        // the object's noun stands for its people, and the act is domestic)
        const people = tgt !== null && tgt.modifier && !tgt.viaCoref && !coding.sourceSearch;
        if (tgt && !named && !people && tgt.actor.code.length === 3 && src.actor.code.startsWith(tgt.actor.code) && b !== null && pairs.length === 1) {
          pairs.push([a, null]);
          continue;
        }
        const key = `${src.actor.code}|${tgt?.actor.code ?? ''}|${evCode}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const rule = hit.m.compiled
          ? { file: hit.m.compiled.pattern.source.file, line: hit.m.compiled.pattern.source.line, pattern: hit.m.compiled.pattern.text }
          : { file: hit.ce.entry.source.file, line: hit.ce.entry.source.line, pattern: `${hit.ce.entry.lemma} (default)` };
        const ev: CodedEvent = {
          sentence: sIdx,
          source: ref(src),
          target: tgt ? ref(tgt) : null,
          cameo: evCode,
          label: codes.label(evCode),
          plover: codes.plover(evCode),
          goldstein: codes.goldstein(evCode),
          quad: codes.quad(evCode),
          date: found?.date ?? input.date,
          trigger: trig,
          negated,
          rule,
        };
        if (found) ev.dateText = found.text;
        if (modality) ev.modality = modality;
        if (passive) ev.rule = { ...ev.rule, pattern: `${ev.rule.pattern ?? ''} [passive]` };
        events.push(ev);
        if (a >= 0 && b !== null && b >= 0 && !pair) lastDyad = { a, b, sentence: sIdx };
      }
      if (trace) trace.push({ trigger: trig, entry: hit.ce.entry.lemma, pattern: hit.m.compiled?.pattern.text ?? '*', code, result: 'fired' });
      t = Math.max(t, triggerTok);
      // one event per clause: the rest of the clause codes nothing
      if (coding.eventsPer && coding.eventsPer !== 'all' && events.length > eventsBefore) {
        t = coding.eventsPer === 'sentence' ? s.tokenEnd : clauseBoundary(c, t) - 1;
      }
    }
  });
  return events;
}

/**
 * The words that end the trigger at `end`, or follow it, name two parties:
 * "called on [both sides]", "urged [the two countries] to …".
 */
function dualObject(c: Ctx, end: number): boolean {
  return twoParties(c, end, 0) || twoParties(c, end + 2, 0) || twoParties(c, end + 3, 0);
}

/**
 * The phrase ending at k names two parties: a noun of DUAL_NOUNS after
 * "both" or "the two", with at most `modifiers` adjectives or nouns between
 * ("the two foreign ministers").
 */
function twoParties(c: Ctx, k: number, modifiers: number): boolean {
  const word = (j: number) => (j >= c.s.tokenStart && j < c.s.tokenEnd ? c.text.slice(c.tokens.start[j]!, c.tokens.end[j]!).toLowerCase() : '');
  if (!DUAL_NOUNS.has(word(k))) return false;
  let j = k - 1;
  for (let n = 0; n < modifiers && j >= c.s.tokenStart && (c.tokens.pos[j] === POS.ADJ || c.tokens.pos[j] === POS.NOUN || c.tokens.pos[j] === POS.PROPN) && word(j) !== 'two'; n++) j--;
  return word(j) === 'both' || (word(j) === 'two' && word(j - 1) === 'the');
}

/** nouns for two parties named together: "the two sides", "both countries", "the two leaders" */
const DUAL_NOUNS = new Set(['sides', 'countries', 'nations', 'states', 'governments', 'leaders', 'ministers', 'presidents', 'delegations',
  'neighbours', 'neighbors', 'allies', 'rivals', 'foes', 'capitals', 'men', 'women', 'premiers', 'diplomats', 'parties', 'armies']);

/**
 * The subject right before the verb group of t names two parties the
 * article named before: "the two sides", "both countries", "the two
 * foreign ministers", "the pair".
 */
function dualSubject(c: Ctx, t: number, next: boolean): boolean {
  let k = t - 1;
  while (k >= c.s.tokenStart && (c.tokens.pos[k] === POS.ADV || c.tokens.pos[k] === POS.AUX || c.tokens.pos[k] === POS.PART)) k--;
  if (k < c.s.tokenStart) return false;
  const word = (j: number) => c.text.slice(c.tokens.start[j]!, c.tokens.end[j]!).toLowerCase();
  if (k > c.s.tokenStart && word(k) === 'pair' && word(k - 1) === 'the') return true;
  // an adjective or noun before the head ("the two foreign ministers", "both Gulf neighbours")
  if (twoParties(c, k, 2)) return true;
  // "X met Y on Monday. The ministers agreed …": in the next sentence, the plural with its article alone names the two
  if (!next || !DUAL_NOUNS.has(word(k)) || MANY_NOUNS.has(word(k))) return false;
  let j = k - 1;
  for (let n = 0; n < 2 && j >= c.s.tokenStart && (c.tokens.pos[j] === POS.ADJ || c.tokens.pos[j] === POS.NOUN); n++) j--;
  return word(j) === 'the' && (j === c.s.tokenStart || c.tokens.pos[j - 1] === POS.PUNCT);
}

/** plurals of DUAL_NOUNS that as "the X" name a crowd as often as the two of a meeting: "the men", "the states" */
const MANY_NOUNS = new Set(['men', 'women', 'states', 'parties', 'armies', 'allies', 'rivals', 'foes', 'capitals', 'neighbours', 'neighbors', 'diplomats']);

/** A base-form word right after a main verb that takes no bare infinitive: the verb's object noun ("condemned and prohibited torture"). */
function objectOfVerb(c: Ctx, t: number): boolean {
  if (c.coding.sourceSearch || t <= c.s.tokenStart || c.tokens.pos[t - 1] !== POS.VERB) return false;
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  if (/(ing|ed|s)$/.test(surface) || c.tokens.lemma[t] !== c.tokens.norm[t]) return false;
  return !c.ids.bareInfinitiveVerbs.has(c.tokens.lemma[t - 1]!) && /ed$/i.test(c.text.slice(c.tokens.start[t - 1]!, c.tokens.end[t - 1]!));
}

/** A base form between a determiner, subordinator or preposition and a finite verb: a noun that is the subject ("when demand slackens"). */
function nounSubject(c: Ctx, t: number): boolean {
  if (c.coding.sourceSearch || t <= c.s.tokenStart || t + 1 >= c.s.tokenEnd || c.tokens.lemma[t] !== c.tokens.norm[t]) return false;
  const b = c.tokens.pos[t - 1]!;
  if (b !== POS.DET && b !== POS.SCONJ && b !== POS.ADP && b !== POS.ADJ) return false;
  const a = c.tokens.pos[t + 1]!;
  const next = c.text.slice(c.tokens.start[t + 1]!, c.tokens.end[t + 1]!);
  return a === POS.AUX || (a === POS.VERB && /(s|ed)$/i.test(next));
}

/** the actor's words name diplomats: "diplomats from Argentina", "the British ambassador", "Chinese envoys" */
function diplomatsOf(c: Ctx, slot: Slot): boolean {
  if (slot.viaCoref || slot.actor.kind !== 'agent') return false;
  for (let t = slot.tokenStart; t < slot.tokenEnd; t++) if (c.ids.diplomats.has(c.tokens.lemma[t]!) || c.ids.diplomats.has(c.tokens.norm[t]!)) return true;
  return false;
}

/** A place after "in", "at", "near" … from token `from` in the clause: the slot, or null. */
function placeAfter(c: Ctx, from: number): number | null {
  const end = clauseBoundary(c, from - 1);
  for (let j = from; j < Math.min(end, from + 12); j++) {
    const id = c.slots.idAt(j);
    if (id < 0) continue;
    const slot = c.slots.slots[id]!;
    const before = slot.tokenStart - 1;
    const place = (slot.actor.kind === 'capital' || slot.actor.kind === 'country') && !slot.modifier && !slot.viaCoref;
    return place && before >= c.s.tokenStart && c.ids.locatives.has(c.tokens.norm[before]!) && SlotIndex.coded(slot) ? id : null;
  }
  return null;
}

const CLAUSE_OPENERS = new Set(['where', 'when', 'while', 'whereas', 'although', 'though', 'because', 'since', 'after', 'before', 'as', 'if', 'unless', 'that']);

/**
 * The place an act of violence happened in, anywhere in the trigger's clause: a
 * country or city after "in", "at", "near" …, also as "the town of X" or "the
 * Iraqi city of X" after one. The slot, or null.
 */
function violencePlace(c: Ctx, t: number): number | null {
  // a verb's act, not a noun's ("its involvement in killing"), nor a name ("playwrights such as Martin Lynch")
  if (c.tokens.pos[t] !== POS.VERB || isGerund(c, t) || (t > c.s.tokenStart && c.tokens.has(t, FLAG.CAP))) return null;
  const end = clauseBoundary(c, t);
  // the clause opens after a relative word or a subordinator ("lifted a curfew in Montenegro, where 28 people have been killed")
  let start = t;
  while (start > c.s.tokenStart) {
    const k = start - 1;
    const w = c.text.slice(c.tokens.start[k]!, c.tokens.end[k]!).toLowerCase();
    if (c.ids.hardStops.has(c.tokens.norm[k]!) || c.ids.relatives.has(c.tokens.norm[k]!) || CLAUSE_OPENERS.has(w)) break;
    start = k;
  }
  for (let j = start; j < end; j++) {
    const id = c.slots.idAt(j);
    if (id < 0) continue;
    const slot = c.slots.slots[id]!;
    j = slot.tokenEnd - 1;
    if ((slot.actor.kind !== 'capital' && slot.actor.kind !== 'country') || slot.modifier || slot.viaCoref || !SlotIndex.coded(slot)) continue;
    for (let k = slot.tokenStart - 1; k >= Math.max(c.s.tokenStart, slot.tokenStart - 6); k--) {
      const n = c.tokens.norm[k]!;
      if (c.ids.locatives.has(n)) {
        // "murdered in the Saudi consulate in Istanbul", "killed in clashes with Israeli troops in Gaza": the place
        // locates another state's mission or force, which is where the act was; the host is not its author
        // (but "shot near the U.S. embassy in Baghdad" was beside the mission, in the host's streets)
        const host = k - 1 >= c.s.tokenStart ? c.slots.idAt(k - 1) : -1;
        const h = host >= 0 ? c.slots.slots[host]! : null;
        if (h && host !== id && SlotIndex.coded(h) && h.actor.code.slice(0, 3) !== slot.actor.code.slice(0, 3) && !(h.tokenStart > 0 && c.ids.besides.has(c.tokens.norm[h.tokenStart - 1]!))) break;
        return id;
      }
      const p = c.tokens.pos[k]!;
      if (n !== c.ids.of && p !== POS.DET && p !== POS.ADJ && p !== POS.NOUN && c.slots.idAt(k) < 0) break;
    }
  }
  return null;
}

/** "that Israel ease": a base-form verb right after a single actor (no plural) that follows "that". */
function subjunctive(c: Ctx, t: number): boolean {
  if (c.coding.sourceSearch || c.tokens.pos[t] !== POS.VERB || t < c.s.tokenStart + 2) return false;
  const surface = c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!).toLowerCase();
  if (c.tokens.lemma[t] !== c.tokens.norm[t] || /(s|ed|ing)$/.test(surface)) return false;
  const id = c.slots.idAt(t - 1);
  if (id < 0) return false;
  const slot = c.slots.slots[id]!;
  if (slot.tokenEnd !== t || compound(c, id).length > 1 || slot.viaCoref) return false;
  const k = slot.tokenStart - 1;
  if (k < c.s.tokenStart || c.tokens.norm[k] !== c.ids.that) return false;
  const kind = slot.actor.kind;
  return kind === 'country' || kind === 'capital' || kind === 'organisation' || kind === 'institution' || kind === 'person' || (kind === 'agent' && !/s$/i.test(slot.text));
}

/** An "if" or "unless" clause after token t in its sentence, before a semicolon or a new sentence part. */
function conditionAfter(c: Ctx, t: number): boolean {
  for (let j = t + 1; j < c.s.tokenEnd; j++) {
    const n = c.tokens.norm[j]!;
    if (c.ids.hardStops.has(n)) return false;
    if (n === c.ids.ifWord || n === c.ids.unless) return true;
  }
  return false;
}

/** An -ing verb that is no finite verb: not after an auxiliary ("are demanding"), a pronoun or "to". */
function participle(c: Ctx, t: number): boolean {
  if (c.tokens.pos[t] !== POS.VERB || !/ing$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return false;
  const p = t > c.s.tokenStart ? c.tokens.pos[t - 1]! : POS.PUNCT;
  return p !== POS.AUX && p !== POS.PRON && p !== POS.PART && !c.ids.be.has(c.tokens.norm[t - 1]!);
}

/** "the wrongful jailing of 11 people": an -ing form after a determiner (and adjectives) and before "of" is a noun. */
function nominalGerund(c: Ctx, t: number): boolean {
  if (c.coding.sourceSearch || t + 1 >= c.s.tokenEnd || c.tokens.norm[t + 1] !== c.ids.of) return false;
  if (!/ing$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return false;
  let k = t - 1;
  while (k >= c.s.tokenStart && c.tokens.pos[k] === POS.ADJ) k--;
  if (k < c.s.tokenStart) return false;
  const n = c.tokens.norm[k]!;
  return c.ids.articles.has(n) || c.ids.possessivePronouns.has(n) || c.ids.possessive.has(n);
}

/** A capitalised proper noun inside a sentence right after another one that is no actor: part of a person's name ("Martin Lynch"). */
function nameWord(c: Ctx, t: number): boolean {
  if (c.coding.sourceSearch || t <= c.s.tokenStart + 1 || c.tokens.pos[t] !== POS.PROPN || !c.tokens.has(t, FLAG.CAP)) return false;
  const b = t - 1;
  return c.tokens.pos[b] === POS.PROPN && c.tokens.has(b, FLAG.CAP) && !c.tokens.has(b, FLAG.UPPER) && c.slots.idAt(b) < 0;
}

/** Whether a comma stands between two tokens of the sentence. */
function commaBetween(c: Ctx, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (c.tokens.norm[k] === c.ids.comma) return true;
  return false;
}

/** A past participle after an article or a possessive determiner and before a noun or an actor: an adjective ("the occupied territories"). */
function adjectival(c: Ctx, t: number): boolean {
  if (c.coding.sourceSearch || t <= c.s.tokenStart || t + 1 >= c.s.tokenEnd) return false;
  if (c.tokens.pos[t] !== POS.VERB && c.tokens.pos[t] !== POS.ADJ) return false;
  const b = c.tokens.norm[t - 1]!;
  // ("a not-so-pressurised major games", "self-imposed limits": a compound adjective; "Iranian-backed" keeps its actor)
  const compoundAdj = b === c.ids.hyphen && t - 2 >= c.s.tokenStart && c.slots.idAt(t - 2) < 0;
  if (!c.ids.articles.has(b) && !c.ids.possessivePronouns.has(b) && !compoundAdj) return false;
  const p = c.tokens.pos[t + 1]!;
  if (p !== POS.NOUN && p !== POS.PROPN && p !== POS.ADJ && c.slots.idAt(t + 1) < 0) return false;
  // only a trigger's participle is worth the test
  return c.tokens.end[t]! - c.tokens.start[t]! > 2 && c.text.charCodeAt(c.tokens.end[t]! - 1) === 100 /* d */ && c.text.charCodeAt(c.tokens.end[t]! - 2) === 101 /* e */;
}

/**
 * The end of the trigger span: the last literal word the pattern used after
 * the trigger and before its first actor slot, without a trailing preposition,
 * so "held telephone talks with +" shows "held telephone talks".
 */
function lastLiteral(c: Ctx, m: PatternMatch, trigger: number): number {
  let last = trigger;
  for (const u of m.used) {
    if (u <= last || (m.firstSlot !== undefined && u >= m.firstSlot)) continue;
    const p = c.tokens.pos[u];
    if (p === POS.ADP || p === POS.DET || p === POS.PART) continue;
    last = u;
  }
  return last;
}

function span(c: Ctx, a: number, b: number): TextSpan {
  const start = c.tokens.start[a]!;
  const end = c.tokens.end[b]!;
  return { text: c.text.slice(start, end), start, end };
}

