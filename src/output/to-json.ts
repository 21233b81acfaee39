import type { Doc } from '../core/document.js';
import type { ActorRef } from '../core/layers.js';
import { SCHEMA_VERSION, type CodedDocument, type OutputActor } from './schema.js';

/**
 * The public JSON shape of a coded document. Actors that only name an agent
 * with no country ("officials") and unresolved descriptions are left out of
 * `actors`: they are not actors one could code.
 */
export function toCodedDocument(doc: Doc, ontologyVersion: string): CodedDocument {
  const a = doc.article;
  const out: CodedDocument = {
    id: a.id,
    title: a.title,
    date: a.date,
    text: a.text,
    sentences: [],
    actors: [],
    events: [],
    quotes: [],
    messages: [...doc.messages],
    dyad: { schema: SCHEMA_VERSION, ontology: ontologyVersion },
  };
  if (a.url !== undefined) out.url = a.url;
  if (a.source !== undefined) out.source = a.source;
  if (doc.has('sentences')) out.sentences = doc.get('sentences').map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph }));
  // index in the actors layer -> index in the output's `actors`, which leaves some out
  const outIndex = new Map<number, number>();
  if (doc.has('actors')) {
    doc.get('actors').forEach((m, i) => {
      if (m.code === '' || m.code.startsWith('---')) return;
      const o: OutputActor = { text: m.text, start: m.start, end: m.end, sentence: m.sentence, code: m.code, kind: m.kind, rule: { file: m.rule.file, line: m.rule.line } };
      if (m.name) o.name = m.name;
      if (m.person) o.person = m.person;
      outIndex.set(i, out.actors.length);
      out.actors.push(o);
    });
  }
  // an event's or quote's `actor` points into the output's `actors`; it is dropped when that actor was left out
  const remap = <T extends ActorRef | null | undefined>(r: T): T => {
    if (!r || r.actor === undefined) return r;
    const copy = { ...r };
    const j = outIndex.get(r.actor);
    if (j === undefined) delete copy.actor;
    else copy.actor = j;
    return copy;
  };
  if (doc.has('events')) out.events = doc.get('events').map((e) => ({ ...e, source: remap(e.source), target: remap(e.target) }));
  if (doc.has('quotes')) {
    out.quotes = doc.get('quotes').map((q) => {
      const c = { ...q, speaker: remap(q.speaker) };
      if (q.addressee !== undefined) c.addressee = remap(q.addressee);
      return c;
    });
  }
  return out;
}
