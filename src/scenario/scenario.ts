/**
 * Scenario files: YAML listing dated events, the treaties to run them against, an as-of date,
 * readings and assumptions, and optionally the expected outcome (checked by `casus test` and
 * the test suite). Every mistake is reported at its `file:line:col`.
 *
 * The published JSON Schema (schemas/scenario.schema.json) is generated from the same
 * vocabulary by `scenarioJsonSchema()`; a test keeps the two in step.
 */
import { readFileSync } from 'node:fs';
import type { Duration } from '../language/ast.js';
import { CasusError, didYouMean, type Diagnostic } from '../language/diagnostics.js';
import { validateEvent } from '../language/events.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES } from '../language/vocabulary.js';
import { isValidDate, keyNodeAt, nodeAt, parseYaml, positionOf, toJs, type YamlSource } from '../language/yaml-source.js';
import type { ScenarioEvent, PositionStatus, TreatyStatus } from '../engine/types.js';
import type { World } from '../world/world.js';

export interface Scenario {
  file: string;
  id: string;
  title: string | null;
  description: string | null;
  treaties: string[];
  asOf: string;
  readings: string[];
  assumptions: Record<string, Duration>;
  history: boolean;
  events: ScenarioEvent[];
  expect: { treaties: Record<string, TreatyStatus>; positions: Record<string, PositionStatus> } | null;
}

const KEYS = ['scenario', 'title', 'description', 'treaties', 'as_of', 'readings', 'assume', 'history', 'events', 'expect'];
const RESERVED_EVENT_KEYS = ['date', 'type', 'note'];
export const TREATY_STATUSES: TreatyStatus[] = ['not-signed', 'signed', 'in-force', 'terminated', 'superseded'];
export const POSITION_STATUSES: PositionStatus[] = ['not-in-force', 'not-triggered', 'triggered', 'fulfilled', 'violated', 'expired'];
const DURATION_RE = /^(\d+)\s+(day|days|week|weeks|month|months|year|years)$/;

export function parseDurationText(s: string): Duration | null {
  const m = DURATION_RE.exec(s.trim());
  if (!m) return null;
  return { amount: Number(m[1]), unit: m[2]!.replace(/s$/, '') as Duration['unit'] };
}

export interface ScenarioContext {
  world: World;
  /** treaty ids in the corpus */
  treaties: Set<string>;
}

export function loadScenarioFile(file: string, ctx: ScenarioContext): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CasusError([{ file, line: 0, col: 0, severity: 'error', message: 'cannot read the scenario file (does it exist?)' }]);
  }
  return parseScenarioText(text, file, ctx);
}

export function parseScenarioText(text: string, file: string, ctx: ScenarioContext): Scenario {
  const src = parseYaml(text, file);
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], message: string, key?: string) => {
    const n = key === undefined ? nodeAt(src, path) : keyNodeAt(src, path, key);
    const { line, col } = positionOf(src, n);
    ds.push({ file, line, col, severity: 'error', message });
  };
  const raw = toJs(src);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    at([], 'a scenario must be a YAML mapping with at least `as_of`, `treaties` and `events`');
    throw new CasusError(ds);
  }
  const m = raw as Record<string, unknown>;
  for (const k of Object.keys(m)) if (!KEYS.includes(k)) at([], `unknown key '${k}'${didYouMean(k, KEYS)}; allowed: ${KEYS.join(', ')}`, k);

  const asOf = m.as_of;
  if (asOf === undefined) at([], "missing 'as_of': the date to judge positions at (YYYY-MM-DD)");
  else if (!isValidDate(asOf)) at(['as_of'], `'as_of' must be a date YYYY-MM-DD, found '${String(asOf)}'`);

  let treaties: string[] = [];
  if (m.treaties === undefined) at([], "missing 'treaties': the treaty ids to run the scenario against, e.g. [rus-prk-2024]");
  else if (!Array.isArray(m.treaties) || m.treaties.length === 0) at(['treaties'], "'treaties' must be a non-empty list of treaty ids");
  else {
    treaties = m.treaties.map(String);
    treaties.forEach((t, i) => {
      if (t !== 'all' && !ctx.treaties.has(t)) at(['treaties', i], `unknown treaty '${t}'${didYouMean(t, ctx.treaties)}`);
    });
    if (treaties.includes('all')) treaties = [...ctx.treaties].sort();
  }

  const readings = Array.isArray(m.readings) ? m.readings.map(String) : [];
  if (m.readings !== undefined && !Array.isArray(m.readings)) at(['readings'], "'readings' must be a list of reading ids");

  const assumptions: Record<string, Duration> = {};
  if (m.assume !== undefined) {
    if (m.assume === null || typeof m.assume !== 'object' || Array.isArray(m.assume)) at(['assume'], "'assume' must map assumption names to durations, e.g. {immediately: 3 days}");
    else
      for (const [k, v] of Object.entries(m.assume as Record<string, unknown>)) {
        const d = parseDurationText(String(v));
        if (!d) at(['assume', k], `assumption '${k}' must be a duration such as '7 days', found '${String(v)}'`);
        else assumptions[k] = d;
      }
  }
  if (m.history !== undefined && typeof m.history !== 'boolean') at(['history'], "'history' must be true or false");

  const events: ScenarioEvent[] = [];
  if (m.events === undefined) at([], "missing 'events': a list of dated events (may be empty: events: [])");
  else if (!Array.isArray(m.events)) at(['events'], "'events' must be a list");
  else
    m.events.forEach((ev: unknown, i: number) => {
      const base = ['events', i];
      if (ev === null || typeof ev !== 'object' || Array.isArray(ev)) {
        at(base, `event ${i + 1} must be a mapping such as {date: 2025-01-10, type: armed_attack, by: UKR, on: RUS}`);
        return;
      }
      const e = ev as Record<string, unknown>;
      if (!isValidDate(e.date)) {
        at(e.date === undefined ? base : [...base, 'date'], e.date === undefined ? `event ${i + 1} needs a 'date' (YYYY-MM-DD)` : `invalid date '${String(e.date)}': expected a real calendar date YYYY-MM-DD`);
      }
      const problems = validateEvent(e.type, e, { world: ctx.world, treaties: ctx.treaties }, RESERVED_EVENT_KEYS);
      for (const p of problems) at(p.field && !p.atKey ? [...base, p.field] : base, p.message, p.atKey ? p.field! : undefined);
      if (problems.length === 0 && typeof e.type === 'string' && EVENT_TYPES[e.type]?.lifecycle && e.treaty !== undefined && !treaties.includes(String(e.treaty)))
        at([...base, 'treaty'], `treaty '${String(e.treaty)}' is not among this scenario's treaties (${treaties.join(', ')})`);
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(e)) if (!RESERVED_EVENT_KEYS.includes(k)) fields[k] = String(v);
      const pos = positionOf(src, nodeAt(src, base));
      events.push({ date: String(e.date), type: String(e.type), fields, origin: { kind: 'scenario', file, line: pos.line, col: pos.col }, note: typeof e.note === 'string' ? e.note : null });
    });

  const expect = readExpect(m.expect, src, at);
  if (ds.length) throw new CasusError(ds);
  return {
    file,
    id: typeof m.scenario === 'string' ? m.scenario : file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    title: typeof m.title === 'string' ? m.title : null,
    description: typeof m.description === 'string' ? m.description : null,
    treaties,
    asOf: String(asOf),
    readings,
    assumptions,
    history: m.history !== false,
    events,
    expect,
  };
}

function readExpect(raw: unknown, _src: YamlSource, at: (path: (string | number)[], message: string, key?: string) => void): Scenario['expect'] {
  if (raw === undefined) return null;
  if (raw === null || typeof raw !== 'object') {
    at(['expect'], "'expect' must be a mapping with 'treaties' and/or 'positions'");
    return null;
  }
  const e = raw as Record<string, unknown>;
  const out = { treaties: {} as Record<string, TreatyStatus>, positions: {} as Record<string, PositionStatus> };
  for (const k of Object.keys(e)) if (k !== 'treaties' && k !== 'positions') at(['expect'], `unknown key '${k}' in expect; allowed: treaties, positions`, k);
  for (const [id, s] of Object.entries((e.treaties ?? {}) as Record<string, unknown>)) {
    if (!TREATY_STATUSES.includes(s as TreatyStatus)) at(['expect', 'treaties', id], `expected treaty status must be one of ${TREATY_STATUSES.join(', ')}${didYouMean(String(s), TREATY_STATUSES)}`);
    out.treaties[id] = s as TreatyStatus;
  }
  for (const [id, s] of Object.entries((e.positions ?? {}) as Record<string, unknown>)) {
    if (!POSITION_STATUSES.includes(s as PositionStatus)) at(['expect', 'positions', id], `expected position status must be one of ${POSITION_STATUSES.join(', ')}${didYouMean(String(s), POSITION_STATUSES)}`);
    out.positions[id] = s as PositionStatus;
  }
  return out;
}

/** The JSON Schema of scenario files, generated from the event vocabulary. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  const fieldSchema = (t: (typeof EVENT_TYPES)[string]['fields'][string]['type']) => {
    if (t === 'state') return { type: 'string', pattern: '^[A-Z]{3}$' };
    if (t === 'date') return date;
    if (typeof t === 'object') return { enum: [...t.enum] };
    return { type: 'string', minLength: 1 };
  };
  const eventVariants = EVENT_TYPE_NAMES.map((name) => {
    const spec = EVENT_TYPES[name]!;
    const properties: Record<string, unknown> = { date, type: { const: name }, note: { type: 'string' } };
    for (const [f, s] of Object.entries(spec.fields)) properties[f] = { ...fieldSchema(s.type), description: s.doc };
    return {
      if: { properties: { type: { const: name } }, required: ['type'] },
      then: {
        description: spec.doc,
        properties,
        required: ['date', 'type', ...Object.entries(spec.fields).filter(([, s]) => s.required).map(([f]) => f)],
        additionalProperties: false,
      },
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://casus.dev/schemas/scenario.schema.json',
    title: 'casus scenario',
    description: 'Dated events to run against treaties. Generated from src/language/vocabulary.ts; do not edit by hand (npm run schema).',
    type: 'object',
    required: ['as_of', 'treaties', 'events'],
    additionalProperties: false,
    properties: {
      scenario: { type: 'string', description: 'scenario id' },
      title: { type: 'string' },
      description: { type: 'string' },
      treaties: { type: 'array', minItems: 1, items: { type: 'string' } },
      as_of: { ...date, description: 'the date positions are judged at' },
      readings: { type: 'array', items: { type: 'string' } },
      assume: { type: 'object', additionalProperties: { type: 'string', pattern: DURATION_RE.source } },
      history: { type: 'boolean', description: "include the treaties' recorded history (default true)" },
      events: {
        type: 'array',
        items: { type: 'object', required: ['date', 'type'], properties: { type: { enum: EVENT_TYPE_NAMES } }, allOf: eventVariants },
      },
      expect: {
        type: 'object',
        additionalProperties: false,
        properties: {
          treaties: { type: 'object', additionalProperties: { enum: TREATY_STATUSES } },
          positions: { type: 'object', additionalProperties: { enum: POSITION_STATUSES } },
        },
      },
    },
  };
}
