/**
 * One writer at a time on a data root: a lock file made with O_EXCL (`wx`),
 * holding the process id, the host, the time and a random token. Every edit
 * holds it from the moment it reads the files to the last rename, so a
 * second edit waits and then applies its change on top of the first.
 *
 * A lock is stale, and is broken, when its process is no longer running on
 * this host, or when it is older than `staleMs` (a crashed run on another
 * host). Breaking renames the lock aside first and checks that what it moved
 * is the stale lock it judged, so two waiters never both take it.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { nodeCrypto } from '../builtins.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { tempPathFor } from './atomic.js';
import { errorCode, writeFailureReason } from './fs-errors.js';

/** The lock file in a data root; validate never reads it (it is neither meetings.yaml nor under plans/). */
export const LOCK_NAME = '.accsm.lock';

export interface LockOptions {
  /** how long to wait for another writer, in milliseconds (default 30 s) */
  waitMs?: number;
  /** a lock older than this was left by a crashed run, in milliseconds (default 10 minutes) */
  staleMs?: number;
  /** how messages name what is locked (default: the lock file's folder) */
  label?: string;
}

export const DEFAULT_LOCK_WAIT_MS = 30_000;
export const DEFAULT_STALE_MS = 10 * 60_000;

interface LockInfo {
  pid: number;
  host: string;
  time: string;
  token: string;
}

export interface HeldLock {
  path: string;
  /** removes the lock file, when it is still this one */
  release(): void;
}

export function lockPathFor(root: string): string {
  return join(root, LOCK_NAME);
}

/** Runs `fn` holding the lock file at `path`; the lock is released however `fn` ends. */
export function withLock<T>(path: string, fn: () => T, options: LockOptions = {}): T {
  const lock = acquireLock(path, options);
  try {
    return fn();
  } finally {
    lock.release();
  }
}

export function acquireLock(path: string, options: LockOptions = {}): HeldLock {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const label = options.label ?? path;
  const token = nodeCrypto().randomBytes(8).toString('hex');
  const deadline = Date.now() + waitMs;
  let delay = 5;
  for (;;) {
    if (tryCreate(path, token, label)) return { path, release: () => release(path, token) };
    const seen = readLock(path);
    if (seen === undefined) continue; // released between the two calls
    if (isStale(seen, staleMs)) {
      breakLock(path, seen.text);
      continue;
    }
    if (Date.now() >= deadline) throw busy(label, path, seen.info, waitMs);
    sleep(Math.min(delay, Math.max(1, deadline - Date.now())) + Math.floor(Math.random() * 5));
    delay = Math.min(delay * 2, 100);
  }
}

/**
 * Makes the lock file whole or not at all: its text goes to a temporary file,
 * which is then linked to the lock's name (link() fails when the name is
 * taken), so a run killed half-way never leaves an empty lock behind.
 */
function tryCreate(path: string, token: string, label: string): boolean {
  const info: LockInfo = { pid: process.pid, host: hostname(), time: new Date().toISOString(), token };
  const text = `${JSON.stringify(info)}\n`;
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    throw new UserError(`cannot lock ${label} for writing (${writeFailureReason(error)}); nothing was written`);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw new UserError(`cannot lock ${label} for writing (${writeFailureReason(error)}); nothing was written`);
    return createExclusive(path, text, label);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
}

/** Where the file system has no hard links: an exclusive create, then the text. */
function createExclusive(path: string, text: string, label: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new UserError(`cannot lock ${label} for writing (${writeFailureReason(error)}); nothing was written`);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

interface SeenLock {
  text: string;
  info: LockInfo | undefined;
  /** modification time of the lock file, ms */
  mtime: number;
}

function readLock(path: string): SeenLock | undefined {
  try {
    const mtime = statSync(path).mtimeMs;
    const text = readFileSync(path, 'utf8');
    return { text, info: parseInfo(text), mtime };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new UserError(`cannot read the lock file ${path} (${writeFailureReason(error)})`);
  }
}

function parseInfo(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.time === 'string' && typeof v.token === 'string') return v as LockInfo;
  } catch {
    // being written, or not ours: judged by its age alone
  }
  return undefined;
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** A lock file that does not hold a lock's text is not being written after this long (it takes microseconds). */
const UNREADABLE_STALE_MS = 5_000;

function isStale(seen: SeenLock, staleMs: number): boolean {
  const age = Date.now() - seen.mtime;
  if (age > staleMs) return true;
  const info = seen.info;
  if (info === undefined) return age > UNREADABLE_STALE_MS;
  return info.host === hostname() && info.pid !== process.pid && !processAlive(info.pid);
}

/** Removes a stale lock, unless another waiter has already replaced it with a live one. */
function breakLock(path: string, staleText: string): void {
  const aside = `${path}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw new UserError(`cannot remove the stale lock file ${path} (${writeFailureReason(error)})`);
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // gone: nothing to put back
  }
  if (moved !== staleText) {
    // another waiter broke the stale lock and took a new one first: give it back
    try {
      linkSync(aside, path);
    } catch {
      // a third writer holds it now; the one whose lock this was keeps its token check on release
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

function release(path: string, token: string): void {
  const seen = readLockQuietly(path);
  if (seen?.info?.token !== token) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function readLockQuietly(path: string): SeenLock | undefined {
  try {
    return readLock(path);
  } catch {
    return undefined;
  }
}

function busy(label: string, path: string, info: LockInfo | undefined, waitMs: number): UserError {
  const who = info ? `process ${info.pid} on ${info.host}, since ${info.time}` : 'its lock file is being written';
  return new UserError(
    `another accsm is changing ${label} (${who}); waited ${Math.round(waitMs / 100) / 10} s for it to finish and wrote nothing. Run the command again; if no accsm is running, remove ${path}`,
  );
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` milliseconds (the edit pipeline is synchronous). */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
