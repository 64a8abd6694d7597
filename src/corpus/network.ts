/**
 * The alliance network at a date: states as nodes, the obligations in force between them as
 * typed edges (defence, consultation, non-aggression, …), each with the treaty and rule that
 * create it. Edge types are the provision codes (codes.ts) under the default readings; which
 * treaties are in force, and who their parties are, comes from the engine's lifecycle
 * (signature, entry into force, accession, withdrawal, termination, supersession).
 *
 * A treaty that was signed but whose entry into force is not recorded anywhere (no history
 * event, no entry-into-force rule) is neither in nor out of force: its edges are kept apart as
 * `unverified`, so that a reader sees them and why they are uncertain.
 */
import type { TreatyFile } from '../language/ast.js';
import { statementsOf } from '../language/ast.js';
import { lifecycleOf } from '../engine/lifecycle.js';
import { timeline } from '../engine/evaluate.js';
import type { World } from '../world/world.js';
import { CODE_KINDS, treatyCodes, type CodeKind } from './codes.js';
import type { EdgeCertainty, Network, NetworkEdge, NetworkTreaty } from './types.js';

export type { EdgeCertainty, Network, NetworkEdge, NetworkTreaty } from './types.js';


/** Strongest first: the order used to colour and to pick a label when edges are merged. */
export const EDGE_ORDER: CodeKind[] = [...CODE_KINDS];

function unverified(t: TreatyFile): boolean {
  return !t.meta.history.some((h) => h.type === 'entry_into_force') && statementsOf(t, 'entry-into-force').length === 0;
}

export function networkAt(treaties: TreatyFile[], world: World, asOf: string): Network {
  const events = timeline({ treaties, world, events: [], asOf });
  const inNet: NetworkTreaty[] = [];
  const edges = new Map<string, NetworkEdge>();
  for (const t of [...treaties].sort((x, y) => (x.meta.id < y.meta.id ? -1 : 1))) {
    const life = lifecycleOf(t, { treaties, events, asOf, primary: '', world });
    let certainty: EdgeCertainty;
    if (life.status === 'in-force') certainty = 'in-force';
    else if (life.status === 'signed' && unverified(t)) certainty = 'unverified';
    else continue;
    const parties = [...life.parties].sort();
    inNet.push({ id: t.meta.id, status: life.status, since: life.since, parties, certainty });
    const members = new Set(parties);
    for (const code of treatyCodes(t).codes) {
      for (const bearer of code.bearers) {
        if (!members.has(bearer)) continue;
        const owed = code.owed_to.flatMap((o) => (o === 'other parties' ? parties.filter((p) => p !== bearer) : o === 'each party' ? parties : [o]));
        for (const to of owed) {
          if (!members.has(to) || to === bearer) continue;
          const key = `${t.meta.id}|${code.code}|${bearer}|${to}`;
          const e = edges.get(key) ?? { a: bearer, b: to, directed: true, type: code.code, treaty: t.meta.id, rules: [], certainty };
          if (!e.rules.includes(code.rule.rule)) e.rules.push(code.rule.rule);
          edges.set(key, e);
        }
      }
    }
  }
  // a duty owed both ways under the same treaty and type is one undirected edge
  const merged = new Map<string, NetworkEdge>();
  for (const e of edges.values()) {
    const back = edges.get(`${e.treaty}|${e.type}|${e.b}|${e.a}`);
    if (back) {
      const [a, b] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
      const key = `${e.treaty}|${e.type}|${a}|${b}|u`;
      const m = merged.get(key) ?? { ...e, a, b, directed: false, rules: [] };
      for (const r of [...e.rules, ...back.rules]) if (!m.rules.includes(r)) m.rules.push(r);
      m.rules.sort();
      merged.set(key, m);
    } else merged.set(`${e.treaty}|${e.type}|${e.a}|${e.b}|d`, { ...e, rules: [...e.rules].sort() });
  }
  const order = new Map(EDGE_ORDER.map((k, i) => [k, i]));
  const list = [...merged.values()].sort(
    (x, y) => (x.treaty < y.treaty ? -1 : x.treaty > y.treaty ? 1 : 0) || order.get(x.type)! - order.get(y.type)! || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  const nodeIds = [...new Set(inNet.flatMap((t) => t.parties))].sort();
  return {
    as_of: asOf,
    nodes: nodeIds.map((id) => ({ id, name: world.states.get(id)?.name ?? id })),
    treaties: inNet,
    edges: list,
  };
}

/** The pairs joined by an edge of a type (for tests and summaries): "PRK-RUS defence rus-prk-2024". */
export function edgeKeys(n: Network): string[] {
  return n.edges.map((e) => `${e.a}${e.directed ? '->' : '-'}${e.b} ${e.type} ${e.treaty}${e.certainty === 'unverified' ? ' (unverified)' : ''}`);
}

/**
 * How the drawing groups edges: a bilateral treaty is drawn as lines between its two parties;
 * a treaty with more than two parties as a hub node joined to each member (32 NATO members would
 * otherwise need 496 lines per edge type). Each drawn link lists the edge types it stands for.
 */
export interface DrawnLink {
  from: string;
  to: string;
  treaty: string;
  types: CodeKind[];
  /** the link stands for duties owed one way only (from -> to) */
  directed: boolean;
  certainty: EdgeCertainty;
}

export function drawnLinks(n: Network): { hubs: NetworkTreaty[]; links: DrawnLink[] } {
  const hubs = n.treaties.filter((t) => t.parties.length > 2);
  const hubIds = new Set(hubs.map((h) => h.id));
  const links = new Map<string, DrawnLink>();
  const order = new Map(EDGE_ORDER.map((k, i) => [k, i]));
  for (const e of n.edges) {
    const pairs: [string, string, boolean][] = hubIds.has(e.treaty) ? [[e.a, e.treaty, false], [e.b, e.treaty, false]] : [[e.a, e.b, e.directed]];
    for (const [from, to, directed] of pairs) {
      const key = `${e.treaty}|${from}|${to}|${directed}`;
      const l = links.get(key) ?? { from, to, treaty: e.treaty, types: [], directed, certainty: e.certainty };
      if (!l.types.includes(e.type)) l.types.push(e.type);
      l.types.sort((x, y) => order.get(x)! - order.get(y)!);
      links.set(key, l);
    }
  }
  return { hubs, links: [...links.values()].sort((x, y) => (`${x.treaty}|${x.from}|${x.to}` < `${y.treaty}|${y.from}|${y.to}` ? -1 : 1)) };
}

const dotId = (s: string) => `"${s.replace(/"/g, '\\"')}"`;

export const EDGE_COLOURS: Record<CodeKind, string> = {
  defence: '#c0392b',
  offence: '#000000',
  neutrality: '#e67e22',
  'non-aggression': '#8e44ad',
  consultation: '#2980b9',
  'no-competing-alliance': '#7f5539',
  'no-hostile-territory-use': '#7f8c8d',
  'military-aid': '#27ae60',
  bases: '#16a085',
};

export function toDot(n: Network): string {
  const { hubs, links } = drawnLinks(n);
  const lines = [`graph alliances {`, `  label=${dotId(`Obligations in force on ${n.as_of} (casus)`)};`, '  node [shape=circle, fontname="Helvetica"];'];
  for (const s of n.nodes) lines.push(`  ${dotId(s.id)} [tooltip=${dotId(s.name)}];`);
  for (const h of hubs) lines.push(`  ${dotId(h.id)} [shape=box, style=rounded${h.certainty === 'unverified' ? ', color=gray' : ''}];`);
  for (const l of links) {
    const attrs = [`label=${dotId(`${l.types.join(', ')}${hubs.some((h) => h.id === l.treaty) ? '' : ` (${l.treaty})`}`)}`, `color=${dotId(EDGE_COLOURS[l.types[0]!])}`];
    if (l.directed) attrs.push('dir=forward');
    if (l.certainty === 'unverified') attrs.push('style=dashed');
    lines.push(`  ${dotId(l.from)} -- ${dotId(l.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
