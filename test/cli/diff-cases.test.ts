/** accsm diff between two folders when a project file on the head side does not parse: "not readable (errors)", never "removed". */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyRoot, EMBEDDED } from '../helpers.js';

const accsmIn = (args: string[]) => cli(args, { env: { ACCSM_TODAY: '2026-12-01' } });

describe('accsm diff: files that do not parse, updates', () => {
  const head = copyRoot();
  afterAll(() => head.cleanup());
  const projects = join(head.dir, 'plans', 'accsm-2021-2025', 'projects');
  writeFileSync(join(projects, 'P05.yaml'), 'id: P05\ntitle: "unterminated\n');
  // P11 gets a new entry with the same status: an update
  const p11 = join(projects, 'P11.yaml');
  writeFileSync(p11, readFileSync(p11, 'utf8').replace('    meeting: som-21\n', '    meeting: som-21\n  - date: 2024-08-05\n    status: ongoing\n    meeting: som-22\n'));

  it('says not readable (errors) for the broken file and "updated" for a repeated status', async () => {
    for (const format of ['text', 'markdown', 'json']) {
      const r = await accsmIn(['diff', EMBEDDED, head.dir, '-f', format]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/the head .* has \d+ validation errors?/);
      if (format === 'json') {
        const plan = JSON.parse(r.stdout).plans.find((p: { id: string }) => p.id === 'accsm-2021-2025');
        expect(plan.projectsRemoved).toEqual([]);
        expect(plan.projectsUnreadable.map((p: { id: string; side: string }) => [p.id, p.side])).toEqual([['P05', 'head']]);
      } else {
        expect(r.stdout).toMatch(/P05`?: not readable \(errors\) in the head version; was completed since 2022-08-03/);
        expect(r.stdout).toMatch(/P11`?: ongoing, updated 2024-08-05 \(meeting som-22\)/);
        expect(r.stdout).not.toMatch(/removed|ongoing → ongoing/);
      }
    }
  });
});
