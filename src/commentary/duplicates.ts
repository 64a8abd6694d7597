/**
 * Near-duplicate passages and contradictions, within and across documents.
 *
 * Near-duplicates: paragraphs (12+ words) compared by their sets of word 3-gram shingles
 * (lower-cased words, punctuation ignored), so small edits lower the score only a little.
 * The similarity is the overlap coefficient |A∩B| / min(|A|,|B|): a paragraph repeated with
 * a sentence added or dropped still scores high, where Jaccard would fall below one half.
 * Exact set comparison is cheap at this scale and deterministic (no MinHash sampling).
 * Pairs at 0.6 or more are reported (passages of 20+ shingles).
 *
 * Contradictions: (1) one holder supporting two readings of the same question; (2) the same
 * sentence asserted with and without a negation (near-identical wording otherwise); (3) one
 * holder saying a clause is absent and elsewhere that it is there.
 */
import type { Contradiction, NearDuplicate } from './types.js';

export interface Passage {
  file: string;
  docIndex: number;
  lines: [number, number];
  text: string;
}

const words = (t: string) => t.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];

export function shingles(text: string, k = 3): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

/** |A∩B| / min(|A|,|B|) */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / small.size;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export const NEAR_DUPLICATE_THRESHOLD = 0.6;

export function nearDuplicates(passages: Passage[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const usable = passages.map((p) => ({ p, sh: shingles(p.text) })).filter((x) => x.sh.size >= 20);
  const out: NearDuplicate[] = [];
  for (let i = 0; i < usable.length; i++)
    for (let j = i + 1; j < usable.length; j++) {
      const sim = overlap(usable[i]!.sh, usable[j]!.sh);
      if (sim >= threshold) {
        const a = usable[i]!.p;
        const b = usable[j]!.p;
        out.push({ a: { file: a.file, lines: a.lines }, b: { file: b.file, lines: b.lines }, similarity: Math.round(sim * 1000) / 1000 });
      }
    }
  return out;
}

export interface ClaimRef {
  file: string;
  docIndex: number;
  line: number;
  holder: string;
  readings: string[];
  text: string;
  /** article → true (the clause is there) / false (the clause is said to be absent) */
  existence: Map<string, { present: boolean; span: string }>;
}

const NEGATION = /\b(not|no|never|neither|nor|without|cannot)\b|n['’]t\b/gi;
const stripNeg = (t: string) => words(t).filter((w) => !/^(not|no|never|neither|nor|without|cannot|does|do|did)$/.test(w) && !/n't$/.test(w));
const negCount = (t: string) => (t.match(NEGATION) ?? []).length;

export function contradictions(claims: ClaimRef[], sentences: { file: string; docIndex: number; line: number; text: string }[], questionOf: Map<string, string>): Contradiction[] {
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  const add = (a: { file: string; line: number; docIndex: number }, b: { file: string; line: number; docIndex: number }, why: string) => {
    const [x, y] = a.docIndex < b.docIndex || (a.docIndex === b.docIndex && a.line <= b.line) ? [a, b] : [b, a];
    const key = `${x.file}:${x.line}|${y.file}:${y.line}|${why}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ a: { file: x.file, line: x.line }, b: { file: y.file, line: y.line }, why });
  };
  // 1. one holder, two readings of one question
  const byHolder = new Map<string, ClaimRef[]>();
  for (const c of claims) byHolder.set(c.holder, [...(byHolder.get(c.holder) ?? []), c]);
  for (const [holder, cs] of byHolder) {
    const first = new Map<string, ClaimRef>(); // reading → first claim holding it
    for (const c of cs) for (const r of c.readings) if (!first.has(r)) first.set(r, c);
    const rs = [...first.keys()].sort();
    for (let i = 0; i < rs.length; i++)
      for (let j = i + 1; j < rs.length; j++) {
        const q = questionOf.get(rs[i]!);
        if (!q || q !== questionOf.get(rs[j]!)) continue;
        add(first.get(rs[i]!)!, first.get(rs[j]!)!, `${holder} supports both ${rs[i]} and ${rs[j]}, alternative readings of ${q}`);
      }
    // 3. a clause said to be absent and present by the same holder
    const pres = new Map<string, { c: ClaimRef; span: string }[]>();
    const abs = new Map<string, { c: ClaimRef; span: string }[]>();
    for (const c of cs) for (const [art, e] of c.existence) (e.present ? pres : abs).set(art, [...((e.present ? pres : abs).get(art) ?? []), { c, span: e.span }]);
    for (const [art, neg] of abs) {
      const pos = pres.get(art);
      if (pos?.length) add(neg[0]!.c, pos[0]!.c, `${holder} says the treaty has no '${neg[0]!.span}' (Article ${art}) and also refers to it as present`);
    }
  }
  // 2. the same statement with and without negation
  const prepared = sentences.map((s) => ({ s, w: new Set(stripNeg(s.text)), n: negCount(s.text), len: words(s.text).length })).filter((x) => x.len >= 8);
  for (let i = 0; i < prepared.length; i++)
    for (let j = i + 1; j < prepared.length; j++) {
      const a = prepared[i]!;
      const b = prepared[j]!;
      if (a.n === b.n || Math.abs(a.len - b.len) > 4) continue;
      let inter = 0;
      for (const x of a.w) if (b.w.has(x)) inter++;
      const sim = inter / (a.w.size + b.w.size - inter);
      if (sim >= 0.75) add(a.s, b.s, 'the same statement is made once with and once without a negation');
    }
  return out;
}
