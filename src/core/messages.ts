/**
 * Problems inside one article are messages, not exceptions (DESIGN principle 5).
 * A fatal message makes the runner skip that article's later stages; the batch goes on.
 */
export type Severity = 'info' | 'warning' | 'fatal';

export interface Message {
  /** the stage (or `ingest`) that reported it */
  stage: string;
  severity: Severity;
  reason: string;
  /** a stable id of the check or rule that produced it, e.g. `quotes/unclosed` */
  rule?: string;
  /** character offsets into the article text, when the problem has a place */
  start?: number;
  end?: number;
}

export function message(
  stage: string,
  severity: Severity,
  reason: string,
  extra: { rule?: string; start?: number; end?: number } = {},
): Message {
  const m: Message = { stage, severity, reason };
  if (extra.rule !== undefined) m.rule = extra.rule;
  if (extra.start !== undefined) m.start = extra.start;
  if (extra.end !== undefined) m.end = extra.end;
  return m;
}
