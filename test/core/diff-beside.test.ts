/**
 * diff loads its second side beside its first (src/core/diff-load.ts): a file
 * with the same text at the same place is taken from the first side, the rules
 * check again only the files whose findings can differ, and a project the same
 * on both sides is one object. Each case here compares that with two loads of
 * their own (validateRoot on each side, the whole DataSets): the diagnostics
 * of each side and the Diff must be equal, on roots that differ in a few files.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDiff, type DiffData, type DiffSide } from '../../src/core/diff.js';
import { checkSide, diffData, filesByPath, foundBeside, type CheckedSide } from '../../src/core/diff-load.js';
import { locateInRepo, resolveRevision, revisionSide } from '../../src/core/git.js';
import { assemble, type SourceFile } from '../../src/core/load.js';
import { rootSource, validateRoot, type CheckResult } from '../../src/core/validate.js';
import { cli, gitIn, tempDir } from '../helpers.js';

const TODAY = '2026-11-23';

const project = (id: string, lines: string[] = []) =>
  [`id: ${id}`, `title: Project ${id}`, 'priority_areas: [a1]', 'lead: [MY]', ...lines, 'status:', '  - date: 2021-03-01', '    status: planned', '    meeting: m1', '  - date: 2022-06-01', '    status: ongoing', ''].join('\n');

/** A root of two plans, a meetings file, and 24 projects: one carried over, one with a warning (a date in the future), two holding one id. */
function baseRoot(dir: string): void {
  const put = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  put('meetings.yaml', '- id: m1\n  name: First meeting\n  date: 2021-03-01\n- id: m2\n  name: Second meeting\n  date: 2023-08-01\n');
  for (const [plan, start, areas] of [['plan-a', 2016, ['a1', 'a2']], ['plan-b', 2021, ['a1', 'b1']]] as const) {
    put(
      `plans/${plan}/plan.yaml`,
      [`id: ${plan}`, 'body: ACCSM', `title: Plan ${plan}`, 'period:', `  start: ${start}`, `  end: ${start + 9}`, 'priority_areas:', ...areas.flatMap((a) => [`  - id: ${a}`, `    title: Area ${a}`]), ''].join('\n'),
    );
  }
  for (let i = 1; i <= 12; i++) put(`plans/plan-a/projects/P${i}.yaml`, project(`P${i}`));
  for (let i = 1; i <= 10; i++) put(`plans/plan-b/projects/B${i}.yaml`, project(`B${i}`));
  put('plans/plan-b/projects/B11.yaml', project('B11', ['carried_from: {plan: plan-a, id: P3}']));
  put('plans/plan-b/projects/B12.yaml', project('B12').replace('2022-06-01', '2027-01-05'));
  // two files of one id, on both sides: an error on the later one
  put('plans/plan-b/projects/B13.yaml', project('B2'));
}

/** Each case: what the second side changes (the first side is baseRoot). */
const CASES: Record<string, (dir: string) => void> = {
  'nothing (a copy)': () => {},
  'a status added to one project': (d) => writeFileSync(join(d, 'plans/plan-a/projects/P2.yaml'), project('P2') + '  - date: 2024-01-10\n    status: completed\n    meeting: m2\n'),
  'a note changed': (d) => writeFileSync(join(d, 'plans/plan-a/projects/P4.yaml'), project('P4', ['note: a note'])),
  'a project added': (d) => writeFileSync(join(d, 'plans/plan-a/projects/P13.yaml'), project('P13')),
  'a project removed': (d) => rmSync(join(d, 'plans/plan-a/projects/P5.yaml')),
  'a project that breaks its YAML': (d) => writeFileSync(join(d, 'plans/plan-a/projects/P6.yaml'), 'id: P6\ntitle: [unclosed\n'),
  'a project that fails its schema': (d) => writeFileSync(join(d, 'plans/plan-a/projects/P7.yaml'), project('P7').replace('status: ongoing', 'status: finished')),
  'the same bytes moved to another plan': (d) => renameSync(join(d, 'plans/plan-a/projects/P8.yaml'), join(d, 'plans/plan-b/projects/P8.yaml')),
  'the same bytes under another name': (d) => renameSync(join(d, 'plans/plan-a/projects/P9.yaml'), join(d, 'plans/plan-a/projects/P99.yaml')),
  "a changed project takes an unchanged one's id": (d) => writeFileSync(join(d, 'plans/plan-a/projects/P1.yaml'), project('P10')),
  'an added project in a folder listed earlier takes an id': (d) => {
    mkdirSync(join(d, 'plans/plan-0/projects'), { recursive: true });
    cpSync(join(d, 'plans/plan-a/plan.yaml'), join(d, 'plans/plan-0/plan.yaml'));
    writeFileSync(join(d, 'plans/plan-0/plan.yaml'), 'id: plan-0\nbody: ACCSM\ntitle: Plan 0\nperiod:\n  start: 2016\n  end: 2025\npriority_areas:\n  - id: a1\n    title: Area a1\n');
    writeFileSync(join(d, 'plans/plan-0/projects/X1.yaml'), project('P11'));
  },
  'the duplicate id resolved': (d) => rmSync(join(d, 'plans/plan-b/projects/B2.yaml')),
  'the project carried from removed': (d) => rmSync(join(d, 'plans/plan-a/projects/P3.yaml')),
  'the project carried from changed in place': (d) => writeFileSync(join(d, 'plans/plan-a/projects/P3.yaml'), project('P3', ['note: changed'])),
  'a meeting removed': (d) => writeFileSync(join(d, 'meetings.yaml'), '- id: m2\n  name: Second meeting\n  date: 2023-08-01\n'),
  'the meetings file removed': (d) => rmSync(join(d, 'meetings.yaml')),
  'an area removed from a plan': (d) => writeFileSync(join(d, 'plans/plan-a/plan.yaml'), 'id: plan-a\nbody: ACCSM\ntitle: Plan plan-a\nperiod:\n  start: 2016\n  end: 2025\npriority_areas:\n  - id: a2\n    title: Area a2\n'),
  "a plan's period moved (dates now outside it)": (d) => writeFileSync(join(d, 'plans/plan-b/plan.yaml'), 'id: plan-b\nbody: ACCSM\ntitle: Plan plan-b\nperiod:\n  start: 2022\n  end: 2030\npriority_areas:\n  - id: a1\n    title: Area a1\n  - id: b1\n    title: Area b1\n'),
  'a plan.yaml that breaks': (d) => writeFileSync(join(d, 'plans/plan-b/plan.yaml'), 'id: plan-b\ntitle: [\n'),
  'a plan folder removed': (d) => rmSync(join(d, 'plans/plan-a'), { recursive: true }),
};

/** How the command describes a side (its unreadable files as the command lists them). */
function sideOf(label: string, root: string, result: CheckResult & { loaded: { files: readonly SourceFile[] } }): DiffSide {
  const unreadable = result.loaded.files.filter((f) => f.kind !== 'other' && !f.valid).map((f) => relative(root, f.path).split(sep).join('/'));
  return { label, errors: result.errors, warnings: result.warnings, unreadable };
}

const opts = (cwd: string) => ({ cwd, today: TODAY });

/** Two loads of their own, as diff did before it loaded a side beside the other. */
function plain(a: string, b: string) {
  const first = validateRoot(a, opts(a));
  const second = validateRoot(b, opts(a));
  const diff = computeDiff(first.loaded.data, second.loaded.data, { asOf: TODAY, base: sideOf('a', a, first), head: sideOf('b', b, second) });
  return { first, second, diff };
}

/** The second side beside the first, as the command loads them. */
function beside(a: string, b: string) {
  const first = checkSide(rootSource(a, a), opts(a));
  const side: CheckedSide = { loaded: first.loaded, findings: first.findings, files: filesByPath(first.loaded) };
  const second = checkSide(rootSource(b, a), opts(a), { first: side });
  const data = diffData(side, second.loaded);
  const diff = computeDiff(data.base, data.head, { asOf: TODAY, base: sideOf('a', a, first), head: sideOf('b', b, second) });
  return { first, second, side, data, diff };
}

/** The projects the two sides hold apart as one object (the same on both sides). */
function shared(data: { base: DiffData; head: DiffData }): number {
  const before = new Set(data.base.plans.flatMap((p) => p.same ?? []));
  return data.head.plans.flatMap((p) => p.same ?? []).filter((r) => before.has(r)).length;
}

let tmp: { dir: string; cleanup: () => void };
let base: string;

beforeAll(() => {
  tmp = tempDir('accsm-diff-beside-');
  base = join(tmp.dir, 'base');
  baseRoot(base);
});

afterAll(() => tmp.cleanup());

describe('diff beside the first side: the same as two loads of their own', () => {
  it('the base root has what the cases need: a warning, a duplicate id, a carried-over project', () => {
    const r = validateRoot(base, opts(base));
    expect(r.diagnostics.map((d) => `${d.file} ${d.code}`).sort()).toEqual([
      'plans/plan-b/projects/B12.yaml date-future',
      'plans/plan-b/projects/B13.yaml id-mismatch',
      // B13 comes before B2 in the layout's order: the later one is the duplicate
      'plans/plan-b/projects/B2.yaml id-duplicate',
    ]);
  });

  for (const [name, change] of Object.entries(CASES)) {
    it(`${name}: each side's diagnostics and the diff, both ways`, () => {
      const head = join(tmp.dir, name.replace(/[^a-z0-9]+/gi, '-'));
      cpSync(base, head, { recursive: true });
      change(head);
      for (const [a, b] of [
        [base, head],
        [head, base],
      ] as const) {
        const want = plain(a, b);
        const got = beside(a, b);
        expect(got.first.diagnostics).toEqual(want.first.diagnostics);
        expect(got.second.diagnostics).toEqual(want.second.diagnostics);
        expect([got.second.errors, got.second.warnings]).toEqual([want.second.errors, want.second.warnings]);
        expect(got.diff).toEqual(want.diff);
        // and it did take the unchanged files from the first side
        expect(shared(got.data)).toBeGreaterThan(10);
      }
    });
  }

  it('checks again only the files a change can reach', () => {
    const head = join(tmp.dir, 'one-note');
    cpSync(base, head, { recursive: true });
    CASES['a note changed']!(head);
    const { second, side } = beside(base, head);
    const before = foundBeside(second.loaded, side)!;
    // the changed file, and the two files of one id (which one is the duplicate depends on the others)
    expect([...before.changed].map((f) => relative(head, f.path).split(sep).join('/'))).toEqual(['plans/plan-a/projects/P4.yaml', 'plans/plan-b/projects/B13.yaml', 'plans/plan-b/projects/B2.yaml']);
    // the finding on an unchanged file is the first side's
    expect([...before.findings.values()].flat().map((d) => d.code)).toEqual(['date-future']);
    // a meetings file that changed: every project is checked
    const moved = join(tmp.dir, 'meetings-changed');
    cpSync(base, moved, { recursive: true });
    CASES['a meeting removed']!(moved);
    expect(foundBeside(beside(base, moved).second.loaded, side)).toBeUndefined();
  });

  it('a project the same on both sides is held apart as its facts, never read whole, unless its id is held twice', () => {
    const head = join(tmp.dir, 'same-unread');
    cpSync(base, head, { recursive: true });
    const { data } = beside(base, head);
    // all but the two files of one id (B2 and B13), which are compared
    expect(shared(data)).toBe(23);
    const plan = data.base.plans.find((p) => p.plan.id === 'plan-a')!;
    // nothing of plan-a is compared: all its projects are held apart, in the headline only
    expect(plan.projects).toEqual([]);
    expect(plan.same!.map((r) => r.id).sort()).toEqual(['P1', 'P10', 'P11', 'P12', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
    // what the rules read of it (its facts), not its data: no title
    expect(plan.same![0]).toMatchObject({ id: 'P1', status: [{ date: '2021-03-01', status: 'planned' }, { date: '2022-06-01', status: 'ongoing' }] });
    expect(plan.same![0]).not.toHaveProperty('title');
  });
});

describe('the command, end to end', () => {
  it('prints for two folders what two loads of their own give, in JSON', async () => {
    const head = join(tmp.dir, 'cli');
    cpSync(base, head, { recursive: true });
    CASES['a status added to one project']!(head);
    CASES['a project added']!(head);
    CASES['a project that breaks its YAML']!(head);
    CASES['a meeting removed']!(head);
    const r = await cli(['diff', base, head, '--format', 'json'], { cwd: tmp.dir, env: { ACCSM_TODAY: TODAY } });
    const want = plain(base, head).diff;
    const got = JSON.parse(r.stdout);
    expect({ ...got, base: { ...got.base, label: 'a' }, head: { ...got.head, label: 'b' } }).toEqual(JSON.parse(JSON.stringify(want)));
    expect(got.plans.find((p: { id: string }) => p.id === 'plan-a').projectsAdded.map((p: { id: string }) => p.id)).toEqual(['P13']);
  });
});

describe('two revisions: blobs that are the same are not read, and the rules reuse the first side', () => {
  let repo: { dir: string; cleanup: () => void };
  beforeAll(() => {
    repo = tempDir('accsm-diff-beside-git-');
    gitIn(repo.dir, 'init', '-q');
    baseRoot(join(repo.dir, 'data'));
    gitIn(repo.dir, 'add', '-A');
    gitIn(repo.dir, 'commit', '-q', '-m', 'base');
    CASES["a changed project takes an unchanged one's id"]!(join(repo.dir, 'data'));
    CASES['a project removed']!(join(repo.dir, 'data'));
    gitIn(repo.dir, 'add', '-A');
    gitIn(repo.dir, 'commit', '-q', '-m', 'head');
  });
  afterAll(() => repo.cleanup());

  it('gives what two loads of their own give', () => {
    const root = join(repo.dir, 'data');
    const loc = locateInRepo(root)!;
    const load = (name: string, first?: CheckedSide & { objects: ReadonlyMap<string, string> }) => {
      const earlier = first && new Map([...first.files].map(([rel, file]) => [rel, { object: first.objects.get(rel)!, file }] as const));
      const side = revisionSide(loc, resolveRevision(loc.top, name), root, earlier);
      const result = checkSide(side.source, opts(root), { whole: true, reuse: side.reuse, ...(first ? { first } : {}) });
      return { result, objects: side.objects, reused: side.reuse.size };
    };
    const one = load('HEAD~1');
    const first = { loaded: one.result.loaded, findings: one.result.findings, files: filesByPath(one.result.loaded), objects: one.objects };
    const two = load('HEAD', first);
    expect(two.reused).toBe(26);
    const alone = load('HEAD');
    expect(two.result.diagnostics).toEqual(alone.result.diagnostics);
    expect(two.result.diagnostics.map((d) => d.code)).toContain('id-duplicate');
    const data = diffData(first, two.result.loaded);
    const o = { asOf: TODAY, base: sideOf('a', root, one.result), head: sideOf('b', root, two.result) };
    expect(computeDiff(data.base, data.head, o)).toEqual(computeDiff(assemble(root, one.result.loaded.files), assemble(root, alone.result.loaded.files), o));
  });
});

