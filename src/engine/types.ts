/**
 * The engine's contract: dated events and chosen readings in, every party's normative
 * positions out, each with an explanation tree. Field names of the output types follow the
 * stable JSON contract of `casus run --json` (snake_case on purpose).
 */
import type { Duration, TreatyFile } from '../language/ast.js';
import type { World } from '../world/world.js';

/** Where an event came from: a scenario file position, or a treaty's recorded history. */
export type EventOrigin = { kind: 'scenario'; file: string; line: number; col: number } | { kind: 'recorded'; treaty: string; source: string | null };

export interface ScenarioEvent {
  date: string;
  type: string;
  /** the event's attributes (by, on, territory, party, treaty, …) */
  fields: Record<string, string>;
  origin: EventOrigin;
  note: string | null;
}

export interface EngineInput {
  treaties: TreatyFile[];
  world: World;
  events: ScenarioEvent[];
  asOf: string;
  /** chosen readings; each replaces the default of its question */
  readings?: string[];
  /** overrides of `assume` declarations, e.g. { immediately: { amount: 3, unit: 'day' } } */
  assumptions?: Record<string, Duration>;
  /**
   * include the treaties' recorded history (default true); `{ exclude }` drops the recorded
   * history of the listed treaties only (a counterfactual about them keeps the others' facts)
   */
  history?: boolean | { exclude: string[] };
  /** evaluate only these rules (`treaty/ruleId`, e.g. rus-prk-2024/art4.assist) or positions (`…/PRK-RUS`); all when absent */
  only?: string[];
  /**
   * false: statuses only, for simulations that run the engine thousands of times; explanations
   * then keep their conclusions but omit the reasons behind matching events and near misses
   */
  explain?: boolean;
  /** the treaty that lifecycle events without a `treaty` field belong to (default: the first) */
  primaryTreaty?: string;
}

export type { TreatyStatus, PositionStatus, Explanation, TreatyState, Position, EngineOutput, ReadingVariation } from './contract.js';
