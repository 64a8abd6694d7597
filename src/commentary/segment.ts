/**
 * Paragraphs and sentences with character offsets (into `Source.text`).
 *
 * Paragraphs: blocks separated by blank lines; inside a block, lines longer than 120
 * characters are taken as paragraphs of their own (files with one paragraph per line and no
 * blank lines), while shorter lines are hard-wrapped prose and joined.
 * Sentences: a rule-based splitter (terminal punctuation, optional closing quotes, then space
 * and a capital, digit or opening quote) that knows common abbreviations and initials.
 */

export interface Span {
  start: number;
  end: number;
}
export interface Sentence extends Span {
  text: string;
  para: number;
  index: number;
}
export interface Paragraph extends Span {
  index: number;
  sentences: Sentence[];
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'art', 'arts', 'no', 'nos', 'para', 'cf', 'e.g', 'i.e', 'u.s', 'u.n', 'u.k', 'e.u', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'gov', 'sen', 'rep', 'amb', 'adm', 'rev', 'fig', 'vol', 'pp', 'ed', 'approx', 'est',
]);

/** Paragraph spans of a text. */
export function paragraphSpans(text: string): Span[] {
  const lines: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start: s, end: i });
      s = i + 1;
    }
  }
  const out: Span[] = [];
  let block: Span[] = [];
  const flush = () => {
    if (!block.length) return;
    const long = block.some((l) => text.slice(l.start, l.end).trim().length > 120);
    if (long) for (const l of block) out.push(l);
    else out.push({ start: block[0]!.start, end: block[block.length - 1]!.end });
    block = [];
  };
  for (const l of lines) {
    if (text.slice(l.start, l.end).trim() === '') flush();
    else block.push(l);
  }
  flush();
  // trim whitespace at both ends
  return out.map((p) => {
    let a = p.start;
    let b = p.end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    return { start: a, end: b };
  }).filter((p) => p.end > p.start);
}

const CLOSERS = `"'’”»)]`;

/** Sentence spans inside [start, end). */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < end && CLOSERS.includes(text[j]!)) j++;
    if (j < end && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end) break;
    if (!/[A-Z0-9"'‘“«(\[]/.test(text[k]!)) continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1] ?? '';
      const w = word.toLowerCase().replace(/^\.+/, '');
      if (ABBREVIATIONS.has(w)) continue;
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "J. Smith"
    }
    out.push({ start: s, end: j });
    s = k;
    i = k - 1;
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

export function segment(text: string): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  paragraphSpans(text).forEach((p, pi) => {
    const para: Paragraph = { ...p, index: pi, sentences: [] };
    for (const s of sentenceSpans(text, p.start, p.end)) {
      const sent: Sentence = { ...s, text: text.slice(s.start, s.end), para: pi, index: sentences.length };
      para.sentences.push(sent);
      sentences.push(sent);
    }
    paragraphs.push(para);
  });
  return { paragraphs, sentences };
}
