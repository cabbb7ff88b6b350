/**
 * Markdown for every markdown output (report, list, show, diff, paper): one
 * escaper, one code span, one table writer. What they write pastes into a
 * meeting paper or a pull request comment (GitHub-flavoured Markdown) and
 * converts cleanly with pandoc.
 */

/**
 * Escapes text so that markdown (GFM or pandoc) reads it as text: the
 * characters that start markup are backslash-escaped, and line breaks become
 * one space, so a title can never start a heading, a list or a table row of
 * its own (line breaks at either end are dropped). With `lineStart`, the text
 * begins a line, and what would start a heading, a list, a rule or a numbered
 * list there is escaped as well.
 */
export function mdText(text: string, lineStart = false): string {
  const escaped = text
    .replace(/^(?:\r\n|\r|\n)+|(?:\r\n|\r|\n)+$/g, '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|$~^]/g, (c) => `\\${c}`);
  if (!lineStart) return escaped;
  return escaped.replace(/^[#+\-=]/, (m) => `\\${m}`).replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An inline code span that survives backticks in its text. */
export function mdCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export type Align = 'left' | 'right';

export interface MdColumn {
  title: string;
  align?: Align;
}

/**
 * A pipe table: header, separator, one line per row, every line with the same
 * number of cells. Titles are escaped here; cells are taken as they are
 * (escape text with mdText first). Right-aligned columns get `---:`, the others
 * `---`.
 */
export function mdTable(columns: readonly MdColumn[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const rule = line(columns.map((c) => (c.align === 'right' ? '---:' : '---')));
  const body = rows.map((r) => {
    if (r.length !== columns.length) throw new RangeError(`markdown table row has ${r.length} cells, expected ${columns.length}`);
    return line(r);
  });
  return [line(columns.map((c) => mdText(c.title))), rule, ...body].join('\n') + '\n';
}
