/**
 * What a spreadsheet cell holds, in the few kinds accsm reads: text, a
 * number, a date, a truth value, an error, or nothing. Rich text and
 * hyperlinks become their text; a formula becomes its stored result (and says
 * it was a formula); a date cell or an Excel serial day becomes YYYY-MM-DD.
 */
import { dayNumber, fromDayNumber, isRealDate } from '../dates.js';

export type CellRead =
  | { kind: 'empty'; formula?: boolean }
  | { kind: 'text'; text: string; formula?: boolean }
  | { kind: 'number'; value: number; formula?: boolean }
  | { kind: 'date'; date: string; formula?: boolean }
  | { kind: 'bool'; value: boolean; formula?: boolean }
  | { kind: 'error'; text: string; formula?: boolean };

const EMPTY: CellRead = { kind: 'empty' };

/** Day 0 of Excel's 1900 date system, for serial days from 61 (1900-03-01) on. */
const EXCEL_EPOCH = dayNumber('1899-12-30');

/** An Excel serial day (whole days; a time of day is dropped) as YYYY-MM-DD; undefined before 1900-03-01 (where Excel counts a 29 February 1900 that never was) and after 9999. */
export function serialToDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return undefined;
  return fromDayNumber(EXCEL_EPOCH + Math.floor(serial) + (date1904 ? 1462 : 0));
}

function dateOf(d: Date): CellRead {
  if (Number.isNaN(d.getTime())) return { kind: 'error', text: 'an invalid date' };
  // exceljs reads a date cell as midnight UTC of its day
  return { kind: 'date', date: d.toISOString().slice(0, 10) };
}

/** Reads an exceljs cell value (Cell['value']). */
export function readCellValue(value: unknown): CellRead {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return dateOf(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return readCellValue((v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''));
    if ('formula' in v || 'sharedFormula' in v) {
      const result = readCellValue(v.result);
      return { ...result, formula: true };
    }
    if ('error' in v) return { kind: 'error', text: String(v.error) };
    if ('text' in v) return readCellValue(typeof v.text === 'string' ? v.text : (v.text as { richText?: unknown }) ?? null);
  }
  return { kind: 'text', text: String(value) };
}

/** A cell as one line of text for messages and for text fields: dates as YYYY-MM-DD, numbers as written. */
export function cellText(cell: CellRead): string {
  switch (cell.kind) {
    case 'empty': return '';
    case 'text': return cell.text.trim();
    case 'number': return String(cell.value);
    case 'date': return cell.date;
    case 'bool': return cell.value ? 'TRUE' : 'FALSE';
    case 'error': return cell.text;
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function month(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return i < 0 ? undefined : i + 1;
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type DateRead = { ok: true; date: string } | { ok: false; why: string };

/**
 * A date from a cell: a date cell, an Excel serial day, or text written
 * YYYY-MM-DD, "5 August 2024" or "August 5, 2024". Text such as 05/08/2024 is
 * refused: it means 5 August in Viet Nam and 8 May in the United States.
 * The date must exist on the calendar.
 */
export function readDate(cell: CellRead, date1904 = false): DateRead {
  if (cell.kind === 'date') return { ok: true, date: cell.date };
  if (cell.kind === 'number') {
    const d = serialToDate(cell.value, date1904);
    return d ? { ok: true, date: d } : { ok: false, why: `${cell.value} is not a date` };
  }
  if (cell.kind !== 'text') return { ok: false, why: `${cellText(cell) || 'an empty cell'} is not a date` };
  const t = cell.text.trim().replace(/\s+/g, ' ');
  let parts: [number, number, number] | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(t)) && month(m[2]!)) parts = [Number(m[3]), month(m[2]!)!, Number(m[1])];
  else if ((m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t)) && month(m[1]!)) parts = [Number(m[3]), month(m[1]!)!, Number(m[2])];
  else if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(t)) return { ok: false, why: `"${t}" could be read day-first or month-first; write it as YYYY-MM-DD (for example 2024-08-05) or enter it as a date` };
  if (!parts) return { ok: false, why: `"${t}" is not a date; write it as YYYY-MM-DD (for example 2024-08-05)` };
  const [y, mo, d] = parts;
  const text = ymd(y, mo, d);
  return isRealDate(text) ? { ok: true, date: text } : { ok: false, why: `${text} is not a real calendar date` };
}
