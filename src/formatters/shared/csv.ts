/**
 * CSV as RFC 4180 says: fields separated by commas, records ended by CRLF
 * (the last one too), a field quoted when it holds a comma, a double quote,
 * CR or LF, and a double quote inside a quoted field doubled. No byte order mark.
 */
export type CsvValue = string | number | boolean | null | undefined;

export const CSV_EOL = '\r\n';

export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header record and data records, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + CSV_EOL).join('');
}

/** Several values in one field (lead codes, areas): separated by semicolons. */
export function csvList(values: readonly string[]): string {
  return values.join(';');
}
