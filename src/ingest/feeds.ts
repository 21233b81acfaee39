/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is an article (its
 * content or description as text). Parsed with fast-xml-parser.
 */
import { XMLParser } from 'fast-xml-parser';
import { htmlToParagraphs } from './html.js';

export interface FeedItem {
  id?: string;
  title: string;
  text: string;
  date?: string;
  url?: string;
  source?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('#text' in o) return str(o['#text']);
    if ('@href' in o) return str(o['@href']);
  }
  return '';
}

function linkOf(v: unknown): string {
  if (Array.isArray(v)) {
    const alt = v.find((l) => typeof l === 'object' && l && ((l as Record<string, unknown>)['@rel'] ?? 'alternate') === 'alternate');
    return str(alt ?? v[0]);
  }
  return str(v);
}

function textOf(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return htmlToParagraphs(html).join('\n\n');
}

export function isFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 4000));
}

/** The items of a feed; throws when the XML is malformed. */
export function parseFeed(xml: string): { title: string; items: FeedItem[] } {
  const doc = parser.parse(xml) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const channel = doc.rss?.channel ?? doc['rdf:RDF']?.channel ?? doc.feed;
  const rawItems: unknown[] = doc.rss?.channel?.item ?? doc['rdf:RDF']?.item ?? doc.feed?.entry ?? [];
  if (!channel && !rawItems.length) throw new Error('not an RSS or Atom feed');
  const feedTitle = str(channel?.title);
  const items: FeedItem[] = [];
  for (const raw of rawItems as Record<string, unknown>[]) {
    const body = str(raw['content:encoded']) || str(raw.content) || str(raw.description) || str(raw.summary);
    const item: FeedItem = { title: textOf(str(raw.title)).replace(/\s+/g, ' '), text: textOf(body) };
    const id = str(raw.guid) || str(raw.id);
    if (id) item.id = id;
    const url = linkOf(raw.link);
    if (url) item.url = url;
    const date = str(raw.pubDate) || str(raw.published) || str(raw.updated) || str(raw['dc:date']);
    if (date) item.date = date;
    if (feedTitle) item.source = feedTitle;
    items.push(item);
  }
  return { title: feedTitle, items };
}
