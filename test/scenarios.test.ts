/**
 * Every scenario in scenarios/ runs, meets its `expect` block, and produces exactly its golden
 * output in scenarios/expected/<id>.json (one golden file per scenario, byte for byte; refresh
 * with `npm run test:reset` and review the diff).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultWorkspace, loadScenario, runScenario, stableJson } from '../src/api.js';
import { expectationFailures, scenarioFiles, SCENARIOS_DIR } from '../src/cli/commands/core.js';

const RESET = process.env.CASUS_RESET === '1';
const ws = defaultWorkspace();

test('there are at least 15 scenarios, each with an expect block', () => {
  const files = scenarioFiles();
  assert.ok(files.length >= 15, `found ${files.length}`);
  for (const f of files) assert.ok(loadScenario(f, ws).expect, `${path.basename(f)} has no expect block`);
});

for (const file of scenarioFiles()) {
  const name = path.basename(file, '.yaml');
  test(`scenario ${name}: expectations hold and output matches its golden file`, () => {
    const rel = path.relative(process.cwd(), file);
    const s = loadScenario(rel, ws);
    assert.deepEqual(expectationFailures(s, ws), []);
    const json = stableJson(runScenario(s, ws));
    assert.equal(stableJson(runScenario(loadScenario(rel, ws), ws)), json, 'deterministic: the same input gives the same bytes');
    const golden = path.join(SCENARIOS_DIR, 'expected', `${name}.json`);
    if (RESET || !existsSync(golden)) writeFileSync(golden, json);
    assert.equal(json, readFileSync(golden, 'utf8'));
  });
}
