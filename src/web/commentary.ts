/**
 * The commentary view: paste or upload an article about a treaty and read what casus finds in
 * it (POST /ingest): quotes and their speakers, references to articles, claims with the
 * readings they support and fact checks against the treaty's recorded facts, dated events,
 * passages that repeat each other and statements that contradict each other. Nothing is stored.
 */
import { $, api, el, errorLines, longDate, note, term, treaties, treatyLabel } from './dom.js';
import type { ClaimOut, DocumentOut, IngestResult } from './types.js';

interface Reading {
  id: string;
  title: string;
  question: string;
}

const VERDICT: Record<string, [string, string]> = {
  true: ['TRUE', 'the claim agrees with the treaty’s recorded facts'],
  false: ['FALSE', 'the claim contradicts the treaty’s recorded facts'],
  unverifiable: ['CANNOT BE CHECKED', 'the claim is about something the treaty’s recorded facts do not settle'],
};

let upload: { name: string; bytes: ArrayBuffer; type: string } | null = null;
const readingTitles = new Map<string, Map<string, Reading>>();

async function readingsOf(treaty: string): Promise<Map<string, Reading>> {
  let m = readingTitles.get(treaty);
  if (!m) {
    m = new Map();
    try {
      for (const r of await api<Reading[]>(`/treaties/${encodeURIComponent(treaty)}/readings`)) m.set(r.id, r);
    } catch {
      // titles are a help only
    }
    readingTitles.set(treaty, m);
  }
  return m;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const lineRef = (n: number) => el('span', { class: 'line' }, `line ${n}`);

function claimItem(c: ClaimOut, readings: Map<string, Reading>): HTMLElement {
  const fc = c.fact_check;
  const verdict = fc
    ? el(
        'div',
        { class: `check v-${fc.verdict}` },
        el('span', { class: `verdict v-${fc.verdict}` }, term(VERDICT[fc.verdict]?.[0] ?? fc.verdict, VERDICT[fc.verdict]?.[1] ?? '')),
        ` The record: ${fc.fact}. `,
        /^https?:\/\//.test(fc.source) ? el('a', { href: fc.source, target: '_blank', rel: 'noopener noreferrer' }, 'source') : el('span', { class: 'muted' }, `source: ${fc.source}`),
      )
    : '';
  return el(
    'li',
    { class: 'claim', 'data-line': String(c.line) },
    el('blockquote', {}, c.text),
    el(
      'div',
      { class: 'meta' },
      lineRef(c.line),
      ` · claimed by ${c.holder}`,
      ...c.articles.map((a) => el('span', { class: 'chip' }, `Article ${a}`)),
      ...c.readings.map((r) => {
        const info = readings.get(r);
        return el('span', { class: 'chip reading' }, term(`supports reading ${r}`, info ? `${info.title} (one answer to the disputed question ${info.question})` : 'one interpretation of a disputed passage'));
      }),
    ),
    verdict,
  );
}

function table(head: string[], rows: (Node | string)[][], id: string): HTMLElement {
  return el('div', { class: 'scroll' }, el('table', { id }, el('tr', {}, ...head.map((h) => el('th', {}, h))), ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))));
}

function documentView(d: DocumentOut, out: IngestResult, readings: Map<string, Reading>): HTMLElement[] {
  const checked = d.claims.filter((c) => c.fact_check);
  const wrong = checked.filter((c) => c.fact_check!.verdict === 'false').length;
  const parts: HTMLElement[] = [
    el(
      'p',
      { class: 'lead', id: 'ing-summary' },
      `${d.file}${d.date ? `, dated ${longDate(d.date)}` : ', undated'}: ${count(d.claims.length, 'claim')} (${checked.length} checked against the treaty, ${wrong} false), ${count(d.quotes.length, 'quote')}, ${count(d.article_refs.length, 'reference')} to articles.`,
    ),
    el('h3', {}, 'Claims'),
    el('p', { class: 'muted' }, 'Statements about the treaty. Where a statement takes a side on disputed wording it is linked to that reading; where it states a checkable fact (a date, a status) it is checked against the treaty’s recorded history.'),
    d.claims.length ? el('ul', { class: 'claims', id: 'ing-claims' }, ...d.claims.map((c) => claimItem(c, readings))) : note('No claims found.'),
    el('h3', {}, 'Quotes'),
    d.quotes.length
      ? table(['Who', 'Said', 'Where'], d.quotes.map((q) => [el('span', {}, el('b', {}, q.speaker), q.affiliation ? el('div', { class: 'muted' }, q.affiliation) : ''), el('q', {}, q.text), lineRef(q.line)]), 'ing-quotes')
      : note('No quotations found.'),
    el('h3', {}, 'Articles mentioned'),
    d.article_refs.length
      ? table(
          ['Wording', 'Refers to', 'How', 'Where'],
          d.article_refs.map((a) => [el('q', {}, a.span), `Article ${a.article} of ${a.treaty}`, a.kind === 'explicit' ? 'by number' : term('by description', 'the text names the article by what it does (e.g. “the mutual defence clause”), not by number'), lineRef(a.line)]),
          'ing-refs',
        )
      : note('No articles mentioned.'),
  ];
  if (d.events.length) {
    parts.push(el('h3', {}, 'Dated events'), table(['Date', 'Sentence', 'Where'], d.events.map((e) => [e.date, e.label, lineRef(e.line)]), 'ing-events'));
  }
  parts.push(
    el('h3', {}, 'Repeated passages'),
    out.near_duplicates.length
      ? el('ul', { id: 'ing-dups' }, ...out.near_duplicates.map((n) => el('li', {}, `Lines ${n.a.lines[0]}–${n.a.lines[1]} and ${n.b.lines[0]}–${n.b.lines[1]} say nearly the same thing (${Math.round(n.similarity * 100)}% of word sequences shared).`)))
      : note('No passage repeats another.'),
    el('h3', {}, 'Contradictions'),
    out.contradictions.length
      ? el('ul', { id: 'ing-contradictions' }, ...out.contradictions.map((c) => el('li', {}, `Line ${c.a.line} and line ${c.b.line}: ${c.why}.`)))
      : note('No statements contradict each other.'),
  );
  return parts;
}

export async function analyse(): Promise<void> {
  const errors = $('ing-errors');
  errors.textContent = '';
  const treaty = $<HTMLSelectElement>('ing-treaty').value || 'rus-prk-2024';
  const params = new URLSearchParams({ treaty });
  const date = $<HTMLInputElement>('ing-date').value;
  if (date) params.set('date', date);
  let body: BodyInit;
  let type: string;
  if (upload) {
    params.set('name', upload.name);
    body = upload.bytes;
    type = upload.type || (/\.x?html?$/i.test(upload.name) ? 'text/html' : 'application/octet-stream');
  } else {
    const text = $<HTMLTextAreaElement>('ing-text').value;
    params.set('name', 'pasted text');
    body = text;
    type = /^\s*</.test(text) ? 'text/html' : 'text/plain';
  }
  $('ing-out').setAttribute('aria-busy', 'true');
  try {
    const [out, readings] = await Promise.all([api<IngestResult>(`/ingest?${params}`, { method: 'POST', headers: { 'content-type': type }, body }), readingsOf(treaty)]);
    $('ing-out').replaceChildren(...out.documents.flatMap((d) => documentView(d, out, readings)));
  } catch (e) {
    errors.textContent = errorLines(e);
    $('ing-out').replaceChildren();
  } finally {
    $('ing-out').removeAttribute('aria-busy');
  }
}

export async function initCommentary(): Promise<void> {
  const list = await treaties();
  const select = $<HTMLSelectElement>('ing-treaty');
  select.replaceChildren(...list.map((t) => el('option', { value: t.id }, `${treatyLabel(t)} (${t.id})`)));
  select.value = list.some((t) => t.id === 'rus-prk-2024') ? 'rus-prk-2024' : (list[0]?.id ?? '');
  const file = $<HTMLInputElement>('ing-file');
  const status = $('ing-file-status');
  const clear = $<HTMLButtonElement>('ing-file-clear');
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    upload = f ? { name: f.name, bytes: await f.arrayBuffer(), type: f.type } : null;
    status.textContent = upload ? `The file ${upload.name} will be analysed (the text box is ignored).` : '';
    clear.hidden = !upload;
  });
  clear.addEventListener('click', () => {
    upload = null;
    file.value = '';
    status.textContent = '';
    clear.hidden = true;
  });
  $('ing-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void analyse();
  });
}
