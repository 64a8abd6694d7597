/**
 * The corpus views of the workbench: the alliance network at a date, a clause-by-clause
 * comparison of 2–4 treaties, and the provision codes of one treaty or all. Each is a thin view
 * over one endpoint (/network, /compare, /codes); the words here only explain.
 */
import { $, api, el, errorLines, longDate, note, term, treaties, treatyLabel } from './dom.js';
import type { CodeConditions, CodeKind, Comparison, Network, ProvisionCode, TreatyCodes } from './types.js';

/** Plain-language names of the provision codes (docs/provision-codes.md is the codebook). */
export const CODE_INFO: Record<CodeKind, { label: string; explain: string }> = {
  defence: { label: 'defence', explain: 'must help the other party if it is attacked' },
  offence: { label: 'offence', explain: 'must join the other party in a war it starts' },
  neutrality: { label: 'neutrality', explain: 'must not help whoever attacks the other party' },
  'non-aggression': { label: 'non-aggression', explain: 'must not attack the other party' },
  consultation: { label: 'consultation', explain: 'must talk with the other party, e.g. when a threat appears' },
  'no-competing-alliance': { label: 'no hostile alliances', explain: 'must not join alliances or agreements aimed at the other party' },
  'no-hostile-territory-use': { label: 'no hostile use of territory', explain: 'must not let its territory be used against the other party' },
  'military-aid': { label: 'military cooperation', explain: 'a standing duty to build military capacity together (arms, joint mechanisms, cooperation)' },
  bases: { label: 'bases', explain: 'may station forces or use bases on the other party’s territory' },
};

const codeTerm = (k: string) => {
  const info = CODE_INFO[k as CodeKind];
  return info ? term(info.label, info.explain) : document.createTextNode(k);
};

/* ---------------------------------------------------------------- network */

/** The edge colours, read from the drawing's own legend so that the two never disagree. */
function legendColours(svg: SVGSVGElement): Map<string, string> {
  const out = new Map<string, string>();
  svg.querySelectorAll('#legend line').forEach((line) => {
    const text = line.nextElementSibling;
    const stroke = line.getAttribute('stroke');
    if (text?.tagName === 'text' && stroke && !line.hasAttribute('stroke-dasharray')) out.set(text.textContent ?? '', stroke);
  });
  return out;
}

let networkShown = '';

export async function showNetwork(date: string): Promise<void> {
  const out = $('net-out');
  const errors = $('net-errors');
  errors.textContent = '';
  if (date === networkShown) return;
  out.setAttribute('aria-busy', 'true');
  try {
    const q = encodeURIComponent(date);
    const [n, svgText] = await Promise.all([
      api<Network>(`/network?as_of=${q}`),
      fetch(`/network?as_of=${q}&format=svg`).then(async (r) => {
        if (!r.ok) throw await r.json();
        return r.text();
      }),
    ]);
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    // scale to the page: keep the drawing's viewBox, drop its fixed size
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Alliance network on ${date}: ${n.treaties.length} treaties in force among ${n.nodes.length} states. The same links are listed in the table below.`);
    const colours = legendColours(svg);
    // the page explains the colours beside the drawing (below): leave the drawing's own legend out
    out.replaceChildren(el('div', { id: 'net-svg' }, svg));
    const svgLegend = svg.querySelector('#legend') as SVGGraphicsElement | null;
    const legendBox = svgLegend?.getBBox();
    const box = svg.viewBox.baseVal;
    if (svgLegend && legendBox && legendBox.x > box.width / 2) {
      svg.setAttribute('viewBox', `0 0 ${Math.round(legendBox.x - 10)} ${box.height}`);
      svgLegend.setAttribute('display', 'none');
    }
    const used = [...new Set(n.edges.map((e) => e.type))];
    const legend = el(
      'ul',
      { class: 'legend' },
      ...used.map((k) => el('li', {}, el('span', { class: 'swatch', style: `background:${colours.get(k) ?? '#999'}`, 'aria-hidden': 'true' }), el('b', {}, CODE_INFO[k]?.label ?? k), ` — ${CODE_INFO[k]?.explain ?? ''}`)),
      el('li', {}, el('span', { class: 'swatch dashed', 'aria-hidden': 'true' }), el('b', {}, 'dashed line'), ' — the treaty was signed but its entry into force is not recorded'),
      el('li', {}, el('span', { class: 'swatch hub', 'aria-hidden': 'true' }), el('b', {}, 'box'), ' — a treaty with more than two parties, drawn as a hub joined to each member'),
      el('li', {}, el('span', { class: 'swatch arrow', 'aria-hidden': 'true' }, '→'), el('b', {}, 'arrow'), ' — a duty owed one way only; lines without arrows are owed both ways'),
    );
    const states = new Map(n.nodes.map((s) => [s.id, s.name]));
    const name = (id: string) => el('abbr', { title: states.get(id) ?? id }, id);
    const treatyRows = n.treaties.map((t) =>
      el('tr', { 'data-treaty': t.id }, el('td', {}, t.id), el('td', {}, t.certainty === 'unverified' ? 'signed; entry into force not recorded' : `in force since ${t.since ?? '?'}`), el('td', {}, t.parties.length > 6 ? `${t.parties.length} states` : t.parties.join(', '))),
    );
    const edgeRows = n.edges.map((e) =>
      el(
        'tr',
        { 'data-edge': `${e.a}${e.directed ? '->' : '-'}${e.b} ${e.type} ${e.treaty}` },
        el('td', {}, name(e.a), e.directed ? ' → ' : ' ↔ ', name(e.b)),
        el('td', {}, codeTerm(e.type)),
        el('td', {}, e.treaty),
        el('td', { class: 'muted' }, e.rules.join(', ')),
      ),
    );
    out.replaceChildren(
      el('p', { class: 'lead', id: 'net-summary' }, `On ${longDate(n.as_of)}, ${n.treaties.length} treaties of this collection were in force, linking ${n.nodes.length} states.`),
      el('div', { class: 'network-layout' }, el('div', { class: 'drawing', id: 'net-svg' }, svg), el('div', {}, el('h3', {}, 'How to read it'), el('p', { class: 'muted' }, 'Each circle is a state (hover for its name). Each line is a kind of promise one treaty makes between two states; its colour says which.'), legend)),
      el('h3', {}, 'Treaties in force on this date'),
      el('div', { class: 'scroll' }, el('table', { id: 'net-treaties' }, el('tr', {}, el('th', {}, 'Treaty'), el('th', {}, 'Status'), el('th', {}, 'Parties')), ...treatyRows)),
      el('details', {}, el('summary', {}, `Every link as a table (${n.edges.length})`), el('div', { class: 'scroll' }, el('table', { id: 'net-edges' }, el('tr', {}, el('th', {}, 'States'), el('th', {}, 'Kind of promise'), el('th', {}, 'Treaty'), el('th', {}, 'Rules')), ...edgeRows))),
    );
    networkShown = date;
  } catch (e) {
    errors.textContent = errorLines(e);
  } finally {
    out.removeAttribute('aria-busy');
  }
}

export function initNetwork(): void {
  const date = $<HTMLInputElement>('net-date');
  $('net-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void showNetwork(date.value);
  });
  document.querySelectorAll<HTMLButtonElement>('#net-form button[data-date]').forEach((b) =>
    b.addEventListener('click', () => {
      date.value = b.dataset.date!;
    }),
  );
}

/* ---------------------------------------------------------------- compare */

const FIELD_INFO: Record<string, [string, string]> = {
  parties: ['parties', 'the states bound by the treaty'],
  signed: ['signed', 'the date of signature'],
  in_force: ['entered into force', 'the date from which the treaty binds its parties'],
  ended: ['ended', 'terminated, or replaced by a later treaty (superseded)'],
  duration: ['duration', 'how long the treaty runs'],
  supersedes: ['replaces', 'an earlier treaty this one takes the place of'],
  present: ['has such a clause', 'whether the treaty contains this kind of promise at all'],
  clauses: ['where', 'the article and rule that contain it'],
  bearers: ['who must act', 'the parties that bear the duty'],
  trigger: ['what sets it off', 'the kind of event that makes the duty due; "none" means it is always in effect'],
  named_adversary: ['named adversary', 'a state the clause names as the attacker'],
  geographic_limit: ['only in a region', 'the duty applies only to attacks in this area'],
  automaticity: ['automatic?', 'automatic: help is due without a further decision; discretionary: each party decides what it deems necessary'],
  deadline: ['how soon', 'the deadline as the treaty words it'],
  requires_state_of_war: ['needs a formal state of war?', 'the duty applies only once a party is formally at war, not after any attack'],
  requires_prior_consultation: ['needs talks first?', 'the parties must consult before the duty is due'],
  un_art51: ['UN Charter, Article 51', 'Article 51 allows self-defence against an armed attack, reported to the Security Council. "reference": the clause mentions it; "operative": the duty waits for such a report'],
  domestic_law_gate: ['subject to national law?', 'the clause says help is given in accordance with each party’s own laws'],
};

const fieldTerm = (f: string) => {
  const info = FIELD_INFO[f];
  return info ? term(info[0], info[1]) : document.createTextNode(f.replace(/_/g, ' '));
};

/** A cell such as "no; yes under art4.state-of-war": the value, then the value under each other reading. */
function compareCell(text: string, field: string): HTMLElement {
  const parts = text.split('; ');
  const main: string[] = [];
  const alts: HTMLElement[] = [];
  for (const p of parts) {
    const m = /^(.*) under ([a-z0-9][\w.-]*)$/.exec(p);
    if (m) alts.push(el('div', { class: 'alt' }, 'under reading ', el('code', {}, m[2]!), `: ${m[1]}`));
    else main.push(field === 'trigger' ? p.replace(/_/g, ' ') : p);
  }
  return el('td', {}, el('div', {}, main.join('; ')), ...alts);
}

let compareData: Comparison | null = null;

function renderComparison(): void {
  const cmp = compareData;
  if (!cmp) return;
  const onlyDiff = $<HTMLInputElement>('cmp-diff').checked;
  const table = el('table', { id: 'cmp-table', class: 'compare' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), ...cmp.treaties.map((t) => el('th', { scope: 'col' }, t.short_title ?? t.title, el('div', { class: 'muted' }, t.id))))));
  const body = el('tbody');
  let section = '';
  for (const r of cmp.rows) {
    if (onlyDiff && !r.differs) continue;
    if (r.section !== section) {
      section = r.section;
      const title = r.section === 'lifecycle' ? el('span', {}, 'The treaty itself') : el('span', {}, 'Promise of ', codeTerm(r.section));
      body.append(el('tr', { class: 'section' }, el('th', { colspan: String(cmp.treaties.length + 1), scope: 'colgroup' }, title)));
    }
    const label = el('th', { scope: 'row' }, fieldTerm(r.field));
    if (r.differs) label.append(el('span', { class: 'badge', title: 'the treaties differ here' }, '≠ differs'));
    body.append(el('tr', { class: r.differs ? 'differs' : 'same', 'data-section': r.section, 'data-field': r.field }, label, ...cmp.treaties.map((t) => compareCell(r.values[t.id] ?? '', r.field))));
  }
  table.append(body);
  const n = cmp.rows.filter((r) => r.differs).length;
  $('cmp-out').replaceChildren(
    el('p', { class: 'lead' }, `${n} of ${cmp.rows.length} rows differ (highlighted). A value “under reading …” is the answer if a disputed passage is read another way.`),
    el('div', { class: 'scroll' }, table),
  );
}

export async function showComparison(): Promise<void> {
  const ids = [...document.querySelectorAll<HTMLInputElement>('#cmp-pick input:checked')].map((i) => i.value);
  $('cmp-errors').textContent = '';
  if (ids.length < 2 || ids.length > 4) {
    $('cmp-errors').textContent = `Pick between two and four treaties (now ${ids.length}).`;
    return;
  }
  try {
    compareData = await api<Comparison>(`/compare?treaties=${ids.map(encodeURIComponent).join(',')}`);
    renderComparison();
  } catch (e) {
    $('cmp-errors').textContent = errorLines(e);
  }
}

const DEFAULT_COMPARE = ['sun-prk-1961', 'rus-prk-2000', 'rus-prk-2024'];

export async function initCompare(): Promise<void> {
  const list = await treaties();
  const box = $('cmp-pick');
  const limit = () => {
    const boxes = [...box.querySelectorAll<HTMLInputElement>('input')];
    const n = boxes.filter((b) => b.checked).length;
    for (const b of boxes) b.disabled = !b.checked && n >= 4;
    $('cmp-count').textContent = `${n} chosen`;
  };
  for (const t of [...list].sort((a, b) => (a.signed ?? '').localeCompare(b.signed ?? ''))) {
    const input = el('input', { type: 'checkbox', value: t.id });
    input.checked = DEFAULT_COMPARE.includes(t.id);
    input.addEventListener('change', limit);
    box.append(el('label', {}, input, el('span', {}, treatyLabel(t), ' ', el('span', { class: 'muted' }, t.id))));
  }
  limit();
  $('cmp-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void showComparison();
  });
  $('cmp-diff').addEventListener('change', renderComparison);
}

/* ---------------------------------------------------------------- codes */

/** The conditions that say something, in plain words. */
function conditionWords(c: CodeConditions): string[] {
  const out: string[] = [];
  out.push(c.trigger.length ? `set off by: ${c.trigger.map((t) => t.replace(/_/g, ' ')).join(', ')}` : 'standing duty (always in effect)');
  if (c.named_adversary.length) out.push(`only against: ${c.named_adversary.join(', ')}`);
  if (c.geographic_limit.length) out.push(`only in: ${c.geographic_limit.join(', ')}`);
  if (c.automaticity !== 'unspecified') out.push(c.automaticity);
  if (c.deadline) out.push(`deadline: ${c.deadline}`);
  if (c.requires_state_of_war) out.push('needs a formal state of war');
  if (c.requires_prior_consultation) out.push('needs talks first');
  if (c.un_art51 !== 'none') out.push(c.un_art51 === 'operative' ? 'waits for a UN Article 51 report' : 'mentions UN Charter Article 51');
  if (c.domestic_law_gate) out.push('subject to national law');
  return out;
}

const articleName = (c: ProvisionCode) => (/^\d+$/.test(c.rule.article) ? `Article ${c.rule.label}` : /^[IVXLC]+$/.test(c.rule.label) ? `Article ${c.rule.label}` : c.rule.label);

function codesTable(t: TreatyCodes): HTMLElement {
  const rows = t.codes.map((c) =>
    el(
      'tr',
      { 'data-code': c.id },
      el('td', {}, codeTerm(c.code), c.atop ? el('div', { class: 'muted' }, term(c.atop, 'the nearest variable of the ATOP alliance dataset, which political scientists use to code alliances')) : ''),
      el('td', {}, `${c.bearers.length === t.parties.length ? 'each party' : c.bearers.join(', ')}`, c.owed_to.length ? el('div', { class: 'muted' }, `owed to ${c.owed_to.join(', ')}`) : ''),
      el('td', {}, el('ul', { class: 'plain' }, ...conditionWords(c.conditions).map((w) => el('li', {}, w)))),
      el('td', {}, `${articleName(c)}`, el('div', { class: 'muted' }, el('code', {}, c.rule.rule), ` · text ${c.rule.text_status.replace(/-/g, ' ')}`)),
      el('td', {}, c.depends_on.length ? el('span', {}, ...c.depends_on.map((q) => el('code', { class: 'chip' }, q))) : el('span', { class: 'muted' }, 'no')),
    ),
  );
  const variations = t.variations.flatMap((v) =>
    v.changes
      .filter((ch) => ch.field !== 'trigger')
      .map((ch) =>
        el(
          'li',
          {},
          'Under reading ',
          el('code', {}, v.reading),
          ` (instead of `,
          el('code', {}, v.default_reading),
          `): ${CODE_INFO[ch.code]?.label ?? ch.code} ${ch.field === 'present' ? (ch.to === 'yes' ? 'appears' : 'disappears') : `— ${FIELD_INFO[ch.field]?.[0] ?? ch.field}: ${ch.from} → ${ch.to}`}`,
        ),
      ),
  );
  return el(
    'section',
    { class: 'codes-treaty', 'data-treaty': t.treaty },
    el('h3', {}, t.short_title ?? t.title, ' ', el('span', { class: 'muted' }, t.treaty)),
    el('p', { class: 'muted' }, `Parties: ${t.parties.join(', ')} · duration: ${t.duration ?? 'not encoded'}${t.supersedes.length ? ` · replaces ${t.supersedes.join(', ')}` : ''}`),
    t.codes.length
      ? el(
          'div',
          { class: 'scroll' },
          el('table', { class: 'codes' }, el('tr', {}, el('th', {}, 'Kind of promise'), el('th', {}, 'Who'), el('th', {}, 'Conditions'), el('th', {}, 'Where in the text'), el('th', {}, term('Depends on a reading?', 'whether the answer changes if a disputed passage is read another way'))), ...rows),
        )
      : note('No coded provisions.'),
    variations.length ? el('details', {}, el('summary', {}, `How other readings change these codes (${variations.length})`), el('ul', {}, ...variations)) : '',
  );
}

export async function showCodes(id: string): Promise<void> {
  $('codes-errors').textContent = '';
  try {
    const all = await api<TreatyCodes[]>(`/codes?treaty=${encodeURIComponent(id)}`);
    const n = all.reduce((s, t) => s + t.codes.length, 0);
    $('codes-out').replaceChildren(el('p', { class: 'lead' }, `${n} coded provisions in ${all.length} ${all.length === 1 ? 'treaty' : 'treaties'}.`), ...all.map(codesTable));
  } catch (e) {
    $('codes-errors').textContent = errorLines(e);
  }
}

export async function initCodes(): Promise<void> {
  const list = await treaties();
  const select = $<HTMLSelectElement>('codes-treaty');
  select.replaceChildren(el('option', { value: 'all' }, 'All treaties'), ...list.map((t) => el('option', { value: t.id }, `${treatyLabel(t)} (${t.id})`)));
  select.value = list.some((t) => t.id === 'rus-prk-2024') ? 'rus-prk-2024' : 'all';
  select.addEventListener('change', () => void showCodes(select.value));
}
