/**
 * What every workbook accsm writes shares: exceljs loaded only when a
 * workbook is asked for (it is kept out of the bundle and out of start-up),
 * a bold header row that stays in view, an autofilter, column widths, and
 * text from the data written as inert text.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { xmlChars } from '../shared/xml.js';

export { loadExcelJs } from '../../core/sheet/exceljs.js';

/**
 * Text from the data as a cell value. exceljs stores a string as a string
 * cell, never as a formula, so "=cmd|..." stays text; characters XML cannot
 * hold are replaced so that a hostile title cannot break the file.
 */
export function textCell(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : xmlChars(value);
}

/** A date YYYY-MM-DD as a date cell (midnight UTC, which is what Excel's serial day means). */
export function dateCell(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const PERCENT_FORMAT = '0%';

export interface TableColumn {
  header: string;
  width: number;
  numFmt?: string;
}

/**
 * A table from `headerRow` down: bold header, frozen above the data, an
 * autofilter over header and data, and the column widths.
 */
export function layOutTable(ws: Worksheet, headerRow: number, columns: readonly TableColumn[], dataRows: number): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  const header = ws.getRow(headerRow);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(dataRows, 0), column: columns.length } };
}

/** The workbook's properties: made by accsm, with a title. */
export function describeWorkbook(wb: Workbook, title: string, created: string): void {
  wb.creator = 'accsm';
  wb.title = xmlChars(title);
  const d = dateCell(created)!;
  wb.created = d;
  wb.modified = d;
}

export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Escapes text for a page header or footer, where & starts a code. */
export function headerFooterText(s: string): string {
  return xmlChars(s).replace(/&/g, '&&');
}
