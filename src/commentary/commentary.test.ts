import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CasusError, formatDiagnostic } from '../language/diagnostics.js';
import { exportStore, ingestDocuments, ingestFiles, loadTreatyById, MIGRATIONS, openStore, storeResult } from './index.js';
import { evaluate, fixturesDir, loadSeedGold, loadTextGold, seedsDir } from './evaluate.js';
import { migrate } from './store.js';
import type { DocumentOut, InputDocument } from './types.js';
import { AIMS } from '../../bench/commentary.js';

const seed = (prefix: string) => {
  const dir = seedsDir();
  const name = ['000_1242ac3d93336e69.txt', '001_8dcb3a72f829c882.txt', '002_a07508d2855f3eff.txt', '003_337b0c9e12ab812b.txt', '004_d1f03c200707cf7a.txt'].find((f) => f.startsWith(prefix))!;
  return { file: name, bytes: readFileSync(path.join(dir, name)) } satisfies InputDocument;
};
const text = (name: string): InputDocument => ({ file: name, bytes: readFileSync(path.join(fixturesDir(), 'texts', name)) });
const one = (input: InputDocument, date?: string): DocumentOut => ingestDocuments([input], date ? { date } : {}).documents[0]!;
const quotesOn = (d: DocumentOut, line: number) => d.quotes.filter((q) => q.line === line);
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof CasusError, `expected a CasusError, got ${String(e)}`);
    return e.diagnostics.map(formatDiagnostic).join('\n');
  }
  assert.fail('expected an error');
};

test('quotes: speakers with affiliation, after-quote and pronoun attribution (seed 000)', () => {
  const d = one(seed('000'), '2024-06-18');
  const q15 = quotesOn(d, 15);
  assert.equal(q15.length, 1);
  assert.equal(q15[0]!.speaker, 'Leif-Eric Easley');
  assert.equal(q15[0]!.affiliation, 'a professor at Ewha University in Seoul');
  assert.equal(quotesOn(d, 25)[0]!.speaker, 'Leif-Eric Easley'); // "said Easley": surname only
  assert.equal(quotesOn(d, 35)[0]!.speaker, 'Georgy Toloraya'); // "he said"
  assert.equal(quotesOn(d, 35)[0]!.affiliation, 'former Russian diplomat');
  // offsets point at the quoted words in the file
  const raw = readFileSync(path.join(seedsDir(), seed('000').file), 'utf8');
  for (const q of d.quotes) assert.equal(raw.slice(q.start, q.end), q.text);
  // apostrophes ("Moscow's", "Russia's") are not quotation marks
  assert.deepEqual(quotesOn(d, 5), []);
  assert.deepEqual(quotesOn(d, 21), []);
});

test('same surname: "Kim" is Kim Gunn after he is introduced, Kim Jong Un elsewhere', () => {
  const d = one(seed('000'), '2024-06-18');
  for (const line of [61, 65, 67]) {
    assert.ok(quotesOn(d, line).length >= 1, `a quote on line ${line}`);
    for (const q of quotesOn(d, line)) assert.equal(q.speaker, 'Kim Gunn', `line ${line}`);
  }
  assert.equal(quotesOn(d, 61)[0]!.affiliation, "a member of South Korea's National Assembly");
  // the nested quotation on line 61 belongs to the second, continuing quote
  assert.equal(quotesOn(d, 61).length, 2);
  assert.match(quotesOn(d, 61)[1]!.text, /^Kim Jong Un's answer/);

  const w = one(text('wire-report.txt'));
  const speakers = (line: number) => quotesOn(w, line).map((q) => q.speaker);
  assert.deepEqual(speakers(11), ['Park Min-seo']);
  assert.deepEqual(speakers(12), ['Park Min-seo']); // "she said" continues
  assert.deepEqual(speakers(15), ['Park Tae-ho']); // "Park said" right after Park Tae-ho is introduced
  assert.deepEqual(speakers(18), ['Park Min-seo']); // "Park said" after "Park Min-seo rejected"
  assert.deepEqual(speakers(6), ['Dmitri Orlov']);
  assert.equal(quotesOn(w, 15)[0]!.affiliation, 'Hanyang University');
  const digest = one(text('blog-digest.txt'));
  assert.equal(quotesOn(digest, 7)[0]!.affiliation, 'Turin Institute for Security'); // stops before the verb
});

test('quotes: "the latter", title references and colon introductions', () => {
  assert.equal(quotesOn(one(seed('003'), '2024-06-20'), 4)[0]!.speaker, 'Kim Jong Un');
  const d2 = one(seed('002'), '2024-06-24');
  assert.ok(quotesOn(d2, 9).some((q) => q.speaker === 'Vladimir Putin' && q.text.startsWith('Pyongyang has always'))); // "The Russian President says"
  assert.equal(quotesOn(d2, 14)[0]!.speaker, 'Chang Ho-jin');
  assert.deepEqual(quotesOn(d2, 13), []); // the treaty's own words have no speaker
  const op = one(text('op-ed.txt'));
  assert.deepEqual(quotesOn(op, 5).map((q) => q.speaker), ['Kim Jong Un', 'Vladimir Putin']);
});

test('article references: explicit, ranges, ordinals, implicit nicknames; other instruments excluded', () => {
  const d = one(seed('002'), '2024-06-24');
  const on = (line: number) => d.article_refs.filter((r) => r.line === line).map((r) => `${r.article}:${r.kind}`);
  assert.deepEqual(on(6), ['18:explicit', '19:explicit', '20:explicit']);
  assert.deepEqual(on(6).length, 3);
  assert.ok(!d.article_refs.some((r) => r.article === '51'));
  assert.deepEqual(on(4), []); // "China also has a mutual defense pact…" is another treaty
  assert.deepEqual(on(19), ['8:explicit', '10:explicit', '11:explicit']);
  assert.ok(on(11).includes('preamble:explicit'));
  const d4 = one(seed('004'), '2024-06-22');
  assert.deepEqual(d4.article_refs.map((r) => [r.line, r.article, r.kind, r.span]), [
    [18, '4', 'implicit', 'mutual defense clause'],
    [24, '4', 'implicit', 'mutual defense pledge'],
  ]); // line 22 ("a subsequent treaty in 2000 … omitted a mutual defense clause") is about the 2000 treaty
  const op = one(text('op-ed.txt'));
  assert.ok(op.article_refs.some((r) => r.line === 7 && r.article === '4' && r.kind === 'explicit' && /fourth article/i.test(r.span)));
  assert.ok(op.article_refs.some((r) => r.line === 13 && r.article === '23' && r.span === 'its final article'));
  assert.ok(op.article_refs.some((r) => r.line === 11 && r.article === '16' && r.kind === 'implicit' && r.span === 'sanctions clause'));
  assert.ok(op.article_refs.every((r) => r.treaty === 'rus-prk-2024'));
});

test('claims: readings with holders; negated cues do not count', () => {
  const d4 = one(seed('004'), '2024-06-22');
  const c18 = d4.claims.find((c) => c.line === 18)!;
  assert.deepEqual(c18.readings, ['art4.symbolic']);
  assert.equal(c18.holder, 'Nimra Iqbal'); // the byline at the end
  assert.ok(!d4.claims.some((c) => c.line === 12 && c.readings.length)); // "not just a symbolic gesture"
  const d2 = one(seed('002'), '2024-06-24');
  assert.deepEqual([...new Set(d2.claims.filter((c) => c.line === 15).flatMap((c) => c.readings))].sort(), ['art4.consult-first', 'art4.gates-operative', 'art4.state-of-war']);
  assert.ok(!d2.claims.some((c) => c.line === 13 && c.readings.length)); // quoting Article 4 takes no side
  const d3 = one(seed('003'), '2024-06-20');
  assert.deepEqual(d3.claims.find((c) => c.line === 1)!.readings, ['art4.armed-attack', 'art4.direct', 'art4.gates-declaratory']);
  const w = one(text('wire-report.txt'));
  assert.equal(w.claims.find((c) => c.line === 9)!.holder, 'Park Min-seo'); // "according to Park Min-seo"
});

test('fact check: "will take effect next year" (June 2024) is false: in force since 2024-12-04', () => {
  const d = one(seed('003'), '2024-06-20');
  const c = d.claims.find((x) => x.line === 5)!;
  assert.ok(c.fact_check);
  assert.equal(c.fact_check.verdict, 'false');
  assert.match(c.fact_check.fact, /2024-12-04/);
  assert.equal(c.fact_check.source, 'https://interfax.com/newsroom/top-stories/108291/');
  assert.ok(d.events.some((e) => e.line === 5 && e.date === '2025'));
  // true ones: "entered into force on Wednesday" written on 2024-12-05; "replaces the 2000 treaty"
  const w = one(text('wire-report.txt'));
  assert.equal(w.date, '2024-12-05'); // from the dateline
  assert.equal(w.claims.find((x) => x.line === 1)!.fact_check!.verdict, 'true');
  assert.equal(w.claims.find((x) => x.line === 5)!.fact_check!.verdict, 'true');
  assert.match(w.claims.find((x) => x.line === 5)!.fact_check!.fact, /supersedes rus-prk-2000/); // "replaces the 2000 treaty"
  // duration and signature facts come from the treaty file
  const d2 = one(seed('002'), '2024-06-24');
  assert.equal(d2.claims.find((x) => x.line === 10)!.fact_check!.verdict, 'true');
  assert.match(d2.claims.find((x) => x.line === 10)!.fact_check!.fact, /indefinite/);
  assert.equal(one(seed('001'), '2024-06-19').claims.find((x) => x.line === 3)!.fact_check!.fact, 'signed on 2024-06-19 in Pyongyang');
});

test('timeline: dates resolved against the document date; unresolved without one', () => {
  const d = one(seed('000'), '2024-06-18');
  assert.ok(d.events.some((e) => e.line === 21 && e.date === '2023-09')); // "last September"
  assert.ok(d.events.some((e) => e.line === 37 && e.date === '1961'));
  const d4 = one(seed('004'), '2024-06-22');
  assert.ok(d4.events.some((e) => e.line === 8 && e.date === '2024-06-12'));
  const undated = one(seed('003'));
  assert.equal(undated.date, null);
  assert.deepEqual(undated.events, []); // "next year", "Thursday" need a document date
  const html = one(text('explainer.html'));
  assert.equal(html.date, '2024-06-21'); // <meta property="article:published_time">
  assert.equal(html.claims.find((c) => c.line === 7)!.fact_check!.verdict, 'false');
});

test('HTML: lines and offsets of the file, entities decoded, scripts ignored', () => {
  const input = text('explainer.html');
  const d = one(input);
  const raw = readFileSync(path.join(fixturesDir(), 'texts', 'explainer.html'), 'utf8');
  const q = quotesOn(d, 8)[0]!;
  assert.equal(q.speaker, 'Irina Volkova');
  assert.equal(q.text, 'Before any help is given, the parties would first have to consult');
  assert.equal(raw.slice(q.start, q.start + 6), 'Before');
  assert.ok(!d.article_refs.some((r) => r.article === '9'));
  assert.deepEqual(quotesOn(d, 10).map((x) => x.speaker), ['Tomas Reyes']);
});

test('near-duplicates in seed 002 (paragraphs repeated with edits)', () => {
  const r = ingestDocuments([seed('002')], { date: '2024-06-24' });
  const pairs = r.near_duplicates.map((n) => `${n.a.lines[0]}-${n.b.lines[0]}`);
  for (const p of ['1-7', '3-15', '4-16']) assert.ok(pairs.includes(p), `pair ${p} in ${pairs.join(', ')}`);
  for (const n of r.near_duplicates) assert.ok(n.similarity >= 0.6 && n.similarity <= 1);
  // across documents: a copy with small edits
  const edited = Buffer.from(readFileSync(path.join(seedsDir(), seed('004').file), 'utf8').replace('largely symbolic', 'mostly symbolic'));
  const across = ingestDocuments([seed('004'), { file: 'copy.txt', bytes: edited }], { date: '2024-06-22' });
  assert.ok(across.near_duplicates.some((n) => n.a.file === seed('004').file && n.b.file === 'copy.txt' && n.a.lines[0] === 18 && n.similarity < 1 && n.similarity > 0.8));
});

test('contradictions: one holder, two readings; a clause denied and asserted; a negation flip', () => {
  const op = ingestDocuments([text('op-ed.txt')]);
  const whys = op.contradictions.map((c) => c.why);
  assert.ok(whys.includes('Helena Marsh supports both art4.armed-attack and art4.state-of-war, alternative readings of art4.trigger'));
  assert.ok(op.contradictions.some((c) => c.a.line === 7 && c.b.line === 9 && /has no 'mutual defence clause'/.test(c.why)));
  const s2 = ingestDocuments([seed('002')], { date: '2024-06-24' });
  assert.ok(s2.contradictions.some((c) => c.a.line === 3 && c.b.line === 15 && /negation/.test(c.why)));
  // two different people disagreeing is not a contradiction
  assert.deepEqual(ingestDocuments([text('wire-report.txt')]).contradictions, []);
});

test('output is deterministic', () => {
  const inputs = [seed('000'), seed('002'), text('explainer.html')];
  assert.equal(JSON.stringify(ingestDocuments(inputs, { date: '2024-06-20' })), JSON.stringify(ingestDocuments(inputs, { date: '2024-06-20' })));
});

test('errors: missing, binary, empty, invalid UTF-8, unknown treaty, bad date', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casus-ingest-'));
  const f = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const missing = path.join(dir, 'nope.txt');
  assert.equal(errorOf(() => ingestFiles([missing])), `${missing}:1:1: error: no such file`);
  const bin = f('bin.txt', Buffer.from([0x61, 0x0a, 0x62, 0x00, 0x63]));
  assert.equal(errorOf(() => ingestFiles([bin])), `${bin}:2:2: error: binary file: NUL byte at byte offset 3; expected plain text or HTML`);
  const empty = f('empty.txt', '');
  assert.equal(errorOf(() => ingestFiles([empty])), `${empty}:1:1: error: empty file: nothing to ingest`);
  const blank = f('blank.txt', '  \n\n ');
  assert.equal(errorOf(() => ingestFiles([blank])), `${blank}:1:1: error: empty file: nothing to ingest (only whitespace)`);
  const latin1 = f('latin1.txt', Buffer.from([0x4f, 0x4b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
  assert.equal(errorOf(() => ingestFiles([latin1])), `${latin1}:2:4: error: invalid UTF-8 at byte offset 6 (byte 0xe9); save the file as UTF-8`);
  assert.equal(errorOf(() => loadTreatyById('atlantis-1900')), `--treaty:1:1: error: unknown treaty 'atlantis-1900': no file treaties/atlantis-1900.casus.md`);
  assert.equal(errorOf(() => ingestDocuments([seed('003')], { treaty: 'atlantis-1900' })), `--treaty:1:1: error: unknown treaty 'atlantis-1900': no file treaties/atlantis-1900.casus.md`);
  assert.equal(errorOf(() => ingestDocuments([seed('003')], { date: '2024-02-30' })), `--date:1:1: error: invalid date '2024-02-30': expected YYYY-MM-DD`);
});

test('store: migrations are numbered, recorded and applied once', () => {
  const db = new Database(':memory:');
  assert.deepEqual(migrate(db, MIGRATIONS.slice(0, 1)), [1]); // an older database
  assert.deepEqual(migrate(db), [2, 3]);
  assert.deepEqual(migrate(db), []);
  const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number }[];
  assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  for (const t of ['documents', 'quotes', 'article_refs', 'claims', 'events', 'near_duplicates', 'contradictions', 'schema_migrations']) assert.ok(tables.includes(t), t);
  db.close();
});

test('store: re-ingesting the same file is idempotent; export gives the JSON contract back', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'casus-db-')), 'sub', 'casus.db');
  const inputs = [seed('002'), seed('003')];
  const result = ingestDocuments(inputs, { date: '2024-06-20' });
  for (let i = 0; i < 2; i++) {
    const db = openStore(file);
    storeResult(db, inputs, result, 'rus-prk-2024');
    db.close();
  }
  const db = openStore(file);
  const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  assert.equal(count('documents'), 2);
  assert.equal(count('quotes'), result.documents.reduce((n, d) => n + d.quotes.length, 0));
  assert.equal(count('claims'), result.documents.reduce((n, d) => n + d.claims.length, 0));
  assert.equal(count('near_duplicates'), result.near_duplicates.length);
  assert.deepEqual(exportStore(db), result);
  // the same bytes under another name replace the row, not add one
  storeResult(db, [{ file: 'renamed.txt', bytes: seed('003').bytes }], ingestDocuments([{ file: 'renamed.txt', bytes: seed('003').bytes }]), 'rus-prk-2024');
  assert.equal(count('documents'), 2);
  db.close();
});

test('quality on the gold annotations stays above the aims', () => {
  for (const [name, gold] of [['seeds', loadSeedGold()], ['own texts', loadTextGold()]] as const) {
    const { scores } = evaluate(gold);
    assert.ok(scores.speaker_accuracy.accuracy >= AIMS.speaker_accuracy, `${name}: speaker attribution ${scores.speaker_accuracy.accuracy}`);
    assert.ok(scores.quotes.f1 >= 0.9, `${name}: quotes F1 ${scores.quotes.f1}`);
    assert.ok(scores.article_refs.f1 >= AIMS.article_refs_f1, `${name}: article refs F1 ${scores.article_refs.f1}`);
    assert.ok(scores.claims_readings.f1 >= AIMS.claims_readings_f1, `${name}: claims→readings F1 ${scores.claims_readings.f1}`);
  }
  assert.equal(loadTextGold().length >= 3, true);
});

test('views reported for unnamed groups are theirs, not the author’s: no false contradiction', () => {
  const text = 'A new pact\n\nSome analysts said Article 4 obliges each side to send military help at once if the other is attacked.\nOthers argued the mutual defence clause only applies in a formal state of war.\n';
  const r = ingestDocuments([{ file: 'groups.txt', bytes: Buffer.from(text) }], { date: '2024-06-20' });
  const holders = r.documents[0]!.claims.map((c) => c.holder);
  assert.deepEqual(holders, ['some analysts (unnamed; reported by author of groups.txt)', 'others (unnamed; reported by author of groups.txt)']);
  assert.deepEqual(r.contradictions, []);
});

test('reading cues carry over to readings of the same kind in other treaties (1961 Art. 1 state of war)', () => {
  const text = 'A pact of 1961\n\nThe treaty obliges each side to help only once the other finds itself in a state of war.\n';
  const r = ingestDocuments([{ file: 'sixty-one.txt', bytes: Buffer.from(text) }], { date: '1961-07-10', treaty: 'sun-prk-1961' });
  assert.deepEqual(r.documents[0]!.claims.map((c) => c.readings), [['art1.state-of-war']]);
});
