/** The engine on the real 2024 treaty: lifecycle at key dates, readings, territory, explanations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, timeline } from './evaluate.js';
import { acrossReadings } from './across.js';
import { lifecycleOf } from './lifecycle.js';
import { addDuration } from './dates.js';
import { defaultCorpus, withRelated } from '../corpus/load.js';
import { defaultWorld } from '../world/world.js';
import { CasusError } from '../language/diagnostics.js';
import type { EngineInput, Explanation, ScenarioEvent } from './types.js';

const corpus = defaultCorpus().treaties;
const world = defaultWorld();
const treaties = withRelated(['rus-prk-2024'], corpus);
const ev = (date: string, type: string, fields: Record<string, string>): ScenarioEvent => ({ date, type, fields, origin: { kind: 'scenario', file: 't.yaml', line: 1, col: 1 }, note: null });
const input = (asOf: string, events: ScenarioEvent[] = [], extra: Partial<EngineInput> = {}): EngineInput => ({ treaties, world, events, asOf, primaryTreaty: 'rus-prk-2024', ...extra });
const status = (out: ReturnType<typeof evaluate>, id: string) => out.positions.find((p) => p.id === id)?.status;
const treatyStatus = (out: ReturnType<typeof evaluate>, id: string) => out.treaties.find((t) => t.id === id);
const flatten = (e: Explanation): string[] => [e.text, ...e.because.flatMap(flatten)];
const KURSK = ev('2025-01-10', 'armed_attack', { by: 'UKR', on: 'RUS', territory: 'RU-KRS' });

test('2024-06-18: not signed; 2024-11-01: signed, not in force; 2024-12-04: in force', () => {
  assert.deepEqual(treatyStatus(evaluate(input('2024-06-18')), 'rus-prk-2024'), { id: 'rus-prk-2024', status: 'not-signed', since: null });
  assert.deepEqual(treatyStatus(evaluate(input('2024-11-01')), 'rus-prk-2024'), { id: 'rus-prk-2024', status: 'signed', since: '2024-06-19' });
  assert.deepEqual(treatyStatus(evaluate(input('2024-12-03')), 'rus-prk-2024')?.status, 'signed');
  assert.deepEqual(treatyStatus(evaluate(input('2024-12-04')), 'rus-prk-2024'), { id: 'rus-prk-2024', status: 'in-force', since: '2024-12-04' });
});

test('the 2000 treaty is superseded on the 2024 treaty’s entry into force (Art. 22)', () => {
  assert.equal(treatyStatus(evaluate(input('2024-12-03')), 'rus-prk-2000')?.status, 'in-force');
  assert.deepEqual(treatyStatus(evaluate(input('2024-12-04')), 'rus-prk-2000'), { id: 'rus-prk-2000', status: 'superseded', since: '2024-12-04' });
  const life = lifecycleOf(corpus.get('rus-prk-2000')!, { treaties, events: timeline(input('2025-01-01')), asOf: '2025-01-01', primary: 'rus-prk-2024', world });
  assert.match(flatten(life.explanation).join('\n'), /rus-prk-2024 entered into force and, by its Article 22, rus-prk-2000 ceases to have effect/);
});

test('entry into force needs every ratification and the exchange (Art. 22)', () => {
  const onlyRus = evaluate(input('2025-06-01', [ev('2024-11-09', 'ratification', { party: 'RUS' }), ev('2024-12-04', 'exchange_of_instruments', {})], { history: false }));
  assert.equal(treatyStatus(onlyRus, 'rus-prk-2024')?.status, 'signed');
  const text = flatten(onlyRus.positions.find((p) => p.id === 'rus-prk-2024/art4.assist/PRK-RUS')!.explanation).join('\n');
  assert.match(text, /no ratification by PRK by 2025-06-01 \(Art\. 22 requires one by each party\)/);
});

test('Art. 4 after an attack on Kursk Oblast: violated by default, not triggered under the state-of-war reading', () => {
  const out = evaluate(input('2025-02-01', [KURSK]));
  const p = out.positions.find((x) => x.id === 'rus-prk-2024/art4.assist/PRK-RUS')!;
  assert.equal(p.status, 'violated');
  assert.equal(p.since, '2025-01-17');
  assert.deepEqual(p.depends_on_readings, ['art4.armed-attack', 'art4.direct', 'art4.gates-declaratory', 'territory.international']);
  assert.equal(p.article, '4');
  assert.equal(p.action, 'provide-military-assistance');
  const sow = evaluate(input('2025-02-01', [KURSK], { readings: ['art4.state-of-war'] }));
  assert.equal(status(sow, p.id), 'not-triggered');
  assert.ok(sow.readings.includes('art4.state-of-war') && !sow.readings.includes('art4.armed-attack'));
});

test('a declaration of war between the attacked party and its attacker satisfies the state-of-war reading', () => {
  const events = [KURSK, ev('2025-01-12', 'declaration_of_war', { by: 'RUS', on: 'UKR' })];
  const out = evaluate(input('2025-01-15', events, { readings: ['art4.state-of-war'] }));
  const p = out.positions.find((x) => x.id === 'rus-prk-2024/art4.assist/PRK-RUS')!;
  assert.equal(p.status, 'triggered');
  assert.equal(p.since, '2025-01-12');
  // a declaration against someone who never attacked does not count
  const other = evaluate(input('2025-01-15', [KURSK, ev('2025-01-12', 'declaration_of_war', { by: 'RUS', on: 'USA' })], { readings: ['art4.state-of-war'] }));
  assert.equal(status(other, p.id), 'not-triggered');
});

test('territory readings: Crimea counts as Russian territory only under territory.claimed', () => {
  const crimea = ev('2025-03-01', 'armed_attack', { by: 'UKR', on: 'RUS', territory: 'UA-43' });
  const id = 'rus-prk-2024/art4.assist/PRK-RUS';
  const intl = evaluate(input('2025-03-02', [crimea]));
  assert.equal(status(intl, id), 'not-triggered');
  assert.match(flatten(intl.positions.find((p) => p.id === id)!.explanation).join('\n'), /Autonomous Republic of Crimea \(UA-43\) is claimed by RUS but its sovereign under international law is UKR/);
  assert.equal(status(evaluate(input('2025-03-02', [crimea], { readings: ['territory.claimed'] })), id), 'triggered');
});

test('assumptions can be overridden: "immediately" as 30 days makes late help timely', () => {
  const events = [ev('2025-03-01', 'armed_attack', { by: 'USA', on: 'PRK' }), ev('2025-03-21', 'assistance_provided', { by: 'RUS', to: 'PRK', kind: 'military' })];
  const id = 'rus-prk-2024/art4.assist/RUS-PRK';
  assert.equal(status(evaluate(input('2025-04-01', events)), id), 'violated');
  assert.equal(status(evaluate(input('2025-04-01', events, { assumptions: { immediately: { amount: 30, unit: 'day' } } })), id), 'fulfilled');
});

test('non-military assistance does not fulfil the duty to give military assistance', () => {
  const events = [ev('2025-03-01', 'armed_attack', { by: 'USA', on: 'PRK' }), ev('2025-03-02', 'assistance_provided', { by: 'RUS', to: 'PRK', kind: 'humanitarian' })];
  assert.equal(status(evaluate(input('2025-03-05', events)), 'rus-prk-2024/art4.assist/RUS-PRK'), 'triggered');
});

test('an attack by a party on the other party is not a trigger (the attacker must be a third state)', () => {
  const out = evaluate(input('2025-03-05', [ev('2025-03-01', 'armed_attack', { by: 'RUS', on: 'PRK' })]));
  assert.equal(status(out, 'rus-prk-2024/art4.assist/RUS-PRK'), 'not-triggered');
});

test('unknown and conflicting readings are clear errors', () => {
  assert.throws(() => evaluate(input('2025-01-01', [], { readings: ['art4.state-of-wat'] })), (e: unknown) => e instanceof CasusError && /unknown reading 'art4.state-of-wat' \(did you mean 'art4.state-of-war'\?\)/.test(e.message));
  assert.throws(() => evaluate(input('2025-01-01', [], { readings: ['art4.state-of-war', 'art4.symbolic'] })), /answer the same question 'art4.trigger'; choose one/);
});

test('across readings: the Art. 4 position changes with the trigger question, and only the affected positions are listed', () => {
  const vs = acrossReadings(input('2025-02-01', [KURSK]));
  const trig = vs.find((v) => v.question === 'rus-prk-2024:art4.trigger' && v.position === 'rus-prk-2024/art4.assist/PRK-RUS');
  assert.deepEqual(trig?.statuses, { 'art4.armed-attack': 'violated', 'art4.state-of-war': 'not-triggered', 'art4.symbolic': 'not-triggered' });
  assert.ok(vs.every((v) => v.position.includes('art4.assist')), 'only Art. 4 positions depend on readings in this scenario');
  assert.ok(!vs.some((v) => v.question === 'territory'), 'Kursk Oblast is Russian under both territory readings');
});

test('positions are sorted and ids are unique', () => {
  const out = evaluate(input('2025-02-01', [KURSK]));
  const ids = out.positions.map((p) => p.id);
  assert.deepEqual(ids, [...ids].sort());
  assert.equal(new Set(ids).size, ids.length);
});

test('calendar arithmetic clamps month ends and leap days', () => {
  assert.equal(addDuration('2024-01-31', { amount: 1, unit: 'month' }), '2024-02-29');
  assert.equal(addDuration('2024-02-29', { amount: 1, unit: 'year' }), '2025-02-28');
  assert.equal(addDuration('2024-12-28', { amount: 7, unit: 'day' }), '2025-01-04');
});

test('only: one rule or one position is evaluated, with the same result as in a full run', () => {
  const full = evaluate(input('2025-02-01', [KURSK]));
  const rule = evaluate(input('2025-02-01', [KURSK], { only: ['rus-prk-2024/art4.assist'] }));
  assert.deepEqual(rule.positions.map((p) => p.id), ['rus-prk-2024/art4.assist/PRK-RUS', 'rus-prk-2024/art4.assist/RUS-PRK']);
  const one = evaluate(input('2025-02-01', [KURSK], { only: ['rus-prk-2024/art4.assist/PRK-RUS'] }));
  assert.equal(one.positions.length, 1);
  assert.deepEqual(one.positions[0], full.positions.find((p) => p.id === 'rus-prk-2024/art4.assist/PRK-RUS'));
  assert.deepEqual(one.treaties, full.treaties);
});

test('NATO Art. 13: a party leaves one year after its notice, once the treaty has been in force 20 years; the treaty goes on', () => {
  const nato = withRelated(['nato-1949'], corpus);
  const run = (asOf: string, events: ScenarioEvent[]) => evaluate({ treaties: nato, world, events, asOf, primaryTreaty: 'nato-1949', only: ['nato-1949/art5.assist'] });
  const notice = ev('2026-03-01', 'termination_notice', { by: 'FRA' });
  const before = run('2027-02-28', [notice]);
  assert.ok(before.positions.some((p) => p.bearer === 'FRA'), 'still a party during the year of notice');
  const after = run('2027-03-01', [notice]);
  assert.equal(after.treaties[0]!.status, 'in-force');
  assert.ok(!after.positions.some((p) => p.bearer === 'FRA' || p.counterparty === 'FRA'), 'FRA owes and is owed nothing once it has left');
  const life = lifecycleOf(nato[0]!, { treaties: nato, events: timeline({ treaties: nato, world, events: [notice], asOf: '2027-03-01', primaryTreaty: 'nato-1949' }), asOf: '2027-03-01', primary: 'nato-1949', world });
  assert.match(flatten(life.explanation).join('\n'), /FRA ceased to be a party on 2027-03-01: 1 year after FRA's notice \(Art\. 13\); the treaty continues for the others/);
  // a notice within the first twenty years has no effect
  const early = ev('1960-01-01', 'termination_notice', { by: 'FRA' });
  assert.ok(run('1962-01-01', [early]).positions.some((p) => p.bearer === 'FRA'));
});

test('NATO Art. 12: review consultations can be requested only after ten years in force (from 10 years after entry-into-force)', () => {
  const nato = withRelated(['nato-1949'], corpus);
  const id = 'nato-1949/art12.review-consultations/USA-GBR';
  const at = (date: string) => evaluate({ treaties: nato, world, events: [ev(date, 'consultation_request', { by: 'GBR', to: 'USA' })], asOf: date, primaryTreaty: 'nato-1949', only: [id] }).positions[0]!;
  const early = at('1955-01-01');
  assert.equal(early.status, 'not-in-force');
  assert.match(flatten(early.explanation).join('\n'), /the rule applies from 1959-08-24/);
  assert.equal(at('1960-01-01').status, 'triggered');
});
