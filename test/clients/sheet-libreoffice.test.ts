/**
 * The status round and the workbooks, proven with LibreOffice Calc: every
 * workbook accsm writes opens and converts; a sheet filled and re-saved by
 * LibreOffice comes back in; a diagnostic's cell address is the cell
 * LibreOffice shows the bad value in; and `sheet in` killed part-way through a
 * 200-project update leaves every file either old or new.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accsm, BIN, copyRoot, EMBEDDED, tempDir } from '../helpers.js';
import { fillWorkbook } from '../workbooks.js';
import { needs } from './programs.js';

const soffice = needs('soffice', ['--version'], 'apt-get install libreoffice-calc-nogui');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const TODAY = { ACCSM_TODAY: '2024-08-06' };

/** LibreOffice converts `file` into `outDir`; its own profile folder, so runs never share state. */
function convert(file: string, outDir: string, filter: string, infilter?: string): void {
  const profile = join(outDir, '.lo-profile');
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', filter, '--outdir', outDir, file];
  const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 240_000 });
  expect(r.status, r.stderr).toBe(0);
}

/** Every sheet of a workbook as CSV rows, by sheet name, as LibreOffice reads it. */
function sheetsAsCsv(file: string): Map<string, string[][]> {
  const out = join(temp(), 'csv');
  mkdirSync(out);
  // the filter's 12th token, -1, writes every sheet to <name>-<Sheet>.csv
  convert(file, out, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  const stem = basename(file, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out).filter((n) => n.endsWith('.csv'))) {
    const rows = parseCsv(readFileSync(join(out, f), 'utf8'));
    sheets.set(f === `${stem}.csv` ? '' : f.slice(stem.length + 1, -4), rows);
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The value LibreOffice shows at an address such as K8. */
function at(rows: string[][], address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return rows[Number(m[2]) - 1]?.[col - 1] ?? '';
}

describe.skipIf(!soffice.ok)(`the status round in LibreOffice (${soffice.version})`, () => {
  it('opens every workbook accsm writes: the round sheets, the report and the project list', () => {
    const t = temp();
    expect(accsm(['sheet', 'out', '--for', 'som-22', '--out', join(t, 'round')], { env: TODAY }).code).toBe(0);
    expect(accsm(['report', '--as-of', 'som-21', '--format', 'xlsx', '--out', join(t, 'report.xlsx')]).code).toBe(0);
    expect(accsm(['list', '--as-of', 'som-21', '--format', 'xlsx', '--out', join(t, 'list.xlsx')]).code).toBe(0);
    const vn = sheetsAsCsv(join(t, 'round', 'accsm-2021-2025-VN.xlsx'));
    expect([...vn.keys()].sort()).toEqual(['Instructions', 'Projects', 'accsm']);
    expect(vn.get('Projects')![3]!.slice(0, 12)).toEqual(['ID', 'Project / activity', 'Priority areas', 'Lead', 'Partners', 'Role', 'Current status', 'Since', 'Last note', 'New status', 'Date of new status', 'Note']);
    expect(at(vn.get('Projects')!, 'A5')).toBe('P02');
    expect(at(vn.get('Projects')!, 'H5')).toBe('2022-08-05');
    const asec = sheetsAsCsv(join(t, 'round', 'accsm-2021-2025-ASEC.xlsx'));
    expect(asec.get('Projects')!.filter((r) => /^P\d\d$/.test(r[0] ?? '')).length).toBe(30);
    const report = sheetsAsCsv(join(t, 'report.xlsx'));
    expect([...report.keys()].sort()).toEqual(['By lead', 'By priority area', 'Projects', 'Status', 'Summary']);
    expect(report.get('Status')!.slice(1, 4)).toEqual([['accsm-2021-2025', 'completed', '7', '23%'], ['accsm-2021-2025', 'ongoing', '5', '16%'], ['accsm-2021-2025', 'planned', '19', '61%']]);
    expect(at(report.get('Summary')!, 'F2')).toBe('39%');
    const list = sheetsAsCsv(join(t, 'list.xlsx'));
    expect((list.get('Projects') ?? list.get(''))!.length).toBe(32);
  });

  it("Viet Nam's round trip on the embedded data: sheet out, filled and re-saved by LibreOffice, sheet in, diff shows the transition, validate is clean", () => {
    const t = temp();
    const root = copyRoot();
    cleanups.push(root.cleanup);
    const original = join(t, 'original');
    cpSync(EMBEDDED, original, { recursive: true });
    const out = accsm(['sheet', 'out', '--lead', 'VN', '--for', 'som-22', '--data', root.dir, '--out', join(t, 'VN.xlsx')], { env: TODAY });
    expect(out.code, out.stderr).toBe(0);
    return (async () => {
      await fillWorkbook(join(t, 'VN.xlsx'), join(t, 'VN-filled.xlsx'), { J5: 'completed', K5: '2024-08-05', L5: 'Action Plan adopted' });
      mkdirSync(join(t, 'saved'));
      convert(join(t, 'VN-filled.xlsx'), join(t, 'saved'), 'xlsx:Calc MS Excel 2007 XML');
      const saved = join(t, 'saved', 'VN-filled.xlsx');
      const r = accsm(['sheet', 'in', saved, '--data', root.dir], { env: TODAY });
      expect(r.stderr).toBe('accsm: recorded 1 new status from 1 sheet in 1 file\n');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('P02: ongoing → completed (2024-08-05, meeting som-22)');
      const diff = accsm(['diff', original, root.dir], { env: TODAY });
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain('P02: ongoing → completed (2024-08-05, meeting som-22)');
      const v = accsm(['validate', '--data', root.dir], { env: TODAY });
      expect(v.stdout).toContain('no problems');
      expect(v.code).toBe(0);
      expect(readFileSync(join(root.dir, 'plans/accsm-2021-2025/projects/P02.yaml'), 'utf8')).toContain('# yaml-language-server: $schema=');
    })();
  });

  it('a diagnostic names the very cell LibreOffice shows the bad value in, and nothing is written', async () => {
    const t = temp();
    const root = copyRoot();
    cleanups.push(root.cleanup);
    expect(accsm(['sheet', 'out', '--lead', 'ASEC', '--data', root.dir, '--out', join(t, 'ASEC.xlsx')], { env: TODAY }).code).toBe(0);
    await fillWorkbook(join(t, 'ASEC.xlsx'), join(t, 'bad.xlsx'), { J6: 'finished-ish', K6: '2024-08-01', J9: 'ongoing', K9: '2021-01-01', J12: 'ongoing', K12: '31/12/2023', A14: 'P99', J14: 'completed', K14: '2024-08-01' });
    mkdirSync(join(t, 'saved'));
    convert(join(t, 'bad.xlsx'), join(t, 'saved'), 'xlsx:Calc MS Excel 2007 XML');
    const saved = join(t, 'saved', 'bad.xlsx');
    const before = readdirSync(join(root.dir, 'plans/accsm-2021-2025/projects')).map((f) => readFileSync(join(root.dir, 'plans/accsm-2021-2025/projects', f), 'utf8'));
    const r = accsm(['sheet', 'in', saved, '--data', root.dir, '--format', 'json'], { env: TODAY });
    expect(r.code).toBe(1);
    const diags = JSON.parse(r.stdout).diagnostics as { cell: string; code: string }[];
    expect(diags.map((d) => `${d.cell} ${d.code}`)).toEqual(['Projects!J6 sheet-status-invalid', 'Projects!K9 date-order', 'Projects!K12 date-invalid', 'Projects!A14 sheet-id-unknown']);
    const rows = sheetsAsCsv(saved).get('Projects')!;
    expect(diags.map((d) => at(rows, d.cell.split('!')[1]!))).toEqual(['finished-ish', '2021-01-01', '31/12/2023', 'P99']);
    const after = readdirSync(join(root.dir, 'plans/accsm-2021-2025/projects')).map((f) => readFileSync(join(root.dir, 'plans/accsm-2021-2025/projects', f), 'utf8'));
    expect(after).toEqual(before);
  });

  it("imports a tracker kept in a LibreOffice workbook (the seeds' words) to 31 valid project files", () => {
    const t = temp();
    const root = copyRoot();
    cleanups.push(root.cleanup);
    rmSync(join(root.dir, 'plans/accsm-2021-2025/projects'), { recursive: true });
    const lines = ['No.;Project/Activity;Lead Country;Priority Area;Status'];
    const countries = ['Viet Nam', 'Brunei Darussalam', 'Thailand', 'Lao PDR', 'ASEAN Secretariat'];
    for (let i = 1; i <= 31; i++) lines.push(`${i};Activity ${i} (test row);${countries[i % 5]};${(i % 5) + 1};${i <= 7 ? 'Completed' : i <= 12 ? 'On-going' : 'Being planned'}`);
    writeFileSync(join(t, 'tracker.csv'), `${lines.join('\n')}\n`);
    mkdirSync(join(t, 'xlsx'));
    // semicolon-separated, as Excel writes CSV in many locales
    convert(join(t, 'tracker.csv'), join(t, 'xlsx'), 'xlsx:Calc MS Excel 2007 XML', 'CSV:59,34,76,1');
    const r = accsm(['import', join(t, 'xlsx', 'tracker.xlsx'), '--plan', 'accsm-2021-2025', '--meeting', 'som-21', '--data', root.dir], { env: TODAY });
    expect(r.stderr).toBe('accsm: created 31 project files\n');
    expect(r.stdout).toContain('7 completed (23%), 5 ongoing (16%), 19 planned (61%); 12 of 31 completed or ongoing (39%)');
    expect(readdirSync(join(root.dir, 'plans/accsm-2021-2025/projects')).length).toBe(31);
    expect(accsm(['validate', '--data', root.dir], { env: TODAY }).code).toBe(0);
  });
});

describe('sheet in killed part-way', () => {
  it('leaves every one of 200 project files either as it was or as it would be, never half-written', async () => {
    const t = temp();
    const root = copyRoot();
    cleanups.push(root.cleanup);
    const dir = join(root.dir, 'plans/accsm-2021-2025/projects');
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    const ids = [...Array(200).keys()].map((i) => `V${String(i + 1).padStart(3, '0')}`);
    for (const id of ids) {
      writeFileSync(join(dir, `${id}.yaml`), `# a comment that must survive\nid: ${id}\ntitle: Test project ${id}\npriority_areas:\n  - reform\nlead:\n  - VN\nstatus:\n  - date: 2023-01-10\n    status: planned # planned at the start\n`);
    }
    const old = new Map(ids.map((id) => [id, readFileSync(join(dir, `${id}.yaml`), 'utf8')]));
    expect(accsm(['sheet', 'out', '--lead', 'VN', '--data', root.dir, '--out', join(t, 'VN.xlsx')], { env: TODAY }).code).toBe(0);
    const cells: Record<string, string> = {};
    ids.forEach((_, i) => {
      cells[`J${i + 5}`] = 'ongoing';
      cells[`K${i + 5}`] = '2024-08-05';
    });
    await fillWorkbook(join(t, 'VN.xlsx'), join(t, 'VN-filled.xlsx'), cells);
    // the files as they are after a whole run, on a copy
    const whole = join(t, 'whole');
    cpSync(root.dir, whole, { recursive: true });
    const full = accsm(['sheet', 'in', join(t, 'VN-filled.xlsx'), '--data', whole], { env: TODAY });
    expect(full.code, full.stderr).toBe(0);
    const next = new Map(ids.map((id) => [id, readFileSync(join(whole, 'plans/accsm-2021-2025/projects', `${id}.yaml`), 'utf8')]));
    for (const id of ids) expect(next.get(id)).not.toBe(old.get(id));
    expect(next.get('V001')).toContain('# a comment that must survive');

    let midway = false;
    for (let attempt = 0; attempt < 5 && !midway; attempt++) {
      for (const id of ids) writeFileSync(join(dir, `${id}.yaml`), old.get(id)!);
      const child = spawn(process.execPath, [BIN, 'sheet', 'in', join(t, 'VN-filled.xlsx'), '--data', root.dir], { env: { ...process.env, ...TODAY, NO_COLOR: '1' }, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      // kill as soon as the first file has been replaced
      const first = join(dir, 'V001.yaml');
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && child.exitCode === null) {
        if (readFileSync(first, 'utf8') !== old.get('V001')) {
          child.kill('SIGKILL');
          break;
        }
      }
      await exited;
      const states = ids.map((id) => {
        const text = readFileSync(join(dir, `${id}.yaml`), 'utf8');
        return text === old.get(id) ? 'old' : text === next.get(id) ? 'new' : 'torn';
      });
      expect(states.filter((s) => s === 'torn')).toEqual([]);
      midway = states.includes('old') && states.includes('new');
      const v = accsm(['validate', '--data', root.dir], { env: TODAY });
      expect(v.code, v.stdout).toBe(0);
    }
    expect(midway, 'the kill never landed between two files; every attempt finished first').toBe(true);
  });
});

