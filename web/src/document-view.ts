/**
 * One coded document shown as its text with the actors, event triggers and
 * quotes highlighted, beside the list of its events (each with the rule that
 * fired) and its quotes. Used for a stored article and for the live coder.
 */
import type { CodedDocument } from './api.js';
import { QUAD_NAMES, clear, fmt, goldsteinColour, h } from './dom.js';

type Kind = 'actor' | 'trigger' | 'quote' | 'source' | 'target';

interface Mark {
  start: number;
  end: number;
  kind: Kind;
  title: string;
  /** the events (indexes) this span belongs to */
  events: number[];
  /** the quote (index) this span is */
  quote?: number;
}

type Doc = Pick<CodedDocument, 'text' | 'actors' | 'quotes'> & { events: (CodedDocument['events'][number] & { eventId?: string })[] };

function marksOf(doc: Doc): Mark[] {
  const marks: Mark[] = [];
  for (const a of doc.actors) {
    marks.push({ start: a.start, end: a.end, kind: 'actor', title: `${a.code}${a.name ? ` · ${a.name}` : ''}${a.person ? ` (${a.person})` : ''}`, events: [] });
  }
  doc.events.forEach((e, i) => {
    marks.push({ start: e.trigger.start, end: e.trigger.end, kind: 'trigger', title: `${e.cameo} ${e.label} · ${e.plover.type}`, events: [i] });
    if (e.source) marks.push({ start: e.source.start, end: e.source.end, kind: 'source', title: `source ${e.source.code ?? '?'}`, events: [i] });
    if (e.target) marks.push({ start: e.target.start, end: e.target.end, kind: 'target', title: `target ${e.target.code ?? '?'}`, events: [i] });
  });
  doc.quotes.forEach((q, i) => {
    const who = q.speaker ? q.speaker.name ?? q.speaker.text : 'unknown speaker';
    marks.push({ start: q.start, end: q.end, kind: 'quote', title: `${q.kind} quote · ${who}`, events: [], quote: i });
  });
  return marks.filter((m) => m.end > m.start);
}

/** The text split at every span boundary; each piece carries the spans that cover it. */
function renderText(doc: Doc): HTMLElement {
  const marks = marksOf(doc);
  const cuts = new Set<number>([0, doc.text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(doc.text.length, m.start)));
    cuts.add(Math.max(0, Math.min(doc.text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = h('div', { class: 'doc-text', 'data-testid': 'doc-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = doc.text.slice(a, b);
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    if (!over.length) {
      out.append(piece);
      continue;
    }
    const kinds = [...new Set(over.map((m) => m.kind))];
    const events = [...new Set(over.flatMap((m) => m.events))];
    const quotes = over.filter((m) => m.quote !== undefined).map((m) => m.quote);
    const span = h('span', {
      class: kinds.map((k) => `hl hl-${k}`).join(' '),
      title: over.map((m) => m.title).join('\n'),
      'data-events': events.join(' '),
      'data-quotes': quotes.length ? quotes.join(' ') : undefined,
    }, piece);
    out.append(span);
  }
  return out;
}

function legend(): HTMLElement {
  return h(
    'div',
    { class: 'legend doc-legend' },
    h('span', { class: 'hl hl-actor' }, 'actor'),
    h('span', { class: 'hl hl-trigger' }, 'event trigger'),
    h('span', { class: 'hl hl-quote' }, 'quote'),
    h('span', { class: 'legend-note' }, 'Hover a highlight for its code; pick an event to see its source, target and trigger.'),
  );
}

export interface DocumentViewOptions {
  /** the stored event id (or the index) to focus when the view opens */
  focus?: { eventId?: string; index?: number };
  /** the quote (index) to outline when the view opens */
  quote?: number;
}

/** Renders `doc` into `host` and returns a function that focuses one event. */
export function renderDocument(host: HTMLElement, doc: Doc, opts: DocumentViewOptions = {}): (index: number) => void {
  const text = renderText(doc);
  const eventList = h('ol', { class: 'event-list', 'data-testid': 'doc-events' });
  const focus = (index: number) => {
    for (const el of text.querySelectorAll('.hl')) {
      const evs = (el.getAttribute('data-events') ?? '').split(' ').filter(Boolean).map(Number);
      el.classList.toggle('focus', evs.includes(index));
    }
    for (const li of eventList.children) li.classList.toggle('active', li.getAttribute('data-index') === String(index));
    const first = text.querySelector('.hl.focus');
    if (first && 'scrollIntoView' in first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  doc.events.forEach((e, i) => {
    const side = (r: typeof e.source) => (r ? h('span', { class: 'code', title: r.name ?? r.text }, r.code ?? `“${r.text}”`) : h('span', { class: 'code muted' }, '–'));
    eventList.append(
      h(
        'li',
        { 'data-index': i, tabindex: 0, onclick: () => focus(i), onkeydown: (ev: Event) => (ev as KeyboardEvent).key === 'Enter' && focus(i) },
        h(
          'div',
          { class: 'event-head' },
          side(e.source),
          h('span', { class: 'arrow' }, ' → '),
          side(e.target),
          ' ',
          h('span', { class: 'badge', style: `background:${goldsteinColour(e.goldstein)}`, title: `Goldstein ${e.goldstein} · ${QUAD_NAMES[e.quad] ?? ''}` }, `${e.cameo}`),
          ' ',
          h('strong', {}, e.label),
          e.negated ? h('span', { class: 'tag' }, 'negated') : null,
          e.modality ? h('span', { class: 'tag' }, e.modality) : null,
        ),
        h(
          'div',
          { class: 'event-meta' },
          `“${e.trigger.text}” · ${e.plover.type}${e.plover.mode ? `/${e.plover.mode}` : ''} · ${e.date ?? 'no date'} · Goldstein ${fmt(e.goldstein)}`,
        ),
        h('div', { class: 'rule', 'data-testid': 'rule' }, 'rule ', h('code', {}, `${e.rule.file}:${e.rule.line}`), e.rule.pattern ? h('code', { class: 'pattern' }, e.rule.pattern) : null),
      ),
    );
  });
  const quoteList = h('ul', { class: 'quote-list', 'data-testid': 'doc-quotes' });
  for (const q of doc.quotes) {
    quoteList.append(
      h(
        'li',
        {},
        h('span', { class: 'speaker' }, q.speaker ? `${q.speaker.name ?? q.speaker.text}${q.speaker.code ? ` (${q.speaker.code})` : ''}` : 'unattributed'),
        q.cue ? h('span', { class: 'muted' }, ` ${q.cue.text}: `) : ': ',
        h('q', {}, q.text.replace(/^[“"']|[”"']$/g, '')),
      ),
    );
  }
  clear(
    host,
    legend(),
    h(
      'div',
      { class: 'doc-grid' },
      text,
      h(
        'aside',
        { class: 'doc-side' },
        h('h3', {}, `Events (${doc.events.length})`),
        doc.events.length ? eventList : h('p', { class: 'muted' }, 'No events were coded in this text.'),
        h('h3', {}, `Quotes (${doc.quotes.length})`),
        doc.quotes.length ? quoteList : h('p', { class: 'muted' }, 'No quotes.'),
      ),
    ),
  );
  if (opts.quote !== undefined) {
    for (const el of text.querySelectorAll('.hl-quote')) {
      const qs = (el.getAttribute('data-quotes') ?? '').split(' ').filter(Boolean).map(Number);
      el.classList.toggle('focus', qs.includes(opts.quote));
    }
    quoteList.children[opts.quote]?.classList.add('active');
    text.querySelector('.hl-quote.focus')?.scrollIntoView({ block: 'center' });
  }
  const want = opts.focus?.eventId !== undefined ? doc.events.findIndex((e) => e.eventId === opts.focus!.eventId) : opts.focus?.index ?? -1;
  if (want >= 0) focus(want);
  return focus;
}
