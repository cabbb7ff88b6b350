/**
 * The status-round workbook a focal point fills in: an Instructions sheet,
 * the Projects sheet (one row a project, three columns to fill: a dropdown of
 * the five statuses, a date that must come after the project's last entry, a
 * note; every other cell locked), and a hidden `accsm` sheet that says which
 * plan, country and date the sheet is for, so that `accsm sheet in` knows it.
 */
import { roundMeta, type RoundRow, type RoundSheet } from '../../core/sheet/round.js';
import { INSTRUCTIONS_SHEET, META_SHEET, PROJECTS_SHEET, ROUND_COLUMNS, type RoundColumnKey } from '../../core/sheet/layout.js';
import { STATUSES } from '../../core/types.js';
import { DATE_FORMAT, dateCell, describeWorkbook, headerFooterText, layOutTable, loadExcelJs, textCell, workbookBytes } from './excel.js';

/** Rows above the table: a title and a line saying what to do. */
export const ROUND_HEADER_ROW = 4;

export function roundTitle(sheet: RoundSheet): string {
  return `${sheet.plan.title}: status update from ${sheet.lead.name} (${sheet.lead.code})`;
}

export function roundSubtitle(sheet: RoundSheet): string {
  const meeting = sheet.meeting ? ` for the ${sheet.meeting.name.replace(/^the /i, '')} (${sheet.meeting.date})` : '';
  return `Current status as of ${sheet.asOf}${meeting}. Fill the three shaded columns for each project whose status changed; leave the others blank.`;
}

/** The instructions, one paragraph a line. */
export function roundInstructions(sheet: RoundSheet): string[] {
  return [
    roundTitle(sheet),
    '',
    `This workbook lists the projects of the ${sheet.plan.title} that ${sheet.lead.name} leads or partners, with their status as of ${sheet.asOf}.`,
    ...(sheet.meeting ? [`It is for the ${sheet.meeting.name.replace(/^the /i, '')} on ${sheet.meeting.date}; the new statuses will be recorded as noted by that meeting.`] : []),
    '',
    'On the Projects sheet, for each project whose status has changed:',
    `  1. New status: choose one of ${STATUSES.join(', ')} from the list.`,
    '  2. Date of new status: the day the status took effect, as a date (for example 2024-08-05). It must come after the date the project was last updated; the sheet refuses an earlier one.',
    '  3. Note (optional): what happened, in a sentence.',
    'Leave a row blank when nothing changed. Do not change the other columns; they are locked. Do not rename the sheets.',
    '',
    'Save the workbook as .xlsx (Excel or LibreOffice) and send it back to the secretariat, who records every row with: accsm sheet in FILE.xlsx',
    'Every row is checked first; if any cell is wrong, nothing is recorded and the secretariat gets the address of each wrong cell.',
  ];
}

function cellValue(row: RoundRow, key: RoundColumnKey): string | Date | null {
  switch (key) {
    case 'id': return textCell(row.id);
    case 'title': return textCell(row.title);
    case 'areas': return textCell(row.areas.join('; '));
    case 'lead': return textCell(row.lead.join(', '));
    case 'partners': return textCell(row.partners.join(', '));
    case 'role': return row.role;
    case 'status': return row.status ?? null;
    case 'since': return dateCell(row.since);
    case 'lastNote': return textCell(row.lastNote);
    default: return null;
  }
}

export async function roundWorkbook(sheet: RoundSheet): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  describeWorkbook(wb, roundTitle(sheet), sheet.created);

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.getColumn(1).width = 110;
  roundInstructions(sheet).forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = textCell(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const ws = wb.addWorksheet(PROJECTS_SHEET);
  ws.getCell(1, 1).value = textCell(roundTitle(sheet));
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = textCell(roundSubtitle(sheet));
  layOutTable(ws, ROUND_HEADER_ROW, ROUND_COLUMNS, sheet.rows.length);
  const at = (key: RoundColumnKey) => ROUND_COLUMNS.findIndex((c) => c.key === key) + 1;
  ws.getColumn(at('since')).numFmt = DATE_FORMAT;
  ws.getColumn(at('newDate')).numFmt = DATE_FORMAT;
  const statusList = `"${STATUSES.join(',')}"`;
  sheet.rows.forEach((row, i) => {
    const r = ws.getRow(ROUND_HEADER_ROW + 1 + i);
    ROUND_COLUMNS.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      if (!c.input) {
        cell.value = cellValue(row, c.key);
        cell.alignment = { vertical: 'top', wrapText: c.key === 'title' || c.key === 'lastNote' || c.key === 'areas' };
        return;
      }
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      cell.alignment = { vertical: 'top', wrapText: c.key === 'newNote' };
      if (c.key === 'newStatus') {
        cell.dataValidation = {
          type: 'list', allowBlank: true, formulae: [statusList], showErrorMessage: true, errorStyle: 'stop',
          errorTitle: 'Status', error: `Choose one of: ${STATUSES.join(', ')}.`, showInputMessage: true, promptTitle: 'New status', prompt: 'Choose the status from the list, or leave blank when nothing changed.',
        };
      } else if (c.key === 'newDate') {
        cell.numFmt = DATE_FORMAT;
        cell.dataValidation = {
          type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [dateCell(row.lastEntry)], showErrorMessage: true, errorStyle: 'stop',
          errorTitle: 'Date', error: `Write a real date after ${row.lastEntry}, the project's last update (for example ${row.lastEntry.slice(0, 4)}-12-31).`,
          showInputMessage: true, promptTitle: 'Date of new status', prompt: `A date after ${row.lastEntry}.`,
        };
      }
    });
  });
  ws.headerFooter = {
    oddHeader: `&L${headerFooterText(sheet.plan.title)}&C${headerFooterText(`${sheet.lead.name} (${sheet.lead.code})`)}&Rstatus as of ${sheet.asOf}`,
    oddFooter: '&LMade by accsm&RPage &P of &N',
  };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${ROUND_HEADER_ROW}:${ROUND_HEADER_ROW}` };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, sort: false, formatColumns: true, formatRows: true });

  const meta = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  roundMeta(sheet).forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = textCell(v);
  });
  await meta.protect('', {});
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return workbookBytes(wb);
}
