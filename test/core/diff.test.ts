/** computeDiff on the fixture pair diff-base → diff-head, and its building blocks. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDiff, fieldChanges, statusChanges, type Diff } from '../../src/core/diff.js';
import { loadRoot } from '../../src/core/load.js';
import type { StatusEntry } from '../../src/core/types.js';
import { FIXTURES } from '../helpers.js';

const side = (label: string) => ({ label, errors: 0, warnings: 0 });

function fixtureDiff(asOf = '2026-11-23'): Diff {
  const base = loadRoot(join(FIXTURES, 'diff-base')).data;
  const head = loadRoot(join(FIXTURES, 'diff-head')).data;
  return computeDiff(base, head, { asOf, base: side('base'), head: side('head') });
}

describe('computeDiff on diff-base → diff-head', () => {
  const diff = fixtureDiff();
  const planA = diff.plans.find((p) => p.id === 'plan-a')!;

  it('lists every plan of either side, with what happened to it', () => {
    expect(diff.plans.map((p) => [p.id, p.kind])).toEqual([
      ['plan-a', 'changed'],
      ['plan-b', 'removed'],
      ['plan-c', 'added'],
    ]);
    expect(diff.changed).toBe(true);
  });

  it('gives status entries added as transitions from the status in force before them', () => {
    const p2 = planA.projectsChanged.find((p) => p.id === 'P2')!;
    expect(p2.statusChanges).toEqual([{ kind: 'added', date: '2024-08-05', from: 'ongoing', to: 'completed', meeting: 'som-23' }]);
    // two new entries chain: planned → ongoing, then ongoing → completed
    const p3 = planA.projectsChanged.find((p) => p.id === 'P3')!;
    expect(p3.statusChanges).toEqual([
      { kind: 'added', date: '2024-08-05', from: 'planned', to: 'ongoing' },
      { kind: 'added', date: '2027-01-01', from: 'ongoing', to: 'completed' },
    ]);
  });

  it('gives an edited entry (same date) as changed, with its changed fields', () => {
    const p10 = planA.projectsChanged.find((p) => p.id === 'P10')!;
    expect(p10.statusChanges).toEqual([
      { kind: 'changed', date: '2022-01-10', from: 'postponed', to: 'cancelled', fields: [{ field: 'status', before: 'postponed', after: 'cancelled' }] },
    ]);
    const p1 = planA.projectsChanged.find((p) => p.id === 'P1')!;
    expect(p1.statusChanges).toEqual([
      { kind: 'changed', date: '2022-06-01', from: 'completed', to: 'completed', fields: [{ field: 'note', before: 'first note', after: 'second note' }] },
    ]);
  });

  it('lists projects added and removed with their latest status, and other changed fields', () => {
    expect(planA.projectsAdded).toEqual([{ id: 'P6', title: 'Project six', status: 'planned', since: '2024-08-05' }]);
    expect(planA.projectsRemoved).toEqual([{ id: 'P4', title: 'Project four', status: 'planned', since: '2021-03-01' }]);
    const p5 = planA.projectsChanged.find((p) => p.id === 'P5')!;
    expect(p5.statusChanges).toEqual([]);
    expect(p5.fields).toEqual([
      { field: 'title', before: 'Project five', after: 'Project five (renamed)' },
      { field: 'lead', before: ['ID'], after: ['ID', 'MY'] },
    ]);
    // ids in numeric order: P10 after P5
    expect(planA.projectsChanged.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P5', 'P10']);
  });

  it('compares plan fields and priority areas', () => {
    expect(planA.fields).toEqual([{ field: 'goal', after: 'A goal' }]);
    expect(planA.areas).toEqual([
      { kind: 'changed', id: 'a2', title: 'Area two, renamed', fields: [{ field: 'title', before: 'Area two', after: 'Area two, renamed' }] },
      { kind: 'added', id: 'a3', title: 'Area three', fields: [] },
    ]);
  });

  it('compares meetings, in date order', () => {
    expect(diff.meetings).toEqual([
      { kind: 'removed', id: 'old-retreat', title: 'Old retreat', date: '2020-05-05', fields: [] },
      { kind: 'changed', id: 'som-22', title: '22nd ACCSM Senior Officials Meeting', date: '2023-08-01', fields: [{ field: 'name', before: '22nd ACCSM SOM', after: '22nd ACCSM Senior Officials Meeting' }] },
      { kind: 'added', id: 'som-23', title: '23rd ACCSM SOM', date: '2024-08-05', fields: [] },
    ]);
  });

  it('computes each headline before and after as of the date', () => {
    // base: P1 completed, P2 ongoing, P3 P4 P5 planned, P10 postponed → 2 of 6 (33%)
    // head: P1 P2 completed, P3 ongoing (its 2027 entry is not in force yet), P5 P6 planned, P10 cancelled → 3 of 6 (50%)
    expect(planA.headline).toEqual({ before: { implemented: 2, total: 6, implementedPercent: 33 }, after: { implemented: 3, total: 6, implementedPercent: 50 } });
    expect(diff.plans[1]!.headline).toEqual({ before: { implemented: 1, total: 1, implementedPercent: 100 }, after: null });
    expect(diff.plans[2]!.headline).toEqual({ before: null, after: { implemented: 1, total: 1, implementedPercent: 100 } });
  });

  it('counts a status entry once the as-of date reaches it', () => {
    const later = fixtureDiff('2027-01-01').plans[0]!;
    // P3 is now completed, still one of the 3 completed or ongoing
    expect(later.headline.after).toEqual({ implemented: 3, total: 6, implementedPercent: 50 });
    const earlier = fixtureDiff('2024-08-04').plans[0]!;
    // before 5 Aug 2024: P6 not in the plan yet; in the head P10 is cancelled, P2 ongoing, P3 planned → 2 of 5
    expect(earlier.headline).toEqual({ before: { implemented: 2, total: 6, implementedPercent: 33 }, after: { implemented: 2, total: 5, implementedPercent: 40 } });
  });

  it('finds nothing when a root is compared with itself', () => {
    const data = loadRoot(join(FIXTURES, 'diff-base')).data;
    const same = computeDiff(data, data, { asOf: '2026-11-23', base: side('a'), head: side('b') });
    expect(same.changed).toBe(false);
    expect(same.meetings).toEqual([]);
    expect(same.plans.map((p) => p.kind)).toEqual(['unchanged', 'unchanged']);
    expect(same.plans[0]!.headline.before).toEqual(same.plans[0]!.headline.after);
  });
});

describe('statusChanges', () => {
  const e = (date: string, status: StatusEntry['status'], extra: Partial<StatusEntry> = {}): StatusEntry => ({ date, status, ...extra });

  it('gives a first entry (none before it) a null "from"', () => {
    expect(statusChanges([e('2022-01-01', 'ongoing')], [e('2021-01-01', 'planned'), e('2022-01-01', 'ongoing')])).toEqual([
      { kind: 'added', date: '2021-01-01', from: null, to: 'planned' },
    ]);
  });

  it('gives a removed entry with its old status and meeting', () => {
    expect(statusChanges([e('2021-01-01', 'planned'), e('2022-01-01', 'ongoing', { meeting: 'som-1' })], [e('2021-01-01', 'planned')])).toEqual([
      { kind: 'removed', date: '2022-01-01', from: 'ongoing', to: null, meeting: 'som-1' },
    ]);
  });

  it('gives a moved entry (new date) as one removed and one added', () => {
    const changes = statusChanges([e('2021-01-01', 'planned'), e('2022-01-01', 'ongoing')], [e('2021-01-01', 'planned'), e('2022-02-01', 'ongoing')]);
    expect(changes.map((c) => [c.kind, c.date])).toEqual([
      ['removed', '2022-01-01'],
      ['added', '2022-02-01'],
    ]);
  });
});

describe('fieldChanges', () => {
  it('ignores key order inside values and reports added and removed fields', () => {
    expect(fieldChanges({ id: 'x', schedule: { start: '2022', end: '2023' } }, { id: 'y', schedule: { end: '2023', start: '2022' } }, ['schedule'])).toEqual([]);
    expect(fieldChanges({ note: 'a' }, { partners: ['JP'] }, ['partners', 'note'])).toEqual([
      { field: 'partners', after: ['JP'] },
      { field: 'note', before: 'a' },
    ]);
  });

  it('lists fields it does not know after the known ones, by name', () => {
    expect(fieldChanges({ zeta: 1, alpha: 1, title: 'a' }, { zeta: 2, alpha: 2, title: 'b' }, ['title'])).toEqual([
      { field: 'title', before: 'a', after: 'b' },
      { field: 'alpha', before: 1, after: 2 },
      { field: 'zeta', before: 1, after: 2 },
    ]);
  });
});
