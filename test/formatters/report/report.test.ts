/**
 * The report formatters on a hand-built Report: exact lines, and every format
 * parsed back (JSON.parse, an RFC 4180 parser, the shape of markdown tables).
 */
import { describe, expect, it } from 'vitest';
import type { PlanReport, Report } from '../../../src/core/report.js';
import { reportFormatters } from '../../../src/formatters/report/index.js';
import { REPORT_CSV_HEADER } from '../../../src/formatters/report/csv.js';
import { parseCsv, markdownTables } from '../parsers.js';

const counts = (completed: number, ongoing: number, planned: number, postponed: number, cancelled: number) => ({ completed, ongoing, planned, postponed, cancelled });

/** A plan of 8 projects as of 2024-06-30: 2 completed, 1 ongoing, 3 planned, 1 postponed, 1 cancelled. */
function planReport(overrides: Partial<PlanReport> = {}): PlanReport {
  return {
    id: 'wp-1',
    title: 'Work plan, "one" | first\nline two',
    body: 'ACCSM',
    period: { start: 2021, end: 2025 },
    asOf: '2024-06-30',
    total: 8,
    counts: counts(2, 1, 3, 1, 1),
    // 2/8 = 25, 1/8 = 12.5 → 13, 3/8 = 37.5 → 38; 25 + 13 + 38 + 13 + 13 = 102
    percents: counts(25, 13, 38, 13, 13),
    implemented: 3,
    implementedPercent: 38,
    byPriorityArea: [
      { id: 'a1', title: 'Area, one', total: 5, counts: counts(2, 0, 2, 1, 0), percents: counts(40, 0, 40, 20, 0), implemented: 2, implementedPercent: 40 },
      { id: 'a2', title: 'Area | two', total: 3, counts: counts(0, 1, 1, 0, 1), percents: counts(0, 33, 33, 0, 33), implemented: 1, implementedPercent: 33 },
    ],
    byLead: [
      { code: 'MY', total: 6, counts: counts(2, 1, 2, 1, 0), percents: counts(33, 17, 33, 17, 0), implemented: 3, implementedPercent: 50 },
      { code: 'SG', total: 3, counts: counts(1, 0, 1, 0, 1), percents: counts(33, 0, 33, 0, 33), implemented: 1, implementedPercent: 33 },
    ],
    overdue: ['P5'],
    lateStart: ['P3', 'P4'],
    illustrative: 2,
    lastUpdated: '2024-05-02',
    elapsedPercent: 70,
    projectedCompletion: '2027-03',
    projectedOnSchedule: false,
    projection: 'projected',
    // 3 of 8 implemented against 1278 of 1826 days: behind
    verdict: 'behind-schedule',
    elapsedDays: 1278,
    periodDays: 1826,
    recorded: 8,
    notUpdatedSince: { meeting: { id: 'som-2', name: '2nd SOM', date: '2024-03-04', end: '2024-03-05' }, projects: ['P3', 'P4'] },
    stale: false,
    carriedOver: [],
    projects: [
      { id: 'P3', title: 'Third', status: 'planned', since: '2021-02-01', statusSince: '2021-02-01', priority_areas: ['a1'], lead: ['MY'], partners: [], illustrative: true, overdue: false, lateStart: true, file: '/x/P3.yaml' },
      { id: 'P4', title: 'Fourth', status: 'planned', since: '2021-02-01', statusSince: '2021-02-01', priority_areas: ['a1'], lead: ['MY'], partners: [], illustrative: true, overdue: false, lateStart: true, file: '/x/P4.yaml' },
      { id: 'P5', title: 'Fifth | late', status: 'postponed', since: '2023-02-01', statusSince: '2023-02-01', priority_areas: ['a1'], lead: ['MY'], partners: [], illustrative: false, overdue: true, lateStart: false, file: '/x/P5.yaml' },
    ],
    ...overrides,
  };
}

function report(plans: PlanReport[] = [planReport()], extra: Partial<Report> = {}): Report {
  return { asOf: '2024-06-30', filters: {}, plans, ...extra };
}

const plain = { color: false };

describe('report table', () => {
  const out = reportFormatters.table(report(), plain);
  const lines = out.split('\n');
  it('has the headline, the statuses in order, the timing and the note', () => {
    expect(lines).toContain('3 of 8 completed or ongoing (38%)');
    const order = ['completed', 'ongoing', 'planned', 'postponed', 'cancelled'].map((s) => lines.findIndex((l) => l.startsWith(`│ ${s} `)));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(lines.find((l) => l.startsWith('│ completed '))).toBe('│ completed │        2 │ 25% │ ██▌        │');
    expect(lines).toContain('Last status update: 2 May 2024');
    expect(lines).toContain('Period 70% elapsed, 38% implemented');
    expect(lines).toContain('Projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in March 2027, after the plan ends in December 2025.');
    expect(lines).toContain('The plan is behind schedule: 38% of projects/activities are completed or ongoing, with 70% of the period elapsed. (3 of 8 completed or ongoing against 1278 of 1826 days of the period)');
    expect(lines).toContain('2 of 8 projects/activities have no status recorded since the 2nd SOM, 4-5 March 2024.');
    expect(lines).toContain('Overdue (schedule or plan period ended, not completed): 1');
    expect(lines).toContain('  P5  Fifth | late');
    expect(lines).toContain('Late to start (schedule start passed, still planned): 2');
    expect(lines).toContain('Note: 2 of these 8 projects are marked illustrative: some or all of their details are not from the public record.');
  });
  it('has no color unless asked, and color when asked', () => {
    expect(out).not.toMatch(/\x1b\[/);
    expect(reportFormatters.table(report(), { color: true })).toMatch(/\x1b\[1m3 of 8 completed or ongoing \(38%\)\x1b\[22m/);
  });
  it('is plain ASCII with ascii', () => {
    const ascii = reportFormatters.table(report([planReport({ title: 'Plain' })]), { color: false, ascii: true });
    expect(ascii).toMatch(/^[\x20-\x7e\n]*$/);
    expect(ascii).toContain('| completed |        2 | 25% | ###....... |');
  });
  it('says plainly when a plan has no projects as of D', () => {
    const empty = reportFormatters.table(report([planReport({ total: 0 })], { filters: { lead: ['VN'] } }), plain);
    expect(empty).toContain('No projects led by VN in this plan as of 30 June 2024.');
    expect(empty).not.toContain('completed or ongoing');
  });
  it('names the meeting --as-of stood for', () => {
    const out = reportFormatters.table(report(undefined, { meeting: { id: 'som-9', name: 'Ninth SOM', date: '2024-06-28', end: '2024-06-30' } }), plain);
    expect(out).toContain('As of 30 June 2024, the last day of the Ninth SOM, meeting som-9');
  });
});

describe('report markdown', () => {
  const out = reportFormatters.markdown(report(), plain);
  it('has tables of consistent shape, statuses in order', () => {
    const tables = markdownTables(out);
    expect(tables).toHaveLength(3);
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    expect(tables[0]!.header).toEqual(['Status', 'Projects', '%']);
    expect(tables[0]!.rows.map((r) => r[0])).toEqual(['Completed', 'Ongoing', 'Planned', 'Postponed', 'Cancelled', 'Total']);
    expect(tables[0]!.rows[1]).toEqual(['Ongoing', '1', '13%']);
    expect(tables[1]!.header).toEqual(['Priority area', 'Total', 'Completed', 'Ongoing', 'Planned', 'Postponed', 'Cancelled', 'Completed or ongoing']);
    expect(tables[1]!.rows[1]).toEqual(['Area \\| two', '3', '0', '1', '1', '0', '1', '1 (33%)']);
    expect(tables[2]!.rows.map((r) => r[0])).toEqual(['MY', 'SG']);
  });
  it('escapes | and line breaks in titles', () => {
    expect(out).toContain('## Work plan, "one" \\| first line two\n');
    expect(out).toContain('    - P5: Fifth \\| late');
  });
  it('has the headline in bold and the footnote', () => {
    expect(out).toContain('\n**3 of 8 completed or ongoing (38%)**\n');
    expect(out).toContain('*Note: 2 of these 8 projects are marked illustrative: some or all of their details are not from the public record.*');
  });
});

describe('report csv', () => {
  const rows = parseCsv(reportFormatters.csv(report(), plain));
  it('is one record per plan × group × status, with the header', () => {
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    // groups: all + 2 areas + 2 leads = 5; × 5 statuses = 25
    expect(rows).toHaveLength(1 + 25);
    for (const r of rows) expect(r).toHaveLength(9);
    for (const r of rows.slice(1)) expect(r[8]).toBe('behind-schedule');
  });
  it('quotes commas, quotes and line breaks (RFC 4180) and keeps the status order', () => {
    expect(rows[1]).toEqual(['wp-1', '2024-06-30', 'all', 'wp-1', 'Work plan, "one" | first\nline two', 'completed', '2', '25', 'behind-schedule']);
    expect(rows.slice(1, 6).map((r) => r[5])).toEqual(['completed', 'ongoing', 'planned', 'postponed', 'cancelled']);
    expect(rows[6]).toEqual(['wp-1', '2024-06-30', 'priority_area', 'a1', 'Area, one', 'completed', '2', '40', 'behind-schedule']);
    expect(rows[21]).toEqual(['wp-1', '2024-06-30', 'lead', 'SG', 'SG', 'completed', '1', '33', 'behind-schedule']);
  });
  it('ends every record with CRLF', () => {
    const text = reportFormatters.csv(report([planReport({ title: 'T' })]), plain);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(27);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('report json', () => {
  const parsed = JSON.parse(reportFormatters.json(report(undefined, { meeting: { id: 'som-9', name: 'Ninth SOM', date: '2024-06-30' } }), plain));
  it('follows the contract', () => {
    expect(parsed.asOf).toBe('2024-06-30');
    expect(parsed.meeting.id).toBe('som-9');
    const p = parsed.plans[0];
    for (const key of ['id', 'title', 'asOf', 'total', 'counts', 'percents', 'implemented', 'implementedPercent', 'byPriorityArea', 'byLead', 'overdue', 'lateStart', 'illustrative', 'lastUpdated', 'elapsedPercent', 'projectedCompletion']) {
      expect(p).toHaveProperty(key);
    }
    expect(p.counts).toEqual({ completed: 2, ongoing: 1, planned: 3, postponed: 1, cancelled: 1 });
    expect(p.byPriorityArea[0]).toMatchObject({ id: 'a1', title: 'Area, one', total: 5, implemented: 2, implementedPercent: 40 });
    expect(Object.keys(p.byLead[0])).toEqual(['code', 'total', 'counts', 'percents', 'implemented', 'implementedPercent']);
    expect(p.overdue).toEqual(['P5']);
    expect(p.lateStart).toEqual(['P3', 'P4']);
    expect(p.projectedCompletion).toBe('2027-03');
  });
  it('leaves out the project rows and file paths', () => {
    const text = reportFormatters.json(report(), plain);
    expect(JSON.parse(text).plans[0]).not.toHaveProperty('projects');
    expect(text).not.toContain('/x/');
  });
});

describe('every format with no plan at all', () => {
  it.each(Object.keys(reportFormatters) as (keyof typeof reportFormatters)[])('%s', (format) => {
    const out = reportFormatters[format](report([]), plain);
    if (format === 'json') expect(JSON.parse(out).plans).toEqual([]);
    else if (format === 'csv') expect(parseCsv(out)).toEqual([[...REPORT_CSV_HEADER]]);
    else expect(out).toContain('No plan to report as of 30 June 2024.');
  });
});
