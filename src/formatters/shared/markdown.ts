/** GitHub-flavoured Markdown that pastes into a meeting paper and converts cleanly with pandoc. */

/** Escapes text for a table cell or a paragraph: Markdown punctuation and |, and line breaks become spaces. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .trim();
}

export type Align = 'left' | 'right';

export interface MdColumn {
  title: string;
  align?: Align;
}

/**
 * A pipe table: header, separator, one line per row, every line with the same
 * number of cells. Cells are taken as they are (escape text with mdText first).
 */
export function mdTable(columns: readonly MdColumn[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const sep = `|${columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const body = rows.map((r) => {
    if (r.length !== columns.length) throw new RangeError(`markdown table row has ${r.length} cells, expected ${columns.length}`);
    return line(r);
  });
  return [line(columns.map((c) => c.title)), sep, ...body].join('\n') + '\n';
}
