/**
 * Reading data roots from git revisions, in temporary repositories made here:
 * the same data as on disk, files changed since a revision, and revision names
 * that try to run commands or pass for options (never executed).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedSince, checkRevisionName, commitsAmong, loadRevisionRoot, locateInRepo, readRevisionFiles, resolveRevision } from '../../src/core/git.js';
import { MAX_FILE_BYTES } from '../../src/core/read.js';
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

  it('tells which of several names are commits with one run of git, as resolveRevision would', () => {
    const parent = gitIn(repo, 'rev-parse', 'HEAD~1').trim();
    const names = ['main', 'HEAD~1', parent.slice(0, 12), 'no-such-branch', 'HEAD:README.md', 'data', 'data/plans', 'HEAD~9', '-HEAD', 'two words', `${hostile[0]}`];
    const found = commitsAmong(repo, names);
    expect([...found].sort()).toEqual(['HEAD~1', 'main', parent.slice(0, 12)].sort());
    for (const name of names) {
      let resolves = false;
      try {
        resolveRevision(repo, name);
        resolves = true;
      } catch {
        // not a commit, or refused
      }
      expect(found.has(name), name).toBe(resolves);
    }
    expect(commitsAmong(repo, [])).toEqual(new Set());
    // asked from the data root, which may be a folder of the repository, or one not made yet; none outside a repository
    expect([...commitsAmong(join(repo, 'data', 'plans'), ['main', 'nope'])]).toEqual(['main']);
    expect([...commitsAmong(join(repo, 'data', 'not-yet', 'deeper'), ['main'])]).toEqual(['main']);
    const outside = tempDir('accsm-no-repo-');
    try {
      expect(commitsAmong(outside.dir, ['main', 'HEAD'])).toEqual(new Set());
      // git stops (no repository) before it reads the names, and the pipe it closes (EPIPE, on about one run in five with this
      // many names) is its answer, not an error: asked 40 times, so that a run with a closed pipe is all but certain
      const many = Array.from({ length: 5_000 }, (_, i) => `branch-${i}`);
      for (let i = 0; i < 40; i++) expect(commitsAmong(outside.dir, many)).toEqual(new Set());
    } finally {
      outside.cleanup();
    }
    expect(existsSync(marker)).toBe(false);
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

describe('blobs are read in batches of bounded size, never the whole revision in one buffer', () => {
  const MB = 1024 * 1024;
  let t: { dir: string; cleanup: () => void };
  const projects = join('data', 'plans', 'demo-2021-2025', 'projects');
  /** 40 project files of 100 to 140 kB (4.8 MB in all), one file over the size limit, two files with the same content */
  beforeAll(() => {
    t = tempDir('accsm-git-batch-');
    gitIn(t.dir, 'init', '-q');
    cpSync(join(FIXTURES, 'valid-minimal'), join(t.dir, 'data'), { recursive: true });
    for (let i = 1; i <= 40; i++) {
      const id = `G${String(i).padStart(2, '0')}`;
      const note = `${id} `.repeat(25_000 + i * 250);
      writeFileSync(join(t.dir, projects, `${id}.yaml`), `id: ${id}\ntitle: Generated ${i}\npriority_areas: [people]\nlead: [VN]\nstatus:\n  - date: 2022-01-0${1 + (i % 9)}\n    status: planned\n    note: ${note.trim()}\n`);
    }
    writeFileSync(join(t.dir, projects, 'BIG.yaml'), `id: BIG\nnote: ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    cpSync(join(t.dir, projects, 'G01.yaml'), join(t.dir, projects, 'G41.yaml'));
    gitIn(t.dir, 'add', '-A');
    gitIn(t.dir, 'commit', '-q', '-m', 'many files');
  });
  afterAll(() => t.cleanup());

  const recorder = () => {
    const seen: { blobs: number; bytes: number }[] = [];
    return { seen, onBatch: (blobs: number, bytes: number) => void seen.push({ blobs, bytes }) };
  };
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  /** the bytes of files on disk, by path under data/ */
  const onDisk = (paths: readonly string[]) => paths.map((p) => readFileSync(join(t.dir, 'data', p)));

  it('reads every file exactly, in several batches of at most the cap, each blob once', () => {
    const loc = locateInRepo(join(t.dir, 'data'))!;
    const { seen, onBatch } = recorder();
    const files = readRevisionFiles(loc.top, resolveRevision(loc.top, 'HEAD').commit, loc.rel, { batchBytes: MB, onBatch });
    const read = files.filter((f) => f.bytes);
    expect(read.length).toBe(4 + 41 + 2);
    // compared by digest: a deep comparison of 4.8 MB of bytes, one by one, takes vitest half a minute
    expect(read.map((f) => sha(f.bytes!))).toEqual(onDisk(read.map((f) => f.path)).map(sha));
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.every((b) => b.bytes <= MB)).toBe(true);
    // G41 is G01 again: one blob, asked for once
    expect(seen.reduce((n, b) => n + b.blobs, 0)).toBe(read.length - 1);
    expect(files.find((f) => f.path.endsWith('BIG.yaml'))).toEqual({ path: 'plans/demo-2021-2025/projects/BIG.yaml', size: MAX_FILE_BYTES + 15 });
  });

  it('a load holds one batch at a time and reads the same texts as on disk; the blob over the limit is refused from its size, never read', () => {
    const loc = locateInRepo(join(t.dir, 'data'))!;
    const { seen, onBatch } = recorder();
    const loaded = loadRevisionRoot(loc, resolveRevision(loc.top, 'HEAD'), join(t.dir, 'data'), { batchBytes: MB, onBatch });
    const disk = loadRoot(join(t.dir, 'data'));
    expect(loaded.files.map((f) => [f.path, f.text, f.diagnostics.map((d) => d.code)])).toEqual(disk.files.map((f) => [f.path, f.text, f.diagnostics.map((d) => d.code)]));
    expect(strip(loaded)).toEqual(strip(disk));
    const big = loaded.files.find((f) => f.path.endsWith('BIG.yaml'))!;
    expect(big.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(['1:1 file-too-large the file is 1.0 MB; accsm reads data files of at most 1 MB. Check that this is the right file, or split it']);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.every((b) => b.bytes <= MB)).toBe(true);
    // every file under the limit read once, the big one never
    const small = loaded.files.filter((f) => f.text !== undefined).reduce((n, f) => n + Buffer.byteLength(f.text!), 0);
    expect(seen.reduce((n, b) => n + b.bytes, 0)).toBe(small);
  });
});
