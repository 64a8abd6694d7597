/** Alliance cascades on the real corpus: bounds, determinism, and what the escalation rule changes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cascade, simulate, defenceRules } from './cascade.js';
import { defaultWorkspace, engineInput, loadScenario } from '../api.js';

const ws = defaultWorkspace();
const setup = (file: string) => {
  const input = engineInput(loadScenario(file, ws), ws, { treaties: 'all' });
  return { treaties: input.treaties, world: ws.world, events: input.events, asOf: input.asOf, readings: input.readings ?? [], maxRounds: 10 };
};
const estonia = setup('scenarios/corpus/attack-estonia-2025.yaml');
const compliance = { automatic: 0.8, discretionary: 0.5, unspecified: 0.5 };

test('defence rules come from the derived provision codes, with their automaticity', () => {
  const rules = defenceRules(estonia.treaties);
  assert.equal(rules.get('rus-prk-2024/art4.assist')?.automaticity, 'automatic');
  assert.equal(rules.get('nato-1949/art5.assist')?.automaticity, 'discretionary');
  assert.ok(![...rules.keys()].some((k) => k.startsWith('rus-irn-2025/')), 'the Russia–Iran treaty has no defence clause');
});

test('nobody honouring: only the attacker and the attacked are belligerents', () => {
  const run = simulate({ ...estonia, compliance, escalation: 'assistance-is-attack' }, () => false);
  assert.deepEqual(run.belligerents, ['EST', 'RUS']);
  assert.equal(run.rounds, 1);
  assert.ok(run.decisions.every((d) => d.treaty === 'nato-1949' && d.counterparty === 'EST'));
});

test('everyone honouring, with escalation: the attack on Estonia draws in the DPRK (2024 Art. 4) and the CSTO, and China through the DPRK', () => {
  const run = simulate({ ...estonia, compliance, escalation: 'assistance-is-attack' }, () => true);
  for (const s of ['USA', 'DEU', 'PRK', 'BLR', 'KAZ', 'CHN']) assert.ok(run.belligerents.includes(s), s);
  assert.ok(!run.belligerents.includes('JPN') && !run.belligerents.includes('IRN'), 'Japan (Art. V is limited to territory under Japanese administration) and Iran (no defence clause) stay out');
  const prk = run.decisions.find((d) => d.position === 'rus-prk-2024/art4.assist/PRK-RUS');
  assert.ok(prk && prk.round === 2, 'the DPRK duty falls due once NATO helpers strike Russia');
});

test('without escalation the cascade stops at the first ring', () => {
  const run = simulate({ ...estonia, compliance, escalation: 'none' }, () => true);
  assert.equal(run.rounds, 1);
  assert.ok(!run.belligerents.includes('PRK'));
  assert.equal(run.belligerents.length, 2 + 30, 'Estonia, Russia and the 30 other NATO parties of 2025');
});

test('Monte Carlo: seeded and deterministic; probabilities 0 and 1 reproduce the bounds', () => {
  const base = { ...estonia, escalation: 'assistance-is-attack' as const, runs: 5 };
  const a = cascade({ ...base, seed: 7, compliance });
  const b = cascade({ ...base, seed: 7, compliance });
  assert.deepEqual(a, b);
  const all = cascade({ ...base, seed: 1, compliance: { automatic: 1, discretionary: 1, unspecified: 1 } });
  assert.ok(all.states.every((s) => (all.bounds.all_honoured.belligerents.includes(s.state) ? s.p_belligerent === 1 : s.p_belligerent === 0)));
  const none = cascade({ ...base, seed: 1, compliance: { automatic: 0, discretionary: 0, unspecified: 0 } });
  assert.deepEqual(none.belligerents_distribution, { '2': 1 });
  assert.match(a.assumptions.note, /modelling assumptions/);
});
