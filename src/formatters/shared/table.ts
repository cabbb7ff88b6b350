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

/** Renders rows under a header, no lines between rows; `ascii` swaps the box-drawing borders for + - |. */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: { ascii?: boolean; heading?: (s: string) => string } = {}): string {
  const heading = options.heading ?? ((s: string) => s);
  const b = options.ascii ? ASCII : BOX;
  const wraps = columns.some((c) => c.width);
  const widths = columns.map((c) => c.width ?? 1);
  const cellLines = (text: string, x: number): string[] => {
    const fixed = columns[x]!.width;
    if (!fixed) widths[x] = Math.max(widths[x]!, textWidth(text) + 2);
    return colorizeLines(fixed && wraps ? wordWrap(fixed - 2, text) : text.split('\n'));
  };
  const table = [columns.map((c, x) => cellLines(heading(c.title), x)), ...rows.map((r) => columns.map((_, x) => cellLines(r[x] ?? '', x)))];
  const rule = ([line, left, between, right]: readonly string[]) => left + widths.map((w) => line!.repeat(w)).join(between) + right;
  const out: string[] = [rule(b.top)];
  table.forEach((cells, y) => {
    const height = Math.max(1, ...cells.map((l) => l.length));
    for (let n = 0; n < height; n++) {
      const parts = cells.map((lines, x) => {
        const room = widths[x]! - 2;
        const line = lines[n];
        return line === undefined ? ' '.repeat(widths[x]!) : ` ${pad(truncate(line, room), room, columns[x]!.align ?? 'left')} `;
      });
      out.push(b.side[0] + parts.join(b.side[1]) + b.side[2]);
    }
    if (y === 0 && table.length > 1) out.push(rule(b.mid));
  });
  out.push(rule(b.bottom));
  return out.join('\n');
}
