/**
 * A workbook or a CSV file as accsm reads it: sheets of rows of cells, with
 * 1-based row and column numbers and which rows are hidden. The xlsx reader
 * uses exceljs (loaded only here); the CSV reader is RFC 4180.
 */
import { readCellValue, type CellRead } from './cells.js';
import { loadExcelJs } from './exceljs.js';

export interface GridRow {
  /** 1-based */
  number: number;
  hidden: boolean;
  /** by 1-based column number; empty cells are left out */
  cells: Map<number, CellRead>;
}

export interface GridSheet {
  name: string;
  hidden: boolean;
  rows: GridRow[];
}

export interface Grid {
  kind: 'xlsx' | 'csv';
  /** the workbook counts days from 1904 (old Mac Excel) */
  date1904: boolean;
  sheets: GridSheet[];
}

export type GridRead = { ok: true; grid: Grid } | { ok: false; why: string };

/** Reads a workbook's bytes; a file that is not a workbook is a reason, not an exception. */
export async function readXlsxGrid(bytes: Uint8Array): Promise<GridRead> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, why: `it is not an .xlsx workbook that can be read (${why}); save it from Excel or LibreOffice as "Excel Workbook (.xlsx)"` };
  }
  const sheets: GridSheet[] = [];
  for (const ws of wb.worksheets) {
    const rows: GridRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = new Map<number, CellRead>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // a merged cell's value lives in its top-left cell only
        if (cell.isMerged && cell.master !== cell) return;
        const read = readCellValue(cell.value);
        if (read.kind !== 'empty' || read.formula) cells.set(col, read);
      });
      if (cells.size) rows.push({ number, hidden: row.hidden === true, cells });
    });
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible', rows });
  }
  return { ok: true, grid: { kind: 'xlsx', date1904: wb.properties?.date1904 === true, sheets } };
}

/** Parses CSV (RFC 4180; also ; or tab as separator when the first line has more of them than commas), one sheet named after the file. */
export function readCsvGrid(text: string, name: string): Grid {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const sep = count(';') > count(',') && count(';') >= count('\t') ? ';' : count('\t') > count(',') ? '\t' : ',';
  const rows: GridRow[] = [];
  let field = '';
  let cells = new Map<number, CellRead>();
  let col = 1;
  // the row a spreadsheet shows a record on: records count, not lines (a quoted field may hold line breaks)
  let record = 1;
  let quoted = false;
  const endField = () => {
    if (field.trim() !== '') cells.set(col, { kind: 'text', text: field });
    field = '';
    col++;
  };
  const endRow = () => {
    endField();
    if (cells.size) rows.push({ number: record, hidden: false, cells });
    cells = new Map();
    col = 1;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
      record++;
    } else field += ch;
  }
  if (field !== '' || cells.size) endRow();
  return { kind: 'csv', date1904: false, sheets: [{ name, hidden: false, rows }] };
}
