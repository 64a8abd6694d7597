/**
 * The cascade view: how far an attack could spread through the alliances in force
 * (POST /cascade, a seeded Monte Carlo over the defence rules). The reader chooses the
 * probabilities of honouring a duty and the escalation rule; the view says, every time, that
 * these are the reader's assumptions and not estimates. It shows a plain summary, the two
 * deterministic bounds, each state's chance of ending up at war (a bar chart drawn here), the
 * distribution of the number of states at war, and the duties per treaty.
 */
import { $, api, el, errorLines, longDate, term, treaties, treatyLabel, type TreatySummary } from './dom.js';
import type { CascadeView } from './types.js';
import { AUTOMATICITY_CLASSES, DEFAULT_COMPLIANCE, DEFAULT_RUNS, DEFAULT_SEED, SERVER_MAX_RUNS } from '../cascade/options.js';

type Automaticity = (typeof AUTOMATICITY_CLASSES)[number];

/** The scenario editor of the Scenario view, read when the reader picks "the editor's text". */
export interface EditorSource {
  text: () => string;
  readings: () => string[];
}

const EDITOR = '__editor__';
const SVG = 'http://www.w3.org/2000/svg';

const CLASS_INFO: Record<Automaticity, [string, string]> = {
  automatic: ['automatic duties', 'the treaty says help is due at once or with all means (e.g. Russia–DPRK 2024, Article 4: "immediately … with all means")'],
  discretionary: ['discretionary duties', 'each party decides what help it deems necessary, or acts through its constitutional processes (e.g. NATO Article 5)'],
  unspecified: ['other duties', 'the treaty says neither (no wording on how soon or how much)'],
};

interface ParsedScenario {
  as_of: string;
  events: { date: string; type: string; fields: Record<string, string> }[];
}

let stateNames: Promise<Map<string, string>> | null = null;
function names(): Promise<Map<string, string>> {
  stateNames ??= api<{ id: string; name: string }[]>('/states').then(
    (list) => new Map(list.map((s) => [s.id, s.name])),
    () => new Map(),
  );
  return stateNames;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const fixed1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString('en', { maximumFractionDigits: 1 });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A state's name in a sentence: "the Russian Federation", "Estonia". */
const inSentence = (name: string) => (/^(United |Russian Federation|Democratic |Republic |Union |Netherlands|Islamic Republic|Kingdom |Holy See|Czech Republic|Philippines)/.test(name) ? `the ${name}` : name);

/** "A, B and C" */
function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/* ---------------------------------------------------------------- the form */

function probabilityInputs(cls: Automaticity): HTMLElement {
  const d = DEFAULT_COMPLIANCE[cls];
  const range = el('input', { type: 'range', id: `cas-${cls}-range`, min: '0', max: '1', step: '0.05', value: String(d), 'aria-labelledby': `cas-${cls}-label`, 'aria-describedby': `cas-${cls}-default` });
  const num = el('input', { type: 'number', id: `cas-${cls}`, min: '0', max: '1', step: '0.05', value: String(d), class: 'prob', 'aria-describedby': `cas-${cls}-default` });
  range.addEventListener('input', () => {
    num.value = range.value;
  });
  num.addEventListener('input', () => {
    if (num.value !== '' && Number(num.value) >= 0 && Number(num.value) <= 1) range.value = num.value;
  });
  return el(
    'div',
    { class: 'prob-row' },
    el('label', { for: `cas-${cls}`, id: `cas-${cls}-label` }, term(CLASS_INFO[cls][0], CLASS_INFO[cls][1])),
    range,
    num,
    el('span', { class: 'muted', id: `cas-${cls}-default` }, `default ${d}`),
  );
}

function resetAssumptions(): void {
  for (const cls of AUTOMATICITY_CLASSES) {
    $<HTMLInputElement>(`cas-${cls}`).value = String(DEFAULT_COMPLIANCE[cls]);
    $<HTMLInputElement>(`cas-${cls}-range`).value = String(DEFAULT_COMPLIANCE[cls]);
  }
  $<HTMLInputElement>('cas-runs').value = String(DEFAULT_RUNS);
  $<HTMLInputElement>('cas-seed').value = String(DEFAULT_SEED);
  $<HTMLInputElement>('cas-esc-attack').checked = true;
}

/** The form's values as the query of POST /cascade, or a message saying what to fix. */
function query(): URLSearchParams | string {
  const comply: string[] = [];
  for (const cls of AUTOMATICITY_CLASSES) {
    const v = $<HTMLInputElement>(`cas-${cls}`).value.trim();
    if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(v)) return `The probability for ${CLASS_INFO[cls][0]} must be a number from 0 to 1 (found '${v}').`;
    comply.push(`${cls}=${v}`);
  }
  const runs = $<HTMLInputElement>('cas-runs').value.trim();
  if (!/^\d+$/.test(runs) || Number(runs) < 1 || Number(runs) > SERVER_MAX_RUNS) return `Runs must be a whole number from 1 to ${SERVER_MAX_RUNS} (found '${runs}').`;
  const seed = $<HTMLInputElement>('cas-seed').value.trim();
  if (!/^-?\d+$/.test(seed)) return `The seed must be a whole number (found '${seed}').`;
  const escalation = document.querySelector<HTMLInputElement>('input[name="cas-escalation"]:checked')?.value ?? 'assistance-is-attack';
  return new URLSearchParams({ runs, seed, comply: comply.join(','), escalation, treaties: 'all' });
}

/* ---------------------------------------------------------------- the result */

/** The mean and range of the number of states at war, from the distribution. */
function sizes(r: CascadeView): { mean: number; min: number; max: number } {
  const entries = Object.entries(r.belligerents_distribution).map(([n, p]) => [Number(n), p] as const);
  const mean = entries.reduce((s, [n, p]) => s + n * p, 0);
  const ns = entries.map(([n]) => n);
  return { mean, min: Math.min(...ns), max: Math.max(...ns) };
}

function summary(r: CascadeView, scenario: ParsedScenario, name: (id: string) => string): HTMLElement {
  const attacks = scenario.events.filter((e) => e.type === 'armed_attack' && e.fields.by && e.fields.on);
  const first = attacks[0];
  const what = first ? `the attack by ${inSentence(name(first.fields.by!))} on ${inSentence(name(first.fields.on!))}${attacks.length > 1 ? ` (and ${plural(attacks.length - 1, 'other attack')})` : ''}` : 'the scenario';
  const start = r.bounds.none_honoured.belligerents.length;
  const { mean, min, max } = sizes(r);
  const always = r.states.filter((s) => s.p_belligerent === 1).length;
  const some = r.states.filter((s) => s.p_belligerent > 0 && s.p_belligerent < 1);
  const likely = [...some].sort((a, b) => b.p_belligerent - a.p_belligerent || (a.state < b.state ? -1 : 1)).slice(0, 3);
  const drawn = mean - start;
  const sentences = [
    `In ${plural(r.runs, 'run')} with these assumptions, ${what} drew in ${fixed1(drawn)} ${Math.round(drawn * 10) === 10 ? 'state' : 'states'} on average besides the ${start === 2 ? 'two states' : plural(start, 'state')} already fighting, so ${fixed1(mean)} states were at war in all${min === max ? '' : ` (from ${min} to ${max} in single runs)`}.`,
    always === r.states.filter((s) => s.p_belligerent > 0).length
      ? `Every one of them was at war in every run.`
      : `${plural(always, 'state was', 'states were')} at war in every run, ${plural(some.length, 'other')} only in some${likely.length ? `; the likeliest of those: ${listWords(likely.map((s) => `${name(s.state)} (${pct(s.p_belligerent)})`))}` : ''}.`,
    `If every duty that fell due were honoured, ${plural(r.bounds.all_honoured.belligerents.length, 'state')} would be at war after ${plural(r.bounds.all_honoured.rounds, 'round')}; if none were, ${plural(start, 'state')}.`,
  ];
  return el('p', { class: 'lead', id: 'cas-summary' }, sentences.join(' '));
}

function assumptionsUsed(r: CascadeView): HTMLElement {
  const c = r.assumptions.compliance;
  const esc =
    r.assumptions.escalation === 'assistance-is-attack'
      ? 'a state that honours its duty fights the attacker, which can make the attacker’s own allies’ duties fall due'
      : 'nothing spreads beyond the states that help the first victim';
  return el(
    'div',
    { class: 'assumption-banner', role: 'note', id: 'cas-assumptions' },
    el('strong', {}, 'These probabilities are assumptions you chose, not estimates.'),
    ` This result was computed with: a due duty is honoured with probability ${c.automatic} if automatic, ${c.discretionary} if discretionary, ${c.unspecified} otherwise; escalation: ${esc}; at most ${plural(r.assumptions.max_rounds, 'round')}; seed ${r.seed}. `,
    el('span', { class: 'muted' }, r.assumptions.note),
  );
}

function bounds(r: CascadeView, abbr: (id: string) => HTMLElement): HTMLElement {
  const card = (id: string, title: string, run: CascadeView['bounds']['all_honoured'], rounds: boolean) =>
    el(
      'div',
      { class: 'bound', id },
      el('h3', {}, title),
      el('p', { class: 'big' }, `${plural(run.belligerents.length, 'state')} at war`, rounds ? el('span', { class: 'muted' }, ` after ${plural(run.rounds, 'round')}`) : ''),
      el('p', { class: 'codes' }, ...run.belligerents.flatMap((s, i) => [i ? ', ' : '', abbr(s)])),
    );
  return el(
    'div',
    { class: 'bounds' },
    card('cas-bound-all', 'If every duty that falls due is honoured', r.bounds.all_honoured, true),
    card('cas-bound-none', 'If no duty is honoured', r.bounds.none_honoured, false),
  );
}

/** One horizontal bar per state: the share of runs in which it was at war (solid) and in which a duty of its fell due (pale). */
function barChart(r: CascadeView, name: (id: string) => string, first: Set<string>): SVGSVGElement {
  const rows = [...r.states].sort((a, b) => b.p_belligerent - a.p_belligerent || b.p_duty_due - a.p_duty_due || (a.state < b.state ? -1 : 1));
  const W = 640;
  const ROW = 20;
  const LEFT = 48;
  const RIGHT = 52;
  const TOP = 22;
  const H = TOP + rows.length * ROW + 8;
  const x = (p: number) => LEFT + p * (W - LEFT - RIGHT);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': `Chance of being at war, for each of ${rows.length} states, highest first. The same numbers are in the table below.` });
  // a scale: 0, 50 and 100 per cent
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    chart.append(svg('line', { x1: x(p), x2: x(p), y1: TOP - 4, y2: H - 8, class: p === 0 ? 'axis' : 'grid' }));
    if (p === 0 || p === 0.5 || p === 1) chart.append(svg('text', { x: x(p), y: TOP - 8, 'text-anchor': 'middle', class: 'tick' }, pct(p)));
  }
  rows.forEach((s, i) => {
    const y = TOP + i * ROW;
    const full = `${name(s.state)} (${s.state})`;
    const label = `${full}: at war in ${pct(s.p_belligerent)} of runs; a defence duty of its fell due in ${pct(s.p_duty_due)}${first.has(s.state) ? '; in the first attack' : ''}`;
    const g = svg(
      'g',
      { class: `bar${first.has(s.state) ? ' first' : ''}`, 'data-state': s.state, 'data-p': s.p_belligerent, tabindex: '0', role: 'img', 'aria-label': label },
      svg('title', {}, label),
      svg('rect', { x: 0, y, width: W, height: ROW, class: 'hit' }),
      svg('text', { x: LEFT - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'code' }, s.state),
      svg('rect', { x: LEFT, y: y + 3, width: Math.max(0, x(s.p_duty_due) - LEFT), height: ROW - 6, class: 'due', rx: 2 }),
      svg('rect', { x: LEFT, y: y + 3, width: Math.max(s.p_belligerent > 0 ? 1 : 0, x(s.p_belligerent) - LEFT), height: ROW - 6, class: 'war', rx: 2 }),
      svg('text', { x: W - RIGHT + 6, y: y + ROW / 2 + 4, class: 'value' }, pct(s.p_belligerent)),
    );
    chart.append(g);
  });
  return chart;
}

/** The distribution of the number of states at war, as a small histogram (every count between the smallest and the largest). */
function histogram(r: CascadeView): SVGSVGElement {
  const { min, max } = sizes(r);
  const counts: [number, number][] = [];
  for (let n = min; n <= max; n++) counts.push([n, r.belligerents_distribution[String(n)] ?? 0]);
  const top = Math.max(...counts.map(([, p]) => p));
  const W = 420;
  const H = 170;
  const BASE = H - 30;
  // at most 40 units per count, the bars centred: one or two counts do not fill the width
  const slot = Math.min(40, (W - 40) / counts.length);
  const left = 20 + (W - 40 - slot * counts.length) / 2;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': 'Share of runs by the number of states at war' });
  chart.append(svg('line', { x1: 20, x2: W - 20, y1: BASE, y2: BASE, class: 'axis' }));
  counts.forEach(([n, p], i) => {
    const h = top > 0 ? (p / top) * (BASE - 24) : 0;
    const x0 = left + i * slot;
    const label = `${plural(n, 'state')} at war in ${pct(p)} of runs`;
    chart.append(
      svg(
        'g',
        { class: 'col', 'data-n': n, tabindex: p > 0 ? '0' : '-1', role: 'img', 'aria-label': label },
        svg('title', {}, label),
        svg('rect', { x: x0 + slot * 0.12, y: BASE - h, width: Math.max(1, slot * 0.76), height: h, class: 'war', rx: 1 }),
        p === top ? svg('text', { x: x0 + slot / 2, y: BASE - h - 5, 'text-anchor': 'middle', class: 'value' }, pct(p)) : '',
      ),
    );
  });
  // label the ends and the most frequent count
  const labelled = new Set([min, max, ...counts.filter(([, p]) => p === top).map(([n]) => n).slice(0, 1)]);
  counts.forEach(([n], i) => {
    if (labelled.has(n)) chart.append(svg('text', { x: left + i * slot + slot / 2, y: BASE + 16, 'text-anchor': 'middle', class: 'tick' }, String(n)));
  });
  chart.append(svg('text', { x: W / 2, y: H - 2, 'text-anchor': 'middle', class: 'tick' }, 'number of states at war'));
  return chart;
}

function treatyTable(r: CascadeView, list: TreatySummary[]): HTMLElement {
  const byTreaty = new Map<string, { n: number; due: number; honoured: number; classes: Set<string> }>();
  for (const d of r.duties) {
    const t = d.position.slice(0, d.position.indexOf('/'));
    const x = byTreaty.get(t) ?? { n: 0, due: 0, honoured: 0, classes: new Set<string>() };
    x.n++;
    x.due += d.p_due;
    x.honoured += d.p_due * d.p_honoured_when_due;
    x.classes.add(d.automaticity);
    byTreaty.set(t, x);
  }
  const titles = new Map(list.map((t) => [t.id, treatyLabel(t)]));
  const rows = [...byTreaty.entries()]
    .sort(([a, x], [b, y]) => y.due - x.due || (a < b ? -1 : 1))
    .map(([t, x]) =>
      el(
        'tr',
        { 'data-treaty': t },
        el('td', {}, titles.get(t) ?? t, el('div', { class: 'muted' }, t)),
        el('td', { class: 'num' }, String(x.n)),
        el('td', { class: 'num' }, fixed1(x.due)),
        el('td', { class: 'num' }, fixed1(x.honoured)),
        el('td', {}, [...x.classes].sort().join(', ')),
      ),
    );
  if (rows.length === 0) return el('p', { class: 'muted' }, 'No defence duty fell due in any run.');
  return el(
    'div',
    { class: 'scroll' },
    el(
      'table',
      { id: 'cas-treaties' },
      el(
        'tr',
        {},
        el('th', {}, 'Treaty'),
        el('th', { class: 'num' }, term('duties', 'how many duties (one bearer owing help to one attacked party) fell due in at least one run')),
        el('th', { class: 'num' }, term('due per run', 'on average, how many of them fell due in a run')),
        el('th', { class: 'num' }, term('honoured per run', 'on average, how many were honoured in a run, under your probabilities')),
        el('th', {}, 'kind'),
      ),
      ...rows,
    ),
  );
}

function stateTable(r: CascadeView, name: (id: string) => string): HTMLElement {
  const rows = [...r.states]
    .sort((a, b) => b.p_belligerent - a.p_belligerent || (a.state < b.state ? -1 : 1))
    .map((s) => el('tr', {}, el('td', {}, s.state), el('td', {}, name(s.state)), el('td', { class: 'num' }, pct(s.p_belligerent)), el('td', { class: 'num' }, pct(s.p_duty_due))));
  return el(
    'details',
    {},
    el('summary', {}, `The chart as a table (${plural(rows.length, 'state')})`),
    el('div', { class: 'scroll' }, el('table', { id: 'cas-states' }, el('tr', {}, el('th', {}, 'State'), el('th', {}, 'Name'), el('th', { class: 'num' }, 'at war'), el('th', { class: 'num' }, 'a duty of its fell due')), ...rows)),
  );
}

function dutyList(r: CascadeView): HTMLElement {
  return el(
    'details',
    {},
    el('summary', {}, `Every duty that fell due (${r.duties.length})`),
    el(
      'div',
      { class: 'scroll' },
      el(
        'table',
        { id: 'cas-duties' },
        el('tr', {}, el('th', {}, 'Duty (treaty/rule/bearer–owed to)'), el('th', { class: 'num' }, 'fell due'), el('th', { class: 'num' }, 'honoured when due'), el('th', {}, 'kind')),
        ...r.duties.map((d) => el('tr', {}, el('td', {}, el('code', {}, d.position)), el('td', { class: 'num' }, pct(d.p_due)), el('td', { class: 'num' }, pct(d.p_honoured_when_due)), el('td', {}, d.automaticity))),
      ),
    ),
  );
}

async function render(r: CascadeView, scenario: ParsedScenario): Promise<void> {
  const [states, list] = await Promise.all([names(), treaties().catch(() => [] as TreatySummary[])]);
  const name = (id: string) => states.get(id) ?? id;
  const abbr = (id: string) => el('abbr', { title: name(id) }, id);
  const first = new Set(r.bounds.none_honoured.belligerents);
  $('cas-out').replaceChildren(
    summary(r, scenario, name),
    assumptionsUsed(r),
    bounds(r, abbr),
    el(
      'div',
      { class: 'cascade-layout' },
      el(
        'div',
        {},
        el('h3', {}, 'Chance of being at war, state by state'),
        el(
          'p',
          { class: 'muted' },
          'Share of the runs in which each state ended up at war. ',
          el('span', { class: 'nowrap' }, el('span', { class: 'key war' }, ''), ' at war'),
          ' ',
          el('span', { class: 'nowrap' }, el('span', { class: 'key due' }, ''), ' a defence duty of its fell due'),
          ' ',
          el('span', { class: 'nowrap' }, el('span', { class: 'key first' }, ''), ' in the first attack'),
          '. Hover over or tab to a bar for the state’s name.',
        ),
        el('div', { class: 'chart', id: 'cas-chart' }, barChart(r, name, first)),
        stateTable(r, name),
      ),
      el(
        'div',
        {},
        el('h3', {}, 'How many states were at war'),
        el('p', { class: 'muted' }, 'Share of runs by the number of states at war at the end of the run.'),
        el('div', { class: 'chart', id: 'cas-histogram' }, histogram(r)),
        el('h3', {}, 'Defence duties, treaty by treaty'),
        treatyTable(r, list),
        dutyList(r),
        el('p', { class: 'muted' }, `Runs took ${fixed1(r.mean_rounds)} rounds on average. Judged as of ${longDate(r.as_of)}${r.readings.length ? ` under the readings ${r.readings.join(', ')}` : ' under the default readings'}.`),
      ),
    ),
  );
}

/* ---------------------------------------------------------------- running */

let running = false;

async function runCascade(editor: EditorSource): Promise<void> {
  if (running) return;
  const errors = $('cas-errors');
  errors.textContent = '';
  const q = query();
  if (typeof q === 'string') {
    errors.textContent = q;
    return;
  }
  const source = $<HTMLSelectElement>('cas-scenario').value;
  const out = $('cas-out');
  const status = $('cas-status');
  const button = $<HTMLButtonElement>('cas-run');
  running = true;
  button.disabled = true;
  button.textContent = 'Running…';
  out.setAttribute('aria-busy', 'true');
  out.classList.add('stale');
  const started = Date.now();
  const runs = q.get('runs')!;
  let done = 0;
  const tick = () => {
    const bar = el('progress', { 'aria-label': 'running the cascade', max: runs, value: String(done) });
    status.replaceChildren(bar, ` ${done} of ${runs} runs done… ${Math.round((Date.now() - started) / 1000)} s`);
  };
  tick();
  const timer = setInterval(tick, 1000);
  try {
    let text: string;
    if (source === EDITOR) {
      text = editor.text();
      for (const r of editor.readings()) q.append('reading', r);
    } else {
      const res = await fetch(`/scenarios/${encodeURIComponent(source)}`);
      if (!res.ok) throw await res.json();
      text = await res.text();
    }
    const headers = { 'content-type': 'application/yaml' };
    const scenario = await api<ParsedScenario>('/scenario', { method: 'POST', headers, body: text });
    const result = await streamCascade(`/cascade?${q}&stream=true`, { method: 'POST', headers, body: text }, (n) => {
      done = n;
      tick();
    });
    await render(result, scenario);
    status.textContent = `Done: ${plural(result.runs, 'run')} in ${fixed1((Date.now() - started) / 1000)} s.`;
  } catch (e) {
    errors.textContent = (source === EDITOR ? 'In the Scenario tab’s editor: ' : '') + errorLines(e);
    status.textContent = '';
  } finally {
    clearInterval(timer);
    running = false;
    button.disabled = false;
    button.textContent = 'Run the cascade';
    out.removeAttribute('aria-busy');
    out.classList.remove('stale');
  }
}

/**
 * POST /cascade?stream=true: read the NDJSON progress lines as they come ({done, total}), and
 * return the final {result}; an {errors} line, or an error status, is thrown like api() does.
 */
async function streamCascade(url: string, init: RequestInit, progress: (done: number) => void): Promise<CascadeView> {
  const res = await fetch(url, init);
  if (!res.ok || !res.body) throw await res.json();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      const message = JSON.parse(line) as { done?: number; result?: CascadeView; errors?: unknown };
      if (message.errors) throw message;
      if (message.result) return message.result;
      if (message.done !== undefined) progress(message.done);
    }
    if (done) throw { errors: [{ file: null, line: 0, col: 0, message: 'the server ended the answer before the result' }] };
  }
}

export async function initCascade(editor: EditorSource): Promise<void> {
  const box = $('cas-probs');
  box.append(...AUTOMATICITY_CLASSES.map(probabilityInputs));
  const runs = $<HTMLInputElement>('cas-runs');
  runs.max = String(SERVER_MAX_RUNS);
  runs.value = String(DEFAULT_RUNS);
  $<HTMLInputElement>('cas-seed').value = String(DEFAULT_SEED);
  $('cas-runs-help').textContent = `1 to ${SERVER_MAX_RUNS}; more runs give steadier shares but take longer (about a tenth of a second each for a large cascade).`;
  $('cas-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void runCascade(editor);
  });
  $('cas-reset').addEventListener('click', resetAssumptions);
  const select = $<HTMLSelectElement>('cas-scenario');
  let examples: { id: string; title: string | null }[] = [];
  try {
    examples = await api<{ id: string; title: string | null }[]>('/scenarios');
  } catch {
    // the editor's text remains
  }
  // attacks first: a cascade starts from an armed attack
  const attacks = examples.filter((e) => e.id.startsWith('attack-'));
  select.replaceChildren(
    el('optgroup', { label: 'Examples with an armed attack' }, ...attacks.map((e) => el('option', { value: e.id }, e.title ?? e.id))),
    el('optgroup', { label: 'Other' }, el('option', { value: EDITOR }, 'The scenario in the Scenario tab’s editor (with its readings)'), ...examples.filter((e) => !attacks.includes(e)).map((e) => el('option', { value: e.id }, e.title ?? e.id))),
  );
  select.value = examples.some((e) => e.id === 'attack-estonia-2025') ? 'attack-estonia-2025' : (attacks[0]?.id ?? EDITOR);
}
