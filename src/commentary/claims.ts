/**
 * Claims: sentences that say what the treaty means or does, with their holder, classified
 * to the treaty's readings by the cue lexicon (lexicon.yaml, `readings:`).
 *
 * A cue counts unless a negation stands shortly before it in its clause ("is not just a
 * symbolic gesture"); long quotations (12+ words: usually the treaty's own text) are masked
 * first. Within a paragraph, a sentence opening with a contrast ("However, …", "Yet …")
 * overrides what the same holder's earlier sentences said on the same question: the author
 * reports a view, then answers it.
 */
import type { ReadingDecl } from '../language/index.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteSpan } from './quote-spans.js';
import type { Sentence } from './segment.js';

/** The sentence with long quotations blanked out (same length, so offsets still hold). */
export function maskLongQuotes(s: Sentence, quotes: QuoteSpan[]): string {
  let t = s.text;
  for (const q of quotes) {
    const a = Math.max(q.start, s.start);
    const b = Math.min(q.end, s.end);
    if (b <= a) continue;
    const words = s.text.slice(a - s.start, b - s.start).split(/\s+/).filter(Boolean).length;
    if (words >= 12) t = t.slice(0, a - s.start) + ' '.repeat(b - a) + t.slice(b - s.start);
  }
  return t;
}

function negatedBefore(text: string, at: number, lex: Lexicon): boolean {
  const before = text.slice(0, at);
  const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—'));
  const window = before.slice(clauseStart + 1).split(/\s+/).slice(-7).join(' ');
  return lex.negations.some((re) => re.test(window));
}

export interface ReadingHit {
  id: string;
  /** the cue's match, and where it starts in the sentence */
  span: string;
  index: number;
}

/**
 * The cues of a reading: its own entry in the lexicon, else the entry of a reading of the same
 * kind in another article or treaty (the 1961 treaty's `art1.state-of-war` uses the cues of
 * `art4.state-of-war`): the kind is the part of the id after its first dot.
 */
export function cuesFor(id: string, lex: Lexicon): Lexicon['readings'][string] | undefined {
  const own = lex.readings[id];
  if (own) return own;
  const kind = id.slice(id.indexOf('.') + 1);
  const match = Object.keys(lex.readings)
    .sort()
    .find((k) => k.slice(k.indexOf('.') + 1) === kind);
  return match ? lex.readings[match] : undefined;
}

/** Readings the sentence supports (only readings the treaty declares), sorted by id. */
export function classifyReadings(text: string, readings: ReadingDecl[], lex: Lexicon): ReadingHit[] {
  const out: ReadingHit[] = [];
  for (const r of readings) {
    const cues = cuesFor(r.id, lex);
    if (!cues) continue;
    let hit: RegExpExecArray | null = null;
    for (const c of cues.cues) {
      const m = c.exec(text);
      if (m && !negatedBefore(text, m.index, lex)) { hit = m; break; }
    }
    if (!hit) continue;
    if (cues.requires.length && !cues.requires.some((re) => re.test(text))) continue;
    if (cues.unless.some((re) => re.test(text))) continue;
    out.push({ id: r.id, span: hit[0], index: hit.index });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export interface ClaimDraft {
  sentence: Sentence;
  holder: string;
  readings: string[];
}

/** Contrast override inside each paragraph (see the module comment). Mutates `readings`. */
export function applyContrast(drafts: ClaimDraft[], questionOf: Map<string, string>, lex: Lexicon): void {
  const byPara = new Map<number, ClaimDraft[]>();
  for (const d of drafts) byPara.set(d.sentence.para, [...(byPara.get(d.sentence.para) ?? []), d]);
  for (const group of byPara.values()) {
    group.sort((a, b) => a.sentence.start - b.sentence.start);
    const pivot = group.findIndex((d) => lex.contrastMarkers.some((re) => re.test(d.sentence.text.trim())) && d.readings.length);
    if (pivot <= 0) continue;
    const later = new Set(group.slice(pivot).flatMap((d) => d.readings.map((r) => `${d.holder}\u0000${questionOf.get(r)}`)));
    for (const d of group.slice(0, pivot)) d.readings = d.readings.filter((r) => !later.has(`${d.holder}\u0000${questionOf.get(r)}`));
  }
}
