/** accsm list and accsm show as a user runs them. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from '../helpers.js';
import { markdownTables, parseCsv } from '../formatters/parsers.js';

const MULTI = join(FIXTURES, 'report-multi-lead');
const OVERDUE = join(FIXTURES, 'report-overdue');

async function ok(args: string[]) {
  const r = await cli(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('accsm list', () => {
  it('lists the 31 projects of the SOM with their statuses (csv)', async () => {
    const rows = parseCsv((await ok(['list', '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '-f', 'csv']))).slice(1);
    expect(rows).toHaveLength(31);
    const by = (s: string) => rows.filter((r) => r[4] === s).length;
    expect([by('completed'), by('ongoing'), by('planned')]).toEqual([7, 5, 19]);
  });
  it('filters by status, lead and area', async () => {
    const ids = async (args: string[]) => JSON.parse((await ok(['list', '--data', OVERDUE, '--as-of', '2022-03-15', '-f', 'json', ...args]))).plans[0].projects.map((p: { id: string }) => p.id);
    expect((await ids(['--status', 'ongoing', 'postponed']))).toEqual(['A1', 'A4', 'A5']);
    expect((await ids(['--status', 'ongoing', '--status', 'cancelled']))).toEqual(['A1', 'A3', 'A4']);
    expect((await ids(['--lead', 'TH']))).toEqual(['A5', 'A6']);
    expect((await ids(['--area', 'beta', '--status', 'planned']))).toEqual(['A6']);
  });
  it('counts a two-lead project under each lead', async () => {
    const ids = async (lead: string) => JSON.parse((await ok(['list', '--data', MULTI, '--plan', 'p', '--lead', lead, '-f', 'json']))).plans[0].projects.map((p: { id: string }) => p.id);
    expect((await ids('MY'))).toEqual(['M1', 'M3', 'M4']);
    expect((await ids('SG'))).toEqual(['M1', 'M2', 'M4']);
  });
  it('markdown tables are well formed; table has one line a project', async () => {
    const tables = markdownTables((await ok(['list', '--data', MULTI, '-f', 'markdown'])));
    expect(tables.map((t) => t.rows.length)).toEqual([4, 1]);
    for (const t of tables) for (const r of t.rows) expect(r).toHaveLength(t.header.length);
    const table = await ok(['list', '--data', OVERDUE, '--as-of', '2022-04-01', '--status', 'ongoing']);
    expect(table).toMatch(/│ A4 +│ Ends in March 2022 +│ ongoing +│ 1 April 2020 +│ beta +│ SG +│ 2020 to March 2022 +│ overdue +│/);
  });
  it('unknown status, plan, lead or area: exit 2 with the valid values', async () => {
    const status = await cli(['list', '--status', 'complete']);
    expect(status.code).toBe(2);
    expect(status.stderr).toBe('accsm: --status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)\n');
    const plan = await cli(['list', '--data', MULTI, '--plan', 'r']);
    expect([plan.code, plan.stderr]).toEqual([2, 'accsm: --plan "r" is not a plan of the data root; plans: p, q\n']);
    const lead = await cli(['list', '--data', MULTI, '--lead', 'Narnia']);
    expect([lead.code, lead.stderr]).toEqual([2, 'accsm: --lead "Narnia" is not a country code or name; codes: BN, KH, ID, LA, MY, MM, PH, SG, TH, VN, TL, CN, JP, KR, AU, CA, EU, GB, IN, NZ, RU, US, ASEC (or names such as "Philippines")\n']);
    // a known code that leads nothing is an empty list, exit 0
    const none = await cli(['list', '--data', MULTI, '--lead', 'BN']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No projects led by BN in this plan as of');
    const area = await cli(['list', '--data', MULTI, '--area', 'delta']);
    expect([area.code, area.stderr]).toEqual([2, 'accsm: unknown priority area "delta"; areas of these plans: alpha, beta, gamma\n']);
  });
  it('help ends with examples', async () => {
    expect((await ok(['list', '--help'])).trimEnd()).toMatch(/Examples:\n(  accsm list .*\n?){2,}$/);
  });
});

describe('accsm show', () => {
  it('shows every field and the timeline, marking the entry in force', async () => {
    const out = await ok(['show', 'P01', '--as-of', 'som-21']);
    expect(out).toMatch(/^P01  ACCSM Strategic Partnership Framework\n/);
    expect(out).toContain('Status          completed as of 3 August 2022 (entry of 3 August 2022)');
    expect(out).toContain('File            data/plans/accsm-2021-2025/projects/P01.yaml');
    expect(out).toMatch(/\n▶ 3 August 2022 +completed +som-21 .*← in force on 3 August 2022\n/);
    expect(out).toMatch(/\n {2}5 August 2022 +completed +hcs-21 .*\(after 3 August 2022\)\n/);
  });
  it('json', async () => {
    const d = JSON.parse((await ok(['show', 'E1', '--data', join(FIXTURES, 'report-added-after'), '--as-of', '2021-05-01', '-f', 'json'])));
    expect(d.statusAsOf.status).toBe('planned');
    expect(d.history.map((e: { date: string; inForce: boolean }) => [e.date, e.inForce])).toEqual([
      ['2021-01-10', true],
      ['2021-08-01', false],
    ]);
  });
  it('ids are unique across plans, so an id alone finds the project in any plan', async () => {
    expect((await ok(['show', 'Q1', '--data', MULTI]))).toContain('Same id in another plan');
    expect((await ok(['show', 'Q1', '--data', MULTI, '--plan', 'q']))).toContain('Same id in another plan');
  });
  it('an unknown id: exit 2 with near matches', async () => {
    const r = await cli(['show', 'P1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^accsm: no project "P1" in any plan; did you mean P01, P10, /);
    const far = await cli(['show', 'nothing-like-it', '--data', MULTI]);
    expect([far.code, far.stderr]).toEqual([2, 'accsm: no project "nothing-like-it" in any plan; accsm list shows the project ids\n']);
  });
  it('help ends with examples', async () => {
    expect((await ok(['show', '--help'])).trimEnd()).toMatch(/Examples:\n  accsm show .*\n  accsm show .*$/);
  });
});
