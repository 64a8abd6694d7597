/** `casus serve`: the HTTP API (and the workbench, when present) on loopback by default. */
import type { Command } from 'commander';
import { buildServer } from '../../server/server.js';
import { optionError } from '../../language/diagnostics.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI at /openapi.json)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to bind (loopback by default)', '127.0.0.1')
    .addHelpText('after', '\nExample:\n  casus serve --port 8080\n  curl -s localhost:8080/treaties\n  curl -s -X POST --data-binary @scenarios/attack-kursk-2025.yaml -H "content-type: application/yaml" localhost:8080/run')
    .action(async (flags: { port: string; host: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw optionError('--port', `expected a port number, found '${flags.port}'`);
      const app = buildServer();
      const address = await app.listen({ port, host: flags.host });
      process.stdout.write(`casus API listening on ${address} (OpenAPI: ${address}/openapi.json)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
