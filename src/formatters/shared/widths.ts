/**
 * Column widths from a table's content, as a browser's automatic table layout
 * does it: no column narrower than its longest word (so no word is broken),
 * none wider than its longest cell, and the room between shared out in
 * proportion to what each column would still take. Widths are in characters;
 * the Word paper turns them into twips, the markdown into separator dashes.
 */

/** A cell this short is kept on one line ("7 (23%)", "15 June 2021"). */
const UNBREAKABLE = 12;

/** The runs of the cell that may not be broken: its words, or the whole of a short cell, or a short group in brackets ("(15 June 2021)"). */
function unbreakable(cell: string, keepBrackets: boolean): string[] {
  if (cell.length <= UNBREAKABLE) return [cell];
  if (!keepBrackets) return cell.split(/\s+/);
  const runs = cell.match(/\([^()]{1,14}\)[.,;:]?|[^\s(]+|\(/g) ?? [];
  return runs.flatMap((r) => (r.length <= UNBREAKABLE + 4 ? [r] : r.split(/\s+/)));
}

/** Markdown's markup characters (markdown.ts escapes them): a cell with one is not plain. */
const MARKUP_CODES = new Set([...'\\`*_[]<>|$~^'].map((c) => c.charCodeAt(0)));
/** For each ASCII code: 1 when a plain cell may hold it (printable, not markup). */
const PLAIN = Uint8Array.from({ length: 128 }, (_, c) => (c >= 0x20 && c <= 0x7e && !MARKUP_CODES.has(c) ? 1 : 0));

/**
 * The longest word of a plain cell (printable ASCII without markup, so that
 * escaping and flattening leave it as it is), as longestWord measures it, in
 * one pass over its characters; -1 when the cell is not plain. Most cells of
 * a paper's tables are plain, and a large paper has 120,000 of them.
 */
export function plainLongestWord(cell: string): number {
  let longest = 0;
  let start = 0;
  const n = cell.length;
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 128 || PLAIN[c] === 0) return -1;
    if (c === 32) {
      if (i - start > longest) longest = i - start;
      start = i + 1;
    }
  }
  if (n <= UNBREAKABLE) return n;
  return n - start > longest ? n - start : longest;
}

/** Printable ASCII, where the only white space is the space itself. */
const PRINTABLE = /^[\x20-\x7e]*$/;

/** The length of the longest word (as unbreakable splits a cell without keepBrackets); in printable ASCII found from space to space, without making the words. */
export function longestWord(cell: string): number {
  if (cell.length <= UNBREAKABLE) return cell.length;
  let longest = 0;
  if (!PRINTABLE.test(cell)) {
    for (const word of cell.split(/\s+/)) if (word.length > longest) longest = word.length;
    return longest;
  }
  for (let start = 0; ; ) {
    const space = cell.indexOf(' ', start);
    const end = space < 0 ? cell.length : space;
    if (end - start > longest) longest = end - start;
    if (space < 0) return longest;
    start = space + 1;
  }
}

export interface ColumnWidthsOptions {
  /** room for the whole table, in characters */
  budget: number;
  /** how wide a text is in row `row` (default: its length in characters), in the budget's unit */
  measure?: (text: string, row: number) => number;
  /** keep a short group in brackets on one line (default true; a narrow page may need the room) */
  keepBrackets?: boolean;
  /** the text a reader sees of a cell, when it is not the cell itself (markup taken off): measured instead of it */
  shown?: (cell: string) => string;
}

/**
 * Widths (in characters, or the unit of `measure`), one per column, adding up
 * to `budget` (or more, when the longest words alone need more room).
 */
export function columnWidths(rows: readonly (readonly string[])[], options: ColumnWidthsOptions): number[] {
  // a loop, not Math.max(...): a table of 100,000 rows would be as many arguments
  let n = 0;
  for (const r of rows) if (r.length > n) n = r.length;
  const min = Array.from({ length: n }, () => 0);
  const max = Array.from({ length: n }, () => 0);
  const { measure, shown } = options;
  const keepBrackets = options.keepBrackets !== false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < r.length; j++) {
      const cell = shown ? shown(r[j]!) : r[j]!;
      // a word's width is its length unless `measure` says otherwise: then the words need not be made
      if (measure === undefined && !keepBrackets) min[j] = Math.max(min[j]!, longestWord(cell));
      else for (const run of unbreakable(cell, keepBrackets)) min[j] = Math.max(min[j]!, measure ? measure(run, i) : run.length);
      max[j] = Math.max(max[j]!, measure ? measure(cell, i) : cell.length);
    }
  }
  return shareRoom(min, max, options.budget);
}

/**
 * The widths of columns that need at least `min` and at most `max`
 * characters each, in `budget`: the last step of columnWidths, for a table
 * that measured its cells as it wrote them (mdTextTable).
 */
export function shareRoom(min: readonly number[], max: readonly number[], budget: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMin >= budget) return [...min];
  if (sumMax <= budget) {
    // everything fits on one line: the spare room goes to the columns in proportion to their content
    return max.map((m) => (m * budget) / sumMax);
  }
  const share = (budget - sumMin) / (sumMax - sumMin);
  return min.map((m, j) => m + (max[j]! - m) * share);
}

/** Whole numbers in proportion to `widths`, each at least `least`, adding up to `total` (largest remainders). */
export function proportional(widths: readonly number[], total: number, least = 1): number[] {
  // the columns that would get less than `least` get `least`; the others share what is left
  const clamped = new Set<number>();
  let exact: number[] = [];
  for (;;) {
    const free = widths.reduce((a, w, j) => (clamped.has(j) ? a : a + w), 0) || 1;
    const room = total - clamped.size * least;
    exact = widths.map((w, j) => (clamped.has(j) ? least : (w * room) / free));
    const under = exact.findIndex((e, j) => !clamped.has(j) && e < least);
    if (under < 0) break;
    clamped.add(under);
  }
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, j) => ({ j, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (let i = 0; left > 0 && order.length; i = (i + 1) % order.length, left--) out[order[i]!.j]! += 1;
  return out;
}
