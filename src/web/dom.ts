/** Small DOM helpers shared by the workbench's views (no framework). */

export interface ApiError {
  errors: { file: string | null; line: number; col: number; message: string }[];
}

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

export async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  const body = (await r.json()) as T | ApiError;
  if (!r.ok) throw body as ApiError;
  return body as T;
}

/** An API error (or any thrown value) as readable lines. */
export function errorLines(e: unknown): string {
  const errs = (e as ApiError).errors ?? [{ file: null, line: 0, col: 0, message: String(e) }];
  return errs.map((x) => (x.line > 0 ? `${x.file ? `${x.file}, ` : ''}line ${x.line}, column ${x.col}: ${x.message}` : x.message)).join('\n');
}

/**
 * A term with an explanation: shown on hover and on keyboard focus (CSS, .tip), and read out
 * by screen readers as part of the text (the hidden span).
 */
export function term(text: string, explanation: string): HTMLElement {
  return el('span', { class: 'tip', tabindex: '0', 'data-tip': explanation }, text, el('span', { class: 'sr' }, ` (${explanation})`));
}

/** A labelled status message for a view: loading, empty or error. */
export function note(text: string, cls = 'muted'): HTMLElement {
  return el('p', { class: cls }, text);
}

/** Format 2025-06-01 as "1 June 2025" for sentences (dates in tables stay ISO). */
export function longDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

export interface TreatySummary {
  id: string;
  title: string;
  short_title: string | null;
  parties: string[];
  signed: string | null;
}

let treatyList: Promise<TreatySummary[]> | null = null;
/** The corpus, fetched once for every view that offers a choice of treaties. */
export function treaties(): Promise<TreatySummary[]> {
  treatyList ??= api<TreatySummary[]>('/treaties');
  return treatyList;
}

export const treatyLabel = (t: TreatySummary) => t.short_title ?? t.title;
