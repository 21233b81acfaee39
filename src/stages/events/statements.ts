/**
 * A quote is also a statement. Where the events coded for a sentence have
 * none by the speaker of a quote cued in it, the quote gives a CAMEO 010
 * ("make statement") event from the speaker: to the addressee when the
 * quote was addressed to someone ("China told Washington that …"), else to
 * no one. Only speech and writing count (not what someone believes or
 * supports, nor what a poll shows), a noun ("his claim that …") names a
 * statement rather than makes one, and a negated cue ("did not say") says
 * nothing.
 */
import type { CodedEvent, Quote, Sentence } from '../../core/layers.js';
import type { TokenTable } from '../../core/token-table.js';
import type { CodeBook } from './codebook.js';
import { DateResolver } from './resolve-date.js';

export const STATEMENT_CODE = '010';

const STATEMENT_CLASSES = new Set(['speech', 'writing', 'source']);
const NEGATION = /\b(?:not|never|n[’']t)\b/i;

export interface StatementInput {
  tokens: TokenTable;
  text: string;
  sentences: readonly Sentence[];
  date: string | null;
}

function codedRef<T extends { code: string | null }>(r: T | null | undefined): T | null {
  return r && r.code && !r.code.startsWith('---') ? r : null;
}

/** the coded events plus one statement per (sentence, speaker) that has no event of its own */
export function addStatements(events: readonly CodedEvent[], quotes: readonly Quote[], input: StatementInput, codes: CodeBook): CodedEvent[] {
  if (!codes.has(STATEMENT_CODE) || !quotes.length) return [...events];
  const dates = new DateResolver(input.text, input.date);
  const bySentence = new Map<number, Set<string>>();
  for (const e of events) {
    if (!e.source?.code) continue;
    const set = bySentence.get(e.sentence) ?? new Set<string>();
    set.add(e.source.code);
    bySentence.set(e.sentence, set);
  }
  const added: CodedEvent[] = [];
  for (const q of quotes) {
    if (q.continues !== undefined || !q.cue) continue;
    const speaker = codedRef(q.speaker);
    if (!speaker) continue;
    // a punctuation cue ("Blinken: “…”") is speech; a cue word must be of a speaking class
    if (q.cueClass !== undefined && !STATEMENT_CLASSES.has(q.cueClass)) continue;
    // "his claim that …" names a statement made before; it is not one made here
    if (q.rule.startsWith('quotes/noun-')) continue;
    if (NEGATION.test(q.cue.text)) continue;
    const t = input.tokens.tokenAt(q.cue.start);
    if (t >= input.tokens.length) continue;
    const sentence = input.tokens.sentence[t]!;
    const seen = bySentence.get(sentence) ?? new Set<string>();
    if (seen.has(speaker.code!)) continue;
    seen.add(speaker.code!);
    bySentence.set(sentence, seen);
    const target = codedRef(q.addressee ?? null);
    const s = input.sentences[sentence]!;
    const found = dates.near(sentence, s.start, s.end, q.cue.start);
    const ev: CodedEvent = {
      sentence,
      source: { ...speaker },
      target: target && target.code !== speaker.code ? { ...target } : null,
      cameo: STATEMENT_CODE,
      label: codes.label(STATEMENT_CODE),
      plover: codes.plover(STATEMENT_CODE),
      goldstein: codes.goldstein(STATEMENT_CODE),
      quad: codes.quad(STATEMENT_CODE),
      date: found?.date ?? input.date,
      trigger: { ...q.cue },
      negated: false,
      rule: q.cueRule
        ? { file: q.cueRule.file, line: q.cueRule.line, pattern: `${q.cueRule.pattern ?? ''} [${q.rule}]` }
        : { file: '', line: 0, pattern: q.rule },
    };
    if (found) ev.dateText = found.text;
    added.push(ev);
  }
  if (!added.length) return [...events];
  return [...events, ...added].sort((a, b) => a.sentence - b.sentence || a.trigger.start - b.trigger.start);
}
