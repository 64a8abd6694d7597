/** compare, matrix and network on the real corpus; the SVG is well-formed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { defaultCorpus } from './load.js';
import { compareTreaties } from './compare.js';
import { edgeKeys, networkAt, toDot } from './network.js';
import { toSvg } from './svg.js';
import { scenarioMatrix } from './matrix.js';
import { renderColumns, wrap } from './table.js';
import { defaultWorld } from '../world/world.js';
import { defaultWorkspace, loadScenario } from '../api.js';

const corpus = defaultCorpus().treaties;
const world = defaultWorld();
const all = [...corpus.values()];
const pick = (...ids: string[]) => ids.map((id) => corpus.get(id)!);

test('compare 1961 / 2000 / 2024: assistance, then consultation only, then assistance with Art. 51 and the parties’ laws', () => {
  const c = compareTreaties(pick('sun-prk-1961', 'rus-prk-2000', 'rus-prk-2024'), world);
  const cell = (section: string, field: string) => c.rows.find((r) => r.section === section && r.field === field)?.values;
  assert.deepEqual(cell('defence', 'present'), { 'sun-prk-1961': 'yes', 'rus-prk-2000': 'no', 'rus-prk-2024': 'yes; no under art4.symbolic' });
  assert.deepEqual(cell('consultation', 'present'), { 'sun-prk-1961': 'yes', 'rus-prk-2000': 'yes', 'rus-prk-2024': 'yes' });
  assert.deepEqual(cell('defence', 'automaticity'), { 'sun-prk-1961': 'automatic', 'rus-prk-2000': '—', 'rus-prk-2024': 'automatic' });
  assert.deepEqual(cell('defence', 'requires_state_of_war'), { 'sun-prk-1961': 'no; yes under art1.state-of-war', 'rus-prk-2000': '—', 'rus-prk-2024': 'no; yes under art4.state-of-war' });
  assert.deepEqual(cell('defence', 'un_art51'), { 'sun-prk-1961': 'none', 'rus-prk-2000': '—', 'rus-prk-2024': 'reference; operative under art4.gates-operative' });
  assert.deepEqual(cell('defence', 'domestic_law_gate'), { 'sun-prk-1961': 'no', 'rus-prk-2000': '—', 'rus-prk-2024': 'yes' });
  assert.deepEqual(cell('lifecycle', 'ended'), { 'sun-prk-1961': '1995-09-07 (terminated)', 'rus-prk-2000': '2024-12-04 (superseded)', 'rus-prk-2024': 'no' });
  assert.equal(c.rows.find((r) => r.section === 'consultation' && r.field === 'present')!.differs, false);
  assert.equal(c.rows.find((r) => r.section === 'defence' && r.field === 'present')!.differs, true);
});

test('compare NATO Art. 5 with US–Japan Art. V: discretionary both; different geographic limits', () => {
  const c = compareTreaties(pick('nato-1949', 'usa-jpn-1960'), world);
  const geo = c.rows.find((r) => r.section === 'defence' && r.field === 'geographic_limit')!;
  assert.deepEqual(geo.values, { 'nato-1949': 'region(europe), region(north-america)', 'usa-jpn-1960': 'administered-by(JPN)' });
  assert.deepEqual(c.rows.find((r) => r.section === 'defence' && r.field === 'automaticity')!.values, { 'nato-1949': 'discretionary', 'usa-jpn-1960': 'discretionary' });
});

const defenceBetween = (asOf: string, a: string, b: string) =>
  networkAt(all, world, asOf).edges.filter((e) => e.type === 'defence' && ((e.a === a && e.b === b) || (e.a === b && e.b === a)));

test('network 1962: PRC–DPRK defence; USSR–DPRK only unverified (entry into force not sourced); NATO, ANZUS, US–ROK, US–Japan', () => {
  const n = networkAt(all, world, '1962-01-01');
  assert.deepEqual(
    n.treaties.map((t) => `${t.id}:${t.certainty}`),
    ['anzus-1951:in-force', 'chn-prk-1961:in-force', 'nato-1949:in-force', 'sun-prk-1961:unverified', 'usa-jpn-1960:in-force', 'usa-kor-1953:in-force'],
  );
  const keys = edgeKeys(n);
  assert.ok(keys.includes('CHN-PRK defence chn-prk-1961'));
  assert.ok(keys.includes('PRK-SUN defence sun-prk-1961 (unverified)'));
  assert.ok(keys.includes('JPN-USA defence usa-jpn-1960'));
  assert.ok(keys.includes('KOR-USA defence usa-kor-1953'));
  assert.ok(keys.includes('AUS-USA defence anzus-1951'));
  assert.ok(keys.includes('FRA-USA defence nato-1949'));
  assert.ok(keys.includes('GRC-TUR defence nato-1949')); // acceded 1952
  assert.ok(!keys.some((k) => k.includes('ESP'))); // acceded 1982
  assert.ok(keys.includes('USA->KOR bases usa-kor-1953'));
});

test('network 2001: no RUS–PRK defence edge, only consultation (2000 treaty); CST without AZE, GEO, UZB', () => {
  assert.deepEqual(defenceBetween('2001-01-01', 'RUS', 'PRK'), []);
  const keys = edgeKeys(networkAt(all, world, '2001-01-01'));
  assert.deepEqual(keys.filter((k) => k.startsWith('PRK-RUS')), ['PRK-RUS consultation rus-prk-2000']);
  assert.ok(keys.includes('ARM-RUS defence csto-1992'));
  assert.ok(!keys.some((k) => /AZE|GEO|UZB/.test(k)));
  assert.ok(!keys.some((k) => k.includes('sun-prk-1961')));
});

test('network 2025: RUS–PRK defence again; RUS–IRN without defence (neutrality instead), once in force', () => {
  assert.equal(defenceBetween('2025-12-01', 'RUS', 'PRK')[0]?.treaty, 'rus-prk-2024');
  const keys = edgeKeys(networkAt(all, world, '2025-12-01'));
  assert.deepEqual(keys.filter((k) => k.startsWith('IRN-RUS')).sort(), [
    'IRN-RUS consultation rus-irn-2025',
    'IRN-RUS military-aid rus-irn-2025',
    'IRN-RUS neutrality rus-irn-2025',
    'IRN-RUS no-hostile-territory-use rus-irn-2025',
  ]);
  assert.ok(!keys.some((k) => k.includes('rus-prk-2000')));
  assert.ok(!keys.some((k) => k.startsWith('IRN-RUS') && k.includes('defence')));
  assert.ok(!edgeKeys(networkAt(all, world, '2025-06-01')).some((k) => k.includes('rus-irn-2025'))); // signed, not yet in force
  assert.ok(keys.includes('FIN-USA defence nato-1949') && keys.includes('SWE-USA defence nato-1949'));
});

test('network JSON is deterministic and its edges sorted', () => {
  const a = JSON.stringify(networkAt(all, world, '2025-12-01'));
  const b = JSON.stringify(networkAt([...all].reverse(), world, '2025-12-01'));
  assert.equal(a, b);
});

/** A small XML well-formedness check: balanced tags, quoted attributes, escaped text. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(body))) {
    assert.equal(m.index, consumed, `unparsable XML at ${m.index}: ${body.slice(consumed, consumed + 60)}`);
    consumed = re.lastIndex;
    if (m[5] !== undefined) {
      assert.ok(!/&(?!amp;|lt;|gt;|quot;|#\d+;)/.test(m[5]), `unescaped & in text: ${m[5].slice(0, 40)}`);
      continue;
    }
    if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]!);
  }
  assert.equal(consumed, body.length, 'the whole document parses');
  assert.deepEqual(stack, []);
}

test('SVG at 1962, 2001 and 2025 is well-formed, names every state and draws unverified treaties dashed', () => {
  for (const d of ['1962-01-01', '2001-01-01', '2025-12-01']) {
    const n = networkAt(all, world, d);
    const svg = toSvg(n);
    assertWellFormed(svg);
    assert.ok(svg.startsWith('<?xml') && svg.includes('<svg xmlns="http://www.w3.org/2000/svg"'));
    for (const s of n.nodes) assert.ok(svg.includes(`>${s.id}</text>`), `${d}: node ${s.id}`);
    assert.equal(svg, toSvg(networkAt(all, world, d)), 'deterministic');
  }
  assert.ok(toSvg(networkAt(all, world, '1962-01-01')).includes('stroke-dasharray="6 4"><title>PRK – SUN'));
});

test('DOT draws multilateral treaties as hubs', () => {
  const dot = toDot(networkAt(all, world, '2001-01-01'));
  assert.ok(dot.startsWith('graph alliances {'));
  assert.ok(dot.includes('"nato-1949" [shape=box, style=rounded];'));
  assert.ok(dot.includes('"PRK" -- "RUS" [label="consultation (rus-prk-2000)"'));
});

test('matrix: the Guam attack engages ANZUS and US–ROK, not NATO or US–Japan', () => {
  const ws = defaultWorkspace();
  const s = loadScenario(path.resolve('scenarios/corpus/attack-guam-2025.yaml'), ws);
  const m = scenarioMatrix(s, ws);
  const row = (id: string) => m.rows.find((r) => r.treaty === id)!.positions.map((p) => `${p.id} ${p.status} ${p.function}`);
  assert.deepEqual(row('anzus-1951'), ['anzus-1951/art4.meet-common-danger/AUS-USA triggered defence', 'anzus-1951/art4.meet-common-danger/NZL-USA triggered defence']);
  assert.deepEqual(row('usa-kor-1953'), ['usa-kor-1953/art3.meet-common-danger/KOR-USA triggered defence']);
  assert.deepEqual(row('nato-1949'), []);
  assert.deepEqual(row('usa-jpn-1960'), []);
  assert.equal(m.rows.length, 10);
});

test('matrix: Pyongyang 2025: RUS and CHN violated; under the state-of-war reading RUS is not triggered', () => {
  const ws = defaultWorkspace();
  const s = loadScenario(path.resolve('scenarios/corpus/attack-pyongyang-2025.yaml'), ws);
  const status = (readings: string[], id: string) => scenarioMatrix(s, ws, { readings }).rows.flatMap((r) => r.positions).find((p) => p.id === id)?.status;
  assert.equal(status([], 'rus-prk-2024/art4.assist/RUS-PRK'), 'violated');
  assert.equal(status([], 'chn-prk-1961/art2.assist/CHN-PRK'), 'violated');
  assert.equal(status(['art4.state-of-war'], 'rus-prk-2024/art4.assist/RUS-PRK'), undefined); // not triggered: left out
  assert.equal(status(['art4.state-of-war'], 'chn-prk-1961/art2.assist/CHN-PRK'), 'violated');
});

test('table: cells wrap within their column', () => {
  assert.deepEqual(wrap('one two three', 7), ['one two', 'three']);
  const t = renderColumns(['a', 'b'], [['x', 'long text here']], [3, 6], ['≠']);
  assert.equal(t.split('\n').length, 5);
  assert.ok(t.split('\n')[2]!.startsWith('≠ x'));
});

test('every scenario in scenarios/corpus/ meets its expect block', async () => {
  const { readdirSync } = await import('node:fs');
  const { expectationFailures } = await import('../cli/commands/core.js');
  const ws = defaultWorkspace();
  const dir = path.resolve('scenarios/corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  assert.ok(files.length >= 5);
  for (const f of files) assert.deepEqual(expectationFailures(loadScenario(path.join(dir, f), ws), ws), [], f);
});

test('matrix: a silent defence clause owed to the attacked state says why, in the engine’s words', () => {
  const ws = defaultWorkspace();
  const m = scenarioMatrix(loadScenario(path.resolve('scenarios/corpus/attack-guam-2025.yaml'), ws), ws);
  const silent = (id: string) => m.rows.find((r) => r.treaty === id)!.not_engaged;
  assert.deepEqual(silent('nato-1949').map((n) => [n.counterparty, n.reasons]), [['USA', ['Guam does not lie in region europe', 'Guam does not lie in region north-america']]]);
  assert.deepEqual(silent('usa-jpn-1960').map((n) => n.reasons), [['Guam is administered by USA, not by JPN']]);
  assert.deepEqual(silent('anzus-1951'), [], 'engaged clauses are not listed as silent');
  const py = scenarioMatrix(loadScenario(path.resolve('scenarios/corpus/attack-pyongyang-2025.yaml'), ws), ws, { readings: ['art4.state-of-war'] });
  assert.match(py.rows.find((r) => r.treaty === 'rus-prk-2024')!.not_engaged[0]!.reasons[0]!, /^no declaration of war that counts/);
});
