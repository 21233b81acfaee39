import type { CodeInput } from '../../engine.js';

export interface PostedText {
  text: string;
  date?: string | null | undefined;
  title?: string | undefined;
  id?: string | undefined;
  url?: string | undefined;
  source?: string | undefined;
}

/** The engine's input from a posted body, leaving out absent fields. */
export function codeInputOf(b: PostedText): CodeInput {
  const input: CodeInput = { text: b.text, date: b.date ?? null };
  if (b.title !== undefined) input.title = b.title;
  if (b.id !== undefined) input.id = b.id;
  if (b.url !== undefined) input.url = b.url;
  if (b.source !== undefined) input.source = b.source;
  return input;
}
