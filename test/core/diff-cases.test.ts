/**
 * accsm diff tells changes as they are (issue 10): a file that fails to parse
 * on one side is "not readable (errors)", never removed or added; a new entry
 * with the same status is an update; a headline that did not move is said once.
 */
import { describe, expect, it } from 'vitest';
import { computeDiff, type DiffSide } from '../../src/core/diff.js';
import { diffFormatters } from '../../src/formatters/diff/index.js';
import type { DataSet, Project, Status } from '../../src/core/types.js';

const ROOT = '/data';

function project(id: string, entries: [string, Status, string?][]): Project {
  return { id, title: `Title ${id}`, priority_areas: ['a'], lead: ['MY'], status: entries.map(([date, status, meeting]) => ({ date, status, ...(meeting ? { meeting } : {}) })) };
}

function dataSet(projects: Project[], withPlan = true): DataSet {
  return {
    root: ROOT,
    meetings: [],
    plans: withPlan
      ? [
          {
            plan: { id: 'wp', body: 'ACCSM', title: 'Work Plan', period: { start: 2021, end: 2025 }, priority_areas: [{ id: 'a', title: 'A' }] },
            file: `${ROOT}/plans/wp/plan.yaml`,
            projects: projects.map((p) => ({ project: p, file: `${ROOT}/plans/wp/projects/${p.id}.yaml` })),
          },
        ]
      : [],
  };
}

const side = (label: string, unreadable: string[] = []): DiffSide => ({ label, errors: unreadable.length, warnings: 0, unreadable });
const text = (d: ReturnType<typeof computeDiff>) => diffFormatters.text(d, { color: false });

describe('diff cases', () => {
  const p1 = project('P1', [['2022-08-03', 'ongoing']]);
  const p2 = project('P2', [['2022-08-03', 'planned']]);

  it('a project file that fails to parse on the head side is not readable, never removed', () => {
    const d = computeDiff(dataSet([p1, p2]), dataSet([p1]), { asOf: '2024-12-01', base: side('main'), head: side('data', ['plans/wp/projects/P2.yaml']) });
    const plan = d.plans[0]!;
    expect(plan.projectsRemoved).toEqual([]);
    expect(plan.projectsUnreadable).toEqual([{ id: 'P2', title: 'Title P2', status: 'planned', since: '2022-08-03', side: 'head' }]);
    const out = text(d);
    expect(out).toContain('Not readable (errors):\n    P2: not readable (errors) in the head version; was planned since 2022-08-03 — Title P2');
    expect(out).not.toMatch(/removed/);
    // a file really deleted is still "removed"
    const deleted = computeDiff(dataSet([p1, p2]), dataSet([p1]), { asOf: '2024-12-01', base: side('main'), head: side('data') });
    expect(deleted.plans[0]!.projectsRemoved.map((p) => p.id)).toEqual(['P2']);
  });

  it('a project file that fails to parse on the base side is not readable there, not added', () => {
    const d = computeDiff(dataSet([p1]), dataSet([p1, p2]), { asOf: '2024-12-01', base: side('main', ['plans/wp/projects/P2.yaml']), head: side('data') });
    expect(d.plans[0]!.projectsAdded).toEqual([]);
    expect(d.plans[0]!.projectsUnreadable.map((p) => [p.id, p.side])).toEqual([['P2', 'base']]);
  });

  it('a plan.yaml that fails to parse on the head side leaves the plan unreadable, not removed', () => {
    const d = computeDiff(dataSet([p1]), dataSet([], false), { asOf: '2024-12-01', base: side('main'), head: side('data', ['plans/wp/plan.yaml']) });
    expect(d.plans[0]!.kind).toBe('unreadable');
    const out = text(d);
    expect(out).toContain('Its plan.yaml is not readable (errors) in the head version, so the plan is neither added nor removed');
    expect(out).not.toMatch(/Plan removed/);
  });

  it('a new entry with the same status is an update, not "ongoing → ongoing"', () => {
    const after = project('P1', [['2022-08-03', 'ongoing'], ['2024-08-05', 'ongoing', 'som-22']]);
    const d = computeDiff(dataSet([p1]), dataSet([after]), { asOf: '2024-12-01', base: side('main'), head: side('data') });
    const out = text(d);
    expect(out).toContain('P1: ongoing, updated 2024-08-05 (meeting som-22)');
    expect(out).not.toContain('ongoing → ongoing');
  });

  it('a headline that did not move is said once, not as a transition', () => {
    // ongoing → completed keeps 1 of 1 completed or ongoing
    const after = project('P1', [['2022-08-03', 'ongoing'], ['2024-08-05', 'completed']]);
    const d = computeDiff(dataSet([p1]), dataSet([after]), { asOf: '2024-12-01', base: side('main'), head: side('data') });
    const out = text(d);
    expect(out).toContain('  Work Plan: 1 of 1 completed or ongoing (100%), unchanged');
    expect(out).toContain('P1: ongoing → completed (2024-08-05)');
    expect(out).not.toMatch(/1 of 1 → 1 of 1/);
    expect(diffFormatters.markdown(d, { color: false })).toContain('- **Work Plan**: 1 of 1 completed or ongoing (100%), unchanged');
  });
});
