/** The HTTP API through fastify's in-process injection (no socket): contract, errors, OpenAPI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { buildServer } from './server.js';

const app = buildServer();
const kursk = readFileSync('scenarios/attack-kursk-2025.yaml', 'utf8');

test('POST /run with a YAML scenario returns the run contract', async () => {
  const r = await app.inject({ method: 'POST', url: '/run', headers: { 'content-type': 'application/yaml' }, payload: kursk });
  assert.equal(r.statusCode, 200);
  const out = r.json();
  assert.deepEqual(Object.keys(out), ['as_of', 'readings', 'treaties', 'positions']);
  assert.equal(out.positions.find((p: { id: string }) => p.id === 'rus-prk-2024/art4.assist/PRK-RUS').status, 'violated');
});

test('POST /run accepts JSON, readings and across_readings in the query', async () => {
  const body = { treaties: ['rus-prk-2024'], as_of: '2025-02-01', events: [{ date: '2025-01-10', type: 'armed_attack', by: 'UKR', on: 'RUS', territory: 'RU-KRS' }] };
  const r = await app.inject({ method: 'POST', url: '/run?reading=art4.state-of-war&across_readings=true', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  assert.equal(r.statusCode, 200);
  const out = r.json();
  assert.ok(out.readings.includes('art4.state-of-war'));
  assert.equal(out.positions.find((p: { id: string }) => p.id === 'rus-prk-2024/art4.assist/PRK-RUS').status, 'not-triggered');
  assert.ok(out.across_readings.length > 0);
});

test('a bad scenario is a 400 with line and column', async () => {
  const r = await app.inject({ method: 'POST', url: '/run', headers: { 'content-type': 'application/yaml' }, payload: 'treaties: [rus-prk-2024]\nas_of: 2025-02-01\nevents:\n  - {date: 2025-01-10, type: armed_atack, by: UKR, on: RUS}\n' });
  assert.equal(r.statusCode, 400);
  assert.deepEqual(r.json(), { errors: [{ file: 'request', line: 4, col: 30, message: "unknown event type 'armed_atack' (did you mean 'armed_attack'?)" }] });
});

test('POST /explain returns one position; unknown ones are 404', async () => {
  const r = await app.inject({ method: 'POST', url: '/explain?position=rus-prk-2024/art4.assist/PRK-RUS', headers: { 'content-type': 'application/yaml' }, payload: kursk });
  assert.equal(r.statusCode, 200);
  assert.match(r.json().explanation.text, /^PRK must provide military assistance \(owed to RUS\): violated since 2025-01-17$/);
  const missing = await app.inject({ method: 'POST', url: '/explain?position=nope', headers: { 'content-type': 'application/yaml' }, payload: kursk });
  assert.equal(missing.statusCode, 404);
});

test('treaties, articles and readings', async () => {
  const list = (await app.inject({ method: 'GET', url: '/treaties?as_of=2024-11-01' })).json();
  assert.equal(list.find((t: { id: string }) => t.id === 'rus-prk-2024').status.status, 'signed');
  const t = (await app.inject({ method: 'GET', url: '/treaties/rus-prk-2024' })).json();
  assert.equal(t.articles.find((a: { key: string }) => a.key === '4').rules.some((r: string) => r.startsWith('obligation assist')), true);
  const rs = (await app.inject({ method: 'GET', url: '/treaties/rus-prk-2024/readings' })).json();
  assert.ok(rs.some((r: { id: string; default: boolean }) => r.id === 'art4.armed-attack' && r.default));
  assert.equal((await app.inject({ method: 'GET', url: '/treaties/nope' })).statusCode, 404);
});

test('the OpenAPI document is valid JSON Schema where it embeds schemas, and covers every route', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/run', '/explain', '/treaties', '/treaties/{id}', '/treaties/{id}/readings', '/scenarios']) assert.ok(doc.paths[p], p);
  const ajv = new Ajv({ strict: false });
  // the embedded scenario schema validates a real scenario
  const validate = ajv.compile(doc.components.schemas.Scenario);
  assert.ok(validate({ treaties: ['rus-prk-2024'], as_of: '2025-01-01', events: [] }));
});
