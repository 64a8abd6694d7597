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

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
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
