/** The benchmark's data generator: deterministic, and what it writes is valid accsm data. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateFiles as gen, writeRoot, GENERATED_UNTIL } from '../../bench/generate.mjs';
import { validateRoot } from '../../src/core/validate.js';
import { tempDir } from '../helpers.js';


const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('bench/generate.mjs', () => {
  it('gives byte-identical files for the same size and seed, and other files for another seed', () => {
    const a = gen({ projects: 50 });
    const b = gen({ projects: 50 });
    expect(b).toEqual(a);
    const other = gen({ projects: 50, seed: 8 });
    expect(other.map(([p]) => p)).toEqual(a.map(([p]) => p));
    expect(other.map(([, t]) => t)).not.toEqual(a.map(([, t]) => t));
  });

  it('writes a root with exactly N projects that validates with no errors and no warnings', () => {
    const t = tempDir('accsm-bench-gen-');
    cleanups.push(t.cleanup);
    writeRoot(t.dir, { projects: 50 });
    const plans = readdirSync(join(t.dir, 'plans'));
    const projectFiles = plans.flatMap((p) => readdirSync(join(t.dir, 'plans', p, 'projects')));
    expect(plans.length).toBeGreaterThanOrEqual(3);
    expect(projectFiles).toHaveLength(50);

    const result = validateRoot(t.dir, { cwd: t.dir, today: GENERATED_UNTIL });
    expect(result.diagnostics).toEqual([]);
    expect(result.loaded.files.filter((f) => f.kind === 'project' && f.valid)).toHaveLength(50);
    expect(result.loaded.data.plans.reduce((n, p) => n + p.projects.length, 0)).toBe(50);
  });

  it('writes realistic data: several statuses, histories, meetings named, dates quoted for ajv-cli', () => {
    const files = gen({ projects: 200 });
    const projects = files.filter(([p]) => p.includes('/projects/')).map(([, t]) => t);
    const statuses = new Set(projects.flatMap((t) => [...t.matchAll(/^ {4}status: (\w+)$/gm)].map((m) => m[1])));
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'ongoing', 'planned', 'postponed']);
    expect(projects.some((t) => (t.match(/- date:/g) ?? []).length >= 3)).toBe(true);
    expect(projects.some((t) => /meeting: /.test(t))).toBe(true);
    // every date is quoted, so js-yaml 3 (ajv-cli) reads it as text, as accsm does
    const dates = projects.flatMap((t) => [...t.matchAll(/date: (.*)$/gm)].map((m) => m[1]));
    expect(dates.length).toBeGreaterThan(200);
    for (const d of dates) expect(d).toMatch(/^'\d{4}-\d{2}-\d{2}'$/);
  });
});
