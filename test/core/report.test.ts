/**
 * The report core on the embedded data and on small fixture roots whose
 * expected figures are worked out by hand in the comments.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport, headline, listProjects, loadRoot, resolveAsOf, UserError, type DataSet, type PlanReport } from '../../src/index.js';
import { nearMatches } from '../../src/core/suggest.js';
import { projectDetail } from '../../src/core/views.js';
import { EMBEDDED, FIXTURES } from '../helpers.js';

const cache = new Map<string, DataSet>();
function data(root: string): DataSet {
  if (!cache.has(root)) cache.set(root, loadRoot(root.startsWith('/') ? root : join(FIXTURES, root)).data);
  return cache.get(root)!;
}
function plan(root: string, asOf: string, options: { plans?: string[]; lead?: string; area?: string } = {}): PlanReport {
  const report = computeReport(data(root), { asOf, ...options });
  return report.plans[0]!;
}

describe('embedded data: the 21st ACCSM SOM (3 August 2022)', () => {
  // The SOM reviewed 31 projects: 7 completed, 5 ongoing, 19 planned.
  // 7/31 = 22.58% → 23; 5/31 = 16.13% → 16; 19/31 = 61.29% → 61; (7+5)/31 = 38.71% → 39.
  it('gives 12 of 31 completed or ongoing (39%) with 7 (23%), 5 (16%), 19 (61%)', () => {
    const p = plan(EMBEDDED, '2022-08-03', { plans: ['accsm-2021-2025'] });
    expect(headline(p)).toBe('12 of 31 completed or ongoing (39%)');
    expect(p.counts).toEqual({ completed: 7, ongoing: 5, planned: 19, postponed: 0, cancelled: 0 });
    expect(p.percents).toEqual({ completed: 23, ongoing: 16, planned: 61, postponed: 0, cancelled: 0 });
  });

  it('gives the same figures for --as-of som-21', () => {
    const { date: asOf, meeting } = resolveAsOf(data(EMBEDDED), 'som-21');
    expect(asOf).toBe('2022-08-03');
    expect(meeting?.id).toBe('som-21');
    expect(headline(plan(EMBEDDED, asOf, { plans: ['accsm-2021-2025'] }))).toBe('12 of 31 completed or ongoing (39%)');
  });

  it('gives the share of the period elapsed and the projection', () => {
    // 2021-01-01 .. 2022-08-03 inclusive = 365 + 215 = 580 days of 1826 → 31.76% → 32%.
    // 7 completions in 580 days; 31 would take ceil(580 × 31 / 7) = ceil(2568.57) = 2569 days,
    // so day 2569 counted from 2021-01-01 = 2028-01-13 (2021..2027 hold 2556 days): January 2028.
    const p = plan(EMBEDDED, '2022-08-03', { plans: ['accsm-2021-2025'] });
    expect(p.elapsedPercent).toBe(32);
    expect(p.projectedCompletion).toBe('2028-01');
    expect(p.projectedOnSchedule).toBe(false);
    expect(p.lastUpdated).toBe('2022-08-03');
    expect(p.illustrative).toBe(31);
  });

  it('uses the last day of a meeting that ran over several days', () => {
    const m = data(EMBEDDED).meetings.find((x) => x.end !== undefined)!;
    expect(resolveAsOf(data(EMBEDDED), m.id).date).toBe(m.end);
  });

  it('reports by default every plan, those without projects too (named, not dropped)', () => {
    const report = computeReport(data(EMBEDDED), { asOf: '2022-08-03' });
    expect(report.plans.map((p) => p.id)).toEqual(data(EMBEDDED).plans.map((p) => p.plan.id));
    const empty = report.plans.find((p) => p.id === 'accsm-2026-2030')!;
    expect([empty.total, empty.recorded, empty.verdict]).toEqual([0, 0, 'empty']);
  });
});

describe('the library (src/index.ts) without the CLI', () => {
  it('loads, validates and computes the 12-of-31 figure', async () => {
    const lib = await import('../../src/index.js');
    const result = lib.validateRoot(EMBEDDED, { cwd: EMBEDDED, today: '2026-11-23' });
    expect(result.errors).toBe(0);
    const asOf = lib.resolveAsOf(result.loaded.data, 'som-21');
    const report = lib.computeReport(result.loaded.data, { asOf, plans: ['accsm-2021-2025'] });
    // the report carries its as-of point: the date and the meeting
    expect([report.asOf, report.meeting?.id]).toEqual(['2022-08-03', 'som-21']);
    expect(lib.headline(report.plans[0]!)).toBe('12 of 31 completed or ongoing (39%)');
    expect(lib.percent(12, 31)).toBe(39);
  });
});

describe('a project whose first entry is after D is left out', () => {
  // E1 enters on 2021-01-10 (planned), ongoing from 2021-08-01; E2 enters on 2021-06-01 (ongoing).
  it('before E2 enters: 1 project', () => {
    const p = plan('report-added-after', '2021-05-31');
    expect(p.total).toBe(1);
    expect(p.counts.planned).toBe(1);
    expect(p.projects.map((r) => r.id)).toEqual(['E1']);
    expect(p.lastUpdated).toBe('2021-01-10');
  });
  it('on the day E2 enters: 2 projects, 1 of 2 implemented (50%)', () => {
    const p = plan('report-added-after', '2021-06-01');
    expect(p.total).toBe(2);
    expect(headline(p)).toBe('1 of 2 completed or ongoing (50%)');
    expect(p.lastUpdated).toBe('2021-06-01');
  });
  it('before any project: 0 projects, no figures', () => {
    const p = plan('report-added-after', '2020-12-31');
    expect(p.total).toBe(0);
    expect(headline(p)).toBe('0 of 0 completed or ongoing (0%)');
    expect(p.lastUpdated).toBeNull();
    expect(p.projectedCompletion).toBeNull();
  });
});

describe('overdue: schedule end over, not completed or cancelled', () => {
  // A1 ends 2021-06 (ongoing); A2 completed on 2021-12-01; A3 ends 2021-06, planned until it is
  // cancelled on 2021-10-01; A4 ends 2022-03 (ongoing); A5 ends 2021 (postponed); A6 has no schedule.
  it.each([
    ['2021-06-30', []], // the end month of A1 and A3 is not over on its last day
    ['2021-07-01', ['A1', 'A3']], // A3 is still planned, so overdue until it is cancelled
    ['2021-10-01', ['A1']],
    ['2022-03-15', ['A1', 'A5']], // A4's end month (March 2022) is not over yet
    ['2022-04-01', ['A1', 'A4', 'A5']],
  ])('as of %s: %j', (asOf, expected) => {
    expect(plan('report-overdue', asOf).overdue).toEqual(expected);
  });
  it('counts cancelled projects in the total, on their own row; percentages need not add to 100', () => {
    // as of 2022-03-15: completed A2; ongoing A1, A4; planned A6; postponed A5; cancelled A3.
    // 1/6 = 16.7% → 17; 2/6 = 33.3% → 33; 17 + 33 + 17 + 17 + 17 = 101.
    const p = plan('report-overdue', '2022-03-15');
    expect(p.total).toBe(6);
    expect(p.counts).toEqual({ completed: 1, ongoing: 2, planned: 1, postponed: 1, cancelled: 1 });
    expect(p.percents).toEqual({ completed: 17, ongoing: 33, planned: 17, postponed: 17, cancelled: 17 });
    expect(headline(p)).toBe('3 of 6 completed or ongoing (50%)');
  });
});

describe('late start: schedule start over, still planned', () => {
  // L1 starts 2021-06, L2 starts 2021, L5 starts 2022: all planned. L3 ongoing since 2020-03-01.
  // L4 starts 2020, planned until it is postponed on 2021-02-01.
  it.each([
    ['2021-01-31', ['L4']],
    ['2021-02-01', []],
    ['2021-06-30', []],
    ['2021-07-01', ['L1']],
    ['2021-12-31', ['L1']],
    ['2022-01-01', ['L1', 'L2']],
    ['2023-01-01', ['L1', 'L2', 'L5']],
  ])('as of %s: %j', (asOf, expected) => {
    expect(plan('report-late-start', asOf).lateStart).toEqual(expected);
  });
  it('after every schedule ended, all five are overdue', () => {
    expect(plan('report-late-start', '2023-01-01').overdue).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
  });
});

describe('projection', () => {
  // Plan 2020–2023: 366 + 365 + 365 + 365 = 1461 days. Ten projects: C1–C4 complete on 2020-06-01,
  // 2020-12-01, 2021-03-01, 2021-06-01; O1, O2 ongoing; N1, N2 planned; X1, X2 cancelled on 2020-05-01.
  // Projects that can still complete: 10 − 2 cancelled = 8.
  it('as of 2021-12-31: January 2024, one day after the plan ends', () => {
    // elapsed 366 + 365 = 731 days; 4 completions → 8 take ceil(731 × 8 / 4) = 1462 days,
    // the 1462nd day from 2020-01-01 is 2024-01-01. Elapsed 731/1461 = 50.03% → 50%.
    const p = plan('report-projection', '2021-12-31');
    expect(p.projectedCompletion).toBe('2024-01');
    expect(p.projectedOnSchedule).toBe(false);
    expect(p.elapsedPercent).toBe(50);
    expect(headline(p)).toBe('6 of 10 completed or ongoing (60%)');
    expect(p.counts.cancelled).toBe(2);
  });
  it('as of meeting m-2021 (28–30 June 2021): December 2022, on schedule', () => {
    // as of 2021-06-30: elapsed 366 + 181 = 547 days; 8 take ceil(547 × 8 / 4) = 1094 days;
    // day 1094 from 2020-01-01: 2020 (366), 2021 (365) leave 363 → 2022-12-29. Elapsed 547/1461 = 37.4% → 37%.
    const { date: asOf } = resolveAsOf(data('report-projection'), 'm-2021');
    expect(asOf).toBe('2021-06-30');
    const p = plan('report-projection', asOf);
    expect(p.projectedCompletion).toBe('2022-12');
    expect(p.projectedOnSchedule).toBe(true);
    expect(p.elapsedPercent).toBe(37);
  });
  it('after the plan ended, there is no projection: the plan reads as ended', () => {
    const p = plan('report-projection', '2025-06-30');
    expect([p.projectedCompletion, p.projectedOnSchedule, p.projection, p.verdict]).toEqual([null, null, 'ended', 'ended']);
    expect(p.elapsedPercent).toBe(100);
  });
  it('no completion yet: no projection', () => {
    // as of 2020-03-01 C1–C4, O1, O2 are ongoing; N1, N2, X1, X2 planned.
    const p = plan('report-projection', '2020-03-01');
    expect(p.counts).toEqual({ completed: 0, ongoing: 6, planned: 4, postponed: 0, cancelled: 0 });
    expect(p.projectedCompletion).toBeNull();
    expect(p.projectedOnSchedule).toBeNull();
  });
  it('everything not cancelled has completed: the month of the last completion', () => {
    // report-cancelled, as of 2020-12-31: X1 completed 2020-05-10, X2 completed 2020-09-01, X3 cancelled.
    // 2 of 3 = 66.7% → 67%; 1 of 3 → 33%.
    const p = plan('report-cancelled', '2020-12-31');
    expect(p.projectedCompletion).toBe('2020-09');
    expect(p.projectedOnSchedule).toBe(true);
    expect(p.total).toBe(3);
    expect(p.percents).toEqual({ completed: 67, ongoing: 0, planned: 0, postponed: 0, cancelled: 33 });
    expect(headline(p)).toBe('2 of 3 completed or ongoing (67%)');
  });
});

describe('by lead and by priority area: a project counts for each of its leads and areas', () => {
  // M1 MY+SG completed; M2 SG ongoing; M3 MY planned; M4 TH+MY+SG planned, areas alpha and beta.
  it('by lead', () => {
    const p = plan('report-multi-lead', '2021-01-01', { plans: ['p'] });
    // MY: M1, M3, M4 → 1 of 3 (33%); SG: M1, M2, M4 → 2 of 3 (67%); TH: M4 → 0 of 1. Order: most projects, then code.
    expect(p.byLead.map((l) => [l.code, l.total, l.implemented, l.implementedPercent])).toEqual([
      ['MY', 3, 1, 33],
      ['SG', 3, 2, 67],
      ['TH', 1, 0, 0],
    ]);
    expect(p.total).toBe(4);
  });
  it('by priority area', () => {
    // alpha: M1, M3, M4 → 1 of 3; beta: M2, M4 → 1 of 2 (50%).
    const p = plan('report-multi-lead', '2021-01-01', { plans: ['p'] });
    expect(p.byPriorityArea.map((a) => [a.id, a.total, a.implemented, a.implementedPercent])).toEqual([
      ['alpha', 3, 1, 33],
      ['beta', 2, 1, 50],
    ]);
  });
  it('--lead SG counts the projects SG leads, with or without others', () => {
    const p = plan('report-multi-lead', '2021-01-01', { plans: ['p'], lead: 'SG' });
    expect(headline(p)).toBe('2 of 3 completed or ongoing (67%)');
    expect(p.projects.map((r) => r.id)).toEqual(['M1', 'M2', 'M4']);
  });
  it('--lead sg in lower case means SG', () => {
    const p = plan('report-multi-lead', '2021-01-01', { plans: ['p'], lead: 'sg' });
    expect(p.projects.map((r) => r.id)).toEqual(['M1', 'M2', 'M4']);
  });
  it('--area beta', () => {
    const p = plan('report-multi-lead', '2021-01-01', { plans: ['p'], area: 'beta' });
    expect(p.projects.map((r) => r.id)).toEqual(['M2', 'M4']);
    expect(p.byPriorityArea.map((a) => a.id)).toEqual(['beta']);
  });
  it('--lead VN over both plans: plan p has none, plan q has one', () => {
    const report = computeReport(data('report-multi-lead'), { asOf: '2021-01-01', lead: 'VN' });
    expect(report.plans.map((p) => [p.id, p.total])).toEqual([
      ['p', 0],
      ['q', 1],
    ]);
  });
});

describe('usage errors list the valid values', () => {
  const d = () => data('report-multi-lead');
  it.each([
    [() => computeReport(d(), { asOf: '2021-01-01', plans: ['nope'] }), /unknown plan "nope"; plans: p, q/],
    [() => computeReport(d(), { asOf: '2021-01-01', plans: ['p'], lead: 'XX' }), /--lead "XX" is not a country code or name; codes: BN, KH, .*ASEC/],
    [() => computeReport(d(), { asOf: '2021-01-01', area: 'delta' }), /unknown priority area "delta"; areas of these plans: alpha, beta, gamma/],
    [() => resolveAsOf(data('report-projection'), 'm-2099'), /neither a date .* meetings: m-2021, m-2020/],
    [() => resolveAsOf(d(), '2021-02-30'), /not a real calendar date/],
  ])('%#', (fn, message) => {
    expect(fn).toThrow(UserError);
    expect(fn).toThrow(message);
  });
});

describe('listProjects', () => {
  it('filters by status as of D', () => {
    const list = listProjects(data('report-overdue'), { asOf: '2022-03-15', statuses: ['ongoing', 'postponed'] });
    expect(list.plans[0]!.projects.map((r) => [r.id, r.status])).toEqual([
      ['A1', 'ongoing'],
      ['A4', 'ongoing'],
      ['A5', 'postponed'],
    ]);
    expect(list.filters.statuses).toEqual(['ongoing', 'postponed']);
  });
  it('lists what the report counts', () => {
    const list = listProjects(data(EMBEDDED), { asOf: '2022-08-03', plans: ['accsm-2021-2025'] });
    expect(list.plans[0]!.projects).toHaveLength(31);
    expect(list.plans[0]!.projects.filter((r) => r.status === 'completed')).toHaveLength(7);
  });
});

describe('projectDetail', () => {
  it('marks the entry in force and the later ones', () => {
    const d = projectDetail(data('report-added-after'), 'E1', { asOf: '2021-05-01' });
    expect(d.history.map((e) => [e.date, e.inForce, e.later])).toEqual([
      ['2021-01-10', true, false],
      ['2021-08-01', false, true],
    ]);
    expect(d.row?.status).toBe('planned');
  });
  it('has no row before the project entered the plan', () => {
    const d = projectDetail(data('report-added-after'), 'E2', { asOf: '2021-05-01' });
    expect(d.row).toBeUndefined();
    expect(d.history.every((e) => !e.inForce && e.later)).toBe(true);
  });
  it('asks for --plan when two plans use the id (data with an id-duplicate error)', () => {
    const d = structuredClone(data('report-multi-lead'));
    const q = d.plans.find((p) => p.plan.id === 'q')!;
    q.projects[0]!.project.id = 'M1';
    expect(() => projectDetail(d, 'M1', { asOf: '2021-01-01' })).toThrow(/in several plans \(p, q\); choose one with --plan/);
    expect(projectDetail(d, 'M1', { asOf: '2021-01-01', plan: 'q' }).project.title).toBe('Same id in another plan');
  });
  it('suggests near ids', () => {
    expect(() => projectDetail(data(EMBEDDED), 'P1', { asOf: '2022-08-03' })).toThrow(/no project "P1" in any plan; did you mean P01, /);
  });
});

describe('nearMatches', () => {
  it('puts zero-padding and case matches first, then prefixes and typos', () => {
    expect(nearMatches('p7', ['P07', 'P17', 'P70', 'X1'])).toEqual(['P07', 'P70', 'P17']);
    expect(nearMatches('P07', ['P07a', 'P08', 'Q99'])).toEqual(['P07a', 'P08']);
    expect(nearMatches('zzz', ['P01', 'P02'])).toEqual([]);
  });
});
