/**
 * The built package works, not only the sources: compile with the build config into a scratch
 * folder and run the compiled CLI, which must find its data (treaties, world, lexicon) by itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../src/paths.js';

test('the compiled CLI runs the demo, a scenario and an ingest', () => {
  const out = fromRoot('.test-dist');
  rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', fromRoot('tsconfig.build.json'), '--outDir', out, '--declaration', 'false', '--sourceMap', 'false'], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(out, 'cli', 'main.js'), ...args], { cwd: fromRoot(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const demo = run('demo');
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /PRK must provide military assistance \(owed to RUS\): violated since 2025-01-17/);
  const json = run('run', 'scenarios/attack-kursk-2025.yaml', '--json');
  assert.equal(JSON.parse(json.stdout).as_of, '2025-02-01');
  const ingest = run('ingest', path.resolve(fromRoot(), '../shared/seeds/003_337b0c9e12ab812b.txt'), '--date', '2024-06-20', '--no-store', '--json');
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.ok(JSON.parse(ingest.stdout).documents[0].claims.some((c: { fact_check: { verdict: string } | null }) => c.fact_check?.verdict === 'false'));
  rmSync(out, { recursive: true, force: true });
});
