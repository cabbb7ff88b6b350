/**
 * The columns of a status-round sheet, in order, shared by the writers (xlsx,
 * csv) and the reader. The reader finds columns by their header, so a sheet
 * whose columns were moved, or that gained columns, still reads.
 */
export type RoundColumnKey = 'id' | 'title' | 'areas' | 'lead' | 'partners' | 'role' | 'status' | 'since' | 'lastNote' | 'newStatus' | 'newDate' | 'newNote';

export interface RoundColumn {
  key: RoundColumnKey;
  header: string;
  /** characters */
  width: number;
  /** the focal point fills this column; every other column is locked */
  input: boolean;
}

export const ROUND_COLUMNS: readonly RoundColumn[] = [
  { key: 'id', header: 'ID', width: 8, input: false },
  { key: 'title', header: 'Project / activity', width: 48, input: false },
  { key: 'areas', header: 'Priority areas', width: 30, input: false },
  { key: 'lead', header: 'Lead', width: 10, input: false },
  { key: 'partners', header: 'Partners', width: 12, input: false },
  { key: 'role', header: 'Role', width: 9, input: false },
  { key: 'status', header: 'Current status', width: 15, input: false },
  { key: 'since', header: 'Since', width: 12, input: false },
  { key: 'lastNote', header: 'Last note', width: 40, input: false },
  { key: 'newStatus', header: 'New status', width: 15, input: true },
  { key: 'newDate', header: 'Date of new status', width: 18, input: true },
  { key: 'newNote', header: 'Note', width: 40, input: true },
];

/** Name of the sheet with the projects, and of the hidden sheet that says the workbook is ours. */
export const PROJECTS_SHEET = 'Projects';
export const INSTRUCTIONS_SHEET = 'Instructions';
export const META_SHEET = 'accsm';

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The cell address of a 1-based row and column: (7, 3) → C7. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Header text as the reader compares it: case, spaces and punctuation do not matter. */
export function foldHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
