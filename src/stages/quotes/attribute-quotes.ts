/**
 * Who said what: the quotes of one article with their cues and speakers.
 *
 *  1. Direct quotes come from their marks (find-direct-quotes.ts).
 *  2. A direct quote is attributed by the words right after it
 *     (“…,” Blinken said | said the minister | — Blinken), else by the words
 *     right before it (Blinken said: “…” | said that “…” | Blinken: “…” |
 *     according to X, “…” | The email goes on to say: “…”, find-leads.ts),
 *     when the quote fills the rest of the clause.
 *  3. Each remaining cue gives an indirect quote (find-indirect-speech.ts):
 *     the content is its reported clause; a quotation inside that clause
 *     belongs to it ('said the plan was “dead on arrival”').
 *  4. A direct quote still without a speaker continues the quotation whose
 *     attribution it directly follows (“…,” he said, “…” and “…,” he said.
 *     “…”), takes the lead of a sentence ending in a colon before it
 *     ("He added:"), or the speaker of the quote that ended the previous
 *     paragraph; failing that it has no speaker. Scare quotes (three words
 *     or fewer, not attributed by the words around them) are not quotations.
 *  5. Speakers are resolved to actors (resolve-speakers.ts).
 */
import type { ActorMention, ActorRef, CorefLink, Quote, Sentence } from '../../core/layers.js';
import { message, type Message } from '../../core/messages.js';
import type { Span, TextSpan } from '../../core/span.js';
import { FLAG, POS, type TokenTable } from '../../core/token-table.js';
import { SlotIndex } from '../coref/slots.js';
import type { CueMatcher } from './compile-cues.js';
import { charSpan, clauseSentences, endsWithCI, isCap, isNounish, isPunct, isQuoteTok, isVerbish, norm, pos, sentenceEnd, skipOpeners, type Ctx, type QuoteWordIds, type Range } from './context.js';
import { cueAt, mayStartCue, type CueHit } from './find-cues.js';
import { findDirectQuotes, quoteWords } from './find-direct-quotes.js';
import { accordingTo, asClause, contentAfter, relativeContent, skipAdjunct, contentBefore, parenthetical, isFreeRelative, listedVerb, looksLikeClause, trimEnd } from './find-indirect-speech.js';
import { nounAttribution } from './find-noun-cues.js';
import { npEndingAt, npStartingAt, speakerAfter, speakerBefore, type NounPhrase } from './find-speakers.js';
import { SpeakerResolver } from './resolve-speakers.js';
import { int32Table, uint8Table } from './scratch.js';
import { clauseLead, colonLead, documentSource, headlineLead, labelLead, leadBeforeColon, personLike, recordLike, speakerLabel } from './find-leads.js';

export interface AttributeInput {
  text: string;
  paragraphs: readonly Span[];
  /** whether the first paragraph is a headline */
  headline: boolean;
  tokens: TokenTable;
  sentences: readonly Sentence[];
  actors: readonly ActorMention[];
  coref: readonly CorefLink[];
}

export interface AttributeOptions {
  cues: CueMatcher;
  ids: QuoteWordIds;
  gender: (person: string) => 'm' | 'f' | undefined;
}

/** words at most in a quotation inside a sentence that is only a scare quote */
export const SCARE_WORDS = 3;
/** words at most in an unattributed quotation inside a sentence that is not reported as a quote */
export const INLINE_WORDS = 8;
/** how many tokens may stand between a content and a quotation closing its sentence that joins it */
const ORPHAN_GAP = 25;
/** how many tokens after a quote's closing mark its attribution may start */
const TRAILER_REACH = 3;

interface Draft {
  kind: 'direct' | 'indirect';
  /** content pieces, in text order (character spans); a piece added later says by which rule */
  pieces: (Span & { rule?: string })[];
  /** direct quotes (indexes into ctx.marks) this draft is made of */
  marks: number[];
  cue: CueHit | null;
  /** a punctuation cue: the colon of "Blinken: “…”", the dash of "“…” — Blinken" */
  punctCue: Range | null;
  speaker: NounPhrase | null;
  addressee: Range | null;
  rule: string;
  /** the draft whose speaker this one takes */
  speakerFrom?: Draft;
  /** token where the attribution ends (for split quotes) */
  attributionEnd: number;
  /** first token of the content, for ordering */
  at: number;
}

export function attributeQuotes(input: AttributeInput, opts: AttributeOptions): { quotes: Quote[]; messages: Message[] } {
  const { text, tokens } = input;
  const marks = findDirectQuotes(text, input.paragraphs);
  // (tables kept from one document to the next: scratch.ts)
  const inQuote = int32Table('inQuote', tokens.length, -1);
  const isMark = uint8Table('isMark', tokens.length);
  const firstTok: number[] = [];
  const lastTok: number[] = [];
  marks.forEach((m, i) => {
    const end = m.close >= 0 ? m.close + m.closeLength : m.end;
    const a = tokens.tokenAt(m.open);
    let b = a;
    while (b < tokens.length && tokens.start[b]! < end) b++;
    for (let t = a; t < b; t++) {
      inQuote[t] = i;
      // the tokens of the marks themselves ('' is two tokens)
      const ts = tokens.start[t]!;
      if (ts < m.open + m.openLength || (m.close >= 0 && ts >= m.close)) isMark[t] = 1;
    }
    firstTok.push(a);
    lastTok.push(b - 1);
  });
  const mended = clauseSentences(text, tokens, input.sentences, int32Table('sentOf', tokens.length, 0));
  const c: Ctx = {
    text,
    tokens,
    sentences: mended.sentences,
    sentOf: mended.sentOf,
    actors: input.actors,
    slots: new SlotIndex(tokens, input.actors, input.coref),
    cues: opts.cues,
    ids: opts.ids,
    marks,
    inQuote,
    isMark,
    headline: input.headline,
    cueCache: new Array(tokens.length),
    nounCache: new Array(tokens.length),
  };
  const messages: Message[] = [];
  for (const m of marks) {
    if (!m.unclosed) continue;
    const p = input.paragraphs[m.paragraph]!;
    messages.push(
      message('quotes', 'warning', `the quotation opened at offset ${m.open} is not closed in its paragraph; it ends with the paragraph (offset ${p.end})`, {
        rule: 'quotes/unclosed',
        start: m.open,
        end: p.end,
      }),
    );
  }

  // chains of pieces: a quote continued over paragraphs
  const chainOf = new Int32Array(marks.length).fill(-1);
  const chains: number[][] = [];
  marks.forEach((m, i) => {
    if (m.continues !== undefined && chainOf[m.continues]! >= 0) {
      chainOf[i] = chainOf[m.continues]!;
      chains[chainOf[i]!]!.push(i);
    } else {
      chainOf[i] = chains.length;
      chains.push([i]);
    }
  });

  const drafts: Draft[] = [];
  const byChain = new Map<number, Draft>();
  const absorbed = new Set<number>();
  const usedCue = uint8Table('usedCue', tokens.length);
  const claimed = uint8Table('claimed', tokens.length); // tokens of an attribution or of indirect content

  const directDraft = (chain: number, rule: string, cue: CueHit | null, punctCue: Range | null, speaker: NounPhrase | null, addressee: Range | null, attributionEnd: number): Draft => {
    const ms = chains[chain]!;
    const d: Draft = {
      kind: 'direct',
      pieces: ms.map((i) => ({ start: marks[i]!.start, end: marks[i]!.end })),
      marks: [...ms],
      cue, punctCue, speaker, addressee, rule, attributionEnd,
      at: firstTok[ms[0]!]!,
    };
    drafts.push(d);
    byChain.set(chain, d);
    if (cue) for (let t = cue.group.a; t < cue.group.b; t++) usedCue[t] = 1;
    return d;
  };

  const opensSentence = (t: number) => {
    const s0 = c.sentences[c.sentOf[t]!]!;
    let lead = s0.tokenStart;
    while (lead < t && (c.ids.openers.has(norm(c, lead)) || isPunct(c, lead))) lead++;
    return lead === t;
  };

  // 2a. attribution after the quote
  chains.forEach((ms, chain) => {
    const first = ms[0]!;
    const open = firstTok[first]!;
    // the quote must open its clause: nothing before it in its sentence but an opener word, or a colon
    const opensClause = opensSentence(open) || afterIntroduction(c, open) || (open > 0 && norm(c, open - 1) === c.ids.colon);
    for (const i of ms) {
      if (marks[i]!.close < 0) continue;
      const found = trailer(c, i, lastTok[i]!);
      if (!found) continue;
      if (!opensClause) continue;
      directDraft(chain, found.dash ? 'quotes/direct-dash' : found.inverted ? 'quotes/direct-after-inverted' : 'quotes/direct-after', found.cue, found.dash, found.speaker, null, found.end);
      for (let t = lastTok[i]! + 1; t < found.end; t++) claimed[t] = 1;
      return;
    }
  });

  // 2b. attribution before the quote
  chains.forEach((ms, chain) => {
    if (byChain.has(chain)) return;
    const first = ms[0]!;
    const open = firstTok[first]!;
    const s = c.sentences[c.sentOf[open]!]!;
    // the quote must fill the rest of its sentence (or run past it)
    const last = lastTok[ms[ms.length - 1]!]!;
    const lastSentence = c.sentences[c.sentOf[Math.min(last, tokens.length - 1)]!]!;
    if (trimEnd(c, last + 1, lastSentence.tokenEnd) > last + 1 && c.sentOf[last] === c.sentOf[open]) return;
    // a cue shortly before the opening mark
    for (let t = open - 1; t >= s.tokenStart && open - t <= 12; t--) {
      if (usedCue[t] || claimed[t]) break;
      if (c.inQuote[t]! >= 0) break;
      const hit = cueAt(c, t);
      if (!hit) continue;
      if (hit.compiled.entry.cueClass === 'source') {
        const acc = accordingTo(c, hit, s.tokenStart, s.tokenEnd);
        if (acc && acc.content[0] && acc.content[0].a === open) {
          directDraft(chain, 'quotes/direct-according-to', hit, null, acc.speaker, null, acc.speaker.full.b);
          return;
        }
        break;
      }
      const after = contentAfter(c, hit, s.tokenEnd);
      if (!after || after.content.a !== open) {
        // "Trump explained it this way: “…”", "He returned to his favourite theme: “…”": the lead up to the colon is the cue
        if (norm(c, open - 1) === c.ids.colon && open - 1 >= hit.word.b && hit.compiled.entry.content.has('quote') && !hit.passive) {
          const speaker = subjectBefore(c, hit, s.tokenStart, claimed, usedCue);
          if (speaker) {
            const lead: CueHit = { ...hit, group: { a: hit.group.a, b: open } };
            directDraft(chain, 'quotes/direct-colon-lead', lead, null, speaker, null, open);
            for (let k = hit.group.a; k < open; k++) usedCue[k] = 1;
            return;
          }
        }
        break;
      }
      const speaker = hit.passive
        ? null
        : participleAfterComma(c, hit)
          ? subjectBefore(c, hit, s.tokenStart, claimed, usedCue)
          : speakerBefore(c, hit.group.a, s.tokenStart) ?? speakerAfterCue(c, hit, open) ?? elidedSubject(c, hit, s.tokenStart, claimed, usedCue);
      if (!speaker && !hit.passive) break;
      const d = directDraft(chain, 'quotes/direct-before', hit, null, speaker, after.addressee, open);
      if (hit.passive && after.addressee === null) d.addressee = speakerBefore(c, hit.group.a, s.tokenStart)?.head ?? null;
      return;
    }
    // Blinken: “…”
    if (open - 1 > s.tokenStart && norm(c, open - 1) === c.ids.colon) {
      const np = colonLead(c, open - 1, s.tokenStart);
      if (np) {
        directDraft(chain, 'quotes/direct-colon', null, { a: open - 1, b: open }, np, null, open);
        return;
      }
      // "… - Mark Blumenthal and Jon Cohen: “…”", "More from the report: “…”", "Here's Clinton in 1992: “…”"
      const label = labelLead(c, s.tokenStart, open - 1);
      if (label) {
        directDraft(chain, 'quotes/direct-colon', null, { a: open - 1, b: open }, label, null, open);
        return;
      }
      // "The email goes on to say: “…”", "She then addressed the supporters again: “…”"
      const lead = clauseLead(c, s.tokenStart, open - 1, claimed);
      if (lead) {
        directDraft(chain, 'quotes/direct-clause-colon', null, lead.cue, lead.speaker, null, open);
        return;
      }
    }
  });

  // 3. indirect speech, sentence by sentence
  // the verb after a restrictive relative clause → its subject, the phrase with the clause ("Those who said … | split")
  const subjectOf = new Map<number, NounPhrase>();
  const claimRange = (r: Range) => {
    for (let t = r.a; t < r.b; t++) claimed[t] = 1;
  };
  const free = (r: Range) => {
    for (let t = r.a; t < r.b; t++) {
      if (claimed[t]) return false;
      const q = c.inQuote[t]!;
      if (q >= 0 && byChain.has(chainOf[q]!)) return false;
    }
    return true;
  };
  /** the end of a quotation after b that closes b's sentence, with no attribution and no cue before it; else b */
  const orphanQuoteAfter = (b: number): number => {
    if (b >= tokens.length) return b;
    // (only a quotation opening within reach can be one: most contents have none after them)
    const next = firstOpenFrom(firstTok, b);
    if (next < 0 || next - b > ORPHAN_GAP) return b;
    const s = c.sentences[c.sentOf[b - 1]!]!;
    const end = trimEnd(c, b, s.tokenEnd);
    for (let t = b; t < end && t - b <= ORPHAN_GAP; t++) {
      const q = c.inQuote[t]!;
      if (q >= 0) {
        const chain = chainOf[q]!;
        if (firstTok[q] !== t || byChain.has(chain) || absorbed.has(chain)) return b;
        const last = lastTok[chains[chain]![chains[chain]!.length - 1]!]!;
        return last + 1 >= end && c.sentOf[last] === c.sentOf[t] ? last + 1 : b;
      }
      // (nor after a colon: "…, he demurred: “…”" leads in a quotation of its own)
      if (claimed[t] || usedCue[t] || c.ids.finals.has(norm(c, t)) || norm(c, t) === c.ids.semicolon || norm(c, t) === c.ids.colon) return b;
      if (pos(c, t) === POS.VERB && cueAt(c, t)) return b;
    }
    return b;
  };
  const indirect = (rule: string, hit: CueHit, content: Range[], speaker: NounPhrase | null, addressee: Range | null) => {
    // a content that is nothing but one direct quote is that quote, attributed
    if (content.length === 1) {
      const q = c.inQuote[content[0]!.a]!;
      if (q >= 0 && firstTok[q] === content[0]!.a) {
        const chain = chainOf[q]!;
        const ms = chains[chain]!;
        if (lastTok[ms[ms.length - 1]!]! >= content[0]!.b - 1 && !byChain.has(chain)) {
          directDraft(chain, rule.replace('indirect', 'direct'), hit, null, speaker, addressee, hit.word.b);
          claimRange(hit.group);
          return;
        }
      }
    }
    // "McConnell says that …, but instead Obama is giving them “lectures …”": a quotation that closes the
    // sentence after the content, attributed to no one and with no cue before it, is part of what was said
    const lastRange = content[content.length - 1]!;
    const orphan = orphanQuoteAfter(lastRange.b);
    if (orphan > lastRange.b) content = [...content.slice(0, -1), { a: lastRange.a, b: orphan }];
    const pieces = content.map((r) => {
      const s = charSpan(c, r);
      return { start: s.start, end: s.end };
    });
    const d: Draft = { kind: 'indirect', pieces, marks: [], cue: hit, punctCue: null, speaker, addressee, rule, attributionEnd: hit.word.b, at: content[0]!.a };
    drafts.push(d);
    for (const r of content) {
      claimRange(r);
      for (let t = r.a; t < r.b; t++) if (c.inQuote[t]! >= 0) absorbed.add(chainOf[c.inQuote[t]!]!);
    }
    claimRange(hit.group);
    if (speaker) claimRange(speaker.full);
    for (let t = hit.group.a; t < hit.group.b; t++) usedCue[t] = 1;
  };

  // a headline "Graham: Trump Is Destroying the Party": a name, a colon, what the person said
  if (c.headline) {
    for (const s of c.sentences) {
      if (s.paragraph !== 0) break;
      for (let k = s.tokenStart + 1; k < s.tokenEnd - 1; k++) {
        if (norm(c, k) !== c.ids.colon || c.inQuote[k]! >= 0) continue;
        const np = colonLead(c, k, s.tokenStart) ?? headlineLead(c, k, s.tokenStart) ?? labelLead(c, s.tokenStart, k);
        if (!np || !personLike(c, np.head)) break;
        // "Obama in Cuba: A Historic Visit": a person somewhere is a topic, not a speaker
        if (placed(c, np.full)) break;
        const b = trimEnd(c, k + 1, s.tokenEnd);
        let words = 0;
        for (let t = k + 1; t < b; t++) if (!isPunct(c, t)) words++;
        const content = { a: k + 1, b };
        if (words < 3 || !free(content)) break;
        const q = c.inQuote[k + 1]!;
        if (q >= 0 && firstTok[q] === k + 1 && lastTok[q]! >= b - 1) {
          directDraft(chainOf[q]!, 'quotes/direct-colon', null, { a: k, b: k + 1 }, np, null, k + 1);
        } else {
          const pieces = [charSpan(c, content)].map((x) => ({ start: x.start, end: x.end }));
          drafts.push({ kind: 'indirect', pieces, marks: [], cue: null, punctCue: { a: k, b: k + 1 }, speaker: np, addressee: null, rule: 'quotes/headline-colon', attributionEnd: k + 1, at: k + 1 });
          claimRange({ a: np.full.a, b });
          for (let t = content.a; t < content.b; t++) if (c.inQuote[t]! >= 0) absorbed.add(chainOf[c.inQuote[t]!]!);
        }
        break;
      }
    }
  }

  // a transcript or a list of views: "TAPPER: Donald Trump released a video …", "Matthews: Here's the irony …"
  // (a paragraph opening with a name and a colon; the rest of the paragraph is what the person said)
  for (let i = 0; i < c.sentences.length; i++) {
    const s = c.sentences[i]!;
    if (s.paragraph === 0 && c.headline) continue;
    if (i > 0 && c.sentences[i - 1]!.paragraph === s.paragraph) continue;
    let colon = -1;
    for (let k = s.tokenStart + 1; k < Math.min(s.tokenEnd - 1, s.tokenStart + 6); k++) {
      if (norm(c, k) === c.ids.colon && c.inQuote[k]! < 0) {
        colon = k;
        break;
      }
    }
    if (colon < 0 || c.isMark[colon + 1]) continue;
    const np = colonLead(c, colon, s.tokenStart);
    if (!np || !speakerLabel(c, np.head)) continue;
    let last = i;
    while (last + 1 < c.sentences.length && c.sentences[last + 1]!.paragraph === s.paragraph) last++;
    const b = trimEnd(c, colon + 1, c.sentences[last]!.tokenEnd);
    const content = { a: colon + 1, b };
    let words = 0;
    for (let t = content.a; t < b; t++) if (!isPunct(c, t)) words++;
    if (words < 3 || !free(content)) continue;
    const q = c.inQuote[colon + 1]!;
    if (q >= 0) continue;
    const pieces = [charSpan(c, content)].map((x) => ({ start: x.start, end: x.end }));
    drafts.push({ kind: 'indirect', pieces, marks: [], cue: null, punctCue: { a: colon, b: colon + 1 }, speaker: np, addressee: null, rule: 'quotes/paragraph-colon', attributionEnd: colon + 1, at: colon + 1 });
    claimRange({ a: np.full.a, b });
    for (let t = content.a; t < content.b; t++) if (c.inQuote[t]! >= 0) absorbed.add(chainOf[c.inQuote[t]!]!);
  }

  for (const s of c.sentences) {
    const hits: CueHit[] = [];
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (usedCue[t] || claimed[t] || !mayStartCue(c, t)) continue;
      const hit = cueAt(c, t) ?? cueAt(c, t, true);
      if (hit) {
        hits.push(hit);
        t = hit.word.b - 1;
      }
    }
    // "In a CNN/ORC poll released Monday, Clinton led by 10 points": a document named as the source of a clause no cue reports
    const doc = documentSource(c, s);
    if (doc && !hits.some((h) => h.word.a >= doc.content.a) && free(doc.content) && free(doc.speaker.full)) {
      const pieces = [charSpan(c, doc.content)].map((x) => ({ start: x.start, end: x.end }));
      drafts.push({ kind: 'indirect', pieces, marks: [], cue: null, punctCue: doc.cue, speaker: doc.speaker, addressee: null, rule: 'quotes/document-in', attributionEnd: doc.content.a, at: doc.content.a });
      claimRange({ a: doc.cue.a, b: doc.content.b });
      for (let t = doc.content.a; t < doc.content.b; t++) if (c.inQuote[t]! >= 0) absorbed.add(chainOf[c.inQuote[t]!]!);
      continue;
    }
    if (!hits.length) continue;
    // attributions that close the sentence first: their content holds the rest
    for (let k = hits.length - 1; k >= 0; k--) {
      const hit = hits[k]!;
      if (hit.compiled.entry.pos === 'noun') continue;
      if (hit.compiled.entry.cueClass === 'source') {
        // "CONTENT, according to X.": the content before holds whatever other cues it has
        const acc = accordingTo(c, hit, s.tokenStart, s.tokenEnd);
        if (acc && acc.content[0]!.b <= hit.group.a && acc.content.every(free) && free(acc.speaker.full)) {
          indirect('quotes/according-to', hit, acc.content, acc.speaker, null);
          hits.splice(k, 1);
          break;
        }
        continue;
      }
      const before = contentBefore(c, hit, s.tokenStart, s.tokenEnd);
      if (!before || !free(before.content) || (before.speaker && !free(before.speaker.full))) continue;
      indirect(before.inverted ? 'quotes/indirect-before-inverted' : 'quotes/indirect-before', hit, [before.content], before.speaker, null);
      hits.splice(k, 1);
      break;
    }
    for (const hit of hits) {
      if (usedCue[hit.word.a] || claimed[hit.word.a]) continue;
      if (hit.compiled.entry.cueClass === 'source') {
        const acc = accordingTo(c, hit, s.tokenStart, s.tokenEnd);
        if (acc && acc.content.every(free) && free(acc.speaker.full)) indirect('quotes/according-to', hit, acc.content, acc.speaker, null);
        continue;
      }
      if (hit.compiled.entry.pos === 'noun') {
        // "Trump's claim that …", "his call for …": the possessor and what follows the noun
        const na = nounAttribution(c, hit, s.tokenStart, s.tokenEnd);
        if (na && free(na.content) && free(na.speaker.full)) indirect(`quotes/noun-${na.form}`, na.cue, [na.content], na.speaker, null);
        continue;
      }
      const as = asClause(c, hit, s.tokenStart, s.tokenEnd);
      if (as && as.content.every(free) && free(as.speaker.full)) {
        indirect('quotes/indirect-as', hit, as.content, as.speaker, null);
        continue;
      }
      const rel = relativeContent(c, hit, s.tokenStart, s.tokenEnd);
      if (rel && free(rel.content)) {
        indirect('quotes/indirect-relative', hit, rel.antecedent && free(rel.antecedent) ? [rel.antecedent, rel.content] : [rel.content], rel.speaker, null);
        continue;
      }
      const par = parenthetical(c, hit, s.tokenStart, s.tokenEnd);
      if (par && free(par.before) && free(par.after)) {
        indirect('quotes/indirect-inside', hit, [par.before, par.after], par.speaker, null);
        continue;
      }
      const elidedFirst = !hit.passive && participleAfterComma(c, hit);
      let speaker = hit.passive ? null : subjectOf.get(hit.group.a) ?? (elidedFirst ? elidedSubject(c, hit, s.tokenStart, claimed, usedCue) : speakerBefore(c, hit.group.a, s.tokenStart));
      const relative = speaker !== null && speaker.head.b - speaker.head.a === 1 && c.ids.relatives.has(norm(c, speaker.head.a)) && speaker.head.a > s.tokenStart && (norm(c, speaker.head.a - 1) === c.ids.comma || isNounish(c, speaker.head.a - 1));
      // "a new poll showing Trump's standing down, told Fox News …": a participle after its noun is a reduced relative clause
      const reduced = hit.group.a === hit.word.a && hit.group.a > s.tokenStart && isNounish(c, hit.group.a - 1) && endsWithCI(c, hit.word.a, 'ing');
      const after = contentAfter(c, hit, s.tokenEnd, relative || reduced);
      if (!after || !free(after.content)) continue;
      // "Those who said the economy was their top issue split evenly": a restrictive relative clause is part of
      // the subject of the verb that follows it; attribution corpora do not report it on its own
      if (speaker && speaker.head.b - speaker.head.a === 1 && c.ids.relatives.has(norm(c, speaker.head.a)) && speaker.head.a > s.tokenStart) {
        const w = speaker.head.a;
        const p = pos(c, w - 1);
        const main = norm(c, w - 1) !== c.ids.comma && (isNounish(c, w - 1) || p === POS.PRON || p === POS.DET || p === POS.NUM) ? verbAfterClause(c, after.content.a, after.content.b) : -1;
        if (main >= 0) {
          // ("those who …": a pronoun the phrase finder does not take for a speaker alone)
          const antecedent = npEndingAt(c, w - 1, s.tokenStart) ?? { a: w - 1, b: w };
          const verb = verbGroupStart(c, main, s.tokenStart);
          subjectOf.set(verb, { head: antecedent, full: { a: antecedent.a, b: verb } });
          continue;
        }
      }
      // "…, said X, that …" (not ", telling MSNBC his …": a participle has no subject after it, nor a cue with an addressee)
      const participle = endsWithCI(c, hit.word.a, 'ing');
      if (!speaker && !hit.passive && !participle && !after.addressee) speaker = speakerAfterCue(c, hit, after.content.a);
      // (a participle after a comma has tried its clause's subject already)
      if (!speaker && !hit.passive && !elidedFirst) speaker = elidedSubject(c, hit, s.tokenStart, claimed, usedCue);
      // "After talking about security, Mr. Netanyahu suggested …": an opening gerund is the main clause's subject's
      if (!speaker && !hit.passive && openingGerund(c, hit, s.tokenStart) && after.content.b + 1 < s.tokenEnd && norm(c, after.content.b) === c.ids.comma) {
        const np = npStartingAt(c, after.content.b + 1, s.tokenEnd);
        if (np && np.b < s.tokenEnd && isVerbish(c, np.b)) speaker = { head: np, full: np };
      }
      if (!speaker && !hit.passive) continue;
      if (speaker && !free(speaker.full)) speaker = { head: speaker.head, full: speaker.head };
      let addressee = after.addressee;
      const content = [after.content];
      // "what aide Kevin Phillips called “the beginning of a new era”", "which Mr. Trump called “a disgrace”":
      // the free relative pronoun stands for what was named
      if (speaker && after.form === 'quoted' && speaker.full.a - 1 >= s.tokenStart && isFreeRelative(c, speaker.full.a - 1) && !claimed[speaker.full.a - 1]) {
        content.unshift({ a: speaker.full.a - 1, b: speaker.full.a });
      }
      if (hit.passive && (after.form === 'to' || after.form === 'as' || (hit.raising && after.form === 'np'))) {
        // "Obama is expected to join Clinton", "who is said to have pressed for …": the subject and the infinitive
        const subject = speakerBefore(c, hit.group.a, s.tokenStart);
        // "it seems likely that …": an empty "it" is no part of the content
        const empty = hit.raising && subject !== null && subject.full.b - subject.full.a === 1 && norm(c, subject.full.a) === c.ids.it;
        // (without the comma that closes an apposition: "The file, nicknamed Skulls, is thought to …")
        if (subject && free(subject.full) && !empty) content.unshift({ a: subject.full.a, b: trimEnd(c, subject.full.a, subject.full.b) });
      } else if (hit.passive && !hit.raising && !addressee) addressee = speakerBefore(c, hit.group.a, s.tokenStart)?.head ?? null;
      const cue = after.cueEnd !== undefined ? { ...hit, group: { a: hit.group.a, b: after.cueEnd } } : hit;
      // ("quotes/indirect-as" is "As X observed, …"; "sees X as Y" is a noun phrase with its "as")
      // "The poll found Clinton leading", not "Police found the body": evidence without a clause comes from a record
      if (hit.compiled.entry.cueClass === 'evidence' && after.form === 'np' && !(speaker && recordLike(c, speaker.full))) continue;
      indirect(after.form === 'as' ? 'quotes/indirect-np-as' : `quotes/indirect-${after.form}`, cue, content, speaker, addressee);
    }
  }

  // 4. direct quotes still without a speaker
  const near = (fromTok: number, toTok: number) =>
    c.sentOf[toTok]! - c.sentOf[fromTok]! <= 2 && paragraphOf(c, toTok) - paragraphOf(c, fromTok) <= 1;
  const append = (d: Draft, ms: number[], rule: string, chain: number) => {
    const add = ms.map((i) => ({ start: marks[i]!.start, end: marks[i]!.end, rule }));
    if (firstTok[ms[0]!]! < d.at) {
      d.pieces.unshift(...add);
      d.marks.unshift(...ms);
      d.at = firstTok[ms[0]!]!;
    } else {
      d.pieces.push(...add);
      d.marks.push(...ms);
    }
    byChain.set(chain, d);
  };
  // drafts in text order, kept sorted as this pass adds some (an article may hold thousands of quotes)
  const ordered = [...drafts].sort((x, y) => x.at - y.at);
  const lastBefore = (t: number): number => {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ordered[mid]!.at < t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const spoken = (d: Draft) => d.speaker !== null || d.speakerFrom !== undefined;
  const findBack = (t: number, ok: (d: Draft) => boolean): Draft | undefined => {
    for (let k = lastBefore(t); k >= 0; k--) if (ok(ordered[k]!)) return ordered[k];
    return undefined;
  };
  const add = (d: Draft) => ordered.splice(lastBefore(d.at) + 1, 0, d);
  const directDraft4 = (...args: Parameters<typeof directDraft>) => {
    const d = directDraft(...args);
    add(d);
    return d;
  };
  chains.forEach((ms, chain) => {
    if (byChain.has(chain) || absorbed.has(chain)) return;
    const first = ms[0]!;
    const open = firstTok[first]!;
    const close = lastTok[ms[ms.length - 1]!]!;
    const prev = findBack(open, spoken);
    // a split quote: it follows the attribution of the one before with only punctuation between
    if (prev && prev.kind === 'direct' && onlyPunctuation(c, prev.attributionEnd, open) && paragraphOf(c, prev.attributionEnd - 1) === paragraphOf(c, open)) {
      append(prev, ms, 'quotes/direct-split', chain);
      return;
    }
    const words = ms.reduce((n, i) => n + quoteWords(text, marks[i]!), 0);
    if (words <= SCARE_WORDS && !opensParagraph(c, open)) return;
    if (!opensSentence(open)) {
      // a short quotation inside a sentence that attributes it to no one is a phrase the writer quotes
      // (or one inside reported speech whose cue is unknown): a quotation only when longer
      if (words > INLINE_WORDS && !titleCase(c, open, close + 1)) directDraft4(chain, 'quotes/direct-unattributed', null, null, null, null, open);
      return;
    }
    // "He added:" closing the sentence before
    const s = c.sentences[c.sentOf[open]!]!;
    if (open === s.tokenStart && c.sentOf[open]! > 0) {
      const ps = c.sentences[c.sentOf[open]! - 1]!;
      const lastT = ps.tokenEnd - 1;
      if (norm(c, lastT) === c.ids.colon && ps.paragraph >= s.paragraph - 1) {
        const lead = leadBeforeColon(c, ps, lastT);
        if (lead) {
          directDraft4(chain, 'quotes/direct-colon-before', lead.cue, lead.cue ? null : { a: lastT, b: lastT + 1 }, lead.speaker, null, open);
          return;
        }
      }
    }
    // more of the quotation just before (“…,” he said. “…”), or of the one just after
    const lastOfPrev = prev ? Math.max(prev.attributionEnd, tokens.tokenAt(prev.pieces[prev.pieces.length - 1]!.start)) : -1;
    const prevDirect = findBack(open, (d) => d.kind === 'direct' && spoken(d));
    if (prevDirect) {
      const last = Math.max(prevDirect.attributionEnd, tokens.tokenAt(prevDirect.pieces[prevDirect.pieces.length - 1]!.start));
      if (near(Math.min(last, tokens.length - 1), open) && paragraphOf(c, last) === paragraphOf(c, open)) {
        append(prevDirect, ms, 'quotes/direct-continued', chain);
        return;
      }
    }
    if (prev && prev.kind === 'direct' && near(Math.min(lastOfPrev, tokens.length - 1), open)) {
      append(prev, ms, 'quotes/direct-continued', chain);
      return;
    }
    // "Iowa State University's Dianne Bystrom agreed. “…”": an attribution with no content of its own before the quote
    if (open === s.tokenStart && c.sentOf[open]! > 0) {
      const ps = c.sentences[c.sentOf[open]! - 1]!;
      if (ps.paragraph === s.paragraph) {
        const bare = bareAttribution(c, ps, usedCue, claimed);
        if (bare) {
          directDraft4(chain, 'quotes/direct-after-attribution', bare.cue, null, bare.speaker, null, open);
          return;
        }
      }
    }
    let next: Draft | undefined;
    for (let k = lastBefore(close + 1) + 1; k < ordered.length && !next; k++) if (spoken(ordered[k]!)) next = ordered[k];
    // no other quote without a speaker stands between this one and the next
    let between = false;
    for (let k = chain + 1; next && k < chains.length && firstTok[chains[k]![0]!]! < next.at && !between; k++) {
      between = !byChain.has(k) && !absorbed.has(k);
    }
    if (next && next.kind === 'direct' && near(close, next.at) && !between) {
      append(next, ms, 'quotes/direct-continued', chain);
      return;
    }
    // 'America needs leaders “who understand …,” Clinton said. “And that’s why …”': a quotation right after an
    // attribution that closed a content ending in a quotation goes on with that content
    if (prev && prev.kind === 'indirect' && prev.speaker && paragraphOf(c, prev.attributionEnd - 1) === paragraphOf(c, open) && c.sentOf[open]! - c.sentOf[Math.min(prev.attributionEnd, tokens.length - 1)]! <= 1 && endsInQuote(c, prev)) {
      append(prev, ms, 'quotes/direct-continued', chain);
      return;
    }
    if (prev && prev.speaker && near(Math.min(lastOfPrev, tokens.length - 1), open)) {
      const d = directDraft4(chain, 'quotes/direct-previous-speaker', null, null, null, null, open);
      d.speakerFrom = prev.speakerFrom ?? prev;
      return;
    }
    if (words <= SCARE_WORDS || titleCase(c, open, close + 1)) return;
    directDraft4(chain, 'quotes/direct-unattributed', null, null, null, null, open);
  });

  return { quotes: toQuotes(c, drafts, opts), messages };
}

/**
 * [a, b) is a clause followed by the verb of another clause, with nothing
 * to join them: "the economy was their top issue | split evenly", "the
 * economy is most important in their vote | were divided".
 */
function verbAfterClause(c: Ctx, a: number, b: number): number {
  let seen = false;
  for (let t = a; t < b; t++) {
    if (c.inQuote[t]! >= 0) return -1;
    const n = norm(c, t);
    if (isPunct(c, t) || c.ids.coordinators.has(n) || c.ids.relatives.has(n) || n === c.ids.that || c.ids.subordinators.has(n) || c.ids.wh.has(n)) return -1;
    const verb = pos(c, t) === POS.VERB;
    const past = verb && endsWithCI(c, t, 'ed');
    // (a past form is finite unless an auxiliary stands before it: "the economy was their top issue | favored")
    const finite = pos(c, t) === POS.AUX || (verb && !(endsWithCI(c, t, 'ing') || past || endsWithCI(c, t, 'en')) && norm(c, t - 1) !== c.ids.to) || (past && pos(c, t - 1) !== POS.AUX);
    if (!finite) continue;
    // a verb group goes on after an auxiliary (and the adverbs after it); after a main verb a new one starts
    const prev = pos(c, t - 1);
    if (seen && prev !== POS.AUX && prev !== POS.ADV && prev !== POS.PART) return t;
    seen = true;
  }
  return -1;
}

/** a phrase that puts someone in a place: "Obama in Cuba", "Merkel at the summit" */
function placed(c: Ctx, np: Range): boolean {
  for (let t = np.a + 1; t < np.b - 1; t++) if (pos(c, t) === POS.ADP && /^(?:in|at)$/i.test(c.text.slice(c.tokens.start[t]!, c.tokens.end[t]!))) return true;
  return false;
}

/**
 * The first token of the first direct quote opening at or after token t, or
 * -1: a binary search of the quotes' first tokens, which ascend (the marks
 * are in text order).
 */
function firstOpenFrom(firstTok: readonly number[], t: number): number {
  let lo = 0;
  let hi = firstTok.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (firstTok[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < firstTok.length ? firstTok[lo]! : -1;
}

/** the last piece of a draft ends with a quotation ('… leaders “who understand …”') */
function endsInQuote(c: Ctx, d: Draft): boolean {
  const last = d.pieces[d.pieces.length - 1]!;
  const t = c.tokens.tokenAt(Math.max(last.start, last.end - 1));
  return t >= 0 && c.inQuote[t]! >= 0;
}

function paragraphOf(c: Ctx, t: number): number {
  return c.sentences[c.sentOf[Math.min(t, c.tokens.length - 1)]!]!.paragraph;
}

function opensParagraph(c: Ctx, t: number): boolean {
  const s = c.sentences[c.sentOf[t]!]!;
  return s.tokenStart === t && (c.sentOf[t] === 0 || c.sentences[c.sentOf[t]! - 1]!.paragraph !== s.paragraph);
}

function onlyPunctuation(c: Ctx, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let t = from; t < to; t++) if (!isPunct(c, t) || isQuoteTok(c, t)) return false;
  return to >= from;
}


interface Trailer {
  cue: CueHit | null;
  dash: Range | null;
  speaker: NounPhrase;
  inverted: boolean;
  end: number;
}

/** “…,” Blinken said | “…,” said Blinken | “…” — Blinken: the attribution after a closing mark */
function trailer(c: Ctx, mark: number, closeTok: number): Trailer | null {
  let t = closeTok + 1;
  if (t >= c.tokens.length) return null;
  const para = paragraphOf(c, closeTok);
  if (paragraphOf(c, t) !== para) return null;
  if (norm(c, t) === c.ids.comma) t++;
  const limit = Math.min(c.tokens.length, t + 30);
  let end = t;
  while (end < limit && paragraphOf(c, end) === para && !(c.inQuote[end]! >= 0) && !c.ids.finals.has(norm(c, end))) end++;
  if (t >= end) return null;
  // — Blinken
  if (c.ids.dashes.has(norm(c, t))) {
    const np = speakerAfter(c, t + 1, end);
    if (!np || pos(c, np.head.a) === POS.PRON) return null;
    const slot = c.slots.slotAt(np.head.a);
    const named = (slot && !slot.viaCoref) || pos(c, np.head.b - 1) === POS.PROPN;
    // the dash and the name close the sentence (or a comma follows: "— Blinken, in a tweet")
    const next = np.full.b;
    if (named && (next >= end || norm(c, next) === c.ids.comma)) return { cue: null, dash: { a: t, b: t + 1 }, speaker: np, inverted: false, end: np.full.b };
    return null;
  }
  for (let k = t; k < Math.min(end, t + TRAILER_REACH + 12); k++) {
    const hit = cueAt(c, k);
    if (!hit || hit.compiled.entry.cueClass === 'source') continue;
    if (!hit.compiled.entry.content.has('quote')) return null;
    if (hit.group.a === t) {
      const np = speakerAfter(c, hit.word.b, end);
      if (!np) return null;
      return { cue: hit, dash: null, speaker: np, inverted: true, end: skipAdjunct(c, np.full.b, end) };
    }
    const np = speakerBefore(c, hit.group.a, t);
    if (!np || np.full.a !== t) return null;
    let e = hit.word.b;
    if (hit.compiled.entry.addressee !== 'no') {
      const addr = speakerAfter(c, e, end);
      if (addr) e = addr.head.b;
    }
    // “…” He added: “…” — the cue introduces what follows, not the quote before
    if (e < c.tokens.length && paragraphOf(c, e) === para) {
      const n = norm(c, e);
      if (n === c.ids.colon || n === c.ids.that || (c.inQuote[e]! >= 0 && c.isMark[e])) return null;
    }
    // "… said on Tuesday, “…”": the attribution runs over its adjuncts
    e = skipAdjunct(c, e, end);
    // “… spin doctors.” Graham Robb, a spokesman, said the campaign was …: a sentence of its own, with its own content
    // (after a quotation that ended its own sentence: “….” — not “…,” X said the …)
    if (e < end && closeTok > 0 && c.ids.finals.has(norm(c, closeTok - 1)) && looksLikeClause(c, e, end)) return null;
    return { cue: hit, dash: null, speaker: np, inverted: false, end: e };
  }
  void mark;
  return null;
}

/** "Whatever his impact on the race, “…,” says X": an introductory phrase with no verb, then the quote */
function afterIntroduction(c: Ctx, open: number): boolean {
  const s = c.sentences[c.sentOf[open]!]!;
  if (open - 1 <= s.tokenStart || norm(c, open - 1) !== c.ids.comma) return false;
  for (let t = s.tokenStart; t < open - 1; t++) {
    if (c.inQuote[t]! >= 0 || (isVerbish(c, t) && pos(c, t) !== POS.AUX)) return false;
  }
  return open - s.tokenStart <= 12;
}

/** a sentence that only says who spoke: "X agreed.", "…, X says." (its cue unused) */
function bareAttribution(c: Ctx, s: Sentence, usedCue: Uint8Array, claimed: Uint8Array): { cue: CueHit; speaker: NounPhrase } | null {
  const end = trimEnd(c, s.tokenStart, s.tokenEnd);
  for (let t = end - 1; t >= s.tokenStart && end - t <= 12; t--) {
    if (usedCue[t] || claimed[t] || c.inQuote[t]! >= 0) return null;
    const hit = cueAt(c, t);
    if (!hit) continue;
    if (hit.word.b !== end || !hit.compiled.entry.content.has('quote')) return null;
    const np = speakerBefore(c, hit.group.a, s.tokenStart);
    if (!np) return null;
    return { cue: hit, speaker: np };
  }
  return null;
}

/** "said Blinken: “…”": a speaker right after the cue and before the quote */
function speakerAfterCue(c: Ctx, hit: CueHit, before: number): NounPhrase | null {
  const np = speakerAfter(c, hit.word.b, before);
  if (!np || np.full.b > before) return null;
  // only when the cue follows a boundary ("…, said X, that") or opens the sentence
  const prev = hit.group.a - 1;
  const s = c.sentences[c.sentOf[hit.group.a]!]!;
  if (prev >= s.tokenStart && norm(c, prev) !== c.ids.comma && !isQuoteTok(c, prev)) return null;
  return np;
}

/** "He ruled out free care in England, saying …": a participle after a comma or dash, whose subject is the clause's, not the phrase before the comma. */
function participleAfterComma(c: Ctx, hit: CueHit): boolean {
  const prev = hit.group.a - 1;
  if (prev < 0) return false;
  const n = norm(c, prev);
  return (n === c.ids.comma || c.ids.dashes.has(n)) && endsWithCI(c, hit.word.a, 'ing');
}

/** "After talking about …", "By calling for …": a gerund after a preposition opening the sentence */
function openingGerund(c: Ctx, hit: CueHit, sStart: number): boolean {
  const prev = hit.group.a - 1;
  if (prev < sStart || !c.ids.gerundPreps.has(norm(c, prev)) || !endsWithCI(c, hit.word.a, 'ing')) return false;
  const a = skipOpeners(c, sStart, prev, true);
  return a === prev;
}

/** The subject of a cue: the phrase before it, else (or first, for a participle after a comma) the subject of the verb it goes with. */
function subjectBefore(c: Ctx, hit: CueHit, sStart: number, claimed: Uint8Array, usedCue: Uint8Array): NounPhrase | null {
  if (participleAfterComma(c, hit)) return elidedSubject(c, hit, sStart, claimed, usedCue) ?? speakerBefore(c, hit.group.a, sStart);
  return speakerBefore(c, hit.group.a, sStart) ?? elidedSubject(c, hit, sStart, claimed, usedCue);
}

/**
 * "Wilson praised Rubio and said …", "…, saying that …": a cue with no
 * subject of its own shares the subject of the verb it is coordinated with.
 */
function elidedSubject(c: Ctx, hit: CueHit, sStart: number, claimed: Uint8Array, usedCue: Uint8Array): NounPhrase | null {
  const prev = hit.group.a - 1;
  if (prev <= sStart) return null;
  let n = norm(c, prev);
  // 'hailed the vote as “fantastic,” telling …': the comma inside the closing mark
  if (c.isMark[prev] && prev - 1 > sStart && norm(c, prev - 1) === c.ids.comma && c.inQuote[hit.group.a]! < 0) n = c.ids.comma;
  const participle = endsWithCI(c, hit.word.a, 'ing');
  // "… launched his campaign by talking about …": a gerund after a preposition is the clause subject's too
  const gerund = participle && c.ids.gerundPreps.has(n);
  // "defended Sanders as a mainstream candidate, mocked the Republicans": a verb in a list of verbs
  // (not "…, said Smith, …", whose speaker follows it)
  const listed = n === c.ids.comma && !participle && listedVerb(c, hit, prev, sentenceEnd(c, hit.word.a));
  if (!(n === c.ids.and || n === c.ids.but || ((n === c.ids.comma || c.ids.dashes.has(n)) && participle) || gerund || listed)) return null;
  // "said X but added Y": the cue it is coordinated with, else the nearest verb before, and its subject
  for (let t = prev - 1; t >= sStart; t--) {
    // (not a cue inside what was reported: "insisted it would not bow to demands to recognise …, calling")
    if (c.inQuote[t]! >= 0 || (claimed[t] && !usedCue[t])) continue;
    const other = pos(c, t) === POS.VERB ? cueAt(c, t) : null;
    if (!other || other.word.a !== t) continue;
    const np = speakerBefore(c, other.group.a, sStart);
    if (np) return np;
    break;
  }
  let tries = 0;
  for (let t = prev - 1; t >= sStart && tries < 3; t--) {
    // the verbs of what was said before are not the ones this cue is coordinated with
    if (c.inQuote[t]! >= 0 || (claimed[t] && !(cueAt(c, t) && cueAt(c, t)!.word.a === t))) continue;
    if (!isVerbish(c, t) || (pos(c, t) === POS.AUX && t + 1 < prev && isVerbish(c, t + 1))) continue;
    // an infinitive ("to take back") has no subject of its own
    if (t - 1 >= sStart && norm(c, t - 1) === c.ids.to) continue;
    tries++;
    const g = cueAt(c, t)?.group ?? { a: verbGroupStart(c, t, sStart), b: t + 1 };
    const np = speakerBefore(c, g.a, sStart);
    // ("the reloading of Russian liquefied gas … and adds": a phrase after a preposition is no subject; the tagger's verb is none)
    if (np && !(np.full.a - 1 >= sStart && pos(c, np.full.a - 1) === POS.ADP)) return np;
    t = g.a;
  }
  return null;
}

function verbGroupStart(c: Ctx, t: number, floor: number): number {
  let a = t;
  while (a - 1 >= floor && (c.ids.aux.has(norm(c, a - 1)) || pos(c, a - 1) === POS.ADV) && !isPunct(c, a - 1)) a--;
  return a;
}






/** mostly capitalised words: the title of a show, book or campaign, not a quotation */
function titleCase(c: Ctx, a: number, b: number): boolean {
  let words = 0;
  let caps = 0;
  for (let t = a; t < b; t++) {
    if (isPunct(c, t) || c.isMark[t]) continue;
    words++;
    if (c.tokens.has(t, FLAG.CAP)) caps++;
  }
  return words > 0 && caps / words >= 0.7;
}







/** the name between the commas after a source's head: "Kosovo's prime minister, [Albin Kurti]," */
function appositionName(c: Ctx, np: NounPhrase): Range | null {
  const a = np.head.b + 1;
  if (np.full.b <= a || norm(c, np.head.b) !== c.ids.comma) return null;
  let b = a;
  // ("Theresa May": a capitalised word the tagger took for a common noun, after the first name)
  while (b < np.full.b && isCap(c, b) && (pos(c, b) === POS.PROPN || (b > a && pos(c, b) === POS.NOUN))) b++;
  if (b - a < 2 || (b < np.full.b && norm(c, b) !== c.ids.comma)) return null;
  return { a, b };
}

function toQuotes(c: Ctx, drafts: Draft[], opts: AttributeOptions): Quote[] {
  const resolver = new SpeakerResolver(c, opts.gender);
  drafts.sort((x, y) => x.pieces[0]!.start - y.pieces[0]!.start);
  const speakers = new Map<Draft, ActorRef | null>();
  // a source's head words → the person named in apposition to them
  const named = new Map<number, ActorRef>();
  // (a token range as one number, not a string made for every draft)
  const rangeKey = (r: Range) => r.a * (c.tokens.length + 1) + r.b;
  const resolveDraft = (d: Draft): ActorRef | null => {
    if (speakers.has(d)) return speakers.get(d)!;
    let ref: ActorRef | null = null;
    const earlier = d.speaker ? named.get(rangeKey(d.speaker.head)) : undefined;
    if (d.speakerFrom) ref = resolveDraft(d.speakerFrom);
    else if (d.speaker && earlier) {
      // the same words again ("…, telling reporters" after "Kosovo's prime minister, Albin Kurti, rejected")
      const w = charSpan(c, d.speaker.head);
      ref = { ...earlier, text: w.text, start: w.start, end: w.end };
    } else if (d.speaker) {
      const head = resolver.resolve(d.speaker.head);
      ref = head.ref;
      // "Kosovo's prime minister, Albin Kurti, said": a person named in apposition to a description is the speaker
      // (the name in the text, over whoever the dictionaries say held the office on the article's date)
      const app = appositionName(c, d.speaker);
      if (app) {
        const person = resolver.resolve(app);
        if (person.isPerson && person.ref.person) {
          ref = { ...person.ref, code: person.ref.code ?? ref.code, text: ref.text, start: ref.start, end: ref.end };
          named.set(rangeKey(d.speaker.head), ref);
        }
      }
    }
    speakers.set(d, ref);
    return ref;
  };
  const out: Quote[] = [];
  for (const d of drafts) {
    const speaker = resolveDraft(d);
    if (speaker) for (const p of d.pieces) resolver.noteContent(p.start, p.end, { ref: speaker, isPerson: speaker.person !== undefined });
    const cueSpan: TextSpan | null = d.cue ? charSpan(c, d.cue.group) : d.punctCue ? charSpan(c, d.punctCue) : null;
    let prevIndex: number | undefined;
    d.pieces.forEach((p, k) => {
      const startTok = c.tokens.tokenAt(p.start);
      const q: Quote = {
        // (a quotation that goes on with an indirect content is still a direct quote)
        kind: d.kind === 'indirect' && p.rule === 'quotes/direct-continued' ? 'direct' : d.kind,
        text: c.text.slice(p.start, p.end),
        start: p.start,
        end: p.end,
        sentence: c.tokens.sentence[Math.min(startTok, c.tokens.length - 1)] ?? 0,
        cue: cueSpan,
        speaker: speaker ? { ...speaker } : null,
        rule: p.rule ?? d.rule,
      };
      if (d.kind === 'direct') {
        const m = c.marks[d.marks[k]!];
        if (m?.unclosed) q.unclosed = true;
      }
      if (d.speaker && !d.speakerFrom && (d.speaker.full.a !== d.speaker.head.a || d.speaker.full.b !== d.speaker.head.b)) {
        q.speakerSpan = charSpan(c, d.speaker.full);
      }
      if (d.addressee) q.addressee = resolver.resolve(d.addressee).ref;
      if (d.cue) {
        q.cueClass = d.cue.compiled.entry.cueClass;
        q.cueRule = d.cue.compiled.entry.source;
      }
      if (prevIndex !== undefined) q.continues = prevIndex;
      prevIndex = out.length;
      out.push(q);
    });
  }
  // keep text order; `continues` points at an index, so renumber after sorting
  // (the quotes are this function's own, so the index is rewritten in place rather than in a copy of each)
  const order = out.map((q, i) => ({ q, i })).sort((x, y) => x.q.start - y.q.start);
  const newIndex = new Int32Array(out.length);
  order.forEach((o, k) => (newIndex[o.i] = k));
  return order.map(({ q }) => {
    if (q.continues !== undefined) q.continues = newIndex[q.continues]!;
    return q;
  });
}
