/**
 * YAML with positions: parse once with the `yaml` library, keep the node tree so that any
 * later validation error can point at `file:line:col` of the offending value.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import { CasusError, type Diagnostic } from './diagnostics.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** added to every reported line (for YAML embedded in a larger file) */
  lineOffset: number;
}

export function parseYaml(text: string, file: string, lineOffset = 0): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems = [...doc.errors];
  if (problems.length > 0) {
    const diagnostics: Diagnostic[] = problems.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { file, line: pos.line + lineOffset, col: pos.col, severity: 'error', message: `invalid YAML: ${message}` };
    });
    throw new CasusError(diagnostics);
  }
  return { file, doc, lines, lineOffset };
}

/** Position of a node (or of the document start when absent). */
export function positionOf(src: YamlSource, node: unknown): { line: number; col: number } {
  const range = (node as Node | undefined)?.range;
  if (!range) return { line: 1 + src.lineOffset, col: 1 };
  const p = src.lines.linePos(range[0]);
  return { line: p.line + src.lineOffset, col: p.col };
}

/** The node at a path of keys/indices, for error positions. */
export function nodeAt(src: YamlSource, path: (string | number)[]): unknown {
  let node: unknown = src.doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) return node;
      node = item;
    } else return node;
  }
  return node;
}

/** The key node of a map entry (to point at an unknown field's name rather than its value). */
export function keyNodeAt(src: YamlSource, path: (string | number)[], key: string): unknown {
  const parent = nodeAt(src, path);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair) return pair.key;
  }
  return parent;
}

export function yamlError(src: YamlSource, path: (string | number)[], message: string, atKey?: string): CasusError {
  const node = atKey === undefined ? nodeAt(src, path) : keyNodeAt(src, path, atKey);
  const { line, col } = positionOf(src, node);
  return new CasusError([{ file: src.file, line, col, severity: 'error', message }]);
}

export function toJs(src: YamlSource): unknown {
  return src.doc.toJS({ maxAliasCount: 100 });
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form. */
export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
