/**
 * The typed library API: what the CLI, the HTTP server and the web workbench all call.
 * Loading touches the file system; running is the pure engine.
 */
import type { Duration, TreatyFile } from './language/ast.js';
import { optionError, didYouMean } from './language/diagnostics.js';
import { defaultCorpus, withRelated, type Corpus } from './corpus/load.js';
import { evaluate } from './engine/evaluate.js';
import { acrossReadings } from './engine/across.js';
import { questionsOfReading, readingCatalog, type ReadingCatalog } from './engine/readings.js';
import type { EngineInput, EngineOutput, ReadingVariation } from './engine/types.js';
import { loadScenarioFile, type Scenario } from './scenario/scenario.js';
import { defaultWorld, type World } from './world/world.js';
import { isValidDate } from './language/yaml-source.js';

export interface RunOptions {
  /** judge at this date instead of the scenario's as_of */
  asOf?: string;
  /** readings added to (and overriding) the scenario's own */
  readings?: string[];
  assumptions?: Record<string, Duration>;
  /** run against these treaties instead of the scenario's ('all' for the whole corpus) */
  treaties?: string[] | 'all';
  /** include recorded treaty history (default: the scenario's setting) */
  history?: boolean;
}

export interface Workspace {
  corpus: Corpus;
  world: World;
}

export function defaultWorkspace(): Workspace {
  return { corpus: defaultCorpus(), world: defaultWorld() };
}

export function loadScenario(file: string, ws: Workspace = defaultWorkspace()): Scenario {
  return loadScenarioFile(file, { world: ws.world, treaties: new Set(ws.corpus.treaties.keys()) });
}

/** The engine input for a scenario with options applied. */
export function engineInput(scenario: Scenario, ws: Workspace, opts: RunOptions = {}): EngineInput {
  const asOf = opts.asOf ?? scenario.asOf;
  if (!isValidDate(asOf)) throw optionError('--as-of', `expected a date YYYY-MM-DD, found '${asOf}'`);
  let ids = opts.treaties === 'all' ? [...ws.corpus.treaties.keys()].sort() : (opts.treaties ?? scenario.treaties);
  for (const id of ids) if (!ws.corpus.treaties.has(id)) throw optionError('--treaties', `unknown treaty '${id}'${didYouMean(id, ws.corpus.treaties.keys())}`);
  const treaties: TreatyFile[] = withRelated(ids, ws.corpus.treaties);
  ids = treaties.map((t) => t.meta.id);
  return {
    treaties,
    world: ws.world,
    events: scenario.events,
    asOf,
    readings: mergeReadings(readingCatalog(treaties), scenario.readings, opts.readings ?? []),
    assumptions: { ...scenario.assumptions, ...opts.assumptions },
    // a scenario without history replaces the recorded history of the treaties it names only
    history: (opts.history ?? scenario.history) ? true : { exclude: scenario.treaties },
    primaryTreaty: scenario.treaties[0],
  };
}

/** Readings given on the command line replace the scenario's readings of the same question. */
function mergeReadings(catalog: ReadingCatalog, base: string[], overrides: string[]): string[] {
  const overridden = new Set(overrides.flatMap((r) => questionsOfReading(catalog, r)));
  return [...base.filter((r) => !questionsOfReading(catalog, r).some((q) => overridden.has(q))), ...overrides];
}

export function runScenario(scenario: Scenario, ws: Workspace = defaultWorkspace(), opts: RunOptions = {}): EngineOutput {
  return evaluate(engineInput(scenario, ws, opts));
}

export function scenarioAcrossReadings(scenario: Scenario, ws: Workspace = defaultWorkspace(), opts: RunOptions = {}): ReadingVariation[] {
  return acrossReadings(engineInput(scenario, ws, opts));
}

/** JSON with sorted object keys where order carries no meaning: byte-identical for identical input. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
