/**
 * The shapes of a cascade's result, free of Node imports so that the server and the browser
 * workbench share this one definition with the code that computes it.
 */
import type { Automaticity } from '../corpus/types.js';

export type Escalation = 'assistance-is-attack' | 'none';

export interface Decision {
  round: number;
  position: string;
  treaty: string;
  bearer: string;
  counterparty: string;
  automaticity: Automaticity;
  date: string;
  honoured: boolean;
}

export interface CascadeRun {
  rounds: number;
  decisions: Decision[];
  /** states attacking, attacked or fighting on a side, sorted */
  belligerents: string[];
}

export interface CascadeResult {
  runs: number;
  seed: number;
  as_of: string;
  readings: string[];
  assumptions: { compliance: Record<Automaticity, number>; escalation: Escalation; max_rounds: number; note: string };
  /** the two deterministic bounds: every due duty honoured, none honoured */
  bounds: { all_honoured: CascadeRun; none_honoured: CascadeRun };
  /** per state: how often it ends up a belligerent, and how often one of its duties falls due */
  states: { state: string; p_belligerent: number; p_duty_due: number }[];
  /** per defence duty that fell due in at least one run */
  duties: { position: string; automaticity: Automaticity; p_due: number; p_honoured_when_due: number }[];
  /** number of belligerents -> share of runs */
  belligerents_distribution: Record<string, number>;
  mean_rounds: number;
}
