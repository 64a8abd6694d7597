/**
 * Quality of the commentary layer against the hand annotations in test/fixtures/commentary:
 * precision / recall / F1 for quotes with speakers, article references and claims→readings,
 * on the five seed articles and on the texts written for casus.
 *
 *   node --import tsx bench/commentary.ts      prints the table
 *   npm run bench                              (bench/run.ts calls commentaryBench())
 */
import { fileURLToPath } from 'node:url';
import { evaluate, loadSeedGold, loadTextGold, type SetScores } from '../src/commentary/evaluate.js';

export const AIMS = { speaker_accuracy: 0.95, article_refs_f1: 0.9, claims_readings_f1: 0.8 };

export async function commentaryBench(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const seeds = evaluate(loadSeedGold()).scores;
  const texts = evaluate(loadTextGold()).scores;
  return { aims: AIMS, seeds, own_texts: texts, elapsed_ms: Math.round(performance.now() - started) };
}

function table(name: string, s: SetScores): string {
  const row = (label: string, x: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
    `  ${label.padEnd(22)} P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}   (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;
  return [
    `${name} (${s.documents} documents)`,
    row('quotes with speaker', s.quotes),
    `  ${'speaker attribution'.padEnd(22)} ${(s.speaker_accuracy.accuracy * 100).toFixed(1)}% correct (${s.speaker_accuracy.correct}/${s.speaker_accuracy.found} quote lines found)`,
    row('article references', s.article_refs),
    row('claims → readings', s.claims_readings),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await commentaryBench();
  console.log(table('Seeds', r.seeds as SetScores));
  console.log(table('Own texts', r.own_texts as SetScores));
  console.log(`aims: speaker attribution ≥ ${AIMS.speaker_accuracy * 100}%, article references F1 ≥ ${AIMS.article_refs_f1}, claims→readings F1 ≥ ${AIMS.claims_readings_f1}`);
}
