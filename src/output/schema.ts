/**
 * dyad's public output: one object per article (docs/output-schema.md).
 * Field names are stable; new fields may be added, none renamed or removed
 * without a major version.
 */
import type { ActorKind, ActorRef, CodedEvent, Quote } from '../core/layers.js';
import type { Message } from '../core/messages.js';

export const SCHEMA_VERSION = '1.0';

export interface OutputActor {
  text: string;
  start: number;
  end: number;
  sentence: number;
  code: string;
  kind: ActorKind;
  name?: string;
  person?: string;
  rule: { file: string; line: number };
}

export interface CodedDocument {
  id: string;
  title: string;
  date: string | null;
  text: string;
  url?: string;
  source?: string;
  sentences: { start: number; end: number; paragraph: number }[];
  actors: OutputActor[];
  events: CodedEvent[];
  quotes: Quote[];
  messages: Message[];
  /** the ontology version and schema version that produced this */
  dyad: { schema: string; ontology: string };
}

export type { ActorRef, CodedEvent, Quote };
