/**
 * Corpus commands: codes, compare, matrix, network. Thin: parse options, call src/corpus, print.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { defaultWorkspace, loadScenario, stableJson, type Workspace } from '../../api.js';
import type { TreatyFile } from '../../language/ast.js';
import { didYouMean, optionError } from '../../language/diagnostics.js';
import { isValidDate } from '../../language/yaml-source.js';
import { codeRows, corpusCodes, showCondition, toCsv, type TreatyCodes } from '../../corpus/codes.js';
import { compareTreaties, FIELD_LABELS } from '../../corpus/compare.js';
import { scenarioMatrix, summariseCells } from '../../corpus/matrix.js';
import { networkAt, toDot } from '../../corpus/network.js';
import { toSvg } from '../../corpus/svg.js';
import { fitWidths, renderColumns } from '../../corpus/table.js';

const collect = (v: string, prev: string[]) => [...prev, v];

/** Write and wait until flushed: main() exits right after the action, which would cut a long piped output short. */
function emit(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

function treatiesNamed(ws: Workspace, ids: string[]): TreatyFile[] {
  if (ids.length === 1 && ids[0] === 'all') return [...ws.corpus.treaties.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  return ids.map((id) => {
    const t = ws.corpus.treaties.get(id);
    if (!t) throw optionError('treaty', `unknown treaty '${id}'${didYouMean(id, ws.corpus.treaties.keys())}; known: ${[...ws.corpus.treaties.keys()].sort().join(', ')}`);
    return t;
  });
}

function renderCodes(all: TreatyCodes[]): string {
  const lines: string[] = [];
  const conds = ['trigger', 'geographic_limit', 'named_adversary', 'automaticity', 'requires_state_of_war', 'requires_prior_consultation', 'un_art51', 'domestic_law_gate'] as const;
  for (const t of all) {
    lines.push(pc.bold(`${t.treaty}`) + pc.dim(`  ${t.short_title ?? t.title}`));
    lines.push(pc.dim(`  parties: ${t.parties.join(', ')} · duration: ${t.duration ?? 'not encoded'}`));
    if (t.codes.length === 0) lines.push('  (no coded provisions)');
    const rows = t.codes.map((c) => {
      const set = conds
        .map((f) => [f, showCondition(c.conditions, f)] as const)
        .filter(([f, v]) => !(v === 'none' || v === 'no' || (f === 'automaticity' && v === 'unspecified')))
        .map(([f, v]) => (v === 'yes' ? f.replace(/_/g, '-') : `${f.replace(/_/g, '-')}=${v}`));
      return [
        `${c.code}${c.atop ? ` (${c.atop})` : ''}`,
        c.bearers.length === t.parties.length ? 'each party' : c.bearers.join(', '),
        set.join('; ') || 'standing duty',
        `${/^\d+$/.test(c.rule.article) ? `Art ${c.rule.label}` : c.rule.label} ${c.rule.rule}${c.depends_on.length ? ` — depends on ${c.depends_on.join(', ')}` : ''}`,
      ];
    });
    if (rows.length) lines.push(renderColumns(['code', 'borne by', 'conditions', 'rule'], rows, [26, 14, 44, 46]));
    for (const v of t.variations)
      for (const ch of v.changes.filter((x) => x.field !== 'trigger' || !v.changes.some((y) => y.id === x.id && y.field !== 'trigger')))
        lines.push(pc.yellow(`  under ${v.reading} (instead of ${v.default_reading}): ${ch.code} ${ch.field === 'present' ? (ch.to === 'yes' ? 'appears' : 'disappears') : `${ch.field.replace(/_/g, '-')} ${ch.from} → ${ch.to}`} (${ch.id.split('/')[1]})`));
    lines.push('');
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('codes')
    .description('provision codes derived from the rules (defence, consultation, …, with their conditions), per treaty and party')
    .argument('<treaty>', "a treaty id, or 'all'")
    .option('--csv', 'one row per treaty, party and code (ATOP-style)')
    .option('--json', 'as JSON, with the rule behind each code and the changes under each reading')
    .addHelpText('after', '\nExamples:\n  casus codes rus-prk-2024\n  casus codes all --csv > codes.csv\n\nThe codebook: docs/provision-codes.md')
    .action(async (id: string, flags: { csv?: boolean; json?: boolean }) => {
      const ws = defaultWorkspace();
      const all = corpusCodes(treatiesNamed(ws, [id]));
      if (flags.json) await emit(stableJson(all));
      else if (flags.csv) await emit(toCsv(codeRows(all)));
      else await emit(renderCodes(all) + '\n');
    });

  program
    .command('compare')
    .description('align treaties clause by function (defence beside defence, consultation beside consultation) and show how their conditions differ')
    .argument('<treaties...>', 'two or more treaty ids')
    .option('--json', 'as JSON')
    .option('--differences', 'show only the rows that differ')
    .addHelpText('after', '\nExample:\n  casus compare sun-prk-1961 rus-prk-2000 rus-prk-2024')
    .action(async (ids: string[], flags: { json?: boolean; differences?: boolean }) => {
      if (ids.length < 2) throw optionError('treaties', 'compare needs at least two treaty ids');
      const ws = defaultWorkspace();
      const cmp = compareTreaties(treatiesNamed(ws, ids), ws.world);
      if (flags.json) {
        await emit(stableJson(cmp));
        return;
      }
      const rows = flags.differences ? cmp.rows.filter((r) => r.differs) : cmp.rows;
      const widths = fitWidths(30, ids.length);
      const body: string[][] = [];
      const marks: string[] = [];
      let section = '';
      for (const r of rows) {
        const label = r.section !== section ? `${r.section.toUpperCase()}: ${FIELD_LABELS[r.field] ?? r.field}` : `  ${FIELD_LABELS[r.field] ?? r.field}`;
        section = r.section;
        body.push([label, ...cmp.treaties.map((t) => r.values[t.id] ?? '')]);
        marks.push(r.differs ? '≠' : ' ');
      }
      await emit(pc.bold(`Compare ${ids.join(' · ')}`) + pc.dim('  (≠ marks rows that differ; "under X" gives the value under another reading)') + '\n\n');
      await emit(renderColumns(['', ...cmp.treaties.map((t) => t.id)], body, widths, marks) + '\n');
    });

  program
    .command('matrix')
    .description('run one scenario against every treaty: who must do what for whom under each (triggered, violated, fulfilled)')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('--json', 'as JSON')
    .option('--as-of <date>', 'judge at this date instead of the scenario’s as_of')
    .option('-r, --reading <id>', 'choose a reading (repeatable)', collect, [])
    .option('--treaties <ids>', "the treaties to run (comma-separated; default 'all')")
    .addHelpText('after', '\nExample:\n  casus matrix scenarios/corpus/attack-okinawa.yaml\n  casus explain scenarios/corpus/attack-okinawa.yaml usa-jpn-1960/art5.meet-common-danger/USA-JPN --treaties all')
    .action(async (file: string, flags: { json?: boolean; asOf?: string; reading: string[]; treaties?: string }) => {
      const ws = defaultWorkspace();
      const scenario = loadScenario(file, ws);
      const treaties = flags.treaties && flags.treaties !== 'all' ? flags.treaties.split(',').map((s) => s.trim()) : 'all';
      const m = scenarioMatrix(scenario, ws, { asOf: flags.asOf, readings: flags.reading, treaties });
      if (flags.json) {
        await emit(stableJson(m));
        return;
      }
      const silent = (r: (typeof m.rows)[number]) => r.not_engaged.map((n) => `not engaged for ${n.counterparty} (${/^\d+$/.test(n.article) ? `Art ${n.article}` : n.article}): ${n.reasons.join('; ') || 'see casus explain'}`);
      const rows = m.rows.map((r) => [r.treaty, `${r.status}${r.since ? ` since ${r.since}` : ''}`, [...summariseCells(r.positions), ...silent(r)].join('\n') || '—']);
      await emit(pc.bold(`${scenario.title ?? scenario.id}`) + pc.dim(`  as of ${m.as_of} · readings: ${m.readings.join(', ')}`) + '\n\n');
      await emit(renderColumns(['treaty', 'status', 'positions made due, broken or discharged by the scenario'], rows, [16, 26, Math.max(50, (process.stdout.columns || 120) - 50)]) + '\n');
      const any = m.rows.flatMap((r) => r.positions)[0];
      await emit(
        pc.dim(`\n* depends on a contested reading. Why: casus explain ${file} <position-id> --treaties all${any ? `  (e.g. ${any.id}); ids: casus matrix ${file} --json` : ''}`) + '\n',
      );
    });

  program
    .command('network')
    .description('the alliance network at a date: states as nodes, obligations in force as typed edges')
    .requiredOption('--as-of <date>', 'the date (YYYY-MM-DD)')
    .option('--format <format>', 'json, dot or svg', 'json')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText('after', '\nExamples:\n  casus network --as-of 1962-01-01\n  casus network --as-of 2025-12-01 --format svg -o network-2025.svg\n  casus network --as-of 2001-01-01 --format dot | dot -Tpng > n.png')
    .action(async (flags: { asOf: string; format: string; output?: string }) => {
      if (!isValidDate(flags.asOf)) throw optionError('--as-of', `expected a date YYYY-MM-DD, found '${flags.asOf}'`);
      if (!['json', 'dot', 'svg'].includes(flags.format)) throw optionError('--format', `expected json, dot or svg, found '${flags.format}'`);
      const ws = defaultWorkspace();
      const n = networkAt([...ws.corpus.treaties.values()], ws.world, flags.asOf);
      const text = flags.format === 'svg' ? toSvg(n) : flags.format === 'dot' ? toDot(n) : stableJson(n);
      if (flags.output) writeFileSync(flags.output, text);
      else await emit(text);
    });
}
