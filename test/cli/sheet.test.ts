/** accsm sheet out / sheet in, in process: the workbook as made, a filled sheet back in, every bad cell at its address. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli as run, copyRoot, tempDir } from '../helpers.js';
import { fillWorkbook } from '../workbooks.js';

/** accsm in process on a fixed day, the day after the 22nd SOM. */
const cli = (args: string[], options: { cwd: string }) => run(args, { ...options, env: { ACCSM_TODAY: '2024-08-06' } });
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function root(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  return r.dir;
}
function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const P02 = 'plans/accsm-2021-2025/projects/P02.yaml';

/** Every data file of a root with its text, to prove nothing was written. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p, readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

let work: string;
let vnSheet: string;
let ascSheet: string;
beforeAll(async () => {
  work = temp();
  const r = await cli(['sheet', 'out', '--for', 'som-22', '--out', 'round'], { cwd: work });
  expect(r.stderr).toContain('accsm: wrote round/accsm-2021-2025-VN.xlsx (Viet Nam: 1 project)');
  expect(r.code).toBe(0);
  vnSheet = join(work, 'round', 'accsm-2021-2025-VN.xlsx');
  ascSheet = join(work, 'round', 'accsm-2021-2025-ASEC.xlsx');
});

describe('accsm sheet out', () => {
  it('writes one workbook per lead country of the plan', () => {
    expect(readdirSync(join(work, 'round')).sort()).toEqual(['accsm-2021-2025-ASEC.xlsx', 'accsm-2021-2025-VN.xlsx']);
  });

  it('has instructions first, then the projects with a dropdown, a date check, locked cells, frozen header, autofilter and a page header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(vnSheet) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['Instructions', 'visible'], ['Projects', 'visible'], ['accsm', 'hidden']]);
    expect(String(wb.getWorksheet('Instructions')!.getCell('A1').value)).toBe('ACCSM Work Plan 2021-2025: status update from Viet Nam (VN)');
    const ws = wb.getWorksheet('Projects')!;
    expect(ws.getRow(4).values).toEqual([undefined, 'ID', 'Project / activity', 'Priority areas', 'Lead', 'Partners', 'Role', 'Current status', 'Since', 'Last note', 'New status', 'Date of new status', 'Note']);
    expect(ws.getCell('A5').value).toBe('P02');
    expect(ws.getCell('G5').value).toBe('ongoing');
    expect(ws.getCell('H5').value).toEqual(new Date('2022-08-05T00:00:00Z'));
    expect(ws.getCell('F5').value).toBe('lead');
    expect(ws.getCell('J5').dataValidation).toMatchObject({ type: 'list', formulae: ['"planned,ongoing,completed,postponed,cancelled"'] });
    expect(ws.getCell('K5').dataValidation).toMatchObject({ type: 'date', operator: 'greaterThan', formulae: [new Date('2022-08-05T00:00:00Z')] });
    expect(ws.getCell('A5').protection?.locked).not.toBe(false);
    expect(ws.getCell('G5').protection?.locked).not.toBe(false);
    for (const c of ['J5', 'K5', 'L5']) expect(ws.getCell(c).protection?.locked, c).toBe(false);
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true, autoFilter: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:L5');
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
    expect(ws.headerFooter.oddHeader).toContain('Viet Nam (VN)');
    expect(ws.headerFooter.oddHeader).toContain('status as of 2024-08-06');
    const meta = wb.getWorksheet('accsm')!;
    expect(meta.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['kind', 'accsm status round'], ['version', '1'], ['plan', 'accsm-2021-2025'], ['lead', 'VN'], ['as_of', '2024-08-06'], ['meeting', 'som-22'], ['created', '2024-08-06'],
    ]);
  });

  it('--out FILE.xlsx with several workbooks, an unknown country or meeting are usage errors', async () => {
    const dir = temp();
    const several = await cli(['sheet', 'out', '--out', 'x.xlsx'], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('there are 2 workbooks');
    const unknown = await cli(['sheet', 'out', '--lead', 'XX', '--out', 'x.xlsx'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('lead codes in this plan: ASEC, VN');
    const meeting = await cli(['sheet', 'out', '--for', 'som-99', '--out', 'x'], { cwd: dir });
    expect(meeting.code).toBe(2);
    expect(meeting.stderr).toContain('unknown meeting "som-99"');
  });
});

describe('accsm sheet in', () => {
  it('records a filled row with the meeting the sheet was made for, keeps comments, shows the transition, and validates', async () => {
    const dir = root();
    const filled = join(temp(), 'VN.xlsx');
    await fillWorkbook(vnSheet, filled, { J5: 'completed', K5: '2024-08-05', L5: 'Adopted at the 22nd SOM' });
    const beforeText = readFileSync(join(dir, P02), 'utf8');
    const r = await cli(['sheet', 'in', filled, '--data', dir], { cwd: work });
    expect(r.stderr).toBe('accsm: recorded 1 new status from 1 sheet in 1 file\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('P02: ongoing → completed (2024-08-05, meeting som-22)');
    expect(r.stdout).toContain('12 of 31 completed or ongoing (39%)');
    const after = readFileSync(join(dir, P02), 'utf8');
    expect(after.startsWith(beforeText.slice(0, beforeText.indexOf('source:')))).toBe(true);
    expect(after).toContain('# yaml-language-server: $schema=');
    expect(after).toContain('  - date: 2024-08-05\n    status: completed\n    meeting: som-22\n    note: >-\n      Adopted at the 22nd SOM\n');
    expect((await cli(['validate', '--data', dir], { cwd: work })).code).toBe(0);
  });

  it('--dry-run shows the transitions and writes nothing', async () => {
    const dir = root();
    const filled = join(temp(), 'VN.xlsx');
    await fillWorkbook(vnSheet, filled, { J5: 'completed', K5: '2024-08-05' });
    const before = snapshot(dir);
    const r = await cli(['sheet', 'in', filled, '--data', dir, '--dry-run'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('P02: ongoing → completed');
    expect(r.stderr).toContain('dry run');
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports every bad cell at its address, and writes nothing from any sheet when one is wrong', async () => {
    const dir = root();
    const t = temp();
    const good = join(t, 'VN.xlsx');
    const bad = join(t, 'ASEC.xlsx');
    await fillWorkbook(vnSheet, good, { J5: 'completed', K5: '2024-08-05' });
    // rows 5.. are P01, P03, P04, ... (ASEC's projects in id order)
    await fillWorkbook(ascSheet, bad, { J5: 'finished-ish', K5: '2024-08-01', J6: 'ongoing', K7: '2024-08-01', J8: 'ongoing', K8: '05/08/2024', A9: 'P99', J9: 'completed', K9: '2024-08-01', J10: 'ongoing', K10: '2021-01-01', J11: 'ongoing', K11: '2024-02-30' }, { asText: false });
    const before = snapshot(dir);
    const r = await cli(['sheet', 'in', good, bad, '--data', dir, '--format', 'json'], { cwd: t });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { diagnostics: { file: string; cell?: string; line: number; column: number; code: string }[] };
    expect(json.diagnostics.map((d) => `${d.file}!${d.cell} ${d.code}`)).toEqual([
      'ASEC.xlsx!Projects!J5 sheet-status-invalid',
      'ASEC.xlsx!Projects!K6 sheet-date-missing',
      'ASEC.xlsx!Projects!K7 sheet-status-missing',
      'ASEC.xlsx!Projects!K8 date-invalid',
      'ASEC.xlsx!Projects!A9 sheet-id-unknown',
      'ASEC.xlsx!Projects!K10 date-order',
      'ASEC.xlsx!Projects!K11 date-invalid',
    ]);
    expect(json.diagnostics[0]).toMatchObject({ line: 5, column: 10 });
    expect(r.stderr).toContain('nothing written: 7 cells are wrong');
    expect(snapshot(dir)).toEqual(before);
    const stylish = await cli(['sheet', 'in', bad, '--data', dir], { cwd: t });
    expect(stylish.stdout).toContain('  Projects!K8   error    the date of P05: "05/08/2024" could be read day-first or month-first');
  });

  it('reads a hidden row (saying so), a formula by its result, a date typed as text or as an Excel serial day', async () => {
    const dir = root();
    const t = temp();
    const filled = join(t, 'ASEC.xlsx');
    await fillWorkbook(ascSheet, filled, {
      J5: { formula: 'LOWER("COMPLETED")', result: 'completed' }, K5: '2024-08-05',
      J6: 'On-going', K6: '5 August 2024',
      J7: 'ongoing', K7: 45509,
    }, { hideRows: [7] });
    const r = await cli(['sheet', 'in', filled, '--data', dir], { cwd: t });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Projects!A7  warning  row 7 is hidden but filled in');
    expect(r.stdout).toMatch(/P01: completed, updated 2024-08-05/);
    expect(r.stdout).toMatch(/P03: \w+ → ongoing \(2024-08-05/);
    expect(r.stdout).toMatch(/P04: \w+ → ongoing \(2024-08-05/);
  });

  it('a workbook that is not ours, a file that is not a workbook, a formula without a result: plain errors, nothing written', async () => {
    const dir = root();
    const t = temp();
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Tracker').addRow(['No', 'Title', 'Status']);
    writeFileSync(join(t, 'tracker.xlsx'), new Uint8Array(await other.xlsx.writeBuffer()));
    writeFileSync(join(t, 'notes.xlsx'), 'just some text');
    await fillWorkbook(vnSheet, join(t, 'formula.xlsx'), { J5: { formula: 'A1' }, K5: '2024-08-05' });
    const before = snapshot(dir);
    const r = await cli(['sheet', 'in', 'tracker.xlsx', 'notes.xlsx', 'formula.xlsx', 'missing.xlsx', '--data', dir], { cwd: t });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tracker.xlsx\n  1:1  error    the workbook has no "accsm" sheet, so it is not a status sheet made by accsm sheet out');
    expect(r.stdout).toContain('notes.xlsx\n  1:1  error    it is not an .xlsx workbook');
    expect(r.stdout).toContain('Projects!J5  error    the new status of P02 is a formula with no saved result');
    expect(r.stdout).toContain('missing.xlsx\n  1:1  error    cannot read missing.xlsx: it does not exist');
    expect(snapshot(dir)).toEqual(before);
  });

  it('the same project in two sheets, a column of its own, a renamed header, a sheet for another plan: each said plainly', async () => {
    const dir = root();
    const t = temp();
    await fillWorkbook(vnSheet, join(t, 'a.xlsx'), { J5: 'completed', K5: '2024-08-05', M5: 'thanks!' });
    await fillWorkbook(vnSheet, join(t, 'b.xlsx'), { J5: 'ongoing', K5: '2024-08-04' });
    await fillWorkbook(vnSheet, join(t, 'renamed.xlsx'), { K4: 'When', J5: 'completed' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(vnSheet) as unknown as ArrayBuffer);
    wb.getWorksheet('accsm')!.getCell('B3').value = 'accsm-2016-2020';
    wb.getWorksheet('Projects')!.getCell('J5').value = 'completed';
    writeFileSync(join(t, 'old-plan.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = snapshot(dir);
    const r = await cli(['sheet', 'in', 'a.xlsx', 'b.xlsx', 'renamed.xlsx', 'old-plan.xlsx', '--data', dir], { cwd: t });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Projects!M5  warning  column M is not part of the status sheet; what it holds is not recorded  sheet-extra-column');
    expect(r.stdout).toContain('b.xlsx\n  Projects!A5  error    P02 is updated twice (also at a.xlsx!Projects!A5); keep one of the two rows  sheet-id-duplicate');
    expect(r.stdout).toMatch(/renamed\.xlsx\n  Projects!A4 +error +the header "Date of new status" is missing from row 4.*sheet-layout/);
    expect(r.stdout).toMatch(/old-plan\.xlsx\n  1:1 +error +the sheet is for plan "accsm-2016-2020", which is not in this data root.*sheet-plan-unknown/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a CSV sheet for a focal point without a spreadsheet program goes out and comes back, its cells addressed as a spreadsheet shows them', async () => {
    const dir = root();
    const p12 = join(dir, 'plans/accsm-2021-2025/projects/P12.yaml');
    writeFileSync(p12, readFileSync(p12, 'utf8').replace(/^title: .*$/m, `title: '=HYPERLINK("https://example.org")'`));
    const t = temp();
    const out = await cli(['sheet', 'out', '--data', dir, '--for', 'som-22', '--format', 'csv', '--out', 'round'], { cwd: t });
    expect(out.code).toBe(0);
    const vn = readFileSync(join(t, 'round', 'accsm-2021-2025-VN.csv'), 'utf8');
    expect(vn.split('\r\n').slice(0, 10)).toEqual([
      'kind,accsm status round', 'version,1', 'plan,accsm-2021-2025', 'lead,VN', 'as_of,2024-08-06', 'meeting,som-22', 'created,2024-08-06', '',
      'ID,Project / activity,Priority areas,Lead,Partners,Role,Current status,Since,Last note,New status,Date of new status,Note',
      expect.stringMatching(/^P02,Action Plan to implement .*,Public sector reform and modernisation,VN,,lead,ongoing,2022-08-05,"Presented to .*",,,$/),
    ]);
    expect(readFileSync(join(t, 'round', 'accsm-2021-2025-ASEC.csv'), 'utf8')).toContain(`P12,"'=HYPERLINK(""https://example.org"")"`);
    writeFileSync(join(t, 'bad.csv'), vn.replace(/,,,\r\n$/, ',completed,2022-08-01,\r\n'));
    const bad = await cli(['sheet', 'in', 'bad.csv', '--data', dir], { cwd: t });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('bad.csv\n  K10  error    the date 2022-08-01 of P02 is not after its last entry (2022-08-05)');
    writeFileSync(join(t, 'VN.csv'), vn.replace(/,,,\r\n$/, ',completed,2024-08-05,"Adopted, with thanks"\r\n'));
    const r = await cli(['sheet', 'in', 'VN.csv', '--data', dir], { cwd: t });
    expect(r.stderr).toBe('accsm: recorded 1 new status from 1 sheet in 1 file\n');
    expect(r.stdout).toContain('P02: ongoing → completed (2024-08-05, meeting som-22)');
    expect(readFileSync(join(dir, P02), 'utf8')).toContain('    note: >-\n      Adopted, with thanks\n');
  });

  it('refuses to write into the data shipped with accsm, but checks it with --dry-run', async () => {
    const filled = join(temp(), 'VN.xlsx');
    await fillWorkbook(vnSheet, filled, { J5: 'completed', K5: '2024-08-05' });
    const t = temp();
    const r = await cli(['sheet', 'in', filled], { cwd: t });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not yours to edit');
    expect((await cli(['sheet', 'in', filled, '--dry-run'], { cwd: t })).code).toBe(0);
  });
});
