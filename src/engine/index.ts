/** The engine's public face: a pure function from treaties, events and readings to positions. */
export * from './types.js';
export { evaluate, evaluateWith, timeline, compileTreaty } from './evaluate.js';
export { acrossReadings } from './across.js';
export { lifecycleOf, entryIntoForce, type Lifecycle } from './lifecycle.js';
export { readingCatalog, selectReadings, selectedIds, type ReadingCatalog, type Question, type Selection } from './readings.js';
export { addDuration } from './dates.js';
