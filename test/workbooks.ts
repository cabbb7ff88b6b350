/** Filling workbooks as a focal point would, for the status-round, import and client tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** Sets cells of a sheet ("J5" → value; YYYY-MM-DD strings become date cells unless `asText`) and saves to `to`. */
export async function fillWorkbook(from: string, to: string, cells: Record<string, unknown>, options: { sheet?: string; asText?: boolean; hideRows?: number[] } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(from) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(options.sheet ?? 'Projects')!;
  for (const [addr, v] of Object.entries(cells)) {
    const date = typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && !options.asText ? new Date(`${v}T00:00:00Z`) : undefined;
    // an impossible date (2024-02-30) stays text, as a person would type it
    ws.getCell(addr).value = (date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v as string) ? date : v) as ExcelJS.CellValue;
  }
  for (const r of options.hideRows ?? []) ws.getRow(r).hidden = true;
  writeFileSync(to, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Every cell value of a sheet by address. */
export async function sheetValues(path: string, sheet: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const out = new Map<string, unknown>();
  ws.eachRow((row) => row.eachCell((cell) => void out.set(cell.address, cell.value)));
  return out;
}
