/**
 * The language, tested as Concerto tests its CTO parser: `fixtures/good` files must parse, print
 * and re-parse to the same tree; `fixtures/bad/<failure>.casus.md` must fail with exactly the
 * message in `<failure>.expected` (refresh with `npm run test:reset` and review the diff).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTreatyText, formatTreatyText } from './treaty-file.js';
import { parseBlock } from './rules-parser.js';
import { printBlock } from './printer.js';
import { checkTreaty } from './check.js';
import { CasusError, formatDiagnostic, closest } from './diagnostics.js';
import { defaultWorld } from '../world/world.js';
import type { Statement } from './ast.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const RESET = process.env.CASUS_RESET === '1';

/** Drop source positions so trees can be compared across a print/parse round trip. */
export function stripLocs<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'loc' ? undefined : x))) as T;
}

function errorsOf(file: string): string {
  const rel = path.relative(process.cwd(), file);
  try {
    const t = parseTreatyText(readFileSync(file, 'utf8'), rel);
    const ds = checkTreaty(t, defaultWorld()).filter((d) => d.severity === 'error');
    return ds.map(formatDiagnostic).join('\n');
  } catch (e) {
    if (e instanceof CasusError) return e.diagnostics.map(formatDiagnostic).join('\n');
    throw e;
  }
}

for (const f of readdirSync(path.join(fixtures, 'bad')).filter((f) => f.endsWith('.casus.md')).sort()) {
  test(`bad fixture fails as expected: ${f}`, () => {
    const file = path.join(fixtures, 'bad', f);
    const got = errorsOf(file);
    assert.notEqual(got, '', `${f} should not parse and check cleanly`);
    const expectedFile = file.replace(/\.casus\.md$/, '.expected');
    if (RESET || !existsSync(expectedFile)) writeFileSync(expectedFile, got + '\n');
    assert.equal(got, readFileSync(expectedFile, 'utf8').trimEnd());
  });
}

for (const f of readdirSync(path.join(fixtures, 'good')).filter((f) => f.endsWith('.casus.md')).sort()) {
  test(`good fixture parses, checks and round-trips: ${f}`, () => {
    const file = path.join(fixtures, 'good', f);
    const text = readFileSync(file, 'utf8');
    const t = parseTreatyText(text, f);
    assert.deepEqual(checkTreaty(t, defaultWorld(), new Set(['all-constructs', 'some-older-treaty'])).filter((d) => d.severity === 'error'), []);
    const formatted = formatTreatyText(text, f);
    assert.equal(formatted, text, 'the fixture is written in canonical form');
    const again = parseTreatyText(formatted, f);
    assert.deepEqual(stripLocs(again.articles), stripLocs(t.articles));
  });
}

test('every treaty in treaties/ is formatted canonically', () => {
  const dir = path.resolve(here, '../../treaties');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.casus.md'))) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    assert.equal(formatTreatyText(text, f), text, `${f} is not formatted: run casus fmt --write treaties/${f}`);
  }
});

test('the parser reads every part of a rule', () => {
  const [s] = parseBlock(
    ['obligation assist "Title"', '  bearer each party', '  counterparty RUS', '  action provide-aid', '  [r.a, r.b] when armed_attack where on = counterparty and kind != military', '  within 3 weeks "soon"'].join('\n'),
    'x',
    10,
  ) as Statement[];
  assert.ok(s && s.kind === 'rule');
  assert.equal(s.modality, 'obligation');
  assert.equal(s.title, 'Title');
  assert.deepEqual(s.loc, { file: 'x', line: 10, col: 1 });
  const when = s.clauses[3]!;
  assert.equal(when.clause, 'when');
  assert.deepEqual(when.guard, ['r.a', 'r.b']);
  assert.deepEqual(when.loc, { file: 'x', line: 14, col: 14 }); // after the guard
  const within = s.clauses[4]!;
  assert.ok(within.clause === 'within' && within.deadline.kind === 'duration');
  assert.deepEqual(within.deadline.duration, { amount: 3, unit: 'week' });
  assert.equal(within.text, 'soon');
});

test('continuation lines join the clause above', () => {
  const [s] = parseBlock('obligation a\n  bearer each party\n  action x\n  when armed_attack where on = counterparty\n    and by = USA', 'x', 1);
  assert.ok(s && s.kind === 'rule');
  const when = s.clauses[2]!;
  assert.ok(when.clause === 'when' && when.event.where?.kind === 'and');
});

test('printing brackets nested conditions so the tree survives a round trip', () => {
  const src = 'obligation a\n  bearer each party\n  action x\n  when armed_attack where (on = RUS or on = PRK) and not (by = USA and by = CHN)';
  const once = printBlock(parseBlock(src, 'x', 1));
  assert.equal(once, src);
  assert.deepEqual(stripLocs(parseBlock(once, 'x', 1)), stripLocs(parseBlock(src, 'x', 1)));
});

test('did-you-mean finds near names and refuses far ones', () => {
  assert.equal(closest('obligaton', ['obligation', 'permission']), 'obligation');
  assert.equal(closest('zzz', ['obligation', 'permission']), null);
});
