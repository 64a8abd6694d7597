/**
 * Alliance cascades: how far an armed attack spreads through the treaties in force.
 *
 * Round by round, the engine finds every defence duty that the events so far make due; each
 * bearer decides once whether to honour its duties (drawn on its most binding one), and keeps to
 * that decision for any duty that falls due later; under the `assistance-is-attack` escalation assumption an
 * honoured duty becomes an armed attack by the helper on the attacker(s) of the state it helps,
 * which may make the attacker's own allies' duties due in the next round.
 * Monte Carlo draws each decision with a probability chosen by the user per automaticity class
 * (derived from the rules: "immediately / all means" versus "as it deems necessary"). Everything
 * legal comes from the engine; the probabilities and the escalation rule are modelling
 * assumptions, reported with every result. Seeded, so the same inputs give the same bytes.
 */
import type { TreatyFile } from '../language/ast.js';
import type { World } from '../world/world.js';
import { evaluate } from '../engine/evaluate.js';
import type { Position, ScenarioEvent } from '../engine/types.js';
import { partiesEver, treatyCodes, type Automaticity } from '../corpus/codes.js';
import { prng } from './prng.js';
import type { CascadeResult, CascadeRun, Decision, Escalation } from './types.js';

export type { CascadeResult, CascadeRun, Decision, Escalation } from './types.js';

export { prng };


export interface CascadeOptions {
  treaties: TreatyFile[];
  world: World;
  /** the initial events (a scenario's) */
  events: ScenarioEvent[];
  /** the horizon: events after it are not considered */
  asOf: string;
  readings?: string[];
  runs: number;
  seed: number;
  /** probability that a bearer honours a due defence duty, by the duty's automaticity */
  compliance: Record<Automaticity, number>;
  escalation: Escalation;
  maxRounds: number;
  /** called after each run (for progress on long simulations) */
  onProgress?: (done: number, total: number) => void;
}




export interface DefenceRule {
  automaticity: Automaticity;
  /** every state that is ever a party to the rule's treaty */
  parties: string[];
}

/** The defence rules of the treaties (from the derived provision codes), with their automaticity. */
export function defenceRules(treaties: TreatyFile[]): Map<string, DefenceRule> {
  const out = new Map<string, DefenceRule>();
  for (const t of treaties)
    for (const c of treatyCodes(t).codes) if (c.code === 'defence') out.set(`${c.treaty}/${c.rule.rule}`, { automaticity: c.conditions.automaticity, parties: partiesEver(t) });
  return out;
}

/** The positions that can fall due: a defence duty is owed to an attacked state, so only those pairs are evaluated. */
function candidatePositions(rules: Map<string, DefenceRule>, events: ScenarioEvent[]): string[] {
  const attacked = new Set(events.filter((e) => e.type === 'armed_attack' && e.fields.on).map((e) => e.fields.on!));
  const out: string[] = [];
  for (const [key, r] of rules) for (const c of r.parties) if (attacked.has(c)) for (const b of r.parties) if (b !== c) out.push(`${key}/${b}-${c}`);
  return out;
}

/** Which duty a state's decision is drawn on when several fall due together: the most binding. */
const BINDING: Record<Automaticity, number> = { automatic: 0, unspecified: 1, discretionary: 2 };

const ruleKeyOf = (positionId: string) => positionId.split('/').slice(0, 2).join('/');
const round4 = (x: number) => Math.round(x * 10000) / 10000;

function belligerentsOf(events: ScenarioEvent[], decisions: Decision[]): string[] {
  const s = new Set<string>();
  for (const e of events) if (e.type === 'armed_attack') [e.fields.by, e.fields.on].forEach((x) => x && s.add(x));
  for (const d of decisions) if (d.honoured) s.add(d.bearer);
  return [...s].sort();
}

/** One cascade: `decide` says whether a due duty is honoured. */
export function simulate(opts: Omit<CascadeOptions, 'runs' | 'seed' | 'onProgress'>, decide: (d: Omit<Decision, 'honoured'>) => boolean, rules = defenceRules(opts.treaties)): CascadeRun {
  const events = [...opts.events];
  const decided = new Set<string>();
  // a helper fights a given attacker once, however many of its duties lead it there
  const fighting = new Set<string>();
  const stance = new Map<string, boolean>();
  const decisions: Decision[] = [];
  let rounds = 0;
  for (let round = 1; round <= opts.maxRounds; round++) {
    const only = candidatePositions(rules, events);
    const out = evaluate({ treaties: opts.treaties, world: opts.world, events, asOf: opts.asOf, readings: opts.readings, only, explain: false });
    const due = out.positions.filter((p: Position) => (p.status === 'triggered' || p.status === 'violated') && p.counterparty !== null && !decided.has(p.id));
    if (due.length === 0) break;
    rounds = round;
    const duties = due
      .map((p) => ({ round, position: p.id, treaty: p.treaty, bearer: p.bearer, counterparty: p.counterparty!, automaticity: rules.get(ruleKeyOf(p.id))?.automaticity ?? 'unspecified', date: p.since ?? opts.asOf }))
      // a state's most binding duty first: it is the one its decision is drawn on
      .sort((a, b) => BINDING[a.automaticity] - BINDING[b.automaticity] || (a.position < b.position ? -1 : 1));
    for (const d of duties) {
      decided.add(d.position);
      // a state decides once whether to go to war for its allies, not once per ally: later
      // duties of the same state follow that decision
      let honoured = stance.get(d.bearer);
      if (honoured === undefined) {
        honoured = decide(d);
        stance.set(d.bearer, honoured);
      }
      decisions.push({ ...d, honoured });
      if (!honoured) continue;
      // the decision itself is kept here (decided positions are not asked again); what the
      // engine must see is its consequence for others: under escalation, an attack on the attacker
      const origin = { kind: 'scenario' as const, file: `cascade round ${round}`, line: 0, col: 0 };
      if (opts.escalation === 'assistance-is-attack') {
        const attackers = new Set(events.filter((e) => e.type === 'armed_attack' && e.fields.on === d.counterparty && e.fields.by !== d.bearer).map((e) => e.fields.by!));
        for (const a of [...attackers].sort()) {
          if (fighting.has(`${d.bearer}>${a}`)) continue;
          fighting.add(`${d.bearer}>${a}`);
          events.push({ date: d.date, type: 'armed_attack', fields: { by: d.bearer, on: a }, origin, note: 'modelled: the helper fights the attacker (assumption assistance-is-attack)' });
        }
      }
    }
  }
  return { rounds, decisions, belligerents: belligerentsOf(events, decisions) };
}

/**
 * The cascade as steps: it yields after each run (the number done so far) and returns the
 * result, so that a caller can drive it all at once (`cascade`) or between other work
 * (`cascadeAsync`, which keeps a server answering while a long simulation runs).
 */
export function* cascadeSteps(opts: CascadeOptions): Generator<number, CascadeResult, void> {
  const rules = defenceRules(opts.treaties);
  const rand = prng(opts.seed);
  const base = { treaties: opts.treaties, world: opts.world, events: opts.events, asOf: opts.asOf, readings: opts.readings, compliance: opts.compliance, escalation: opts.escalation, maxRounds: opts.maxRounds };
  const belligerentCount = new Map<string, number>();
  const dueCount = new Map<string, number>();
  const duty = new Map<string, { automaticity: Automaticity; due: number; honoured: number }>();
  const sizes = new Map<number, number>();
  let roundsTotal = 0;
  for (let i = 0; i < opts.runs; i++) {
    const run = simulate(base, (d) => rand() < opts.compliance[d.automaticity], rules);
    roundsTotal += run.rounds;
    for (const s of run.belligerents) belligerentCount.set(s, (belligerentCount.get(s) ?? 0) + 1);
    sizes.set(run.belligerents.length, (sizes.get(run.belligerents.length) ?? 0) + 1);
    const dueStates = new Set<string>();
    for (const d of run.decisions) {
      const x = duty.get(d.position) ?? { automaticity: d.automaticity, due: 0, honoured: 0 };
      x.due++;
      if (d.honoured) x.honoured++;
      duty.set(d.position, x);
      dueStates.add(d.bearer);
    }
    for (const s of dueStates) dueCount.set(s, (dueCount.get(s) ?? 0) + 1);
    opts.onProgress?.(i + 1, opts.runs);
    yield i + 1;
  }
  const states = [...new Set([...belligerentCount.keys(), ...dueCount.keys()])].sort();
  return {
    runs: opts.runs,
    seed: opts.seed,
    as_of: opts.asOf,
    readings: [...(opts.readings ?? [])].sort(),
    assumptions: {
      compliance: opts.compliance,
      escalation: opts.escalation,
      max_rounds: opts.maxRounds,
      note: 'The probabilities and the escalation rule are modelling assumptions chosen by the user, not estimates; every legal step comes from the treaties’ rules.',
    },
    bounds: {
      all_honoured: simulate(base, () => true, rules),
      none_honoured: simulate(base, () => false, rules),
    },
    states: states.map((s) => ({ state: s, p_belligerent: round4((belligerentCount.get(s) ?? 0) / opts.runs), p_duty_due: round4((dueCount.get(s) ?? 0) / opts.runs) })),
    duties: [...duty.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([position, x]) => ({ position, automaticity: x.automaticity, p_due: round4(x.due / opts.runs), p_honoured_when_due: round4(x.honoured / x.due) })),
    belligerents_distribution: Object.fromEntries([...sizes.entries()].sort(([a], [b]) => a - b).map(([n, c]) => [String(n), round4(c / opts.runs)])),
    mean_rounds: round4(roundsTotal / opts.runs),
  };
}

export function cascade(opts: CascadeOptions): CascadeResult {
  const steps = cascadeSteps(opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same result, giving the event loop a turn after each run. */
export async function cascadeAsync(opts: CascadeOptions): Promise<CascadeResult> {
  const steps = cascadeSteps(opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
