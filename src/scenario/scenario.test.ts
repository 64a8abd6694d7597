/**
 * Scenario files: every bad fixture fails with exactly its `.expected` message (refresh with
 * `npm run test:reset`); the published JSON Schema matches the generator and agrees with the
 * loader on every scenario in the repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse as parseYamlText } from 'yaml';
import { loadScenarioFile, parseDurationText, scenarioJsonSchema } from './scenario.js';
import { CasusError, formatDiagnostic } from '../language/diagnostics.js';
import { defaultWorld } from '../world/world.js';
import { defaultCorpus } from '../corpus/load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const RESET = process.env.CASUS_RESET === '1';
const ctx = () => ({ world: defaultWorld(), treaties: new Set(defaultCorpus().treaties.keys()) });

function errorsOf(file: string): string {
  try {
    loadScenarioFile(path.relative(process.cwd(), file), ctx());
    return '';
  } catch (e) {
    if (e instanceof CasusError) return e.diagnostics.map(formatDiagnostic).join('\n');
    throw e;
  }
}

const badDir = path.join(here, 'fixtures', 'bad');
for (const f of readdirSync(badDir).filter((x) => x.endsWith('.yaml')).sort()) {
  test(`bad scenario fails as expected: ${f}`, () => {
    const file = path.join(badDir, f);
    const got = errorsOf(file);
    assert.notEqual(got, '', `${f} should be rejected`);
    assert.match(got, /^[^:]+:\d+:\d+: error: /, 'errors carry file:line:col');
    const expected = file.replace(/\.yaml$/, '.expected');
    if (RESET || !existsSync(expected)) writeFileSync(expected, got + '\n');
    assert.equal(got, readFileSync(expected, 'utf8').trimEnd());
  });
}

test('schemas/scenario.schema.json is the generated schema', () => {
  const file = path.join(root, 'schemas', 'scenario.schema.json');
  const generated = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
  if (RESET || !existsSync(file)) writeFileSync(file, generated);
  assert.equal(readFileSync(file, 'utf8'), generated, 'run npm run test:reset to regenerate the schema');
});

test('the JSON Schema accepts every scenario in scenarios/ and rejects the structurally bad fixtures', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(scenarioJsonSchema());
  const scenarioDir = path.join(root, 'scenarios');
  const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 15);
  for (const f of files) {
    const data = parseYamlText(readFileSync(path.join(scenarioDir, f), 'utf8'));
    assert.ok(validate(data), `${f}: ${JSON.stringify(validate.errors)}`);
  }
  // fixtures whose fault is in the shape, not in a name only the loader knows (states, treaties)
  for (const f of ['unknown-event-type', 'unknown-field', 'missing-as-of', 'unknown-key', 'missing-required-field', 'bad-enum', 'bad-as-of', 'event-not-a-mapping', 'bad-expect-status', 'bad-assume']) {
    const data = parseYamlText(readFileSync(path.join(badDir, `${f}.yaml`), 'utf8'));
    assert.equal(validate(data), false, `${f} should be rejected by the schema`);
  }
});

test('durations are read in words', () => {
  assert.deepEqual(parseDurationText('7 days'), { amount: 7, unit: 'day' });
  assert.deepEqual(parseDurationText('1 year'), { amount: 1, unit: 'year' });
  assert.equal(parseDurationText('soon'), null);
});

test('a scenario event keeps its file position and fields', () => {
  const s = loadScenarioFile('scenarios/attack-kursk-2025.yaml', ctx());
  assert.equal(s.events.length, 1);
  assert.deepEqual(s.events[0]!.fields, { by: 'UKR', on: 'RUS', territory: 'RU-KRS' });
  assert.deepEqual(s.events[0]!.origin, { kind: 'scenario', file: 'scenarios/attack-kursk-2025.yaml', line: 13, col: 5 });
});
