/**
 * The pure aggregation functions: calendar steps (ISO weeks across year
 * ends, months of every length), the tension index as docs/aggregation.md
 * defines it, series built from day tallies, and rankings with the change
 * against the previous period. Store-level behaviour on real coded text is
 * in src/store/store.contract.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayTally, Tally } from '../store/types.js';
import { addDays, buildSeries, change, daysBetween, measures, periodEnd, periodStart, periodsBetween, previousPeriod, rankDyads, tension } from './index.js';

const date = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('calendar steps', () => {
  it('puts a date in its ISO week (Monday to Sunday), across year ends', () => {
    expect(periodStart('2021-01-01', 'week')).toBe('2020-12-28'); // a Friday
    expect(periodStart('2021-01-03', 'week')).toBe('2020-12-28'); // the Sunday of that week
    expect(periodStart('2021-01-04', 'week')).toBe('2021-01-04'); // a Monday
    expect(periodStart('2024-03-03', 'week')).toBe('2024-02-26'); // through a leap day
    expect(periodEnd('2024-02-26', 'week')).toBe('2024-03-03');
  });

  it('puts a date in its month, and months end on their last day', () => {
    expect(periodStart('2022-03-31', 'month')).toBe('2022-03-01');
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(periodEnd('2023-02-01', 'month')).toBe('2023-02-28');
    expect(periodEnd('2022-12-01', 'month')).toBe('2022-12-31');
    expect(periodsBetween('2022-11-15', '2023-02-02', 'month')).toEqual(['2022-11-01', '2022-12-01', '2023-01-01', '2023-02-01']);
  });

  it('tiles any range with consecutive steps that hold both ends', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 800 }), fc.constantFrom('day' as const, 'week' as const, 'month' as const), (from, len, interval) => {
        const to = addDays(from, len);
        const steps = periodsBetween(from, to, interval);
        expect(steps[0]).toBe(periodStart(from, interval));
        expect(periodEnd(steps.at(-1)!, interval) >= to).toBe(true);
        for (let i = 1; i < steps.length; i++) expect(addDays(periodEnd(steps[i - 1]!, interval), 1)).toBe(steps[i]);
        if (interval === 'week') expect(steps.every((s) => new Date(`${s}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
        if (interval === 'month') expect(steps.every((s) => s.endsWith('-01'))).toBe(true);
      }),
    );
  });

  it('takes the previous period of the same length right before', () => {
    expect(previousPeriod('2022-03-01', '2022-03-31')).toEqual({ from: '2022-01-29', to: '2022-02-28' });
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 400 }), (from, len) => {
        const to = addDays(from, len);
        const p = previousPeriod(from, to);
        expect(daysBetween(p.from, p.to)).toBe(len);
        expect(addDays(p.to, 1)).toBe(from);
      }),
    );
  });
});

const tally = (events: number, goldsteins: number[], quads: number[], mentions = events): Tally => {
  const quad: Record<number, number> = {};
  for (const q of quads) quad[q] = (quad[q] ?? 0) + 1;
  return {
    events,
    mentions,
    goldsteinSum: goldsteins.reduce((a, b) => a + b, 0),
    conflictSeverity: goldsteins.reduce((a, g, i) => a + (quads[i]! >= 3 ? Math.max(0, -g) : 0), 0),
    quad,
  };
};

describe('tension index', () => {
  it('is the conflict share times the mean conflict severity, 0 to 100', () => {
    expect(tension(tally(2, [-10, -10], [4, 4]))).toBe(100); // all conflict, all at the worst
    expect(tension(tally(3, [1, 3, 8], [1, 1, 2]))).toBe(0); // no conflict
    // half threats (-4.4), half consultations (+1): 100 × 0.5 × 0.44 = 22
    expect(tension(tally(4, [-4.4, -4.4, 1, 1], [3, 3, 1, 1]))).toBeCloseTo(22, 6);
    expect(tension(tally(0, [], []))).toBeNull(); // no events is no evidence, not calm
  });

  it('stays within 0 and 100 and grows with conflict', () => {
    const event = fc.record({ g: fc.double({ min: -10, max: 10, noNaN: true }), q: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 50 }), (es) => {
        const t = tension(tally(es.length, es.map((e) => e.g), es.map((e) => e.q)))!;
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(100);
        const worse = tension(tally(es.length + 1, [...es.map((e) => e.g), -10], [...es.map((e) => e.q), 4]))!;
        expect(worse).toBeGreaterThanOrEqual(t - 1e-9);
      }),
    );
  });
});

describe('series', () => {
  const row = (date: string, root: string, events: number, goldstein: number, quad: number): DayTally => ({
    date,
    root,
    ...tally(events, Array(events).fill(goldstein), Array(events).fill(quad), events * 2),
  });

  it('rolls days into weeks with every empty week listed', () => {
    const rows = [row('2022-02-24', '19', 2, -10, 4), row('2022-02-28', '04', 1, 1, 1), row('2022-03-17', '13', 1, -4.4, 3)];
    const s = buildSeries(rows, { source: 'RUS', target: 'UKR', interval: 'week', directed: true });
    expect(s.points.map((p) => [p.period, p.events])).toEqual([
      ['2022-02-21', 2],
      ['2022-02-28', 1],
      ['2022-03-07', 0],
      ['2022-03-14', 1],
    ]);
    expect(s.points[0]).toMatchObject({ end: '2022-02-27', mentions: 4, quad: { 4: 2 }, roots: { '19': 2 }, goldsteinSum: -20, goldsteinMean: -10, tension: 100 });
    expect(s.points[2]).toMatchObject({ events: 0, goldsteinMean: null, tension: null, roots: {} });
    expect([s.from, s.to]).toEqual(['2022-02-24', '2022-03-17']);
  });

  it('keeps every event of the range, once', () => {
    const near = fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2023, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    const rowArb = fc.record({ date: near, root: fc.constantFrom('01', '04', '13', '19'), n: fc.integer({ min: 1, max: 5 }), q: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('day' as const, 'week' as const, 'month' as const), (rs, interval) => {
        const rows = rs.map((r) => row(r.date, r.root, r.n, r.q >= 3 ? -5 : 2, r.q));
        const s = buildSeries(rows, { source: 'A', target: 'B', interval, directed: true, from: '2022-01-01', to: '2022-12-31' });
        const inRange = rows.filter((r) => r.date >= '2022-01-01' && r.date <= '2022-12-31');
        expect(s.points.reduce((a, p) => a + p.events, 0)).toBe(inRange.reduce((a, r) => a + r.events, 0));
        for (const p of s.points) expect(Object.values(p.roots).reduce((a, b) => a + b, 0)).toBe(p.events);
      }),
      { numRuns: 30 },
    );
  });
});

describe('rankings', () => {
  const m = (entries: [string, number][]) => new Map(entries.map(([k, n]) => [k, tally(n, Array(n).fill(-2), Array(n).fill(3))]));

  it('orders by events, tension or rise, with the change against before', () => {
    const cur = m([['RUS|UKR', 5], ['USA|CHN', 2], ['FRA|DEU', 2]]);
    const prev = m([['RUS|UKR', 1], ['USA|CHN', 4], ['GBR|IRN', 3]]);
    const byEvents = rankDyads(cur, prev, { by: 'events', minEvents: 1, limit: 10 });
    expect(byEvents.map((d) => `${d.source}|${d.target}`)).toEqual(['RUS|UKR', 'FRA|DEU', 'USA|CHN']);
    expect(byEvents[0]!.change).toEqual({ events: 4, eventsRatio: 4, goldsteinMean: 0, tension: 0 });
    expect(byEvents[1]!.change.eventsRatio).toBeNull(); // nothing before
    const rise = rankDyads(cur, prev, { by: 'rise', minEvents: 1, limit: 10 });
    expect(rise.map((d) => [`${d.source}|${d.target}`, d.change.events])).toEqual([
      ['RUS|UKR', 4],
      ['FRA|DEU', 2],
      ['USA|CHN', -2],
      ['GBR|IRN', -3], // fell silent: still listed when ranking by rise
    ]);
    expect(rankDyads(cur, prev, { by: 'events', minEvents: 3, limit: 10 }).length).toBe(1);
  });

  it('compares measures of two periods', () => {
    const before = measures(tally(2, [1, 1], [1, 1]));
    const now = measures(tally(4, [-10, -10, 1, 1], [4, 4, 1, 1]));
    expect(change(before, now)).toEqual({ events: 2, eventsRatio: 1, goldsteinMean: -5.5, tension: 50 });
  });
});
