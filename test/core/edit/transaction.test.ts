/** Changes to several files at once: all or none, and what an interrupted run left is put right by the next. */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/edit/atomic.js';
import { commitFiles, JOURNAL_NAME, recoverRoot, type FileChange } from '../../../src/core/edit/transaction.js';
import { UserError } from '../../../src/core/errors.js';
import { buildSync } from 'esbuild';
import { REPO, tempDir } from '../../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A root with two project files. */
function root(): string {
  const t = tempDir('accsm-tx-');
  cleanups.push(t.cleanup);
  mkdirSync(join(t.dir, 'plans/p/projects'), { recursive: true });
  writeFileSync(join(t.dir, 'plans/p/projects/P01.yaml'), 'one\n');
  writeFileSync(join(t.dir, 'plans/p/projects/P02.yaml'), 'two\n');
  return t.dir;
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

function changes(dir: string): FileChange[] {
  return [
    { path: join(dir, 'plans/p/projects/P01.yaml'), before: 'one\n', after: 'one!\n' },
    { path: join(dir, 'plans/p/projects/P02.yaml'), before: 'two\n', after: 'two!\n' },
    { path: join(dir, 'plans/p/projects/P03.yaml'), before: null, after: 'three\n' },
  ];
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

describe('commitFiles', () => {
  it('writes every file and leaves no journal or temporary file', () => {
    const dir = root();
    commitFiles(dir, changes(dir), { cwd: dir });
    expect(['P01', 'P02', 'P03'].map((p) => readFileSync(join(dir, `plans/p/projects/${p}.yaml`), 'utf8'))).toEqual(['one!\n', 'two!\n', 'three\n']);
    expect(files(dir)).toEqual(['plans', 'plans/p', 'plans/p/projects', 'plans/p/projects/P01.yaml', 'plans/p/projects/P02.yaml', 'plans/p/projects/P03.yaml']);
  });

  it('writes nothing when one file changed on disk since it was read', () => {
    const dir = root();
    writeFileSync(join(dir, 'plans/p/projects/P02.yaml'), 'edited\n');
    expect(thrown(() => commitFiles(dir, changes(dir), { cwd: dir })).message).toBe('plans/p/projects/P02.yaml changed on disk while accsm was working on it; nothing was written. Run the command again');
    expect(readFileSync(join(dir, 'plans/p/projects/P01.yaml'), 'utf8')).toBe('one\n');
    expect(existsSync(join(dir, 'plans/p/projects/P03.yaml'))).toBe(false);
  });

  it('refuses a read-only (0444) file with exit 2 and leaves it as it was', () => {
    const dir = root();
    chmodSync(join(dir, 'plans/p/projects/P01.yaml'), 0o444);
    const error = thrown(() => commitFiles(dir, changes(dir).slice(0, 1), { cwd: dir }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'plans/p/projects/P01.yaml is read-only (its permissions allow no one to write it); accsm does not replace a read-only file, and nothing was written. Make it writable first (chmod u+w plans/p/projects/P01.yaml) if the change is meant',
    );
    expect(readFileSync(join(dir, 'plans/p/projects/P01.yaml'), 'utf8')).toBe('one\n');
  });

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
  ])('says %s in plain words', (code, words) => {
    const dir = root();
    const writer = () => {
      throw Object.assign(new Error(`injected ${code}`), { code });
    };
    expect(thrown(() => commitFiles(dir, changes(dir).slice(0, 1), { cwd: dir, writer })).message).toBe(`could not write plans/p/projects/P01.yaml (${words}); the file was left as it was`);
  });

  it('a new file never overwrites one made meanwhile: link() fails instead', () => {
    const dir = root();
    const target = join(dir, 'plans/p/projects/P03.yaml');
    const writer = (p: string, t: string) =>
      writeFileAtomic(p, t, {
        create: true,
        beforeRename: () => writeFileSync(target, 'made by someone else\n'),
      });
    expect(thrown(() => commitFiles(dir, [changes(dir)[2]!], { cwd: dir, writer })).message).toBe(
      'plans/p/projects/P03.yaml was created by another program while accsm was working; nothing was written. Run the command again',
    );
    expect(readFileSync(target, 'utf8')).toBe('made by someone else\n');
    expect(files(join(dir, 'plans/p/projects'))).toEqual(['P01.yaml', 'P02.yaml', 'P03.yaml']);
  });

  it('stopped after the journal: the next run finishes every file', () => {
    const dir = root();
    const stop = () => {
      throw Object.assign(new Error('injected'), { code: 'EIO' });
    };
    expect(thrown(() => commitFiles(dir, changes(dir), { cwd: dir, afterJournal: stop })).message).toMatch(/stopped half-way .*\.accsm-journal\.json records it/);
    expect(readFileSync(join(dir, 'plans/p/projects/P01.yaml'), 'utf8')).toBe('one\n');
    expect(existsSync(join(dir, JOURNAL_NAME))).toBe(true);
    const recovery = recoverRoot(dir, { cwd: dir });
    expect(recovery.finished).toEqual(['plans/p/projects/P01.yaml', 'plans/p/projects/P02.yaml', 'plans/p/projects/P03.yaml']);
    expect(['P01', 'P02', 'P03'].map((p) => readFileSync(join(dir, `plans/p/projects/${p}.yaml`), 'utf8'))).toEqual(['one!\n', 'two!\n', 'three\n']);
    expect(existsSync(join(dir, JOURNAL_NAME))).toBe(false);
    expect(recoverRoot(dir, { cwd: dir })).toEqual({ finished: [], removed: [] });
  });

  it('killed (SIGKILL) after the journal, in a real process: the next run finishes it', async () => {
    const dir = root();
    const script = join(dir, '..', 'kill-after-journal.cjs');
    buildSync({
      stdin: {
        contents: `import { commitFiles } from './transaction';
          const dir = ${JSON.stringify(dir)};
          commitFiles(dir, ${JSON.stringify(changes(dir))}, { cwd: dir, afterJournal: () => process.kill(process.pid, 'SIGKILL') });`,
        resolveDir: join(REPO, 'src/core/edit'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [script], { stdio: 'ignore' });
    expect(await new Promise((r) => child.on('close', (_c, s) => r(s)))).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'plans/p/projects/P02.yaml'), 'utf8')).toBe('two\n');
    expect(recoverRoot(dir, { cwd: dir }).finished).toHaveLength(3);
    expect(readFileSync(join(dir, 'plans/p/projects/P02.yaml'), 'utf8')).toBe('two!\n');
  });

  it('stopped before the journal: the next run removes the temporary files, and nothing changed', () => {
    const dir = root();
    // what a run killed while writing its temporary files leaves: a name with a pid that is not running
    writeFileSync(join(dir, 'plans/p/projects/.P01.yaml.999999999.0123456789ab.tmp'), 'half');
    writeFileSync(join(dir, '.accsm-journal.json.999999999.0123456789ab.tmp'), '{');
    expect(recoverRoot(dir, { cwd: dir })).toEqual({ finished: [], removed: ['.accsm-journal.json.999999999.0123456789ab.tmp', 'plans/p/projects/.P01.yaml.999999999.0123456789ab.tmp'] });
    expect(readFileSync(join(dir, 'plans/p/projects/P01.yaml'), 'utf8')).toBe('one\n');
  });

  it('keeps the temporary file of a run that is still going', () => {
    const dir = root();
    const live = join(dir, 'plans/p/projects', `.P01.yaml.${process.ppid}.0123456789ab.tmp`);
    writeFileSync(live, 'in progress');
    expect(recoverRoot(dir, { cwd: dir }).removed).toEqual([]);
    expect(existsSync(live)).toBe(true);
  });

  it('refuses a journal it cannot read, or one that names paths outside the root', () => {
    for (const text of ['{', JSON.stringify({ version: 1, entries: [{ target: '../x', temp: '.x.1.0123456789ab.tmp', create: true }] })]) {
      const dir = root();
      writeFileSync(join(dir, JOURNAL_NAME), text);
      expect(thrown(() => recoverRoot(dir, { cwd: dir })).message).toBe('.accsm-journal.json records an interrupted change but cannot be read; check the files it names, then remove it');
    }
  });
});
