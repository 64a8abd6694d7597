/**
 * Evaluation of `where` conditions on an event. Each comparison can leave a sentence in a
 * trace, so that a match (or a near miss) is explained in words: "Kursk Oblast is territory of
 * RUS under international law".
 */
import type { Cond, EventPattern, Value } from '../language/ast.js';
import type { World, TerritoryReading } from '../world/world.js';
import { territoryBelongsTo } from '../world/world.js';
import type { ScenarioEvent } from './types.js';

export interface CondContext {
  world: World;
  parties: readonly string[];
  bearer: string;
  counterparty: string | null;
  territoryReading: TerritoryReading;
  /** the armed attacks up to the as-of date (at least those), for attackers-of(…) */
  events: readonly ScenarioEvent[];
  /** reading test for `reading X` conditions */
  hasReading: (id: string) => boolean;
}

/** A field's value on an event; an armed attack's territory defaults to the attacked state. */
export function fieldOf(e: ScenarioEvent, field: string): string | undefined {
  const v = e.fields[field];
  if (v === undefined && field === 'territory' && e.type === 'armed_attack') return e.fields.on;
  return v;
}

/** A resolved value: one item (most comparisons), a set, or a predicate on territory codes. */
type Resolved =
  | { kind: 'one'; item: string | null; label: string }
  | { kind: 'set'; items: ReadonlySet<string>; label: string }
  | { kind: 'pred'; test: (code: string) => { holds: boolean; why: string }; label: string };

const partySets = new WeakMap<readonly string[], Set<string>>();
function partySet(parties: readonly string[]): Set<string> {
  let s = partySets.get(parties);
  if (!s) {
    s = new Set(parties);
    partySets.set(parties, s);
  }
  return s;
}
const members = (r: Resolved): string[] => (r.kind === 'one' ? (r.item === null ? [] : [r.item]) : r.kind === 'set' ? [...r.items] : []);

function resolve(v: Value, ctx: CondContext, before: string): Resolved {
  switch (v.kind) {
    case 'role': {
      const who = v.role === 'bearer' ? ctx.bearer : ctx.counterparty;
      return { kind: 'one', item: who, get label() { return `${v.role} (${who ?? 'none'})`; } };
    }
    case 'parties':
      return { kind: 'set', items: partySet(ctx.parties), get label() { return `a party (${ctx.parties.join(', ')})`; } };
    case 'state':
      return { kind: 'one', item: v.code, label: v.code };
    case 'symbol':
      return { kind: 'one', item: v.name, label: v.name };
    case 'list': {
      const items = new Set<string>();
      for (const i of v.items) for (const x of members(resolve(i, ctx, before))) items.add(x);
      return { kind: 'set', items, label: `[${[...items].join(', ')}]` };
    }
    case 'territory-of': {
      const states = members(resolve(v.of, ctx, before));
      return {
        kind: 'pred',
        label: `territory of ${states.join(' or ')}`,
        test: (code) => {
          const reasons = states.map((s) => territoryBelongsTo(ctx.world, code, s, ctx.territoryReading));
          const hit = reasons.find((r) => r.holds);
          return hit ?? { holds: false, why: reasons.map((r) => r.why).join('; ') };
        },
      };
    }
    case 'administered-by': {
      const states = members(resolve(v.of, ctx, before));
      return {
        kind: 'pred',
        label: `territory administered by ${states.join(' or ')}`,
        test: (code) => {
          const t = ctx.world.territories.get(code);
          const holds = t !== undefined && states.includes(t.administeredBy);
          return { holds, why: t ? `${t.name} is administered by ${t.administeredBy}${holds ? '' : `, not by ${states.join(' or ')}`}` : `territory ${code} is unknown` };
        },
      };
    }
    case 'region':
      return {
        kind: 'pred',
        label: `in region ${v.name}`,
        test: (code) => {
          const t = ctx.world.territories.get(code);
          const holds = t !== undefined && t.regions.includes(v.name);
          return { holds, why: t ? `${t.name} ${holds ? 'lies' : 'does not lie'} in region ${v.name}` : `territory ${code} is unknown` };
        },
      };
    case 'attackers-of': {
      const victims = new Set(members(resolve(v.of, ctx, before)));
      const items = new Set<string>();
      const index = attacksByVictim(ctx.events);
      for (const victim of victims) for (const e of index.get(victim) ?? []) if (e.date <= before && e.fields.by) items.add(e.fields.by);
      return { kind: 'set', items, label: `an attacker of ${[...victims].join(', ')} (${items.size ? [...items].sort().join(', ') : 'none so far'})` };
    }
  }
}

const attackIndexes = new WeakMap<readonly ScenarioEvent[], Map<string, ScenarioEvent[]>>();
/** Armed attacks by the state attacked, built once per event list (attackers-of is asked often). */
function attacksByVictim(events: readonly ScenarioEvent[]): Map<string, ScenarioEvent[]> {
  let index = attackIndexes.get(events);
  if (!index) {
    index = new Map();
    for (const e of events)
      if (e.type === 'armed_attack' && e.fields.on) {
        const list = index.get(e.fields.on);
        if (list) list.push(e);
        else index.set(e.fields.on, [e]);
      }
    attackIndexes.set(events, index);
  }
  return index;
}

/** Does the condition hold on the event? Pushes one sentence per comparison into `trace` when given. */
export function evalCond(c: Cond, e: ScenarioEvent, ctx: CondContext, trace?: string[]): boolean {
  switch (c.kind) {
    case 'and': {
      for (const i of c.items) if (!evalCond(i, e, ctx, trace)) return false;
      return true;
    }
    case 'or': {
      const local: string[] = [];
      for (const i of c.items) {
        const t: string[] = [];
        if (evalCond(i, e, ctx, trace ? t : undefined)) {
          trace?.push(...t);
          return true;
        }
        local.push(...t);
      }
      trace?.push(...local);
      return false;
    }
    case 'not': {
      const t: string[] = [];
      const r = !evalCond(c.item, e, ctx, trace ? t : undefined);
      if (trace) trace.push(...t.map((s) => `not: ${s}`));
      return r;
    }
    case 'reading': {
      const holds = ctx.hasReading(c.id);
      trace?.push(`reading ${c.id} is ${holds ? '' : 'not '}chosen`);
      return holds;
    }
    case 'compare': {
      const actual = fieldOf(e, c.field);
      if (actual !== undefined && !trace) {
        // fast path without explanations: the common values need no allocation
        const v = c.value;
        const positive = c.op === '=' || c.op === 'in';
        if (v.kind === 'role') return (actual === (v.role === 'bearer' ? ctx.bearer : ctx.counterparty)) === positive;
        if (v.kind === 'state') return (actual === v.code) === positive;
        if (v.kind === 'symbol') return (actual === v.name) === positive;
        if (v.kind === 'parties') return ctx.parties.includes(actual) === positive;
        if (v.kind === 'territory-of' && (v.of.kind === 'role' || v.of.kind === 'state')) {
          const state = v.of.kind === 'state' ? v.of.code : v.of.role === 'bearer' ? ctx.bearer : ctx.counterparty;
          const t = ctx.world.territories.get(actual);
          const holds = t !== undefined && state !== null && (t.sovereign === state || (ctx.territoryReading === 'territory.claimed' && t.claimedBy.includes(state)));
          return holds === positive;
        }
      }
      const r = resolve(c.value, ctx, e.date);
      if (actual === undefined) {
        trace?.push(`${e.type} on ${e.date} gives no '${c.field}'`);
        return c.op === '!=' || c.op === 'not in';
      }
      let member: boolean;
      let why: string;
      if (r.kind === 'one' || r.kind === 'set') {
        member = r.kind === 'one' ? r.item === actual : r.items.has(actual);
        why = trace ? `${c.field} ${actual} ${member ? 'is' : 'is not'} ${r.label}` : '';
      } else {
        const t = r.test(actual);
        member = t.holds;
        why = t.why;
      }
      const holds = c.op === '=' || c.op === 'in' ? member : !member;
      trace?.push(why);
      return holds;
    }
  }
}

export function matches(p: EventPattern, e: ScenarioEvent, ctx: CondContext, trace?: string[]): boolean {
  if (e.type !== p.type) return false;
  return p.where === null || evalCond(p.where, e, ctx, trace);
}

/** One line describing an event: "armed attack by UKR on RUS at RU-KRS". */
export function describeEvent(e: ScenarioEvent): string {
  const f = e.fields;
  const parts: string[] = [e.type.replace(/_/g, ' ')];
  const order = ['by', 'party', 'on', 'against', 'to', 'with', 'territory', 'kind', 'imposed_by', 'step', 'effective', 'basis'];
  const names: Record<string, string> = { territory: 'at', party: 'by', kind: 'kind', imposed_by: 'imposed by', step: '—', effective: 'effective', basis: '—' };
  for (const k of order) if (f[k] !== undefined && !(k === 'territory' && f[k] === f.on)) parts.push(`${names[k] ?? k} ${f[k]}`);
  return parts.join(' ');
}

export function describeOrigin(e: ScenarioEvent): string {
  const o = e.origin;
  if (o.kind === 'scenario') return `${o.file}:${o.line}:${o.col}`;
  return `recorded in ${o.treaty}${o.source ? `; source: ${o.source}` : ''}`;
}
