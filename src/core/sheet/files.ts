/** Reading returned sheets from disk: each file becomes a ReturnedSheet or diagnostics; one bad file never stops the others. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { atFile } from './diagnose.js';
import { readCsvGrid, readXlsxGrid, type Grid } from './grid.js';
import { readReturned, type ReturnedSheet } from './read.js';

export interface FileToRead {
  /** absolute path */
  path: string;
  /** the name messages use */
  shown: string;
}

/** A file's bytes, or why it cannot be read, in plain words. */
export function readBytes(path: string): { ok: true; bytes: Uint8Array } | { ok: false; why: string } {
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, why: code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message };
  }
}

/** A spreadsheet file as a grid: .xlsx through exceljs, .csv as UTF-8 text; anything else is a reason. */
export async function readGrid(file: FileToRead): Promise<{ ok: true; grid: Grid } | { ok: false; code: string; why: string }> {
  const bytes = readBytes(file.path);
  if (!bytes.ok) return { ok: false, code: 'sheet-unreadable', why: `cannot read ${file.shown}: ${bytes.why}` };
  const ext = extname(file.path).toLowerCase();
  const zip = bytes.bytes[0] === 0x50 && bytes.bytes[1] === 0x4b;
  if (ext === '.csv' && !zip) return { ok: true, grid: readCsvGrid(Buffer.from(bytes.bytes).toString('utf8'), file.shown) };
  if (ext === '.xls' || (bytes.bytes[0] === 0xd0 && bytes.bytes[1] === 0xcf)) {
    return { ok: false, code: 'sheet-unreadable', why: 'this is an old Excel 97-2003 (.xls) file; open it and save it as "Excel Workbook (.xlsx)"' };
  }
  if (ext === '.ods') return { ok: false, code: 'sheet-unreadable', why: 'this is an OpenDocument (.ods) file; in LibreOffice save it as "Excel 2007-365 (.xlsx)"' };
  if (!zip) return { ok: false, code: 'sheet-unreadable', why: `it is not an .xlsx workbook${ext === '.csv' ? '' : ' or a .csv file'}; save it from Excel or LibreOffice as .xlsx` };
  const read = await readXlsxGrid(bytes.bytes);
  return read.ok ? read : { ok: false, code: 'sheet-unreadable', why: read.why };
}

export async function readReturnedFiles(files: readonly FileToRead[]): Promise<{ sheets: ReturnedSheet[]; diagnostics: Diagnostic[] }> {
  const sheets: ReturnedSheet[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const grid = await readGrid(file);
    if (!grid.ok) {
      diagnostics.push(atFile(file.shown, grid.code, grid.why));
      continue;
    }
    const read = readReturned(grid.grid, file.shown);
    diagnostics.push(...read.diagnostics);
    if (read.sheet) sheets.push(read.sheet);
  }
  return { sheets, diagnostics };
}
