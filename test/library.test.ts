/** The package entry (src/index.ts → dist/index.js) exposes the typed library the adapters use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as casus from '../src/index.js';

test('the library entry runs a scenario, lists the corpus and reads commentary', () => {
  const ws = casus.defaultWorkspace();
  const out = casus.runScenario(casus.loadScenario('scenarios/attack-kursk-2025.yaml', ws), ws, { readings: ['art4.state-of-war'] });
  assert.equal(out.positions.find((p) => p.id === 'rus-prk-2024/art4.assist/PRK-RUS')?.status, 'not-triggered');
  assert.equal(casus.defaultCorpus().treaties.size, 10);
  assert.ok(casus.treatyCodes(ws.corpus.treaties.get('nato-1949')!).codes.some((c) => c.code === 'defence'));
  const r = casus.ingestDocuments([{ file: 'x.txt', bytes: Buffer.from('The pact will take effect next year, officials said.\n') }], { date: '2024-06-20' });
  assert.equal(r.documents[0]!.claims[0]!.fact_check?.verdict, 'false');
  assert.equal(typeof casus.buildServer, 'function');
  assert.equal(typeof casus.cascade, 'function');
});
