/**
 * The one catalogue of dyad's errors. Only programmer and configuration errors
 * throw; problems inside one article are messages (see messages.ts).
 * Codes are stable: scripts and the HTTP API may rely on them.
 */
export const ERROR_CODES = {
  E_DICT_SYNTAX: 'a dictionary line could not be read',
  E_DICT_VALUE: 'a dictionary value is not valid',
  E_DICT_REF: 'a dictionary entry refers to something that does not exist',
  E_PIPELINE: 'a pipeline stage needs a layer that no earlier stage provides',
  E_INPUT: 'an input could not be read',
  E_CONFIG: 'an option or setting is not valid',
  E_STORE: 'the event store failed',
  E_NOT_FOUND: 'the requested item does not exist',
  E_USAGE: 'the command was called wrongly',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorPlace {
  file?: string;
  line?: number;
  column?: number;
  offset?: number;
}

export class DyadError extends Error {
  readonly code: ErrorCode;
  readonly place: ErrorPlace | undefined;

  constructor(code: ErrorCode, message: string, place?: ErrorPlace, options?: { cause?: unknown }) {
    super(formatPlace(place) + message, options);
    this.name = 'DyadError';
    this.code = code;
    this.place = place;
  }
}

/** `file:line:column: ` prefix in the form editors and compilers use. */
export function formatPlace(place: ErrorPlace | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) parts.push(String(place.line));
  if (place.column !== undefined) parts.push(String(place.column));
  let out = parts.join(':');
  if (place.offset !== undefined) out += (out ? ' ' : '') + `@${place.offset}`;
  return out ? out + ': ' : '';
}

export function isDyadError(e: unknown): e is DyadError {
  return e instanceof DyadError;
}
