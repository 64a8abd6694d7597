/**
 * `casus`: the command-line adapter over the library. Each command lives in
 * src/cli/commands/<name>.ts and exports `register(program)`; this file only wires them up
 * and turns errors into exit codes: 0 ok, 1 a user's input error (printed as
 * `file:line:col: error: message`), 2 an internal error.
 */
import { Command, CommanderError } from 'commander';
import { CasusError, formatDiagnostic } from '../language/diagnostics.js';
import { register as registerCore } from './commands/core.js';
import { register as registerCorpus } from './commands/corpus.js';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerCascade } from './commands/cascade.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('casus')
    .description('Treaties you can run: dated events in, every party’s obligations, permissions and prohibitions out, each explained and traced to its article, event and reading.')
    .addHelpText(
      'after',
      [
        '',
        'Start here:',
        '  casus demo                                              a worked example (the 2024 Russia–DPRK treaty)',
        '  casus articles rus-prk-2024 4                           an article’s text beside its rules',
        '  casus run scenarios/attack-kursk-2025.yaml              who must do what, as of the scenario’s date',
        '  casus explain scenarios/attack-kursk-2025.yaml art4.assist/PRK    why',
        '  casus readings rus-prk-2024                             the contested readings and who holds them',
        '  casus compare sun-prk-1961 rus-prk-2000 rus-prk-2024    how the alliance clause evolved',
        '  casus serve                                             the HTTP API and the web workbench',
        '',
        'Every command has --help. Errors in your files are reported as file:line:col.',
      ].join('\n'),
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCore(program);
  registerCorpus(program);
  registerIngest(program);
  registerServe(program);
  registerCascade(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage mistakes are user errors
      return e.exitCode === 0 ? 0 : 1;
    }
    if (e instanceof CasusError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      return 1;
    }
    process.stderr.write(`casus: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

const isEntry = process.argv[1] !== undefined && /(main\.(ts|js)|casus(\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  // a reader that stops early (`casus run … | head`) closes the pipe: stop quietly, not with a trace
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // set the exit code and let Node exit by itself: process.exit() would cut off output still
  // being written to a pipe (anything past 64 KiB)
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
