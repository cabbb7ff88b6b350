/** accsm status set --amend (a same-day correction of the latest entry) and project add --meeting, through run(argv, io). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, copyRoot } from '../helpers.js';

let roots: { dir: string; cleanup: () => void }[] = [];
afterEach(() => {
  for (const r of roots) r.cleanup();
  roots = [];
});
function root() {
  const r = copyRoot();
  roots.push(r);
  return r.dir;
}
const P = (dir: string, id: string) => join(dir, 'plans', 'accsm-2021-2025', 'projects', `${id}.yaml`);
const run = (args: string[]) => cli(args, { env: { ACCSM_TODAY: '2026-12-01' } });

describe('status set --amend', () => {
  it('replaces the latest entry, keeping its date and meeting, and every other byte', async () => {
    const dir = root();
    const before = readFileSync(P(dir, 'P11'), 'utf8');
    const r = await run(['status', 'set', 'P11', 'completed', '--amend', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('replaced the latest entry of P11 (ongoing on 2022-08-03) with completed on 2022-08-03');
    const after = readFileSync(P(dir, 'P11'), 'utf8');
    expect(after).toBe(before.replace('  - date: 2022-08-03\n    status: ongoing\n    meeting: som-21\n', '  - date: 2022-08-03\n    status: completed\n    meeting: som-21\n'));
    // no second entry: the report counts it once, as completed
    const p = JSON.parse((await run(['report', '--data', dir, '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '-f', 'json'])).stdout).plans[0];
    expect([p.counts.completed, p.counts.ongoing, p.total]).toEqual([8, 4, 31]);
  });

  it('takes a new date, note or meeting when given', async () => {
    const dir = root();
    const r = await run(['status', 'set', 'P02', 'completed', '--amend', '--date', '2022-08-06', '--note', 'Closed', '--data', dir]);
    expect(r.code).toBe(0);
    const text = readFileSync(P(dir, 'P02'), 'utf8');
    // the note is written in the style of the file's notes (a folded block)
    expect(text).toMatch(/  - date: 2022-08-06\n    status: completed\n    meeting: hcs-21\n    note: >-\n      Closed\n/);
    expect(text).not.toMatch(/date: 2022-08-05/);
    expect(text).toContain('  - date: 2022-08-03\n    status: ongoing\n    meeting: som-21\n');
  });

  it('--dry-run shows the diff and writes nothing', async () => {
    const dir = root();
    const before = readFileSync(P(dir, 'P11'), 'utf8');
    const r = await run(['status', 'set', 'P11', 'completed', '--amend', '--dry-run', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-    status: ongoing\n+    status: completed');
    expect(readFileSync(P(dir, 'P11'), 'utf8')).toBe(before);
  });

  it('refuses an amendment that would make the data invalid (same validation), writing nothing', async () => {
    const dir = root();
    const before = readFileSync(P(dir, 'P01'), 'utf8');
    // P01's latest entry is 2022-08-05 after one of 2022-08-03: moving it to 2022-08-01 breaks the date order
    const r = await run(['status', 'set', 'P01', 'completed', '--amend', '--date', '2022-08-01', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/date-order/);
    expect(readFileSync(P(dir, 'P01'), 'utf8')).toBe(before);
  });
});

describe('project add --meeting', () => {
  it('records the meeting on the first status entry', async () => {
    const dir = root();
    const r = await run(['project', 'add', '--plan', 'accsm-2021-2025', '--title', 'Study visit', '--area', 'leadership', '--lead', 'SG', '--date', '2024-08-05', '--meeting', 'som-22', '--data', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(P(dir, 'P32'), 'utf8')).toContain('status:\n  - date: 2024-08-05\n    status: planned\n    meeting: som-22\n');
  });
  it('an unknown meeting is refused like any invalid change', async () => {
    const dir = root();
    const r = await run(['project', 'add', '--plan', 'accsm-2021-2025', '--title', 'Study visit', '--area', 'leadership', '--lead', 'SG', '--date', '2024-08-05', '--meeting', 'som-99', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/meeting "som-99" is not in meetings.yaml/);
  });
});
