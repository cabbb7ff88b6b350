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

/** A cell's lines, with the columns each takes (measured once). */
interface Cell {
  lines: string[];
  widths: number[];
}

/** Renders rows under a header, no lines between rows; `ascii` swaps the box-drawing borders for + - |. */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: { ascii?: boolean; heading?: (s: string) => string } = {}): string {
  const heading = options.heading ?? ((s: string) => s);
  const b = options.ascii ? ASCII : BOX;
  const widths = columns.map((c) => c.width ?? 1);
  const cell = (text: string, x: number): Cell => {
    const fixed = columns[x]!.width;
    // colour codes take no columns, so a line is as wide before colorizeLines as after
    const lines = colorizeLines(fixed ? wordWrap(fixed - 2, text) : text.includes('\n') ? text.split('\n') : [text]);
    const lineWidths = lines.map(textWidth);
    if (!fixed) for (const w of lineWidths) if (w + 2 > widths[x]!) widths[x] = w + 2;
    return { lines, widths: lineWidths };
  };
  const table = [columns.map((c, x) => cell(heading(c.title), x)), ...rows.map((r) => columns.map((_, x) => cell(r[x] ?? '', x)))];
  const rule = ([line, left, between, right]: readonly string[]) => left + widths.map((w) => line!.repeat(w)).join(between) + right;
  const blanks = widths.map((w) => ' '.repeat(w));
  const out: string[] = [rule(b.top)];
  for (let y = 0; y < table.length; y++) {
    const cells = table[y]!;
    let height = 1;
    for (const c of cells) if (c.lines.length > height) height = c.lines.length;
    for (let n = 0; n < height; n++) {
      let row = b.side[0];
      for (let x = 0; x < cells.length; x++) {
        if (x > 0) row += b.side[1];
        const line = cells[x]!.lines[n];
        if (line === undefined) {
          row += blanks[x]!;
          continue;
        }
        const room = widths[x]! - 2;
        const width = cells[x]!.widths[n]!;
        // the common case, a line that fits, is padded from the width measured above
        const shown = width <= room ? (columns[x]!.align === 'right' ? ' '.repeat(room - width) + line : line + ' '.repeat(room - width)) : pad(truncate(line, room), room, columns[x]!.align ?? 'left');
        row += ` ${shown} `;
      }
      out.push(row + b.side[2]);
    }
    if (y === 0 && table.length > 1) out.push(rule(b.mid));
  }
  out.push(rule(b.bottom));
  return out.join('\n');
}
