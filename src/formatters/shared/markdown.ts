/**
 * Markdown for every markdown output (report, list, show, diff, paper): one
 * escaper, one code span, one table writer. What they write pastes into a
 * meeting paper or a pull request comment (GitHub-flavoured Markdown) and
 * converts cleanly with pandoc.
 */
import { columnWidths, longestWord, plainLongestWord, proportional, shareRoom } from './widths.js';

import { flatText } from './lines.js';

/** The characters that start markup. */
const MARKUP = /[\\`*_[\]<>|$~^]/g;
/** The same characters, without the `g` flag (whose test reads and writes lastIndex): most texts have none, and a large paper's every cell passes here. */
const HAS_MARKUP = new RegExp(MARKUP.source);

/**
 * Escapes text so that markdown (GFM or pandoc) reads it as text: the
 * characters that start markup are backslash-escaped, and line breaks become
 * one space, so a title can never start a heading, a list or a table row of
 * its own (line breaks at either end are dropped). With `lineStart`, the text
 * begins a line, and what would start a heading, a list, a rule or a numbered
 * list there is escaped as well.
 */
export function mdText(text: string, lineStart = false): string {
  return mdFlat(flatText(text), lineStart);
}

/** mdText for text already on one line with its control characters escaped (flatText; a document through flatValue): only the markup is left to escape. */
export function mdFlat(flat: string, lineStart = false): string {
  const escaped = HAS_MARKUP.test(flat) ? flat.replace(MARKUP, (c) => `\\${c}`) : flat;
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

/** The text a reader sees in a cell: escapes and strong emphasis taken off. */
function shown(cell: string): string {
  if (!cell.includes('*') && !cell.includes('\\')) return cell;
  return cell.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');
}

/**
 * The characters pandoc gets for a table: with any line longer than its
 * --columns (72), pandoc gives the table the full text width and each column
 * its share of the separator's dashes; 100 dashes make the shares percentages.
 */
export const TABLE_DASHES = 100;
/**
 * The room a table has in pandoc's Word output, in characters: a line of its
 * default page holds about 72 of body text, and each cell takes about 3 for
 * its margins.
 */
const TABLE_LINE = 72;
const CELL_MARGIN = 3;

/**
 * A pipe table: header, separator, one line per row, every line with the same
 * number of cells. Titles are escaped here; cells are taken as they are
 * (escape text with mdText first). The separator's dashes are in proportion
 * to the width each column needs (no column narrower than its longest word),
 * which is how pandoc sizes the columns; right-aligned columns end in `:`.
 * GitHub ignores the counts.
 */
export function mdTable(columns: readonly MdColumn[], rows: readonly (readonly string[])[]): string {
  const titles = columns.map((c) => mdText(c.title));
  for (const r of rows) if (r.length !== columns.length) throw new RangeError(`markdown table row has ${r.length} cells, expected ${columns.length}`);
  // the widths of what a reader sees, measured cell by cell (no copy of the rows without their markup)
  const widths = columnWidths([titles, ...rows], { budget: TABLE_LINE - CELL_MARGIN * columns.length, keepBrackets: false, shown });
  const out = [line(titles), rule(columns, widths)];
  for (const r of rows) out.push(line(r));
  // the final line break from the join
  out.push('');
  return out.join('\n');
}

/** "| a | b |", an empty cell as one space; made with += rather than map and join: a paper's annex has a line per project. */
function line(cells: readonly string[]): string {
  let text = '|';
  for (const c of cells) text += ` ${c === '' ? ' ' : c} |`;
  return text;
}

/** The separator line: dashes in proportion to the widths, a right-aligned column ending in `:`. */
function rule(columns: readonly MdColumn[], widths: readonly number[]): string {
  const dashes = proportional(widths.map((w) => w + CELL_MARGIN), TABLE_DASHES, 3);
  return `|${columns.map((c, j) => (c.align === 'right' ? `${'-'.repeat(dashes[j]! - 1)}:` : '-'.repeat(dashes[j]!))).join('|')}|`;
}

/**
 * A pipe table of plain texts: the table mdTable makes of the cells escaped
 * with mdText (the rows that `bold` names in strong emphasis), made in one
 * pass. A plain cell (printable ASCII without markup, most cells of a paper)
 * is written as it is and measured in the same pass over its characters
 * (plainLongestWord); the others are escaped and measured as mdTable does.
 */
export function mdTextTable(columns: readonly MdColumn[], rows: readonly (readonly string[])[], bold?: (row: number) => boolean): string {
  const n = columns.length;
  const titles = columns.map((c) => mdText(c.title));
  const min = titles.map((t) => longestWord(shown(t)));
  const max = titles.map((t) => shown(t).length);
  const lines: string[] = [line(titles), ''];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.length !== n) throw new RangeError(`markdown table row has ${r.length} cells, expected ${n}`);
    const strong = bold !== undefined && bold(i);
    let text = '|';
    for (let j = 0; j < n; j++) {
      const cell = r[j]!;
      let longest = plainLongestWord(cell);
      let written = cell;
      let width = cell.length;
      if (longest < 0) {
        written = mdText(cell);
        const seen = shown(written);
        longest = longestWord(seen);
        width = seen.length;
      }
      if (longest > min[j]!) min[j] = longest;
      if (width > max[j]!) max[j] = width;
      text += strong ? ` **${written}** |` : ` ${written === '' ? ' ' : written} |`;
    }
    lines.push(text);
  }
  lines[1] = rule(columns, shareRoom(min, max, TABLE_LINE - CELL_MARGIN * n));
  lines.push('');
  return lines.join('\n');
}

/**
 * A YAML front matter block, which pandoc reads as metadata (`pagetitle` is
 * the HTML page's title, without a title block on the page) and GitHub shows
 * as a small table. pandoc reads each value as markdown: it is escaped first,
 * so that markup and raw HTML stay text, and written as a JSON string, which
 * YAML reads back exactly.
 */
export function mdFrontMatter(fields: Readonly<Record<string, string>>): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(mdText(v))}`);
  return `---\n${lines.join('\n')}\n---\n`;
}
