/**
 * The answer across readings: swap one question's reading at a time (the others as chosen)
 * and report every position whose status changes. This is what says "the answer depends on
 * whether a state of war is required".
 */
import { evaluateWith } from './evaluate.js';
import { readingCatalog, selectReadings } from './readings.js';
import type { EngineInput, PositionStatus, ReadingVariation } from './types.js';

export function acrossReadings(input: EngineInput): ReadingVariation[] {
  const catalog = readingCatalog(input.treaties);
  const base = selectReadings(catalog, input.readings);
  const out: ReadingVariation[] = [];
  for (const q of [...catalog.questions.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    if (q.readings.length < 2) continue;
    const runs = new Map<string, Map<string, PositionStatus>>();
    for (const r of q.readings) {
      const sel = new Map(base);
      sel.set(q.key, r);
      const res = evaluateWith(input, catalog, sel);
      runs.set(r, new Map(res.positions.map((p) => [p.id, p.status])));
    }
    const ids = [...new Set([...runs.values()].flatMap((m) => [...m.keys()]))].sort();
    for (const id of ids) {
      const statuses: Record<string, PositionStatus> = {};
      for (const r of q.readings) statuses[r] = runs.get(r)!.get(id) ?? 'not-in-force';
      if (new Set(Object.values(statuses)).size > 1) out.push({ position: id, question: q.key, statuses });
    }
  }
  return out;
}
