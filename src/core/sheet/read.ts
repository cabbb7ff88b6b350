/**
 * Reading a returned status-round sheet: find the `accsm` sheet that says
 * which plan and country it is for, the Projects table by its headers, and in
 * each row the id and the three filled cells. Whatever is odd (hidden rows,
 * columns we do not read, formulas) is reported, never silently used.
 */
import type { Diagnostic } from '../diagnostic.js';
import { cellText, type CellRead } from './cells.js';
import { atCell, atFile } from './diagnose.js';
import type { Grid, GridRow, GridSheet } from './grid.js';
import { columnLetter, foldHeader, META_SHEET, PROJECTS_SHEET, ROUND_COLUMNS, type RoundColumnKey } from './layout.js';
import { ROUND_KIND, ROUND_VERSION } from './round.js';

export interface ReturnedCell {
  read: CellRead;
  row: number;
  column: number;
}

export interface ReturnedRow {
  row: number;
  hidden: boolean;
  id: ReturnedCell;
  newStatus?: ReturnedCell;
  newDate?: ReturnedCell;
  newNote?: ReturnedCell;
}

export interface ReturnedSheet {
  /** display name of the file */
  file: string;
  /** the sheet's name (undefined for a CSV file) */
  sheet?: string;
  plan: string;
  lead: string;
  asOf: string;
  meeting?: string;
  date1904: boolean;
  /** the columns of the three input cells (to point at an empty one) */
  inputColumns: { newStatus?: number; newDate?: number; newNote?: number };
  /** rows with something in one of the three input columns */
  rows: ReturnedRow[];
}

export interface ReadResult {
  sheet?: ReturnedSheet;
  diagnostics: Diagnostic[];
}

/** key → value pairs of the meta sheet (or the first lines of a CSV file). */
function metaPairs(rows: readonly GridRow[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const r of rows) {
    const k = r.cells.get(1);
    const v = r.cells.get(2);
    if (k) pairs.set(cellText(k).toLowerCase(), v ? cellText(v) : '');
  }
  return pairs;
}

/** The header row: the first row (of the first 30) that has the ID and New status headers. */
function findHeader(sheet: GridSheet): { row: GridRow; columns: Map<RoundColumnKey, number>; extra: [number, string][] } | undefined {
  for (const row of sheet.rows.slice(0, 30)) {
    const columns = new Map<RoundColumnKey, number>();
    const extra: [number, string][] = [];
    for (const [col, cell] of row.cells) {
      const text = foldHeader(cellText(cell));
      const known = ROUND_COLUMNS.find((c) => foldHeader(c.header) === text);
      if (known && !columns.has(known.key)) columns.set(known.key, col);
      else if (text) extra.push([col, cellText(cell)]);
    }
    if (columns.has('id') && columns.has('newStatus')) return { row, columns, extra };
  }
  return undefined;
}

const notOurs = (what: string) =>
  `${what}, so it is not a status sheet made by accsm sheet out; send the focal point a sheet from accsm sheet out (or create project files from a tracker with accsm import)`;

export function readReturned(grid: Grid, file: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  let metaRows: GridRow[];
  let table: GridSheet | undefined;
  if (grid.kind === 'xlsx') {
    const meta = grid.sheets.find((s) => s.name === META_SHEET);
    if (!meta) return { diagnostics: [atFile(file, 'sheet-not-ours', notOurs(`the workbook has no "${META_SHEET}" sheet`))] };
    metaRows = meta.rows;
    table = grid.sheets.find((s) => s.name === PROJECTS_SHEET) ?? grid.sheets.find((s) => s !== meta && findHeader(s));
  } else {
    // a CSV status sheet starts with its key,value lines, then a blank line and the table
    table = grid.sheets[0]!;
    const header = findHeader(table);
    metaRows = table.rows.filter((r) => !header || r.number < header.row.number);
  }
  const pairs = metaPairs(metaRows);
  if (pairs.get('kind') !== ROUND_KIND) return { diagnostics: [atFile(file, 'sheet-not-ours', notOurs(`it does not say "${ROUND_KIND}"`))] };
  const version = Number(pairs.get('version'));
  if (version !== ROUND_VERSION) {
    return { diagnostics: [atFile(file, 'sheet-not-ours', `the sheet is of version ${pairs.get('version') || '(none)'} of the status round, and this accsm reads version ${ROUND_VERSION}; make a new sheet with accsm sheet out`)] };
  }
  const plan = pairs.get('plan') ?? '';
  const lead = pairs.get('lead') ?? '';
  const asOf = pairs.get('as_of') ?? '';
  const meeting = pairs.get('meeting') || undefined;
  const sheetName = grid.kind === 'xlsx' ? table?.name : undefined;
  const header = table ? findHeader(table) : undefined;
  if (!table || !header) {
    return { diagnostics: [atFile(file, 'sheet-layout', `the "${PROJECTS_SHEET}" sheet with the headers ID and New status is missing; do not rename the sheet or its header row (make a new sheet with accsm sheet out)`)] };
  }
  for (const key of ['newDate', 'newNote'] as const) {
    if (!header.columns.has(key)) {
      const h = ROUND_COLUMNS.find((c) => c.key === key)!.header;
      diagnostics.push(atCell(file, sheetName, header.row.number, 1, 'sheet-layout', `the header "${h}" is missing from row ${header.row.number}; put it back (the sheet as sent has it in its header row)`));
    }
  }
  const col = (key: RoundColumnKey) => header.columns.get(key);
  const idCol = col('id')!;
  const inputs = (['newStatus', 'newDate', 'newNote'] as const).map((k) => [k, col(k)] as const);
  const extraCols = new Set(header.extra.map(([c]) => c));
  const reportedExtra = new Set<number>();
  const rows: ReturnedRow[] = [];
  for (const r of table.rows) {
    if (r.number <= header.row.number) continue;
    const get = (c: number | undefined): ReturnedCell | undefined => {
      if (c === undefined) return undefined;
      const read = r.cells.get(c);
      return read && (read.kind !== 'empty' || read.formula) ? { read, row: r.number, column: c } : undefined;
    };
    const filled = inputs.map(([k, c]) => [k, get(c)] as const).filter(([, v]) => v !== undefined);
    // columns the sheet did not have, filled in a row: said once a column, then ignored
    for (const c of r.cells.keys()) {
      if ((extraCols.has(c) || ![...header.columns.values()].includes(c)) && !reportedExtra.has(c)) {
        reportedExtra.add(c);
        const name = header.extra.find(([x]) => x === c)?.[1];
        diagnostics.push(atCell(file, sheetName, r.number, c, 'sheet-extra-column', `column ${columnLetter(c)}${name ? ` ("${name}")` : ''} is not part of the status sheet; what it holds is not recorded`));
      }
    }
    if (filled.length === 0) continue;
    const id = get(idCol) ?? { read: { kind: 'empty' } as CellRead, row: r.number, column: idCol };
    const row: ReturnedRow = { row: r.number, hidden: r.hidden, id };
    for (const [k, v] of filled) row[k] = v;
    rows.push(row);
  }
  const inputColumns = Object.fromEntries(inputs.filter(([, c]) => c !== undefined)) as ReturnedSheet['inputColumns'];
  return { sheet: { file, ...(sheetName !== undefined ? { sheet: sheetName } : {}), plan, lead, asOf, ...(meeting ? { meeting } : {}), date1904: grid.date1904, inputColumns, rows }, diagnostics };
}
