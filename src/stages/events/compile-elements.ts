/**
 * Compiles pattern elements into what the event coder matches: words become
 * sets of interned ids (plus a stem test for `word*`), sets and `{a | b}`
 * alternatives become sequences, words the tokenizer splits ("didn't" →
 * did + n't) become glued sequences.
 */
import type { Vocabulary } from '../../core/vocabulary.js';
import type { Tokenizer } from '../../nlp/wink.js';
import type { ActorClass, PatternElement, VerbDictionary } from '../../ontology/load-verbs.js';

export type CompiledElement =
  | { kind: 'trigger'; adjacent: boolean }
  /** `test`: a stem test on the token's lower-cased form (`restor*`) */
  | { kind: 'word'; ids: Set<number>; exact: boolean; adjacent: boolean; test?: (id: number) => boolean }
  | { kind: 'target'; adjacent: boolean; actors?: ActorClass }
  | { kind: 'source'; adjacent: boolean; actors?: ActorClass }
  | { kind: 'compound'; adjacent: boolean }
  | { kind: 'skip'; adjacent: boolean }
  /** one of several sequences of elements, matched in text order */
  | { kind: 'sequence'; options: CompiledElement[][]; adjacent: boolean };

/**
 * A memoised test: does the word with this id begin with one of the prefixes?
 * The memo is one byte per vocabulary id (0 unknown, 1 no, 2 yes), so it stays
 * small however many words a long run meets (a Map per test grew to hundreds
 * of thousands of entries).
 */
export function prefixTest(prefixes: readonly string[], vocab: Vocabulary): (id: number) => boolean {
  let memo = new Uint8Array(1024);
  return (id) => {
    if (id >= memo.length) {
      const grown = new Uint8Array(Math.max(id + 1, memo.length * 2));
      grown.set(memo);
      memo = grown;
    }
    let r = memo[id]!;
    if (r === 0) {
      const text = vocab.text(id);
      r = prefixes.some((p) => text.length >= p.length && text.startsWith(p)) ? 2 : 1;
      memo[id] = r;
    }
    return r === 2;
  };
}

export class ElementCompiler {
  private readonly setCache = new Map<string, CompiledElement>();
  private readonly expanding = new Set<string>();

  constructor(
    private readonly dict: VerbDictionary,
    private readonly tokenizer: Tokenizer,
    private readonly vocab: Vocabulary,
  ) {}

  /** per word, the ids it matches (a dictionary names the same words thousands of times) */
  private readonly idsMemo = new Map<string, number[]>();

  /** ids a non-exact word matches: its own form, its token and the token's lemma */
  idsOf(w: string): number[] {
    const known = this.idsMemo.get(w);
    if (known) return known;
    const { values, lemmas } = this.tokenizer.phraseWithLemmas(w);
    const out = new Set<number>([this.vocab.intern(w)]);
    if (values.length === 1) {
      out.add(this.vocab.intern(values[0]!.toLowerCase()));
      out.add(this.vocab.intern(lemmas[0]!.toLowerCase()));
    }
    const ids = [...out];
    this.idsMemo.set(w, ids);
    return ids;
  }

  compile(el: PatternElement): CompiledElement {
    switch (el.kind) {
      case 'word':
        return this.word(el.words, el.exact, el.adjacent, el.prefixes ?? []);
      case 'set':
        return { ...this.set(el.name), adjacent: el.adjacent } as CompiledElement;
      case 'alternatives':
        return { kind: 'sequence', options: el.options.map((o) => this.compileAll(o)), adjacent: el.adjacent };
      default:
        return el;
    }
  }

  compileAll(els: readonly PatternElement[]): CompiledElement[] {
    return els.map((e) => this.compile(e));
  }

  /**
   * A word element. Words the tokenizer splits in two or more tokens become
   * glued sequences, so "didn't" in a pattern matches "did n't" in the text.
   */
  private word(words: readonly string[], exact: boolean, adjacent: boolean, prefixes: readonly string[]): CompiledElement {
    const single: string[] = [];
    const multi: string[][] = [];
    for (const w of words) {
      const toks = this.tokenizer.phrase(w).map((t) => t.toLowerCase());
      if (toks.length > 1) multi.push(toks);
      else single.push(w);
    }
    const ids = new Set(exact ? single.map((w) => this.vocab.intern(w)) : single.flatMap((w) => this.idsOf(w)));
    const base: CompiledElement = { kind: 'word', ids, exact, adjacent };
    // a stem the tokenizer splits ("didn't*": did + n't*): the tokens in order, the last one a stem
    const singleStems: string[] = [];
    const multiStems: string[][] = [];
    for (const p of prefixes) {
      const toks = this.tokenizer.phrase(p).map((t) => t.toLowerCase());
      if (toks.length > 1) multiStems.push(toks);
      else singleStems.push(p);
    }
    if (singleStems.length) base.test = prefixTest(singleStems, this.vocab);
    if (!multi.length && !multiStems.length) return base;
    const options: CompiledElement[][] = multi.map((toks) =>
      toks.map((t, i) => ({ kind: 'word' as const, ids: new Set(exact ? [this.vocab.intern(t)] : this.idsOf(t)), exact, adjacent: i > 0 })),
    );
    for (const toks of multiStems) {
      options.push(
        toks.map((t, i) => {
          // the last token is the stem, unless it is punctuation ("anti-": anti + -)
          const stem = i === toks.length - 1 && /[\p{L}\p{N}]/u.test(t);
          const w: CompiledElement = { kind: 'word', ids: new Set(stem ? [] : [this.vocab.intern(t)]), exact: true, adjacent: i > 0 };
          if (stem) w.test = prefixTest([t], this.vocab);
          return w;
        }),
      );
    }
    if (single.length || singleStems.length) options.unshift([{ ...base, adjacent: false }]);
    return { kind: 'sequence', options, adjacent };
  }

  /** A set: a word element, or a sequence when some members are phrases. */
  private set(name: string): CompiledElement {
    const cached = this.setCache.get(name);
    if (cached) return cached;
    const set = this.dict.sets.get(name);
    if (!set || this.expanding.has(name)) return { kind: 'word', ids: new Set(), exact: false, adjacent: false };
    this.expanding.add(name);
    const words = this.word(set.words, false, false, []);
    let out: CompiledElement = words;
    if (set.members?.length) {
      const options: CompiledElement[][] = words.kind === 'sequence' ? [...words.options] : words.kind === 'word' && words.ids.size ? [[words]] : [];
      for (const m of set.members) options.push(this.compileAll(m).map((e, i) => (i === 0 ? ({ ...e, adjacent: false } as CompiledElement) : e)));
      out = { kind: 'sequence', options, adjacent: false };
    }
    this.expanding.delete(name);
    this.setCache.set(name, out);
    return out;
  }
}

/** How many literal words a pattern names (its specificity). */
export function literalWeight(els: readonly PatternElement[]): number {
  let n = 0;
  for (const e of els) {
    if (e.kind === 'word' || e.kind === 'set') n++;
    else if (e.kind === 'alternatives') n += Math.min(...e.options.map((o) => literalWeight(o)));
    // a slot restricted to a class of actor (`+person`) is more specific than any actor
    else if ((e.kind === 'target' || e.kind === 'source') && e.actors) n += 0.5;
  }
  return n;
}
