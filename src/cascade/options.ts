/**
 * The options of an alliance cascade as the CLI (`casus cascade`), the HTTP API (`POST /cascade`)
 * and the workbench take them: the illustrative default probabilities, the parser of
 * `automatic=0.9,discretionary=0.4`, and the escalation rules. Free of Node imports, so that the
 * workbench shows the same defaults. Each caller turns a mistake into its own kind of error
 * (an option of the CLI, a query parameter of the API) through `fail`.
 */
import type { Automaticity } from '../corpus/types.js';

/** Illustrative defaults, not estimates: every result repeats them, and `comply` replaces them. */
export const DEFAULT_COMPLIANCE: Readonly<Record<Automaticity, number>> = Object.freeze({ automatic: 0.8, discretionary: 0.5, unspecified: 0.5 });

/** Defaults of a cascade (the CLI's and the API's). */
export const DEFAULT_RUNS = 200;
export const DEFAULT_SEED = 1;
export const DEFAULT_MAX_ROUNDS = 10;
/** The most rounds a cascade may follow. */
export const MAX_ROUNDS = 50;
/** The most runs one HTTP request may ask for: a large cascade takes about a tenth of a second per run, during which the server answers nothing else. */
export const SERVER_MAX_RUNS = 2000;

export const AUTOMATICITY_CLASSES: readonly Automaticity[] = ['automatic', 'discretionary', 'unspecified'];

export const ESCALATIONS = ['assistance-is-attack', 'none'] as const;

/** Probabilities of honouring a due duty by automaticity class, e.g. `automatic=0.9,discretionary=0.4`; classes not named keep their default. */
export function parseCompliance(spec: string | undefined, fail: (message: string) => Error): Record<Automaticity, number> {
  const out = { ...DEFAULT_COMPLIANCE };
  if (!spec) return out;
  for (const part of spec.split(',')) {
    const m = /^(automatic|discretionary|unspecified)=(0(\.\d+)?|1(\.0+)?)$/.exec(part.trim());
    if (!m) throw fail(`expected CLASS=P with CLASS automatic, discretionary or unspecified and P between 0 and 1, found '${part}'`);
    out[m[1] as Automaticity] = Number(m[2]);
  }
  return out;
}

/** The escalation rule, or `fail` with the accepted values. */
export function parseEscalation(value: string, fail: (message: string) => Error): (typeof ESCALATIONS)[number] {
  if (value === 'assistance-is-attack' || value === 'none') return value;
  throw fail(`expected assistance-is-attack or none, found '${value}'`);
}

/** A whole number from 1 to `max` (runs, rounds), or `fail` saying so. */
export function positiveInt(value: string, max: number, fail: (message: string) => Error): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw fail(`expected a whole number from 1 to ${max}, found '${value}'`);
  return n;
}

/** A random seed: any whole number (the same seed gives the same result). */
export function parseSeed(value: string, fail: (message: string) => Error): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw fail(`expected a whole number, found '${value}'`);
  return n;
}
