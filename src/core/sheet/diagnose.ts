/** Diagnostics that point at a cell of a spreadsheet or CSV file. */
import type { Diagnostic } from '../diagnostic.js';
import { RULES } from '../rules.js';
import { cellAddress } from './layout.js';

/** A problem at a cell: file!Sheet!C7 (a CSV file has one sheet and no sheet name: file!C7). */
export function atCell(file: string, sheet: string | undefined, row: number, column: number, code: string, message: string): Diagnostic {
  const addr = cellAddress(row, column);
  return { file, line: row, column, severity: RULES[code]?.severity ?? 'error', code, message, cell: sheet === undefined ? addr : `${quoteSheet(sheet)}!${addr}` };
}

/** A problem with a whole file (not ours, unreadable): at its first cell. */
export function atFile(file: string, code: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: RULES[code]?.severity ?? 'error', code, message };
}

/** A sheet name as a formula writes it: quoted when it holds anything but letters, digits and _. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
