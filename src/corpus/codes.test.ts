/**
 * The codes table for all ten treaties, code by code against the text: which provisions each
 * treaty has, with which conditions, which rule produced each, and how readings change them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCorpus } from './load.js';
import { classify, codeRows, corpusCodes, toCsv, treatyCodes, type CodeKind, type ProvisionCode, type TreatyCodes } from './codes.js';
import { parseBlock } from '../language/rules-parser.js';
import type { RuleDecl } from '../language/ast.js';

const corpus = defaultCorpus().treaties;
const codes = (id: string): TreatyCodes => treatyCodes(corpus.get(id)!);
const kinds = (id: string): CodeKind[] => [...new Set(codes(id).codes.map((c) => c.code))].sort();
const one = (id: string, kind: CodeKind): ProvisionCode => {
  const cs = codes(id).codes.filter((c) => c.code === kind);
  assert.equal(cs.length, 1, `${id} has exactly one ${kind} code`);
  return cs[0]!;
};

test('the table covers all ten treaties, sorted, and is deterministic', () => {
  const a = corpusCodes(corpus.values());
  assert.deepEqual(
    a.map((t) => t.treaty),
    ['anzus-1951', 'chn-prk-1961', 'csto-1992', 'nato-1949', 'rus-irn-2025', 'rus-prk-2000', 'rus-prk-2024', 'sun-prk-1961', 'usa-jpn-1960', 'usa-kor-1953'],
  );
  assert.equal(JSON.stringify(a), JSON.stringify(corpusCodes([...corpus.values()].reverse())));
});

test('which provisions each treaty has', () => {
  assert.deepEqual(kinds('sun-prk-1961'), ['consultation', 'defence', 'no-competing-alliance']);
  assert.deepEqual(kinds('chn-prk-1961'), ['consultation', 'defence', 'no-competing-alliance']);
  assert.deepEqual(kinds('rus-prk-2000'), ['consultation']);
  assert.deepEqual(kinds('rus-prk-2024'), ['consultation', 'defence', 'military-aid', 'no-competing-alliance', 'no-hostile-territory-use']);
  assert.deepEqual(kinds('nato-1949'), ['consultation', 'defence', 'military-aid', 'non-aggression']);
  assert.deepEqual(kinds('usa-kor-1953'), ['bases', 'consultation', 'defence', 'non-aggression']);
  assert.deepEqual(kinds('usa-jpn-1960'), ['bases', 'consultation', 'defence']);
  assert.deepEqual(kinds('anzus-1951'), ['consultation', 'defence', 'military-aid', 'non-aggression']);
  assert.deepEqual(kinds('csto-1992'), ['consultation', 'defence', 'no-competing-alliance', 'non-aggression']);
  assert.deepEqual(kinds('rus-irn-2025'), ['consultation', 'military-aid', 'neutrality', 'no-hostile-territory-use']);
});

test('no treaty has an offence code', () => {
  for (const t of corpusCodes(corpus.values())) assert.ok(!t.codes.some((c) => c.code === 'offence'), t.treaty);
});

test('rus-irn-2025: no defence code; Art. 3 is a neutrality code (no aid to the aggressor)', () => {
  assert.ok(!kinds('rus-irn-2025').includes('defence'));
  const n = one('rus-irn-2025', 'neutrality');
  assert.equal(n.rule.rule, 'art3.no-aid-to-aggressor');
  assert.equal(n.atop, 'NEUTRAL');
  assert.deepEqual(n.conditions.trigger, ['armed_attack']);
});

test('rus-prk-2000: consultation only, immediate, on a threat', () => {
  const c = one('rus-prk-2000', 'consultation');
  assert.deepEqual(c.conditions.trigger, ['imminent_threat']);
  assert.equal(c.conditions.automaticity, 'automatic');
  assert.equal(c.rule.article, 'consultation'); // article number unknown
  assert.equal(codes('rus-prk-2000').duration, '10 years, renewed for 5 years');
});

test('rus-prk-2024 Art. 4: defence, automatic, Art. 51 and domestic-law references; the state of war depends on the reading', () => {
  const d = one('rus-prk-2024', 'defence');
  assert.equal(d.rule.rule, 'art4.assist');
  assert.equal(d.atop, 'DEFENSE');
  assert.deepEqual(d.bearers, ['PRK', 'RUS']);
  assert.equal(d.conditions.automaticity, 'automatic');
  assert.equal(d.conditions.un_art51, 'reference');
  assert.equal(d.conditions.domestic_law_gate, true);
  assert.equal(d.conditions.requires_state_of_war, false);
  assert.deepEqual(d.depends_on, ['art4.gates', 'art4.sequence', 'art4.trigger']);
  const v = codes('rus-prk-2024').variations;
  const change = (reading: string, field: string) => v.find((x) => x.reading === reading)?.changes.find((c) => c.field === field);
  assert.deepEqual(change('art4.state-of-war', 'requires_state_of_war'), { id: 'rus-prk-2024/art4.assist:defence', code: 'defence', field: 'requires_state_of_war', from: 'no', to: 'yes' });
  assert.equal(change('art4.consult-first', 'requires_prior_consultation')?.to, 'yes');
  assert.equal(change('art4.gates-operative', 'un_art51')?.to, 'operative');
  assert.deepEqual(change('art4.symbolic', 'present'), { id: 'rus-prk-2024/art4.assist:defence', code: 'defence', field: 'present', from: 'yes', to: 'no' });
});

test('sun-prk-1961 Art. 1: defence, immediate, all means; no Art. 51 or domestic-law reference; state of war by reading', () => {
  const d = one('sun-prk-1961', 'defence');
  assert.equal(d.rule.rule, 'art1.assist');
  assert.equal(d.conditions.automaticity, 'automatic');
  assert.equal(d.conditions.un_art51, 'none');
  assert.equal(d.conditions.domestic_law_gate, false);
  assert.deepEqual(d.depends_on, ['art1.trigger']);
  assert.equal(codes('sun-prk-1961').variations[0]?.changes.find((c) => c.field === 'requires_state_of_war')?.to, 'yes');
});

test('nato-1949 Art. 5: defence with as-deemed-necessary automaticity, limited to Europe and North America, Art. 51', () => {
  const d = one('nato-1949', 'defence');
  assert.equal(d.rule.rule, 'art5.assist');
  assert.equal(d.conditions.automaticity, 'discretionary');
  assert.deepEqual(d.conditions.geographic_limit, ['region(europe)', 'region(north-america)']);
  assert.equal(d.conditions.un_art51, 'reference');
  assert.equal(d.conditions.domestic_law_gate, false);
  assert.deepEqual(d.conditions.named_adversary, []);
  assert.equal(d.bearers.length, 31); // 12 original parties and 19 sourced accessions
  assert.deepEqual(one('nato-1949', 'non-aggression').rule.rule, 'art1.refrain-from-force');
  assert.deepEqual(one('nato-1949', 'military-aid').rule.rule, 'art3.capacity');
  assert.deepEqual(codes('nato-1949').codes.filter((c) => c.code === 'consultation').map((c) => c.rule.rule), ['art12.review-consultations', 'art4.consult']);
  assert.equal(codes('nato-1949').duration, 'indefinite');
});

test('US–Japan Art. V: limited to territory administered by Japan; constitutional processes; Art. VI bases for the US only', () => {
  const d = one('usa-jpn-1960', 'defence');
  assert.deepEqual(d.conditions.geographic_limit, ['administered-by(JPN)']);
  assert.equal(d.conditions.automaticity, 'discretionary');
  assert.equal(d.conditions.domestic_law_gate, true);
  assert.equal(d.conditions.un_art51, 'reference');
  const b = one('usa-jpn-1960', 'bases');
  assert.deepEqual([b.modality, b.bearers, b.owed_to], ['permission', ['USA'], ['JPN']]);
});

test('US–ROK Art. III and ANZUS Art. IV: Pacific area, constitutional processes; ROK Art. IV bases', () => {
  for (const id of ['usa-kor-1953', 'anzus-1951']) {
    const d = one(id, 'defence');
    assert.deepEqual(d.conditions.geographic_limit, ['region(pacific)'], id);
    assert.equal(d.conditions.automaticity, 'discretionary', id);
    assert.equal(d.conditions.domestic_law_gate, true, id);
    assert.equal(d.conditions.un_art51, 'none', id);
  }
  assert.deepEqual(one('usa-kor-1953', 'bases').bearers, ['USA']);
});

test('CST Art. 4: defence with an Art. 51 reference, neither immediate nor discretionary; Art. 1 no competing alliances', () => {
  const d = one('csto-1992', 'defence');
  assert.equal(d.conditions.automaticity, 'unspecified');
  assert.equal(d.conditions.un_art51, 'reference');
  assert.equal(d.bearers.length, 9); // every state that was ever a party
  assert.equal(one('csto-1992', 'no-competing-alliance').rule.rule, 'art1.no-hostile-alliances');
});

test('chn-prk-1961 Art. II: defence from the paraphrase (immediate; no all-means or state-of-war claim)', () => {
  const d = one('chn-prk-1961', 'defence');
  assert.equal(d.rule.text_status, 'paraphrase');
  assert.equal(d.conditions.automaticity, 'automatic');
  assert.equal(d.conditions.requires_state_of_war, false);
  assert.deepEqual(d.depends_on, []);
  assert.equal(codes('chn-prk-1961').duration, 'unknown');
});

test('classify: a named adversary, an offence clause and an inoperative clause', () => {
  const rule = (src: string) => parseBlock(src, 't', 1)[0] as RuleDecl;
  const off = rule('obligation join\n  bearer each party\n  counterparty other party\n  action join-attack\n  when armed_attack where by = counterparty\n  fulfilled-by assistance_provided where by = bearer');
  assert.equal(classify('obligation', off.clauses), 'offence');
  const named = rule('obligation assist\n  bearer each party\n  counterparty other party\n  action assist\n  when armed_attack where on = counterparty and by = JPN');
  assert.equal(classify('obligation', named.clauses), 'defence');
  const inop = rule('obligation assist\n  bearer each party\n  counterparty other party\n  action assist\n  when armed_attack where on = counterparty\n  inoperative');
  assert.equal(classify('obligation', inop.clauses), null);
});

test('CSV: one row per treaty, party and code, with the rule', () => {
  const rows = codeRows(corpusCodes([corpus.get('rus-prk-2024')!]));
  const defence = rows.filter((r) => r.code === 'defence');
  assert.deepEqual(defence.map((r) => r.party), ['PRK', 'RUS']);
  assert.equal(defence[0]!.rule, 'art4.assist');
  assert.equal(defence[0]!.depends_on, 'art4.gates art4.sequence art4.trigger');
  const csv = toCsv(rows);
  assert.ok(csv.startsWith('treaty,party,code,atop,'));
  assert.equal(csv.trim().split('\n').length, rows.length + 1);
});
