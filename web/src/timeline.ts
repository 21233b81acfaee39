/**
 * A dyad's tension timeline: the tension index (0–100) as a line, with the
 * events per step as bars, cooperation (quad 1–2) and conflict (quad 3–4).
 * Drawn with uPlot.
 */
import uPlot from 'uplot';
import type { Series } from './api.js';
import { clear, fmt, h, notice } from './dom.js';

let chart: uPlot | null = null;

const ts = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;

/** `undated`: events of the dyad that have no date (and so no place on a timeline) */
export function renderTimeline(host: HTMLElement, s: Series, undated = 0): void {
  chart?.destroy();
  chart = null;
  const points = s.points;
  const total = points.reduce((n, p) => n + p.events, 0);
  const arrow = s.directed ? '→' : '↔';
  if (!points.length || total === 0) {
    clear(
      host,
      notice(
        undated
          ? `${s.source} ${arrow} ${s.target} has ${undated} event${undated === 1 ? '' : 's'} without a date, so no timeline: give articles a date when you ingest them (a date field, or --date).`
          : `No events from ${s.source} ${arrow} ${s.target} in this period.`,
      ),
    );
    return;
  }
  const x = points.map((p) => ts(p.period));
  const coop = points.map((p) => (p.quad[1] ?? 0) + (p.quad[2] ?? 0));
  const conflict = points.map((p) => (p.quad[3] ?? 0) + (p.quad[4] ?? 0));
  const tension = points.map((p) => p.tension);
  const peak = points.reduce((best, p) => ((p.tension ?? -1) > (best.tension ?? -1) ? p : best), points[0]!);
  const steps = { day: 'days', week: 'weeks', month: 'months' }[s.interval];

  const box = h('div', { class: 'chart' });
  const caption = h(
    'p',
    { class: 'chart-caption', 'data-testid': 'timeline-summary' },
    `${s.source} ${arrow} ${s.target}: ${total} events over ${points.length} ${steps}` + (peak.tension !== null ? `; highest tension ${fmt(peak.tension)} in the ${s.interval} of ${peak.period}.` : '.'),
  );
  clear(host, caption, box);

  const width = Math.max(320, host.clientWidth - 8);
  // the two bar series side by side: cooperation left of the step's start, conflict right of it
  const left = uPlot.paths.bars!({ size: [0.45, 24], align: -1 });
  const right = uPlot.paths.bars!({ size: [0.45, 24], align: 1 });
  const opts: uPlot.Options = {
    width,
    height: 260,
    scales: { x: { time: true }, n: { range: (_u, _min, max) => [0, Math.max(1, max)] }, t: { range: [0, 100] } },
    axes: [
      {},
      { scale: 'n', label: 'events', size: 50 },
      { scale: 't', label: 'tension', side: 1, grid: { show: false }, size: 50 },
    ],
    series: [
      { value: (_u, v) => (v === null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
      { label: 'cooperation events', scale: 'n', stroke: 'rgb(30,140,70)', fill: 'rgba(30,140,70,0.35)', paths: left, points: { show: false } },
      { label: 'conflict events', scale: 'n', stroke: 'rgb(200,40,40)', fill: 'rgba(200,40,40,0.35)', paths: right, points: { show: false } },
      // steps without events have no tension: the line breaks there rather than inventing a value
      { label: 'tension', scale: 't', stroke: '#222', width: 2, spanGaps: false, points: { show: true, size: 5, fill: '#222' }, value: (_u, v) => fmt(v) },
    ],
    legend: { live: true },
  };
  chart = new uPlot(opts, [x, coop, conflict, tension as (number | null)[]], box);
}

export function destroyTimeline(): void {
  chart?.destroy();
  chart = null;
}
