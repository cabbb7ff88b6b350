/** A diagnostic at a spreadsheet cell in every validate format: the address as people read it, the row and column where a format wants numbers. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/diagnostic.js';
import { atCell } from '../../src/core/sheet/diagnose.js';
import { diagnosticFormatters } from '../../src/formatters/diagnostics/index.js';

const summary = summarize([atCell('round/VN.xlsx', 'Projects', 7, 11, 'date-order', 'the date 2021-01-01 of P02 is not after its last entry (2022-08-05)')]);
const options = { color: false, filesChecked: 1, cwd: '/work', files: ['round/VN.xlsx'], version: '0.1.0' };

describe('a cell-addressed diagnostic', () => {
  it('stylish shows Sheet!K7 under the file', () => {
    expect(diagnosticFormatters.stylish(summary, options)).toContain('round/VN.xlsx\n  Projects!K7  error    the date 2021-01-01 of P02 is not after its last entry (2022-08-05)  date-order\n');
  });
  it('json carries the cell beside line (row) and column (number)', () => {
    expect(JSON.parse(diagnosticFormatters.json(summary, options)).diagnostics[0]).toEqual({
      file: 'round/VN.xlsx', line: 7, column: 11, severity: 'error', code: 'date-order', message: 'the date 2021-01-01 of P02 is not after its last entry (2022-08-05)', cell: 'Projects!K7',
    });
  });
  it('github starts the message with the cell; junit and sarif name it', () => {
    expect(diagnosticFormatters.github(summary, options)).toBe('::error file=round/VN.xlsx,line=7,col=11,title=accsm date-order::Projects!K7: the date 2021-01-01 of P02 is not after its last entry (2022-08-05)\n');
    expect(diagnosticFormatters.junit(summary, options)).toContain('round/VN.xlsx!Projects!K7 error date-order:');
    const sarif = JSON.parse(diagnosticFormatters.sarif(summary, options));
    expect(sarif.runs[0].results[0].locations[0]).toMatchObject({ physicalLocation: { region: { startLine: 7, startColumn: 11 } }, logicalLocations: [{ fullyQualifiedName: 'round/VN.xlsx!Projects!K7' }] });
  });
  it('quotes a sheet name with spaces as a formula would', () => {
    expect(atCell('a.xlsx', "Focal point's sheet", 2, 1, 'sheet-id-unknown', 'x').cell).toBe("'Focal point''s sheet'!A2");
    expect(atCell('a.csv', undefined, 2, 1, 'sheet-id-unknown', 'x').cell).toBe('A2');
  });
});
