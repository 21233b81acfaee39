/**
 * Output formats (docs/output-schema.md):
 *
 *   jsonl   one CodedDocument per article per line: dyad's full, stable schema
 *   tsv     one event per line with a header: Phoenix's 26 columns, then dyad's own
 *   plover  one PLOVER 2.0 event record (JSON) per line
 *   gdelt   one event per line in the 61 columns of the GDELT 2.0 event table, no header
 *
 * A formatter is made once per run (`createFormatter`): the GDELT format
 * numbers events across the whole run, as GDELT's GLOBALEVENTID does.
 */
import type { Engine } from '../engine.js';
import type { CodedDocument } from './schema.js';
import { tsvFormatter } from './tsv.js';
import { ploverFormatter } from './plover.js';
import { gdeltFormatter } from './gdelt.js';

export type OutputFormat = 'jsonl' | 'tsv' | 'plover' | 'gdelt';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'tsv', 'plover', 'gdelt'];

export interface Formatter {
  /** written once before the first record */
  header?(): string;
  /** the text for one coded article (may be empty: an article with no events in an event format) */
  article(doc: CodedDocument): string;
}

/** What formatters need beyond the coded document, taken from the engine once. */
export interface FormatContext {
  /** indent JSON (jsonl only) */
  pretty?: boolean;
  /** the quad convention the events' `quad` follows: names the TSV column (QuadClass, or Phoenix's PentaClass) */
  quad?: 'gdelt' | 'phoenix' | 'plover';
  /** PLOVER type lookups from the ontology's codes/plover.txt */
  plover?: {
    /** the type's PLOVER quad category, 1–4 */
    quad(type: string): number | undefined;
    /** the PLOVER conflict–cooperation score of the type and mode */
    score(type: string, mode?: string): number | undefined;
  };
  /** the ontology's country codes (to read NGOUSA as an NGO of the United States) */
  countries?: ReadonlySet<string>;
}

const PLOVER_QUAD_NUMBER = {
  'verbal-cooperation': 1,
  'material-cooperation': 2,
  'verbal-conflict': 3,
  'material-conflict': 4,
} as const;

/** The format context of an engine: its quad convention, PLOVER table and countries. */
export function formatContextOf(engine: Engine, opts: { pretty?: boolean } = {}): FormatContext {
  const codes = engine.ontology.codes;
  const countries = new Set<string>();
  for (const e of engine.ontology.actors.entries) if (e.kind === 'country') countries.add(e.code.slice(0, 3));
  const ctx: FormatContext = {
    quad: engine.options.quad,
    countries,
    plover: {
      quad: (type) => {
        const t = codes.plover.get(type);
        return t ? PLOVER_QUAD_NUMBER[t.quad] : undefined;
      },
      score: (type, mode) => {
        const t = codes.plover.get(type);
        if (!t) return undefined;
        return (mode !== undefined ? t.modeScores.get(mode) : undefined) ?? t.score;
      },
    },
  };
  if (opts.pretty) ctx.pretty = true;
  return ctx;
}

function jsonlFormatter(ctx: FormatContext): Formatter {
  return {
    article: (doc) => (ctx.pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc)) + '\n',
  };
}

/** A formatter for one run over many articles. */
export function createFormatter(format: OutputFormat, ctx: FormatContext = {}): Formatter {
  switch (format) {
    case 'jsonl':
      return jsonlFormatter(ctx);
    case 'tsv':
      return tsvFormatter(ctx);
    case 'plover':
      return ploverFormatter(ctx);
    case 'gdelt':
      return gdeltFormatter(ctx);
    default:
      throw new Error(`unknown output format "${String(format)}"`);
  }
}
