/** containErrors: which plans a command can still show when some files have errors. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containErrors, type DataScope } from '../../src/core/contain.js';
import { memorySource, type MemoryFile } from '../../src/core/source/memory.js';
import { displayPath, validate } from '../../src/core/validate.js';
import { FIXTURES } from '../helpers.js';

const SRC = join(FIXTURES, 'valid-minimal');
const ROOT = '/data';

/** valid-minimal twice (plans demo-2021-2025 and other-2026-2030), with some files replaced. */
function root(replace: Record<string, string> = {}) {
  const files: MemoryFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const rel = relative(SRC, p).split('\\').join('/');
        files.push({ path: rel, bytes: readFileSync(p) });
        if (rel.startsWith('plans/demo-2021-2025/')) {
          const other = rel.replace('demo-2021-2025', 'other-2026-2030').replace(/\/D(\d)\.yaml$/, '/O$1.yaml');
          const text = readFileSync(p, 'utf8').replace('demo-2021-2025', 'other-2026-2030').replace(/^id: D(\d)$/m, 'id: O$1');
          files.push({ path: other, bytes: Buffer.from(text) });
        }
      }
    }
  };
  walk(SRC);
  return validate(memorySource(ROOT, files.map((f) => (replace[f.path] !== undefined ? { path: f.path, bytes: Buffer.from(replace[f.path]!) } : f))), { cwd: ROOT, today: '2026-12-01' });
}
const contain = (r: ReturnType<typeof root>, scope: DataScope = {}) => containErrors(r.loaded, r.diagnostics, scope, (p) => displayPath(p, ROOT));

describe('containErrors', () => {
  it('no errors: every plan, none left out', () => {
    const c = contain(root(), {});
    expect(c.usable && c.data.plans.map((p) => p.plan.id)).toEqual(['demo-2021-2025', 'other-2026-2030']);
    expect(c.usable && c.leftOut).toEqual([]);
  });

  it('an error in a project file leaves its whole plan out, with the plan title and the count', () => {
    const c = contain(root({ 'plans/other-2026-2030/projects/O1.yaml': 'id: O1\ntitle: x\n' }), {});
    expect(c.usable).toBe(true);
    if (!c.usable) return;
    expect(c.data.plans.map((p) => p.plan.id)).toEqual(['demo-2021-2025']);
    expect(c.leftOut).toEqual([{ id: 'other-2026-2030', title: 'Demo Work Plan 2021-2025', errors: 3 }]);
  });

  it('a plan.yaml that does not load: left out, named by its folder, no title', () => {
    const c = contain(root({ 'plans/other-2026-2030/plan.yaml': 'id: [' }), {});
    expect(c.usable && c.leftOut.map((p) => [p.id, p.title])).toEqual([['other-2026-2030', undefined]]);
  });

  it('the plan named, or the plan of the project shown, or every plan with projects: no figures', () => {
    const bad = root({ 'plans/other-2026-2030/projects/O1.yaml': 'id: O1\ntitle: x\n' });
    expect(contain(bad, { plans: ['other-2026-2030'] })).toEqual({ usable: false, why: 'plan other-2026-2030 has 3 errors' });
    expect(contain(bad, { project: 'O2' })).toEqual({ usable: false, why: 'O2 is in plan other-2026-2030, whose files have 3 errors' });
    expect(contain(bad, { project: 'D2' }).usable).toBe(true);
    expect(contain(bad, { everyPlan: true })).toEqual({ usable: false, why: 'plan other-2026-2030 has 3 errors' });
    const both = root({ 'plans/other-2026-2030/projects/O1.yaml': 'id: O1\n', 'plans/demo-2021-2025/projects/D1.yaml': 'id: D1\n' });
    expect(contain(both, {}).usable).toBe(false);
  });

  it('an error in meetings.yaml: no figures, naming the file', () => {
    expect(contain(root({ 'meetings.yaml': '- id: x\n' }), {})).toEqual({ usable: false, why: "meetings.yaml has errors, and every plan's figures depend on it" });
  });
});
