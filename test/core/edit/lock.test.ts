/** The data root's lock: taken with O_EXCL, waited for, broken only when stale. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, withLock } from '../../../src/core/edit/lock.js';
import { UserError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function lockFile(): string {
  const t = tempDir('accsm-lock-');
  cleanups.push(t.cleanup);
  return join(t.dir, '.accsm.lock');
}

/** A process id that is not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('close', r));
  return child.pid!;
}

describe('the lock', () => {
  it('holds the pid, host and time while held, and is gone after', () => {
    const path = lockFile();
    const seen = withLock(path, () => JSON.parse(readFileSync(path, 'utf8')) as { pid: number; host: string; time: string });
    expect(seen.pid).toBe(process.pid);
    expect(seen.host).toBe(hostname());
    expect(Date.now() - Date.parse(seen.time)).toBeLessThan(60_000);
    expect(existsSync(path)).toBe(false);
  });

  it('is released when the work throws', () => {
    const path = lockFile();
    expect(() =>
      withLock(path, () => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(existsSync(path)).toBe(false);
  });

  it('a second taker waits, then fails with exit 2 naming the holder and the lock file', () => {
    const path = lockFile();
    const held = acquireLock(path);
    try {
      const started = Date.now();
      let error: unknown;
      try {
        acquireLock(path, { waitMs: 150, label: 'the data root data' });
      } catch (e) {
        error = e;
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).message).toMatch(new RegExp(`^another accsm is changing the data root data \\(process ${process.pid} on .*\\); waited 0\\.2 s for it to finish and wrote nothing\\. Run the command again; if no accsm is running, remove .*\\.accsm\\.lock$`));
    } finally {
      held.release();
    }
  });

  it('breaks a lock whose process is gone, at once', async () => {
    const path = lockFile();
    writeFileSync(path, JSON.stringify({ pid: await deadPid(), host: hostname(), time: new Date().toISOString(), token: 'old' }));
    const started = Date.now();
    const lock = acquireLock(path, { waitMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('keeps a lock of a live process on another host until it is older than the stale limit', () => {
    const path = lockFile();
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'elsewhere.example', time: new Date().toISOString(), token: 'theirs' }));
    expect(() => acquireLock(path, { waitMs: 50 })).toThrow(/process 1 on elsewhere\.example/);
    const old = (Date.now() - 11 * 60_000) / 1000;
    utimesSync(path, old, old);
    acquireLock(path, { waitMs: 50 }).release();
    expect(existsSync(path)).toBe(false);
  });

  it('an empty lock file (a run killed while making it, by an older accsm) is stale after a few seconds', () => {
    const path = lockFile();
    writeFileSync(path, '');
    expect(() => acquireLock(path, { waitMs: 50 })).toThrow(/its lock file is being written/);
    const old = (Date.now() - 6_000) / 1000;
    utimesSync(path, old, old);
    acquireLock(path, { waitMs: 50 }).release();
  });

  it('never leaves a lock file without its text: it is written aside and linked into place', () => {
    const path = lockFile();
    const lock = acquireLock(path);
    expect(readdirSync(join(path, '..'))).toEqual(['.accsm.lock']);
    expect(JSON.parse(readFileSync(path, 'utf8')).token).toMatch(/^[0-9a-f]{16}$/);
    lock.release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const path = lockFile();
    const lock = acquireLock(path);
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'elsewhere.example', time: new Date().toISOString(), token: 'theirs' }));
    lock.release();
    expect(existsSync(path)).toBe(true);
  });

  it('names a folder it cannot write in plainly', () => {
    expect(() => acquireLock(join(lockFile(), '..', 'missing', '.accsm.lock'), { label: 'the data root x' })).toThrow(
      'cannot lock the data root x for writing (a folder on the way does not exist); nothing was written',
    );
  });
});
