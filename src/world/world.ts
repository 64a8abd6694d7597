/**
 * The world the treaties speak about: states and territories, loaded from data/.
 * Whose territory a place is depends on a reading (`territory.international` or
 * `territory.claimed`), so the answer carries its reason for the explanation tree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml, toJs, yamlError } from '../language/yaml-source.js';
import { didYouMean } from '../language/diagnostics.js';
import { fromRoot } from '../paths.js';

export interface State {
  code: string;
  name: string;
  regions: string[];
  historical: boolean;
}

export interface Territory {
  code: string;
  name: string;
  sovereign: string;
  claimedBy: string[];
  administeredBy: string;
  regions: string[];
  sources: string[];
}

export interface World {
  states: Map<string, State>;
  /** sub-national territories and, implicitly, each state's own territory */
  territories: Map<string, Territory>;
}

export const DATA_DIR = fromRoot('data');

function asStringList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

export function loadWorld(dataDir = DATA_DIR): World {
  const statesFile = path.join(dataDir, 'states.yaml');
  const statesSrc = parseYaml(readFileSync(statesFile, 'utf8'), statesFile);
  const states = new Map<string, State>();
  for (const [code, raw] of Object.entries((toJs(statesSrc) ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!/^[A-Z]{3}$/.test(code)) throw yamlError(statesSrc, [code], `state code '${code}' is not an ISO 3166-1 alpha-3 code`, code);
    if (typeof raw?.name !== 'string') throw yamlError(statesSrc, [code], `state ${code} needs a name`);
    states.set(code, { code, name: raw.name, regions: asStringList(raw.regions), historical: raw.historical === true });
  }
  const territories = new Map<string, Territory>();
  for (const s of states.values())
    territories.set(s.code, { code: s.code, name: s.name, sovereign: s.code, claimedBy: [], administeredBy: s.code, regions: s.regions, sources: [] });
  const terrFile = path.join(dataDir, 'territories.yaml');
  const terrSrc = parseYaml(readFileSync(terrFile, 'utf8'), terrFile);
  for (const [code, raw] of Object.entries((toJs(terrSrc) ?? {}) as Record<string, Record<string, unknown>>)) {
    const sovereign = String(raw?.sovereign ?? '');
    if (!states.has(sovereign)) throw yamlError(terrSrc, [code, 'sovereign'], `unknown sovereign '${sovereign}'${didYouMean(sovereign, states.keys())}`);
    const claimedBy = asStringList(raw.claimed_by);
    for (const c of claimedBy) if (!states.has(c)) throw yamlError(terrSrc, [code, 'claimed_by'], `unknown claimant '${c}'`);
    territories.set(code, {
      code,
      name: String(raw.name ?? code),
      sovereign,
      claimedBy,
      administeredBy: raw.administered_by ? String(raw.administered_by) : sovereign,
      regions: asStringList(raw.regions),
      sources: asStringList(raw.sources),
    });
  }
  return { states, territories };
}

let cached: World | null = null;
/** The default world from data/, loaded once per process. */
export function defaultWorld(): World {
  cached ??= loadWorld();
  return cached;
}

export type TerritoryReading = 'territory.international' | 'territory.claimed';

/** Is `territory` the territory of `state` under the reading? With the reason, for explanations. */
export function territoryBelongsTo(world: World, territory: string, state: string, reading: TerritoryReading): { holds: boolean; why: string } {
  const t = world.territories.get(territory);
  if (!t) return { holds: false, why: `territory ${territory} is unknown` };
  const label = t.code === t.sovereign ? t.name : `${t.name} (${t.code})`;
  const src = t.sources.length ? `; ${t.sources[0]}` : '';
  if (t.sovereign === state) return { holds: true, why: `${label} is territory of ${state} under international law` };
  if (reading === 'territory.claimed' && t.claimedBy.includes(state))
    return { holds: true, why: `${label} is claimed by ${state}, which counts under reading territory.claimed (sovereign under international law: ${t.sovereign}${src})` };
  if (t.claimedBy.includes(state))
    return { holds: false, why: `${label} is claimed by ${state} but its sovereign under international law is ${t.sovereign} (reading territory.international${src})` };
  return { holds: false, why: `${label} is territory of ${t.sovereign}, not of ${state}` };
}
