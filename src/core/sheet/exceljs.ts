/** exceljs, loaded on first use: it is kept out of the bundle and out of start-up, and only the workbook commands pay for it. */
export type ExcelJs = typeof import('exceljs');

/** The module (CommonJS: the module itself, or its default export when loaded through import()). */
export async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as unknown as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}
