/** Terminal tables (cli-table3) the table formats share: one border style, right-aligned numbers, no color codes in borders. */
import Table from 'cli-table3';

export interface TextColumn {
  title: string;
  align?: 'left' | 'right';
  /** wrap the column's text at this width (borders and padding included) */
  width?: number;
}

const ASCII_CHARS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+',
  right: '|', 'right-mid': '+', middle: '|',
};

/** Renders rows under a header, no lines between rows; `ascii` swaps the box-drawing borders for + - |. */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: { ascii?: boolean; heading?: (s: string) => string } = {}): string {
  const heading = options.heading ?? ((s: string) => s);
  const table = new Table({
    head: columns.map((c) => heading(c.title)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    ...(options.ascii ? { chars: ASCII_CHARS } : {}),
    ...(columns.some((c) => c.width) ? { colWidths: columns.map((c) => c.width ?? null) as number[], wordWrap: true } : {}),
  });
  for (const r of rows) table.push([...r]);
  return table.toString();
}
