/**
 * Plain-text tables with wrapped cells, for terminal output of codes, compare and matrix.
 * No colour here: the CLI adds emphasis around whole lines.
 */

/** Wrap text to a width, breaking at spaces (or inside words longer than the width). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ' ' + w;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out.length ? out : [''];
}

/**
 * Render rows of cells as columns. `widths` gives each column's width; the last row of the
 * header is underlined. `marks` puts a one-character marker before a row (e.g. '≠').
 */
export function renderColumns(header: string[], rows: string[][], widths: number[], marks: string[] = []): string {
  const gap = '  ';
  const lineOf = (cells: string[][], i: number) => cells.map((c, k) => (c[i] ?? '').padEnd(widths[k]!)).join(gap).trimEnd();
  const block = (cells: string[], mark: string) => {
    const wrapped = cells.map((c, k) => wrap(c, widths[k]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let i = 0; i < height; i++) lines.push(`${i === 0 ? mark || ' ' : ' '} ${lineOf(wrapped, i)}`);
    return lines;
  };
  const out = [...block(header, ' '), '  ' + widths.map((w) => '─'.repeat(w)).join(gap)];
  rows.forEach((r, i) => out.push(...block(r, marks[i] ?? ' ')));
  return out.join('\n');
}

/** Column widths that fit a total width: the first column fixed, the rest shared. */
export function fitWidths(first: number, n: number, total = process.stdout.columns || 120, min = 16): number[] {
  const rest = Math.max(min, Math.floor((total - first - 4 - 2 * n) / Math.max(1, n)));
  return [first, ...Array.from({ length: n }, () => rest)];
}
