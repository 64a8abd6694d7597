/**
 * The shapes the workbench reads from the API: the corpus and commentary contracts, imported
 * from the modules that define them (both free of Node imports, so the page's type check,
 * which has no Node types, can read them).
 */
export type { IngestResult, ClaimOut, QuoteOut, ArticleRefOut, DocumentOut, FactCheck } from '../commentary/types.js';

export type { CodeKind, Network, NetworkEdge, CodeConditions, ProvisionCode, TreatyCodes, Comparison } from '../corpus/types.js';

import type { Automaticity } from '../corpus/types.js';

/** One cascade (a bound): who decided what in which round, and who ended up fighting. */
export interface CascadeRunView {
  rounds: number;
  decisions: { round: number; position: string; treaty: string; bearer: string; counterparty: string; automaticity: Automaticity; date: string; honoured: boolean }[];
  belligerents: string[];
}

/**
 * The result of POST /cascade as the workbench reads it. The engine's CascadeResult
 * (src/cascade/cascade.ts) imports Node modules, which the page's type check cannot read; the
 * server's handler types its result as this shape, so the two cannot drift apart unnoticed.
 */
export interface CascadeView {
  runs: number;
  seed: number;
  as_of: string;
  readings: string[];
  assumptions: { compliance: Record<Automaticity, number>; escalation: 'assistance-is-attack' | 'none'; max_rounds: number; note: string };
  bounds: { all_honoured: CascadeRunView; none_honoured: CascadeRunView };
  states: { state: string; p_belligerent: number; p_duty_due: number }[];
  duties: { position: string; automaticity: Automaticity; p_due: number; p_honoured_when_due: number }[];
  belligerents_distribution: Record<string, number>;
  mean_rounds: number;
}
