/** The ten-treaty corpus: every file loads and validates, and each treaty's lifecycle at sourced dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCorpus, loadCorpus, treatyFiles } from './load.js';
import { lifecycleOf } from '../engine/lifecycle.js';
import { timeline } from '../engine/evaluate.js';
import { defaultWorld } from '../world/world.js';

const corpus = defaultCorpus().treaties;
const world = defaultWorld();
const all = [...corpus.values()];

const IDS = ['anzus-1951', 'chn-prk-1961', 'csto-1992', 'nato-1949', 'rus-irn-2025', 'rus-prk-2000', 'rus-prk-2024', 'sun-prk-1961', 'usa-jpn-1960', 'usa-kor-1953'];

function life(id: string, asOf: string) {
  const events = timeline({ treaties: all, world, events: [], asOf });
  return lifecycleOf(corpus.get(id)!, { treaties: all, events, asOf, primary: '', world });
}

test('the ten treaties load and validate together, without warnings', () => {
  for (const id of IDS) assert.ok(corpus.has(id), `${id} is in the corpus`);
  const c = loadCorpus(treatyFiles(), world);
  assert.deepEqual(c.warnings.filter((w) => IDS.some((id) => w.file.includes(id))), []);
});

test('every article with status unknown carries no rules', () => {
  for (const t of all)
    for (const a of t.articles)
      if (a.status === 'unknown') assert.equal(a.blocks.flatMap((b) => b.statements).filter((s) => s.kind === 'rule').length, 0, `${t.meta.id} ${a.label}`);
});

test('every history event names its source', () => {
  for (const t of all) for (const h of t.meta.history) assert.ok(h.source, `${t.meta.id} ${h.date} ${h.type}`);
});

const cases: [string, string, string, string | null][] = [
  // treaty, date, status, since
  ['sun-prk-1961', '1961-07-05', 'not-signed', null],
  ['sun-prk-1961', '1962-01-01', 'signed', '1961-07-06'], // entry into force not sourced
  ['sun-prk-1961', '1995-09-07', 'terminated', '1995-09-07'], // Gibler's date; sources conflict (see notes)
  ['chn-prk-1961', '1961-09-09', 'signed', '1961-07-11'],
  ['chn-prk-1961', '1961-09-10', 'in-force', '1961-09-10'],
  ['chn-prk-1961', '2025-12-01', 'in-force', '1961-09-10'],
  ['nato-1949', '1949-08-23', 'signed', '1949-04-04'],
  ['nato-1949', '1949-08-24', 'in-force', '1949-08-24'],
  ['anzus-1951', '1952-04-28', 'signed', '1951-09-01'],
  ['anzus-1951', '1952-04-29', 'in-force', '1952-04-29'],
  ['usa-kor-1953', '1954-11-17', 'signed', '1953-10-01'],
  ['usa-kor-1953', '1954-11-18', 'in-force', '1954-11-18'],
  ['usa-jpn-1960', '1960-06-22', 'signed', '1960-01-19'],
  ['usa-jpn-1960', '1960-06-23', 'in-force', '1960-06-23'],
  ['csto-1992', '1992-05-14', 'not-signed', null],
  ['csto-1992', '1993-01-01', 'signed', '1992-05-15'],
  ['csto-1992', '1994-04-20', 'in-force', '1994-04-20'],
  ['rus-prk-2000', '2000-10-29', 'signed', '2000-02-09'],
  ['rus-prk-2000', '2000-10-30', 'in-force', '2000-10-30'],
  ['rus-prk-2000', '2024-12-04', 'superseded', '2024-12-04'],
  ['rus-prk-2024', '2024-12-04', 'in-force', '2024-12-04'],
  ['rus-irn-2025', '2025-01-16', 'not-signed', null],
  ['rus-irn-2025', '2025-06-01', 'signed', '2025-01-17'],
  ['rus-irn-2025', '2025-10-02', 'in-force', '2025-10-02'],
];
for (const [id, date, status, since] of cases)
  test(`${id} on ${date}: ${status}`, () => {
    const l = life(id, date);
    assert.equal(l.status, status);
    assert.equal(l.since, since);
  });

test('NATO membership follows the sourced accessions', () => {
  assert.equal(life('nato-1949', '1950-01-01').parties.length, 12);
  assert.ok(life('nato-1949', '1952-02-18').parties.includes('TUR'));
  assert.ok(!life('nato-1949', '2023-04-03').parties.includes('FIN'));
  assert.ok(life('nato-1949', '2023-04-04').parties.includes('FIN'));
  assert.ok(life('nato-1949', '2024-03-07').parties.includes('SWE'));
  assert.equal(life('nato-1949', '2025-01-01').parties.length, 31); // North Macedonia not recorded (no sourced day)
});

test('CST membership: accessions in 1993, withdrawals of AZE, GEO and UZB on 1999-04-20', () => {
  const before = life('csto-1992', '1999-04-19').parties.sort();
  assert.deepEqual(before, ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
  assert.deepEqual(life('csto-1992', '1999-04-20').parties.sort(), ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
});

test('US–Japan Article X: notice takes effect one year later, and only after ten years in force', () => {
  const t = corpus.get('usa-jpn-1960')!;
  const notice = (date: string) => ({ date, type: 'termination_notice', fields: { treaty: 'usa-jpn-1960', by: 'USA' }, origin: { kind: 'scenario' as const, file: 't', line: 1, col: 1 }, note: null });
  const run = (asOf: string, date: string) => lifecycleOf(t, { treaties: all, events: timeline({ treaties: all, world, events: [notice(date)], asOf }), asOf, primary: 'usa-jpn-1960', world });
  assert.equal(run('1967-01-01', '1965-01-01').status, 'in-force'); // too early: no effect
  assert.equal(run('2030-12-31', '2030-01-01').status, 'in-force'); // notice given, the year not yet run
  assert.deepEqual([run('2031-01-01', '2029-12-31').status, run('2031-01-01', '2029-12-31').since], ['terminated', '2030-12-31']);
});
