/**
 * The status-round sheet as CSV, for focal points without Excel: the
 * key,value lines that say what it is for, a blank line, then the table with
 * the same headers as the workbook. `accsm sheet in` reads it back.
 * RFC 4180 with CRLF through csvField, which also neutralises text a
 * spreadsheet would take for a formula.
 */
import { roundMeta, type RoundSheet } from '../../core/sheet/round.js';
import { ROUND_COLUMNS } from '../../core/sheet/layout.js';
import { CSV_EOL, csvField } from '../shared/csv.js';

export function roundCsv(sheet: RoundSheet): string {
  const rows = sheet.rows.map((r) =>
    ROUND_COLUMNS.map((c) => {
      switch (c.key) {
        case 'id': return r.id;
        case 'title': return r.title;
        case 'areas': return r.areas.join('; ');
        case 'lead': return r.lead.join(', ');
        case 'partners': return r.partners.join(', ');
        case 'role': return r.role;
        case 'status': return r.status ?? '';
        case 'since': return r.since ?? '';
        case 'lastNote': return r.lastNote ?? '';
        default: return '';
      }
    }),
  );
  const line = (cells: readonly string[]) => cells.map(csvField).join(',') + CSV_EOL;
  return [...roundMeta(sheet).map(line), CSV_EOL, line(ROUND_COLUMNS.map((c) => c.header)), ...rows.map(line)].join('');
}
