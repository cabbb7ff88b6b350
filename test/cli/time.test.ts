/**
 * What the reports say about time, on the embedded data, in every format, run
 * in-process through run(argv, io) (issue 10's "Done when"): at the 21st SOM
 * the plan is on schedule; as of 2026-12-01 the 2021-2025 plan has ended with
 * 24 overdue, its staleness is stated, and the 2026-2030 plan appears as empty.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { markdownTables, parseCsv } from '../formatters/parsers.js';

const accsmIn = (args: string[]) => cli(args, { env: { ACCSM_TODAY: '2026-12-01' } });

async function ok(args: string[]): Promise<string> {
  const r = await accsmIn(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const SOM21 = ['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21'];
const ON_SCHEDULE = 'The plan is on schedule: 39% of projects/activities are completed or ongoing, with 32% of the period elapsed.';
const ENDED = 'The plan period ended on 31 December 2025: 7 of 31 completed (23%), 5 still ongoing, 19 never started.';
const STALE = 'The latest status recorded is dated 5 August 2022, more than a year before 1 December 2026: the figures may be out of date.';
const NOT_UPDATED =
  '31 of 31 projects/activities have no status recorded since the 22nd Senior Official Meeting for ASEAN Cooperation on Civil Service Matters (SOM ACCSM), 5-7 August 2024.';

describe('at the 21st SOM (3 August 2022) every format says on schedule', () => {
  it('table', async () => {
    const out = await ok(SOM21);
    expect(out).toContain(`${ON_SCHEDULE} (12 of 31 completed or ongoing against 580 of 1826 days of the period)`);
    expect(out).not.toMatch(/behind schedule/);
  });
  it('markdown', async () => {
    const out = await ok([...SOM21, '-f', 'markdown']);
    expect(out).toContain(`**${ON_SCHEDULE}** (12 of 31 completed or ongoing against 580 of 1826 days of the period)`);
    expect(markdownTables(out)[0]!.rows[0]).toEqual(['Completed', '7', '23%']);
  });
  it('json', async () => {
    const p = JSON.parse(await ok([...SOM21, '-f', 'json'])).plans[0];
    expect([p.verdict, p.elapsedDays, p.periodDays, p.implemented, p.total]).toEqual(['on-schedule', 580, 1826, 12, 31]);
    expect(p.projection).toBe('projected');
    // the last ACCSM meeting over before 3 August 2022 is the SOM of 15 June 2021; every project has an entry since
    expect(p.notUpdatedSince).toEqual({ meeting: 'som-2021-06-15', date: '2021-06-15', projects: [] });
    expect(p.stale).toBe(false);
  });
  it('csv', async () => {
    const rows = parseCsv(await ok([...SOM21, '-f', 'csv']));
    expect(rows[0]!.at(-1)).toBe('plan_verdict');
    expect(new Set(rows.slice(1).map((r) => r.at(-1)))).toEqual(new Set(['on-schedule']));
  });
  it('paper', async () => {
    const out = await ok(['paper', '--meeting', 'som-21']);
    expect(out).toContain('Thus, the ACCSM Work Plan 2021-2025 is on schedule: 39% of projects/activities are completed or ongoing, with 32% of the period elapsed.');
    expect(out).toContain('As a supporting figure, not a judgement of schedule:');
  });
});

describe('as of 2026-12-01: ended, 24 overdue, stale, and the 2026-2030 plan empty', () => {
  it('table', async () => {
    const out = await ok(['report']);
    const [first, second, third] = out.split('\n\n\n');
    // the staleness is in the first lines of the plan
    expect(first!.split('\n').slice(0, 3)).toEqual(['ACCSM Work Plan 2021-2025 (accsm-2021-2025)', 'As of 1 December 2026', `Warning: ${STALE}`]);
    expect(first).toContain(ENDED);
    expect(first).toContain('Overdue (schedule or plan period ended, not completed): 24\n');
    expect(first).toContain(NOT_UPDATED);
    expect(first).toContain('No projection: the plan period has ended.');
    expect(first).not.toMatch(/would complete in/);
    expect(second).toContain('ASEAN Civil Service Plan 2026-2030 (accsm-2026-2030)');
    expect(second).toContain('No projects/activities recorded yet.');
    expect(third).toContain('ACCSM+3 Work Plan 2021-2025');
  });
  it('markdown', async () => {
    const out = await ok(['report', '-f', 'markdown']);
    expect(out).toContain(`> **Warning:** ${STALE}`);
    expect(out).toContain(`**${ENDED}**`);
    expect(out).toContain('- Overdue (schedule or plan period ended, not completed): 24');
    expect(out).toContain(`- ${NOT_UPDATED}`);
    expect(out).toContain('## ASEAN Civil Service Plan 2026-2030\n\nAs of 1 December 2026.\n\nNo projects/activities recorded yet.');
  });
  it('json', async () => {
    const plans = JSON.parse(await ok(['report', '-f', 'json'])).plans;
    const [p, empty] = plans;
    expect([p.verdict, p.overdue.length, p.stale, p.projection, p.projectedCompletion]).toEqual(['ended', 24, true, 'ended', null]);
    expect(p.notUpdatedSince.meeting).toBe('som-22');
    expect(p.notUpdatedSince.projects).toHaveLength(31);
    expect([empty.id, empty.verdict, empty.total]).toEqual(['accsm-2026-2030', 'empty', 0]);
  });
  it('csv', async () => {
    const rows = parseCsv(await ok(['report', '-f', 'csv']));
    const verdicts = new Map(rows.slice(1).map((r) => [r[0], r.at(-1)]));
    expect(Object.fromEntries(verdicts)).toEqual({ 'accsm-2021-2025': 'ended', 'accsm-2026-2030': 'empty', 'accsm-plus-3-2021-2025': 'empty' });
  });
  it('paper', async () => {
    const out = await ok(['paper', '--as-of', '2026-12-01', '--plan', 'accsm-2021-2025']);
    expect(out).toContain(`**${STALE}**`);
    expect(out).toContain(ENDED);
    expect(out).toContain('24 projects/activities are overdue');
    expect(out).toContain('Plan period (2021-2025)');
    expect(out).toContain('No completion date is projected: the plan period (2021-2025) has ended.');
  });
});

describe('the chase list: accsm list --not-updated-since, --lead, --partner', () => {
  // Worked out by hand from data/plans/accsm-2021-2025/projects: only P02 is led by VN; its entries are dated
  // 2022-08-03 and 2022-08-05, both before som-22's first day (2024-08-05), so P02 is the one to chase.
  it('list --not-updated-since som-22 --lead VN gives P02, in every format', async () => {
    const args = ['list', '--not-updated-since', 'som-22', '--lead', 'VN', '--plan', 'accsm-2021-2025'];
    const json = JSON.parse(await ok([...args, '-f', 'json']));
    expect(json.plans[0].projects.map((p: { id: string }) => p.id)).toEqual(['P02']);
    expect(json.filters).toEqual({ lead: ['VN'], notUpdatedSince: { date: '2024-08-05', meeting: { id: 'som-22', name: expect.stringContaining('22nd'), date: '2024-08-05', end: '2024-08-07' } } });
    const csv = parseCsv(await ok([...args, '-f', 'csv']));
    expect(csv.slice(1).map((r) => r[2])).toEqual(['P02']);
    const md = await ok([...args, '-f', 'markdown']);
    expect(md).toContain('only projects led by VN, not updated since 5 August 2024 (the first day of som-22)');
    expect(markdownTables(md)[0]!.rows.map((r) => r[0])).toEqual(['P02\\*']);
    const table = await ok(args);
    expect(table).toMatch(/│ P02\* │ Action Plan/);
    expect(table).not.toMatch(/│ P0[13-9]/);
  });
  it('a date means the same: entries on or after it count as updates', async () => {
    // P01 has an entry dated 2022-08-05 (on the day), P03-P31 only 2022-08-03
    const ids = async (since: string) =>
      JSON.parse(await ok(['list', '--plan', 'accsm-2021-2025', '--as-of', '2022-08-05', '--not-updated-since', since, '-f', 'json'])).plans[0].projects.map((p: { id: string }) => p.id);
    const later = await ids('2022-08-05');
    expect(later).not.toContain('P01');
    expect(later).not.toContain('P02');
    expect(later).toHaveLength(29);
    expect(await ids('2022-08-03')).toEqual([]);
  });
  it('several codes, names and --partner combine', async () => {
    const ids = async (...args: string[]) => JSON.parse(await ok(['list', '--plan', 'accsm-2021-2025', '-f', 'json', ...args])).plans[0].projects.map((p: { id: string }) => p.id);
    expect(await ids('--lead', 'Viet Nam')).toEqual(['P02']);
    expect(await ids('--lead', 'vietnam')).toEqual(['P02']);
    expect(await ids('--lead', 'VN,ASEC')).toHaveLength(31);
    expect(await ids('--lead', 'VN', '--lead', 'PH')).toEqual(['P02']);
    expect(await ids('--partner', 'SG')).toEqual([]);
    const none = await ok(['list', '--plan', 'accsm-2021-2025', '--lead', 'Philippines']);
    expect(none).toContain('No projects led by PH in this plan as of 1 December 2026.');
  });
  it('an unknown meeting, date or code is a usage error (exit 2)', async () => {
    for (const [args, message] of [
      [['--not-updated-since', 'som-99'], /--not-updated-since "som-99" is neither a date \(YYYY-MM-DD\) nor a meeting id; meetings: .*som-22/],
      [['--not-updated-since', '2024-02-30'], /--not-updated-since 2024-02-30 is not a real calendar date/],
      [['--partner', 'Atlantis'], /--partner "Atlantis" is not a country code or name/],
    ] as const) {
      const r = await accsmIn(['list', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
