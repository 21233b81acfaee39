/**
 * The actor network of a period: actors are nodes (sized by their events),
 * directed dyads are curved edges sized by volume and coloured by mean
 * Goldstein, from conflict (red) to cooperation (green). Laid out by
 * d3-force, run to rest before drawing so the picture does not jump.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { DyadSummary } from './api.js';
import { clear, fmt, goldsteinColour, h, notice, svg } from './dom.js';

interface Node extends SimulationNodeDatum {
  id: string;
  events: number;
}

interface Link extends SimulationLinkDatum<Node> {
  dyad: DyadSummary;
}

export interface NetworkHandlers {
  onDyad(source: string, target: string): void;
  onActor(code: string): void;
  name(code: string): string | undefined;
}

/** the layout's aim: a 800 × 520 picture; the view is then fitted to where the nodes came to rest */
const W = 800;
const H = 520;

export function renderNetwork(host: HTMLElement, dyads: DyadSummary[], on: NetworkHandlers): void {
  if (!dyads.length) {
    clear(host, notice('No events between two actors in this period. Widen the period, or ingest more news.'));
    return;
  }
  const nodes = new Map<string, Node>();
  const node = (id: string) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, events: 0 }));
    return n;
  };
  const links: Link[] = [];
  for (const d of dyads) {
    if (d.source === d.target) continue;
    const s = node(d.source);
    const t = node(d.target);
    s.events += d.events;
    t.events += d.events;
    links.push({ source: s, target: t, dyad: d });
  }
  const list = [...nodes.values()];
  const maxEvents = Math.max(1, ...list.map((n) => n.events));
  const maxDyad = Math.max(1, ...links.map((l) => l.dyad.events));
  const radius = (n: Node) => 6 + 16 * Math.sqrt(n.events / maxEvents);
  const width = (l: Link) => 1.2 + 7 * Math.sqrt(l.dyad.events / maxDyad);

  // deterministic start: nodes on a circle in code order
  list.sort((a, b) => (a.id < b.id ? -1 : 1)).forEach((n, i) => {
    const a = (2 * Math.PI * i) / list.length;
    n.x = W / 2 + 180 * Math.cos(a);
    n.y = H / 2 + 180 * Math.sin(a);
  });
  // the more actors, the shorter the links, so the picture keeps its size
  const dist = Math.max(60, Math.min(130, 900 / Math.sqrt(list.length)));
  const sim = forceSimulation(list)
    .force('link', forceLink<Node, Link>(links).distance(dist).strength(0.4))
    .force('charge', forceManyBody().strength(-dist * 3.2))
    .force('center', forceCenter(W / 2, H / 2))
    .force('x', forceX(W / 2).strength(0.05))
    .force('y', forceY(H / 2).strength(0.07))
    .force('collide', forceCollide<Node>().radius((n) => radius(n) + 18))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  // fit the view to the nodes and their labels, keeping at least the aimed proportions
  const pad = 46;
  let minX = Math.min(...list.map((n) => n.x! - radius(n))) - pad;
  let maxX = Math.max(...list.map((n) => n.x! + radius(n))) + pad;
  let minY = Math.min(...list.map((n) => n.y! - radius(n))) - pad;
  let maxY = Math.max(...list.map((n) => n.y! + radius(n))) + pad;
  const aim = H / W;
  if ((maxY - minY) / (maxX - minX) < aim) {
    const grow = (maxX - minX) * aim - (maxY - minY);
    minY -= grow / 2;
    maxY += grow / 2;
  }
  if ((maxY - minY) / (maxX - minX) > 1) {
    const grow = maxY - minY - (maxX - minX);
    minX -= grow / 2;
    maxX += grow / 2;
  }
  const vw = maxX - minX;
  const vh = maxY - minY;
  // text stays readable when a big network is shrunk to fit
  const zoom = Math.max(1, vw / W);

  const root = svg('svg', { viewBox: `${minX.toFixed(0)} ${minY.toFixed(0)} ${vw.toFixed(0)} ${vh.toFixed(0)}`, class: 'network', style: `--zoom:${zoom.toFixed(2)}`, role: 'group', 'aria-label': `network of ${list.length} actors and ${links.length} dyads` });
  const defs = svg('defs');
  root.append(defs);
  const edges = svg('g', { class: 'edges' });
  const labels = svg('g', { class: 'nodes' });
  root.append(edges, labels);

  const pairs = new Set(links.map((l) => `${(l.source as Node).id}|${(l.target as Node).id}`));
  links.forEach((l, i) => {
    const s = l.source as Node;
    const t = l.target as Node;
    const colour = goldsteinColour(l.dyad.goldsteinMean);
    const marker = svg('marker', { id: `arrow-${i}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' });
    const tip = svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour });
    marker.append(tip);
    defs.append(marker);
    // curve both directions of a pair apart; a lone edge curves slightly
    const bend = pairs.has(`${t.id}|${s.id}`) ? 0.18 : 0.06;
    const dx = t.x! - s.x!;
    const dy = t.y! - s.y!;
    const len = Math.hypot(dx, dy) || 1;
    const rt = radius(t) + 3;
    const ex = t.x! - (dx / len) * rt;
    const ey = t.y! - (dy / len) * rt;
    const cx = (s.x! + ex) / 2 - dy * bend;
    const cy = (s.y! + ey) / 2 + dx * bend;
    const d = `M${s.x!.toFixed(1)},${s.y!.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
    const g = svg('g', { class: 'edge', 'data-source': s.id, 'data-target': t.id, tabindex: 0, role: 'button' });
    const title = svg('title');
    title.textContent = `${s.id} → ${t.id}: ${l.dyad.events} events, mean Goldstein ${fmt(l.dyad.goldsteinMean)}, tension ${fmt(l.dyad.tension)} — click for the timeline`;
    const hit = svg('path', { d, class: 'edge-hit', 'stroke-width': Math.max(12, width(l) + 8) });
    const line = svg('path', { d, class: 'edge-line', stroke: colour, 'stroke-width': width(l).toFixed(2), 'marker-end': `url(#arrow-${i})` });
    g.append(title, hit, line);
    const pick = () => {
      for (const other of edges.querySelectorAll('.edge.selected')) other.classList.remove('selected');
      g.classList.add('selected');
      on.onDyad(s.id, t.id);
    };
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && pick());
    edges.append(g);
  });

  for (const n of list) {
    const g = svg('g', { class: 'node', 'data-code': n.id, transform: `translate(${n.x!.toFixed(1)},${n.y!.toFixed(1)})`, tabindex: 0, role: 'button' });
    const title = svg('title');
    const name = on.name(n.id);
    title.textContent = `${n.id}${name ? ` · ${name}` : ''}: ${n.events} events — click to list them`;
    const circle = svg('circle', { r: radius(n).toFixed(1) });
    const label = svg('text', { y: (-radius(n) - 5).toFixed(1), 'text-anchor': 'middle' });
    label.textContent = n.id;
    const sub = svg('text', { y: (radius(n) + 14).toFixed(1), 'text-anchor': 'middle', class: 'node-name' });
    sub.textContent = name && name !== n.id ? name : '';
    g.append(title, circle, label, sub);
    const pick = () => on.onActor(n.id);
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && pick());
    labels.append(g);
  }

  const scale = h(
    'div',
    { class: 'legend' },
    h('span', { class: 'swatch', style: `background:${goldsteinColour(-10)}` }),
    'conflict',
    h('span', { class: 'swatch', style: `background:${goldsteinColour(0)}` }),
    'neutral',
    h('span', { class: 'swatch', style: `background:${goldsteinColour(10)}` }),
    'cooperation (mean Goldstein of the dyad) · line width: number of events · click a line for its timeline, an actor for its events',
  );
  clear(host, root, scale);
}
