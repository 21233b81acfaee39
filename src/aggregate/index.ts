/** Pure functions over stored rows: intervals, measures (tension index), series, rankings. */
export * from './interval.js';
export * from './measures.js';
export * from './series.js';
export * from './rank.js';
