/**
 * Readings: which interpretation of each contested question is in force for a run.
 * Questions belong to a treaty (`rus-prk-2024:art4.trigger`), except the global `territory`
 * question. A reading named on the command line replaces its question's default; a reading
 * may be qualified by treaty (`rus-prk-2024:art4.state-of-war`) when ids collide.
 */
import type { ReadingDecl, TreatyFile } from '../language/ast.js';
import { statementsOf } from '../language/ast.js';
import { didYouMean, optionError } from '../language/diagnostics.js';
import { DEFAULT_TERRITORY_READING, TERRITORY_QUESTION, TERRITORY_READINGS } from '../language/vocabulary.js';

export interface Question {
  /** `treaty:question`, or `territory` */
  key: string;
  treaty: string | null;
  question: string;
  /** reading ids in declaration order */
  readings: string[];
  defaultReading: string;
}

export interface ReadingCatalog {
  questions: Map<string, Question>;
  /** `treaty:reading` -> declaration (territory readings have none) */
  decls: Map<string, { treaty: string; decl: ReadingDecl }>;
}

export function readingCatalog(treaties: TreatyFile[]): ReadingCatalog {
  const questions = new Map<string, Question>();
  const decls = new Map<string, { treaty: string; decl: ReadingDecl }>();
  questions.set(TERRITORY_QUESTION, {
    key: TERRITORY_QUESTION,
    treaty: null,
    question: TERRITORY_QUESTION,
    readings: Object.keys(TERRITORY_READINGS),
    defaultReading: DEFAULT_TERRITORY_READING,
  });
  for (const t of treaties)
    for (const r of statementsOf(t, 'reading')) {
      const key = `${t.meta.id}:${r.question}`;
      const q = questions.get(key) ?? { key, treaty: t.meta.id, question: r.question, readings: [], defaultReading: '' };
      q.readings.push(r.id);
      if (r.isDefault) q.defaultReading = r.id;
      questions.set(key, q);
      decls.set(`${t.meta.id}:${r.id}`, { treaty: t.meta.id, decl: r });
    }
  return { questions, decls };
}

/** The chosen reading of every question: question key -> reading id. */
export type Selection = Map<string, string>;

/** The question keys a reading id (bare or `treaty:id`) answers. */
export function questionsOfReading(catalog: ReadingCatalog, raw: string): string[] {
  const [treaty, id] = raw.includes(':') ? [raw.slice(0, raw.indexOf(':')), raw.slice(raw.indexOf(':') + 1)] : [null, raw];
  return [...catalog.questions.values()].filter((q) => q.readings.includes(id) && (treaty === null || q.treaty === treaty)).map((q) => q.key);
}

export function selectReadings(catalog: ReadingCatalog, chosen: string[] = []): Selection {
  const selection: Selection = new Map();
  for (const q of catalog.questions.values()) selection.set(q.key, q.defaultReading);
  const setBy = new Map<string, string>();
  const all = [...catalog.questions.values()].flatMap((q) => q.readings.map((r) => (q.treaty ? `${q.treaty}:${r}` : r)));
  for (const raw of chosen) {
    const [treaty, id] = raw.includes(':') ? [raw.slice(0, raw.indexOf(':')), raw.slice(raw.indexOf(':') + 1)] : [null, raw];
    const matches = [...catalog.questions.values()].filter((q) => q.readings.includes(id) && (treaty === null || q.treaty === treaty));
    if (matches.length === 0) {
      const bare = [...new Set(all.map((a) => a.slice(a.indexOf(':') + 1)))];
      throw optionError('--reading', `unknown reading '${raw}'${didYouMean(id, bare)}; run 'casus readings <treaty>' to list them`);
    }
    for (const q of matches) {
      const prior = setBy.get(q.key);
      if (prior !== undefined && prior !== raw) throw optionError('--reading', `readings '${prior}' and '${raw}' answer the same question '${q.question}'; choose one`);
      setBy.set(q.key, raw);
      selection.set(q.key, id);
    }
  }
  return selection;
}

const idsOf = new WeakMap<Selection, string[]>();

/** The reading ids of a selection, sorted, without duplicates: the `readings` of the JSON output. */
export function selectedIds(selection: Selection): string[] {
  let ids = idsOf.get(selection);
  if (!ids) {
    ids = Object.freeze([...new Set(selection.values())].sort()) as string[];
    idsOf.set(selection, ids);
  }
  return ids;
}

/** Is reading `id` chosen for treaty `treaty`? */
export function isSelected(selection: Selection, catalog: ReadingCatalog, treaty: string, id: string): boolean {
  if (id in TERRITORY_READINGS) return selection.get(TERRITORY_QUESTION) === id;
  const d = catalog.decls.get(`${treaty}:${id}`);
  return d !== undefined && selection.get(`${treaty}:${d.decl.question}`) === id;
}

/** The question key a reading id belongs to, within a treaty. */
export function questionOf(catalog: ReadingCatalog, treaty: string, id: string): string | null {
  if (id in TERRITORY_READINGS) return TERRITORY_QUESTION;
  const d = catalog.decls.get(`${treaty}:${id}`);
  return d ? `${treaty}:${d.decl.question}` : null;
}
