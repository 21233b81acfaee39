/**
 * dyad's library API. Everything a program needs to code news, read the
 * output, store and query events; the CLI, the server and the dashboard are
 * thin shells over these.
 */
export { createEngine, createEngineSync, articleId } from './engine.js';
export { tuneJit } from './jit.js';
export type { Engine, EngineOptions, CodeInput, QuadConvention } from './engine.js';
export type { CodedDocument, OutputActor } from './output/schema.js';
export { SCHEMA_VERSION } from './output/schema.js';
export type {
  ActorKind,
  ActorMention,
  ActorRef,
  CodedEvent,
  CorefLink,
  LayerMap,
  LayerName,
  PloverCoding,
  Provenance,
  Quote,
  Sentence,
} from './core/layers.js';
export type { Article } from './core/article.js';
export type { Message, Severity } from './core/messages.js';
export { DyadError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export { Doc } from './core/document.js';
export { Pipeline, type Stage } from './core/stage.js';
export { readInputs, type InputItem, type InputFormat } from './ingest/read-inputs.js';
export { createFormatter, OUTPUT_FORMATS, type Formatter, type OutputFormat } from './output/formats.js';
export { loadOntology, type Ontology } from './ontology/load-ontology.js';
export { openStore } from './store/index.js';
export type { Store } from './store/types.js';
