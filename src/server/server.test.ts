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
  for (const p of ['/run', '/explain', '/treaties', '/treaties/{id}', '/treaties/{id}/readings', '/scenarios', '/network', '/codes', '/compare', '/ingest', '/cascade', '/states']) assert.ok(doc.paths[p], p);
  const ajv = new Ajv({ strict: false });
  // the embedded scenario schema validates a real scenario
  const validate = ajv.compile(doc.components.schemas.Scenario);
  assert.ok(validate({ treaties: ['rus-prk-2024'], as_of: '2025-01-01', events: [] }));
});

/** A validator for a response, from the OpenAPI document's own component schemas. */
async function contract(name: string) {
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const ajv = new Ajv({ strict: false });
  ajv.addSchema({ $id: 'https://casus.invalid/openapi.json', components: { schemas: Object.fromEntries(Object.entries(doc.components.schemas).filter(([k]) => k !== 'Scenario')) } });
  const validate = ajv.compile({ $ref: `https://casus.invalid/openapi.json#/components/schemas/${name}` });
  return (value: unknown) => {
    assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)}`);
  };
}

interface Edge { a: string; b: string; type: string; treaty: string; directed: boolean }

test('GET /network: the alliance network at a date, as JSON or SVG', async () => {
  const r = await app.inject({ method: 'GET', url: '/network?as_of=2025-06-01' });
  assert.equal(r.statusCode, 200);
  const n = r.json();
  (await contract('Network'))(n);
  assert.equal(n.as_of, '2025-06-01');
  assert.ok(n.edges.some((e: Edge) => e.a === 'PRK' && e.b === 'RUS' && e.type === 'defence' && e.treaty === 'rus-prk-2024' && !e.directed));
  // in 1962 the 2024 treaty does not exist yet, the 1961 Soviet treaty does
  const old = (await app.inject({ method: 'GET', url: '/network?as_of=1962-01-01' })).json();
  assert.ok(!old.edges.some((e: Edge) => e.treaty === 'rus-prk-2024'));
  assert.ok(old.edges.some((e: Edge) => e.treaty === 'sun-prk-1961' && e.type === 'defence'));
  // deterministic: the same request gives the same bytes
  assert.equal((await app.inject({ method: 'GET', url: '/network?as_of=2025-06-01' })).body, r.body);

  const svg = await app.inject({ method: 'GET', url: '/network?as_of=2025-06-01&format=svg' });
  assert.equal(svg.statusCode, 200);
  assert.match(svg.headers['content-type'] as string, /^image\/svg\+xml/);
  assert.match(svg.body, /<svg [^>]*viewBox/);
  assert.match(svg.body, /PRK – RUS rus-prk-2024: defence/);
});

test('GET /network: a missing or invalid date or format is a 400 that says which parameter', async () => {
  for (const [url, message] of [
    ['/network', "query parameter 'as_of': missing; expected a date YYYY-MM-DD"],
    ['/network?as_of=2025-02-30', "query parameter 'as_of': expected a date YYYY-MM-DD, found '2025-02-30'"],
    ['/network?as_of=2025-01-01&format=png', "query parameter 'format': expected json or svg, found 'png'"],
  ] as const) {
    const r = await app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 400, url);
    assert.deepEqual(r.json(), { errors: [{ file: null, line: 0, col: 0, message }] });
  }
});

test('GET /codes: provision codes for one treaty or all', async () => {
  const one = (await app.inject({ method: 'GET', url: '/codes?treaty=rus-prk-2024' })).json();
  (await contract('TreatyCodes'))(one[0]);
  assert.equal(one.length, 1);
  const defence = one[0].codes.find((c: { code: string }) => c.code === 'defence');
  assert.equal(defence.rule.rule, 'art4.assist');
  assert.equal(defence.atop, 'DEFENSE');
  assert.ok(one[0].variations.some((v: { reading: string }) => v.reading === 'art4.symbolic'));
  const all = (await app.inject({ method: 'GET', url: '/codes?treaty=all' })).json();
  const ids = all.map((t: { treaty: string }) => t.treaty);
  assert.ok(ids.length >= 10);
  assert.deepEqual(ids, [...ids].sort());
  assert.deepEqual((await app.inject({ method: 'GET', url: '/codes' })).json(), all);
  const bad = await app.inject({ method: 'GET', url: '/codes?treaty=rus-prk-2042' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().errors[0].message, /unknown treaty 'rus-prk-2042' \(did you mean 'rus-prk-2024'\?\)/);
});

test('GET /compare: clause beside clause, differing rows marked', async () => {
  const r = await app.inject({ method: 'GET', url: '/compare?treaties=sun-prk-1961,rus-prk-2000,rus-prk-2024' });
  assert.equal(r.statusCode, 200);
  const cmp = r.json();
  (await contract('Comparison'))(cmp);
  assert.deepEqual(cmp.treaties.map((t: { id: string }) => t.id), ['sun-prk-1961', 'rus-prk-2000', 'rus-prk-2024']);
  const present = cmp.rows.find((x: { section: string; field: string }) => x.section === 'defence' && x.field === 'present');
  assert.equal(present.differs, true);
  assert.equal(present.values['rus-prk-2000'], 'no');
  assert.match(present.values['rus-prk-2024'], /^yes; no under art4\.symbolic$/);
  const same = cmp.rows.find((x: { section: string; field: string }) => x.section === 'consultation' && x.field === 'present');
  assert.equal(same.differs, false);
  for (const [url, message] of [
    ['/compare', /missing/],
    ['/compare?treaties=rus-prk-2024', /at least two treaty ids, found 1/],
    ['/compare?treaties=rus-prk-2024,rus-prk-2024', /named twice/],
    ['/compare?treaties=rus-prk-2024,nato-1948', /unknown treaty 'nato-1948' \(did you mean 'nato-1949'\?\)/],
  ] as const) {
    const bad = await app.inject({ method: 'GET', url });
    assert.equal(bad.statusCode, 400, url);
    assert.match(bad.json().errors[0].message, message, url);
  }
});

// a test text written for this test (not taken from any article)
const ARTICLE = [
  'Moscow and Pyongyang sign a partnership pact',
  '',
  'The agreement signed on Wednesday will take effect next year, officials said.',
  '"We are not building a bloc against anyone," said Dmitry Peskov, the Kremlin spokesman.',
  'Some analysts said Article 4 obliges each side to send military help at once if the other is attacked.',
  '',
].join('\n');

test('POST /ingest: an article read against the treaty, with a false fact check', async () => {
  const r = await app.inject({ method: 'POST', url: '/ingest?date=2024-06-20&treaty=rus-prk-2024&name=pact.txt', headers: { 'content-type': 'text/plain' }, payload: ARTICLE });
  assert.equal(r.statusCode, 200);
  const out = r.json();
  (await contract('IngestResult'))(out);
  const doc = out.documents[0];
  assert.equal(doc.file, 'pact.txt');
  assert.equal(doc.date, '2024-06-20');
  const effect = doc.claims.find((c: { line: number }) => c.line === 3);
  assert.equal(effect.fact_check.verdict, 'false');
  assert.match(effect.fact_check.fact, /entered into force on 2024-12-04/);
  assert.ok(doc.quotes.some((q: { speaker: string; line: number }) => q.speaker === 'Dmitry Peskov' && q.line === 4));
  assert.ok(doc.article_refs.some((a: { article: string; kind: string }) => a.article === '4' && a.kind === 'explicit'));
  // nothing is stored: the same request gives the same bytes
  const again = await app.inject({ method: 'POST', url: '/ingest?date=2024-06-20&treaty=rus-prk-2024&name=pact.txt', headers: { 'content-type': 'text/plain' }, payload: ARTICLE });
  assert.equal(again.body, r.body);
  // HTML by content type
  const html = await app.inject({ method: 'POST', url: '/ingest?date=2024-06-20', headers: { 'content-type': 'text/html' }, payload: '<p>The pact will take effect next year, an official said.</p>' });
  assert.equal(html.json().documents[0].file, 'request.html');
  assert.equal(html.json().documents[0].claims[0].fact_check.verdict, 'false');
});

test('POST /ingest: empty, binary and non-UTF-8 bodies, bad dates and unknown treaties are 400s', async () => {
  const cases: [string, string | Buffer, string, { file: string | null; line: number; col: number; message: string | RegExp }][] = [
    ['/ingest', '', 'text/plain', { file: 'request', line: 1, col: 1, message: 'empty file: nothing to ingest' }],
    ['/ingest?name=blank.txt', '  \n\n', 'text/plain', { file: 'blank.txt', line: 1, col: 1, message: 'empty file: nothing to ingest (only whitespace)' }],
    ['/ingest', Buffer.from([0x41, 0x0a, 0x42, 0x00, 0x43]), 'application/octet-stream', { file: 'request', line: 2, col: 2, message: /^binary file: NUL byte at byte offset 3/ }],
    ['/ingest', Buffer.from([0x41, 0xff, 0x43]), 'text/plain', { file: 'request', line: 1, col: 2, message: /^invalid UTF-8 at byte offset 1/ }],
    ['/ingest?date=2024-06-31', 'text', 'text/plain', { file: null, line: 0, col: 0, message: "query parameter 'date': expected a date YYYY-MM-DD, found '2024-06-31'" }],
    ['/ingest?treaty=rus-prk-2042', 'text', 'text/plain', { file: null, line: 0, col: 0, message: /^query parameter 'treaty': unknown treaty 'rus-prk-2042' \(did you mean 'rus-prk-2024'\?\)/ }],
  ];
  for (const [url, payload, type, want] of cases) {
    const r = await app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
    assert.equal(r.statusCode, 400, url);
    const [e, ...rest] = r.json().errors;
    assert.deepEqual(rest, []);
    assert.deepEqual({ file: e.file, line: e.line, col: e.col }, { file: want.file, line: want.line, col: want.col }, url);
    if (typeof want.message === 'string') assert.equal(e.message, want.message);
    else assert.match(e.message, want.message);
  }
  // the scenario endpoints still take text bodies as before
  const run = await app.inject({ method: 'POST', url: '/run', headers: { 'content-type': 'text/plain' }, payload: 'treaties: [rus-prk-2024]\nas_of: 2025-01-01\nevents: []\n' });
  assert.equal(run.statusCode, 200);
});

const estonia = readFileSync('scenarios/corpus/attack-estonia-2025.yaml', 'utf8');
const cascadeOf = (query: string, payload = estonia) => app.inject({ method: 'POST', url: `/cascade?${query}`, headers: { 'content-type': 'application/yaml' }, payload });
interface StateShare { state: string; p_belligerent: number }

test('POST /cascade: a seeded Monte Carlo with its bounds and the assumptions it was run under; same seed, same bytes', async () => {
  const r = await cascadeOf('runs=4&seed=7&comply=automatic=0.9,discretionary=0.4');
  assert.equal(r.statusCode, 200);
  const out = r.json();
  (await contract('CascadeResult'))(out);
  assert.equal(out.runs, 4);
  assert.equal(out.seed, 7);
  // the probabilities chosen, the default for the class not named, and the note that they are assumptions
  assert.deepEqual(out.assumptions.compliance, { automatic: 0.9, discretionary: 0.4, unspecified: 0.5 });
  assert.equal(out.assumptions.escalation, 'assistance-is-attack');
  assert.match(out.assumptions.note, /modelling assumptions chosen by the user, not estimates/);
  assert.deepEqual(out.bounds.none_honoured.belligerents, ['EST', 'RUS']);
  assert.ok(out.bounds.all_honoured.belligerents.includes('PRK') && !out.bounds.all_honoured.belligerents.includes('JPN'));
  // deterministic: the same request gives the same bytes, another seed (here) another result
  assert.equal((await cascadeOf('runs=4&seed=7&comply=automatic=0.9,discretionary=0.4')).body, r.body);
  assert.notEqual((await cascadeOf('runs=4&seed=8&comply=automatic=0.9,discretionary=0.4')).body, r.body);
});

test('POST /cascade: every probability 1 reproduces the upper bound; escalation none stops at the first ring', async () => {
  const all = (await cascadeOf('runs=2&comply=automatic=1,discretionary=1,unspecified=1')).json();
  const p = (states: StateShare[], s: string) => states.find((x) => x.state === s)?.p_belligerent;
  assert.equal(p(all.states, 'PRK'), 1);
  assert.equal(p(all.states, 'JPN'), undefined, 'US–Japan Art. V covers only territory under Japanese administration');
  assert.deepEqual(all.states.filter((s: StateShare) => s.p_belligerent === 1).map((s: StateShare) => s.state), all.bounds.all_honoured.belligerents);
  const none = (await cascadeOf('runs=2&comply=automatic=1,discretionary=1,unspecified=1&escalation=none&treaties=nato-1949,rus-prk-2024')).json();
  assert.equal(p(none.states, 'PRK'), undefined);
  assert.equal(none.bounds.all_honoured.belligerents.length, 32, 'Estonia, Russia and the 30 other NATO parties');
  assert.deepEqual(none.belligerents_distribution, { '32': 1 });
});

test('POST /cascade: bad parameters are 400s naming the parameter, and a bad scenario has its line and column', async () => {
  for (const [query, message] of [
    ['runs=5000', "query parameter 'runs': found '5000', but this server runs at most 2000 per request (a large cascade takes about 0.1 s per run); the CLI (casus cascade --runs) has no such limit"],
    ['runs=0', "query parameter 'runs': expected a whole number from 1 to 2000, found '0'"],
    ['runs=1.5', "query parameter 'runs': expected a whole number from 1 to 2000, found '1.5'"],
    ['runs=1&runs=2', "query parameter 'runs': given 2 times; give it once"],
    ['seed=x', "query parameter 'seed': expected a whole number, found 'x'"],
    ['comply=automatic=1.2', "query parameter 'comply': expected CLASS=P with CLASS automatic, discretionary or unspecified and P between 0 and 1, found 'automatic=1.2'"],
    ['comply=automatc=0.5', "query parameter 'comply': expected CLASS=P with CLASS automatic, discretionary or unspecified and P between 0 and 1, found 'automatc=0.5'"],
    ['escalation=always', "query parameter 'escalation': expected assistance-is-attack or none, found 'always'"],
    ['max_rounds=51', "query parameter 'max_rounds': expected a whole number from 1 to 50, found '51'"],
    ['treaties=nato-1948', /^query parameter 'treaties': unknown treaty 'nato-1948' \(did you mean 'nato-1949'\?\)/],
    ['runs=1&reading=art4.nope', "query parameter 'reading': unknown reading 'art4.nope'; GET /treaties/{id}/readings lists them"],
  ] as const) {
    const r = await cascadeOf(query);
    assert.equal(r.statusCode, 400, query);
    const [e, ...rest] = r.json().errors;
    assert.deepEqual(rest, [], query);
    assert.deepEqual({ file: e.file, line: e.line, col: e.col }, { file: null, line: 0, col: 0 }, query);
    if (typeof message === 'string') assert.equal(e.message, message, query);
    else assert.match(e.message, message, query);
  }
  const bad = await cascadeOf('runs=1', 'treaties: [nato-1949]\nas_of: 2025-03-15\nevents:\n  - {date: 2025-03-01, type: armed_atack, by: RUS, on: EST}\n');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors[0], { file: 'request', line: 4, col: 30, message: "unknown event type 'armed_atack' (did you mean 'armed_attack'?)" });
});

test('GET /states: codes and names, sorted by code', async () => {
  const states: { id: string; name: string; historical: boolean }[] = (await app.inject({ method: 'GET', url: '/states' })).json();
  assert.deepEqual(states.find((s) => s.id === 'EST'), { id: 'EST', name: 'Estonia', historical: false });
  assert.equal(states.find((s) => s.id === 'SUN')?.historical, true);
  assert.deepEqual(states.map((s) => s.id), states.map((s) => s.id).sort());
});

test('the server keeps answering while a cascade runs', async () => {
  const estonia = readFileSync('scenarios/corpus/attack-estonia-2025.yaml', 'utf8');
  let cascadeDone = false;
  const running = app.inject({ method: 'POST', url: '/cascade?runs=40&seed=3', headers: { 'content-type': 'application/yaml' }, payload: estonia }).then((r) => {
    cascadeDone = true;
    return r;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const health = await app.inject({ method: 'GET', url: '/health' });
  assert.equal(health.statusCode, 200);
  assert.equal(cascadeDone, false, 'the health check was answered before the cascade finished');
  assert.equal((await running).statusCode, 200);
});

test('POST /cascade?stream=true: one progress line per run, then the same result as without streaming', async () => {
  const estonia = readFileSync('scenarios/corpus/attack-estonia-2025.yaml', 'utf8');
  const plain = await app.inject({ method: 'POST', url: '/cascade?runs=3&seed=5', headers: { 'content-type': 'application/yaml' }, payload: estonia });
  const streamed = await app.inject({ method: 'POST', url: '/cascade?runs=3&seed=5&stream=true', headers: { 'content-type': 'application/yaml' }, payload: estonia });
  assert.equal(streamed.statusCode, 200);
  assert.match(String(streamed.headers['content-type']), /application\/x-ndjson/);
  const lines = streamed.body.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.slice(0, 3), [{ done: 1, total: 3 }, { done: 2, total: 3 }, { done: 3, total: 3 }]);
  assert.deepEqual(lines[3].result, plain.json());
  const bad = await app.inject({ method: 'POST', url: '/cascade?runs=3&stream=true&reading=art4.nope', headers: { 'content-type': 'application/yaml' }, payload: estonia });
  assert.equal(bad.statusCode, 400, 'a bad reading is refused before streaming starts');
});
