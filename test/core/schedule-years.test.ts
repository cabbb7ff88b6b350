/** A schedule year may be written as a number or as text; both mean the same to every rule and to the report. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateRoot } from '../../src/core/validate.js';
import { computeReport } from '../../src/core/report.js';
import { FIXTURES, copyRoot } from '../helpers.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function rootWith(schedule: string): string {
  const copy = copyRoot(join(FIXTURES, 'valid-minimal'));
  cleanup = copy.cleanup;
  const file = join(copy.dir, 'plans', 'demo-2021-2025', 'projects', 'D3.yaml');
  writeFileSync(
    file,
    `id: D3\ntitle: Scheduled\npriority_areas: [people]\nlead: [MY]\nschedule: ${schedule}\nstatus:\n  - date: 2021-03-01\n    status: planned\n`,
  );
  return copy.dir;
}

describe('schedule years', () => {
  it('a bare year and a quoted year give the same overdue and late-start figures', () => {
    const results = ['{start: 2021, end: 2022}', '{start: "2021", end: "2022"}'].map((s) => {
      const v = validateRoot(rootWith(s), { cwd: '/', today: '2026-11-23' });
      expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const plan = computeReport(v.loaded.data, { asOf: '2023-06-30' }).plans[0]!;
      const row = plan.projects.find((p) => p.id === 'D3')!;
      return { schedule: row.schedule, overdue: plan.overdue.includes('D3'), late: plan.lateStart.includes('D3') };
    });
    expect(results[0]).toEqual({ schedule: { start: '2021', end: '2022' }, overdue: true, late: true });
    expect(results[1]).toEqual(results[0]);
  });

  it('a bare year still takes part in the start-after-end rule', () => {
    const v = validateRoot(rootWith('{start: 2024, end: 2023}'), { cwd: '/', today: '2026-11-23' });
    expect(v.diagnostics.map((d) => d.code)).toContain('schedule-order');
  });
});
