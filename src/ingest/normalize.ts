/**
 * Text is normalised once, at ingest: BOM removed, line ends unified to \n,
 * form feeds and other C0 controls (except tab and newline) turned into
 * spaces, Unicode NFC. Quote characters are kept as they are.
 */
export function normalizeText(raw: string): string {
  let s = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  s = s.replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ');
  s = s.replace(/\u00A0/g, ' ');
  return s.normalize('NFC');
}
