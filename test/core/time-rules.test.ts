/**
 * The time rules (README, "Counting rules"): the on-schedule verdict at its
 * boundary, the plan's period as the fallback schedule, staleness, and the
 * projection's limits. Hand-built data sets; expected values worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeReport, type DataSet, type PlanReport } from '../../src/index.js';
import { dayNumber, fromDayNumber } from '../../src/core/dates.js';
import { dueBy, isLateStart, isOverdue } from '../../src/core/schedule.js';
import { isStale, lastMeetingBefore, updatedSince, yearBefore } from '../../src/core/staleness.js';
import { periodTime, verdictOf } from '../../src/core/verdict.js';
import type { Meeting, Project, Status } from '../../src/core/types.js';

const PERIOD = { start: 2021, end: 2025 };

function project(id: string, entries: [string, Status][], schedule?: { start: string; end: string }): Project {
  return { id, title: id, priority_areas: ['a'], lead: ['MY'], ...(schedule ? { schedule } : {}), status: entries.map(([date, status]) => ({ date, status })) };
}

function dataSet(projects: Project[], meetings: Meeting[] = []): DataSet {
  return {
    root: '/x',
    meetings,
    plans: [{ plan: { id: 'wp', body: 'ACCSM', title: 'WP', period: PERIOD, priority_areas: [{ id: 'a', title: 'A' }] }, file: '/x/plan.yaml', projects: projects.map((p) => ({ project: p, file: `/x/${p.id}.yaml` })) }],
  };
}

function planAt(data: DataSet, asOf: string): PlanReport {
  return computeReport(data, { asOf }).plans[0]!;
}

describe('periodTime', () => {
  it('counts the days of 2021-2025 and the days elapsed up to and including D', () => {
    // 2021..2025: 365 × 4 + 366 (2024) = 1826 days; 2022-08-03 is day 365 + 215 = 580
    expect(periodTime(PERIOD, '2022-08-03')).toMatchObject({ periodDays: 1826, elapsedDays: 580, phase: 'during' });
    expect(periodTime(PERIOD, '2021-01-01')).toMatchObject({ elapsedDays: 1, phase: 'during' });
    expect(periodTime(PERIOD, '2020-12-31')).toMatchObject({ elapsedDays: 0, phase: 'before' });
    expect(periodTime(PERIOD, '2025-12-31')).toMatchObject({ elapsedDays: 1826, phase: 'during' });
    expect(periodTime(PERIOD, '2026-01-01')).toMatchObject({ elapsedDays: 1826, sinceStart: 1827, phase: 'after' });
  });
});

describe('the verdict at its boundary (integer cross-multiplication)', () => {
  // 1 of 2 implemented is exactly one half; half of 1826 days is 913 days: day 913 is 2023-07-02.
  const half = fromDayNumber(dayNumber('2021-01-01') + 912);
  const data = dataSet([project('P1', [['2021-01-01', 'ongoing']]), project('P2', [['2021-01-01', 'planned']])]);

  it('day 913 of 1826 is 2023-07-02', () => {
    expect(half).toBe('2023-07-02');
    expect(periodTime(PERIOD, half).elapsedDays).toBe(913);
  });

  it('is on schedule when the share implemented exactly equals the share elapsed', () => {
    expect(planAt(data, half).verdict).toBe('on-schedule');
  });

  it('is on schedule the day before and behind schedule the day after', () => {
    expect(planAt(data, fromDayNumber(dayNumber(half) - 1)).verdict).toBe('on-schedule');
    expect(planAt(data, fromDayNumber(dayNumber(half) + 1)).verdict).toBe('behind-schedule');
  });

  it('compares exact fractions, not rounded percentages', () => {
    // 12 of 31 (38.71%, shown 39%) against 707 of 1826 days (38.72%, also shown 39%): behind by a hair
    expect(verdictOf({ total: 31, implemented: 12 }, { phase: 'during', elapsedDays: 707, periodDays: 1826 })).toBe('behind-schedule');
    // 706 days: 38.66% → on schedule (12 × 1826 = 21912 ≥ 706 × 31 = 21886; 707 × 31 = 21917 > 21912)
    expect(verdictOf({ total: 31, implemented: 12 }, { phase: 'during', elapsedDays: 706, periodDays: 1826 })).toBe('on-schedule');
  });

  it('names the other cases: empty, not started, ended', () => {
    expect(verdictOf({ total: 0, implemented: 0 }, { phase: 'during', elapsedDays: 5, periodDays: 10 })).toBe('empty');
    expect(verdictOf({ total: 3, implemented: 0 }, { phase: 'before', elapsedDays: 0, periodDays: 10 })).toBe('not-started');
    expect(verdictOf({ total: 3, implemented: 3 }, { phase: 'after', elapsedDays: 10, periodDays: 10 })).toBe('ended');
    expect(planAt(data, '2020-06-01').verdict).toBe('empty'); // nothing recorded yet on that day
    expect(planAt(dataSet([project('P1', [['2020-06-01', 'planned']])]), '2020-12-31').verdict).toBe('not-started');
    expect(planAt(data, '2025-12-31').verdict).toBe('behind-schedule'); // last day of the period: still judged
    expect(planAt(data, '2026-01-01').verdict).toBe('ended');
  });
});

describe('the plan period as the fallback schedule', () => {
  const plan = { period: PERIOD };
  it('uses the project schedule when there is one, else the plan period', () => {
    expect(dueBy({ schedule: { start: '2022', end: '2023-06' } }, plan)).toEqual({ end: '2023-06', from: 'project' });
    expect(dueBy({}, plan)).toEqual({ end: '2025', from: 'plan' });
  });

  it('makes a project without a schedule overdue from the day after the plan ends, unless completed or cancelled', () => {
    expect(isOverdue({}, plan, 'ongoing', '2025-12-31')).toBe(false);
    expect(isOverdue({}, plan, 'ongoing', '2026-01-01')).toBe(true);
    expect(isOverdue({}, plan, 'planned', '2026-01-01')).toBe(true);
    expect(isOverdue({}, plan, 'postponed', '2026-01-01')).toBe(true);
    expect(isOverdue({}, plan, 'completed', '2026-01-01')).toBe(false);
    expect(isOverdue({}, plan, 'cancelled', '2026-01-01')).toBe(false);
    // the project's own schedule wins over the plan's
    expect(isOverdue({ schedule: { start: '2022', end: '2023-06' } }, plan, 'ongoing', '2023-07-01')).toBe(true);
    expect(isOverdue({ schedule: { start: '2022', end: '2023-06' } }, plan, 'ongoing', '2023-06-30')).toBe(false);
  });

  it('does not make a project without a schedule late to start', () => {
    expect(isLateStart({}, 'planned', '2024-01-01')).toBe(false);
    expect(isLateStart({ schedule: { start: '2022', end: '2023' } }, 'planned', '2023-01-01')).toBe(true);
  });

  it('gives 24 overdue on a 31-project plan with 7 completed, as of 2026-12-01', () => {
    const entries: Project[] = [];
    for (let i = 1; i <= 31; i++) entries.push(project(`P${i}`, [['2022-08-03', i <= 7 ? 'completed' : i <= 12 ? 'ongoing' : 'planned']]));
    const p = planAt(dataSet(entries), '2026-12-01');
    expect(p.overdue).toHaveLength(24);
    expect(p.verdict).toBe('ended');
    expect(p.projection).toBe('ended');
    expect(p.projectedCompletion).toBeNull();
  });
});

describe('staleness', () => {
  const meetings: Meeting[] = [
    { id: 'som-1', name: '1st SOM', date: '2022-08-03', body: 'ACCSM' },
    { id: 'som3-1', name: '1st SOM+3', date: '2024-09-01', body: 'ACCSM+3' },
    { id: 'som-2', name: '2nd SOM', date: '2024-08-05', end: '2024-08-07', body: 'ACCSM' },
    { id: 'hcs-2', name: '2nd HCS', date: '2024-08-06', end: '2024-08-07', body: 'ACCSM' },
  ];

  it('takes the last meeting of the body whose last day is before D; of those ending the same day, the one that began first', () => {
    expect(lastMeetingBefore(meetings, 'ACCSM', '2024-08-07')?.id).toBe('som-1'); // som-2 has not ended before D
    expect(lastMeetingBefore(meetings, 'ACCSM', '2024-08-08')?.id).toBe('som-2');
    expect(lastMeetingBefore(meetings, 'ACCSM+3', '2024-12-01')?.id).toBe('som3-1');
    expect(lastMeetingBefore(meetings, 'ACCSM', '2022-08-03')).toBeUndefined();
  });

  it('counts an entry dated on or after the first day, up to D, as an update', () => {
    const p = project('P1', [['2022-08-03', 'ongoing'], ['2024-08-05', 'ongoing'], ['2025-01-01', 'completed']]);
    expect(updatedSince(p, '2024-08-05', '2024-12-01')).toBe(true); // on the first day
    expect(updatedSince(p, '2024-08-06', '2024-12-01')).toBe(false); // the day before the first entry after it is in the future
    expect(updatedSince(p, '2024-08-06', '2025-01-01')).toBe(true);
  });

  it('lists the projects not updated since the meeting, and null without a meeting', () => {
    const data = dataSet([project('P1', [['2022-08-03', 'ongoing'], ['2024-08-05', 'completed']]), project('P2', [['2022-08-03', 'planned']])], meetings);
    const p = planAt(data, '2024-12-01');
    expect(p.notUpdatedSince).toEqual({ meeting: { id: 'som-2', name: '2nd SOM', date: '2024-08-05', end: '2024-08-07' }, projects: ['P2'] });
    expect(planAt(dataSet([project('P1', [['2022-08-03', 'ongoing']])]), '2024-12-01').notUpdatedSince).toBeNull();
  });

  it('calls the data stale when the latest status is more than a year before D', () => {
    expect(yearBefore('2026-12-01')).toBe('2025-12-01');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(isStale('2025-12-01', '2026-12-01')).toBe(false); // exactly a year
    expect(isStale('2025-11-30', '2026-12-01')).toBe(true); // a year and a day
    expect(isStale(null, '2026-12-01')).toBe(false);
  });
});

describe('the projection as a supporting figure', () => {
  it('says beyond twice the plan period instead of a date centuries away', () => {
    // 1 of 100 completed by 2021-12-31 (365 days): 100 would take 36,500 days, more than 2 × 1826
    const entries = [project('P0', [['2021-06-01', 'completed']])];
    for (let i = 1; i < 100; i++) entries.push(project(`P${i}`, [['2021-06-01', 'planned']]));
    const p = planAt(dataSet(entries), '2021-12-31');
    expect(p.projection).toBe('beyond-twice-period');
    expect(p.projectedCompletion).toBeNull();
  });

  it('projects a month within twice the period', () => {
    // 1 of 2 completed at day 365: 2 take 730 days → day 730 is 2022-12-31
    const p = planAt(dataSet([project('P1', [['2021-06-01', 'completed']]), project('P2', [['2021-06-01', 'ongoing']])]), '2021-12-31');
    expect([p.projection, p.projectedCompletion]).toEqual(['projected', '2022-12']);
  });
});
