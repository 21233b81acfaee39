/**
 * `dyad explain TEXT`: why dyad coded what it coded. Shows, per sentence, the
 * tokens with their tags and lemmas, the actor matches with the dictionary
 * line that produced each, coreference links, every pattern the event coder
 * tried and the one that fired, and the events.
 */
import type { Engine, CodeInput } from '../engine.js';
import type { TraceStep } from '../stages/events/context.js';
import type { Doc } from '../core/document.js';

export interface Explanation {
  doc: Doc;
  steps: TraceStep[];
}

export function explain(engine: Engine, input: CodeInput): Explanation {
  return engine.trace(input);
}

const at = (file: string, line: number) => (file ? `${file}:${line}` : 'rule');

export function formatExplanation(engine: Engine, { doc, steps }: Explanation): string {
  const lines: string[] = [];
  const text = doc.text;
  const tokens = doc.has('tokens') ? doc.get('tokens') : null;
  const sentences = doc.has('sentences') ? doc.get('sentences') : [];
  const actors = doc.has('actors') ? doc.get('actors') : [];
  const coref = doc.has('coref') ? doc.get('coref') : [];
  const events = doc.has('events') ? doc.get('events') : [];
  lines.push(`article ${doc.article.id}  date ${doc.article.date ?? 'unknown'}  ontology ${engine.ontology.version}`);
  sentences.forEach((s, i) => {
    lines.push('');
    lines.push(`sentence ${i} [${s.start},${s.end}) paragraph ${s.paragraph}`);
    lines.push(`  ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}`);
    if (tokens) {
      const parts: string[] = [];
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        const surface = tokens.surface(text, t);
        const lemma = tokens.lemmaText(engine.vocab, t);
        parts.push(`${surface}/${tokens.posTag(t)}${lemma !== surface.toLowerCase() ? `(${lemma})` : ''}`);
      }
      lines.push(`  tokens: ${parts.join(' ')}`);
    }
    for (const a of actors.filter((x) => x.sentence === i)) {
      const who = a.person ? ` person ${a.person}` : a.name ? ` ${a.name}` : '';
      lines.push(`  actor [${a.start},${a.end}) "${a.text}" → ${a.code || '(no code)'} ${a.kind}${who}  (${at(a.rule.file, a.rule.line)} "${a.rule.pattern ?? ''}")`);
    }
    for (const l of coref.filter((x) => x.sentence === i)) {
      const ante = actors[l.antecedent];
      lines.push(`  coref [${l.start},${l.end}) "${l.text}" → "${ante?.text}" ${ante?.code ?? ''}  (${l.rule})`);
    }
    const tried = steps.filter((st) => st.trigger.start >= s.start && st.trigger.end <= s.end);
    for (const st of tried) {
      lines.push(`  tried "${st.trigger.text}" ${st.entry}: ${st.pattern} [${st.code}] → ${st.result}`);
    }
    for (const e of events.filter((x) => x.sentence === i)) {
      const src = e.source ? `${e.source.code} ("${e.source.text}")` : '-';
      const tgt = e.target ? `${e.target.code} ("${e.target.text}")` : '-';
      lines.push(
        `  EVENT ${src} → ${tgt}  ${e.cameo} ${e.label} | PLOVER ${e.plover.type || '-'}${e.plover.mode ? '/' + e.plover.mode : ''} | goldstein ${e.goldstein} quad ${e.quad}` +
          `${e.negated ? ' | NEGATED' : ''}${e.modality ? ` | ${e.modality}` : ''} | date ${e.date ?? '?'}${e.dateText ? ` ("${e.dateText.text}")` : ''}`,
      );
      lines.push(`        trigger "${e.trigger.text}" [${e.trigger.start},${e.trigger.end})  rule ${at(e.rule.file, e.rule.line)} "${e.rule.pattern ?? ''}"`);
    }
  });
  for (const m of doc.messages) lines.push(`message ${m.stage} ${m.severity}: ${m.reason}`);
  return lines.join('\n') + '\n';
}
