import { describe, expect, it } from 'vitest';
import { loadRoot } from '../../src/core/load.js';
import { defaultSince, groupTransitions, previousMeeting, progressSince, resolveSince, transitionsBetween } from '../../src/core/progress.js';
import { UserError } from '../../src/core/errors.js';
import { EMBEDDED } from '../helpers.js';
import { demoData } from '../formatters/paper/helpers.js';

describe('transitionsBetween', () => {
  const data = demoData();

  it('lists the net change of each project between two dates, in project order', () => {
    const t = transitionsBetween(data, 'demo', '2022-01-10', '2022-06-01');
    expect(t).toEqual([
      { projectId: 'X1', title: 'Competency framework', from: 'ongoing', to: 'completed', date: '2022-06-01', meeting: 'm3' },
      // postponed on 2022-01-10, ongoing again from 2022-04-01 (no meeting), still ongoing on 2022-06-01
      { projectId: 'X3', title: 'Exchange programme', from: 'postponed', to: 'ongoing', date: '2022-04-01' },
      // entered the plan after the first date
      { projectId: 'X4', title: 'Workshop', to: 'planned', date: '2022-03-01' },
      { projectId: 'X6', title: 'Dropped survey', from: 'planned', to: 'cancelled', date: '2022-02-01' },
    ]);
  });

  it('leaves out a project that changed and changed back, and one not in the plan yet', () => {
    // X3: ongoing on 2021-12-31, postponed in between, ongoing again on 2022-06-01; X5 enters in 2023
    const ids = transitionsBetween(data, 'demo', '2021-12-31', '2022-06-01').map((t) => t.projectId);
    expect(ids).not.toContain('X3');
    expect(ids).not.toContain('X5');
    expect(ids).toEqual(['X1', 'X4', 'X6']);
  });

  it('dates a change by the first entry of the final run after the start date, not before it', () => {
    // X1 was ongoing from 2022-01-10; measured from 2022-01-10 itself, the completion is the change
    const x1 = transitionsBetween(data, 'demo', '2021-06-01', '2022-05-01').find((t) => t.projectId === 'X1');
    expect(x1).toEqual({ projectId: 'X1', title: 'Competency framework', from: 'planned', to: 'ongoing', date: '2022-01-10', meeting: 'm2' });
  });

  it('is empty when the dates are equal or reversed, and for a day with no change', () => {
    expect(transitionsBetween(data, 'demo', '2022-06-01', '2022-06-01')).toEqual([]);
    expect(transitionsBetween(data, 'demo', '2022-06-01', '2021-01-01')).toEqual([]);
    expect(transitionsBetween(data, 'demo', '2022-06-01', '2022-12-31')).toEqual([]);
  });

  it('rejects an unknown plan with the list of plans', () => {
    expect(() => transitionsBetween(data, 'nope', '2021-01-01', '2022-01-01')).toThrow(/unknown plan "nope"; plans: demo/);
  });
});

describe('groupTransitions', () => {
  it('groups by (from, to) with counts: entries into the plan first, then completed before ongoing before planned', () => {
    const groups = groupTransitions([
      { projectId: 'A', title: '', from: 'planned', to: 'ongoing', date: '2022-01-01' },
      { projectId: 'B', title: '', to: 'planned', date: '2022-01-01' },
      { projectId: 'C', title: '', from: 'ongoing', to: 'completed', date: '2022-01-01' },
      { projectId: 'D', title: '', from: 'planned', to: 'ongoing', date: '2022-01-01' },
      { projectId: 'E', title: '', to: 'completed', date: '2022-01-01' },
    ]);
    expect(groups).toEqual([
      { to: 'completed', count: 1, projects: ['E'] },
      { to: 'planned', count: 1, projects: ['B'] },
      { from: 'ongoing', to: 'completed', count: 1, projects: ['C'] },
      { from: 'planned', to: 'ongoing', count: 2, projects: ['A', 'D'] },
    ]);
    expect(groupTransitions([])).toEqual([]);
  });
});

describe('previousMeeting and defaultSince', () => {
  const data = demoData();

  it('takes the latest meeting of the same body that ended before the date', () => {
    expect(previousMeeting(data.meetings, '2022-06-01', 'ACCSM')?.id).toBe('m2');
    expect(previousMeeting(data.meetings, '2022-06-01', 'ACCSM+3')?.id).toBe('m2plus');
    expect(previousMeeting(data.meetings, '2022-06-01')?.id).toBe('m2plus');
    expect(previousMeeting(data.meetings, '2021-03-01', 'ACCSM')).toBeUndefined();
  });

  it('does not take a meeting still running on the date', () => {
    const meetings = [
      { id: 'a', name: 'A', date: '2024-01-01', body: 'ACCSM' as const },
      { id: 'b', name: 'B', date: '2024-08-05', end: '2024-08-07', body: 'ACCSM' as const },
    ];
    expect(previousMeeting(meetings, '2024-08-06', 'ACCSM')?.id).toBe('a');
    expect(previousMeeting(meetings, '2024-08-08', 'ACCSM')?.id).toBe('b');
  });

  it('falls back to the day before the plan period when there is no earlier meeting', () => {
    expect(defaultSince(data, { before: '2021-03-01', body: 'ACCSM', periodStart: 2021 })).toEqual({ date: '2020-12-31', reason: 'plan-start' });
    expect(defaultSince(data, { before: '2022-06-01', body: 'ACCSM', periodStart: 2021 })).toEqual({
      date: '2022-01-10',
      meeting: { id: 'm2', name: 'Second Demo Meeting', date: '2022-01-10' },
      reason: 'previous-meeting',
    });
  });
});

describe('resolveSince', () => {
  const data = demoData();

  it('takes a date or a meeting id (its last day)', () => {
    expect(resolveSince(data, '2022-01-01', '2022-06-01')).toEqual({ date: '2022-01-01', reason: 'given' });
    expect(resolveSince(data, 'm1', '2022-06-01')).toMatchObject({ date: '2021-03-01', meeting: { id: 'm1' }, reason: 'given' });
  });

  it('rejects an unknown meeting with the list, an impossible date, and a point not before the as-of date', () => {
    expect(() => resolveSince(data, 'm9', '2022-06-01')).toThrow(/meetings: m1, m2, m2plus, m3, m3plus/);
    expect(() => resolveSince(data, '2022-02-30', '2022-06-01')).toThrow(/not a real calendar date/);
    expect(() => resolveSince(data, 'm3', '2022-06-01')).toThrow(/must be before the paper's date, 2022-06-01/);
    try {
      resolveSince(data, 'm9', '2022-06-01');
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).exitCode).toBe(2);
    }
  });
});

describe('progressSince', () => {
  it('on the demo data, as of the third meeting, compares with the second (same body)', () => {
    const data = demoData();
    const plan = data.plans[0]!.plan;
    const [p] = progressSince(data, { asOf: '2022-06-01', meeting: { id: 'm3', date: '2022-06-01' }, plans: [plan] });
    expect(p!.since.meeting?.id).toBe('m2');
    expect(p!.transitions.map((t) => t.projectId)).toEqual(['X1', 'X3', 'X4', 'X6']);
    expect(p!.entered).toBe(1);
    expect(p!.groups.map((g) => `${g.from ?? 'new'}>${g.to}:${g.count}`)).toEqual(['new>planned:1', 'ongoing>completed:1', 'planned>cancelled:1', 'postponed>ongoing:1']);
  });

  it('uses the meeting body of --meeting: the ACCSM+3 meeting of the same day compares with the ACCSM+3 one before', () => {
    const data = demoData();
    const [p] = progressSince(data, { asOf: '2022-06-01', meeting: { id: 'm3plus', date: '2022-06-01' }, plans: [data.plans[0]!.plan] });
    expect(p!.since.meeting?.id).toBe('m2plus');
  });

  it('on the embedded data: the 21st SOM compares with the SOM of 15 June 2021, where 30 projects enter and P01 stays completed', () => {
    const data = loadRoot(EMBEDDED).data;
    const plan = data.plans.find((p) => p.plan.id === 'accsm-2021-2025')!.plan;
    const [p] = progressSince(data, { asOf: '2022-08-03', meeting: { id: 'som-21', date: '2022-08-03' }, plans: [plan] });
    expect(p!.since).toMatchObject({ date: '2021-06-15', meeting: { id: 'som-2021-06-15' }, reason: 'previous-meeting' });
    expect(p!.transitions).toHaveLength(30);
    expect(p!.entered).toBe(30);
    expect(p!.transitions.map((t) => t.projectId)).not.toContain('P01');
    expect(Object.fromEntries(p!.groups.map((g) => [g.to, g.count]))).toEqual({ completed: 6, ongoing: 5, planned: 19 });
    // the Heads of Civil Service two days later compares with the SOM: nothing changed
    const [h] = progressSince(data, { asOf: '2022-08-05', meeting: { id: 'hcs-21', date: '2022-08-05' }, plans: [plan] });
    expect(h!.since.meeting?.id).toBe('som-21');
    expect(h!.transitions).toEqual([]);
  });
});
