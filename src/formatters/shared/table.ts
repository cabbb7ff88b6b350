/**
 * Terminal tables the table formats share: one border style, right-aligned
 * numbers, no colour codes in borders, no lines between rows. Linear in the
 * cells: each cell is measured and wrapped once (cli-table3, used before,
 * scanned every earlier row for each cell). The layout is cli-table3's
 * (test/formatters/shared/table.test.ts compares the two).
 */
import { colorizeLines, pad, textWidth, truncate, wordWrap } from './cell-text.js';

export interface TextColumn {
  title: string;
  align?: 'left' | 'right';
  /** wrap the column's text at this width (borders and padding included) */
  width?: number;
}

interface Borders {
  top: [string, string, string, string];
  mid: [string, string, string, string];
  bottom: [string, string, string, string];
  /** left edge, between cells, right edge */
  side: [string, string, string];
}

/** [line, left corner, between, right corner] */
const BOX: Borders = {
  top: ['─', '┌', '┬', '┐'],
  mid: ['─', '├', '┼', '┤'],
  bottom: ['─', '└', '┴', '┘'],
  side: ['│', '│', '│'],
};
const ASCII: Borders = {
  top: ['-', '+', '+', '+'],
  mid: ['-', '+', '+', '+'],
  bottom: ['-', '+', '+', '+'],
  side: ['|', '|', '|'],
};

/** `n` spaces, each length made once a table. */
function spaces(): (n: number) => string {
  const made: string[] = [];
  return (n) => (made[n] ??= ' '.repeat(n));
}

/**
 * Renders rows under a header, no lines between rows; `ascii` swaps the
 * box-drawing borders for + - |. Two passes: the first measures the cells of
 * the columns without a fixed width, the second lays out each row and forgets
 * it, so no cell's lines are held for the whole table.
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: { ascii?: boolean; heading?: (s: string) => string } = {}): string {
  const heading = options.heading ?? ((s: string) => s);
  const b = options.ascii ? ASCII : BOX;
  const n = columns.length;
  const table = [columns.map((c) => heading(c.title)), ...rows];
  const widths = columns.map((c) => c.width ?? 1);
  // the width of each one-line cell of a column without a fixed width (-1 for a cell of several lines); colour codes take no columns
  const measured = new Int32Array(table.length * n);
  for (let x = 0; x < n; x++) {
    if (columns[x]!.width) continue;
    let widest = 0;
    for (let y = 0; y < table.length; y++) {
      const text = table[y]![x] ?? '';
      const w = textWidth(text);
      measured[y * n + x] = text.includes('\n') ? -1 : w;
      if (w > widest) widest = w;
    }
    if (widest + 2 > widths[x]!) widths[x] = widest + 2;
  }
  const space = spaces();
  const rule = ([line, left, between, right]: readonly string[]) => left + widths.map((w) => line!.repeat(w)).join(between) + right;
  const out: string[] = [rule(b.top)];
  const cells: string[][] = new Array<string[]>(n);
  for (let y = 0; y < table.length; y++) {
    const texts = table[y]!;
    let height = 1;
    for (let x = 0; x < n; x++) {
      const text = texts[x] ?? '';
      const fixed = columns[x]!.width;
      const lines = fixed ? wordWrap(fixed - 2, text) : measured[y * n + x]! < 0 ? text.split('\n') : [text];
      // each line closes its colours and the next reopens them
      cells[x] = text.includes('\u001b') ? colorizeLines(lines) : lines;
      if (lines.length > height) height = lines.length;
    }
    for (let k = 0; k < height; k++) {
      let row = b.side[0];
      for (let x = 0; x < n; x++) {
        if (x > 0) row += b.side[1];
        const line = cells[x]![k];
        if (line === undefined) {
          row += space(widths[x]!);
          continue;
        }
        const room = widths[x]! - 2;
        const one = measured[y * n + x]!;
        const width = columns[x]!.width || one < 0 ? textWidth(line) : one;
        const right = columns[x]!.align === 'right';
        // the common case, a line that fits, is padded from its width
        const shown = width <= room ? (right ? space(room - width) + line : line + space(room - width)) : pad(truncate(line, room), room, right ? 'right' : 'left');
        row += ` ${shown} `;
      }
      out.push(row + b.side[2]);
    }
    if (y === 0 && table.length > 1) out.push(rule(b.mid));
  }
  out.push(rule(b.bottom));
  return out.join('\n');
}
