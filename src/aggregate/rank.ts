/** Top dyads and actors of a period, with the change versus the previous period. */
import type { Measures, Tally, TopActor, TopDyad, TopQuery } from '../store/types.js';
import { change, emptyTally, measures } from './measures.js';

export type Ranking = NonNullable<TopQuery['by']>;

interface Ranked {
  current: Measures;
  previous: Measures;
  change: ReturnType<typeof change>;
}

/** Orders by the ranking, ties broken by events then by key, and keeps the first `limit`. */
function rank<T extends Ranked>(items: T[], key: (x: T) => string, by: Ranking, minEvents: number, limit: number): T[] {
  const score = (x: T): number =>
    by === 'events' ? x.current.events : by === 'tension' ? x.current.tension ?? -1 : x.change.events;
  const kept = items.filter((x) => (by === 'rise' ? Math.max(x.current.events, x.previous.events) : x.current.events) >= minEvents);
  kept.sort((a, b) => score(b) - score(a) || b.current.events - a.current.events || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return kept.slice(0, limit);
}

function compare(cur: Tally | undefined, prev: Tally | undefined): Ranked {
  const current = measures(cur ?? emptyTally());
  const previous = measures(prev ?? emptyTally());
  return { current, previous, change: change(previous, current) };
}

/** Top dyads from per-dyad tallies of the period and of the previous period (keyed `SOURCE|TARGET`). */
export function rankDyads(
  current: ReadonlyMap<string, Tally>,
  previous: ReadonlyMap<string, Tally>,
  opts: { by: Ranking; minEvents: number; limit: number },
): TopDyad[] {
  const keys = new Set([...current.keys(), ...(opts.by === 'rise' ? previous.keys() : [])]);
  const items: TopDyad[] = [...keys].map((k) => {
    const [source, target] = k.split('|') as [string, string];
    return { source, target, ...compare(current.get(k), previous.get(k)) };
  });
  return rank(items, (x) => `${x.source}|${x.target}`, opts.by, opts.minEvents, opts.limit);
}

/** Top actors from per-actor tallies of the period and of the previous period (keyed by code). */
export function rankActors(
  current: ReadonlyMap<string, Tally>,
  previous: ReadonlyMap<string, Tally>,
  names: ReadonlyMap<string, string>,
  opts: { by: Ranking; minEvents: number; limit: number },
): TopActor[] {
  const keys = new Set([...current.keys(), ...(opts.by === 'rise' ? previous.keys() : [])]);
  const items: TopActor[] = [...keys].map((code) => {
    const a: TopActor = { code, ...compare(current.get(code), previous.get(code)) };
    const name = names.get(code);
    if (name) a.name = name;
    return a;
  });
  return rank(items, (x) => x.code, opts.by, opts.minEvents, opts.limit);
}
