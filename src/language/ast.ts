/**
 * Syntax tree of a casus treaty file.
 *
 * A treaty file is literate Markdown: YAML front matter (metadata), then one section per
 * article holding the article's text and fenced ```casus blocks with its formal rules.
 * The parser (parser.ts) builds this tree; the printer (printer.ts) prints it back; the
 * checker (check.ts) validates names against the vocabulary; the engine compiles it.
 */

/** A 1-based source position. */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

export type Modality = 'obligation' | 'permission' | 'prohibition';
export const MODALITIES: readonly Modality[] = ['obligation', 'permission', 'prohibition'];
/** How each modality reads in a sentence: "PRK must …". */
export const MODAL_VERB: Record<Modality, string> = { obligation: 'must', permission: 'may', prohibition: 'must not' };

/** Who bears a rule, or for whom it is owed. */
export type PartyRef =
  | { kind: 'each' } // "each party": one position per party
  | { kind: 'other' } // "other party": every party except the bearer
  | { kind: 'state'; code: string }; // a named party, ISO 3166-1 alpha-3

/** A value in a condition. */
export type Value =
  | { kind: 'role'; role: 'bearer' | 'counterparty' }
  | { kind: 'parties' } // the set of the treaty's parties
  | { kind: 'state'; code: string }
  | { kind: 'symbol'; name: string } // an enumerated value such as `military`
  | { kind: 'list'; items: Value[] }
  /** territory of a state: depends on the `territory.*` reading */
  | { kind: 'territory-of'; of: Value }
  /** territory under a state's administration (US–Japan Art. V) */
  | { kind: 'administered-by'; of: Value }
  /** territories tagged with a region in data/territories.yaml (NATO Art. 6, ANZUS Art. IV) */
  | { kind: 'region'; name: string }
  /** states that made an armed attack on the given state (Russia–Iran Art. 3) */
  | { kind: 'attackers-of'; of: Value };

export type CompareOp = '=' | '!=' | 'in' | 'not in';

export type Cond =
  | { kind: 'and'; items: Cond[] }
  | { kind: 'or'; items: Cond[] }
  | { kind: 'not'; item: Cond }
  | { kind: 'compare'; field: string; op: CompareOp; value: Value; loc: Loc }
  | { kind: 'reading'; id: string; loc: Loc };

/** `armed_attack where on = counterparty and territory in territory-of(counterparty)` */
export interface EventPattern {
  type: string;
  where: Cond | null;
  loc: Loc;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'year';
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** A deadline: a fixed duration, or a named assumption such as `immediately`. */
export type Deadline = { kind: 'duration'; duration: Duration } | { kind: 'assumption'; name: string };

export type TimePoint =
  | { kind: 'entry-into-force' }
  | { kind: 'termination' }
  | { kind: 'date'; date: string }
  /** `10 years after entry-into-force` (NATO Art. 12) */
  | { kind: 'after-entry-into-force'; duration: Duration };

/** One line of a rule. `guard` lists readings: the clause holds only when one of them is chosen. */
export type RuleClause = { guard: string[] | null; loc: Loc; comments?: string[] } & (
  | { clause: 'bearer'; party: PartyRef }
  | { clause: 'counterparty'; party: PartyRef }
  | { clause: 'action'; name: string }
  | { clause: 'when'; event: EventPattern }
  | { clause: 'if'; cond: Cond }
  | { clause: 'unless'; cond: Cond }
  | { clause: 'within'; deadline: Deadline; text: string | null }
  | { clause: 'qualifier'; name: string; text: string | null }
  | { clause: 'from'; point: TimePoint }
  | { clause: 'until'; point: TimePoint }
  | { clause: 'fulfilled-by'; event: EventPattern }
  | { clause: 'violated-by'; event: EventPattern }
  | { clause: 'see'; article: string }
  | { clause: 'inoperative'; text: string | null }
  | { clause: 'note'; text: string }
);
export type RuleClauseKind = RuleClause['clause'];

export interface RuleDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'rule';
  modality: Modality;
  name: string;
  title: string | null;
  clauses: RuleClause[];
  loc: Loc;
}

export interface ReadingHolder {
  who: string;
  source: string;
  line: number | null;
}

/** A named interpretation of a contested clause; readings sharing a `question` are alternatives. */
export interface ReadingDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'reading';
  id: string;
  title: string;
  question: string;
  isDefault: boolean;
  holders: ReadingHolder[];
  summary: string | null;
  loc: Loc;
}

/** `assume immediately = 7 days "..."`: a modelling assumption, never treaty text. */
export interface AssumeDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'assume';
  name: string;
  duration: Duration;
  text: string | null;
  loc: Loc;
}

/** Entry into force: which steps are required, which event completes them, and any delay. */
export interface EntryIntoForceDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'entry-into-force';
  requires: { event: string; by: 'each-party'; loc: Loc }[];
  when: EventPattern[];
  delay: Duration | null;
  loc: Loc;
}

export interface TerminationDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'termination';
  when: EventPattern[];
  notice: Duration | 'unknown';
  notBefore: Duration | null;
  text: string | null;
  loc: Loc;
}

/**
 * One party leaves a multilateral treaty by notice, and the treaty goes on for the others
 * (NATO Art. 13); same clauses as `termination`.
 */
export interface WithdrawalDecl extends Omit<TerminationDecl, 'kind'> {
  kind: 'withdrawal';
}

export interface DurationDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'duration';
  term: Duration | 'indefinite' | 'unknown';
  renew: Duration | null;
  text: string | null;
  loc: Loc;
}

/** This treaty ends another one when it enters into force. */
export interface SupersedesDecl {
  /** `#` comment lines written above (or inside) the statement, kept by the formatter */
  comments?: string[];
  kind: 'supersedes';
  treaty: string;
  text: string | null;
  loc: Loc;
}

export type Statement = RuleDecl | ReadingDecl | AssumeDecl | EntryIntoForceDecl | TerminationDecl | WithdrawalDecl | DurationDecl | SupersedesDecl;

/** A fenced ```casus block: its statements, and where it sits in the file. */
export interface RuleBlock {
  statements: Statement[];
  /** line of the opening fence */
  line: number;
}

/** How reliable an article's text is (see shared reference README). */
export type TextStatus = 'quoted-official' | 'quoted-unofficial' | 'paraphrase' | 'unknown';
export const TEXT_STATUSES: readonly TextStatus[] = ['quoted-official', 'quoted-unofficial', 'paraphrase', 'unknown'];

export interface Article {
  /** arabic number as a string ("4"), or "preamble" */
  key: string;
  /** as written in the heading: "4", "IV", "Preamble" */
  label: string;
  title: string;
  status: TextStatus;
  sources: string[];
  /** nicknames used in commentary ("mutual defence clause") */
  aliases: string[];
  /** the article's text: quoted lines and prose, as written */
  text: string;
  blocks: RuleBlock[];
  loc: Loc;
}

/** A dated fact from the treaty's own history, as recorded in its front matter. */
export interface RecordedEvent {
  date: string;
  type: string;
  fields: Record<string, string>;
  source: string | null;
  loc: Loc;
}

export interface TreatyMeta {
  id: string;
  title: string;
  shortTitle: string | null;
  parties: string[];
  signed: { date: string | null; place: string | null };
  sources: string[];
  history: RecordedEvent[];
  textStatus: string | null;
  /** where each party code stands in the front matter, for error positions */
  partyLocs: Loc[];
  /** the number of articles the full text has (front matter `articles`), when known */
  articleCount: number | null;
  notes: string[];
}

export interface TreatyFile {
  file: string;
  meta: TreatyMeta;
  /** the raw front matter text, kept for the printer */
  frontMatter: string;
  /** Markdown between front matter and the first article */
  intro: string;
  articles: Article[];
}

const byKind = new WeakMap<TreatyFile, Map<string, Statement[]>>();

/** All statements of a kind across a treaty, in file order (memoised: trees are not mutated after parsing). */
export function statementsOf<K extends Statement['kind']>(treaty: TreatyFile, kind: K): Extract<Statement, { kind: K }>[] {
  let m = byKind.get(treaty);
  if (!m) {
    m = new Map();
    byKind.set(treaty, m);
  }
  let out = m.get(kind);
  if (!out) {
    out = [];
    for (const article of treaty.articles) for (const block of article.blocks) for (const s of block.statements) if (s.kind === kind) out.push(s);
    m.set(kind, out);
  }
  return out as Extract<Statement, { kind: K }>[];
}

/** Every rule with the article it belongs to. */
export function rulesOf(treaty: TreatyFile): { article: Article; rule: RuleDecl }[] {
  const out: { article: Article; rule: RuleDecl }[] = [];
  for (const article of treaty.articles)
    for (const block of article.blocks) for (const s of block.statements) if (s.kind === 'rule') out.push({ article, rule: s });
  return out;
}

/** Article numbers may be written in Roman numerals (NATO, ANZUS); keys are arabic. */
export function romanToArabic(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]!];
    const next = values[s[i + 1] ?? ''] ?? 0;
    if (v === undefined) return null;
    total += v < next ? -v : v;
  }
  return total;
}
