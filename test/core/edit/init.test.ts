/** accsm init's core: a new root that validates, made whole or not at all. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoot, initFiles } from '../../../src/core/edit/init.js';
import { UserError } from '../../../src/core/errors.js';
import { validateRoot } from '../../../src/core/validate.js';
import { REPO, tempDir } from '../../helpers.js';

const TODAY = '2026-11-23';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function parent(): string {
  const t = tempDir('accsm-init-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('createRoot', () => {
  it('makes a root that validates with no problems, every example marked illustrative', () => {
    const dir = join(parent(), 'a', 'data');
    createRoot(dir, { cwd: REPO, today: TODAY });
    const result = validateRoot(dir, { cwd: dir, today: TODAY });
    expect(result.diagnostics).toEqual([]);
    const { data } = result.loaded;
    expect(data.meetings.map((m) => m.illustrative)).toEqual([true]);
    expect(data.plans.map((p) => [p.plan.id, p.plan.illustrative, p.projects.map((r) => [r.project.id, r.project.illustrative])])).toEqual([['example-plan', true, [['P01', true]]]]);
    expect(data.plans[0]!.plan.period).toEqual({ start: 2026, end: 2030 });
  });

  it('copies the JSON Schemas byte for byte, and every schema line points at a copy that exists', () => {
    const dir = join(parent(), 'data');
    createRoot(dir, { cwd: REPO, today: TODAY });
    for (const kind of ['meetings', 'plan', 'project']) {
      expect(readFileSync(join(dir, 'schemas', `${kind}.schema.json`), 'utf8')).toBe(readFileSync(join(REPO, 'schemas', `${kind}.schema.json`), 'utf8'));
    }
    for (const f of initFiles(TODAY).filter((x) => x.path.endsWith('.yaml'))) {
      const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(f.text.split('\n')[0]!)![1]!;
      const folder = join(dir, ...f.path.split('/').slice(0, -1));
      expect(existsSync(join(folder, ref)), `${f.path} → ${ref}`).toBe(true);
    }
  });

  it('fills an empty folder or one without a root (a fresh git repository), and refuses one with a root or a file (exit 2), touching nothing', () => {
    const top = parent();
    mkdirSync(join(top, 'empty'));
    createRoot(join(top, 'empty'), { cwd: top, today: TODAY });
    expect(readdirSync(join(top, 'empty')).sort()).toEqual(['accsm.config.yaml', 'meetings.yaml', 'plans', 'schemas']);
    mkdirSync(join(top, 'repo', '.git'), { recursive: true });
    writeFileSync(join(top, 'repo', 'notes.txt'), 'mine');
    createRoot(join(top, 'repo'), { cwd: top, today: TODAY });
    expect(readdirSync(join(top, 'repo')).sort()).toEqual(['.git', 'accsm.config.yaml', 'meetings.yaml', 'notes.txt', 'plans', 'schemas']);
    expect(readFileSync(join(top, 'repo', 'notes.txt'), 'utf8')).toBe('mine');
    mkdirSync(join(top, 'full'));
    writeFileSync(join(top, 'full', 'notes.txt'), 'mine');
    mkdirSync(join(top, 'full', 'plans'));
    writeFileSync(join(top, 'file'), 'mine');
    for (const [name, message] of [
      ['full', 'full already holds plans; accsm init writes only into a folder that has none of accsm.config.yaml, meetings.yaml, plans, schemas, so that nothing is overwritten'],
      ['file', 'file exists and is not a folder; choose a new folder, or one without a data root, for the data root'],
    ]) {
      let error: unknown;
      try {
        createRoot(join(top, name!), { cwd: top, today: TODAY });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).message).toBe(message);
    }
    expect(readdirSync(join(top, 'full')).sort()).toEqual(['notes.txt', 'plans']);
    expect(readFileSync(join(top, 'file'), 'utf8')).toBe('mine');
  });

  it('leaves neither the root nor a temporary folder when it fails before the rename', () => {
    const top = parent();
    expect(() =>
      createRoot(join(top, 'data'), {
        cwd: top,
        today: TODAY,
        beforeRename: () => {
          throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
        },
      }),
    ).toThrow('could not create data (the disk is full); nothing was made');
    expect(readdirSync(top)).toEqual([]);
  });
});
