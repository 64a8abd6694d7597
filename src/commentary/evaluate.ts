/**
 * Scoring the pipeline against hand annotations (test/fixtures/commentary): precision,
 * recall and F1 per extraction type, plus speaker accuracy. Used by bench/commentary.ts and
 * by the quality test.
 *
 *  - quotes: (file, line, speaker) — speaker names compared without case, spaces or hyphens;
 *  - article refs: (file, line, article, kind);
 *  - claims → readings: (file, line, reading);
 *  - speaker accuracy: of the gold (file, line) quote lines the pipeline also found, the share
 *    whose speaker it got right.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { userError } from '../language/diagnostics.js';
import { ingestDocuments, repoRoot } from './ingest.js';
import { normName } from './people.js';
import type { IngestResult } from './types.js';

export interface GoldDocument {
  file: string;
  /** absolute path of the text */
  path: string;
  date: string | null;
  quotes: { line: number; speaker: string }[];
  article_refs: { line: number; article: string; kind: 'explicit' | 'implicit' }[];
  claims: { line: number; readings: string[] }[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SetScores {
  documents: number;
  quotes: Score;
  speaker_accuracy: { correct: number; found: number; accuracy: number };
  article_refs: Score;
  claims_readings: Score;
}

export const fixturesDir = () => path.join(repoRoot(), 'test', 'fixtures', 'commentary');

/** The seed corpus: ../shared/seeds relative to the repo root (CASUS_SEEDS overrides). */
export function seedsDir(): string {
  const dir = process.env.CASUS_SEEDS ?? path.resolve(repoRoot(), '..', 'shared', 'seeds');
  if (!existsSync(dir)) throw userError(dir, 1, 1, 'seed corpus not found: expected the five seed articles in ../shared/seeds relative to the repository root (or set CASUS_SEEDS)');
  return dir;
}

const asDate = (d: unknown): string | null => (d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

function goldDoc(raw: any, dir: string): GoldDocument {
  return {
    file: String(raw.file),
    path: path.join(dir, String(raw.file)),
    date: asDate(raw.date),
    quotes: (raw.quotes ?? []).map((q: any) => ({ line: Number(q.line), speaker: String(q.speaker) })),
    article_refs: (raw.article_refs ?? []).map((r: any) => ({ line: Number(r.line), article: String(r.article), kind: r.kind })),
    claims: (raw.claims ?? []).map((c: any) => ({ line: Number(c.line), readings: (c.readings ?? []).map(String) })),
  };
}

export function loadSeedGold(): GoldDocument[] {
  const dir = seedsDir();
  const y = parse(readFileSync(path.join(fixturesDir(), 'seeds.gold.yaml'), 'utf8'));
  return (y.documents as any[]).map((d) => goldDoc(d, dir));
}

export function loadTextGold(): GoldDocument[] {
  const dir = path.join(fixturesDir(), 'texts');
  return readdirSync(dir).filter((f) => f.endsWith('.gold.yaml')).sort().map((f) => goldDoc(parse(readFileSync(path.join(dir, f), 'utf8')), dir));
}

function score(gold: Set<string>, found: Set<string>): Score {
  let tp = 0;
  for (const g of gold) if (found.has(g)) tp++;
  const fp = found.size - tp;
  const fn = gold.size - tp;
  const precision = found.size ? tp / found.size : 1;
  const recall = gold.size ? tp / gold.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

/** Run the pipeline on the gold documents (each with its gold date) and score it. */
export function evaluate(gold: GoldDocument[]): { scores: SetScores; result: IngestResult } {
  const result = ingestDocuments(gold.map((g) => ({ file: g.file, bytes: readFileSync(g.path), ...(g.date ? { date: g.date } : {}) })));
  const sets = { gq: new Set<string>(), fq: new Set<string>(), ga: new Set<string>(), fa: new Set<string>(), gc: new Set<string>(), fc: new Set<string>() };
  let correct = 0;
  let found = 0;
  gold.forEach((g, i) => {
    const d = result.documents[i]!;
    for (const q of g.quotes) sets.gq.add(`${g.file}|${q.line}|${normName(q.speaker)}`);
    for (const q of d.quotes) sets.fq.add(`${g.file}|${q.line}|${normName(q.speaker)}`);
    for (const r of g.article_refs) sets.ga.add(`${g.file}|${r.line}|${r.article}|${r.kind}`);
    for (const r of d.article_refs) sets.fa.add(`${g.file}|${r.line}|${r.article}|${r.kind}`);
    for (const c of g.claims) for (const r of c.readings) sets.gc.add(`${g.file}|${c.line}|${r}`);
    for (const c of d.claims) for (const r of c.readings) sets.fc.add(`${g.file}|${c.line}|${r}`);
    const goldLines = new Map<number, Set<string>>();
    for (const q of g.quotes) goldLines.set(q.line, new Set([...(goldLines.get(q.line) ?? []), normName(q.speaker)]));
    for (const [line, speakers] of goldLines) {
      const sys = d.quotes.filter((q) => q.line === line);
      if (!sys.length) continue;
      found++;
      if (sys.every((q) => speakers.has(normName(q.speaker)))) correct++;
    }
  });
  const scores: SetScores = {
    documents: gold.length,
    quotes: score(sets.gq, sets.fq),
    speaker_accuracy: { correct, found, accuracy: found ? Math.round((correct / found) * 1000) / 1000 : 1 },
    article_refs: score(sets.ga, sets.fa),
    claims_readings: score(sets.gc, sets.fc),
  };
  return { scores, result };
}
