/**
 * The alliance network as a standalone SVG: a circular layout written here (no dependency, no
 * binary). States sit on a circle, ordered so that each treaty's members are neighbours; a
 * treaty with more than two parties is a hub inside the circle, near its members; a bilateral
 * treaty is a curve between its two parties. Colours are the edge types; dashed lines are
 * treaties whose entry into force is not recorded. Deterministic: same network, same bytes.
 */
import { drawnLinks, EDGE_COLOURS, EDGE_ORDER, type Network } from './network.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number) => (Math.round(x * 10) / 10).toString();

/**
 * Order the states on the circle so that linked states are neighbours: a greedy path that
 * starts with the largest treaty's least-connected member and always goes on with the unplaced
 * state most strongly tied to the last few placed (a bilateral treaty weighs 3, co-membership of
 * a larger treaty 1). Short arcs keep curves and their labels apart.
 */
function circleOrder(n: Network): string[] {
  const weight = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number) => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const m = weight.get(x) ?? new Map<string, number>();
      m.set(y, (m.get(y) ?? 0) + w);
      weight.set(x, m);
    }
  };
  for (const t of n.treaties) for (const a of t.parties) for (const b of t.parties) if (a < b) add(a, b, t.parties.length > 2 ? 1 : 3);
  const ids = n.nodes.map((s) => s.id);
  const external = (id: string) => {
    const big = [...n.treaties].sort((a, b) => b.parties.length - a.parties.length)[0];
    return [...(weight.get(id) ?? new Map()).entries()].filter(([o]) => !big?.parties.includes(o)).reduce((s, [, w]) => s + w, 0);
  };
  const largest = [...n.treaties].sort((a, b) => b.parties.length - a.parties.length || (a.id < b.id ? -1 : 1))[0];
  const start = [...(largest?.parties ?? ids)].sort((a, b) => external(a) - external(b) || (a < b ? -1 : 1))[0];
  const placed: string[] = start ? [start] : [];
  const left = new Set(ids.filter((x) => x !== start));
  while (left.size) {
    let best: string | null = null;
    let bestScore = -1;
    for (const c of [...left].sort()) {
      let score = 0;
      placed.slice(-4).forEach((p, i, arr) => (score += (weight.get(p)?.get(c) ?? 0) * (i + 1 === arr.length ? 4 : 1)));
      // prefer staying inside the current large group before leaving it
      if (score > bestScore || (score === bestScore && external(c) < external(best!))) {
        best = c;
        bestScore = score;
      }
    }
    placed.push(best!);
    left.delete(best!);
  }
  return placed;
}

export function toSvg(n: Network): string {
  const { hubs, links } = drawnLinks(n);
  const order = circleOrder(n);
  const size = Math.max(640, Math.min(1100, 280 + order.length * 22));
  const legendW = 250;
  const cx = size / 2;
  const cy = size / 2 + 20;
  const r = size / 2 - 70;
  const pos = new Map<string, { x: number; y: number }>();
  order.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, order.length) - Math.PI / 2;
    pos.set(id, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
  });
  for (const h of hubs) {
    const ps = h.parties.map((p) => pos.get(p)!).filter(Boolean);
    let x = ps.reduce((s, p) => s + p.x, 0) / ps.length;
    let y = ps.reduce((s, p) => s + p.y, 0) / ps.length;
    // keep hubs off the centre and off each other: pull to 55% of the radius along their direction
    const dx = x - cx;
    const dy = y - cy;
    const d = Math.hypot(dx, dy);
    const k = d < 1 ? 0 : (0.55 * r) / d;
    x = d < 1 ? cx : cx + dx * k;
    y = d < 1 ? cy : cy + dy * k;
    pos.set(h.id, { x, y });
  }
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${size + legendW}" height="${size + 40}" viewBox="0 0 ${size + legendW} ${size + 40}" font-family="Helvetica, Arial, sans-serif">`);
  out.push(`<title>${esc(`Alliance network on ${n.as_of} (casus)`)}</title>`);
  out.push(`<rect x="0" y="0" width="${size + legendW}" height="${size + 40}" fill="#ffffff"/>`);
  out.push(`<text x="20" y="30" font-size="18" font-weight="bold">${esc(`Obligations in force on ${n.as_of}`)}</text>`);
  out.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="20" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>`);
  out.push('<g id="links">');
  // bilateral links between the same two states are fanned out so that their labels stay apart
  const pairCount = new Map<string, number>();
  const placed: Box[] = []; // labels already drawn, so that the next one does not cover them
  for (const l of links) {
    const p = pos.get(l.from);
    const q = pos.get(l.to);
    if (!p || !q) continue;
    const colour = EDGE_COLOURS[l.types[0]!];
    const dash = l.certainty === 'unverified' ? ' stroke-dasharray="6 4"' : '';
    const isHub = hubs.some((h) => h.id === l.treaty);
    const tip = `${l.treaty}: ${l.types.join(', ')}${l.certainty === 'unverified' ? ' (entry into force not recorded)' : ''}`;
    if (isHub) {
      out.push(`<line x1="${num(p.x)}" y1="${num(p.y)}" x2="${num(q.x)}" y2="${num(q.y)}" stroke="${colour}" stroke-width="1.2" stroke-opacity="0.55"${dash}><title>${esc(`${l.from} – ${tip}`)}</title></line>`);
      continue;
    }
    const pair = [l.from, l.to].sort().join('|');
    const k = pairCount.get(pair) ?? 0;
    pairCount.set(pair, k + 1);
    // control point: towards the centre, further for each extra link between the same pair
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    const pull = 0.25 + 0.18 * k;
    const c = { x: mx + (cx - mx) * pull, y: my + (cy - my) * pull };
    const marker = l.directed ? ' marker-end="url(#arrow)"' : '';
    out.push(`<path d="M ${num(p.x)} ${num(p.y)} Q ${num(c.x)} ${num(c.y)} ${num(q.x)} ${num(q.y)}" fill="none" stroke="${colour}" stroke-width="2.5"${dash}${marker}><title>${esc(`${l.from} – ${l.to} ${tip}`)}</title></path>`);
    const lx = 0.25 * p.x + 0.5 * c.x + 0.25 * q.x;
    const ly = 0.25 * p.y + 0.5 * c.y + 0.25 * q.y;
    // short label (the strongest type, +N more; the tooltip lists them all), running into the circle
    const label = `${l.treaty}: ${l.types[0]}${l.types.length > 1 ? ` +${l.types.length - 1}` : ''}`;
    const anchor = lx < cx - 20 ? 'start' : lx > cx + 20 ? 'end' : 'middle';
    const y = freeLine(placed, lx, ly + 3, label.length * 5.6, anchor);
    out.push(`<text x="${num(lx)}" y="${num(y)}" font-size="10" text-anchor="${anchor}" fill="${colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`);
  }
  out.push('</g>');
  out.push('<g id="hubs">');
  for (const h of hubs) {
    const p = pos.get(h.id)!;
    const w = 12 + h.id.length * 7;
    const types = [...new Set(links.filter((l) => l.treaty === h.id).flatMap((l) => l.types))];
    const dash = h.certainty === 'unverified' ? ' stroke-dasharray="4 3"' : '';
    out.push(`<g><title>${esc(`${h.id} (${h.parties.length} parties): ${types.join(', ')}`)}</title>`);
    out.push(`<rect x="${num(p.x - w / 2)}" y="${num(p.y - 13)}" width="${num(w)}" height="26" rx="8" fill="#fdf6e3" stroke="${EDGE_COLOURS[types[0] ?? 'consultation']}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${num(p.x)}" y="${num(p.y + 4)}" font-size="11" text-anchor="middle" font-weight="bold">${esc(h.id)}</text></g>`);
  }
  out.push('</g>');
  out.push('<g id="states">');
  for (const s of n.nodes) {
    const p = pos.get(s.id)!;
    out.push(`<g><title>${esc(s.name)}</title><circle cx="${num(p.x)}" cy="${num(p.y)}" r="15" fill="#ffffff" stroke="#333333" stroke-width="1.5"/>`);
    out.push(`<text x="${num(p.x)}" y="${num(p.y + 4)}" font-size="10" text-anchor="middle">${esc(s.id)}</text></g>`);
  }
  out.push('</g>');
  // legend
  const lx = size + 10;
  let ly = 60;
  out.push('<g id="legend">');
  out.push(`<text x="${lx}" y="${ly}" font-size="13" font-weight="bold">Edge types</text>`);
  const used = new Set(links.flatMap((l) => l.types));
  for (const k of EDGE_ORDER) {
    if (!used.has(k)) continue;
    ly += 20;
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 28}" y2="${ly - 4}" stroke="${EDGE_COLOURS[k]}" stroke-width="3"/><text x="${lx + 36}" y="${ly}" font-size="12">${esc(k)}</text>`);
  }
  ly += 28;
  out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 28}" y2="${ly - 4}" stroke="#555" stroke-width="2" stroke-dasharray="6 4"/><text x="${lx + 36}" y="${ly}" font-size="12">entry into force not recorded</text>`);
  ly += 20;
  out.push(`<rect x="${lx}" y="${ly - 12}" width="28" height="14" rx="5" fill="#fdf6e3" stroke="#555"/><text x="${lx + 36}" y="${ly}" font-size="12">treaty with more than two parties</text>`);
  ly += 30;
  out.push(`<text x="${lx}" y="${ly}" font-size="13" font-weight="bold">Treaties</text>`);
  for (const t of n.treaties) {
    ly += 18;
    out.push(`<text x="${lx}" y="${ly}" font-size="11">${esc(`${t.id}: ${t.parties.length} parties${t.certainty === 'unverified' ? ' (signed; in force?)' : ''}`)}</text>`);
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The baseline for a label near (x, y) that overlaps no label placed so far: moved down a line
 * at a time (at most eight), which keeps labels of neighbouring states readable.
 */
function freeLine(placed: Box[], x: number, y: number, width: number, anchor: 'start' | 'end' | 'middle'): number {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  let base = y;
  for (let tries = 0; tries < 8; tries++) {
    const box = { x0, x1: x0 + width, y0: base - 10, y1: base + 2 };
    if (!placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) {
      placed.push(box);
      return base;
    }
    base += 12;
  }
  placed.push({ x0, x1: x0 + width, y0: base - 10, y1: base + 2 });
  return base;
}
