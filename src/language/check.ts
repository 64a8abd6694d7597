/**
 * The checker: names and shapes that the parser cannot judge alone. Event types and their
 * fields, state codes, qualifiers, readings, assumptions and article references are all
 * resolved here, with "did you mean" hints, so the engine only ever sees a sound treaty.
 */
import type { Cond, EventPattern, Loc, ReadingDecl, RuleDecl, TreatyFile, Value } from './ast.js';
import { rulesOf, statementsOf } from './ast.js';
import { CasusError, didYouMean, type Diagnostic } from './diagnostics.js';
import { validateEvent } from './events.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES, QUALIFIERS, QUALIFIER_NAMES, TERRITORY_QUESTION, TERRITORY_READINGS } from './vocabulary.js';
import type { World } from '../world/world.js';

/** The id of a rule within its treaty: `art4.assist`, `preamble.x`, or `<provision>.x` when the article number is unknown. */
export function ruleId(articleKey: string, ruleName: string): string {
  return /^\d+$/.test(articleKey) ? `art${articleKey}.${ruleName}` : `${articleKey}.${ruleName}`;
}

export function checkTreaty(t: TreatyFile, world: World, knownTreaties: Set<string> = new Set([t.meta.id])): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const error = (loc: Loc, message: string) => ds.push({ file: loc.file, line: loc.line, col: loc.col, severity: 'error', message });
  const warn = (loc: Loc, message: string) => ds.push({ file: loc.file, line: loc.line, col: loc.col, severity: 'warning', message });
  const top: Loc = { file: t.file, line: 2, col: 1 };

  t.meta.parties.forEach((p, i) => {
    if (!world.states.has(p)) error(t.meta.partyLocs[i] ?? top, `unknown party '${p}'${didYouMean(p, world.states.keys())}: parties are ISO 3166-1 alpha-3 codes listed in data/states.yaml`);
  });

  // recorded history
  const treaties = new Set([...knownTreaties, t.meta.id]);
  for (const h of t.meta.history)
    for (const p of validateEvent(h.type, h.fields, { world, treaties }, [])) error(h.loc, `history: ${p.message}`);

  // readings: unique ids, one default per question
  const readings = new Map<string, ReadingDecl>();
  const questions = new Map<string, ReadingDecl[]>();
  for (const r of statementsOf(t, 'reading')) {
    if (readings.has(r.id) || r.id in TERRITORY_READINGS) error(r.loc, `duplicate reading '${r.id}'`);
    readings.set(r.id, r);
    if (r.question === TERRITORY_QUESTION) error(r.loc, `question '${TERRITORY_QUESTION}' is reserved for the built-in territory readings`);
    questions.set(r.question, [...(questions.get(r.question) ?? []), r]);
    if (r.holders.length === 0) warn(r.loc, `reading '${r.id}' names no holder: say who holds it and where (held-by "…" in "…")`);
  }
  for (const [q, rs] of questions) {
    const defaults = rs.filter((r) => r.isDefault);
    if (defaults.length !== 1) error(rs[0]!.loc, `question '${q}' needs exactly one default reading, found ${defaults.length} (${rs.map((r) => r.id).join(', ')})`);
  }
  const readingIds = [...readings.keys(), ...Object.keys(TERRITORY_READINGS)];
  const assumptions = new Set(statementsOf(t, 'assume').map((a) => a.name));
  const articleKeys = new Set(t.articles.map((a) => a.key));

  const checkReading = (id: string, loc: Loc) => {
    if (!readingIds.includes(id)) error(loc, `unknown reading '${id}'${didYouMean(id, readingIds)}`);
  };
  const checkValue = (v: Value, loc: Loc, field: string, eventType: string) => {
    switch (v.kind) {
      case 'state':
        if (!world.states.has(v.code)) error(loc, `unknown state '${v.code}'${didYouMean(v.code, world.states.keys())}`);
        break;
      case 'symbol': {
        const spec = EVENT_TYPES[eventType]?.fields[field];
        if (spec && typeof spec.type === 'object') {
          if (!spec.type.enum.includes(v.name)) error(loc, `'${v.name}' is not a value of ${eventType}.${field}${didYouMean(v.name, spec.type.enum)}; expected one of ${spec.type.enum.join(', ')}`);
        } else if (spec?.type === 'territory') {
          if (!world.territories.has(v.name)) error(loc, `unknown territory '${v.name}'`);
        } else error(loc, `unknown name '${v.name}'${didYouMean(v.name, ['bearer', 'counterparty', 'parties'])}: expected bearer, counterparty, parties, a state code or a function such as territory-of(…)`);
        break;
      }
      case 'list':
        v.items.forEach((i) => checkValue(i, loc, field, eventType));
        break;
      case 'region': {
        const regions = new Set([...world.territories.values()].flatMap((x) => x.regions));
        if (!regions.has(v.name)) error(loc, `unknown region '${v.name}'${didYouMean(v.name, regions)}; regions: ${[...regions].sort().join(', ')}`);
        break;
      }
      case 'territory-of':
      case 'administered-by':
      case 'attackers-of':
        checkValue(v.of, loc, field, eventType);
        break;
      default:
        break;
    }
  };
  const checkCond = (c: Cond, eventType: string | null) => {
    switch (c.kind) {
      case 'and':
      case 'or':
        c.items.forEach((i) => checkCond(i, eventType));
        break;
      case 'not':
        checkCond(c.item, eventType);
        break;
      case 'reading':
        checkReading(c.id, c.loc);
        break;
      case 'compare': {
        if (eventType === null) {
          error(c.loc, `'${c.field} ${c.op} …' compares an event field, so it belongs in a 'where' after an event type; in 'if'/'unless' use 'reading ID'`);
          break;
        }
        const fields = Object.keys(EVENT_TYPES[eventType]?.fields ?? {});
        if (!fields.includes(c.field)) error(c.loc, `${eventType} has no field '${c.field}'${didYouMean(c.field, fields)}; fields: ${fields.join(', ')}`);
        else checkValue(c.value, c.loc, c.field, eventType);
        break;
      }
    }
  };
  const checkEvent = (e: EventPattern) => {
    if (!EVENT_TYPES[e.type]) error(e.loc, `unknown event type '${e.type}'${didYouMean(e.type, EVENT_TYPE_NAMES)}`);
    else if (e.where) checkCond(e.where, e.type);
  };

  const seenRules = new Map<string, Loc>();
  for (const { article, rule } of rulesOf(t)) {
    const id = ruleId(article.key, rule.name);
    const prior = seenRules.get(id);
    if (prior) error(rule.loc, `duplicate rule '${rule.name}' in article ${article.label} (first at line ${prior.line})`);
    seenRules.set(id, rule.loc);
    checkRule(rule);
  }

  function checkRule(rule: RuleDecl) {
    const count = (k: string) => rule.clauses.filter((c) => c.clause === k && c.guard === null).length;
    if (count('bearer') !== 1) error(rule.loc, `${rule.modality} '${rule.name}' needs exactly one 'bearer' clause (each party, or a state code)`);
    if (count('action') !== 1) error(rule.loc, `${rule.modality} '${rule.name}' needs exactly one 'action' clause (a kebab-case verb phrase)`);
    if (count('counterparty') > 1) error(rule.loc, `${rule.modality} '${rule.name}' has more than one 'counterparty'`);
    for (const c of rule.clauses) {
      for (const g of c.guard ?? []) checkReading(g, c.loc);
      switch (c.clause) {
        case 'bearer':
        case 'counterparty':
          if (c.guard) error(c.loc, `'${c.clause}' cannot depend on a reading`);
          if (c.party.kind === 'state' && !t.meta.parties.includes(c.party.code)) error(c.loc, `${c.party.code} is not a party to ${t.meta.id} (parties: ${t.meta.parties.join(', ')})`);
          break;
        case 'action':
          if (!/^[a-z]+(-[a-z0-9]+)*$/.test(c.name)) error(c.loc, `action '${c.name}' must be kebab-case, e.g. provide-military-assistance`);
          break;
        case 'when':
        case 'fulfilled-by':
        case 'violated-by':
          checkEvent(c.event);
          break;
        case 'if':
        case 'unless':
          checkCond(c.cond, null);
          break;
        case 'qualifier':
          if (!(c.name in QUALIFIERS)) error(c.loc, `unknown qualifier '${c.name}'${didYouMean(c.name, QUALIFIER_NAMES)}; qualifiers: ${QUALIFIER_NAMES.join(', ')}`);
          break;
        case 'within':
          if (c.deadline.kind === 'assumption' && !assumptions.has(c.deadline.name))
            error(c.loc, `unknown assumption '${c.deadline.name}'${didYouMean(c.deadline.name, assumptions)}: declare it with 'assume ${c.deadline.name} = N days "why"'`);
          break;
        case 'see':
          if (!articleKeys.has(c.article)) error(c.loc, `article ${c.article} has no section in this file`);
          break;
        default:
          break;
      }
    }
    if (rule.modality === 'prohibition' && count('violated-by') === 0 && !rule.clauses.some((c) => c.clause === 'violated-by'))
      warn(rule.loc, `prohibition '${rule.name}' has no 'violated-by' clause, so no event can ever violate it`);
  }

  for (const e of statementsOf(t, 'entry-into-force')) {
    for (const r of e.requires) if (!EVENT_TYPES[r.event]) error(r.loc, `unknown event type '${r.event}'${didYouMean(r.event, EVENT_TYPE_NAMES)}`);
    e.when.forEach(checkEvent);
  }
  for (const e of [...statementsOf(t, 'termination'), ...statementsOf(t, 'withdrawal')]) e.when.forEach(checkEvent);
  for (const s of statementsOf(t, 'supersedes')) if (!knownTreaties.has(s.treaty) && knownTreaties.size > 1) warn(s.loc, `supersedes '${s.treaty}', which is not in the corpus${didYouMean(s.treaty, knownTreaties)}`);
  if (statementsOf(t, 'entry-into-force').length > 1) error(statementsOf(t, 'entry-into-force')[1]!.loc, 'only one entry-into-force statement is allowed');
  return ds;
}

/** Throw on errors; return warnings. */
export function assertValid(t: TreatyFile, world: World, knownTreaties?: Set<string>): Diagnostic[] {
  const ds = checkTreaty(t, world, knownTreaties);
  const errors = ds.filter((d) => d.severity === 'error');
  if (errors.length) throw new CasusError(errors);
  return ds;
}
