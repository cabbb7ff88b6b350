/**
 * Managing plans across the 2025→2026 changeover, run in-process as a user
 * would: init --from-shipped, plan add, project set, plan carry-over.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { validateRoot } from '../../src/core/validate.js';
import { copyRoot, tempDir } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function accsm(args: string[], cwd: string, today = '2026-12-01') {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { NO_COLOR: '1', ACCSM_TODAY: today },
    cwd,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    now: () => new Date(`${today}T12:00:00Z`),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

function root(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  return r.dir;
}

const P07 = (dir: string) => join(dir, 'plans', 'accsm-2021-2025', 'projects', 'P07.yaml');

describe('accsm plan carry-over', () => {
  it('carries the 24 unfinished projects of 2021-2025 into 2026-2030, each valid and linked to its origin, the old plan untouched', async () => {
    const dir = root();
    const oldFiles = readdirSync(join(dir, 'plans', 'accsm-2021-2025', 'projects')).map((f) => readFileSync(join(dir, 'plans', 'accsm-2021-2025', 'projects', f), 'utf8'));
    const r = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--data', dir], dir);
    expect(r.stderr).toContain('carried over 24 projects from accsm-2021-2025 into accsm-2026-2030');
    expect(r.code).toBe(0);
    const check = validateRoot(dir, { cwd: dir, today: '2026-12-01' });
    expect(check.diagnostics).toEqual([]);
    const next = check.loaded.data.plans.find((p) => p.plan.id === 'accsm-2026-2030')!;
    const old = check.loaded.data.plans.find((p) => p.plan.id === 'accsm-2021-2025')!;
    expect(next.projects).toHaveLength(24);
    for (const { project } of next.projects) {
      const origin = old.projects.find((o) => o.project.id === project.carried_from!.id)!.project;
      expect(project.carried_from!.plan).toBe('accsm-2021-2025');
      expect(project.title).toBe(origin.title);
      expect(project.lead).toEqual(origin.lead);
      expect(project.priority_areas).toEqual(origin.priority_areas);
      expect(project.status).toHaveLength(1);
      expect(project.status[0]!.date).toBe('2026-12-01');
      expect(project.status[0]!.status).toBe(origin.status[origin.status.length - 1]!.status);
      expect(['completed', 'cancelled']).not.toContain(project.status[0]!.status);
      expect(project.illustrative).toBe(origin.illustrative);
    }
    // ids are new and unique across the whole root
    const all = check.loaded.data.plans.flatMap((p) => p.projects.map((x) => x.project.id));
    expect(new Set(all).size).toBe(all.length);
    expect(next.projects.map((x) => x.project.id)[0]).toBe('P32');
    const after = readdirSync(join(dir, 'plans', 'accsm-2021-2025', 'projects')).map((f) => readFileSync(join(dir, 'plans', 'accsm-2021-2025', 'projects', f), 'utf8'));
    expect(after).toEqual(oldFiles);
  });

  it('as of the old plan\'s last day, the entries are dated the new plan\'s first day, with no warning', async () => {
    const dir = root();
    const r = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--as-of', '2025-12-31', '--data', dir], dir);
    expect(r.code).toBe(0);
    const check = validateRoot(dir, { cwd: dir, today: '2026-12-01' });
    expect(check.diagnostics).toEqual([]);
    const next = check.loaded.data.plans.find((p) => p.plan.id === 'accsm-2026-2030')!;
    expect(next.projects).toHaveLength(24);
    expect(new Set(next.projects.map((x) => x.project.status[0]!.date))).toEqual(new Set(['2026-01-01']));
  });

  it('refuses to carry a project twice', async () => {
    const dir = root();
    expect((await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--only', 'P02', '--data', dir], dir)).code).toBe(0);
    const again = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--only', 'P02', '--data', dir], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('accsm: P02 of accsm-2021-2025 was carried over already, as P32 of accsm-2026-2030; leave it out with --only, or remove P32 first\n');
  });

  it('as of a meeting carries the statuses in force then', async () => {
    const dir = root();
    const r = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--as-of', 'som-21', '--only', 'P01,P02', '--dry-run', '--data', dir], dir);
    expect(r.code).toBe(0);
    // P01 was completed at som-21: only P02 goes; it enters the new plan on its first day, so the 2022 meeting is not named
    expect(r.stdout).toContain('+  - date: 2026-01-01\n+    status: ongoing\n');
    expect(r.stdout).not.toContain('meeting: som-21');
    expect(r.stdout.match(/^\+\+\+ /gm)).toHaveLength(1);
    expect(r.stderr).toContain('dry run: nothing written');
  });

  it('a priority area the new plan lacks is refused with the choices, and --map-area maps it', async () => {
    const dir = root();
    const plan = join(dir, 'plans', 'accsm-2026-2030', 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('id: resource-centres', 'id: arcs'));
    const refused = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--data', dir], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^accsm: accsm-2026-2030 has no priority area "resource-centres" \(P\d\d(, P\d\d)*\); map each with --map-area OLD=NEW, choosing from competencies, institutions, leadership, arcs, reform\. Nothing was written\n$/);
    expect(readdirSync(join(dir, 'plans', 'accsm-2026-2030'))).toEqual(['plan.yaml']);
    const mapped = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--map-area', 'resource-centres=arcs', '--data', dir], dir);
    expect(mapped.code).toBe(0);
    expect(validateRoot(dir, { cwd: dir, today: '2026-12-01' }).diagnostics).toEqual([]);
    const bad = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--map-area', 'resource-centres', '--data', dir], dir);
    expect(bad.stderr).toContain('--map-area "resource-centres" is not OLD=NEW');
  });
});

describe('after a carry-over', () => {
  // one root for the block (root() is removed after each test)
  const copy = copyRoot();
  const dir = copy.dir;
  afterAll(() => copy.cleanup());
  beforeAll(async () => {
    const r = await accsm(['plan', 'carry-over', '--from', 'accsm-2021-2025', '--to', 'accsm-2026-2030', '--as-of', '2026-01-01', '--data', dir], dir);
    expect(r.code).toBe(0);
  });

  it('show names the other project of the carry-over, in text, markdown and json', async () => {
    const p32 = await accsm(['show', 'P32', '--data', dir], dir);
    expect(p32.code).toBe(0);
    expect(p32.stdout).toMatch(/^Carried over +from P02 \(ACCSM Work Plan 2021-2025\)$/m);
    const p02 = await accsm(['show', 'P02', '--data', dir, '--format', 'markdown'], dir);
    expect(p02.stdout).toContain('| Carried over | to P32 (ASEAN Civil Service Plan 2026-2030) |');
    const json = JSON.parse((await accsm(['show', 'P02', '--data', dir, '--format', 'json'], dir)).stdout);
    expect(json.carriedTo).toEqual([{ plan: 'accsm-2026-2030', planTitle: 'ASEAN Civil Service Plan 2026-2030', id: 'P32' }]);
    expect(json.carriedFrom).toBeNull();
    const from = JSON.parse((await accsm(['show', 'P32', '--data', dir, '--format', 'json'], dir)).stdout);
    expect(from.carriedFrom).toEqual({ plan: 'accsm-2021-2025', planTitle: 'ACCSM Work Plan 2021-2025', id: 'P02' });
    // a project that was not carried over names nothing
    expect((await accsm(['show', 'P07', '--data', dir], dir)).stdout).not.toContain('Carried over');
  });

  it('the report and the paper of the new plan say how many projects were carried over; the old plan says nothing of it', async () => {
    const json = JSON.parse((await accsm(['report', '--data', dir, '--format', 'json'], dir)).stdout);
    const next = json.plans.find((p: { id: string }) => p.id === 'accsm-2026-2030');
    expect(next.carriedOver).toEqual([{ from: 'accsm-2021-2025', title: 'ACCSM Work Plan 2021-2025', count: 24 }]);
    expect(next.total).toBe(24);
    expect(json.plans.find((p: { id: string }) => p.id === 'accsm-2021-2025').carriedOver).toEqual([]);
    const table = await accsm(['report', '--data', dir, '--plan', 'accsm-2026-2030'], dir);
    expect(table.stdout).toContain('24 of these 24 projects were carried over from the ACCSM Work Plan 2021-2025 (accsm-2021-2025).');
    const md = await accsm(['report', '--data', dir, '--plan', 'accsm-2026-2030', '--format', 'markdown'], dir);
    expect(md.stdout).toContain('24 of these 24 projects were carried over from the ACCSM Work Plan 2021-2025 (accsm-2021-2025).');
    const old = await accsm(['report', '--data', dir, '--plan', 'accsm-2021-2025'], dir);
    expect(old.stdout).not.toContain('carried over');
    const paper = await accsm(['paper', '--data', dir, '--plan', 'accsm-2026-2030'], dir);
    expect(paper.code).toBe(0);
    expect(paper.stdout).toContain('24 of its 24 projects/activities were carried over from the ACCSM Work Plan 2021-2025.');
    // before the carried projects entered the plan, nothing is counted, so nothing was carried over yet
    const before = JSON.parse((await accsm(['report', '--data', dir, '--plan', 'accsm-2026-2030', '--as-of', '2025-12-31', '--format', 'json'], dir)).stdout);
    expect(before.plans[0].carriedOver).toEqual([]);
  });
});

describe('accsm project set', () => {
  it('changes only the lines of the keys it sets, keeping comments and every other byte', async () => {
    const dir = root();
    const file = P07(dir);
    const before = readFileSync(file, 'utf8').replace('lead:\n', '# who leads it\nlead:\n') + '# a closing comment\n';
    writeFileSync(file, before);
    const r = await accsm(['project', 'set', 'P07', '--lead', 'VN', 'SG', '--schedule', '2022..2024-06', '--data', dir], dir);
    expect(r.stderr).toBe('accsm: changed lead, schedule of P07 in plans/accsm-2021-2025/projects/P07.yaml\n');
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# who leads it\nlead:\n  - VN\n  - SG\nschedule:\n  start: 2022\n  end: 2024-06\nstatus:');
    expect(after.endsWith('# a closing comment\n')).toBe(true);
    expect(after.replace(/lead:\n(  - .*\n)+schedule:\n(  .*\n)+/, '')).toBe(before.replace(/lead:\n(  - .*\n)+/, ''));
  });

  it('--no-partners removes the key; a flow list stays a flow list', async () => {
    const dir = root();
    const file = P07(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/lead:\n  - ASEC\n/, 'lead: [ASEC]\npartners: [SG]\n'));
    expect((await accsm(['project', 'set', 'P07', '--lead', 'TH', 'MY', '--data', dir], dir)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('lead: [ TH, MY ]\npartners: [SG]\n');
    expect((await accsm(['project', 'set', 'P07', '--no-partners', '--data', dir], dir)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('partners');
  });

  it('refuses a change that would make the file invalid, and writes nothing', async () => {
    const dir = root();
    const before = readFileSync(P07(dir), 'utf8');
    const r = await accsm(['project', 'set', 'P07', '--area', 'no-such-area', '--data', dir], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing written');
    expect(readFileSync(P07(dir), 'utf8')).toBe(before);
  });

  it('with nothing to change is a usage error', async () => {
    const dir = root();
    const r = await accsm(['project', 'set', 'P07', '--data', dir], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('accsm: nothing to change; give at least one of --title, --area, --lead, --partner, --no-partners, --schedule (see accsm project set --help)\n');
  });
});

describe('accsm plan add', () => {
  it('creates a plan that validates, and refuses one that exists', async () => {
    const dir = root();
    const r = await accsm(['plan', 'add', '--id', 'accsm-2031-2035', '--title', 'ASEAN Civil Service Plan 2031-2035', '--period', '2031..2035', '--area', 'reform=Public sector reform', '--area', 'leadership=Transformative leadership', '--data', dir], dir);
    expect(r.code).toBe(0);
    const check = validateRoot(dir, { cwd: dir, today: '2026-12-01' });
    expect(check.diagnostics).toEqual([]);
    const plan = check.loaded.data.plans.find((p) => p.plan.id === 'accsm-2031-2035')!.plan;
    expect(plan).toMatchObject({ body: 'ACCSM', period: { start: 2031, end: 2035 }, priority_areas: [{ id: 'reform', title: 'Public sector reform' }, { id: 'leadership', title: 'Transformative leadership' }] });
    const again = await accsm(['plan', 'add', '--id', 'accsm-2031-2035', '--title', 'x', '--period', '2031..2035', '--area', 'a=A', '--data', dir], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('plan accsm-2031-2035 already exists');
  });

  it.each([
    [['--period', '2035..2031'], '--period "2035..2031" ends before it starts'],
    [['--period', '2031'], '--period "2031" is not FIRST..LAST'],
    [['--area', 'Reform'], '--area "Reform" is not ID=TITLE'],
    [['--id', 'Plan 2031'], '--id "Plan 2031" is not a valid plan id'],
  ])('%j is a usage error that says what is allowed', async (flags, message) => {
    const dir = root();
    const base: Record<string, string> = { '--id': 'p-2031', '--title': 'T', '--period': '2031..2035', '--area': 'a=A' };
    for (let i = 0; i < flags.length; i += 2) base[flags[i]!] = flags[i + 1]!;
    const r = await accsm(['plan', 'add', ...Object.entries(base).flat(), '--data', dir], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('accsm init --from-shipped', () => {
  it('starts a data root from the shipped data, schemas pointing into the new root, and it validates', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r = await accsm(['init', 'mydata', '--from-shipped'], t.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('from the shipped ACCSM data: meetings.yaml, 3 plans with 31 projects');
    const dir = join(t.dir, 'mydata');
    expect(readFileSync(join(dir, 'plans', 'accsm-2021-2025', 'projects', 'P01.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/project.schema.json');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('illustrative');
    const check = validateRoot(dir, { cwd: dir, today: '2026-12-01' });
    expect(check.diagnostics).toEqual([]);
    expect(check.loaded.data.plans.flatMap((p) => p.projects)).toHaveLength(31);
  });
});
