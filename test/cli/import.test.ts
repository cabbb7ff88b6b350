/** accsm import: a tracker in the seeds' words becomes valid project files; every bad cell is reported and nothing is written. */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as run, copyRoot, tempDir } from '../helpers.js';

/** accsm in process on a fixed day, the day after the 22nd SOM. */
const cli = (args: string[], options: { cwd: string }) => run(args, { ...options, env: { ACCSM_TODAY: '2024-08-06' } });
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
const PROJECTS = 'plans/accsm-2021-2025/projects';

/** The embedded data with the plan's project files removed: a plan waiting for its tracker. */
function emptyPlan(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  rmSync(join(r.dir, PROJECTS), { recursive: true });
  return r.dir;
}
function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const COUNTRIES = ['Viet Nam', 'Brunei Darussalam', 'Thailand', 'Indonesia', 'Malaysia', 'Cambodia', 'Lao PDR', 'Myanmar', 'Philippines', 'Singapore', 'ASEAN Secretariat'];
const AREAS = ['Enhancing workforce competencies and standards in the public sectors', 'Building institutional capacities', 'Transformative leadership', 'Strengthening ASEAN Resource Centres', 'Public sector reform and modernisation'];
const CODES: Record<string, string> = { 'Viet Nam': 'VN', 'Brunei Darussalam': 'BN', Thailand: 'TH', Indonesia: 'ID', Malaysia: 'MY', Cambodia: 'KH', 'Lao PDR': 'LA', Myanmar: 'MM', Philippines: 'PH', Singapore: 'SG', 'ASEAN Secretariat': 'ASEC' };

/** 31 rows as the 21st SOM counted them: 7 Completed, 5 On-going, 19 Being planned (titles are test placeholders). */
function tracker31(): string {
  const rows = [['No.', 'Project/Activity', 'Lead Country', 'Priority Area', 'Status', 'Date', 'Remarks']];
  for (let i = 1; i <= 31; i++) {
    const status = i <= 7 ? 'Completed' : i <= 12 ? 'On-going' : 'Being planned';
    rows.push([String(i), `"Activity ${i}, test row"`, COUNTRIES[i % COUNTRIES.length]!, AREAS[i % 5]!, status, '3 August 2022', i === 3 ? 'Workshop held' : '']);
  }
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

describe('accsm import', () => {
  it("imports a tracker CSV of 31 rows in the seeds' words to 31 valid project files with the SOM's figures", async () => {
    const dir = emptyPlan();
    const t = temp();
    writeFileSync(join(t, 'tracker.csv'), tracker31());
    const r = await cli(['import', 'tracker.csv', '--plan', 'accsm-2021-2025', '--meeting', 'som-21', '--data', dir], { cwd: t });
    expect(r.stderr).toBe('accsm: created 31 project files\n');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, PROJECTS)).length).toBe(31);
    expect(r.stdout).toContain('Created 31 project files from tracker.csv (columns: id=A ("No."), title=B ("Project/Activity"), lead=C ("Lead Country"), area=D ("Priority Area"), status=E ("Status"), date=F ("Date"), note=G ("Remarks"))');
    expect(r.stdout).toContain('ACCSM Work Plan 2021-2025 as of 2022-08-03: 7 completed (23%), 5 ongoing (16%), 19 planned (61%); 12 of 31 completed or ongoing (39%)');
    const p01 = readFileSync(join(dir, PROJECTS, 'P01.yaml'), 'utf8');
    expect(p01).toBe(
      '# yaml-language-server: $schema=../../../../schemas/project.schema.json\nid: P01\ntitle: Activity 1, test row\npriority_areas:\n  - institutions\nlead:\n  - BN\nstatus:\n  - date: 2022-08-03\n    status: completed\n    meeting: som-21\n',
    );
    for (let i = 1; i <= 31; i++) {
      const text = readFileSync(join(dir, PROJECTS, `P${String(i).padStart(2, '0')}.yaml`), 'utf8');
      expect(text).toContain(`  - ${CODES[COUNTRIES[i % COUNTRIES.length]!]}\n`);
    }
    expect(readFileSync(join(dir, PROJECTS, 'P03.yaml'), 'utf8')).toContain('note: Workshop held');
    const v = await cli(['validate', '--data', dir], { cwd: t });
    expect(v.stdout).toContain('no problems');
    expect(v.code).toBe(0);
    const report = await cli(['report', '--data', dir, '--as-of', 'som-21', '--format', 'json'], { cwd: t });
    const plan = JSON.parse(report.stdout).plans[0];
    expect([plan.counts.completed, plan.counts.ongoing, plan.counts.planned, plan.implemented, plan.implementedPercent]).toEqual([7, 5, 19, 12, 39]);
  });

  it('reports every bad cell at its address and writes nothing', async () => {
    const dir = emptyPlan();
    const t = temp();
    writeFileSync(
      join(t, 'bad.csv'),
      ['Title,Lead,Area,Status,Date', 'A,Atlantis,reform,Completed,2022-08-03', 'B,VN,Area 51,Completed,2022-08-03', 'C,VN,reform,Nearly there,2022-08-03', 'D,VN,reform,Completed,05/08/2022', ',VN,reform,Completed,2022-08-03', 'F,VN,leadership,On-going,2022-08-03', ''].join('\n'),
    );
    const r = await cli(['import', 'bad.csv', '--plan', 'accsm-2021-2025', '--data', dir, '--format', 'json'], { cwd: t });
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout).diagnostics as { file: string; cell: string; code: string }[]).map((d) => `${d.file}!${d.cell} ${d.code}`);
    expect(found).toEqual(['bad.csv!B2 import-country-unknown', 'bad.csv!C3 import-area-unknown', 'bad.csv!D4 import-status-unknown', 'bad.csv!E5 date-invalid', 'bad.csv!A6 import-value-missing']);
    expect(r.stderr).toContain('nothing written: 5 cells are wrong in bad.csv');
    expect(existsSync(join(dir, PROJECTS))).toBe(false);
  });

  it('takes a workbook with --map by letter and header, numbered areas, several leads and partners, ids that are taken', async () => {
    const dir = emptyPlan();
    const t = temp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tracker 2022');
    ws.addRow(['Ref', 'What', 'Who leads', 'With', 'PA', 'Progress', 'As at']);
    ws.addRow(['X-1', 'First', 'Viet Nam and Thailand', 'Japan; Republic of Korea', 'PA 2', 'completed', new Date('2022-08-03T00:00:00Z')]);
    ws.addRow(['X-2', 'Second', 'Singapore', '', 'Transformative leadership; 5', 'being planned', 44776]);
    ws.addRow(['X-1', 'Third', 'VN', '', '1', 'ongoing', '2022-08-03']);
    ws.addRow(['no/slash', 'Fourth', 'VN', '', '1', 'ongoing', '2022-08-03']);
    writeFileSync(join(t, 'tracker.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const args = ['import', 'tracker.xlsx', '--plan', 'accsm-2021-2025', '--data', dir, '--map', 'id=A,title=B,lead=Who leads,partners=D,area=E,status=F,date=G'];
    const dup = await cli(args, { cwd: t });
    expect(dup.code).toBe(1);
    expect(dup.stdout).toContain("'Tracker 2022'!A4  error    X-1 is also the id of row 2; give each project its own id  import-id-duplicate");
    expect(dup.stdout).toContain("'Tracker 2022'!A5  error    \"no/slash\" cannot be a project id");
    ws.getCell('A4').value = 'X-3';
    ws.getCell('A5').value = 'X-4';
    writeFileSync(join(t, 'tracker.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli(args, { cwd: t });
    expect(r.code).toBe(0);
    const x1 = readFileSync(join(dir, PROJECTS, 'X-1.yaml'), 'utf8');
    expect(x1).toContain('priority_areas:\n  - institutions\nlead:\n  - VN\n  - TH\npartners:\n  - JP\n  - KR\n');
    expect(readFileSync(join(dir, PROJECTS, 'X-2.yaml'), 'utf8')).toContain('priority_areas:\n  - leadership\n  - reform\n');
    expect(readFileSync(join(dir, PROJECTS, 'X-2.yaml'), 'utf8')).toContain('date: 2022-08-03\n    status: planned');
    const again = await cli(args, { cwd: t });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('plan accsm-2021-2025 already has a project X-1');
  });

  it('a tracker whose columns cannot be told is a usage error that says how to name them', async () => {
    const dir = emptyPlan();
    const t = temp();
    writeFileSync(join(t, 'odd.csv'), 'Alpha,Beta,Gamma\n1,2,3\n');
    const r = await cli(['import', 'odd.csv', '--plan', 'accsm-2021-2025', '--data', dir], { cwd: t });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot tell which column of odd.csv holds the title, lead, area, status, date');
    expect(r.stderr).toContain('--map');
    const bad = await cli(['import', 'odd.csv', '--plan', 'accsm-2021-2025', '--data', dir, '--map', 'colour=A'], { cwd: t });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"colour" is not a field accsm imports');
  });
});
