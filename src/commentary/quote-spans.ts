/**
 * Finding direct quotations: straight and curly, single and double quotes, nested quotes,
 * apostrophes told apart from single quotes by their neighbours, and a quotation left open
 * at the end of its paragraph closed there (journalistic style).
 */
import type { Span } from './segment.js';

export interface QuoteSpan {
  /** offset of the opening mark */
  open: number;
  /** offset just after the closing mark (or the paragraph end when left open) */
  close: number;
  /** the quoted words, trimmed, without a trailing comma */
  start: number;
  end: number;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrOpen = (c: string | undefined) => c === undefined || /[\s(\[{“"‘'—–-]/.test(c);
const isCloseContext = (c: string | undefined) => c === undefined || /[\s.,;:!?)\]}”"’—–-]/.test(c);

type Kind = 'double' | 'single';

/** Outermost quotations in the paragraph [start, end). */
export function findQuotes(text: string, para: Span): QuoteSpan[] {
  const stack: { kind: Kind; at: number }[] = [];
  const out: QuoteSpan[] = [];
  const push = (open: number, closeMarkAt: number, closeEnd: number) => {
    let s = open + 1;
    let e = closeMarkAt;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /[\s,]/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ open, close: closeEnd, start: s, end: e });
  };
  const closeTo = (kind: Kind, at: number) => {
    const idx = stack.map((x) => x.kind).lastIndexOf(kind);
    if (idx < 0) return false;
    const opener = stack[idx]!;
    stack.length = idx;
    if (idx === 0) push(opener.at, at, at + 1);
    return true;
  };
  const open = (kind: Kind, at: number) => stack.push({ kind, at });
  const hasOpen = (kind: Kind) => stack.some((x) => x.kind === kind);

  for (let i = para.start; i < para.end; i++) {
    const c = text[i]!;
    const prev = i > para.start ? text[i - 1] : undefined;
    const next = i + 1 < para.end ? text[i + 1] : undefined;
    if (c === '“' || c === '«') open('double', i);
    else if (c === '”' || c === '»') closeTo('double', i);
    else if (c === '"') {
      if (hasOpen('double') && !/\s/.test(prev ?? ' ')) closeTo('double', i);
      else if (!/\s/.test(next ?? ' ')) open('double', i);
    } else if (c === '‘') {
      if (isLetter(prev) && isLetter(next)) continue;
      open('single', i);
    } else if (c === "'" || c === '’') {
      if (isLetter(prev) && isLetter(next)) continue; // apostrophe inside a word
      if (hasOpen('single') && prev !== undefined && !/\s/.test(prev) && isCloseContext(next)) closeTo('single', i);
      else if (c === "'" && isSpaceOrOpen(prev) && isLetter(next)) open('single', i);
      // otherwise: a possessive or elision apostrophe ("countries' ", "'90s")
    }
  }
  if (stack.length) {
    const opener = stack[0]!;
    push(opener.at, para.end, para.end);
  }
  return out;
}
