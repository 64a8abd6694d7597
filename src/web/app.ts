/**
 * The workbench: a thin page over the HTTP API, in six views (tabs). Scenario: pick or edit a
 * scenario, choose readings and a date, run, and read every position with its explanation
 * tree, a timeline and the answers across readings. Network, Compare and Codes: the corpus
 * (corpus.ts). Commentary: an article read against a treaty (commentary.ts). Cascade: how far an attack
 * could spread through the alliances, under probabilities the reader chooses (cascade.ts). No framework: the
 * page is small and should stay readable.
 */

import type { Position, EngineOutput, ReadingVariation } from '../engine/contract.js';
import { $, api, el, type ApiError } from './dom.js';
import { initCodes, initCompare, initNetwork, showCodes, showComparison, showNetwork } from './corpus.js';
import { initCommentary } from './commentary.js';
import { initCascade } from './cascade.js';
import { MODAL_VERB as VERB } from '../language/ast.js';

type RunOutput = EngineOutput & { across_readings?: ReadingVariation[] };

interface Reading {
  id: string;
  title: string;
  question: string;
  default: boolean;
  holders: { who: string; source: string; line: number | null }[];
}
interface ParsedScenario {
  as_of: string;
  treaties: string[];
  events: { date: string; type: string; fields: Record<string, string> }[];
}

const ORDER = ['violated', 'triggered', 'fulfilled', 'not-triggered', 'expired', 'not-in-force'];

const chosen = new Map<string, string>(); // question key -> reading id

async function loadReadings(treatyIds: string[]): Promise<void> {
  const box = $('readings');
  box.replaceChildren();
  const groups: [string, Reading[]][] = [];
  for (const id of treatyIds) {
    let rs: Reading[] = [];
    try {
      rs = await api<Reading[]>(`/treaties/${encodeURIComponent(id)}/readings`);
    } catch {
      continue;
    }
    const byQ = new Map<string, Reading[]>();
    for (const r of rs) byQ.set(r.question, [...(byQ.get(r.question) ?? []), r]);
    for (const [q, list] of byQ) groups.push([`${id}:${q}`, list]);
  }
  groups.push([
    'territory',
    [
      { id: 'territory.international', title: 'A territory belongs to its sovereign under international law', question: 'territory', default: true, holders: [] },
      { id: 'territory.claimed', title: 'A territory belongs to each state that claims it', question: 'territory', default: false, holders: [] },
    ],
  ]);
  for (const [key, list] of groups) {
    const fs = el('fieldset', {}, el('legend', {}, key === 'territory' ? 'whose territory (global)' : key));
    for (const r of list) {
      const input = el('input', { type: 'radio', name: key, value: r.id });
      const current = chosen.get(key);
      input.checked = current ? current === r.id : r.default;
      input.addEventListener('change', () => {
        chosen.set(key, r.id);
        void run();
      });
      const who = r.holders.map((h) => h.who).join('; ');
      fs.append(el('label', {}, input, el('span', {}, el('b', {}, r.id), ` — ${r.title}`, who ? el('div', { class: 'holder' }, `held by ${who}`) : '')));
    }
    box.append(fs);
  }
}

function selectedReadings(): string[] {
  const out: string[] = [];
  document.querySelectorAll<HTMLInputElement>('#readings input[type=radio]:checked').forEach((i) => {
    const q = i.name;
    out.push(q === 'territory' ? i.value : `${q.slice(0, q.indexOf(':'))}:${i.value}`);
  });
  return out;
}

function renderTreaties(out: RunOutput): void {
  $('treaties').replaceChildren(...out.treaties.map((t) => el('span', { class: 'chip' }, `${t.id} `, el('span', { class: `status s-${t.status}` }, t.status), t.since ? ` since ${t.since}` : '')));
}

/** A duty of conduct in effect since entry into force, with no triggering event (the engine says so in its explanation). */
const isStanding = (p: Position) => p.status === 'triggered' && p.explanation.because.some((b) => b.text.includes('without any triggering event'));

let lastRun: RunOutput | null = null;

function renderPositions(out: RunOutput): void {
  lastRun = out;
  const showStanding = $<HTMLInputElement>('standing').checked;
  const hidden = out.positions.filter(isStanding).length;
  const rows = [...out.positions].filter((p) => showStanding || !isStanding(p)).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.id < b.id ? -1 : 1));
  const table = el('table', {}, el('tr', {}, el('th', {}, 'Article'), el('th', {}, 'Who, what, for whom'), el('th', {}, 'Status'), el('th', {}, 'Since'), el('th', {}, 'Depends on')));
  for (const p of rows) {
    const tr = el(
      'tr',
      { class: 'position', 'data-id': p.id, tabindex: '0' },
      el('td', {}, `${p.treaty} ${/^\d+$/.test(p.article) ? `Art ${p.article}` : p.article}`),
      el('td', {}, `${p.bearer} ${VERB[p.modality]} ${p.action.replace(/-/g, ' ')}${p.counterparty ? ` → ${p.counterparty}` : ''}`),
      el('td', { class: `status s-${p.status}` }, p.status),
      el('td', {}, p.since ?? ''),
      el('td', { class: 'dep' }, p.depends_on_readings.join(', ')),
    );
    const show = () => {
      document.querySelectorAll('tr.selected').forEach((x) => x.classList.remove('selected'));
      tr.classList.add('selected');
      renderWhy(p);
    };
    tr.addEventListener('click', show);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') show();
    });
    table.append(tr);
  }
  const note = !showStanding && hidden ? el('p', { class: 'muted' }, `${hidden} standing duties in effect are hidden (tick the box above to list them).`) : '';
  $('positions').replaceChildren(table, note);
}

function treeNode(e: Position['explanation'], open: boolean): HTMLElement {
  if (e.because.length === 0) return el('li', {}, e.text);
  const d = el('details', {}, el('summary', {}, e.text), el('ul', {}, ...e.because.map((c) => treeNode(c, false))));
  d.open = open;
  return el('li', {}, d);
}

function renderWhy(p: Position): void {
  $('why').replaceChildren(el('div', { class: 'muted' }, p.id), el('ul', {}, treeNode(p.explanation, true)));
}

function renderAcross(out: RunOutput): void {
  const vs = out.across_readings ?? [];
  if (vs.length === 0) {
    $('across').replaceChildren(el('span', { class: 'muted' }, 'No position changes status across the readings: the answer does not depend on them.'));
    return;
  }
  const table = el('table', {}, el('tr', {}, el('th', {}, 'Question'), el('th', {}, 'Position'), el('th', {}, 'Status under each reading')));
  for (const v of vs)
    table.append(
      el(
        'tr',
        {},
        el('td', {}, v.question),
        el('td', {}, v.position),
        el('td', {}, ...Object.entries(v.statuses).map(([r, s]) => el('div', {}, `${r}: `, el('span', { class: `status s-${s}` }, s)))),
      ),
    );
  $('across').replaceChildren(table);
}

/** A timeline of the scenario's events and the treaties' status changes, up to the as-of date. */
function renderTimeline(scenario: ParsedScenario, out: RunOutput): void {
  const marks: { date: string; label: string; kind: 'event' | 'treaty' | 'asof' }[] = [
    ...scenario.events.map((e) => ({ date: e.date, label: `${e.type.replace(/_/g, ' ')} ${e.fields.by ?? e.fields.party ?? ''}${e.fields.on ? `→${e.fields.on}` : ''}`, kind: 'event' as const })),
    ...out.treaties.filter((t) => t.since).map((t) => ({ date: t.since!, label: `${t.id} ${t.status}`, kind: 'treaty' as const })),
    { date: out.as_of, label: `as of ${out.as_of}`, kind: 'asof' as const },
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  const t = (d: string) => Date.parse(d);
  const min = t(marks[0]!.date);
  const max = Math.max(t(marks[marks.length - 1]!.date), min + 86400000);
  const W = 860;
  const H = 40 + marks.length * 16;
  const x = (d: string) => 20 + ((t(d) - min) / (max - min)) * (W - 240);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'timeline of events');
  const line = document.createElementNS(ns, 'line');
  Object.entries({ x1: '20', x2: String(W - 220), y1: '20', y2: '20', stroke: '#98a2b3' }).forEach(([k, v]) => line.setAttribute(k, v));
  svg.append(line);
  const colour = { event: '#c0392b', treaty: '#2b6cb0', asof: '#1d2330' };
  marks.forEach((m, i) => {
    const cx = x(m.date);
    const c = document.createElementNS(ns, 'circle');
    Object.entries({ cx: String(cx), cy: '20', r: m.kind === 'asof' ? '5' : '4', fill: colour[m.kind] }).forEach(([k, v]) => c.setAttribute(k, v));
    const tick = document.createElementNS(ns, 'line');
    Object.entries({ x1: String(cx), x2: String(cx), y1: '24', y2: String(36 + i * 16), stroke: '#e4e7ec' }).forEach(([k, v]) => tick.setAttribute(k, v));
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', String(cx + 4));
    text.setAttribute('y', String(40 + i * 16));
    text.textContent = `${m.date}  ${m.label}`;
    svg.append(tick, c, text);
  });
  $('timeline').replaceChildren(svg);
}

function showErrors(e: unknown): void {
  const errs = (e as ApiError).errors ?? [{ file: null, line: 0, col: 0, message: String(e) }];
  $('errors').textContent = errs.map((x) => (x.line > 0 ? `line ${x.line}, column ${x.col}: ${x.message}` : x.message)).join('\n');
  const first = errs.find((x) => x.line > 0);
  if (first) {
    // put the cursor on the faulty line so it can be fixed at once
    const ta = $<HTMLTextAreaElement>('yaml');
    const lines = ta.value.split('\n');
    const offset = lines.slice(0, first.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, first.col - 1);
    ta.focus();
    ta.setSelectionRange(offset, offset + (lines[first.line - 1]?.length ?? 0) - Math.max(0, first.col - 1));
  }
}

async function run(): Promise<void> {
  $('errors').textContent = '';
  const yaml = $<HTMLTextAreaElement>('yaml').value;
  const params = new URLSearchParams({ across_readings: 'true' });
  const asOf = $<HTMLInputElement>('asof').value;
  if (asOf) params.set('as_of', asOf);
  for (const r of selectedReadings()) params.append('reading', r);
  try {
    const headers = { 'content-type': 'application/yaml' };
    const [out, scenario] = await Promise.all([api<RunOutput>(`/run?${params}`, { method: 'POST', headers, body: yaml }), api<ParsedScenario>('/scenario', { method: 'POST', headers, body: yaml })]);
    renderTreaties(out);
    renderTimeline(scenario, out);
    renderPositions(out);
    renderAcross(out);
    const first = out.positions.find((p) => p.status === 'violated') ?? out.positions.find((p) => p.status === 'triggered' && p.depends_on_readings.length) ?? out.positions[0];
    if (first) (document.querySelector(`tr[data-id="${CSS.escape(first.id)}"]`) as HTMLElement | null)?.click();
  } catch (e) {
    showErrors(e);
  }
}

async function loadExample(id: string): Promise<void> {
  const r = await fetch(`/scenarios/${encodeURIComponent(id)}`);
  const text = await r.text();
  $<HTMLTextAreaElement>('yaml').value = text;
  const m = /^as_of:\s*(\d{4}-\d{2}-\d{2})/m.exec(text);
  $<HTMLInputElement>('asof').value = m ? m[1]! : '';
  chosen.clear();
  const treaties = /^treaties:\s*\[([^\]]*)\]/m.exec(text)?.[1]?.split(',').map((s) => s.trim()) ?? ['rus-prk-2024'];
  await loadReadings(treaties);
  // the example's own readings become the selection
  for (const r of /^readings:\s*\[([^\]]*)\]/m.exec(text)?.[1]?.split(',').map((s) => s.trim()) ?? []) {
    const input = document.querySelector<HTMLInputElement>(`#readings input[value="${CSS.escape(r)}"]`);
    if (input) {
      input.checked = true;
      chosen.set(input.name, r);
    }
  }
  await run();
}

/* ---------------------------------------------------------------- views (tabs) */

const VIEWS = ['scenario', 'network', 'compare', 'codes', 'commentary', 'cascade'] as const;
type View = (typeof VIEWS)[number];
const opened = new Set<View>();

/** What a view does the first time it is shown. */
const FIRST_SHOW: Record<View, () => Promise<void>> = {
  scenario: async () => {},
  network: () => showNetwork($<HTMLInputElement>('net-date').value),
  compare: () => showComparison(),
  codes: () => showCodes($<HTMLSelectElement>('codes-treaty').value),
  commentary: async () => {},
  // a cascade can take seconds: it runs only when asked
  cascade: async () => {},
};

function showView(view: View, focus = false): void {
  for (const v of VIEWS) {
    const tab = $(`tab-${v}`);
    const on = v === view;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`view-${v}`).hidden = !on;
  }
  if (focus) $(`tab-${view}`).focus();
  if (location.hash.slice(1) !== view) history.replaceState(null, '', view === 'scenario' ? location.pathname : `#${view}`);
  if (!opened.has(view)) {
    opened.add(view);
    void FIRST_SHOW[view]();
  }
}

/** Tabs after the WAI-ARIA pattern: click or Enter to open; arrow keys, Home and End move between tabs. */
function initTabs(): void {
  VIEWS.forEach((v, i) => {
    const tab = $(`tab-${v}`);
    tab.addEventListener('click', () => showView(v));
    tab.addEventListener('keydown', (e) => {
      const to = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      showView(VIEWS[to]!, true);
    });
  });
  window.addEventListener('hashchange', () => {
    const v = location.hash.slice(1) as View;
    if (VIEWS.includes(v)) showView(v);
  });
}

async function start(): Promise<void> {
  initTabs();
  initNetwork();
  await Promise.all([initCompare(), initCodes(), initCommentary(), initCascade({ text: () => $<HTMLTextAreaElement>('yaml').value, readings: selectedReadings })]);
  const fromHash = location.hash.slice(1) as View;
  showView(VIEWS.includes(fromHash) ? fromHash : 'scenario');
  const examples = await api<{ id: string; title: string | null }[]>('/scenarios');
  const select = $<HTMLSelectElement>('examples');
  select.replaceChildren(...examples.map((e) => el('option', { value: e.id }, e.title ?? e.id)));
  select.addEventListener('change', () => void loadExample(select.value));
  $('run').addEventListener('click', () => void run());
  $('standing').addEventListener('change', () => {
    if (lastRun) renderPositions(lastRun);
  });
  const initial = examples.find((e) => e.id === 'attack-kursk-2025') ?? examples[0];
  if (initial) {
    select.value = initial.id;
    await loadExample(initial.id);
  }
}

void start();
