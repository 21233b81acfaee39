/**
 * The dyad dashboard: a period, the actor network of that period, the
 * tension timeline of a chosen dyad, the event table with filters (each row
 * opens its article with the spans highlighted and the rule that fired), and
 * a box that codes any pasted text live. It talks to the server's API only.
 */
import { ApiError, api, type DyadSummary, type Health, type StoredEvent, type StoredQuote } from './api.js';
import { QUAD_NAMES, clear, debounce, fmt, goldsteinColour, h, notice } from './dom.js';
import { renderDocument } from './document-view.js';
import { renderNetwork } from './network.js';
import { destroyTimeline, renderTimeline } from './timeline.js';

const EXAMPLE =
  'Russia accused Ukraine on Monday of shelling villages near the border. Ukraine rejected the accusation.\n\n' +
  '“We call on all sides to remain calm,” Chinese Foreign Minister Wang Yi said after talks with U.S. Secretary of State Antony Blinken.';

const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

const state = {
  health: null as Health | null,
  from: '',
  to: '',
  level: 'code' as 'code' | 'country',
  dyads: [] as DyadSummary[],
  dyad: null as { source: string; target: string } | null,
  /** true when the analyst chose the dyad (a click, the list, the address); otherwise the period's busiest is shown */
  dyadChosen: false,
  interval: 'week' as 'day' | 'week' | 'month',
  /** true once the analyst picked an interval: then it is kept */
  intervalChosen: false,
  names: new Map<string, string>(),
  cursor: null as string | null,
};

const errorText = (e: unknown) => (e instanceof ApiError ? `${e.message} [${e.code}]` : String((e as Error)?.message ?? e));

function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// layout

const el = {
  status: h('span', { class: 'status', 'data-testid': 'status' }, 'connecting…'),
  from: h('input', { type: 'date', id: 'period-from', 'aria-label': 'period from' }),
  to: h('input', { type: 'date', id: 'period-to', 'aria-label': 'period to' }),
  level: h('select', { id: 'level', 'aria-label': 'actor level' }, h('option', { value: 'code' }, 'actors as coded'), h('option', { value: 'country' }, 'by country')),
  network: h('div', { id: 'network', class: 'panel-body' }),
  networkSize: h(
    'select',
    { id: 'network-size', 'aria-label': 'how many dyads to draw' },
    ...[25, 50, 100, 250].map((n) => h('option', { value: String(n), selected: n === 50 }, `busiest ${n} dyads`)),
  ),
  dyadSelect: h('select', { id: 'dyad-select', 'aria-label': 'dyad' }),
  interval: h('select', { id: 'interval', 'aria-label': 'interval' }, h('option', { value: 'day' }, 'by day'), h('option', { value: 'week', selected: true }, 'by week'), h('option', { value: 'month' }, 'by month')),
  both: h('input', { type: 'checkbox', id: 'both-directions' }),
  timeline: h('div', { id: 'timeline', class: 'panel-body' }),
  changes: h('ol', { id: 'changes', class: 'changes' }),
  changesNote: h('p', { class: 'hint' }),
  table: h('tbody', {}),
  tableNote: h('div', { class: 'table-note', 'data-testid': 'events-count' }),
  more: h('button', { type: 'button', id: 'events-more', hidden: true }, 'Load more'),
  csv: h('a', { id: 'events-csv', href: 'api/events.csv', download: 'dyad-events.csv', class: 'csv-link' }, 'Download these events as CSV'),
  drawer: h('div', { id: 'article', class: 'drawer', hidden: true, role: 'dialog', 'aria-modal': 'true', 'aria-label': 'article' }),
  drawerBody: h('div', { class: 'drawer-body' }),
};

const filterInputs = {
  source: h('input', { name: 'source', placeholder: 'e.g. RUS', 'aria-label': 'source actor', size: 8 }),
  target: h('input', { name: 'target', placeholder: 'e.g. UKR', 'aria-label': 'target actor', size: 8 }),
  actor: h('input', { name: 'actor', placeholder: 'either side', 'aria-label': 'actor on either side', size: 8 }),
  cameo: h('input', { name: 'cameo', placeholder: 'e.g. 19', 'aria-label': 'CAMEO code prefix', size: 6 }),
  plover: h('select', { name: 'plover', 'aria-label': 'PLOVER type' }, h('option', { value: '' }, 'any'), ...PLOVER_TYPES.map((t) => h('option', { value: t }, t))),
  quad: h(
    'select',
    { name: 'quad', 'aria-label': 'quad class' },
    h('option', { value: '' }, 'any'),
    h('option', { value: '1,2' }, 'cooperation (1–2)'),
    h('option', { value: '3,4' }, 'conflict (3–4)'),
    ...[1, 2, 3, 4].map((q) => h('option', { value: String(q) }, `${q} ${QUAD_NAMES[q]}`)),
  ),
  q: h('input', { name: 'q', type: 'search', placeholder: 'words in the sentence', 'aria-label': 'text', size: 16 }),
};

function panel(title: string, id: string, ...body: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'panel', id: `${id}-panel`, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...body);
}

function explorePage(): HTMLElement {
  const presets = h(
    'span',
    { class: 'presets' },
    ...([['all', 'All'], ['7', 'Last 7 days'], ['30', 'Last 30 days'], ['365', 'Last year']] as const).map(([k, label]) =>
      h('button', { type: 'button', class: 'link', 'data-preset': k, onclick: () => preset(k) }, label),
    ),
  );
  const periodForm = h(
    'form',
    { class: 'period', id: 'period', onsubmit: (e: Event) => (e.preventDefault(), refreshAll()) },
    h('label', {}, 'From ', el.from),
    h('label', {}, 'to ', el.to),
    el.level,
    h('button', { type: 'submit', id: 'period-apply' }, 'Show'),
    presets,
  );
  const filters = h(
    'form',
    { class: 'filters', id: 'filters', onsubmit: (e: Event) => (e.preventDefault(), loadEvents(false)) },
    h('label', {}, 'Source ', filterInputs.source),
    h('label', {}, 'Target ', filterInputs.target),
    h('label', {}, 'Actor ', filterInputs.actor),
    h('label', {}, 'CAMEO ', filterInputs.cameo),
    h('label', {}, 'PLOVER ', filterInputs.plover),
    h('label', {}, 'Quad ', filterInputs.quad),
    h('label', {}, 'Text ', filterInputs.q),
    h('button', { type: 'submit', id: 'filters-apply' }, 'Filter'),
    h('button', { type: 'button', class: 'link', onclick: () => (clearFilters(), loadEvents(false)) }, 'clear'),
  );
  const table = h(
    'table',
    { class: 'events', id: 'events-table' },
    h('thead', {}, h('tr', {}, ...['Date', 'Source', 'Event', 'Target', 'Goldstein', 'Reports'].map((t) => h('th', { scope: 'col' }, t)))),
    el.table,
  );
  return h(
    'main',
    { id: 'explore' },
    periodForm,
    h(
      'div',
      { class: 'grid' },
      panel('Actor network', 'network', h('div', { class: 'controls' }, el.networkSize), el.network),
      h(
        'div',
        {},
        panel(
          'Dyad timeline',
          'timeline',
          h('div', { class: 'controls' }, el.dyadSelect, el.interval, h('label', {}, el.both, ' both directions')),
          el.timeline,
        ),
        panel('Heating up', 'changes', el.changesNote, el.changes),
      ),
    ),
    panel('Events', 'events', h('p', { class: 'hint' }, 'Click a row to open its article with the actors, trigger and quotes highlighted and the rule that coded it.'), filters, h('div', { class: 'table-head' }, el.tableNote, el.csv), h('div', { class: 'table-wrap' }, table), el.more),
  );
}

function codePage(): HTMLElement {
  const text = h('textarea', { id: 'code-text', rows: 9, placeholder: 'Paste a news text here — it is coded as you type (nothing is stored).', 'aria-label': 'text to code' });
  const date = h('input', { type: 'date', id: 'code-date', 'aria-label': 'article date' });
  date.value = new Date().toISOString().slice(0, 10);
  const out = h('div', { id: 'code-result', 'aria-live': 'polite' });
  const status = h('span', { class: 'muted', 'data-testid': 'code-status' });
  let seq = 0;
  const run = async () => {
    const t = text.value;
    if (!t.trim()) {
      clear(out);
      status.textContent = '';
      return;
    }
    const mine = ++seq;
    status.textContent = 'coding…';
    try {
      const doc = await api.code(t, date.value || null);
      if (mine !== seq) return;
      status.textContent = `events: ${doc.events.length} · quotes: ${doc.quotes.length} · actor mentions: ${doc.actors.length}`;
      renderDocument(out, doc, doc.events.length ? { focus: { index: 0 } } : {});
    } catch (e) {
      if (mine !== seq) return;
      status.textContent = '';
      clear(out, notice(errorText(e), 'error'));
    }
  };
  const live = debounce(run, 350);
  text.addEventListener('input', live);
  date.addEventListener('change', run);
  return h(
    'main',
    { id: 'code', hidden: true },
    panel(
      'Code a text',
      'coder',
      h('p', { class: 'hint' }, 'dyad finds who did what to whom, and who said what. The text is coded by the server and not stored.'),
      text,
      h(
        'div',
        { class: 'controls' },
        h('label', {}, 'Article date ', date),
        h('button', { type: 'button', id: 'code-run', onclick: run }, 'Code'),
        h('button', { type: 'button', class: 'link', id: 'code-example', onclick: () => ((text.value = EXAMPLE), void run()) }, 'try an example'),
        status,
      ),
      out,
    ),
  );
}

// ---------------------------------------------------------------------------
// data

function preset(k: 'all' | '7' | '30' | '365'): void {
  const stats = state.health?.store?.stats;
  if (!stats?.last) return;
  el.to.value = stats.last;
  el.from.value = k === 'all' ? stats.first ?? stats.last : addDays(stats.last, -(Number(k) - 1));
  void refreshAll();
}

function period(): { from?: string; to?: string } {
  const p: { from?: string; to?: string } = {};
  if (el.from.value) p.from = el.from.value;
  if (el.to.value) p.to = el.to.value;
  return p;
}

async function loadNames(): Promise<void> {
  try {
    const page = await api.actors({ limit: 1000 });
    for (const a of page.items) if (a.name) state.names.set(a.code, a.name);
  } catch {
    // names are a nicety
  }
}

/** A step that gives a readable chart for the period: days up to two months, weeks up to two years, else months. */
function autoInterval(): void {
  if (state.intervalChosen) return;
  const stats = state.health?.store?.stats;
  const from = el.from.value || stats?.first;
  const to = el.to.value || stats?.last;
  if (!from || !to) return;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  state.interval = days <= 62 ? 'day' : days <= 730 ? 'week' : 'month';
  el.interval.value = state.interval;
}

async function refreshAll(): Promise<void> {
  autoInterval();
  await loadNetwork();
  await loadTimeline();
  await loadChanges();
  await loadEvents(false);
}

/** The dyads whose events rose most against the previous period of the same length. */
async function loadChanges(): Promise<void> {
  const stats = state.health?.store?.stats;
  const from = el.from.value || stats?.first;
  const to = el.to.value || stats?.last;
  clear(el.changes);
  if (!from || !to) {
    el.changesNote.textContent = 'Needs dated events.';
    return;
  }
  try {
    const mine = ++latest.changes;
    const top = await api.topDyads({ from, to, by: 'rise', level: state.level, limit: 8 });
    if (mine !== latest.changes) return;
    const rising = top.items.filter((d) => d.change.events > 0 && d.source !== d.target);
    el.changesNote.textContent = rising.length
      ? `Most new events in ${top.period.from} – ${top.period.to} compared with ${top.previous.from} – ${top.previous.to}:`
      : `No dyad has more events in ${top.period.from} – ${top.period.to} than in ${top.previous.from} – ${top.previous.to}.`;
    for (const d of rising) {
      const tension = d.change.tension;
      el.changes.append(
        h(
          'li',
          { tabindex: 0, 'data-source': d.source, 'data-target': d.target, onclick: () => selectDyad(d.source, d.target), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && selectDyad(d.source, d.target) },
          h('span', { class: 'code' }, `${d.source} → ${d.target}`),
          ` ${d.previous.events} → ${d.current.events} events`,
          tension !== null ? h('span', { class: tension > 0 ? 'up' : 'down' }, ` · tension ${tension > 0 ? '+' : ''}${fmt(tension)}`) : null,
        ),
      );
    }
  } catch (e) {
    el.changesNote.replaceChildren(notice(errorText(e), 'error'));
  }
}

/** A newer request of the same kind makes an older answer stale: it is dropped, not drawn. */
const latest = { network: 0, timeline: 0, changes: 0 };

async function loadNetwork(): Promise<void> {
  const mine = ++latest.network;
  clear(el.network, notice('loading…', 'loading'));
  try {
    const r = await api.dyads({ ...period(), level: state.level, limit: Number(el.networkSize.value) || 50 });
    if (mine !== latest.network) return;
    state.dyads = r.items.filter((d) => d.source !== d.target);
    renderNetwork(el.network, state.dyads, {
      name: (code) => state.names.get(code),
      onDyad: (source, target) => {
        selectDyad(source, target);
        document.getElementById('timeline-panel')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
      onActor: (code) => {
        clearFilters();
        filterInputs.actor.value = code;
        void loadEvents(false);
        document.getElementById('events-panel')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
    });
  } catch (e) {
    if (mine !== latest.network) return;
    state.dyads = [];
    clear(el.network, notice(errorText(e), 'error'));
  }
  // the dyad chooser lists the period's dyads, busiest first
  const keep = state.dyadChosen ? state.dyad : null;
  clear(el.dyadSelect, h('option', { value: '' }, state.dyads.length ? 'choose a dyad…' : 'no dyads in this period'));
  for (const d of state.dyads) {
    const v = `${d.source}|${d.target}`;
    el.dyadSelect.append(h('option', { value: v }, `${d.source} → ${d.target} (${d.events})`));
  }
  // a dyad the analyst chose stays chosen, even when it is not among this period's busiest
  if (keep) {
    const v = `${keep.source}|${keep.target}`;
    if (![...el.dyadSelect.options].some((o) => o.value === v)) el.dyadSelect.append(h('option', { value: v }, `${keep.source} → ${keep.target}`));
    el.dyadSelect.value = v;
  } else if (state.dyads[0]) {
    state.dyad = { source: state.dyads[0].source, target: state.dyads[0].target };
    el.dyadSelect.value = `${state.dyad.source}|${state.dyad.target}`;
  } else state.dyad = null;
}

function selectDyad(source: string, target: string): void {
  state.dyad = { source, target };
  state.dyadChosen = true;
  const v = `${source}|${target}`;
  if (![...el.dyadSelect.options].some((o) => o.value === v)) el.dyadSelect.append(h('option', { value: v }, `${source} → ${target}`));
  el.dyadSelect.value = v;
  void loadTimeline();
  clearFilters();
  filterInputs.source.value = source;
  filterInputs.target.value = target;
  void loadEvents(false);
}

async function loadTimeline(): Promise<void> {
  saveView();
  const d = state.dyad;
  if (!d) {
    destroyTimeline();
    clear(el.timeline, notice('Choose a dyad above, or click a line in the network.'));
    return;
  }
  clear(el.timeline, notice('loading…', 'loading'));
  try {
    const mine = ++latest.timeline;
    const s = await api.series({ source: d.source, target: d.target, interval: state.interval, ...period(), directed: !el.both.checked });
    if (mine !== latest.timeline) return;
    const total = s.points.reduce((n, p) => n + p.events, 0);
    let undated = 0;
    if (!total) {
      const dyad = state.dyads.find((x) => x.source === d.source && x.target === d.target);
      if (dyad && dyad.first === null) undated = dyad.events;
    }
    renderTimeline(el.timeline, s, undated);
  } catch (e) {
    clear(el.timeline, notice(errorText(e), 'error'));
  }
}

function clearFilters(): void {
  for (const i of Object.values(filterInputs)) i.value = '';
}

function filterParams(): Record<string, string> {
  const p: Record<string, string> = {};
  for (const [k, i] of Object.entries(filterInputs)) {
    const v = i.value.trim();
    if (v) p[k] = k === 'source' || k === 'target' || k === 'actor' ? v.toUpperCase().replace(/\s+/g, '') : v;
  }
  return p;
}

function actorCell(a: StoredEvent['source'] | null): HTMLElement {
  if (!a) return h('td', { class: 'muted' }, '–');
  const name = a.name ?? state.names.get(a.code);
  return h('td', {}, h('span', { class: 'code' }, a.code), name ? h('div', { class: 'muted small' }, name) : null);
}

function eventRow(e: StoredEvent): HTMLElement {
  const open = () => void openArticle(e.firstArticle, e.id);
  return h(
    'tr',
    { tabindex: 0, 'data-event': e.id, onclick: open, onkeydown: (ev: Event) => (ev as KeyboardEvent).key === 'Enter' && open(), title: 'open the article' },
    h('td', { class: 'nowrap' }, e.date ?? '–'),
    actorCell(e.source),
    h(
      'td',
      {},
      h('span', { class: 'badge', style: `background:${goldsteinColour(e.goldstein)}` }, e.cameo),
      ' ',
      e.label,
      e.negated ? h('span', { class: 'tag' }, 'negated') : null,
      h('div', { class: 'muted small' }, `${e.plover.type}${e.plover.mode ? ` / ${e.plover.mode}` : ''} · ${QUAD_NAMES[e.quad] ?? ''}`),
    ),
    actorCell(e.target),
    h('td', { class: 'num' }, fmt(e.goldstein)),
    h('td', { class: 'num', title: `${e.mentions} mentions in ${e.articles} articles from ${e.outlets} outlets` }, String(e.articles)),
  );
}

let eventsSeq = 0;
async function loadEvents(more: boolean): Promise<void> {
  const mine = ++eventsSeq;
  saveView();
  const filters: Record<string, string> = { ...period(), ...filterParams() };
  el.csv.setAttribute('href', `api/events.csv${Object.keys(filters).length ? `?${new URLSearchParams(filters)}` : ''}`);
  const params: Record<string, string | number> = { ...filters, limit: 50 };
  if (more && state.cursor) params.cursor = state.cursor;
  if (!more) {
    clear(el.table);
    el.tableNote.textContent = 'loading…';
  }
  try {
    const page = await api.events(params);
    if (mine !== eventsSeq) return;
    for (const e of page.items) el.table.append(eventRow(e));
    state.cursor = page.next;
    el.more.hidden = !page.next;
    const shown = el.table.children.length;
    el.tableNote.textContent = shown ? `${shown} event${shown === 1 ? '' : 's'} shown${page.next ? ' (more below)' : ''}` : 'No events match these filters in this period.';
  } catch (e) {
    if (mine !== eventsSeq) return;
    el.tableNote.replaceChildren(notice(errorText(e), 'error'));
  }
}

async function openArticle(id: string, eventId?: string, quote?: number): Promise<void> {
  el.drawer.hidden = false;
  document.body.classList.add('drawer-open');
  clear(el.drawerBody, notice('loading…', 'loading'));
  try {
    const a = await api.article(id);
    const meta = [a.date ?? 'no date', a.source, a.url && /^https?:\/\//i.test(a.url) ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, 'original') : a.url ?? null].filter(Boolean) as (string | HTMLElement)[];
    const body = h('div', {});
    clear(el.drawerBody, h('h2', { id: 'article-title' }, a.title || '(untitled)'), h('p', { class: 'muted' }, ...meta.flatMap((m, i) => (i ? [' · ', m] : [m]))), body);
    renderDocument(body, a, eventId ? { focus: { eventId } } : quote !== undefined ? { quote } : {});
  } catch (e) {
    clear(el.drawerBody, notice(errorText(e), 'error'));
  }
}

function closeArticle(): void {
  el.drawer.hidden = true;
  document.body.classList.remove('drawer-open');
}

// ---------------------------------------------------------------------------

type PageName = 'explore' | 'quotes' | 'code';
const PAGES: PageName[] = ['explore', 'quotes', 'code'];

function quotesPage(): HTMLElement {
  const speaker = h('input', { name: 'speaker', placeholder: 'e.g. Blinken', 'aria-label': 'speaker name', size: 14 });
  const actor = h('input', { name: 'actor', placeholder: 'e.g. CHNGOV', 'aria-label': 'speaker actor code', size: 9 });
  const words = h('input', { name: 'q', type: 'search', placeholder: 'words in the quote', 'aria-label': 'words', size: 16 });
  const list = h('ul', { class: 'quotes', id: 'quotes-list' });
  const note = h('div', { class: 'table-note', 'data-testid': 'quotes-count' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  let cursor: string | null = null;
  let seq = 0;
  const row = (q: StoredQuote) => {
    const open = () => void openArticle(q.articleId, undefined, q.index);
    return h(
      'li',
      { tabindex: 0, onclick: open, onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && open(), title: 'open the article' },
      h('q', {}, q.text.replace(/^[“"']|[”"']$/g, '')),
      h(
        'div',
        { class: 'muted small' },
        h('span', { class: 'speaker' }, q.speaker ? q.speaker.name ?? q.speaker.text : 'unattributed'),
        q.speaker?.code ? ` (${q.speaker.code})` : '',
        ` · ${q.kind} · ${q.article.title || '(untitled)'} · ${q.article.date ?? 'no date'}`,
      ),
    );
  };
  const load = async (again: boolean) => {
    const mine = ++seq;
    const p: Record<string, string | number> = { ...period(), limit: 50 };
    if (speaker.value.trim()) p.speaker = speaker.value.trim();
    if (actor.value.trim()) p.actor = actor.value.trim().toUpperCase();
    if (words.value.trim()) p.q = words.value.trim();
    if (again && cursor) p.cursor = cursor;
    if (!again) clear(list);
    try {
      const page = await api.quotes(p);
      if (mine !== seq) return;
      for (const q of page.items) list.append(row(q));
      cursor = page.next;
      more.hidden = !page.next;
      const n = list.children.length;
      note.textContent = n ? `${n} quote${n === 1 ? '' : 's'} shown${page.next ? ' (more below)' : ''}` : 'No quotes match.';
    } catch (e) {
      if (mine === seq) note.replaceChildren(notice(errorText(e), 'error'));
    }
  };
  more.addEventListener('click', () => void load(true));
  const form = h(
    'form',
    { class: 'filters', id: 'quote-filters', onsubmit: (e: Event) => (e.preventDefault(), void load(false)) },
    h('label', {}, 'Speaker ', speaker),
    h('label', {}, 'Actor ', actor),
    h('label', {}, 'Words ', words),
    h('button', { type: 'submit', id: 'quotes-apply' }, 'Find'),
  );
  const main = h(
    'main',
    { id: 'quotes', hidden: true },
    panel('Quotes', 'quotes', h('p', { class: 'hint' }, 'Who said what, in the period chosen on Explore. Click a quote to open its article.'), form, note, list, more),
  );
  main.addEventListener('dyad:show', () => void load(false));
  return main;
}

// ---------------------------------------------------------------------------
// the view in the address (#explore?from=…&to=…&source=…): a reload or a shared link shows the same

let current: PageName = 'explore';

/** The explore view's settings as URL parameters. */
function viewParams(): URLSearchParams {
  const u = new URLSearchParams();
  if (el.from.value) u.set('from', el.from.value);
  if (el.to.value) u.set('to', el.to.value);
  if (state.level !== 'code') u.set('level', state.level);
  if (el.networkSize.value !== '50') u.set('dyads', el.networkSize.value);
  if (state.dyad && state.dyadChosen) u.set('dyad', `${state.dyad.source}-${state.dyad.target}`);
  if (state.intervalChosen) u.set('interval', state.interval);
  for (const [k, v] of Object.entries(filterParams())) u.set(k, v);
  return u;
}

function saveView(): void {
  const q = viewParams().toString();
  const want = `#${current}${q ? `?${q}` : ''}`;
  if (location.hash !== want) history.replaceState(null, '', want);
}

/** Applies the settings of the address; true when it named a period. */
function loadView(): boolean {
  const q = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const date = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(q.get(k) ?? '') ? q.get(k)! : '');
  el.from.value = date('from');
  el.to.value = date('to');
  if (q.get('level') === 'country') el.level.value = state.level = 'country';
  if (['25', '50', '100', '250'].includes(q.get('dyads') ?? '')) el.networkSize.value = q.get('dyads')!;
  const dyad = /^([A-Za-z0-9]+)-([A-Za-z0-9]+)$/.exec(q.get('dyad') ?? '');
  if (dyad) {
    state.dyad = { source: dyad[1]!.toUpperCase(), target: dyad[2]!.toUpperCase() };
    state.dyadChosen = true;
  }
  const interval = q.get('interval');
  if (interval === 'day' || interval === 'week' || interval === 'month') {
    el.interval.value = state.interval = interval;
    state.intervalChosen = true;
  }
  for (const [k, input] of Object.entries(filterInputs)) {
    const v = q.get(k);
    if (v !== null) input.value = v;
  }
  return Boolean(el.from.value || el.to.value);
}

function showPage(which: PageName): void {
  current = which;
  for (const p of PAGES) {
    const page = document.getElementById(p)!;
    const was = page.hidden;
    page.hidden = which !== p;
    if (was && !page.hidden) page.dispatchEvent(new Event('dyad:show'));
  }
  for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-current', String(b.getAttribute('data-page') === which));
  saveView();
}

async function start(): Promise<void> {
  const app = document.getElementById('app')!;
  const nav = h(
    'nav',
    {},
    h('button', { type: 'button', 'data-page': 'explore', onclick: () => showPage('explore') }, 'Explore'),
    h('button', { type: 'button', 'data-page': 'quotes', onclick: () => showPage('quotes') }, 'Quotes'),
    h('button', { type: 'button', 'data-page': 'code', onclick: () => showPage('code') }, 'Code a text'),
  );
  const header = h('header', {}, h('h1', {}, 'dyad'), h('span', { class: 'tagline' }, 'who did what to whom'), nav, el.status, h('a', { href: 'openapi.json', class: 'api-link' }, 'API'));
  el.drawer.append(h('div', { class: 'drawer-bar' }, h('button', { type: 'button', id: 'article-close', onclick: closeArticle, 'aria-label': 'close the article' }, '× close')), el.drawerBody);
  el.drawer.addEventListener('click', (e) => e.target === el.drawer && closeArticle());
  document.addEventListener('keydown', (e) => e.key === 'Escape' && !el.drawer.hidden && closeArticle());
  app.append(header, explorePage(), quotesPage(), codePage(), el.drawer);
  const fromHash = location.hash.slice(1).split('?')[0] as PageName;
  const namedPeriod = loadView();
  showPage(PAGES.includes(fromHash) ? fromHash : 'explore');

  el.level.addEventListener('change', () => {
    state.level = el.level.value as 'code' | 'country';
    state.dyad = null;
    state.dyadChosen = false;
    void loadNetwork().then(loadTimeline).then(loadChanges);
  });
  el.networkSize.addEventListener('change', () => void loadNetwork());
  el.dyadSelect.addEventListener('change', () => {
    const [s, t] = el.dyadSelect.value.split('|');
    if (s && t) selectDyad(s, t);
  });
  el.interval.addEventListener('change', () => {
    state.interval = el.interval.value as 'day' | 'week' | 'month';
    state.intervalChosen = true;
    void loadTimeline();
  });
  el.both.addEventListener('change', () => void loadTimeline());
  el.more.addEventListener('click', () => void loadEvents(true));

  try {
    state.health = await api.health();
  } catch (e) {
    el.status.textContent = errorText(e);
    return;
  }
  const st = state.health.store;
  if (!st) {
    el.status.textContent = 'no event store: only “Code a text” works';
    clear(el.network, notice('This server runs without an event store (start dyad serve with --db).'));
    return;
  }
  el.status.textContent = `${st.stats.articles} articles · ${st.stats.events} events · ${st.stats.quotes} quotes${st.stats.first ? ` · ${st.stats.first} to ${st.stats.last}` : ''}`;
  if (!st.stats.events) {
    clear(el.network, notice('No events stored yet. Ingest news with `dyad ingest FILES…`, or try “Code a text”.'));
    clear(el.timeline);
    el.tableNote.textContent = 'No events stored yet.';
    return;
  }
  if (!namedPeriod) {
    el.from.value = st.stats.first ?? '';
    el.to.value = st.stats.last ?? '';
  }
  await loadNames();
  await refreshAll();
}

void start();
