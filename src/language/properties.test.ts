/**
 * Property tests (fast-check): the parser never crashes on arbitrary input (it either parses or
 * throws a CasusError with a position), and print/parse is a round trip on generated rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBlock } from './rules-parser.js';
import { printBlock } from './printer.js';
import { parseTreatyText } from './treaty-file.js';
import { CasusError } from './diagnostics.js';
import type { Cond, EventPattern, RuleClause, RuleDecl, Statement, Value } from './ast.js';

const RUNS = Number(process.env.CASUS_PROPERTY_RUNS ?? 300);
const strip = <T>(v: T): T => JSON.parse(JSON.stringify(v, (k, x) => (k === 'loc' ? undefined : x))) as T;

function onlyUserErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof CasusError, `unexpected ${String(e)}`);
    for (const d of e.diagnostics) assert.ok(d.line >= 1 && d.col >= 1, 'errors carry a position');
  }
}

const words = ['obligation', 'permission', 'prohibition', 'reading', 'bearer', 'each', 'party', 'other', 'when', 'where', 'and', 'or', 'not', 'in', '=', '!=', '(', ')', '[', ']', ',', '"x"', '"', 'RUS', 'armed_attack', 'within', '7', 'days', 'territory-of', '#', '\n', '\n  ', '\n    ', 'question', 'default'];

test('the rule parser never crashes: it parses or reports a positioned error', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (toks) => onlyUserErrors(() => parseBlock(toks.join(' '), 'fuzz', 1))),
    { numRuns: RUNS * 3 },
  );
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => onlyUserErrors(() => parseBlock(s, 'fuzz', 1))), { numRuns: RUNS * 3 });
});

test('the treaty-file reader never crashes on arbitrary Markdown', () => {
  const lines = ['---', 'id: x-y', 'title: t', 'parties: [RUS, PRK]', '## Article 1 — A', '## Preamble', '```casus', '```', '- status: paraphrase', 'text', 'obligation a', '  bearer each party', ''];
  fc.assert(fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 30 }), (ls) => onlyUserErrors(() => parseTreatyText(ls.join('\n'), 'fuzz.md'))), { numRuns: RUNS * 3 });
});

// generators for well-formed rules
const ident = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}$/);
const state = fc.constantFrom('RUS', 'PRK', 'USA', 'UKR', 'CHN');
const loc = { file: 'gen', line: 1, col: 1 };
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Value>({ kind: 'role', role: 'bearer' }, { kind: 'role', role: 'counterparty' }, { kind: 'parties' }),
    state.map((code): Value => ({ kind: 'state', code })),
    fc.constantFrom('military', 'other').map((name): Value => ({ kind: 'symbol', name })),
    fc.array(state.map((code): Value => ({ kind: 'state', code })), { minLength: 1, maxLength: 3 }).map((items): Value => ({ kind: 'list', items })),
    tie('v').map((of): Value => ({ kind: 'territory-of', of })),
    fc.constantFrom('europe', 'pacific').map((name): Value => ({ kind: 'region', name })),
  ),
})).v;
const cond: fc.Arbitrary<Cond> = fc.letrec<{ c: Cond }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ field: fc.constantFrom('by', 'on', 'territory', 'kind'), op: fc.constantFrom('=', '!=', 'in', 'not in' as const), value }).map((r): Cond => ({ kind: 'compare', ...r, loc })),
    fc.array(tie('c'), { minLength: 2, maxLength: 3 }).map((items): Cond => ({ kind: 'and', items })),
    fc.array(tie('c'), { minLength: 2, maxLength: 3 }).map((items): Cond => ({ kind: 'or', items })),
    tie('c').map((item): Cond => ({ kind: 'not', item })),
  ),
})).c;
const event: fc.Arbitrary<EventPattern> = fc.record({ type: fc.constantFrom('armed_attack', 'assistance_provided'), where: fc.option(cond, { nil: null }) }).map((e) => ({ ...e, loc }));
const guard = fc.option(fc.array(fc.constantFrom('a.x', 'b.y-z'), { minLength: 1, maxLength: 2 }), { nil: null });
const text = fc.option(fc.string({ maxLength: 12 }).filter((s) => !/[\r]/.test(s)), { nil: null });
const clause: fc.Arbitrary<RuleClause> = fc.oneof(
  fc.record({ guard, event }).map(({ guard, event }): RuleClause => ({ guard, loc, clause: 'when', event })),
  fc.record({ guard, event }).map(({ guard, event }): RuleClause => ({ guard, loc, clause: 'fulfilled-by', event })),
  fc.record({ guard, text }).map(({ guard, text }): RuleClause => ({ guard, loc, clause: 'within', deadline: { kind: 'duration', duration: { amount: 3, unit: 'week' } }, text })),
  fc.record({ guard, name: ident, text }).map(({ guard, name, text }): RuleClause => ({ guard, loc, clause: 'qualifier', name, text })),
  fc.record({ guard, text }).map(({ guard, text }): RuleClause => ({ guard, loc, clause: 'inoperative', text })),
  fc.record({ guard, cond }).map(({ guard, cond }): RuleClause => ({ guard, loc, clause: 'if', cond })),
);
const rule: fc.Arbitrary<RuleDecl> = fc
  .record({ modality: fc.constantFrom('obligation', 'permission', 'prohibition' as const), name: ident, title: text, clauses: fc.array(clause, { maxLength: 6 }), action: ident })
  .map((r) => ({
    kind: 'rule',
    modality: r.modality,
    name: r.name,
    title: r.title,
    loc,
    clauses: [{ guard: null, loc, clause: 'bearer', party: { kind: 'each' } }, { guard: null, loc, clause: 'action', name: r.action }, ...r.clauses],
  }));

test('print then parse gives back the same rules (round trip)', () => {
  fc.assert(
    fc.property(fc.array(rule, { minLength: 1, maxLength: 3 }), (rules: Statement[]) => {
      const printed = printBlock(rules);
      const reparsed = parseBlock(printed, 'gen', 1);
      assert.deepEqual(strip(reparsed), strip(rules));
      assert.equal(printBlock(reparsed), printed, 'printing is idempotent');
    }),
    { numRuns: RUNS },
  );
});
