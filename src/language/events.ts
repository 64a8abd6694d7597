/**
 * Validation of one dated event's fields against the vocabulary; shared by scenario files
 * and by the recorded history in a treaty's front matter.
 */
import { EVENT_TYPES, EVENT_TYPE_NAMES, type FieldSpec } from './vocabulary.js';
import { didYouMean } from './diagnostics.js';
import { isValidDate } from './yaml-source.js';
import type { World } from '../world/world.js';

export interface EventProblem {
  /** the field at fault, or null for the event as a whole */
  field: string | null;
  /** true when the key itself (not its value) is wrong */
  atKey: boolean;
  message: string;
}

export interface EventContext {
  world: World;
  /** treaty ids that a `treaty` field may name */
  treaties: Set<string>;
}

function checkValue(name: string, spec: FieldSpec, value: unknown, ctx: EventContext): string | null {
  if (typeof value !== 'string' || value === '') return `field '${name}' must be a ${typeof spec.type === 'string' ? spec.type : 'value'}, found ${JSON.stringify(value)}`;
  const t = spec.type;
  if (t === 'state') {
    if (!ctx.world.states.has(value)) return `unknown state '${value}'${didYouMean(value, ctx.world.states.keys())}: use an ISO 3166-1 alpha-3 code listed in data/states.yaml`;
  } else if (t === 'territory') {
    if (!ctx.world.territories.has(value))
      return `unknown territory '${value}'${didYouMean(value, ctx.world.territories.keys())}: use a state code or an ISO 3166-2 code listed in data/territories.yaml`;
  } else if (t === 'treaty') {
    if (!ctx.treaties.has(value)) return `unknown treaty '${value}'${didYouMean(value, ctx.treaties)}`;
  } else if (t === 'date') {
    if (!isValidDate(value)) return `field '${name}' must be a date YYYY-MM-DD, found '${value}'`;
  } else if (typeof t === 'object') {
    if (!t.enum.includes(value)) return `field '${name}' must be one of ${t.enum.join(', ')}, found '${value}'${didYouMean(value, t.enum)}`;
  }
  return null;
}

/** Check an event's type and fields; `reserved` keys (date, note, …) are the caller's. */
export function validateEvent(type: unknown, fields: Record<string, unknown>, ctx: EventContext, reserved: string[]): EventProblem[] {
  if (typeof type !== 'string') return [{ field: 'type', atKey: false, message: `an event needs a 'type' (one of ${EVENT_TYPE_NAMES.join(', ')})` }];
  const spec = EVENT_TYPES[type];
  if (!spec) return [{ field: 'type', atKey: false, message: `unknown event type '${type}'${didYouMean(type, EVENT_TYPE_NAMES)}` }];
  const problems: EventProblem[] = [];
  for (const key of Object.keys(fields)) {
    if (reserved.includes(key)) continue;
    const f = spec.fields[key];
    if (!f) {
      const allowed = Object.keys(spec.fields);
      problems.push({
        field: key,
        atKey: true,
        message: `unknown field '${key}' for ${type}${didYouMean(key, allowed)}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
      });
      continue;
    }
    const m = checkValue(key, f, fields[key], ctx);
    if (m) problems.push({ field: key, atKey: false, message: m });
  }
  for (const [key, f] of Object.entries(spec.fields))
    if (f.required && !(key in fields)) problems.push({ field: null, atKey: false, message: `${type} needs field '${key}' (${f.doc})` });
  return problems;
}
