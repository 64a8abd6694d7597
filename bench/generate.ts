/**
 * Seeded generator of random but valid scenarios for the 2024 treaty: used by the benchmark
 * (100,000 scenarios) and by the engine's property tests. Same seed, same scenarios.
 */
import type { ScenarioEvent } from '../src/engine/types.js';

export { prng } from '../src/cascade/prng.js';

const STATES = ['RUS', 'PRK', 'UKR', 'USA', 'KOR', 'JPN', 'CHN'];
const TERRITORIES = ['RUS', 'PRK', 'RU-KRS', 'RU-BEL', 'UA-43', 'UA-14', 'KP-01', 'UKR', 'USA'];
const KINDS = ['military', 'economic', 'humanitarian', 'other'];

export interface GeneratedScenario {
  asOf: string;
  events: ScenarioEvent[];
  readings: string[];
}

function date(rand: () => number, fromYear = 2024, years = 3): string {
  const t = Date.UTC(fromYear, 0, 1) + Math.floor(rand() * years * 365) * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const READING_CHOICES = [[], ['art4.state-of-war'], ['art4.symbolic'], ['art4.consult-first'], ['art4.gates-operative'], ['territory.claimed'], ['art4.state-of-war', 'territory.claimed']];

export function generateScenario(rand: () => number, id: number): GeneratedScenario {
  const events: ScenarioEvent[] = [];
  const n = 1 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    const origin = { kind: 'scenario' as const, file: `generated-${id}.yaml`, line: i + 1, col: 1 };
    const d = date(rand);
    const r = rand();
    let type: string;
    let fields: Record<string, string>;
    if (r < 0.35) {
      type = 'armed_attack';
      fields = { by: pick(rand, STATES), on: pick(rand, ['RUS', 'PRK']), territory: pick(rand, TERRITORIES) };
    } else if (r < 0.5) {
      type = 'assistance_provided';
      const by = pick(rand, ['RUS', 'PRK']);
      fields = { by, to: by === 'RUS' ? 'PRK' : 'RUS', kind: pick(rand, KINDS) };
    } else if (r < 0.6) {
      type = 'declaration_of_war';
      fields = { by: pick(rand, STATES), on: pick(rand, STATES) };
    } else if (r < 0.7) {
      type = 'consultations_held';
      fields = { by: 'RUS', with: 'PRK' };
    } else if (r < 0.8) {
      type = 'imminent_threat';
      fields = { against: pick(rand, ['RUS', 'PRK']) };
    } else if (r < 0.87) {
      type = 'consultation_request';
      const by = pick(rand, ['RUS', 'PRK']);
      fields = { by, to: by === 'RUS' ? 'PRK' : 'RUS' };
    } else if (r < 0.93) {
      type = 'third_party_agreement';
      fields = { party: pick(rand, ['RUS', 'PRK']), with: pick(rand, STATES), against: pick(rand, ['RUS', 'PRK']) };
    } else {
      type = 'un_charter_art51_report';
      fields = { by: pick(rand, ['RUS', 'PRK']) };
    }
    events.push({ date: d, type, fields, origin, note: null });
  }
  return { asOf: date(rand, 2024, 3), events, readings: pick(rand, READING_CHOICES) };
}
