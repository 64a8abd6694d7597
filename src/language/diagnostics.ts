/**
 * User-facing errors. Every mistake in a user's file is reported as `file:line:col: error: message`
 * and carried as data (never as a stack trace), so the CLI can print it and exit 1.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
}

/** `file:line:col: error: message`; a diagnostic with no position (line 0), such as a bad command-line option, prints as `where: error: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}` : `${d.file}: ${d.severity}: ${d.message}`;
}

/** Thrown for mistakes in user input; the CLI prints its diagnostics and exits 1. */
export class CasusError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'CasusError';
    this.diagnostics = diagnostics;
  }
}

export function userError(file: string, line: number, col: number, message: string): CasusError {
  return new CasusError([{ file, line, col, severity: 'error', message }]);
}

/** An error in a command-line option or argument, which has no file position. */
export function optionError(option: string, message: string): CasusError {
  return new CasusError([{ file: option, line: 0, col: 0, severity: 'error', message }]);
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** The closest candidate, if close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === null) return null;
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : null;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? ` (did you mean '${c}'?)` : '';
}
