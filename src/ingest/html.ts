/**
 * HTML pages: the main text is extracted with Mozilla's Readability (the
 * engine of Firefox's reader view) over a linkedom DOM; block elements become
 * paragraphs.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export interface ExtractedPage {
  title: string;
  text: string;
  date: string | null;
  url?: string;
  siteName?: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd, dt, figcaption';

/** Paragraph texts of an HTML fragment, one per block element (or its whole text). */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)] as Element[];
  const leaves = blocks.filter((b) => !b.querySelector(BLOCKS));
  const texts = (leaves.length ? leaves : [document.body]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  return texts.filter((t) => t !== '');
}

function meta(document: Document, names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v) return v;
  }
  const time = document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? null;
}

/** The article in a page, or null when the page holds no readable article. */
export function extractArticle(html: string): ExtractedPage | null {
  const { document } = parseHTML(html);
  const published = meta(document as unknown as Document, ['article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued']);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const reader = new Readability(document as unknown as Document, { charThreshold: 200 });
  const parsed = reader.parse();
  if (!parsed || !parsed.content) return null;
  const paragraphs = htmlToParagraphs(parsed.content);
  const title = (parsed.title ?? '').replace(/\s+/g, ' ').trim();
  // Readability may repeat the headline as the first block
  if (paragraphs.length && paragraphs[0] === title) paragraphs.shift();
  const text = paragraphs.join('\n\n');
  if (text.trim().length < 40) return null;
  const out: ExtractedPage = { title, text, date: published ?? parsed.publishedTime ?? null };
  if (canonical) out.url = canonical;
  if (parsed.siteName) out.siteName = parsed.siteName;
  return out;
}
