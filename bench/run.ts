/**
 * `npm run bench`: performance measured as ratios against a peer in the same run.
 *
 * 1. Latency of one scenario with full explanations (p50, p99) on the 2024 treaty.
 * 2. Throughput over N generated scenarios (default 100,000; BENCH_N to change).
 * 3. The same Article 4 decision ("is the DPRK's duty to assist Russia triggered?") in
 *    json-rules-engine, on the same scenarios, as a throughput ratio: casus evaluates the
 *    Article 4 position (with both treaties' lifecycles and its explanation tree), json-rules-engine
 *    computes one boolean without explanation. A second ratio compares casus computing every
 *    position of both treaties. Both engines must agree on every scenario, or the run fails.
 * 4. Commentary extraction quality (precision / recall / F1), when that layer is present.
 *
 * Results are written as JSON under bench/results/. `npm run bench` runs the compiled JavaScript
 * (as a user's build would), not the TypeScript through a loader.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Engine } from 'json-rules-engine';
import { evaluate } from '../src/engine/evaluate.js';
import { defaultCorpus, withRelated } from '../src/corpus/load.js';
import { defaultWorld, territoryBelongsTo } from '../src/world/world.js';
import type { EngineInput } from '../src/engine/types.js';
import { fromRoot } from '../src/paths.js';
import { generateScenario, prng, type GeneratedScenario } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_N ?? 100_000);
const LATENCY_SAMPLES = Math.min(N, 20_000);
const SEED = 20240619;

const treaties = withRelated(['rus-prk-2024'], defaultCorpus().treaties);
const world = defaultWorld();
const scenarios: GeneratedScenario[] = [];
const rand = prng(SEED);
for (let i = 0; i < N; i++) scenarios.push(generateScenario(rand, i));
const input = (g: GeneratedScenario, readings = g.readings, only?: string[]): EngineInput => ({ treaties, world, events: g.events, asOf: g.asOf, readings, primaryTreaty: 'rus-prk-2024', only });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (x: number, d = 4) => Number(x.toFixed(d));

// warm up the JIT
for (let i = 0; i < 2000; i++) evaluate(input(scenarios[i % scenarios.length]!));

// 1. latency
const lat: number[] = [];
for (let i = 0; i < LATENCY_SAMPLES; i++) {
  const t0 = performance.now();
  evaluate(input(scenarios[i]!));
  lat.push(performance.now() - t0);
}
lat.sort((a, b) => a - b);

// 2. throughput with explanations
let positions = 0;
let t0 = performance.now();
for (const s of scenarios) positions += evaluate(input(s)).positions.length;
const casusSeconds = (performance.now() - t0) / 1000;

// 3. the Article 4 decision, default readings, in both engines
const ART4 = 'rus-prk-2024/art4.assist/PRK-RUS';
const casusDecisions: boolean[] = [];
t0 = performance.now();
for (const s of scenarios) {
  // only the Article 4 position, but with the treaties' lifecycles and its full explanation tree
  const p = evaluate(input(s, [], [ART4])).positions[0]!;
  casusDecisions.push(p.status === 'triggered' || p.status === 'fulfilled' || p.status === 'violated');
}
const casusDecisionSeconds = (performance.now() - t0) / 1000;

const jre = new Engine([], { allowUndefinedFacts: true });
jre.addRule({
  conditions: {
    all: [
      { fact: 'type', operator: 'equal', value: 'armed_attack' },
      { fact: 'on', operator: 'equal', value: 'RUS' },
      { fact: 'by', operator: 'notIn', value: ['RUS', 'PRK'] },
      { fact: 'territoryIsVictims', operator: 'equal', value: true },
      { fact: 'date', operator: 'greaterThanInclusive', value: 20241204 },
      { fact: 'beforeAsOf', operator: 'equal', value: true },
    ],
  },
  event: { type: 'art4-triggered' },
});
const jreDecisions: boolean[] = [];
t0 = performance.now();
for (const s of scenarios) {
  let triggered = false;
  const asOf = Number(s.asOf.replace(/-/g, ''));
  for (const e of s.events) {
    const facts = {
      type: e.type,
      on: e.fields.on,
      by: e.fields.by,
      territoryIsVictims: e.type === 'armed_attack' && territoryBelongsTo(world, e.fields.territory ?? e.fields.on!, e.fields.on!, 'territory.international').holds,
      date: Number(e.date.replace(/-/g, '')),
      beforeAsOf: Number(e.date.replace(/-/g, '')) <= asOf,
    };
    const r = await jre.run(facts);
    if (r.events.length) {
      triggered = true;
      break;
    }
  }
  jreDecisions.push(triggered);
}
const jreSeconds = (performance.now() - t0) / 1000;
const disagreements = casusDecisions.filter((d, i) => d !== jreDecisions[i]).length;

const engine = {
  scenarios: N,
  seed: SEED,
  node: process.version,
  latency_ms_with_explanations: { p50: round(percentile(lat, 50)), p99: round(percentile(lat, 99)), max: round(lat[lat.length - 1]!), samples: LATENCY_SAMPLES },
  throughput: {
    casus_full_scenarios_per_s: Math.round(N / casusSeconds),
    casus_positions_per_s: Math.round(positions / casusSeconds),
    casus_art4_decision_scenarios_per_s: Math.round(N / casusDecisionSeconds),
    json_rules_engine_art4_decision_scenarios_per_s: Math.round(N / jreSeconds),
  },
  ratios: {
    casus_full_vs_json_rules_engine: round(jreSeconds / casusSeconds, 2),
    casus_art4_vs_json_rules_engine: round(jreSeconds / casusDecisionSeconds, 2),
  },
  agreement: { art4_decisions_compared: N, disagreements, triggered: casusDecisions.filter(Boolean).length },
  aims: { p99_under_1ms: percentile(lat, 99) < 1, art4_at_least_10x_json_rules_engine_with_explanations: jreSeconds / casusDecisionSeconds >= 10 },
};

const results: Record<string, unknown> = { engine };
// compiled (npm run bench) or from source (node --import tsx bench/run.ts)
const commentaryModule = [path.join(here, 'commentary.js'), path.join(here, 'commentary.ts')].find((f) => existsSync(f));
if (commentaryModule) {
  const m = (await import(pathToFileURL(commentaryModule).href)) as { commentaryBench?: () => Promise<Record<string, unknown>> };
  if (m.commentaryBench) results.commentary = await m.commentaryBench();
}

const outDir = fromRoot('bench', 'results');
mkdirSync(outDir, { recursive: true });
for (const [name, value] of Object.entries(results)) writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(value, null, 2) + '\n');
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.stdout.write(`results written to ${path.relative(process.cwd(), outDir)}/\n`);
if (disagreements > 0) {
  process.stderr.write(`bench: casus and json-rules-engine disagree on ${disagreements} Article 4 decisions\n`);
  process.exit(1);
}
