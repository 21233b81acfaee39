/**
 * A reader for brat standoff annotation (.ann files), as PolNeAR ships it:
 *
 *   T3\tContent 115 290\tthat Hillary Clinton’s team …      a text-bound span
 *   T9\tSource 10 20;25 30\tthe senator and aides            discontinuous: fragments joined by ";"
 *   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1          an event tying spans together
 *   #1\tAnnotatorNotes T66\tShould line 38 be …              a note (kept, not used)
 *
 * A span's text may contain a newline, so a record can continue on the next
 * physical lines: a line that does not start a record belongs to the one
 * before. Offsets are character offsets into the article text.
 */
import type { Span } from '../src/core/span.js';

export interface BratSpan {
  id: string;
  type: string;
  fragments: Span[];
  text: string;
  line: number;
}

export interface BratEvent {
  id: string;
  /** the trigger's type and span id */
  type: string;
  trigger: string;
  /** role → span id ("Source" → "T1", "Content2" → "T7") */
  args: Map<string, string>;
  line: number;
}

export interface BratDocument {
  file: string;
  spans: Map<string, BratSpan>;
  events: BratEvent[];
  notes: { id: string; target: string; text: string }[];
}

export class BratError extends Error {
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'BratError';
  }
}

const RECORD = /^([TERAMN#*]\d*)\t/;

export function parseBrat(source: string, file: string): BratDocument {
  const doc: BratDocument = { file, spans: new Map(), events: [], notes: [] };
  // join continuation lines onto their record
  const records: { text: string; line: number }[] = [];
  source.split('\n').forEach((raw, n) => {
    if (RECORD.test(raw) || records.length === 0) records.push({ text: raw, line: n + 1 });
    else records[records.length - 1]!.text += '\n' + raw;
  });
  for (const { text, line } of records) {
    if (text.trim() === '') continue;
    const m = RECORD.exec(text);
    if (!m) throw new BratError(file, line, `not a brat record: "${text.slice(0, 40)}"`);
    const id = m[1]!;
    const fields = text.slice(m[0].length).split('\t');
    switch (id[0]) {
      case 'T': {
        const head = fields[0] ?? '';
        const sp = head.indexOf(' ');
        if (sp < 0) throw new BratError(file, line, `span ${id} has no offsets`);
        const type = head.slice(0, sp);
        const fragments: Span[] = [];
        for (const part of head.slice(sp + 1).split(';')) {
          const nums = part.trim().split(/\s+/).map(Number);
          if (nums.length !== 2 || !nums.every(Number.isInteger) || nums[0]! > nums[1]!) {
            throw new BratError(file, line, `span ${id}: "${part}" is not "start end"`);
          }
          fragments.push({ start: nums[0]!, end: nums[1]! });
        }
        doc.spans.set(id, { id, type, fragments, text: fields.slice(1).join('\t'), line });
        break;
      }
      case 'E': {
        const parts = (fields[0] ?? '').trim().split(/\s+/);
        const [type, trigger] = (parts[0] ?? '').split(':');
        if (!type || !trigger) throw new BratError(file, line, `event ${id} has no trigger`);
        const args = new Map<string, string>();
        for (const p of parts.slice(1)) {
          const [role, ref] = p.split(':');
          if (!role || !ref) throw new BratError(file, line, `event ${id}: argument "${p}" is not ROLE:ID`);
          args.set(role, ref);
        }
        doc.events.push({ id, type, trigger, args, line });
        break;
      }
      case '#': {
        const [kind, target] = (fields[0] ?? '').split(' ');
        if (kind === 'AnnotatorNotes' && target) doc.notes.push({ id, target, text: fields.slice(1).join('\t') });
        break;
      }
      default:
        // relations, attributes and normalisations: PolNeAR has none we use
        break;
    }
  }
  for (const e of doc.events) {
    for (const ref of [e.trigger, ...e.args.values()]) {
      if (!doc.spans.has(ref)) throw new BratError(file, e.line, `event ${e.id} refers to ${ref}, which is not defined`);
    }
  }
  return doc;
}
