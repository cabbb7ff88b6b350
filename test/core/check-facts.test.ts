/**
 * `accsm validate` and the edits load a root on demand (load with keep 'facts'): a
 * project file without problems keeps no text and, of its data, only what the
 * cross-file rules read, and reads itself again when asked. They must find
 * exactly what a whole load finds, at the same lines and columns, for every
 * rule, and give the same text and data when asked.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../../src/core/load.js';
import { diskSource } from '../../src/core/source/disk.js';
import { checkLoaded, checkRoot, validateRoot } from '../../src/core/validate.js';
import { EMBEDDED, FIXTURES, copyRoot } from '../helpers.js';

const TODAY = '2026-11-23';

describe('validate keeps only the facts the rules read, and finds the same', () => {
  const made = copyRoot(EMBEDDED);
  afterAll(() => made.cleanup());
  const projects = join(made.dir, 'plans', 'accsm-2021-2025', 'projects');
  const other = join(made.dir, 'plans', 'accsm-plus-3-2021-2025', 'projects');
  const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  // schema-valid files that break each cross-file rule
  edit(join(projects, 'P02.yaml'), (t) => t.replace(/^priority_areas:\n/m, 'priority_areas:\n  - a-long-area-that-is-not-defined\n'));
  edit(join(projects, 'P03.yaml'), (t) => t.replace(/meeting: [a-z0-9-]+/, 'meeting: som-99-never-held-anywhere'));
  edit(join(projects, 'P04.yaml'), (t) => t.replace(/^id: P04$/m, 'id: P05'));
  edit(join(projects, 'P06.yaml'), (t) => `${t.replace(/^illustrative: true\n/m, '')}schedule:\n  start: '2025'\n  end: '2022-03'\ncarried_from:\n  plan: accsm-plus-3-2021-2025\n  id: P-NOT-THERE-AT-ALL-IN-ANY-PLAN\nillustrative: true\n`);
  // a schedule in years written as numbers (start: 2025): the rules read them as the text "2025"
  edit(join(projects, 'P09.yaml'), (t) => `${t.replace(/^illustrative: true\n/m, '')}schedule:\n  start: 2025\n  end: 2022\nillustrative: true\n`);
  edit(join(projects, 'P07.yaml'), (t) => t.replace(/^status:\n/m, "status:\n  - date: '2030-01-01'\n    status: planned\n  - date: '2029-01-01'\n    status: planned\n"));
  // the same project id in another plan
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'P08.yaml'), readFileSync(join(projects, 'P08.yaml'), 'utf8'));

  it('finds every rule on the changed root at the same places', () => {
    const whole = validateRoot(made.dir, { cwd: made.dir, today: TODAY });
    const facts = checkRoot(made.dir, { cwd: made.dir, today: TODAY });
    const codes = new Set(whole.diagnostics.map((d) => d.code));
    for (const code of ['area-unknown', 'meeting-unknown', 'id-mismatch', 'id-duplicate', 'schedule-order', 'carried-from-unknown', 'date-order', 'date-future', 'date-outside-period']) expect(codes, code).toContain(code);
    expect(whole.diagnostics.filter((d) => d.code === 'schedule-order').map((d) => d.file.split('/').pop())).toEqual(['P06.yaml', 'P09.yaml']);
    expect(facts.diagnostics).toEqual(whole.diagnostics);
    // report, list and paper: the rules take the figures (the data without notes) as they are
    expect(validateRoot(made.dir, { cwd: made.dir, today: TODAY, keep: 'figures' }).diagnostics).toEqual(whole.diagnostics);
    expect(facts.filesChecked).toBe(whole.filesChecked);
    expect([facts.errors, facts.warnings]).toEqual([whole.errors, whole.warnings]);
  });

  it('finds the same in every fixture', () => {
    for (const name of readdirSync(FIXTURES)) {
      const dir = join(FIXTURES, name);
      const whole = validateRoot(dir, { cwd: FIXTURES, today: TODAY });
      expect(checkRoot(dir, { cwd: FIXTURES, today: TODAY }).diagnostics, name).toEqual(whole.diagnostics);
      expect(validateRoot(dir, { cwd: FIXTURES, today: TODAY, keep: 'figures' }).diagnostics, name).toEqual(whole.diagnostics);
    }
  });

  it('keeps no text and no title of a file without problems, and reads them again when asked', () => {
    const loaded = load(diskSource(made.dir, {}), { keep: 'facts' });
    const whole = load(diskSource(made.dir, {}));
    const clean = loaded.files.find((f: { path: string }) => f.path.endsWith('P01.yaml'))!;
    expect(Object.keys(clean)).not.toContain('text');
    expect(Object.keys(clean)).not.toContain('data');
    expect(clean.facts).not.toHaveProperty('title');
    expect(clean.facts).toHaveProperty('status');
    const wholeP01 = whole.files.find((f: { path: string }) => f.path.endsWith('P01.yaml'))!;
    expect(clean.text).toBe(readFileSync(clean.path, 'utf8'));
    expect(clean.data).toEqual(wholeP01.data);
    expect(loaded.data).toEqual(whole.data);
    // a file with problems of its own is kept whole
    const broken = load(diskSource(join(FIXTURES, 'invalid-schema'), {}), { keep: 'facts' }).files.filter((f) => f.kind === 'project' && !f.valid);
    expect(broken.length).toBeGreaterThan(0);
    for (const f of broken) expect([Object.keys(f), f.facts]).toEqual([expect.arrayContaining(['text', 'data']), undefined]);
    // a file the rules find something in is read again for its positions: the same as from the whole load
    expect(checkLoaded(loaded, { cwd: made.dir, today: TODAY }).diagnostics).toEqual(checkLoaded(whole, { cwd: made.dir, today: TODAY }).diagnostics);
  });

  it('report and the other data commands keep the data but not the texts, and read a text again when asked', () => {
    const whole = load(diskSource(made.dir, {}));
    const light = load(diskSource(made.dir, {}), { keep: 'data' });
    expect(light.data).toEqual(whole.data);
    const p01 = light.files.find((f) => f.path.endsWith('P01.yaml'))!;
    expect(Object.keys(p01)).not.toContain('text');
    // the DataSet holds the very data the file holds
    expect(light.data.plans.flatMap((p) => p.projects).find((r) => r.file === p01.path)!.project).toBe(p01.data);
    expect(p01.text).toBe(readFileSync(p01.path, 'utf8'));
    expect(validateRoot(made.dir, { cwd: made.dir, today: TODAY, keep: 'data' }).diagnostics).toEqual(validateRoot(made.dir, { cwd: made.dir, today: TODAY }).diagnostics);
  });

  it('report, list and paper keep the data without notes and sources, every string a copy of its own', () => {
    const whole = load(diskSource(EMBEDDED, {}));
    const figures = load(diskSource(EMBEDDED, {}), { keep: 'figures' });
    const withoutNotes = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(withoutNotes) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'note' && k !== 'source').map(([k, x]) => [k, withoutNotes(x)])) : v;
    const projects = (root: typeof whole) => root.data.plans.flatMap((p) => p.projects.map((r) => r.project));
    expect(projects(whole).some((p) => p.note !== undefined && p.status.some((e) => e.note !== undefined))).toBe(true);
    expect(projects(figures)).toEqual(projects(whole).map(withoutNotes));
    expect(figures.data.plans.map((p) => p.plan)).toEqual(whole.data.plans.map((p) => p.plan));
    expect(figures.data.meetings).toEqual(whole.data.meetings);
  });

  it('a file changed since it was loaded on demand is read as it is now, and one that no longer holds a project is left out of the data', () => {
    const t = copyRoot(EMBEDDED);
    try {
      const loaded = load(diskSource(t.dir, {}), { keep: 'facts' });
      const file = loaded.files.find((f) => f.path.endsWith('P01.yaml'))!;
      writeFileSync(file.path, 'id: [\n');
      expect(file.text).toBe('id: [\n');
      expect(loaded.data.plans.flatMap((p) => p.projects).some((r) => r.file === file.path)).toBe(false);
      expect(loaded.data.plans.flatMap((p) => p.projects).length).toBeGreaterThan(20);
    } finally {
      t.cleanup();
    }
  });
});
