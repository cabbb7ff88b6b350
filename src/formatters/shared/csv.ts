/**
 * CSV as RFC 4180 says: fields separated by commas, records ended by CRLF
 * (the last one too), a field quoted when it holds a comma, a double quote,
 * CR or LF, and a double quote inside a quoted field doubled. No byte order mark.
 *
 * A text that a spreadsheet would take for a formula (it starts with =, +, -,
 * @, a tab or CR: `=HYPERLINK(…)`) gets a leading ' and is quoted, as OWASP
 * advises against CSV injection; numbers are written as numbers. Other
 * control characters are shown escaped (shared/terminal.ts).
 */
import { escapeControls } from './terminal.js';

export type CsvValue = string | number | boolean | null | undefined;

export const CSV_EOL = '\r\n';

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // CR stays (quoted): RFC 4180 allows it in a field
  const text = value.replace(/[^\r]+/g, escapeControls);
  if (FORMULA_START.test(value)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What makes a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A header record and data records, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + CSV_EOL).join('');
}

/** Several values in one field (lead codes, areas): separated by semicolons. */
export function csvList(values: readonly string[]): string {
  return values.join(';');
}
