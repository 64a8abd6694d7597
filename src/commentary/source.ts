/**
 * Reading an input document: byte checks (missing, empty, binary, invalid UTF-8), HTML to
 * text with an offset map back into the file, and the line index. Every later stage works on
 * `Source.text` and reports positions through `Source.fileOffset` / `Source.lineOf`, so the
 * offsets and 1-based lines in the output are those of the file as given.
 */
import { readFileSync, statSync } from 'node:fs';
import { userError } from '../language/diagnostics.js';

export interface Source {
  file: string;
  /** the file decoded as UTF-8 */
  raw: string;
  /** the text the pipeline reads: `raw` for plain text, the visible text for HTML */
  text: string;
  isHtml: boolean;
  /** a date found in the document's metadata (HTML <meta>/<time>), YYYY-MM-DD */
  metaDate: string | null;
  /** char offset in `raw` of char i of `text` */
  fileOffset(i: number): number;
  /** 1-based line in the file of char i of `text` */
  lineOf(i: number): number;
}

/** Read a file from disk with clear errors for the usual mistakes. */
export function readInputFile(file: string): Uint8Array {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    throw userError(file, 1, 1, 'no such file');
  }
  if (isDir) throw userError(file, 1, 1, 'is a directory, not a file');
  return readFileSync(file);
}

/** Position (1-based line and column, in characters) of a byte offset in a byte buffer. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, col: [...prefix].length + 1 };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let min = 0;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decode and check a document's bytes; throws CasusError (file:line:col) on bad input. */
export function decodeInput(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw userError(file, 1, 1, 'empty file: nothing to ingest');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const p = bytePosition(bytes, nul);
    throw userError(file, p.line, p.col, `binary file: NUL byte at byte offset ${nul}; expected plain text or HTML`);
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const p = bytePosition(bytes, bad);
    throw userError(file, p.line, p.col, `invalid UTF-8 at byte offset ${bad} (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save the file as UTF-8`);
  }
  const raw = new TextDecoder('utf-8').decode(bytes);
  if (raw.trim() === '') throw userError(file, 1, 1, 'empty file: nothing to ingest (only whitespace)');
  return raw;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', shy: '',
};
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table', 'article', 'section', 'header', 'footer', 'blockquote', 'title', 'figcaption', 'main', 'aside', 'nav', 'hr', 'dd', 'dt', 'pre']);

export function looksLikeHtml(file: string, raw: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(raw);
}

/** Visible text of an HTML page, with each text char mapped to its offset in the page. */
function htmlToText(raw: string): { text: string; map: number[]; metaDate: string | null } {
  const out: string[] = [];
  const map: number[] = [];
  const emit = (s: string, at: number) => {
    for (const ch of s) { out.push(ch); map.push(at); }
  };
  let metaDate: string | null = null;
  let i = 0;
  let pendingSpace = -1;
  const flushSpace = () => {
    if (pendingSpace >= 0 && out.length && !/\s/.test(out[out.length - 1]!)) emit(' ', pendingSpace);
    pendingSpace = -1;
  };
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '<') {
      if (raw.startsWith('<!--', i)) { const e = raw.indexOf('-->', i); i = e < 0 ? raw.length : e + 3; continue; }
      const close = raw.indexOf('>', i);
      if (close < 0) { emit(ch, i); i++; continue; }
      const tag = raw.slice(i, close + 1);
      const name = (/^<\/?\s*([a-zA-Z0-9]+)/.exec(tag)?.[1] ?? '').toLowerCase();
      if (name === 'script' || name === 'style') {
        const end = raw.toLowerCase().indexOf(`</${name}`, close);
        i = end < 0 ? raw.length : raw.indexOf('>', end) + 1;
        continue;
      }
      if (metaDate === null && (name === 'meta' || name === 'time')) {
        const m = /(?:content|datetime)\s*=\s*["'](\d{4}-\d{2}-\d{2})/i.exec(tag);
        if (m && (name === 'time' || /published|date|created/i.test(tag))) metaDate = m[1]!;
      }
      if (BLOCK_TAGS.has(name)) { pendingSpace = -1; if (out.length) emit('\n\n', i); }
      i = close + 1;
      continue;
    }
    if (ch === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(raw.slice(i, i + 12));
      if (m) {
        const name = m[1]!;
        const s = name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : ENTITIES[name.toLowerCase()];
        if (s !== undefined) {
          flushSpace();
          if (s === ' ') pendingSpace = i; else emit(s, i);
          i += m[0].length;
          continue;
        }
      }
    }
    if (/\s/.test(ch)) { if (pendingSpace < 0) pendingSpace = i; i++; continue; }
    flushSpace();
    emit(ch, i);
    i++;
  }
  // trim spaces around paragraph breaks and collapse runs of breaks
  const text: string[] = [];
  const tmap: number[] = [];
  for (let k = 0; k < out.length; k++) {
    const c = out[k]!;
    if (c === ' ' && (out[k + 1] === '\n' || text[text.length - 1] === '\n')) continue;
    if (c === '\n' && text.length >= 2 && text[text.length - 1] === '\n' && text[text.length - 2] === '\n') continue;
    if (c === '\n' && text.length === 0) continue;
    text.push(c);
    tmap.push(map[k]!);
  }
  return { text: text.join(''), map: tmap, metaDate };
}

function lineIndex(raw: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Decode, check and (for HTML) extract the text of one input. */
export function makeSource(file: string, bytes: Uint8Array): Source {
  const raw = decodeInput(file, bytes);
  const rawLine = lineIndex(raw);
  if (!looksLikeHtml(file, raw)) {
    return { file, raw, text: raw, isHtml: false, metaDate: null, fileOffset: (i) => i, lineOf: rawLine };
  }
  const { text, map, metaDate } = htmlToText(raw);
  if (text.trim() === '') throw userError(file, 1, 1, 'empty file: the HTML page has no visible text');
  const at = (i: number) => (i >= map.length ? raw.length : map[i]!);
  return { file, raw, text, isHtml: true, metaDate, fileOffset: at, lineOf: (i) => rawLine(at(i)) };
}
