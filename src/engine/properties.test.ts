/** Property tests on the engine over seeded random scenarios: no crash, determinism, invariants. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluate } from './evaluate.js';
import { defaultCorpus, withRelated } from '../corpus/load.js';
import { defaultWorld } from '../world/world.js';
import { generateScenario, prng } from '../../bench/generate.js';
import type { EngineInput } from './types.js';

const RUNS = Number(process.env.CASUS_PROPERTY_RUNS ?? 200);
const treaties = withRelated(['rus-prk-2024'], defaultCorpus().treaties);
const world = defaultWorld();

function inputFor(seed: number): EngineInput {
  const g = generateScenario(prng(seed), seed);
  return { treaties, world, events: g.events, asOf: g.asOf, readings: g.readings, primaryTreaty: 'rus-prk-2024' };
}

test('the engine never crashes and is deterministic on random scenarios', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const a = JSON.stringify(evaluate(inputFor(seed)));
      const b = JSON.stringify(evaluate(inputFor(seed)));
      assert.equal(a, b);
    }),
    { numRuns: RUNS },
  );
});

test('invariants: dates never after as-of; nothing is in force before 2024-12-04; fulfilled and violated carry a date', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const input = inputFor(seed);
      const out = evaluate(input);
      for (const p of out.positions) {
        if (p.since !== null) assert.ok(p.since <= input.asOf, `${p.id} since ${p.since} > ${input.asOf}`);
        if (p.treaty === 'rus-prk-2024' && input.asOf < '2024-12-04') assert.equal(p.status, 'not-in-force');
        if (p.status === 'fulfilled' || p.status === 'violated' || p.status === 'expired') assert.ok(p.since, `${p.id} ${p.status} without a date`);
        assert.ok(p.explanation.because.length > 0, 'every position is explained');
      }
    }),
    { numRuns: RUNS },
  );
});

test('monotone in time for violations: a violation stays a violation later on (while in force)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const input = inputFor(seed);
      const early = evaluate(input);
      const late = evaluate({ ...input, asOf: '2026-12-31' });
      for (const p of early.positions)
        if (p.status === 'violated' && p.treaty === 'rus-prk-2024') assert.equal(late.positions.find((q) => q.id === p.id)?.status, 'violated', p.id);
    }),
    { numRuns: RUNS },
  );
});
