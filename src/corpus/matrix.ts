/**
 * One scenario across every treaty: rows are treaties, and for each the positions that the
 * scenario's events make due (triggered), broken (violated) or discharged (fulfilled), grouped
 * by function (defence, consultation, …) so that "who must do what for whom" reads across
 * treaties. Standing duties of conduct (rules with no trigger and no violating event) are left
 * out: they hold in every scenario.
 * So are standing prohibitions (no trigger) that the scenario does not violate. Each position keeps its id for `casus explain`.
 */
import { engineInput, type RunOptions, type Workspace } from '../api.js';
import { compileTreaty, evaluate } from '../engine/evaluate.js';
import type { Position, PositionStatus } from '../engine/types.js';
import type { Scenario } from '../scenario/scenario.js';
import { treatyCodes, type CodeKind } from './codes.js';
import { MODAL_VERB as VERB } from '../language/ast.js';

export const MATRIX_STATUSES: PositionStatus[] = ['violated', 'triggered', 'fulfilled'];

export interface MatrixCell {
  id: string;
  function: CodeKind | 'other';
  modality: Position['modality'];
  bearer: string;
  counterparty: string | null;
  action: string;
  article: string;
  status: PositionStatus;
  since: string | null;
  depends_on_readings: string[];
}

/** A defence clause owed to an attacked party that the attack did not engage, and the engine's reason. */
export interface NotEngaged {
  rule: string;
  article: string;
  counterparty: string;
  /** the conditions the attack failed, in the engine's words */
  reasons: string[];
  /** a position to pass to `casus explain` for the whole tree */
  example: string;
}

export interface MatrixRow {
  treaty: string;
  status: string;
  since: string | null;
  positions: MatrixCell[];
  not_engaged: NotEngaged[];
}

export interface Matrix {
  scenario: string;
  as_of: string;
  readings: string[];
  rows: MatrixRow[];
}

export function scenarioMatrix(scenario: Scenario, ws: Workspace, opts: RunOptions = {}): Matrix {
  const input = engineInput(scenario, ws, { ...opts, treaties: opts.treaties ?? 'all' });
  const out = evaluate(input);
  const attacked = new Set(input.events.filter((e) => e.type === 'armed_attack' && e.fields.on && e.date <= input.asOf).map((e) => e.fields.on!));
  const kindOf = new Map<string, CodeKind>();
  const standing = new Set<string>();
  for (const t of input.treaties) {
    for (const c of treatyCodes(t).codes) kindOf.set(`${t.meta.id}/${c.rule.rule}`, c.code);
    for (const r of compileTreaty(t)) if (!r.rule.clauses.some((c) => c.clause === 'when')) standing.add(`${t.meta.id}/${r.id}`);
  }
  const rows: MatrixRow[] = out.treaties.map((t) => ({
    treaty: t.id,
    status: t.status,
    since: t.since,
    positions: out.positions
      .filter((p) => p.treaty === t.id && MATRIX_STATUSES.includes(p.status))
      .filter((p) => p.status !== 'triggered' || !standing.has(p.id.slice(0, p.id.lastIndexOf('/'))))
      .map((p) => ({
        id: p.id,
        function: kindOf.get(ruleOf(p)) ?? 'other',
        modality: p.modality,
        bearer: p.bearer,
        counterparty: p.counterparty,
        action: p.action,
        article: p.article,
        status: p.status,
        since: p.since,
        depends_on_readings: p.depends_on_readings,
      })),
    not_engaged: notEngaged(out.positions.filter((p) => p.treaty === t.id && p.status === 'not-triggered' && kindOf.get(ruleOf(p)) === 'defence' && p.counterparty !== null && attacked.has(p.counterparty))),
  }));
  return { scenario: scenario.id, as_of: out.as_of, readings: out.readings, rows };
}

const ruleOf = (p: Position) => p.id.slice(0, p.id.lastIndexOf('/'));

/**
 * Why a defence clause owed to an attacked party stayed silent: the failed conditions of the
 * first attack that did not count, read off the engine's explanation (one entry per clause and
 * attacked party, however many bearers).
 */
function notEngaged(positions: Position[]): NotEngaged[] {
  const out = new Map<string, NotEngaged>();
  for (const p of positions) {
    const key = `${ruleOf(p)}|${p.counterparty}`;
    if (out.has(key)) continue;
    const missing = p.explanation.because.find((b) => b.text.startsWith('no ') && b.text.includes('that counts'));
    const miss = missing?.because[0];
    const failed = (miss?.because ?? []).map((b) => b.text).filter((t) => /\b(not|no)\b/.test(t) && !/^not: /.test(t));
    const inoperative = p.explanation.because.find((b) => b.text.startsWith('inoperative'));
    const reasons = inoperative ? [inoperative.text] : failed.length ? failed : missing ? [missing.text] : [];
    out.set(key, { rule: ruleOf(p), article: p.article, counterparty: p.counterparty!, reasons, example: p.id });
  }
  return [...out.values()];
}


/**
 * Positions of one row, grouped for reading: bearers that owe the same thing to the same state
 * with the same status are listed together ("30 parties must assist attacked party → EST").
 */
export function summariseCells(cells: MatrixCell[]): string[] {
  const groups = new Map<string, MatrixCell[]>();
  for (const c of cells) {
    const key = `${c.function}|${c.modality}|${c.action}|${c.counterparty ?? ''}|${c.status}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((g) => {
    const c = g[0]!;
    const who = g.length > 3 ? `${g.length} parties (${g.slice(0, 3).map((x) => x.bearer).join(', ')}, …)` : g.map((x) => x.bearer).join(', ');
    const dep = c.depends_on_readings.filter((r) => !r.startsWith('territory.')).length ? ' *' : '';
    return `${who} ${VERB[c.modality]} ${c.action.replace(/-/g, ' ')}${c.counterparty ? ` → ${c.counterparty}` : ''}: ${c.status}${c.since ? ` since ${c.since}` : ''} [${c.function}]${dep}`;
  });
}
