import type { Doc } from '../core/document.js';
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
  if (doc.has('actors')) {
    out.actors = doc
      .get('actors')
      .filter((m) => m.code !== '' && !m.code.startsWith('---'))
      .map((m) => {
        const o: OutputActor = { text: m.text, start: m.start, end: m.end, sentence: m.sentence, code: m.code, kind: m.kind, rule: { file: m.rule.file, line: m.rule.line } };
        if (m.name) o.name = m.name;
        if (m.person) o.person = m.person;
        return o;
      });
  }
  if (doc.has('events')) out.events = [...doc.get('events')];
  if (doc.has('quotes')) out.quotes = [...doc.get('quotes')];
  return out;
}
