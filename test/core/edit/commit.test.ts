/** The edit pipeline on a copy of the embedded data: plan a change, validate the root as it would be, refuse, dry-run or write atomically. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/edit/atomic.js';
import { applyChanges, assertWritable, type EditOutcome } from '../../../src/core/edit/commit.js';
import { planMeetingAdd } from '../../../src/core/edit/meeting.js';
import { planProjectAdd } from '../../../src/core/edit/project.js';
import { planStatusSet } from '../../../src/core/edit/status.js';
import { UserError } from '../../../src/core/errors.js';
import { validateRoot } from '../../../src/core/validate.js';
import { copyRoot, EMBEDDED } from '../../helpers.js';

const TODAY = '2026-11-23';
const P07 = 'plans/accsm-2021-2025/projects/P07.yaml';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function root(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  return r.dir;
}

/** Every file under a folder with its bytes, to prove nothing else changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

function statusSet(dir: string, args: Partial<Parameters<typeof planStatusSet>[1]>, options: { dryRun?: boolean; writer?: (p: string, t: string) => void } = {}): EditOutcome {
  const before = validateRoot(dir, { cwd: dir, today: TODAY });
  const { change } = planStatusSet(before.loaded, { project: 'P07', status: 'completed', date: '2024-08-05', ...args }, dir);
  return applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: options.dryRun ?? false, writer: options.writer });
}

describe('status set', () => {
  it('records "P07 completed on 2024-08-05" as exactly two new lines, and the root still validates', () => {
    const dir = root();
    const original = readFileSync(join(dir, P07), 'utf8');
    const others = snapshot(dir);
    const outcome = statusSet(dir, {});
    expect(outcome.kind).toBe('written');
    const now = readFileSync(join(dir, P07), 'utf8');
    const lines = original.split('\n');
    const at = lines.indexOf('    meeting: som-21') + 1;
    expect(now).toBe([...lines.slice(0, at), '  - date: 2024-08-05', '    status: completed', ...lines.slice(at)].join('\n'));
    const after = snapshot(dir);
    others.delete(P07);
    after.delete(P07);
    expect(after).toEqual(others);
    expect(validateRoot(dir, { cwd: dir, today: TODAY }).errors).toBe(0);
  });

  it('refuses a date on or before the last entry with the date-order diagnostic, and leaves the file byte-identical', () => {
    const dir = root();
    const before = snapshot(dir);
    const outcome = statusSet(dir, { date: '2022-08-03' });
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.diagnostics.diagnostics.map((d) => [d.file, d.code, d.message])).toEqual([
      [P07, 'date-order', "status date 2022-08-03 is not after the previous entry's date 2022-08-03; entries must be in date order, each on a later date"],
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an unknown status with the validator\'s message, and an unknown meeting', () => {
    const dir = root();
    const before = snapshot(dir);
    const bad = statusSet(dir, { status: 'complete' });
    expect(bad.kind === 'refused' && bad.diagnostics.diagnostics[0]!.message).toBe('status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)');
    const meeting = statusSet(dir, { meeting: 'som-99' });
    expect(meeting.kind === 'refused' && meeting.diagnostics.diagnostics[0]!.code).toBe('meeting-unknown');
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves the original intact and no stray file when the write fails between write and rename', () => {
    const dir = root();
    const before = snapshot(dir);
    const error = thrown(() =>
      statusSet(dir, {}, {
        writer: (p, t) =>
          writeFileAtomic(p, t, {
            beforeRename: () => {
              throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
            },
          }),
      }),
    );
    expect(error.message).toBe(`could not write ${P07} (the disk is full); the file was left as it was`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('dry run: the diff of the new lines, nothing written', () => {
    const dir = root();
    const before = snapshot(dir);
    const outcome = statusSet(dir, {}, { dryRun: true });
    expect(outcome.kind).toBe('dry-run');
    expect(outcome.kind === 'dry-run' && outcome.diff.split('\n').filter((l) => /^[+-][^+-]/.test(l))).toEqual(['+  - date: 2024-08-05', '+    status: completed']);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to write a file that changed on disk after it was read', () => {
    const dir = root();
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    const { change } = planStatusSet(before.loaded, { project: 'P07', status: 'completed', date: '2024-08-05' }, dir);
    writeFileSync(join(dir, P07), `${change.before}# edited meanwhile\n`);
    expect(thrown(() => applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false })).message).toMatch(/changed on disk/);
    expect(readFileSync(join(dir, P07), 'utf8')).toBe(`${change.before}# edited meanwhile\n`);
  });

  it('names near matches for an unknown project, and the plans for an id in two plans', () => {
    const dir = root();
    const loaded = validateRoot(dir, { cwd: dir, today: TODAY }).loaded;
    const unknown = thrown(() => planStatusSet(loaded, { project: 'P7', status: 'ongoing', date: TODAY }, dir));
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toMatch(/^no project "P7" in any plan; near matches: P07 \(accsm-2021-2025\)/);
    mkdirSync(join(dir, 'plans/accsm-2026-2030/projects'));
    cpSync(join(dir, P07), join(dir, 'plans/accsm-2026-2030/projects/P07.yaml'));
    const twice = validateRoot(dir, { cwd: dir, today: TODAY }).loaded;
    expect(thrown(() => planStatusSet(twice, { project: 'P07', status: 'ongoing', date: TODAY }, dir)).message).toBe(
      'project "P07" is in more than one plan: accsm-2021-2025, accsm-2026-2030; choose one with --plan',
    );
    expect(planStatusSet(twice, { project: 'P07', plan: 'accsm-2026-2030', status: 'ongoing', date: TODAY }, dir).change.path).toBe(join(dir, 'plans/accsm-2026-2030/projects/P07.yaml'));
  });
});

describe('project add', () => {
  const base = { title: 'Regional workshop', areas: ['reform'], lead: ['MY'], status: 'planned', date: '2025-01-15' };

  it('takes the next free id of the plan (P32 after P31), writes the schema line, and validates', () => {
    const dir = root();
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    const { change } = planProjectAdd(before.loaded, { plan: 'accsm-2021-2025', ...base, schedule: '2025..2025-06', partners: ['SG', 'TH'] }, dir);
    expect(change.path).toBe(join(dir, 'plans/accsm-2021-2025/projects/P32.yaml'));
    expect(change.after).toBe(
      [
        '# yaml-language-server: $schema=../../../../schemas/project.schema.json',
        'id: P32',
        'title: Regional workshop',
        'priority_areas:',
        '  - reform',
        'lead:',
        '  - MY',
        'partners:',
        '  - SG',
        '  - TH',
        'schedule:',
        "  start: '2025'",
        '  end: 2025-06',
        'status:',
        '  - date: 2025-01-15',
        '    status: planned',
        '',
      ].join('\n'),
    );
    const outcome = applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false });
    expect(outcome.kind).toBe('written');
    expect(validateRoot(dir, { cwd: dir, today: TODAY }).errors).toBe(0);
  });

  it('starts a plan without projects at the next id free across the root (P32 after P01…P31 of another plan) and makes its projects/ folder', () => {
    const dir = root();
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    const areas = ['competencies'];
    const { change } = planProjectAdd(before.loaded, { plan: 'accsm-2026-2030', ...base, areas, date: TODAY }, dir);
    expect(change.path).toBe(join(dir, 'plans/accsm-2026-2030/projects/P32.yaml'));
    expect(applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false }).kind).toBe('written');
    expect(readdirSync(join(dir, 'plans/accsm-2026-2030/projects'))).toEqual(['P32.yaml']);
  });

  it('refuses an existing id, an id that is not a file name, an unknown plan and a bad schedule (exit 2)', () => {
    const dir = root();
    const loaded = validateRoot(dir, { cwd: dir, today: TODAY }).loaded;
    const plan = 'accsm-2021-2025';
    for (const [args, message] of [
      [{ plan, id: 'P07' }, /^project P07 already exists in plan accsm-2021-2025/],
      [{ plan, id: 'p07' }, /^project p07 already exists/],
      [{ plan, id: '../P99' }, /^--id "..\/P99" is not a valid project id/],
      [{ plan: 'accsm-2021-2026' }, /^no plan "accsm-2021-2026" in the data root \(did you mean "accsm-2021-2025"\?\)/],
      [{ plan, schedule: '2025-2026' }, /^--schedule "2025-2026" is not START\.\.END/],
    ] as const) {
      const error = thrown(() => planProjectAdd(loaded, { ...base, ...args }, dir));
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(message);
    }
  });

  it('refuses an area the plan does not define, writing nothing', () => {
    const dir = root();
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    const { change } = planProjectAdd(before.loaded, { plan: 'accsm-2021-2025', ...base, areas: ['digital'] }, dir);
    const outcome = applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false });
    expect(outcome.kind === 'refused' && outcome.diagnostics.diagnostics.map((d) => d.code)).toEqual(['area-unknown']);
    expect(existsSync(change.path)).toBe(false);
  });
});

describe('meeting add', () => {
  it('appends after the last meeting with a blank line, as the file does', () => {
    const dir = root();
    const original = readFileSync(join(dir, 'meetings.yaml'), 'utf8');
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    const { change } = planMeetingAdd(before.loaded, { id: 'som-23', name: '23rd ACCSM Senior Officials Meeting', date: '2026-08-04', host: 'PH', body: 'ACCSM' }, dir);
    expect(applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false }).kind).toBe('written');
    expect(readFileSync(join(dir, 'meetings.yaml'), 'utf8')).toBe(`${original}\n- id: som-23\n  name: 23rd ACCSM Senior Officials Meeting\n  date: 2026-08-04\n  body: ACCSM\n  host: PH\n`);
  });

  it('refuses a meeting id that is already used', () => {
    const dir = root();
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    const { change } = planMeetingAdd(before.loaded, { id: 'som-21', name: 'Again', date: '2026-08-04' }, dir);
    const outcome = applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false });
    expect(outcome.kind === 'refused' && outcome.diagnostics.diagnostics.map((d) => d.code)).toEqual(['id-duplicate']);
  });

  it('makes meetings.yaml when the root has none, with a schema line, and fills one that holds only comments', () => {
    const dir = root();
    rmSync(join(dir, 'meetings.yaml'));
    for (const p of readdirSync(join(dir, 'plans/accsm-2021-2025/projects'))) {
      const f = join(dir, 'plans/accsm-2021-2025/projects', p);
      writeFileSync(f, readFileSync(f, 'utf8').replace(/^ +meeting: .*\n/gm, ''));
    }
    const before = validateRoot(dir, { cwd: dir, today: TODAY });
    expect(before.errors).toBe(0);
    const { change } = planMeetingAdd(before.loaded, { id: 'som-23', name: 'SOM', date: '2026-08-04' }, dir);
    expect(change.before).toBeNull();
    expect(change.after).toBe('# yaml-language-server: $schema=../schemas/meetings.schema.json\n- id: som-23\n  name: SOM\n  date: 2026-08-04\n');
    writeFileSync(join(dir, 'meetings.yaml'), '# yaml-language-server: $schema=../schemas/meetings.schema.json\n# none yet');
    const again = validateRoot(dir, { cwd: dir, today: TODAY });
    const filled = planMeetingAdd(again.loaded, { id: 'som-23', name: 'SOM', date: '2026-08-04' }, dir).change;
    expect(filled.after).toBe('# yaml-language-server: $schema=../schemas/meetings.schema.json\n# none yet\n- id: som-23\n  name: SOM\n  date: 2026-08-04\n');
    expect(applyChanges(dir, [filled], again, { cwd: dir, today: TODAY, dryRun: false }).kind).toBe('written');
  });
});

describe('the embedded data', () => {
  it('is refused as a place to write unless chosen explicitly', () => {
    expect(thrown(() => assertWritable('embedded', EMBEDDED)).message).toMatch(/^no data root to write to: .*accsm init DIR$/);
    expect(() => assertWritable('--data', EMBEDDED)).not.toThrow();
    expect(() => assertWritable('./data', EMBEDDED)).not.toThrow();
  });
});
