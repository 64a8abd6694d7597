/**
 * A treaty's own life as rules: signature, ratification by each party, exchange of
 * instruments, entry into force, supersession by a later treaty, duration and termination.
 * Computed from the treaty's `entry-into-force`, `supersedes`, `duration` and `termination`
 * statements over the dated events (recorded history plus the scenario).
 */
import type { EntryIntoForceDecl, TreatyFile } from '../language/ast.js';
import { statementsOf } from '../language/ast.js';
import { EVENT_TYPES } from '../language/vocabulary.js';
import { addDuration, maxDate } from './dates.js';
import { printDuration } from '../language/printer.js';
import { describeEvent, describeOrigin, matches, type CondContext } from './conditions.js';
import type { Explanation, ScenarioEvent, TreatyStatus } from './types.js';
import type { World } from '../world/world.js';

export interface Lifecycle {
  id: string;
  status: TreatyStatus;
  since: string | null;
  signed: string | null;
  inForce: string | null;
  /** the date it ended (or ends), if that is known and not after the as-of date */
  ended: string | null;
  endKind: 'terminated' | 'superseded' | null;
  /** the parties at the as-of date (accessions and withdrawals applied) */
  parties: string[];
  explanation: Explanation;
}

const node = (text: string, because: Explanation[] = []): Explanation => ({ text, because });

/** Lifecycle events that concern this treaty: those naming it, and unnamed ones when it is the primary treaty. */
export function lifecycleEvents(events: readonly ScenarioEvent[], treaty: string, primary: string): ScenarioEvent[] {
  return events.filter((e) => EVENT_TYPES[e.type]?.lifecycle && (e.fields.treaty === treaty || (e.fields.treaty === undefined && treaty === primary)));
}

function eventNode(e: ScenarioEvent): Explanation {
  return node(`${describeEvent(e)} on ${e.date} (${describeOrigin(e)})`);
}

/** When the treaty entered into force, if it did by `asOf`, with the steps that made it so. */
export function entryIntoForce(t: TreatyFile, own: ScenarioEvent[], world: World, asOf: string): { date: string | null; why: Explanation[] } {
  const recorded = own.find((e) => e.type === 'entry_into_force' && e.date <= asOf);
  const decl: EntryIntoForceDecl | undefined = statementsOf(t, 'entry-into-force')[0];
  if (!decl) {
    if (recorded) return { date: recorded.date, why: [node(`entry into force recorded on ${recorded.date}`, [eventNode(recorded)])] };
    return { date: null, why: [node(`${t.meta.id} has no entry-into-force rule and no recorded entry into force: its date is unknown`)] };
  }
  const why: Explanation[] = [];
  let date: string | null = t.meta.signed.date ?? '0000-01-01';
  const parties = t.meta.parties;
  for (const req of decl.requires) {
    for (const p of parties) {
      const e = own.find((x) => x.type === req.event && x.fields.party === p && x.date <= asOf);
      if (!e) {
        const steps = own.filter((x) => x.type === 'domestic_step' && x.fields.party === p && x.date <= asOf).map(eventNode);
        why.push(node(`no ${req.event.replace(/_/g, ' ')} by ${p} by ${asOf} (Art. ${articleOf(t, decl)} requires one by each party)${steps.length ? '; steps so far:' : ''}`, steps));
        date = null;
      } else {
        // the domestic steps that led to it (a vote, a law signed), where recorded
        const steps = own.filter((x) => x.type === 'domestic_step' && x.fields.party === p && x.date <= e.date).map(eventNode);
        why.push({ ...eventNode(e), because: steps });
        if (date !== null) date = maxDate(date, e.date);
      }
    }
  }
  const ctx: CondContext = { world, parties, bearer: parties[0]!, counterparty: null, territoryReading: 'territory.international', events: own, hasReading: () => false };
  for (const w of decl.when) {
    const e = own.find((x) => x.date <= asOf && matches(w, x, ctx));
    if (!e) {
      why.push(node(`no ${w.type.replace(/_/g, ' ')} by ${asOf}`));
      date = null;
    } else {
      why.push(eventNode(e));
      if (date !== null) date = maxDate(date, e.date);
    }
  }
  if (date !== null && decl.delay) {
    const base = date;
    date = addDuration(date, decl.delay);
    why.push(node(`enters into force ${printDuration(decl.delay)} after the last step (${base})`));
  }
  if (date !== null && date > asOf) return { date: null, why: [...why, node(`would enter into force on ${date}, after ${asOf}`)] };
  if (date === null && recorded) return { date: recorded.date, why: [node(`entry into force recorded on ${recorded.date}`, [eventNode(recorded)])] };
  return { date, why };
}

function articleOf(t: TreatyFile, stmt: object): string {
  for (const a of t.articles) for (const b of a.blocks) if (b.statements.includes(stmt as never)) return a.label;
  return '?';
}

export interface LifecycleInput {
  treaties: TreatyFile[];
  events: readonly ScenarioEvent[];
  asOf: string;
  primary: string;
  world: World;
}

export function lifecycleOf(t: TreatyFile, input: LifecycleInput): Lifecycle {
  const { asOf, world } = input;
  const id = t.meta.id;
  const own = lifecycleEvents(input.events, id, input.primary).filter((e) => e.date <= asOf);
  const signature = own.find((e) => e.type === 'signature');
  const signed = t.meta.signed.date ?? signature?.date ?? null;
  const eif = entryIntoForce(t, own, world, asOf);
  const because: Explanation[] = [];
  if (signed) because.push(node(`signed on ${signed}${t.meta.signed.place ? ` in ${t.meta.signed.place}` : ''}`));

  // parties at the as-of date
  const parties = new Set(t.meta.parties);
  for (const e of own) {
    if (e.type === 'accession' && e.fields.party) parties.add(e.fields.party);
    if (e.type === 'withdrawal' && e.fields.party) parties.delete(e.fields.party);
  }

  // how it ended, earliest first
  const endings: { date: string; kind: 'terminated' | 'superseded'; why: Explanation }[] = [];
  const recordedEnd = own.find((e) => e.type === 'termination');
  if (recordedEnd) endings.push({ date: recordedEnd.date, kind: 'terminated', why: node(`ended on ${recordedEnd.date}`, [eventNode(recordedEnd)]) });
  for (const other of input.treaties) {
    if (other === t) continue;
    for (const s of statementsOf(other, 'supersedes')) {
      if (s.treaty !== id) continue;
      const otherOwn = lifecycleEvents(input.events, other.meta.id, input.primary).filter((e) => e.date <= asOf);
      const o = entryIntoForce(other, otherOwn, world, asOf);
      if (o.date) endings.push({ date: o.date, kind: 'superseded', why: node(`superseded on ${o.date}: ${other.meta.id} entered into force and, by its Article ${articleOf(other, s)}, ${id} ceases to have effect`, o.why) });
    }
  }
  // a notice ends the treaty (`termination`) or, where the treaty says so, only the party's
  // membership (`withdrawal`, NATO Art. 13); either way its period and earliest date apply
  const termination = statementsOf(t, 'termination')[0];
  const withdrawal = termination ? undefined : statementsOf(t, 'withdrawal')[0];
  const decl = termination ?? withdrawal;
  const what = withdrawal ? 'withdrawal' : 'termination';
  for (const notice of own.filter((e) => e.type === 'termination_notice')) {
    const by = notice.fields.by ?? '?';
    let effective: string | null = null;
    let how = '';
    if (notice.fields.effective) {
      effective = notice.fields.effective;
      how = `the date stated in ${by}'s notice`;
    } else if (!decl || decl.notice === 'unknown') {
      because.push(
        node(`${by} gave notice of ${what} on ${notice.date}, but the notice period is not known${decl ? ` (Art. ${articleOf(t, decl)}: ${decl.text ?? 'not verified'})` : ''}, so no date follows; give the notice an 'effective' date to model one`, [eventNode(notice)]),
      );
      continue;
    } else {
      if (decl.notBefore && eif.date) {
        const earliest = addDuration(eif.date, decl.notBefore);
        if (notice.date < earliest) {
          because.push(node(`${by}'s notice of ${notice.date} has no effect: notice may be given only after ${printDuration(decl.notBefore)} in force (from ${earliest}; Art. ${articleOf(t, decl)})`, [eventNode(notice)]));
          continue;
        }
      }
      effective = addDuration(notice.date, decl.notice);
      how = `${printDuration(decl.notice)} after ${by}'s notice (Art. ${articleOf(t, decl)})`;
    }
    if (!withdrawal) {
      endings.push({ date: effective, kind: 'terminated', why: node(`terminated on ${effective}: ${how}`, [eventNode(notice)]) });
    } else if (effective <= asOf) {
      parties.delete(by);
      because.push(node(`${by} ceased to be a party on ${effective}: ${how}; the treaty continues for the others`, [eventNode(notice)]));
    } else because.push(node(`${by} will cease to be a party on ${effective}: ${how}`, [eventNode(notice)]));
  }
  const duration = statementsOf(t, 'duration')[0];
  if (duration && typeof duration.term === 'object' && duration.renew === null && eif.date) {
    const end = addDuration(eif.date, duration.term);
    endings.push({ date: end, kind: 'terminated', why: node(`expired on ${end}, ${printDuration(duration.term)} after entry into force`) });
  }
  endings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const end = endings.find((x) => x.date <= asOf) ?? null;

  let status: TreatyStatus;
  let since: string | null;
  let text: string;
  if (end) {
    status = end.kind;
    since = end.date;
    text = `${id} ${end.kind} since ${end.date}`;
    if (eif.date) because.push(node(`in force from ${eif.date}`, eif.why));
    because.push(end.why);
  } else if (eif.date) {
    status = 'in-force';
    since = eif.date;
    text = `${id} in force since ${eif.date}`;
    because.push(node(`entered into force on ${eif.date}`, eif.why));
  } else if (signed && signed <= asOf) {
    status = 'signed';
    since = signed;
    text = `${id} signed on ${signed}, not in force on ${asOf}`;
    because.push(node('not yet in force', eif.why));
  } else {
    status = 'not-signed';
    since = null;
    text = `${id} not signed by ${asOf}${signed ? ` (signed ${signed})` : ''}`;
  }
  return { id, status, since, signed, inForce: eif.date, ended: end?.date ?? null, endKind: end?.kind ?? null, parties: [...parties], explanation: node(text, because) };
}
