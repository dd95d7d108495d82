/**
 * Go's text/tabwriter, which kubectl, docker and `kubectl describe` all print through: cells are
 * tab-terminated, a column block is a run of consecutive lines that have a cell in that column,
 * and every cell of a block is padded to the block's widest cell plus `padding`. Ported from the
 * algorithm of golang/go src/text/tabwriter/tabwriter.go (format/writeLines), left-aligned, space
 * padding, no flags: the only configuration kubectl (padding 3; describe: padding 2) and docker
 * (minwidth 10, padding 3) use.
 */
export function tabwrite(text: string, opts: { minwidth?: number; padding: number }): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  // Flush drops an empty cell after the last tab of an unterminated final line (flushInternal
  // terminates only a non-empty cell), so the cell before it is that line's last.
  const last = lines[lines.length - 1];
  if (!endsWithNewline && last && last.length > 1 && last[last.length - 1] === '') last.pop();
  const out: string[] = [];
  const widths: number[] = [];
  const minwidth = opts.minwidth ?? 0;

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      let s = '';
      cells.forEach((cell, j) => {
        s += cell;
        const w = widths[j];
        // The last cell of a line is not tab-terminated: never padded.
        if (j < cells.length - 1 && w !== undefined) s += ' '.repeat(Math.max(0, w - width(cell)));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i]?.length ?? 0) - 1) continue;
      writeLines(start, i);
      start = i;
      let w = minwidth;
      let j = i;
      for (; j < line1; j++) {
        const cells = lines[j] ?? [];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column] ?? '') + opts.padding);
      }
      widths.push(w);
      format(start, j);
      widths.pop();
      start = j;
      i = j - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Display width: code points (the lab prints no wide characters of its own). */
function width(s: string): number {
  return [...s].length;
}

/** Rows of cells → kubectl's table (padding 3). */
export function table(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', { padding: 3 });
}
