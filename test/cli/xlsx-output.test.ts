/** report and list --format xlsx: the same figures as the json report, as number cells, one sheet per table, autofilter and frozen header. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as run, copyRoot, tempDir } from '../helpers.js';

/** accsm in process on a fixed day, the day after the 22nd SOM. */
const cli = (args: string[], options: { cwd: string }) => run(args, { ...options, env: { ACCSM_TODAY: '2024-08-06' } });
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe('report --format xlsx', () => {
  it('has a sheet per table with the json report figures as numbers and percentages formatted', async () => {
    const t = temp();
    const r = await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '--format', 'xlsx', '--out', 'report.xlsx'], { cwd: t });
    expect(r.stderr).toContain('accsm: wrote report.xlsx\n');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '--format', 'json'], { cwd: t })).stdout).plans[0];
    const wb = await open(join(t, 'report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Status', 'By priority area', 'By lead', 'Projects']);
    const status = wb.getWorksheet('Status')!;
    expect(status.getRow(1).values).toEqual([undefined, 'Plan', 'Status', 'Projects', '%']);
    const rows = [2, 3, 4].map((n) => status.getRow(n).values as unknown[]);
    expect(rows.map((v) => v.slice(2))).toEqual([['completed', 7, 0.23], ['ongoing', 5, 0.16], ['planned', 19, 0.61]]);
    expect(rows.map((v) => v[3])).toEqual([json.counts.completed, json.counts.ongoing, json.counts.planned]);
    expect(status.getCell('D2').numFmt).toBe('0%');
    expect(status.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(status.autoFilter).toBe('A1:D6');
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getCell('D2').value).toBe(31);
    expect(summary.getCell('E2').value).toBe(12);
    expect(summary.getCell('F2').value).toBe(json.implementedPercent / 100);
    expect(summary.getCell('C2').value).toEqual(new Date('2022-08-03T00:00:00Z'));
    const areas = wb.getWorksheet('By priority area')!;
    expect(areas.rowCount).toBe(1 + json.byPriorityArea.length);
    expect(areas.getCell('C2').value).toBe(json.byPriorityArea[0].total);
    expect(wb.getWorksheet('Projects')!.rowCount).toBe(32);
  });

  it('xlsx needs --out FILE.xlsx; --over has no xlsx', async () => {
    const t = temp();
    const none = await cli(['report', '--format', 'xlsx'], { cwd: t });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give the file with --out FILE.xlsx');
    expect((await cli(['report', '--format', 'xlsx', '--out', 'r.csv'], { cwd: t })).code).toBe(2);
    expect((await cli(['report', '--over', 'years', '--format', 'xlsx', '--out', 'r.xlsx'], { cwd: t })).code).toBe(2);
  });

  it('--out also takes the text formats', async () => {
    const t = temp();
    const r = await cli(['report', '--as-of', 'som-21', '--format', 'csv', '--out', 'r.csv'], { cwd: t });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(t, 'r.csv'), 'utf8')).toBe((await cli(['report', '--as-of', 'som-21', '--format', 'csv'], { cwd: t })).stdout);
  });
});

describe('list --format xlsx', () => {
  it('one row a project; a title that looks like a formula stays text', async () => {
    const root = copyRoot();
    cleanups.push(root.cleanup);
    const p = join(root.dir, 'plans/accsm-2021-2025/projects/P12.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/^title: .*$/m, `title: '=HYPERLINK("https://example.org","click")'`));
    const t = temp();
    const r = await cli(['list', '--data', root.dir, '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '--format', 'xlsx', '--out', 'list.xlsx'], { cwd: t });
    expect(r.code).toBe(0);
    const ws = (await open(join(t, 'list.xlsx'))).getWorksheet('Projects')!;
    expect(ws.rowCount).toBe(32);
    expect(ws.getRow(1).values).toEqual([undefined, 'Plan', 'ID', 'Title', 'Status', 'Since', 'Meeting', 'Priority areas', 'Lead', 'Partners', 'Schedule start', 'Schedule end', 'Overdue', 'Late start', 'Illustrative']);
    const row = [...Array(31).keys()].map((i) => ws.getRow(i + 2)).find((x) => x.getCell(2).value === 'P12')!;
    expect(row.getCell(3).value).toBe('=HYPERLINK("https://example.org","click")');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(5).value).toEqual(new Date('2022-08-03T00:00:00Z'));
    expect(row.getCell(14).value).toBe(true);
  });
});
