/**
 * The engine: treaties + dated events + chosen readings + an as-of date in, every party's
 * normative position under every rule out, each with an explanation tree
 * (conclusion ← rule of article N ← events and facts ← readings).
 *
 * Pure and deterministic: no I/O, no clock, no randomness; output arrays are sorted.
 */
import type { Article, Cond, Duration, RuleClause, RuleDecl, TreatyFile, Value } from '../language/ast.js';
import { rulesOf, statementsOf } from '../language/ast.js';
import { ruleId } from '../language/check.js';
import { EVENT_TYPES, QUALIFIERS, TERRITORY_QUESTION } from '../language/vocabulary.js';
import { addDuration } from './dates.js';
import { printDuration } from '../language/printer.js';
import { describeEvent, describeOrigin, matches, type CondContext } from './conditions.js';
import { lifecycleOf, type Lifecycle } from './lifecycle.js';
import { isSelected, questionOf, readingCatalog, selectReadings, selectedIds, type ReadingCatalog, type Selection } from './readings.js';
import type { EngineInput, EngineOutput, Explanation, Position, PositionStatus, ScenarioEvent, TreatyState } from './types.js';
import type { TerritoryReading } from '../world/world.js';
import { MODAL_VERB as VERB } from '../language/ast.js';

const node = (text: string, because: Explanation[] = []): Explanation => ({ text, because });

/** Per-rule facts that do not depend on the run, computed once per treaty object. */
interface CompiledRule {
  treaty: TreatyFile;
  article: Article;
  rule: RuleDecl;
  id: string;
  /** reading ids this rule mentions (guards and `reading` conditions) */
  readingRefs: string[];
  usesTerritory: boolean;
  /** the rule seen under one choice of the readings it depends on, by selection key */
  views: Map<string, RuleView>;
  /** the same views by selection object, to skip building the key on every run */
  viewBySelection: WeakMap<Selection, RuleView>;
  /** bearer/counterparty pairs by the parties at the as-of date */
  pairs: Map<string, Pair[]>;
  pairsByParties: WeakMap<string[], Pair[]>;
  /** the question keys this rule's readings answer (its own treaty's, and `territory`), once known */
  questions: string[] | null;
  /** `treaty/ruleId`, as named in `EngineInput.only` */
  key: string;
}

/** What a rule says under one choice of readings: built once, shared by every position and run. */
type ClauseOf<K extends RuleClause['clause']> = Extract<RuleClause, { clause: K }>;

interface RuleView {
  /** the active clauses by kind, sorted out once rather than on every position */
  whens: ClauseOf<'when'>[];
  violators: ClauseOf<'violated-by'>[];
  fulfillers: ClauseOf<'fulfilled-by'>[];
  within: ClauseOf<'within'> | undefined;
  inoperative: ClauseOf<'inoperative'> | undefined;
  statics: (ClauseOf<'if'> | ClauseOf<'unless'>)[];
  fromDates: string[];
  /** `from N years after entry-into-force` */
  fromOffsets: Duration[];
  untilDates: string[];
  depends: string[];
  actionName: string;
  /** the action in words: provide military assistance */
  actionText: string;
  ruleNode: Explanation;
  readingNodes: Explanation[];
}

const compiled = new WeakMap<TreatyFile, CompiledRule[]>();

function valueUsesTerritory(v: Value): boolean {
  if (v.kind === 'territory-of') return true;
  if (v.kind === 'list') return v.items.some(valueUsesTerritory);
  if (v.kind === 'administered-by' || v.kind === 'attackers-of') return valueUsesTerritory(v.of);
  return false;
}
function condRefs(c: Cond | null, out: { readings: Set<string>; territory: boolean }): void {
  if (!c) return;
  if (c.kind === 'and' || c.kind === 'or') c.items.forEach((i) => condRefs(i, out));
  else if (c.kind === 'not') condRefs(c.item, out);
  else if (c.kind === 'reading') out.readings.add(c.id);
  else if (valueUsesTerritory(c.value)) out.territory = true;
}

export function compileTreaty(t: TreatyFile): CompiledRule[] {
  const cached = compiled.get(t);
  if (cached) return cached;
  const out = rulesOf(t).map(({ article, rule }) => {
    const refs = { readings: new Set<string>(), territory: false };
    for (const c of rule.clauses) {
      c.guard?.forEach((g) => refs.readings.add(g));
      if (c.clause === 'when' || c.clause === 'fulfilled-by' || c.clause === 'violated-by') condRefs(c.event.where, refs);
      if (c.clause === 'if' || c.clause === 'unless') condRefs(c.cond, refs);
    }
    return { treaty: t, article, rule, id: ruleId(article.key, rule.name), readingRefs: [...refs.readings], usesTerritory: refs.territory, views: new Map(), viewBySelection: new WeakMap(), pairs: new Map(), pairsByParties: new WeakMap(), questions: null, key: `${t.meta.id}/${ruleId(article.key, rule.name)}` };
  });
  compiled.set(t, out);
  return out;
}

interface RunContext {
  input: EngineInput;
  events: ScenarioEvent[];
  /** the same events by type, built on first use and only for long timelines (see eventsOf) */
  byType: Map<string, ScenarioEvent[]> | null;
  /** collect the reasons of matches and near misses (false only for status-only runs) */
  explain: boolean;
  catalog: ReadingCatalog;
  selection: Selection;
  lifecycles: Map<string, Lifecycle>;
  assumptions: Assumptions;
}

const NO_EVENTS: ScenarioEvent[] = [];
/** Below this many events a scan is cheaper than an index. */
const INDEX_FROM = 32;

/**
 * The events a pattern of this type can match. Short timelines are returned whole (every
 * consumer checks the type); long ones, as in cascades, are indexed by type once per run.
 */
function eventsOf(run: RunContext, type: string): ScenarioEvent[] {
  if (run.events.length < INDEX_FROM) return run.events;
  if (!run.byType) {
    run.byType = new Map();
    for (const e of run.events) {
      const list = run.byType.get(e.type);
      if (list) list.push(e);
      else run.byType.set(e.type, [e]);
    }
  }
  return run.byType.get(type) ?? NO_EVENTS;
}

const recordedCache = new WeakMap<TreatyFile, ScenarioEvent[]>();
function recordedEvents(t: TreatyFile): ScenarioEvent[] {
  let r = recordedCache.get(t);
  if (!r) {
    r = t.meta.history.map((h) => ({ date: h.date, type: h.type, fields: { ...h.fields, treaty: t.meta.id }, origin: { kind: 'recorded' as const, treaty: t.meta.id, source: h.source }, note: null }));
    recordedCache.set(t, r);
  }
  return r;
}

const historyKey = (h: NonNullable<EngineInput['history']>): string => (typeof h === 'boolean' ? String(h) : `exclude:${h.exclude.join(',')}`);

const recordedTimelines = new WeakMap<TreatyFile[], Map<string, ScenarioEvent[]>>();

/** The recorded history of the treaties that the input keeps, sorted by date (memoised). */
function recordedTimeline(input: EngineInput): ScenarioEvent[] {
  const h0 = input.history ?? true;
  const key = historyKey(h0);
  let byKey = recordedTimelines.get(input.treaties);
  if (!byKey) {
    byKey = new Map();
    recordedTimelines.set(input.treaties, byKey);
  }
  let r = byKey.get(key);
  if (!r) {
    const keep = (id: string) => (typeof h0 === 'boolean' ? h0 : !h0.exclude.includes(id));
    r = stableSortByDate(input.treaties.filter((t) => keep(t.meta.id)).flatMap(recordedEvents));
    byKey.set(key, r);
  }
  return r;
}

/** Events in date order, keeping the given order within a day; the input is returned as is when already sorted. */
function stableSortByDate(events: ScenarioEvent[]): ScenarioEvent[] {
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) if (events[i - 1]!.date > events[i]!.date) sorted = false;
  if (sorted) return events;
  const out = events.slice();
  // insertion sort: stable, and fastest for the short lists scenarios have
  for (let i = 1; i < out.length; i++) {
    const e = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.date > e.date) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = e;
  }
  return out;
}

/** Merge recorded history and scenario events up to the as-of date, sorted by date; within a day recorded facts come first. */
export function timeline(input: EngineInput): ScenarioEvent[] {
  const recorded = recordedTimeline(input);
  const scenario = stableSortByDate(input.events);
  const out: ScenarioEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < recorded.length || j < scenario.length) {
    const r = recorded[i];
    const e = scenario[j];
    const next = r !== undefined && (e === undefined || r.date <= e.date) ? recorded[i++]! : scenario[j++]!;
    if (next.date > input.asOf) break; // the merged stream is in date order: the rest is later still
    out.push(next);
  }
  return out;
}

const catalogs = new WeakMap<TreatyFile[], { catalog: ReadingCatalog; selections: Map<string, Selection> }>();

export function evaluate(input: EngineInput): EngineOutput {
  // the catalog depends only on the treaties, a selection only on the readings: reuse both
  let c = catalogs.get(input.treaties);
  if (!c) {
    c = { catalog: readingCatalog(input.treaties), selections: new Map() };
    catalogs.set(input.treaties, c);
  }
  const key = input.readings && input.readings.length ? input.readings.join('\u0000') : '';
  let selection = c.selections.get(key);
  if (!selection) {
    selection = selectReadings(c.catalog, input.readings);
    c.selections.set(key, selection);
  }
  return evaluateWith(input, c.catalog, selection);
}

/** Evaluate with a reading selection already made (used to compare readings). */
export function evaluateWith(input: EngineInput, catalog: ReadingCatalog, selection: Selection): EngineOutput {
  const events = timeline(input);
  const primary = input.primaryTreaty ?? input.treaties[0]?.meta.id ?? '';
  const lifecycles = lifecyclesOf(input, events, primary);
  const positions: Position[] = [];
  // `only` names rules (treaty/rule) or single positions (treaty/rule/BEARER-COUNTERPARTY)
  const only = input.only ? splitOnly(input.only) : null;
  const run: RunContext = { input, events, byType: null, explain: input.explain !== false, catalog, selection, lifecycles, assumptions: EMPTY_ASSUMPTIONS };
  for (const t of input.treaties) {
    run.assumptions = assumptionsOf(t, input.assumptions);
    for (const rule of compileTreaty(t)) {
      if (!only || only.rules.has(rule.key)) positionsOf(rule, run, positions);
      else if (only.positionRules.has(rule.key)) positionsOf(rule, run, positions, only.positions);
    }
  }
  positions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    as_of: input.asOf,
    readings: selectedIds(selection),
    treaties: treatyStates(lifecycles),
    positions,
  };
}

type Only = { rules: Set<string>; positionRules: Set<string>; positions: string[] };
const onlyCache = new Map<string, Only>();

const statesOf = new WeakMap<Map<string, Lifecycle>, TreatyState[]>();
/** The `treaties` of the output, sorted; computed once per (memoised) set of lifecycles. */
function treatyStates(lifecycles: Map<string, Lifecycle>): TreatyState[] {
  let r = statesOf.get(lifecycles);
  if (!r) {
    r = [...lifecycles.values()].map((l) => Object.freeze({ id: l.id, status: l.status, since: l.since })).sort((a, b) => (a.id < b.id ? -1 : 1));
    statesOf.set(lifecycles, r);
  }
  return r;
}

function splitOnly(only: string[]): Only {
  const key = only.join('\n');
  let r = onlyCache.get(key);
  if (!r) {
    r = splitOnlyUncached(only);
    if (onlyCache.size > 1000) onlyCache.clear();
    onlyCache.set(key, r);
  }
  return r;
}

function splitOnlyUncached(only: string[]): Only {
  const rules = new Set<string>();
  const positionRules = new Set<string>();
  const positions: string[] = [];
  for (const o of only) {
    const parts = o.split('/');
    if (parts.length >= 3) {
      positionRules.add(parts.slice(0, 2).join('/'));
      positions.push(o);
    } else rules.add(o);
  }
  return { rules, positionRules, positions };
}

type Assumptions = Map<string, { duration: Duration; text: string | null; overridden: boolean }>;
const EMPTY_ASSUMPTIONS: Assumptions = new Map();
const declaredAssumptions = new WeakMap<TreatyFile, Assumptions>();

/** The treaty's `assume` declarations with the run's overrides applied. */
function assumptionsOf(t: TreatyFile, overrides: Record<string, Duration> | undefined): Assumptions {
  const hasOverride = overrides !== undefined && Object.keys(overrides).length > 0;
  const cached = hasOverride ? undefined : declaredAssumptions.get(t);
  if (cached) return cached;
  const out: Assumptions = new Map();
  for (const a of statementsOf(t, 'assume')) {
    const o = overrides?.[a.name];
    out.set(a.name, { duration: o ?? a.duration, text: a.text, overridden: o !== undefined });
  }
  if (!hasOverride) declaredAssumptions.set(t, out);
  return out;
}

/**
 * Lifecycles of every treaty. When the scenario has no lifecycle events of its own, they
 * depend only on the treaties, the as-of date and the history setting, so they are memoised
 * (bounded) — most scenarios ask about attacks, not ratifications.
 */
const lifecycleMemo = new WeakMap<TreatyFile[], Map<string, Map<string, Map<string, Lifecycle>>>>();
const LIFECYCLE_MEMO_SIZE = 4096;
function computeLifecycles(input: EngineInput, events: ScenarioEvent[], primary: string): Map<string, Lifecycle> {
  return new Map(input.treaties.map((t) => [t.meta.id, lifecycleOf(t, { treaties: input.treaties, events, asOf: input.asOf, primary, world: input.world })] as const));
}

function lifecyclesOf(input: EngineInput, events: ScenarioEvent[], primary: string): Map<string, Lifecycle> {
  for (const e of input.events) if (EVENT_TYPES[e.type]?.lifecycle) return computeLifecycles(input, events, primary);
  let memo = lifecycleMemo.get(input.treaties);
  if (!memo) {
    memo = new Map();
    lifecycleMemo.set(input.treaties, memo);
  }
  // by setting (history, primary treaty), then by date
  const setting = input.history === undefined || input.history === true ? primary : `${historyKey(input.history)}|${primary}`;
  let byDate = memo.get(setting);
  if (!byDate) {
    byDate = new Map();
    memo.set(setting, byDate);
  }
  let l = byDate.get(input.asOf);
  if (!l) {
    l = computeLifecycles(input, events, primary);
    for (const x of l.values()) deepFreeze(x.explanation);
    if (byDate.size >= LIFECYCLE_MEMO_SIZE) byDate.delete(byDate.keys().next().value!);
    byDate.set(input.asOf, l);
  }
  return l;
}

function deepFreeze(e: Explanation): Explanation {
  if (!Object.isFrozen(e)) {
    e.because.forEach(deepFreeze);
    Object.freeze(e.because);
    Object.freeze(e);
  }
  return e;
}

function humanAction(action: string): string {
  return action.replace(/-/g, ' ');
}

function readingNode(run: RunContext, treaty: string, questionKey: string): Explanation {
  const id = run.selection.get(questionKey)!;
  if (questionKey === TERRITORY_QUESTION)
    return node(`reading ${id} (question: whose territory a place is)${id === 'territory.international' ? ': sovereignty under international law' : ': each state’s own claims count'}`);
  const d = run.catalog.decls.get(`${treaty}:${id}`)!.decl;
  const q = run.catalog.questions.get(questionKey)!;
  const others = q.readings.filter((r) => r !== id);
  return node(
    `reading ${id} (question ${d.question}${d.isDefault ? ', the default' : ', chosen'}): ${d.title}`,
    [
      ...d.holders.map((h) => node(`held by ${h.who}, in ${h.source}${h.line !== null ? ` line ${h.line}` : ''}`)),
      ...(others.length ? [node(`alternatives: ${others.join(', ')}`)] : []),
    ],
  );
}

/** Expand the bearer/counterparty clauses into concrete pairs. */
function pairs(rule: RuleDecl, parties: string[]): [string, string | null][] {
  const bearer = rule.clauses.find((c) => c.clause === 'bearer');
  const counter = rule.clauses.find((c) => c.clause === 'counterparty');
  const bearers = bearer?.clause === 'bearer' ? (bearer.party.kind === 'state' ? [bearer.party.code] : parties) : parties;
  const out: [string, string | null][] = [];
  for (const b of bearers) {
    if (counter?.clause !== 'counterparty') out.push([b, null]);
    else if (counter.party.kind === 'state') out.push([b, counter.party.code]);
    else for (const c of parties) if (c !== b || counter.party.kind === 'each') out.push([b, c]);
  }
  return out;
}

function viewOf(cr: CompiledRule, run: RunContext): RuleView {
  const bySelection = cr.viewBySelection.get(run.selection);
  if (bySelection) return bySelection;
  const view = buildView(cr, run);
  cr.viewBySelection.set(run.selection, view);
  return view;
}

function buildView(cr: CompiledRule, run: RunContext): RuleView {
  const tid = cr.treaty.meta.id;
  if (cr.questions === null) {
    const questions = new Set<string>();
    for (const r of cr.readingRefs) {
      const q = questionOf(run.catalog, tid, r);
      if (q) questions.add(q);
    }
    if (cr.usesTerritory) questions.add(TERRITORY_QUESTION);
    cr.questions = [...questions].sort();
  }
  const questionList = cr.questions;
  const key = questionList.map((q) => run.selection.get(q)).join('|');
  const cached = cr.views.get(key);
  if (cached) return cached;
  const active = cr.rule.clauses.filter((c) => c.guard === null || c.guard.some((g) => isSelected(run.selection, run.catalog, tid, g)));
  const action = active.find((c) => c.clause === 'action');
  const actionName = action?.clause === 'action' ? action.name : cr.rule.name;
  const of = <K extends RuleClause['clause']>(k: K) => active.filter((c): c is ClauseOf<K> => c.clause === k);
  const view: RuleView = {
    whens: of('when'),
    violators: of('violated-by'),
    fulfillers: of('fulfilled-by'),
    within: of('within')[0],
    inoperative: of('inoperative')[0],
    statics: active.filter((c): c is ClauseOf<'if'> | ClauseOf<'unless'> => c.clause === 'if' || c.clause === 'unless'),
    fromDates: of('from').flatMap((c) => (c.point.kind === 'date' ? [c.point.date] : [])),
    fromOffsets: of('from').flatMap((c) => (c.point.kind === 'after-entry-into-force' ? [c.point.duration] : [])),
    untilDates: of('until').flatMap((c) => (c.point.kind === 'date' ? [c.point.date] : [])),
    depends: [...new Set(questionList.map((q) => run.selection.get(q)!))].sort(),
    actionName,
    actionText: humanAction(actionName),
    // shared by every position and run from now on: frozen, so no caller can alter another's answer
    ruleNode: deepFreeze(ruleNode(cr, active)),
    readingNodes: questionList.map((q) => deepFreeze(readingNode(run, tid, q))),
  };
  cr.views.set(key, view);
  return view;
}

const readingTests = new WeakMap<Selection, Map<string, (id: string) => boolean>>();
/** `reading X` tests for a treaty under a selection, made once. */
function readingTest(run: RunContext, tid: string): (id: string) => boolean {
  let byTreaty = readingTests.get(run.selection);
  if (!byTreaty) {
    byTreaty = new Map();
    readingTests.set(run.selection, byTreaty);
  }
  let f = byTreaty.get(tid);
  if (!f) {
    const { selection, catalog } = run;
    f = (id: string) => isSelected(selection, catalog, tid, id);
    byTreaty.set(tid, f);
  }
  return f;
}

/** A bearer/counterparty pair of a rule with its position id. */
interface Pair {
  bearer: string;
  counterparty: string | null;
  id: string;
}

function pairsOf(cr: CompiledRule, parties: string[]): Pair[] {
  const known = cr.pairsByParties.get(parties);
  if (known) return known;
  const key = parties.join(',');
  let p = cr.pairs.get(key);
  if (!p) {
    p = pairs(cr.rule, parties).map(([bearer, counterparty]) => ({ bearer, counterparty, id: `${cr.key}/${bearer}${counterparty ? `-${counterparty}` : ''}` }));
    cr.pairs.set(key, p);
  }
  cr.pairsByParties.set(parties, p);
  return p;
}

/** Append the rule's positions (or only those named in `onlyIds`) to `out`. */
function positionsOf(cr: CompiledRule, run: RunContext, out: Position[], onlyIds?: string[]): void {
  const { rule, treaty } = cr;
  const tid = treaty.meta.id;
  const life = run.lifecycles.get(tid)!;
  const view = viewOf(cr, run);
  const territoryReading = run.selection.get(TERRITORY_QUESTION) as TerritoryReading;
  const hasReading = readingTest(run, tid);
  const verb = VERB[rule.modality];
  const act = view.actionText;

  const attacks = eventsOf(run, 'armed_attack');
  for (const { bearer, counterparty, id } of pairsOf(cr, life.parties)) {
    if (onlyIds && !onlyIds.includes(id)) continue;
    const ctx: CondContext = { world: run.input.world, parties: life.parties, bearer, counterparty, territoryReading, events: attacks, hasReading };
    const { status, since, because } = judge(cr, run, life, view, ctx);
    const head = `${bearer} ${verb} ${act}${counterparty ? ` (owed to ${counterparty})` : ''}: ${status}${since ? ` since ${since}` : ''}`;
    out.push({
      id,
      treaty: tid,
      article: cr.article.key,
      modality: rule.modality,
      bearer,
      counterparty,
      action: view.actionName,
      status,
      since,
      depends_on_readings: view.depends,
      explanation: node(head, [view.ruleNode, ...because, ...view.readingNodes]),
    });
  }
}

function ruleNode(cr: CompiledRule, active: RuleClause[]): Explanation {
  const a = cr.article;
  const quals = active.filter((c) => c.clause === 'qualifier').map((c) => (c.clause === 'qualifier' ? (c.text ? `“${c.text}”` : QUALIFIERS[c.name] ?? c.name) : ''));
  const because = [node(`text: ${a.status}${a.sources[0] ? `; source: ${a.sources[0]}` : ''}`)];
  if (quals.length) because.push(node(`qualified: ${quals.join(', ')}`));
  const sees = active.filter((c) => c.clause === 'see').map((c) => (c.clause === 'see' ? c.article : ''));
  if (sees.length) because.push(node(`see also Article ${sees.join(', ')}`));
  return node(`${a.key === 'preamble' ? 'Preamble' : /^\d+$/.test(a.key) ? `Article ${a.label}` : `Provision '${a.label}' (article number unknown)`}${a.title ? ` (${a.title})` : ''} of ${cr.treaty.meta.id}, rule ${cr.id}${cr.rule.title ? `: ${cr.rule.title}` : ''}`, because);
}

interface Judgement {
  status: PositionStatus;
  since: string | null;
  because: Explanation[];
}

function judge(cr: CompiledRule, run: RunContext, life: Lifecycle, view: RuleView, ctx: CondContext): Judgement {
  const asOf = run.input.asOf;
  const lifeNode = life.explanation;
  // 1. the treaty must be in force, and the rule's own window open
  if (life.status !== 'in-force') {
    const wasInForce = life.inForce !== null && (life.status === 'terminated' || life.status === 'superseded');
    return { status: wasInForce ? 'expired' : 'not-in-force', since: wasInForce ? life.since : null, because: [lifeNode] };
  }
  let start = life.inForce!;
  const because: Explanation[] = [lifeNode];
  for (const d of view.fromDates) if (d > start) start = d;
  for (const o of view.fromOffsets) {
    const d = addDuration(life.inForce!, o);
    if (d > start) start = d;
  }
  for (const d of view.untilDates) if (d <= asOf) return { status: 'expired', since: d, because: [...because, node(`the rule applies until ${d}`)] };
  if (start > asOf) return { status: 'not-in-force', since: null, because: [...because, node(`the rule applies from ${start}`)] };

  // 2. a reading may make the clause inoperative
  const inop = view.inoperative;
  if (inop)
    return { status: 'not-triggered', since: null, because: [...because, node(`inoperative under reading ${inop.guard?.join(', ') ?? ''}${inop.text ? `: ${inop.text}` : ''}; no event can make it due`)] };

  // 3. static conditions
  for (const c of view.statics) {
    const dummy: ScenarioEvent = { date: asOf, type: '', fields: {}, origin: { kind: 'recorded', treaty: '', source: null }, note: null };
    const trace: string[] = [];
    const holds = evalCondStatic(c.cond, dummy, ctx, trace);
    if ((c.clause === 'if') !== holds) return { status: 'not-triggered', since: null, because: [...because, node(`condition not met (${c.clause}): ${trace.join('; ')}`)] };
  }

  // 4. triggers: every active `when` must be matched by an event in the window
  const whens = view.whens;
  let trigger = start;
  if (whens.length === 0) because.push(node(`binding from ${start} without any triggering event`));
  const triggerNodes: Explanation[] = [];
  for (const w of whens) {
    const hit = firstMatch(eventsOf(run, w.event.type), w.event, start, asOf, ctx, run.explain);
    if (!hit) {
      const misses = run.explain ? nearMisses(eventsOf(run, w.event.type), w.event, start, asOf, ctx) : [];
      const guard = w.guard ? ` (required under reading ${w.guard.join(', ')})` : '';
      return {
        status: 'not-triggered',
        since: null,
        because: [...because, ...triggerNodes, node(`no ${w.event.type.replace(/_/g, ' ')} that counts, between ${start} and ${asOf}${guard}`, misses)],
      };
    }
    if (hit.event.date > trigger) trigger = hit.event.date;
    triggerNodes.push(node(`${describeEvent(hit.event)} on ${hit.event.date}${w.guard ? ` (required under reading ${w.guard.join(', ')})` : ''} (${describeOrigin(hit.event)})`, hit.trace.map((t) => node(t))));
  }
  if (whens.length) because.push(node(`triggered on ${trigger}`, triggerNodes));

  // 5. prohibitions are violated by a forbidden event; obligations fulfilled or overdue
  const violators = view.violators;
  for (const v of violators) {
    const hit = firstMatch(eventsOf(run, v.event.type), v.event, trigger, asOf, ctx, run.explain);
    if (hit) return { status: 'violated', since: hit.event.date, because: [...because, node(`violated by ${describeEvent(hit.event)} on ${hit.event.date} (${describeOrigin(hit.event)})`, hit.trace.map((t) => node(t)))] };
  }
  if (cr.rule.modality === 'prohibition') {
    if (violators.length) because.push(node(`no ${violators.map((v) => v.event.type.replace(/_/g, ' ')).join(' or ')} by ${ctx.bearer} that counts, by ${asOf}`));
    return { status: 'triggered', since: trigger, because };
  }
  const fulfillers = view.fulfillers;
  let done: { date: string; node: Explanation } | null = null;
  for (const f of fulfillers) {
    const hit = firstMatch(eventsOf(run, f.event.type), f.event, trigger, asOf, ctx, run.explain);
    if (hit && (!done || hit.event.date < done.date))
      done = { date: hit.event.date, node: node(`${describeEvent(hit.event)} on ${hit.event.date} (${describeOrigin(hit.event)})`, hit.trace.map((t) => node(t))) };
  }
  const within = view.within;
  let due: string | null = null;
  if (within && cr.rule.modality === 'obligation') {
    let d: Duration;
    let how: string;
    if (within.deadline.kind === 'duration') {
      d = within.deadline.duration;
      how = `${printDuration(d)} (the treaty's own period)`;
    } else {
      const a = run.assumptions.get(within.deadline.name)!;
      d = a.duration;
      how = `${printDuration(d)}: ${a.overridden ? 'assumption overridden for this run' : `assumption '${within.deadline.name}'${a.text ? ` (${a.text})` : ''}`}`;
    }
    due = addDuration(trigger, d);
    because.push(node(`due by ${due}: ${within.text ? `“${within.text}” ` : ''}read as ${how}`));
  }
  if (done && (due === null || done.date <= due)) return { status: 'fulfilled', since: done.date, because: [...because, node(`fulfilled on ${done.date}`, [done.node])] };
  if (due !== null && asOf > due) {
    const late = done ? [node(`performed late, on ${done.date}`, [done.node])] : [];
    const what = fulfillers.map((f) => f.event.type.replace(/_/g, ' ')).join(' or ') || 'performance';
    return { status: 'violated', since: due, because: [...because, node(`violated: no ${what} by ${ctx.bearer}${ctx.counterparty ? ` to ${ctx.counterparty}` : ''} that counts by ${due}`, late)] };
  }
  if (fulfillers.length) because.push(node(`not yet performed by ${asOf}`));
  return { status: 'triggered', since: trigger, because };
}

function evalCondStatic(c: Cond, e: ScenarioEvent, ctx: CondContext, trace: string[]): boolean {
  // `if`/`unless` conditions may only test readings (the checker enforces it)
  switch (c.kind) {
    case 'and':
      return c.items.every((i) => evalCondStatic(i, e, ctx, trace));
    case 'or':
      return c.items.some((i) => evalCondStatic(i, e, ctx, trace));
    case 'not':
      return !evalCondStatic(c.item, e, ctx, trace);
    case 'reading': {
      const r = ctx.hasReading(c.id);
      trace.push(`reading ${c.id} is ${r ? '' : 'not '}chosen`);
      return r;
    }
    default:
      return false;
  }
}

function firstMatch(events: ScenarioEvent[], p: Parameters<typeof matches>[0], from: string, to: string, ctx: CondContext, explain = true): { event: ScenarioEvent; trace: string[] } | null {
  for (const e of events) {
    if (e.date < from || e.date > to || e.type !== p.type) continue;
    if (matches(p, e, ctx)) {
      const trace: string[] = [];
      if (explain) matches(p, e, ctx, trace); // again, now collecting the reasons
      return { event: e, trace };
    }
  }
  return null;
}

/** How many near misses an explanation lists; more would bury the reason in a long scenario. */
const NEAR_MISS_LIMIT = 5;

/** Events of the right type that did not count, and why: the most useful part of "not triggered". */
function nearMisses(events: ScenarioEvent[], p: Parameters<typeof matches>[0], from: string, to: string, ctx: CondContext): Explanation[] {
  const out: Explanation[] = [];
  let more = 0;
  for (const e of events) {
    if (e.type !== p.type || e.date > to) continue;
    if (out.length >= NEAR_MISS_LIMIT) {
      more++;
      continue;
    }
    if (e.date < from) {
      out.push(node(`${describeEvent(e)} on ${e.date} does not count: it precedes ${from}, when the rule took effect (${describeOrigin(e)})`));
      continue;
    }
    const trace: string[] = [];
    matches(p, e, ctx, trace);
    out.push(node(`${describeEvent(e)} on ${e.date} does not count (${describeOrigin(e)})`, trace.map((t) => node(t))));
  }
  if (more) out.push(node(`… and ${more} more ${p.type.replace(/_/g, ' ')} event${more === 1 ? '' : 's'} that do not count either`));
  return out;
}
