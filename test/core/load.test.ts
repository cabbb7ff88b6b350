/** Loading a data root: which files are found, what they become, what is refused. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { cmp, isDataRoot, loadRoot } from '../../src/core/load.js';
import { validateRoot } from '../../src/core/validate.js';
import { EMBEDDED, FIXTURES, REPO, copyRoot, tempDir } from '../helpers.js';

const MINIMAL = join(FIXTURES, 'valid-minimal');
const PLAN = join(MINIMAL, 'plans', 'demo-2021-2025');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function temp() {
  const t = copyRoot(MINIMAL);
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('loadRoot on valid-minimal', () => {
  const loaded = loadRoot(MINIMAL);

  it('finds meetings.yaml, the plan and its four projects, in order, all valid', () => {
    expect(loaded.files.map((f) => [f.kind, f.path.slice(MINIMAL.length + 1), f.valid, f.diagnostics.length])).toEqual([
      ['meetings', 'meetings.yaml', true, 0],
      ['plan', 'plans/demo-2021-2025/plan.yaml', true, 0],
      ['project', 'plans/demo-2021-2025/projects/D1.yaml', true, 0],
      ['project', 'plans/demo-2021-2025/projects/D2.yaml', true, 0],
      ['project', 'plans/demo-2021-2025/projects/D3.yaml', true, 0],
      ['project', 'plans/demo-2021-2025/projects/D4.yaml', true, 0],
    ]);
  });

  it('gives ids expected from the file and folder names', () => {
    const d1 = loaded.files.find((f) => f.path.endsWith('D1.yaml'))!;
    expect([d1.expectedId, d1.planId]).toEqual(['D1', 'demo-2021-2025']);
    const plan = loaded.files.find((f) => f.kind === 'plan')!;
    expect([plan.expectedId, plan.planId]).toEqual(['demo-2021-2025', 'demo-2021-2025']);
  });

  it('assembles the DataSet: meetings, plan, projects with their histories; YAML 1.2 keeps dates as text', () => {
    const { data } = loaded;
    expect(data.root).toBe(MINIMAL);
    expect(data.meetingsFile).toBe(join(MINIMAL, 'meetings.yaml'));
    expect(data.meetings.map((m) => [m.id, m.date, m.end, m.body, m.host])).toEqual([
      ['som-1', '2021-09-14', undefined, 'ACCSM', 'MY'],
      ['som-2', '2022-08-03', '2022-08-05', 'ACCSM', 'VN'],
      ['som3-1', '2023-06-20', undefined, 'ACCSM+3', 'JP'],
    ]);
    expect(data.plans).toHaveLength(1);
    const [plan] = data.plans;
    expect(plan!.plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan!.plan.priority_areas.map((a) => a.id)).toEqual(['people', 'systems']);
    expect(plan!.projects.map((p) => p.project.id)).toEqual(['D1', 'D2', 'D3', 'D4']);
    const d1 = plan!.projects[0]!.project;
    expect(d1.lead).toEqual(['MY', 'SG']);
    expect(d1.partners).toEqual(['JP', 'ASEC']);
    expect(d1.schedule).toEqual({ start: '2021-09', end: '2023' });
    expect(d1.status.map((s) => `${s.date} ${s.status} ${s.meeting ?? '-'}`)).toEqual([
      '2021-09-14 planned som-1',
      '2022-08-03 ongoing som-2',
      '2023-06-20 completed -',
    ]);
    const d2 = plan!.projects[1]!.project;
    expect(d2.status.at(-1)).toEqual({ date: '2023-06-20', status: 'cancelled', note: 'Cancelled: funding withdrawn.' });
  });
});

describe('loadRoot on the embedded data', () => {
  it('loads three plans and the 31 projects of the Work Plan 2021-2025 without problems', () => {
    const { data, files } = loadRoot(EMBEDDED);
    expect(files.every((f) => f.valid && f.diagnostics.length === 0)).toBe(true);
    expect(data.plans.map((p) => p.plan.id)).toEqual(['accsm-2021-2025', 'accsm-2026-2030', 'accsm-plus-3-2021-2025']);
    expect(data.plans[0]!.projects).toHaveLength(31);
    expect(data.plans[0]!.projects.map((p) => p.project.id).slice(0, 3)).toEqual(['P01', 'P02', 'P03']);
  });
});

describe('what loadRoot refuses (UserError, exit 2)', () => {
  it('a folder that does not exist', () => {
    expect(() => loadRoot(join(REPO, 'no-such-folder'))).toThrow(UserError);
    expect(() => loadRoot(join(REPO, 'no-such-folder'))).toThrow(/cannot read the data root .*no-such-folder/);
  });
  it('a file', () => {
    expect(() => loadRoot(join(MINIMAL, 'meetings.yaml'))).toThrow(/is not a folder/);
  });
  it('a folder that is not a data root', () => {
    expect(() => loadRoot(join(REPO, 'test'))).toThrow(/is not an accsm data root: it holds neither plans\/ nor meetings.yaml/);
  });
});

describe('discovery', () => {
  it('isDataRoot: plans/ or meetings.yaml', () => {
    expect(isDataRoot(MINIMAL)).toBe(true);
    expect(isDataRoot(PLAN)).toBe(false);
    const t = tempDir();
    cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'meetings.yaml'), '[]\n');
    expect(isDataRoot(t.dir)).toBe(true);
  });

  it('ignores hidden files and files that are not YAML in projects/', () => {
    const dir = temp();
    const projects = join(dir, 'plans', 'demo-2021-2025', 'projects');
    writeFileSync(join(projects, '.D9.yaml'), 'not: read\n');
    writeFileSync(join(projects, 'README.md'), '# notes\n');
    writeFileSync(join(projects, 'D9.txt'), 'id: D9\n');
    mkdirSync(join(dir, 'plans', '.hidden-plan'));
    const { files } = loadRoot(dir);
    expect(files.map((f) => f.path.slice(dir.length + 1))).not.toContain('plans/demo-2021-2025/projects/.D9.yaml');
    expect(files).toHaveLength(6);
  });

  it('reads .yml project files too', () => {
    const dir = temp();
    const projects = join(dir, 'plans', 'demo-2021-2025', 'projects');
    writeFileSync(join(projects, 'D9.yml'), 'id: D9\ntitle: t\npriority_areas: [people]\nlead: [BN]\nstatus: [{date: 2022-01-01, status: planned}]\n');
    const { data } = loadRoot(dir);
    expect(data.plans[0]!.projects.map((p) => p.project.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D9']);
  });

  it('a root with meetings.yaml only, or plans/ only, loads', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'meetings.yaml'), '- {id: m, name: M, date: 2022-01-01}\n');
    expect(loadRoot(t.dir).data.meetings).toHaveLength(1);
    const u = tempDir();
    cleanups.push(u.cleanup);
    mkdirSync(join(u.dir, 'plans'));
    expect(loadRoot(u.dir).files).toEqual([]);
  });
});

describe('only files that pass their schema reach the DataSet', () => {
  it('a project with a schema error is left out; the others stay', () => {
    const dir = temp();
    writeFileSync(join(dir, 'plans', 'demo-2021-2025', 'projects', 'D2.yaml'), 'id: D2\ntitle: t\n');
    const { data, files } = loadRoot(dir);
    expect(data.plans[0]!.projects.map((p) => p.project.id)).toEqual(['D1', 'D3', 'D4']);
    const d2 = files.find((f) => f.path.endsWith('D2.yaml'))!;
    expect(d2.valid).toBe(false);
    expect(d2.data).toEqual({ id: 'D2', title: 't' });
    expect(d2.diagnostics.map((d) => d.code)).toEqual(['schema-required', 'schema-required', 'schema-required']);
  });

  it('a plan with a schema error takes its projects out of the DataSet', () => {
    const dir = temp();
    writeFileSync(join(dir, 'plans', 'demo-2021-2025', 'plan.yaml'), 'id: demo-2021-2025\n');
    expect(loadRoot(dir).data.plans).toEqual([]);
  });
});

describe('overlay: the data as it would be after a change', () => {
  const d3 = join(PLAN, 'projects', 'D3.yaml');

  it('replaces a file text without touching the disk', () => {
    const overlay = new Map([[d3, 'id: D3\ntitle: Changed\npriority_areas: [people]\nlead: [ASEC]\nstatus: [{date: 2022-08-03, status: completed}]\n']]);
    const { data } = loadRoot(MINIMAL, { overlay });
    const p = data.plans[0]!.projects.find((x) => x.project.id === 'D3')!.project;
    expect(p.title).toBe('Changed');
    expect(p.status).toEqual([{ date: '2022-08-03', status: 'completed' }]);
    expect(loadRoot(MINIMAL).data.plans[0]!.projects.find((x) => x.project.id === 'D3')!.project.title).toBe('Exchange of officials');
  });

  it('null deletes a file', () => {
    const { data, files } = loadRoot(MINIMAL, { overlay: new Map([[d3, null]]) });
    expect(data.plans[0]!.projects.map((p) => p.project.id)).toEqual(['D1', 'D2', 'D4']);
    expect(files.some((f) => f.path === d3)).toBe(false);
  });

  it('adds a new project file, and its problems are reported at their lines', () => {
    const added = join(PLAN, 'projects', 'D5.yaml');
    const overlay = new Map([[added, 'id: D5\ntitle: New\npriority_areas: [nobody]\nlead: [BN]\nstatus: [{date: 2022-01-01, status: planned}]\n']]);
    const result = validateRoot(MINIMAL, { cwd: MINIMAL, today: '2026-11-23', overlay });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['plans/demo-2021-2025/projects/D5.yaml:3:18 area-unknown']);
    expect(result.loaded.data.plans[0]!.projects.map((p) => p.project.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
  });

  it('a new root made only of overlay files (accsm init) loads', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const overlay = new Map([[join(t.dir, 'meetings.yaml'), '- {id: m, name: M, date: 2022-01-01}\n']]);
    expect(loadRoot(t.dir, { overlay }).data.meetings.map((m) => m.id)).toEqual(['m']);
  });
});

describe('cmp: id order', () => {
  it('numbers inside ids compare as numbers', () => {
    expect(['P10', 'P2', 'P1', 'P02b'].sort(cmp)).toEqual(['P1', 'P2', 'P02b', 'P10']);
    expect(cmp('a', 'a')).toBe(0);
  });
});
