/** A half-open character range `[start, end)` into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the words it covers, as every output shows it. */
export interface TextSpan extends Span {
  text: string;
}

export function textSpan(text: string, start: number, end: number): TextSpan {
  return { text: text.slice(start, end), start, end };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** `[3,5) Chinese Foreign Minister`: the form golden files use */
export function showSpan(text: string, s: Span): string {
  return `[${s.start},${s.end}) ${text.slice(s.start, s.end)}`;
}
