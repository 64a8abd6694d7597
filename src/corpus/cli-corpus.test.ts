/** The corpus commands as a user meets them: long piped output arrives whole, errors exit 1. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
function casus(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('casus network --as-of 2025-12-01 --format json: the whole document arrives through a pipe (> 64 KiB)', () => {
  const r = casus('network', '--as-of', '2025-12-01');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.length > 65536);
  const n = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(n), ['as_of', 'nodes', 'treaties', 'edges']);
});

test('casus codes all --json and --csv', () => {
  const j = casus('codes', 'all', '--json');
  assert.equal(j.code, 0, j.stderr);
  assert.equal(JSON.parse(j.stdout).length, 10);
  const c = casus('codes', 'rus-irn-2025', '--csv');
  assert.equal(c.code, 0, c.stderr);
  assert.ok(!c.stdout.includes(',defence,'));
  assert.ok(c.stdout.includes('rus-irn-2025,RUS,neutrality,NEUTRAL,prohibition'));
});

test('casus compare shows the 1961 → 2000 → 2024 evolution in columns', () => {
  const r = casus('compare', 'sun-prk-1961', 'rus-prk-2000', 'rus-prk-2024');
  assert.equal(r.code, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => l.includes('DEFENCE: present'))!;
  assert.match(line, /≠ DEFENCE: present\s+yes\s+no\s+yes; no under/);
  assert.match(r.stdout, /domestic-law gate\s+no\s+—\s+yes/);
});

test('casus matrix --json and casus network --format svg', () => {
  const m = casus('matrix', 'scenarios/corpus/attack-okinawa-2025.yaml', '--json');
  assert.equal(m.code, 0, m.stderr);
  const rows = JSON.parse(m.stdout).rows as { treaty: string; positions: { id: string }[] }[];
  assert.deepEqual(rows.find((x) => x.treaty === 'usa-jpn-1960')!.positions.map((p) => p.id), [
    // "an armed attack against either Party … would be dangerous to its own peace and safety": both parties must act
    'usa-jpn-1960/art5.meet-common-danger/JPN-USA',
    'usa-jpn-1960/art5.meet-common-danger/USA-JPN',
  ]);
  const s = casus('network', '--as-of', '1962-01-01', '--format', 'svg');
  assert.equal(s.code, 0, s.stderr);
  assert.ok(s.stdout.trimEnd().endsWith('</svg>'));
});

test('user errors exit 1: unknown treaty, bad date, bad format', () => {
  assert.equal(casus('codes', 'nato-1948').code, 1);
  assert.match(casus('codes', 'nato-1948').stderr, /did you mean 'nato-1949'/);
  assert.equal(casus('network', '--as-of', '2025-13-01').code, 1);
  assert.equal(casus('network', '--as-of', '2025-01-01', '--format', 'png').code, 1);
  assert.equal(casus('compare', 'nato-1949').code, 1);
});
