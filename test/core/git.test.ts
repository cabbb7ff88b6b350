/**
 * Reading data roots from git revisions, in temporary repositories made here:
 * the same data as on disk, files changed since a revision, and revision names
 * that try to run commands or pass for options (never executed).
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedSince, checkRevisionName, loadRevisionRoot, locateInRepo, readRevisionFiles, resolveRevision } from '../../src/core/git.js';
import { loadRoot, loadRootFromFiles } from '../../src/core/load.js';
import { FIXTURES, tempDir, gitIn, putData } from '../helpers.js';

let repo: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir: repo, cleanup } = tempDir('accsm-git-'));
  gitIn(repo, 'init', '-q');
  putData(repo, 'diff-base');
  writeFileSync(join(repo, 'README.md'), 'a data repository\n');
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', 'base');
  putData(repo, 'diff-head');
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', 'head');
});

afterAll(() => cleanup());

const strip = (root: ReturnType<typeof loadRoot>) => JSON.parse(JSON.stringify(root.data)) as unknown;

describe('locateInRepo', () => {
  it('finds the top level and the data root relative to it', () => {
    const loc = locateInRepo(join(repo, 'data'))!;
    expect(loc.rel).toBe('data');
    expect(existsSync(join(loc.top, '.git'))).toBe(true);
  });

  it('works for a folder that does not exist (yet) in the working tree', () => {
    expect(locateInRepo(join(repo, 'gone', 'data'))?.rel).toBe('gone/data');
  });

  it('gives undefined outside any repository', () => {
    const t = tempDir('accsm-nogit-');
    try {
      // tmpdir() itself may sit inside a repository on a developer machine; only assert when it does not
      if (!locateInRepo(tmpdir())) expect(locateInRepo(t.dir)).toBeUndefined();
    } finally {
      t.cleanup();
    }
  });
});

describe('loadRevisionRoot', () => {
  it('reads each revision exactly as the same files on disk would be read', () => {
    const loc = locateInRepo(join(repo, 'data'))!;
    const root = join(repo, 'data');
    const base = loadRevisionRoot(loc, resolveRevision(loc.top, 'HEAD~1'), root);
    const head = loadRevisionRoot(loc, resolveRevision(loc.top, 'HEAD'), root);
    putData(repo, 'diff-base');
    const baseOnDisk = loadRoot(root);
    putData(repo, 'diff-head');
    const headOnDisk = loadRoot(root);
    expect(strip(base)).toEqual(strip(baseOnDisk));
    expect(strip(head)).toEqual(strip(headOnDisk));
    expect(base.files.map((f) => [f.path, f.kind, f.valid])).toEqual(baseOnDisk.files.map((f) => [f.path, f.kind, f.valid]));
    expect(base.data.plans.map((p) => p.plan.id)).toEqual(['plan-a', 'plan-b']);
    expect(head.data.plans.map((p) => p.plan.id)).toEqual(['plan-a', 'plan-c']);
  });

  it('reads nothing outside the data root', () => {
    const loc = locateInRepo(join(repo, 'data'))!;
    const files = readRevisionFiles(loc.top, resolveRevision(loc.top, 'HEAD').commit, 'data');
    expect(files.some((f) => f.path === 'README.md' || f.path.startsWith('data/'))).toBe(false);
    expect(files.map((f) => f.path)).toContain('plans/plan-a/plan.yaml');
  });
});

describe('revision names', () => {
  const marker = join(tmpdir(), `accsm-pwned-${process.pid}`);
  const hostile = [
    `main; touch ${marker}`,
    `$(touch ${marker})`,
    `\`touch ${marker}\``,
    `main && touch ${marker}`,
    `main | touch ${marker}`,
    `--output=${marker}`,
    `-c core.pager=touch ${marker}`,
    `HEAD\ntouch ${marker}`,
  ];

  it.each(hostile)('%j is refused or read literally, never run', (name) => {
    expect(() => resolveRevision(repo, name)).toThrow(/unknown revision|not accepted|control characters/);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses names that start with "-", even ones git would read as a commit', () => {
    expect(() => checkRevisionName('-HEAD')).toThrow('starts with "-"');
    expect(() => checkRevisionName('')).toThrow('empty');
  });

  it('resolves branches, relative names and full ids to the commit', () => {
    const head = gitIn(repo, 'rev-parse', 'HEAD').trim();
    const parent = gitIn(repo, 'rev-parse', 'HEAD~1').trim();
    expect(resolveRevision(repo, 'main').commit).toBe(head);
    expect(resolveRevision(repo, 'HEAD~1').commit).toBe(parent);
    expect(resolveRevision(repo, parent).commit).toBe(parent);
    expect(() => resolveRevision(repo, 'no-such-branch')).toThrow('unknown revision "no-such-branch"');
    // a blob is not a commit
    expect(() => resolveRevision(repo, 'HEAD:README.md')).toThrow('unknown revision');
  });
});

describe('changedSince', () => {
  it('lists changed, added, deleted and untracked files under the data root, relative to it', () => {
    const loc = locateInRepo(join(repo, 'data'))!;
    writeFileSync(join(repo, 'data', 'plans', 'plan-a', 'projects', 'P7.yaml'), 'id: P7\n');
    writeFileSync(join(repo, 'README.md'), 'changed outside the data root\n');
    try {
      expect(changedSince(loc, resolveRevision(loc.top, 'HEAD'))).toEqual(['plans/plan-a/projects/P7.yaml']);
      const sinceBase = changedSince(loc, resolveRevision(loc.top, 'HEAD~1'));
      expect(sinceBase).toEqual([
        'meetings.yaml',
        'plans/plan-a/plan.yaml',
        'plans/plan-a/projects/P1.yaml',
        'plans/plan-a/projects/P10.yaml',
        'plans/plan-a/projects/P2.yaml',
        'plans/plan-a/projects/P3.yaml',
        'plans/plan-a/projects/P4.yaml',
        'plans/plan-a/projects/P5.yaml',
        'plans/plan-a/projects/P6.yaml',
        'plans/plan-a/projects/P7.yaml',
        'plans/plan-b/plan.yaml',
        'plans/plan-b/projects/B1.yaml',
        'plans/plan-c/plan.yaml',
        'plans/plan-c/projects/C1.yaml',
      ]);
    } finally {
      rmSync(join(repo, 'data', 'plans', 'plan-a', 'projects', 'P7.yaml'));
      gitIn(repo, 'checkout', '-q', '--', 'README.md');
    }
  });
});

describe('loadRootFromFiles', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('gives bad files the same diagnostics as on disk: not UTF-8, too large, symbolic link, stray file, missing plan.yaml', () => {
    const loaded = loadRootFromFiles('/r', [
      { path: 'meetings.yaml', bytes: Uint8Array.from([0x2d, 0x20, 0xe9, 0x0a]) },
      { path: 'plans/p/plan.yaml', size: 5 * 1024 * 1024 },
      { path: 'plans/p/projects/A.yaml', symlink: true },
      { path: 'plans/p/notes.yaml', bytes: bytes('x: 1\n') },
      { path: 'plans/q/projects/B.yaml', bytes: bytes('id: B\n') },
      { path: 'plans/stray.yaml', bytes: bytes('x: 1\n') },
      { path: 'plans/.hidden/plan.yaml', bytes: bytes('x: 1\n') },
      { path: 'other/file.yaml', bytes: bytes('x: 1\n') },
    ]);
    const codes = Object.fromEntries(loaded.files.map((f) => [f.path, f.diagnostics.map((d) => d.code)]));
    expect(codes).toEqual({
      '/r/meetings.yaml': ['file-encoding'],
      '/r/plans/stray.yaml': ['file-unexpected'],
      '/r/plans/p/plan.yaml': ['file-too-large'],
      '/r/plans/p/notes.yaml': ['file-unexpected'],
      '/r/plans/p/projects/A.yaml': ['file-unreadable'],
      '/r/plans/q/plan.yaml': ['plan-missing'],
      '/r/plans/q/projects/B.yaml': expect.arrayContaining(['schema-required']) as unknown as string[],
    });
  });

  it('reads a symbolic link in a revision as a refused file, never following it', () => {
    const t = tempDir('accsm-git-link-');
    try {
      gitIn(t.dir, 'init', '-q');
      mkdirSync(join(t.dir, 'data', 'plans', 'p', 'projects'), { recursive: true });
      cpSync(join(FIXTURES, 'diff-base', 'plans', 'plan-a', 'plan.yaml'), join(t.dir, 'data', 'plans', 'p', 'plan.yaml'));
      symlinkSync('/etc/passwd', join(t.dir, 'data', 'meetings.yaml'));
      gitIn(t.dir, 'add', '-A');
      gitIn(t.dir, 'commit', '-q', '-m', 'link');
      const loc = locateInRepo(join(t.dir, 'data'))!;
      const loaded = loadRevisionRoot(loc, resolveRevision(loc.top, 'HEAD'), join(t.dir, 'data'));
      const meetings = loaded.files.find((f) => f.path.endsWith('meetings.yaml'))!;
      expect(meetings.kind).toBe('other');
      expect(meetings.text).toBeUndefined();
      expect(meetings.diagnostics[0]!.message).toContain('symbolic link');
    } finally {
      t.cleanup();
    }
  });
});
