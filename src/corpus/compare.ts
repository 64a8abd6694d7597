/**
 * Compare treaties clause by clause, aligned by function: the defence clause of one beside the
 * defence clause of the other, consultation beside consultation, and so on, with their
 * conditions in rows. Built on the provision codes, so every cell traces back to a rule; cells
 * that depend on a contested reading say so ("no; yes under art4.state-of-war").
 */
import type { TreatyFile } from '../language/ast.js';
import { lifecycleOf } from '../engine/lifecycle.js';
import { timeline } from '../engine/evaluate.js';
import type { World } from '../world/world.js';
import { CODE_KINDS, CONDITION_FIELDS, showCondition, treatyCodes, type CodeKind, type CodeConditions, type ProvisionCode, type TreatyCodes } from './codes.js';
import type { Comparison, CompareRow } from './types.js';

export type { Comparison, CompareRow } from './types.js';


export const FIELD_LABELS: Record<string, string> = {
  present: 'present',
  clauses: 'clause(s)',
  bearers: 'borne by',
  trigger: 'trigger',
  named_adversary: 'named adversary',
  geographic_limit: 'geographic limit',
  automaticity: 'automaticity',
  deadline: 'deadline',
  requires_state_of_war: 'requires a state of war',
  requires_prior_consultation: 'requires prior consultation',
  un_art51: 'UN Charter Art. 51',
  domestic_law_gate: 'domestic-law gate',
  signed: 'signed',
  in_force: 'entered into force',
  ended: 'ended',
  duration: 'duration',
  supersedes: 'supersedes',
  parties: 'parties',
};

const FAR_FUTURE = '9999-12-31';

function lifecycleRows(treaties: TreatyFile[], codes: TreatyCodes[], world: World): CompareRow[] {
  const events = timeline({ treaties, world, events: [], asOf: FAR_FUTURE });
  const lcs = new Map(treaties.map((t) => [t.meta.id, lifecycleOf(t, { treaties, events, asOf: FAR_FUTURE, primary: '', world })]));
  const facts: Record<string, (t: TreatyFile, c: TreatyCodes) => string> = {
    parties: (_t, c) => (c.parties.length > 4 ? `${c.parties.length} states` : c.parties.join(', ')),
    signed: (t) => t.meta.signed.date ?? 'unknown',
    in_force: (t) => lcs.get(t.meta.id)!.inForce ?? 'not known',
    ended: (t) => {
      const l = lcs.get(t.meta.id)!;
      return l.ended ? `${l.ended} (${l.endKind})` : 'no';
    },
    duration: (_t, c) => c.duration ?? 'not encoded',
    supersedes: (_t, c) => (c.supersedes.length ? c.supersedes.join(', ') : 'none'),
  };
  return Object.entries(facts).map(([field, f]) => row('lifecycle', field, Object.fromEntries(treaties.map((t, i) => [t.meta.id, f(t, codes[i]!)]))));
}

function row(section: string, field: string, values: Record<string, string>): CompareRow {
  return { section, field, values, differs: new Set(Object.values(values)).size > 1 };
}

/** A condition of the codes of one kind, with its values under other readings. */
function cell(tc: TreatyCodes, kind: CodeKind, field: keyof CodeConditions | 'present' | 'clauses' | 'bearers', parties: string[]): string {
  const mine = tc.codes.filter((c) => c.code === kind);
  const base = (cs: ProvisionCode[]): string => {
    if (field === 'present') return cs.length ? 'yes' : 'no';
    if (cs.length === 0) return '—';
    if (field === 'clauses') return cs.map((c) => `${/^\d+$/.test(c.rule.article) ? `Art ${c.rule.label}` : c.rule.label} (${c.rule.rule.replace(/^[^.]*\./, '')})`).join('; ');
    if (field === 'bearers') return [...new Set(cs.map((c) => (c.bearers.length === parties.length ? 'each party' : c.bearers.join(', '))))].join(' / ');
    return [...new Set(cs.map((c) => showCondition(c.conditions, field)))].join(' / ');
  };
  let text = base(mine);
  if (field === 'clauses' || field === 'bearers') return text;
  // how other readings change it
  // the trigger row would repeat the gate rows below it; a clause that disappears is said once, in 'present'
  if (field === 'trigger') return text;
  for (const v of tc.variations) {
    const touched = v.changes.filter((ch) => ch.code === kind && (ch.field === field || ch.field === 'present'));
    if (!touched.some((ch) => ch.field === field)) continue;
    const alt = mine
      .map((c) => {
        const gone = touched.some((ch) => ch.id === c.id && ch.field === 'present' && ch.to === 'no');
        if (gone) return null;
        const ch = touched.find((x) => x.id === c.id && x.field === field);
        return ch ? ch.to : field === 'present' ? 'yes' : showCondition(c.conditions, field as keyof CodeConditions);
      })
      .filter((x): x is string => x !== null);
    const added = touched.filter((ch) => ch.field === 'present' && ch.to === 'yes').length;
    const altText = field === 'present' ? (alt.length + added ? 'yes' : 'no') : alt.length ? [...new Set(alt)].join(' / ') : 'no clause';
    if (altText !== text.split(';')[0]) text += `; ${altText} under ${v.reading}`;
  }
  return text;
}

export function compareTreaties(treaties: TreatyFile[], world: World): Comparison {
  const codes = treaties.map(treatyCodes);
  const rows: CompareRow[] = [...lifecycleRows(treaties, codes, world)];
  const fields: (keyof CodeConditions | 'present' | 'clauses' | 'bearers')[] = ['present', 'clauses', 'bearers', ...CONDITION_FIELDS];
  for (const kind of CODE_KINDS) {
    if (!codes.some((c) => c.codes.some((x) => x.code === kind))) continue;
    for (const f of fields) {
      const values = Object.fromEntries(codes.map((c) => [c.treaty, cell(c, kind, f, c.parties)]));
      // rows that say nothing for any treaty are left out
      if (f !== 'present' && Object.values(values).every((v) => v === '—' || v === 'none' || v === 'no' || v === 'unspecified')) continue;
      rows.push(row(kind, f, values));
    }
  }
  return { treaties: treaties.map((t) => ({ id: t.meta.id, title: t.meta.title, short_title: t.meta.shortTitle })), rows };
}
