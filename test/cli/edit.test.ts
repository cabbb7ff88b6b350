/** The editing commands as a focal point runs them: status set, project add, meeting add, init. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyRoot, EMBEDDED, tempDir } from '../helpers.js';

const P07 = 'plans/accsm-2021-2025/projects/P07.yaml';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function root(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  return r.dir;
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** `git diff --no-index` between the embedded file and the copy: what a pull request would show. */
function gitDiff(a: string, b: string): string {
  const r = spawnSync('git', ['diff', '--no-index', '--no-color', '-U0', a, b], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l))
    .join('\n');
}

describe('accsm status set', () => {
  it('records "P07 completed on 5 August 2024" with one command; the diff is just the new entry and the data validates', async () => {
    const dir = root();
    const r = await cli(['status', 'set', 'P07', 'completed', '--date', '2024-08-05', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^accsm: recorded P07 completed on 2024-08-05 in .*P07\.yaml\n$/);
    expect(gitDiff(join(EMBEDDED, P07), join(dir, P07))).toBe('+  - date: 2024-08-05\n+    status: completed');
    expect((await cli(['validate', '--data', dir])).code).toBe(0);
  });

  it('--dry-run prints the diff on stdout and writes nothing', async () => {
    const dir = root();
    const r = await cli(['status', 'set', 'P07', 'ongoing', '--date', '2024-08-05', '--note', 'Workshop held', '--dry-run', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/.*P07\.yaml\n\+\+\+ b\/.*P07\.yaml\n@@ -9,6 \+9,9 @@\n/);
    expect(r.stdout.split('\n').filter((l) => /^[+-] /.test(l))).toEqual(['+  - date: 2024-08-05', '+    status: ongoing', '+    note: Workshop held']);
    expect(r.stderr).toBe('accsm: dry run: nothing written\n');
    expect(read(dir, P07)).toBe(read(EMBEDDED, P07));
  });

  it('refuses an unknown status as a usage error (exit 2), an out-of-order date with the validator\'s diagnostics (exit 1), file unchanged', async () => {
    const dir = root();
    const status = await cli(['status', 'set', 'P07', 'complete', '--date', '2024-08-05', '--data', dir], { cwd: dir });
    expect(status.code).toBe(2);
    expect(status.stderr).toBe('accsm: status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)\n');
    const date = await cli(['status', 'set', 'P07', 'completed', '--date', '2022-08-02', '--data', dir]);
    expect(date.code).toBe(1);
    expect(date.stderr).toContain("status date 2022-08-02 is not after the previous entry's date 2022-08-03");
    expect(date.stderr).toContain('date-order');
    expect(read(dir, P07)).toBe(read(EMBEDDED, P07));
  });

  it('names near matches for an unknown project (exit 2), and uses today by default (ACCSM_TODAY)', async () => {
    const dir = root();
    const r = await cli(['status', 'set', 'P7', 'ongoing', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^accsm: no project "P7" in any plan; near matches: P07 \(accsm-2021-2025\)/);
    const today = await cli(['status', 'set', 'P07', 'completed', '--dry-run', '--data', dir], { env: { ACCSM_TODAY: '2025-03-01' } });
    expect(today.code).toBe(0);
    expect(today.stdout).toContain('+  - date: 2025-03-01\n');
  });

  it('will not write into the data shipped inside the package', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r = await cli(['status', 'set', 'P07', 'completed', '--date', '2024-08-05'], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^accsm: no data root to write to: /);
    expect(r.stderr).toContain('accsm init DIR');
  });
});

describe('line endings: every command reads a file the same way', () => {
  const setP07 = (dir: string) => cli(['status', 'set', 'P07', 'completed', '--date', '2024-08-05', '--data', dir]);

  it('a CRLF file validates, takes a status and a project change, and keeps its CRLF line ends', async () => {
    const dir = root();
    const crlf = read(dir, P07).replace(/\n/g, '\r\n');
    writeFileSync(join(dir, P07), crlf);
    expect((await cli(['validate', '--data', dir])).code).toBe(0);
    const set = await setP07(dir);
    expect(set.stderr).toMatch(/^accsm: recorded P07 completed on 2024-08-05 in /);
    expect((await cli(['project', 'set', 'P07', '--lead', 'TH', 'MY', '--data', dir])).code).toBe(0);
    const after = read(dir, P07);
    expect(after).toContain('  - date: 2024-08-05\r\n    status: completed\r\n');
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect((await cli(['validate', '--data', dir])).code).toBe(0);
  });

  it('a lone-CR (old Mac) file is refused alike by validate and by status set and project set, naming the file and line, and is left as it was', async () => {
    const dir = root();
    const mac = read(dir, P07).replace(/\n/g, '\r');
    writeFileSync(join(dir, P07), mac);
    const said = `${P07}:1:${mac.indexOf('\r') + 1}`;
    const validate = await cli(['validate', '--data', dir, '--format', 'json'], { cwd: dir });
    expect(validate.code).toBe(1);
    const found = JSON.parse(validate.stdout).diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    // the path as validate names it, relative to where it runs
    expect(found).toEqual([`${said} file-line-endings`]);
    for (const edit of [() => setP07(dir), () => cli(['project', 'set', 'P07', '--lead', 'TH', '--data', dir])]) {
      const r = await edit();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(said);
      expect(r.stderr).toContain('the file uses old Mac line endings');
      expect(r.stderr).toContain('Save the file with LF (Unix) or CRLF (Windows) line endings');
      expect(r.stderr).not.toMatch(/not a list|recorded/);
      expect(read(dir, P07)).toBe(mac);
    }
  });
});

describe('accsm project add and meeting add', () => {
  it('adds P32 to the 2021-2025 plan and a meeting, and the root validates', async () => {
    const dir = root();
    const meeting = await cli(['meeting', 'add', '--id', 'som-23', '--name', '23rd ACCSM Senior Officials Meeting', '--date', '2025-08-04', '--body', 'ACCSM', '--host', 'PH', '--data', dir]);
    expect(meeting.code).toBe(0);
    expect(gitDiff(join(EMBEDDED, 'meetings.yaml'), join(dir, 'meetings.yaml'))).toBe(
      '+\n+- id: som-23\n+  name: 23rd ACCSM Senior Officials Meeting\n+  date: 2025-08-04\n+  body: ACCSM\n+  host: PH',
    );
    const project = await cli([
      'project', 'add', '--plan', 'accsm-2021-2025', '--title', 'Regional workshop on digital skills', '--area', 'reform', '--lead', 'MY,SG',
      '--schedule', '2025..2025-12', '--date', '2025-07-01', '--data', dir,
    ]);
    expect(project.code).toBe(0);
    expect(project.stderr).toMatch(/created .*P32\.yaml/);
    const text = read(dir, 'plans/accsm-2021-2025/projects/P32.yaml');
    expect(text.split('\n').slice(0, 3)).toEqual(['# yaml-language-server: $schema=../../../../schemas/project.schema.json', 'id: P32', 'title: Regional workshop on digital skills']);
    expect(text).toContain('lead:\n  - MY\n  - SG\n');
    const status = await cli(['status', 'set', 'P32', 'ongoing', '--date', '2025-08-04', '--meeting', 'som-23', '--data', dir]);
    expect(status.code).toBe(0);
    expect((await cli(['validate', '--data', dir, '--max-warnings', '0'])).code).toBe(0);
  });

  it('refuses an existing project id and a missing required option with exit 2', async () => {
    const dir = root();
    const twin = await cli(['project', 'add', '--plan', 'accsm-2021-2025', '--id', 'P07', '--title', 'x', '--area', 'reform', '--lead', 'MY', '--data', dir]);
    expect(twin.code).toBe(2);
    expect(twin.stderr).toMatch(/^accsm: project P07 already exists in plan accsm-2021-2025/);
    const missing = await cli(['project', 'add', '--plan', 'accsm-2021-2025', '--data', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--title <text>' not specified");
  });
});

describe('accsm init', () => {
  it('makes a root that validates; a second init into it is refused', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const made = await cli(['init', 'my-data'], { cwd: t.dir });
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('accsm: created the data root my-data');
    expect(readdirSync(join(t.dir, 'my-data')).sort()).toEqual(['accsm.config.yaml', 'meetings.yaml', 'plans', 'schemas']);
    const check = await cli(['validate', '--data', 'my-data', '--max-warnings', '0'], { cwd: t.dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('3 files checked: no problems');
    const again = await cli(['init', 'my-data'], { cwd: t.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('accsm: my-data already holds accsm.config.yaml, meetings.yaml, plans and schemas; accsm init writes only into a folder that has none of accsm.config.yaml, meetings.yaml, plans, schemas, so that nothing is overwritten\n');
    // a plain `accsm init` makes ./data, which the other commands find there
    mkdirSync(join(t.dir, 'other'));
    const data = await cli(['init'], { cwd: join(t.dir, 'other') });
    expect(data.code).toBe(0);
    const status = await cli(['status', 'set', 'P01', 'ongoing'], { cwd: join(t.dir, 'other'), env: { ACCSM_TODAY: '2026-12-01' } });
    expect(status.code).toBe(0);
    expect(read(join(t.dir, 'other', 'data'), 'plans/example-plan/projects/P01.yaml')).toContain(
      '  - date: 2026-11-23\n    status: planned\n    meeting: example-meeting\n  - date: 2026-12-01\n    status: ongoing\nnote: An example',
    );
  });

  it('--dry-run prints the new files and makes nothing', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r = await cli(['init', 'x', '--dry-run'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- /dev/null\n+++ b/x/meetings.yaml\n');
    expect(r.stdout).toContain('+++ b/x/schemas/project.schema.json\n');
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
