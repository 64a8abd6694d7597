/** `casus cascade`: how far an attack spreads through the alliances in force (Monte Carlo). */
import type { Command } from 'commander';
import pc from 'picocolors';
import { defaultWorkspace, engineInput, loadScenario, stableJson } from '../../api.js';
import { cascade, type CascadeResult } from '../../cascade/cascade.js';
import { DEFAULT_MAX_ROUNDS, DEFAULT_RUNS, DEFAULT_SEED, MAX_ROUNDS, parseCompliance, parseEscalation, parseSeed, positiveInt } from '../../cascade/options.js';
import { optionError } from '../../language/diagnostics.js';

const optionFail = (option: string) => (message: string) => optionError(option, message);

function render(r: CascadeResult, allDuties: boolean): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const byTreaty = new Map<string, { n: number; due: number; honoured: number }>();
  for (const d of r.duties) {
    const t = d.position.slice(0, d.position.indexOf('/'));
    const x = byTreaty.get(t) ?? { n: 0, due: 0, honoured: 0 };
    x.n++;
    x.due += d.p_due;
    x.honoured += d.p_due * d.p_honoured_when_due;
    byTreaty.set(t, x);
  }
  const lines = [
    pc.bold(`Alliance cascade: ${r.runs} runs, seed ${r.seed}, horizon ${r.as_of}`),
    pc.dim(`assumptions: honour a due duty with p = automatic ${r.assumptions.compliance.automatic}, discretionary ${r.assumptions.compliance.discretionary}, unspecified ${r.assumptions.compliance.unspecified}; escalation ${r.assumptions.escalation}; at most ${r.assumptions.max_rounds} rounds`),
    pc.dim(r.assumptions.note),
    '',
    `Bounds: every due duty honoured → ${r.bounds.all_honoured.belligerents.length} belligerents in ${r.bounds.all_honoured.rounds} round(s): ${r.bounds.all_honoured.belligerents.join(', ')}`,
    `        none honoured → ${r.bounds.none_honoured.belligerents.length}: ${r.bounds.none_honoured.belligerents.join(', ')}`,
    '',
    pc.bold('States') + pc.dim('   P(belligerent)  P(a duty of its falls due)'),
    ...r.states.map((s) => `  ${s.state}   ${pct(s.p_belligerent)}         ${pct(s.p_duty_due)}`),
    '',
    pc.bold('Number of belligerents') + pc.dim(' (share of runs)'),
    ...Object.entries(r.belligerents_distribution).map(([n, p]) => `  ${n.padStart(3)}  ${'█'.repeat(Math.round(p * 40)).padEnd(40)} ${pct(p)}`),
    '',
    pc.bold('Defence duties by treaty') + pc.dim('   duties that ever fell due · mean due per run · mean honoured per run'),
    ...[...byTreaty.entries()].map(([t, x]) => `  ${t.padEnd(16)} ${String(x.n).padStart(5)}   ${x.due.toFixed(1).padStart(7)}   ${x.honoured.toFixed(1).padStart(7)}`),
  ];
  if (allDuties) {
    lines.push('', pc.bold('Each duty') + pc.dim('   P(due)  P(honoured | due)  automaticity'));
    lines.push(...r.duties.map((d) => `  ${d.position.padEnd(44)} ${pct(d.p_due)}  ${pct(d.p_honoured_when_due)}   ${d.automaticity}`));
  } else lines.push(pc.dim(`  (--duties lists each of the ${r.duties.length} duties)`));
  lines.push('', pc.dim(`mean rounds: ${r.mean_rounds}`));
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('cascade')
    .description('simulate how an attack spreads through the alliances in force (seeded Monte Carlo)')
    .argument('<scenario>', 'scenario file with the initial events')
    .option('--treaties <ids>', "treaties to consider (comma-separated, or 'all')", 'all')
    .option('-r, --reading <id...>', 'choose readings (--reading a b, or repeat the option)', [])
    .option('--runs <n>', 'number of simulated runs', String(DEFAULT_RUNS))
    .option('--seed <n>', 'random seed (same seed, same result)', String(DEFAULT_SEED))
    .option('--comply <spec>', 'probability of honouring a due duty by automaticity, e.g. automatic=0.9,discretionary=0.4')
    .option('--escalation <mode>', "assistance-is-attack (a helper fights the attacker, which can engage the attacker's allies) or none", 'assistance-is-attack')
    .option('--max-rounds <n>', 'stop after this many rounds', String(DEFAULT_MAX_ROUNDS))
    .option('--duties', 'list every duty that fell due (there can be hundreds)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  casus cascade scenarios/corpus/attack-estonia-2025.yaml --runs 2000 --comply automatic=0.9,discretionary=0.6')
    .action((file: string, flags: { treaties: string; reading: string[]; runs: string; seed: string; comply?: string; escalation: string; maxRounds: string; json?: boolean; duties?: boolean }) => {
      const escalation = parseEscalation(flags.escalation, optionFail('--escalation'));
      const ws = defaultWorkspace();
      const scenario = loadScenario(file, ws);
      const input = engineInput(scenario, ws, { treaties: flags.treaties === 'all' ? 'all' : flags.treaties.split(','), readings: flags.reading });
      const runs = positiveInt(flags.runs, 1_000_000, optionFail('--runs'));
      const seed = parseSeed(flags.seed, optionFail('--seed'));
      const tty = process.stderr.isTTY && !flags.json;
      const result = cascade({
        treaties: input.treaties,
        world: ws.world,
        events: input.events,
        asOf: input.asOf,
        readings: input.readings,
        runs,
        seed,
        compliance: parseCompliance(flags.comply, optionFail('--comply')),
        escalation,
        maxRounds: positiveInt(flags.maxRounds, MAX_ROUNDS, optionFail('--max-rounds')),
        onProgress: tty ? (done, total) => void (done % 10 === 0 && process.stderr.write(`\r  ${done}/${total} runs`)) : undefined,
      });
      if (tty) process.stderr.write('\r' + ' '.repeat(30) + '\r');
      process.stdout.write(flags.json ? stableJson(result) : render(result, flags.duties === true) + '\n');
    });
}
