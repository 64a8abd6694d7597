/**
 * Provision codes derived from the rules, never typed by hand.
 *
 * Political scientists code alliances by reading them (the ATOP project's DEFENSE, OFFENSE,
 * NEUTRAL, NONAGG, CONSUL … variables). casus derives comparable codes from the formal rules:
 * each rule is classified by its structure (modality, triggering events, fulfilling and
 * violating events, qualifiers, and — as a last resort — its action name), and its conditions
 * (geographic limit, automaticity, state of war, prior consultation, Article 51, domestic law)
 * are read off the clauses that are active under a reading selection. Every code names the rule
 * that produced it. docs/provision-codes.md is the codebook; keep the two in step.
 *
 * Rules have clauses guarded by readings, so codes are computed under the default readings and
 * again under each other reading of each question of the treaty (one question at a time): the
 * `variations` say which codes appear, disappear or change.
 */
import type { Cond, EventPattern, RuleClause, RuleDecl, TreatyFile, Value } from '../language/ast.js';
import { rulesOf, statementsOf } from '../language/ast.js';
import { ruleId } from '../language/check.js';
import { isSelected, readingCatalog, selectReadings, type ReadingCatalog, type Selection } from '../engine/readings.js';
import type { CodeChange, CodeConditions, CodeKind, CodeVariation, ProvisionCode, TreatyCodes } from './types.js';
import { printDuration } from '../language/printer.js';

export type { Automaticity, Art51, CodeChange, CodeConditions, CodeKind, CodeVariation, ProvisionCode, RuleRef, TreatyCodes } from './types.js';

export const CODE_KINDS = [
  'defence',
  'offence',
  'neutrality',
  'non-aggression',
  'consultation',
  'no-competing-alliance',
  'no-hostile-territory-use',
  'military-aid',
  'bases',
] as const satisfies readonly CodeKind[];
// and every CodeKind is listed: this line fails to compile if one is missing
const ALL_KINDS_LISTED: Exclude<CodeKind, (typeof CODE_KINDS)[number]> extends never ? true : false = true;
void ALL_KINDS_LISTED;

/** The ATOP variable each code corresponds to, and how closely (see docs/provision-codes.md). */
export const ATOP: Record<CodeKind, { variable: string | null; fit: 'close' | 'loose' | 'none' }> = {
  defence: { variable: 'DEFENSE', fit: 'close' },
  offence: { variable: 'OFFENSE', fit: 'close' },
  neutrality: { variable: 'NEUTRAL', fit: 'close' },
  'non-aggression': { variable: 'NONAGG', fit: 'close' },
  consultation: { variable: 'CONSUL', fit: 'close' },
  'no-competing-alliance': { variable: 'COMPAG', fit: 'loose' },
  'no-hostile-territory-use': { variable: null, fit: 'none' },
  'military-aid': { variable: 'MILAID', fit: 'loose' },
  bases: { variable: 'BASE', fit: 'loose' },
};

export function partiesEver(t: TreatyFile): string[] {
  const out = new Set(t.meta.parties);
  for (const h of t.meta.history) if (h.type === 'accession' && h.fields.party) out.add(h.fields.party);
  return [...out];
}

export function durationOf(t: TreatyFile): string | null {
  const d = statementsOf(t, 'duration')[0];
  if (!d) return null;
  const term = typeof d.term === 'string' ? d.term : printDuration(d.term);
  return d.renew ? `${term}, renewed for ${printDuration(d.renew)}` : term;
}

// ---- reading the clauses --------------------------------------------------------------------

function walkValues(c: Cond | null, f: (field: string, op: string, v: Value) => void): void {
  if (!c) return;
  if (c.kind === 'and' || c.kind === 'or') c.items.forEach((i) => walkValues(i, f));
  else if (c.kind === 'not') walkValues(c.item, f);
  else if (c.kind === 'compare') f(c.field, c.op, c.value);
}

function flatValues(v: Value): Value[] {
  if (v.kind === 'list') return v.items.flatMap(flatValues);
  return [v];
}

function mentions(e: EventPattern, field: string, test: (v: Value, op: string) => boolean): boolean {
  let hit = false;
  walkValues(e.where, (fld, op, v) => {
    if (fld === field && flatValues(v).some((x) => test(x, op))) hit = true;
  });
  return hit;
}

const isRole = (role: 'bearer' | 'counterparty') => (v: Value, op: string) => v.kind === 'role' && v.role === role && (op === '=' || op === 'in');

/** Is the reading-only condition of an `if`/`unless` clause true under the selection? */
function readingCond(c: Cond, has: (id: string) => boolean): boolean {
  switch (c.kind) {
    case 'and':
      return c.items.every((i) => readingCond(i, has));
    case 'or':
      return c.items.some((i) => readingCond(i, has));
    case 'not':
      return !readingCond(c.item, has);
    case 'reading':
      return has(c.id);
    default:
      return false;
  }
}

type When = Extract<RuleClause, { clause: 'when' }>;
type EventClause = Extract<RuleClause, { clause: 'when' | 'fulfilled-by' | 'violated-by' }>;

/**
 * The function of a rule, from its active clauses; null when it is none of the coded kinds
 * (cooperation duties, settlement duties, …). The order of the tests matters and is the
 * codebook's order.
 */
export function classify(modality: RuleDecl['modality'], active: RuleClause[]): CodeKind | null {
  if (active.some((c) => c.clause === 'inoperative')) return null;
  const events = (k: EventClause['clause']) => active.filter((c): c is EventClause => c.clause === k).map((c) => c.event);
  const whens = events('when');
  const fulfil = events('fulfilled-by');
  const violate = events('violated-by');
  const actionClause = active.find((c) => c.clause === 'action');
  const action = actionClause?.clause === 'action' ? actionClause.name : '';
  if (modality === 'prohibition') {
    if (violate.some((e) => e.type === 'armed_attack' && mentions(e, 'by', isRole('bearer')))) return 'non-aggression';
    if (violate.some((e) => e.type === 'assistance_provided' && mentions(e, 'to', (v) => v.kind === 'attackers-of'))) return 'neutrality';
    if (violate.some((e) => e.type === 'third_party_agreement')) return 'no-competing-alliance';
    if (violate.some((e) => e.type === 'territory_use')) return 'no-hostile-territory-use';
    return null;
  }
  if (/base|station|facilit/.test(action)) return 'bases';
  if (modality === 'permission') return null;
  if (/consult/.test(action) || fulfil.some((e) => e.type === 'consultations_held')) return 'consultation';
  const attack = whens.find((e) => e.type === 'armed_attack');
  if (attack) {
    if (mentions(attack, 'by', isRole('counterparty'))) return 'offence';
    const assists = fulfil.some((e) => e.type === 'assistance_provided') || /assist|defen[cs]|common-danger/.test(action);
    return assists && mentions(attack, 'on', (v, op) => (v.kind === 'role' && v.role === 'counterparty') || (v.kind === 'parties' && op === 'in')) ? 'defence' : null;
  }
  if (/capacity|defen[cs]e-mechanism|military-cooperation|mutual-aid/.test(action)) return 'military-aid';
  return null;
}

export function conditionsOf(active: RuleClause[]): CodeConditions {
  const whens = active.filter((c): c is When => c.clause === 'when').map((c) => c.event);
  const quals = new Set(active.flatMap((c) => (c.clause === 'qualifier' ? [c.name] : [])));
  const adversary = new Set<string>();
  const geo = new Set<string>();
  for (const e of whens) {
    walkValues(e.where, (field, op, v) => {
      for (const x of flatValues(v)) {
        if (field === 'by' && (op === '=' || op === 'in') && x.kind === 'state') adversary.add(x.code);
        if (x.kind === 'region') geo.add(`region(${x.name})`);
        if (x.kind === 'administered-by') geo.add(`administered-by(${x.of.kind === 'state' ? x.of.code : x.of.kind === 'role' ? x.of.role : x.of.kind})`);
      }
    });
  }
  const discretionary = quals.has('as-deemed-necessary') || quals.has('constitutional-processes');
  const automatic = quals.has('immediately') || quals.has('all-means');
  const within = active.find((c) => c.clause === 'within');
  let deadline: string | null = null;
  if (within?.clause === 'within') deadline = within.text ?? (within.deadline.kind === 'duration' ? printDuration(within.deadline.duration) : within.deadline.name);
  return {
    trigger: [...new Set(whens.map((e) => e.type))],
    named_adversary: [...adversary].sort(),
    geographic_limit: [...geo].sort(),
    automaticity: discretionary ? 'discretionary' : automatic ? 'automatic' : 'unspecified',
    deadline,
    requires_state_of_war: whens.some((e) => e.type === 'declaration_of_war'),
    requires_prior_consultation: whens.some((e) => e.type === 'consultations_held'),
    un_art51: whens.some((e) => e.type === 'un_charter_art51_report') ? 'operative' : quals.has('un-charter-art51') ? 'reference' : 'none',
    domestic_law_gate: quals.has('domestic-law') || quals.has('constitutional-processes'),
  };
}

// ---- codes of a treaty under a selection ------------------------------------------------------

function owedTo(rule: RuleDecl): string[] {
  const c = rule.clauses.find((x) => x.clause === 'counterparty');
  if (c?.clause !== 'counterparty') return [];
  return c.party.kind === 'state' ? [c.party.code] : [c.party.kind === 'other' ? 'other parties' : 'each party'];
}

function bearersOf(rule: RuleDecl, parties: string[]): string[] {
  const b = rule.clauses.find((x) => x.clause === 'bearer');
  return b?.clause === 'bearer' && b.party.kind === 'state' ? [b.party.code] : [...parties].sort();
}

const KIND_ORDER = new Map(CODE_KINDS.map((k, i) => [k, i]));

/** The codes of one treaty under one reading selection (no reading dependence filled in). */
export function codesUnder(t: TreatyFile, catalog: ReadingCatalog, selection: Selection): ProvisionCode[] {
  const tid = t.meta.id;
  const has = (id: string) => isSelected(selection, catalog, tid, id);
  const parties = partiesEver(t);
  const out: ProvisionCode[] = [];
  for (const { article, rule } of rulesOf(t)) {
    const active = rule.clauses.filter((c) => c.guard === null || c.guard.some(has));
    const applies = active.every((c) => (c.clause === 'if' ? readingCond(c.cond, has) : c.clause === 'unless' ? !readingCond(c.cond, has) : true));
    if (!applies) continue;
    const kind = classify(rule.modality, active);
    if (!kind) continue;
    const rid = ruleId(article.key, rule.name);
    out.push({
      id: `${tid}/${rid}:${kind}`,
      treaty: tid,
      code: kind,
      atop: ATOP[kind].variable,
      modality: rule.modality,
      bearers: bearersOf(rule, parties),
      owed_to: owedTo(rule),
      conditions: conditionsOf(active),
      rule: { treaty: tid, article: article.key, label: article.label, rule: rid, title: rule.title, text_status: article.status },
      depends_on: [],
    });
  }
  return out.sort((a, b) => KIND_ORDER.get(a.code)! - KIND_ORDER.get(b.code)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A condition value as a short string, for diffs and tables. */
export function showCondition(c: CodeConditions, field: keyof CodeConditions): string {
  const v = c[field];
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return v ?? 'none';
}

export const CONDITION_FIELDS: (keyof CodeConditions)[] = [
  'trigger',
  'named_adversary',
  'geographic_limit',
  'automaticity',
  'deadline',
  'requires_state_of_war',
  'requires_prior_consultation',
  'un_art51',
  'domestic_law_gate',
];

function diffCodes(base: ProvisionCode[], other: ProvisionCode[]): CodeChange[] {
  const changes: CodeChange[] = [];
  const byId = new Map(other.map((c) => [c.id, c]));
  const baseIds = new Set(base.map((c) => c.id));
  for (const b of base) {
    const o = byId.get(b.id);
    if (!o) {
      changes.push({ id: b.id, code: b.code, field: 'present', from: 'yes', to: 'no' });
      continue;
    }
    for (const f of CONDITION_FIELDS) {
      const from = showCondition(b.conditions, f);
      const to = showCondition(o.conditions, f);
      if (from !== to) changes.push({ id: b.id, code: b.code, field: f, from, to });
    }
  }
  for (const o of other) if (!baseIds.has(o.id)) changes.push({ id: o.id, code: o.code, field: 'present', from: 'no', to: 'yes' });
  return changes;
}

/** The treaty's codes under its default readings, with how each other reading changes them. */
export function treatyCodes(t: TreatyFile): TreatyCodes {
  const catalog = readingCatalog([t]);
  const base = selectReadings(catalog);
  const codes = codesUnder(t, catalog, base);
  const variations: CodeVariation[] = [];
  for (const q of [...catalog.questions.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    if (q.treaty === null) continue; // the territory question does not change codes
    for (const r of q.readings) {
      if (r === q.defaultReading) continue;
      const sel = new Map(base);
      sel.set(q.key, r);
      const changes = diffCodes(codes, codesUnder(t, catalog, sel));
      if (changes.length === 0) continue;
      variations.push({ question: q.question, reading: r, default_reading: q.defaultReading, changes });
      for (const ch of changes) {
        const c = codes.find((x) => x.id === ch.id);
        if (c && !c.depends_on.includes(q.question)) c.depends_on.push(q.question);
      }
    }
  }
  for (const c of codes) c.depends_on.sort();
  return {
    treaty: t.meta.id,
    title: t.meta.title,
    short_title: t.meta.shortTitle,
    parties: partiesEver(t).sort(),
    duration: durationOf(t),
    supersedes: statementsOf(t, 'supersedes').map((s) => s.treaty).sort(),
    codes,
    variations,
  };
}

/** Codes of several treaties, sorted by treaty id. */
export function corpusCodes(treaties: Iterable<TreatyFile>): TreatyCodes[] {
  return [...treaties].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)).map(treatyCodes);
}

/** One row per treaty, party and code: the ATOP-style flat table behind `casus codes --csv`. */
export function codeRows(all: TreatyCodes[]): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const t of all)
    for (const c of t.codes)
      for (const party of c.bearers)
        rows.push({
          treaty: t.treaty,
          party,
          code: c.code,
          atop: c.atop ?? '',
          modality: c.modality,
          owed_to: c.owed_to.join(' '),
          ...Object.fromEntries(CONDITION_FIELDS.map((f) => [f, showCondition(c.conditions, f)])),
          duration: t.duration ?? 'not encoded',
          depends_on: c.depends_on.join(' '),
          article: c.rule.label,
          rule: c.rule.rule,
          text_status: c.rule.text_status,
        });
  return rows;
}

export function toCsv(rows: Record<string, string>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => esc(r[c] ?? '')).join(','))].join('\n') + '\n';
}
