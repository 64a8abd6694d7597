/**
 * The core commands: check, run, explain, readings, articles, fmt, schema, test, demo.
 * Thin: parse options, call the library, print.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { defaultWorkspace, engineInput, loadScenario, runScenario, scenarioAcrossReadings, stableJson, type RunOptions, type Workspace } from '../../api.js';
import { loadCorpus, treatyFiles, TREATIES_DIR } from '../../corpus/load.js';
import { compileTreaty, evaluate } from '../../engine/evaluate.js';
import type { Position } from '../../engine/types.js';
import type { Duration, TreatyFile } from '../../language/ast.js';
import { CasusError, didYouMean, formatDiagnostic, optionError } from '../../language/diagnostics.js';
import { formatTreatyText } from '../../language/treaty-file.js';
import { parseDurationText, scenarioJsonSchema, type Scenario } from '../../scenario/scenario.js';
import { openStore, exportStore } from '../../commentary/index.js';
import { statementsOf } from '../../language/ast.js';
import { renderArticles, renderReadings, type Supporter, renderRun, renderTree, renderVariations, status } from '../render.js';

const collect = (v: string, prev: string[]) => [...prev, v];

function parseAssume(values: string[]): Record<string, Duration> {
  const out: Record<string, Duration> = {};
  for (const v of values) {
    const m = /^([\w-]+)=(.+)$/.exec(v);
    const d = m ? parseDurationText(m[2]!.replace(/^(\d+)([a-z])/, '$1 $2')) : null;
    if (!m || !d) throw optionError('--assume', `expected NAME=DURATION such as immediately=3days or immediately="3 days", found '${v}'`);
    out[m[1]!] = d;
  }
  return out;
}

interface RunFlags {
  asOf?: string;
  reading: string[];
  assume: string[];
  treaties?: string;
  history: boolean;
  json?: boolean;
  all?: boolean;
  acrossReadings?: boolean;
}

function runOptions(f: RunFlags): RunOptions {
  return {
    asOf: f.asOf,
    readings: f.reading,
    assumptions: parseAssume(f.assume),
    treaties: f.treaties === undefined ? undefined : f.treaties === 'all' ? 'all' : f.treaties.split(',').map((s) => s.trim()).filter(Boolean),
    history: f.history === false ? false : undefined,
  };
}

function addRunOptions(c: Command): Command {
  return c
    .option('--as-of <date>', 'judge positions at this date (default: the scenario’s as_of)')
    .option('-r, --reading <id...>', 'choose readings (--reading a b, or repeat the option); each replaces the default of its question', [])
    .option('--assume <name=duration>', 'override a modelling assumption, e.g. immediately=3days (repeatable)', collect, [])
    .option('--treaties <ids>', "run against these treaties (comma-separated) or 'all'")
    .option('--no-history', 'ignore the treaties’ recorded history (ratifications, entry into force)');
}

/** Rules with no trigger: standing duties and prohibitions, in effect from entry into force. */
function standingRules(treaties: Iterable<TreatyFile>): Set<string> {
  const out = new Set<string>();
  for (const t of treaties) for (const r of compileTreaty(t)) if (!r.rule.clauses.some((c) => c.clause === 'when')) out.add(`${t.meta.id}/${r.id}/`);
  return out;
}

function isStandingIn(standing: Set<string>) {
  return (p: Position) => standing.has(p.id.slice(0, p.id.lastIndexOf('/') + 1));
}

function findTreaty(ws: Workspace, idOrFile: string): TreatyFile {
  const byId = ws.corpus.treaties.get(idOrFile);
  if (byId) return byId;
  if (existsSync(idOrFile)) {
    const c = loadCorpus([idOrFile], ws.world);
    return [...c.treaties.values()][0]!;
  }
  throw optionError('treaty', `unknown treaty '${idOrFile}'${didYouMean(idOrFile, ws.corpus.treaties.keys())}; known: ${[...ws.corpus.treaties.keys()].sort().join(', ')}`);
}

const DEFAULT_DB = path.join('.casus', 'casus.db');

/** Claims in the commentary store (from `casus ingest`) that support each of the treaty's readings. */
function commentarySupporters(t: TreatyFile, db: string): Map<string, Supporter[]> {
  const out = new Map<string, Supporter[]>();
  if (!existsSync(db)) return out;
  const store = openStore(db);
  try {
    const ids = new Set(statementsOf(t, 'reading').map((r) => r.id));
    for (const d of exportStore(store).documents)
      for (const c of d.claims)
        for (const r of c.readings) {
          const list = out.get(r) ?? [];
          // one line per holder and place: several sentences on one line count once
          if (ids.has(r) && !list.some((x) => x.holder === c.holder && x.file === d.file && x.line === c.line)) out.set(r, [...list, { holder: c.holder, file: d.file, line: c.line }]);
        }
  } finally {
    store.close();
  }
  return out;
}

export function matchPosition(positions: Position[], wanted: string): Position {
  const exact = positions.find((p) => p.id === wanted);
  if (exact) return exact;
  const partial = positions.filter((p) => p.id.includes(wanted));
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) throw optionError('position', `'${wanted}' matches ${partial.length} positions: ${partial.map((p) => p.id).join(', ')}`);
  throw optionError('position', `no position '${wanted}'${didYouMean(wanted, positions.map((p) => p.id))}; 'casus run <scenario> --json' lists the ids`);
}

function checkFiles(files: string[], ws: Workspace): { treaties: number; scenarios: number; warnings: string[] } {
  const treatyPaths = files.filter((f) => f.endsWith('.md'));
  const scenarioPaths = files.filter((f) => /\.ya?ml$/.test(f));
  const other = files.filter((f) => !treatyPaths.includes(f) && !scenarioPaths.includes(f));
  if (other.length) throw optionError(other[0]!, 'not a treaty file (.casus.md) or a scenario (.yaml)');
  const warnings: string[] = [];
  if (treatyPaths.length) {
    // check together with the rest of the corpus so cross-treaty references resolve
    const others = treatyFiles().filter((f) => !treatyPaths.some((p) => path.resolve(p) === path.resolve(f)));
    const c = loadCorpus([...treatyPaths, ...others], ws.world);
    warnings.push(...c.warnings.filter((w) => treatyPaths.some((p) => path.resolve(p) === path.resolve(w.file))).map(formatDiagnostic));
  }
  const errors: CasusError[] = [];
  for (const s of scenarioPaths) {
    try {
      loadScenario(s, ws);
    } catch (e) {
      if (e instanceof CasusError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length) throw new CasusError(errors.flatMap((e) => e.diagnostics));
  return { treaties: treatyPaths.length, scenarios: scenarioPaths.length, warnings };
}

/** Compare a scenario's run with its `expect` block; returns the failures. */
export function expectationFailures(s: Scenario, ws: Workspace): string[] {
  if (!s.expect) return [];
  const out = runScenario(s, ws);
  const failures: string[] = [];
  for (const [id, want] of Object.entries(s.expect.treaties)) {
    const got = out.treaties.find((t) => t.id === id)?.status ?? 'absent';
    if (got !== want) failures.push(`treaty ${id}: expected ${want}, got ${got}`);
  }
  for (const [id, want] of Object.entries(s.expect.positions)) {
    const got = out.positions.find((p) => p.id === id)?.status ?? 'absent';
    if (got !== want) failures.push(`position ${id}: expected ${want}, got ${got}`);
  }
  return failures;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('parse and check treaty files (.casus.md) and scenarios (.yaml); errors as file:line:col')
    .argument('[files...]', 'files to check (default: every treaty in treaties/)')
    .action((files: string[]) => {
      const ws = defaultWorkspace();
      const list = files.length ? files : treatyFiles();
      const r = checkFiles(list, ws);
      for (const w of r.warnings) process.stderr.write(w + '\n');
      process.stdout.write(`ok: ${r.treaties} treat${r.treaties === 1 ? 'y' : 'ies'}, ${r.scenarios} scenario${r.scenarios === 1 ? '' : 's'} checked${r.warnings.length ? `, ${r.warnings.length} warning(s)` : ''}\n`);
    });

  addRunOptions(
    program
      .command('run')
      .description('run a scenario: every party’s obligations, permissions and prohibitions at a date')
      .argument('<scenario>', 'scenario file (YAML)')
      .option('--json', 'machine-readable output (stable contract)')
      .option('--all', 'list standing duties of conduct too')
      .option('--across-readings', 'also show how each position changes across the readings of each contested question'),
  )
    .addHelpText('after', '\nExamples:\n  casus run scenarios/attack-kursk-2025.yaml\n  casus run scenarios/attack-kursk-2025.yaml --reading art4.state-of-war --json\n  casus run scenarios/attack-kursk-2025.yaml --as-of 2024-11-01')
    .action((file: string, flags: RunFlags) => {
      const ws = defaultWorkspace();
      const scenario = loadScenario(file, ws);
      const opts = runOptions(flags);
      const out = runScenario(scenario, ws, opts);
      const across = flags.acrossReadings ? scenarioAcrossReadings(scenario, ws, opts) : null;
      if (flags.json) {
        process.stdout.write(stableJson(across ? { ...out, across_readings: across } : out));
        return;
      }
      const standing = standingRules(engineInput(scenario, ws, opts).treaties);
      process.stdout.write(renderRun(out, { all: flags.all, title: `${scenario.title ?? scenario.id}  (${file})`, standing: isStandingIn(standing) }) + '\n');
      if (across) process.stdout.write('\n' + renderVariations(across) + '\n');
    });

  addRunOptions(
    program
      .command('explain')
      .description('explain one position as a tree: conclusion ← rule ← events and facts ← readings')
      .argument('<scenario>', 'scenario file (YAML)')
      .argument('<position-id>', "a position id from 'casus run --json', or a unique part of one (e.g. art4.assist/PRK)")
      .option('--json', 'the explanation tree as JSON'),
  )
    .addHelpText('after', '\nExample:\n  casus explain scenarios/attack-kursk-2025.yaml rus-prk-2024/art4.assist/PRK-RUS')
    .action((file: string, id: string, flags: RunFlags) => {
      const ws = defaultWorkspace();
      const out = runScenario(loadScenario(file, ws), ws, runOptions(flags));
      const p = matchPosition(out.positions, id);
      if (flags.json) process.stdout.write(stableJson(p));
      else process.stdout.write(`${pc.dim(p.id)}  ${status(p.status)}\n${renderTree(p.explanation)}\n${p.depends_on_readings.length ? pc.dim(`depends on readings: ${p.depends_on_readings.join(', ')}`) : pc.dim('depends on no contested reading')}\n`);
    });

  program
    .command('readings')
    .description('list a treaty’s contested questions and their attributed readings')
    .argument('<treaty>', 'treaty id (e.g. rus-prk-2024) or file')
    .option('--json', 'as JSON')
    .option('--db <path>', 'the commentary store: show which ingested claims support each reading', DEFAULT_DB)
    .action((id: string, flags: { json?: boolean; db: string }) => {
      const t = findTreaty(defaultWorkspace(), id);
      const supporters = commentarySupporters(t, flags.db);
      if (flags.json) {
        const rs = t.articles.flatMap((a) =>
          a.blocks.flatMap((b) => b.statements.filter((s) => s.kind === 'reading').map((s) => ({ ...s, article: a.key, loc: undefined, supported_by: supporters.get(s.id) ?? [] }))),
        );
        process.stdout.write(stableJson(rs));
      } else process.stdout.write(renderReadings(t, supporters) + '\n');
    });

  program
    .command('articles')
    .description('show articles: their text beside their formal rules')
    .argument('<treaty>', 'treaty id or file')
    .argument('[article]', 'one article number (e.g. 4, IV, preamble)')
    .option('--width <columns>', 'lay text and rules side by side at this width (default: the terminal’s, when 140 or more)')
    .action((id: string, article: string | undefined, flags: { width?: string }) => {
      const t = findTreaty(defaultWorkspace(), id);
      if (article && !t.articles.some((a) => a.key === article || a.label === article))
        throw optionError('article', `${t.meta.id} has no article '${article}'${didYouMean(article, t.articles.map((a) => a.key))}`);
      const width = flags.width ? Number(flags.width) : process.stdout.isTTY ? process.stdout.columns : 0;
      process.stdout.write(renderArticles(t, article, width) + '\n');
    });

  program
    .command('fmt')
    .description('format the rule blocks of treaty files canonically (prose is left as written)')
    .argument('<files...>', 'treaty files (.casus.md)')
    .option('-w, --write', 'rewrite the files in place')
    .option('--check', 'exit 1 if a file is not formatted')
    .action((files: string[], flags: { write?: boolean; check?: boolean }) => {
      let unformatted = 0;
      for (const f of files) {
        let text: string;
        try {
          text = readFileSync(f, 'utf8');
        } catch {
          throw optionError(f, 'cannot read the file (does it exist?)');
        }
        const formatted = formatTreatyText(text, f);
        if (flags.check) {
          if (formatted !== text) {
            unformatted++;
            process.stdout.write(`${f}: not formatted\n`);
          }
        } else if (flags.write) {
          if (formatted !== text) writeFileSync(f, formatted);
        } else process.stdout.write(formatted);
      }
      if (unformatted) process.exitCode = 1;
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files')
    .action(() => {
      process.stdout.write(stableJson(scenarioJsonSchema()));
    });

  program
    .command('test')
    .description("run scenarios and compare with their 'expect' blocks")
    .argument('[scenarios...]', 'scenario files (default: every scenario under scenarios/)')
    .action((files: string[]) => {
      const ws = defaultWorkspace();
      const list = files.length ? files : scenarioFiles(true);
      let failed = 0;
      for (const f of list) {
        const s = loadScenario(f, ws);
        const failures = expectationFailures(s, ws);
        if (!s.expect) process.stdout.write(`${pc.dim('skip')} ${f} (no expect block)\n`);
        else if (failures.length) {
          failed++;
          process.stdout.write(`${pc.red('FAIL')} ${f}\n${failures.map((x) => `     ${x}`).join('\n')}\n`);
        } else process.stdout.write(`${pc.green('ok')}   ${f}\n`);
      }
      process.stdout.write(`${list.length - failed} passed, ${failed} failed\n`);
      if (failed) process.exitCode = 1;
    });

  program
    .command('demo')
    .description('a worked example: the 2024 Russia–DPRK treaty and one scenario, explained (what `npm start` runs)')
    .action(() => {
      process.stdout.write(demo(defaultWorkspace()) + '\n');
    });
}

export const SCENARIOS_DIR = path.resolve(TREATIES_DIR, '../scenarios');
/** Scenario files in scenarios/ (`recursive`: also its subfolders, such as scenarios/corpus/). */
export function scenarioFiles(recursive = false, dir = SCENARIOS_DIR): string[] {
  const out: string[] = [];
  for (const f of readdirSorted(dir)) {
    const full = path.join(dir, f);
    if (/\.ya?ml$/.test(f)) out.push(path.relative(process.cwd(), full));
    else if (recursive && f !== 'expected' && statSync(full).isDirectory()) out.push(...scenarioFiles(true, full));
  }
  return out;
}
function readdirSorted(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function demo(ws: Workspace): string {
  const t = ws.corpus.treaties.get('rus-prk-2024')!;
  const rel = path.relative(process.cwd(), path.join(SCENARIOS_DIR, 'attack-kursk-2025.yaml'));
  const scenario = loadScenario(rel, ws);
  const before = evaluate(engineInput(scenario, ws, { asOf: '2024-11-01' }));
  const out = runScenario(scenario, ws);
  const assist = out.positions.find((p) => p.id === 'rus-prk-2024/art4.assist/PRK-RUS')!;
  const sow = runScenario(scenario, ws, { readings: ['art4.state-of-war'] }).positions.find((p) => p.id === assist.id)!;
  const rules = t.articles.reduce((n, a) => n + a.blocks.reduce((m, b) => m + b.statements.filter((s) => s.kind === 'rule').length, 0), 0);
  const lines = [
    pc.bold('casus — treaties you can run'),
    '',
    `Loaded ${pc.bold(t.meta.title)}`,
    `  ${t.articles.filter((a) => /^\d+$/.test(a.key)).length} articles and a preamble, ${rules} rules, signed ${t.meta.signed.date} in ${t.meta.signed.place}.`,
    '',
    pc.bold('1. The treaty’s own life'),
    `  On 2024-11-01: ${before.treaties.map((x) => `${x.id} ${status(x.status)}`).join(', ')}.`,
    `  On ${out.as_of}: ${out.treaties.map((x) => `${x.id} ${status(x.status)}${x.since ? ` since ${x.since}` : ''}`).join(', ')}.`,
    '',
    pc.bold(`2. A scenario: ${scenario.title ?? scenario.id}`) + pc.dim(`  (${rel})`),
    ...scenario.events.map((e) => `  ${e.date}  ${e.type} ${Object.entries(e.fields).map(([k, v]) => `${k}=${v}`).join(' ')}`),
    '',
    pc.bold('3. The answer, with its reasons'),
    renderTree(assist.explanation).split('\n').map((l) => `  ${l}`).join('\n'),
    '',
    pc.bold('4. The same question under another reading'),
    `  Under art4.state-of-war (seed 002's reading: only a formal state of war counts), the same position is ${status(sow.status)}:`,
    `  ${sow.explanation.because.find((b) => b.text.startsWith('no '))?.text ?? ''}`,
    '',
    pc.dim('Next: casus run ' + rel + ' · casus run ' + rel + ' --across-readings · casus articles rus-prk-2024 4 · casus readings rus-prk-2024 · casus --help'),
  ];
  return lines.join('\n');
}
