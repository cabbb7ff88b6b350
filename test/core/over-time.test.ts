/**
 * Progress over time: the points of each unit, and each point's figures equal
 * to computeReport's for its date (the one computation), on the embedded data
 * and on a fixture whose figures change between meetings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport, loadRoot, type DataSet } from '../../src/index.js';
import { computeOverTime } from '../../src/core/over-time.js';
import { UserError } from '../../src/core/errors.js';
import { EMBEDDED, FIXTURES } from '../helpers.js';

const embedded: DataSet = loadRoot(EMBEDDED).data;
const projection: DataSet = loadRoot(join(FIXTURES, 'report-projection')).data;

describe('computeOverTime on the embedded data', () => {
  it('has a point for each ACCSM meeting from the period start to the as-of date, oldest first', () => {
    const over = computeOverTime(embedded, { over: 'meetings', asOf: '2026-11-23', plans: ['accsm-2021-2025'] });
    const plan = over.plans[0]!;
    // hcs-retreat-2015 is before the period; ACCSM+3 meetings belong to another body
    expect(plan.points.map((p) => p.label)).toEqual(['som-2021-06-15', 'som-21', 'hcs-21', 'som-22', 'hcs-22']);
    expect(plan.points.map((p) => p.asOf)).toEqual(['2021-06-15', '2022-08-03', '2022-08-05', '2024-08-07', '2024-08-07']);
    expect(plan.points[1]!.meeting?.name).toMatch(/^21st ACCSM Senior Officials Meeting/);
  });

  it("gives at each meeting exactly the report's plan as of that meeting", () => {
    const over = computeOverTime(embedded, { over: 'meetings', asOf: '2026-11-23' });
    expect(over.plans.length).toBeGreaterThan(0);
    for (const plan of over.plans) {
      for (const pt of plan.points) {
        expect(pt.plan).toEqual(computeReport(embedded, { asOf: pt.asOf, plans: [plan.id] }).plans[0]);
      }
    }
    const som21 = over.plans.find((p) => p.id === 'accsm-2021-2025')!.points.find((p) => p.label === 'som-21')!;
    expect([som21.plan.counts.completed, som21.plan.counts.ongoing, som21.plan.counts.planned, som21.plan.implementedPercent]).toEqual([7, 5, 19, 39]);
  });

  it('ACCSM+3 plans take the ACCSM+3 meetings', () => {
    const over = computeOverTime(embedded, { over: 'meetings', asOf: '2026-11-23', plans: ['accsm-plus-3-2021-2025'] });
    expect(over.plans[0]!.points.map((p) => p.label)).toEqual(['som3-6', 'som3-7', 'hcs3-7']);
  });

  it('years end on 31 December, the last one on the as-of date', () => {
    const plan = computeOverTime(embedded, { over: 'years', asOf: '2026-11-23', plans: ['accsm-2021-2025'] }).plans[0]!;
    expect(plan.points.map((p) => [p.label, p.asOf])).toEqual([
      ['2021', '2021-12-31'], ['2022', '2022-12-31'], ['2023', '2023-12-31'], ['2024', '2024-12-31'], ['2025', '2025-12-31'], ['2026', '2026-11-23'],
    ]);
  });

  it('months end on their last day (29 February in a leap year), the last one on the as-of date', () => {
    const plan = computeOverTime(embedded, { over: 'months', asOf: '2024-03-10', plans: ['accsm-2021-2025'] }).plans[0]!;
    expect(plan.points).toHaveLength(39);
    expect(plan.points[0]).toMatchObject({ label: '2021-01', asOf: '2021-01-31' });
    expect(plan.points[37]).toMatchObject({ label: '2024-02', asOf: '2024-02-29' });
    expect(plan.points[38]).toMatchObject({ label: '2024-03', asOf: '2024-03-10' });
  });

  it('a plan whose period has not begun has no points', () => {
    const plan = computeOverTime(embedded, { over: 'years', asOf: '2025-06-01', plans: ['accsm-2026-2030'] }).plans[0]!;
    expect(plan.points).toEqual([]);
  });

  it("keeps the report's filters and usage errors", () => {
    const over = computeOverTime(embedded, { over: 'years', asOf: '2026-11-23', plans: ['accsm-2021-2025'], lead: 'vn' });
    expect(over.filters).toEqual({ lead: ['VN'] });
    for (const pt of over.plans[0]!.points) expect(pt.plan).toEqual(computeReport(embedded, { asOf: pt.asOf, plans: ['accsm-2021-2025'], lead: 'VN' }).plans[0]);
    expect(() => computeOverTime(embedded, { over: 'years', asOf: '2026-11-23', plans: ['nope'] })).toThrow(UserError);
    expect(() => computeOverTime(embedded, { over: 'weeks' as 'years', asOf: '2026-11-23' })).toThrow(/--over weeks: expected one of meetings, years, months/);
  });
});

describe('computeOverTime where the figures move', () => {
  it('follows the status changes month by month', () => {
    const over = computeOverTime(projection, { over: 'months', asOf: '2026-11-23' });
    const plan = over.plans[0]!;
    const completed = plan.points.map((p) => p.plan.counts.completed);
    // cumulative completions never fall in this fixture, and rise at least once
    expect(completed.every((c, i) => i === 0 || c >= completed[i - 1]!)).toBe(true);
    expect(completed[completed.length - 1]).toBeGreaterThan(completed[0]!);
    for (const pt of plan.points) expect(pt.plan).toEqual(computeReport(projection, { asOf: pt.asOf, plans: [plan.id] }).plans[0]);
  });
});
