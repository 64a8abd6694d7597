/** The CLI as a user meets it: exit codes, error format on stderr, the JSON contract, help. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
function casus(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('casus --help lists the commands and exits 0', () => {
  const r = casus('--help');
  assert.equal(r.code, 0);
  for (const c of ['check', 'run', 'explain', 'readings', 'articles', 'fmt']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

test('casus run --json follows the stable contract', () => {
  const r = casus('run', 'scenarios/attack-kursk-2025.yaml', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['as_of', 'readings', 'treaties', 'positions']);
  assert.equal(out.as_of, '2025-02-01');
  assert.deepEqual(out.readings, ['art4.armed-attack', 'art4.direct', 'art4.gates-declaratory', 'territory.international']);
  const p = out.positions.find((x: { id: string }) => x.id === 'rus-prk-2024/art4.assist/PRK-RUS');
  assert.deepEqual(Object.keys(p), ['id', 'treaty', 'article', 'modality', 'bearer', 'counterparty', 'action', 'status', 'since', 'depends_on_readings', 'explanation']);
  assert.equal(p.status, 'violated');
  assert.deepEqual(Object.keys(p.explanation), ['text', 'because']);
});

test('casus run --as-of and --reading change the answer', () => {
  const r = casus('run', 'scenarios/attack-kursk-2025.yaml', '--json', '--as-of', '2024-11-01');
  assert.equal(JSON.parse(r.stdout).treaties.find((t: { id: string }) => t.id === 'rus-prk-2024').status, 'signed');
  const s = casus('run', 'scenarios/attack-kursk-2025.yaml', '--json', '--reading', 'art4.state-of-war');
  assert.equal(JSON.parse(s.stdout).positions.find((x: { id: string }) => x.id === 'rus-prk-2024/art4.assist/PRK-RUS').status, 'not-triggered');
});

test('a user error is one line per problem on stderr, exit 1, no stack trace', () => {
  const r = casus('run', 'src/scenario/fixtures/bad/unknown-state.yaml');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "src/scenario/fixtures/bad/unknown-state.yaml:4:48: error: unknown state 'UKRR' (did you mean 'UKR'?): use an ISO 3166-1 alpha-3 code listed in data/states.yaml\n");
});

test('bad options are user errors too', () => {
  const r = casus('run', 'scenarios/attack-kursk-2025.yaml', '--reading', 'art4.state-of-wat');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^--reading: error: unknown reading 'art4.state-of-wat' \(did you mean 'art4.state-of-war'\?\)/);
  const d = casus('run', 'scenarios/attack-kursk-2025.yaml', '--as-of', '2025-13-01');
  assert.equal(d.code, 1);
  assert.match(d.stderr, /^--as-of: error: expected a date YYYY-MM-DD, found '2025-13-01'/);
  const m = casus('run', 'no-such-file.yaml');
  assert.equal(m.code, 1);
  assert.match(m.stderr, /^no-such-file.yaml: error: cannot read the scenario file/);
  const u = casus('frobnicate');
  assert.equal(u.code, 1);
  assert.match(u.stderr, /unknown command 'frobnicate'/);
});

test('casus check reports treaty errors with file:line:col and exits 1', () => {
  const r = casus('check', 'src/language/fixtures/bad/unknown-event-type.casus.md');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^src\/language\/fixtures\/bad\/unknown-event-type.casus.md:15:8: error: unknown event type 'armed_atack' \(did you mean 'armed_attack'\?\)$/m);
  const ok = casus('check', 'treaties/rus-prk-2024.casus.md', 'scenarios/attack-kursk-2025.yaml');
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^ok: 1 treaty, 1 scenario checked/);
});

test('casus explain prints the tree down to the event and the reading', () => {
  const r = casus('explain', 'scenarios/attack-kursk-2025.yaml', 'art4.assist/PRK');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^rus-prk-2024\/art4.assist\/PRK-RUS {2}violated/);
  assert.match(r.stdout, /└─ Kursk Oblast \(RU-KRS\) is territory of RUS under international law/);
  assert.match(r.stdout, /reading art4.armed-attack \(question art4.trigger, the default\)/);
  const amb = casus('explain', 'scenarios/attack-kursk-2025.yaml', 'art4.assist');
  assert.equal(amb.code, 1);
  assert.match(amb.stderr, /matches 2 positions/);
});

test('casus readings, articles and fmt --check', () => {
  const r = casus('readings', 'rus-prk-2024');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /art4.state-of-war/);
  assert.match(r.stdout, /held by Nimra Iqbal/);
  const a = casus('articles', 'rus-prk-2024', '4');
  assert.match(a.stdout, /Article 4 — Military and other assistance/);
  assert.match(a.stdout, /│ obligation assist/);
  assert.equal(casus('articles', 'rus-prk-2024', '99').code, 1);
  const f = casus('fmt', '--check', 'treaties/rus-prk-2024.casus.md');
  assert.equal(f.code, 0, f.stdout);
});

test('casus run --across-readings lists how positions change', () => {
  const r = casus('run', 'scenarios/attack-kursk-2025.yaml', '--across-readings');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /question rus-prk-2024:art4.trigger/);
  assert.match(r.stdout, /art4.state-of-war +not-triggered/);
});

test('casus articles --width lays the rules beside the text', () => {
  const r = casus('articles', 'rus-prk-2024', '4', '--width', '160');
  assert.equal(r.code, 0);
  const row = r.stdout.split('\n').find((l) => l.includes('obligation assist'));
  assert.ok(row && row.indexOf('│') > 40 && row.indexOf('obligation assist') > row.indexOf('│'), 'rule text stands right of the divider');
});

test('casus readings shows which ingested commentary supports each reading', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casus-'));
  const db = path.join(dir, 'c.db');
  const seeds = path.resolve(root, '../shared/seeds');
  const ing = casus('ingest', path.join(seeds, '004_d1f03c200707cf7a.txt'), path.join(seeds, '002_a07508d2855f3eff.txt'), '--date', '2024-06-22', '--db', db);
  assert.equal(ing.code, 0, ing.stderr);
  const r = casus('readings', 'rus-prk-2024', '--db', db);
  assert.match(r.stdout, /art4.symbolic[^\n]*\n(.*\n)*? +supported in commentary by Nimra Iqbal \(.*004_d1f03c200707cf7a.txt:18\)/);
  assert.match(r.stdout, /art4.state-of-war[^\n]*\n(.*\n)*? +supported in commentary by author of .*002_a07508d2855f3eff.txt:15\)/);
  const json = JSON.parse(casus('readings', 'rus-prk-2024', '--json', '--db', db).stdout);
  const sow = json.find((x: { id: string }) => x.id === 'art4.state-of-war');
  assert.ok(sow.supported_by.some((x: { line: number }) => x.line === 15));
});

test('--reading takes several ids at once, and a closed pipe ends the command quietly', () => {
  const r = casus('run', 'scenarios/attack-kursk-2025.yaml', '--json', '--reading', 'art4.state-of-war', 'territory.claimed');
  assert.deepEqual(JSON.parse(r.stdout).readings, ['art4.direct', 'art4.gates-declaratory', 'art4.state-of-war', 'territory.claimed']);
  const piped = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts run scenarios/attack-kursk-2025.yaml --json --treaties all | head -c 100 > /dev/null`], { cwd: root, encoding: 'utf8' });
  assert.equal(piped.stderr, '', 'no EPIPE stack trace');
});

test('casus fmt --write rewrites an unformatted rule block, and fmt --check then passes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casus-fmt-'));
  const file = path.join(dir, 't.casus.md');
  const src = readFileSync(path.join(root, 'src/language/fixtures/good/all-constructs.casus.md'), 'utf8');
  // extra spaces inside a header and a clause: same tokens, not the canonical layout
  writeFileSync(file, src.replace('obligation defend "Act', 'obligation   defend    "Act').replace('  bearer USA\n', '  bearer   USA   \n'));
  assert.equal(casus('fmt', '--check', file).code, 1);
  assert.equal(casus('fmt', '--write', file).code, 0);
  assert.equal(casus('fmt', '--check', file).code, 0);
  assert.match(readFileSync(file, 'utf8'), /^obligation defend "Act to meet the common danger"$/m);
});

test('casus test fails with exit 1 and names the failing expectation', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casus-test-'));
  const file = path.join(dir, 's.yaml');
  writeFileSync(file, readFileSync(path.join(root, 'scenarios/attack-kursk-2025.yaml'), 'utf8').replace('rus-prk-2024/art4.assist/PRK-RUS: violated', 'rus-prk-2024/art4.assist/PRK-RUS: fulfilled'));
  const r = casus('test', file);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /position rus-prk-2024\/art4.assist\/PRK-RUS: expected fulfilled, got violated/);
  assert.match(r.stdout, /^0 passed, 1 failed$/m);
});
