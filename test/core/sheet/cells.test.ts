/** Reading cells and words: dates in every form a sheet holds them, country names, status words, CSV. */
import { describe, expect, it } from 'vitest';
import { readCellValue, readDate, serialToDate } from '../../../src/core/sheet/cells.js';
import { readCsvGrid } from '../../../src/core/sheet/grid.js';
import { cellAddress, columnLetter } from '../../../src/core/sheet/layout.js';
import { countryCode, countryName, splitCountries } from '../../../src/core/countries.js';
import { statusFromWord } from '../../../src/core/status-words.js';

describe('cells', () => {
  it('reads rich text, hyperlinks, formulas by their result, errors and dates', () => {
    expect(readCellValue({ richText: [{ text: 'com' }, { text: 'pleted' }] })).toEqual({ kind: 'text', text: 'completed' });
    expect(readCellValue({ text: 'P02', hyperlink: 'https://example.org' })).toEqual({ kind: 'text', text: 'P02' });
    expect(readCellValue({ formula: 'A1', result: 'ongoing' })).toEqual({ kind: 'text', text: 'ongoing', formula: true });
    expect(readCellValue({ formula: 'A1' })).toEqual({ kind: 'empty', formula: true });
    expect(readCellValue({ error: '#N/A' })).toEqual({ kind: 'error', text: '#N/A' });
    expect(readCellValue(new Date('2024-08-05T00:00:00Z'))).toEqual({ kind: 'date', date: '2024-08-05' });
    expect(readCellValue('   ')).toEqual({ kind: 'empty' });
  });

  it('turns Excel serial days into dates, in the 1900 and the 1904 system', () => {
    expect(serialToDate(45509)).toBe('2024-08-05');
    expect(serialToDate(45509.75)).toBe('2024-08-05');
    expect(serialToDate(61)).toBe('1900-03-01');
    expect(serialToDate(60)).toBeUndefined();
    expect(serialToDate(44047, true)).toBe('2024-08-05');
    expect(serialToDate(0)).toBeUndefined();
    expect(serialToDate(-3)).toBeUndefined();
  });

  it('reads a date as ISO text, "5 August 2024" or "August 5, 2024", and refuses 05/08/2024 and impossible days', () => {
    const text = (t: string) => readDate({ kind: 'text', text: t });
    expect(text('2024-08-05')).toEqual({ ok: true, date: '2024-08-05' });
    expect(text('2024-8-5')).toEqual({ ok: true, date: '2024-08-05' });
    expect(text('5 August 2024')).toEqual({ ok: true, date: '2024-08-05' });
    expect(text('5th Aug 2024')).toEqual({ ok: true, date: '2024-08-05' });
    expect(text('August 5, 2024')).toEqual({ ok: true, date: '2024-08-05' });
    expect(text('05/08/2024')).toMatchObject({ ok: false, why: expect.stringContaining('day-first or month-first') });
    expect(text('2023-02-29')).toEqual({ ok: false, why: '2023-02-29 is not a real calendar date' });
    expect(text('soon')).toMatchObject({ ok: false, why: expect.stringContaining('is not a date') });
    expect(readDate({ kind: 'number', value: 45509 })).toEqual({ ok: true, date: '2024-08-05' });
    expect(readDate({ kind: 'bool', value: true })).toMatchObject({ ok: false });
  });

  it('names cells as spreadsheets do', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(cellAddress(7, 3)).toBe('C7');
  });
});

describe('words', () => {
  it('maps the country names of the seeds and common spellings to codes', () => {
    expect(countryCode('Viet Nam')).toBe('VN');
    expect(countryCode('Vietnam')).toBe('VN');
    expect(countryCode('viet-nam')).toBe('VN');
    expect(countryCode('Brunei Darussalam')).toBe('BN');
    expect(countryCode('Negara Brunei Darussalam')).toBe('BN');
    expect(countryCode('Lao PDR')).toBe('LA');
    expect(countryCode('Timor-Leste')).toBe('TL');
    expect(countryCode('ASEAN Secretariat')).toBe('ASEC');
    expect(countryCode('th')).toBe('TH');
    expect(countryCode('Atlantis')).toBeUndefined();
    expect(countryName('VN')).toBe('Viet Nam');
    expect(splitCountries('Viet Nam; Thailand, Lao PDR and Cambodia')).toEqual(['Viet Nam', 'Thailand', 'Lao PDR', 'Cambodia']);
  });

  it('maps the status words of the seeds to statuses', () => {
    expect(statusFromWord('Completed')).toBe('completed');
    expect(statusFromWord('On-going')).toBe('ongoing');
    expect(statusFromWord('Being planned')).toBe('planned');
    expect(statusFromWord('being planned for implementation')).toBe('planned');
    expect(statusFromWord('POSTPONED')).toBe('postponed');
    expect(statusFromWord('Canceled')).toBe('cancelled');
    expect(statusFromWord('maybe')).toBeUndefined();
  });
});

describe('CSV', () => {
  it('reads RFC 4180 with quoted commas, quotes and line breaks; rows are records', () => {
    const grid = readCsvGrid('\uFEFFa,b\r\n"x, y","say ""hi""\nagain"\n\nlast,\n', 't.csv');
    const rows = grid.sheets[0]!.rows.map((r) => [r.number, [...r.cells].map(([c, v]) => [c, v.kind === 'text' ? v.text : v.kind])]);
    expect(rows).toEqual([
      [1, [[1, 'a'], [2, 'b']]],
      [2, [[1, 'x, y'], [2, 'say "hi"\nagain']]],
      [4, [[1, 'last']]],
    ]);
  });

  it('takes ; as the separator when the header has more of them (Excel in many locales)', () => {
    const grid = readCsvGrid('id;title\nP1;A, B\n', 't.csv');
    expect([...grid.sheets[0]!.rows[1]!.cells.values()].map((v) => (v.kind === 'text' ? v.text : ''))).toEqual(['P1', 'A, B']);
  });
});
