/**
 * Writing a set of changes to a data root as one: every file or none, even
 * when the process is killed half-way. Call it holding the root's lock
 * (lock.ts); `runEdit` does.
 *
 * One file is written atomically on its own (a temporary file, then a rename;
 * a new file is linked into place so that it never overwrites one made
 * meanwhile). Several files go through a journal:
 *   1. each new text is written to a temporary file beside its target and flushed;
 *   2. the journal `.accsm-journal.json` in the root lists every temporary
 *      file and its target, and is itself written atomically;
 *   3. each temporary file is renamed over (or linked to) its target;
 *   4. the journal is removed.
 * Killed before 2, only temporary files remain and the next edit removes them:
 * nothing changed. Killed after 2, the next edit (`recoverRoot`) finishes the
 * renames: everything changed.
 */
import * as fs from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../validate.js';
import { parseTempName, realTarget, syncFolder, tempPathFor, writeFileAtomic, type FileWriter } from './atomic.js';
import { errorCode, writeFailureReason } from './fs-errors.js';
import { DEFAULT_STALE_MS, LOCK_NAME, processAlive } from './lock.js';
import { slashed } from '../slashed.js';

/** One file as it is and as it will be. */
export interface FileChange {
  /** absolute path */
  path: string;
  /** the file's text now, or null when the change creates it */
  before: string | null;
  after: string;
}

export const JOURNAL_NAME = '.accsm-journal.json';

interface JournalEntry {
  /** paths relative to the root, '/'-separated */
  target: string;
  temp: string;
  create: boolean;
}

export interface CommitOptions {
  cwd: string;
  /** writes one file (single-file changes only); tests inject failures here */
  writer?: FileWriter;
  /** called once the journal is written, before the first rename (tests throw here to play a crash) */
  afterJournal?: () => void;
}

/** Writes the changes, all or none; throws a UserError (exit 2) when they cannot be written, leaving the files as they were. */
export function commitFiles(root: string, changes: readonly FileChange[], options: CommitOptions): void {
  for (const change of changes) assertUnchanged(change, options.cwd);
  if (changes.length === 1) writeOne(changes[0]!, options);
  else if (changes.length > 1) writeMany(root, changes, options);
  for (const change of changes) assertWritten(change, options.cwd);
}

/** Refuses a file that changed on disk since it was read, appeared since, or may not be written. */
function assertUnchanged(change: FileChange, cwd: string): void {
  const name = displayPath(change.path, cwd);
  const now = readCurrent(change.path);
  if (change.before === null ? now !== undefined : now !== change.before) {
    throw new UserError(`${name} changed on disk while accsm was working on it; nothing was written. Run the command again`);
  }
  if (change.before !== null && isReadOnly(change.path)) {
    throw new UserError(`${name} is read-only (its permissions allow no one to write it); accsm does not replace a read-only file, and nothing was written. Make it writable first (chmod u+w ${name}) if the change is meant`);
  }
}

function isReadOnly(path: string): boolean {
  try {
    return (fs.statSync(path).mode & 0o222) === 0;
  } catch {
    return false;
  }
}

/** Reads every file back: "written" is said only of a file that holds the new text. */
function assertWritten(change: FileChange, cwd: string): void {
  if (readCurrent(change.path) !== change.after) {
    throw new UserError(`${displayPath(change.path, cwd)} does not hold the new text after writing it: another program changed it at the same moment. Check the file, and run the command again`);
  }
}

function readCurrent(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function writeOne(change: FileChange, options: CommitOptions): void {
  const name = displayPath(change.path, options.cwd);
  const create = change.before === null;
  const writer = options.writer ?? ((p: string, t: string) => writeFileAtomic(p, t, { create }));
  let created: string | undefined;
  try {
    created = fs.mkdirSync(dirname(change.path), { recursive: true });
    writer(change.path, change.after);
  } catch (error) {
    if (created !== undefined) removeEmptyFolders(created, dirname(change.path));
    throw failure(name, error);
  }
}

function failure(name: string, error: unknown): UserError {
  if (errorCode(error) === 'EEXIST') return new UserError(`${name} was created by another program while accsm was working; nothing was written. Run the command again`);
  return new UserError(`could not write ${name} (${writeFailureReason(error)}); the file was left as it was`);
}

function writeMany(root: string, changes: readonly FileChange[], options: CommitOptions): void {
  const made: string[] = [];
  const temps: string[] = [];
  const entries: JournalEntry[] = [];
  const realRoot = realTarget(root);
  const rel = (p: string) => slashed(relative(realRoot, p));
  let current = changes[0]!;
  try {
    for (const change of changes) {
      current = change;
      const folder = fs.mkdirSync(dirname(change.path), { recursive: true });
      if (folder !== undefined) made.push(folder);
      // a symbolic link (inside the root: validate refuses others) stays a link
      const target = change.before === null ? join(realTarget(dirname(change.path)), basename(change.path)) : realTarget(change.path);
      const temp = tempPathFor(target);
      writeFlushed(temp, change.after, change.before === null ? undefined : modeOf(target));
      temps.push(temp);
      entries.push({ target: rel(target), temp: rel(temp), create: change.before === null });
    }
    writeFileAtomic(join(root, JOURNAL_NAME), `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
  } catch (error) {
    for (const t of temps) removeQuietly(t);
    for (const folder of made.reverse()) removeEmptyFolders(folder, folder);
    throw failure(displayPath(current.path, options.cwd), error);
  }
  try {
    options.afterJournal?.();
    finishJournal(root, entries);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `the change to ${changes.length} files stopped half-way (${writeFailureReason(error)}); ${displayPath(join(root, JOURNAL_NAME), options.cwd)} records it, and the next accsm edit of this data root finishes it`,
    );
  }
}

/** Writes a new file and flushes it to disk, keeping the mode of the file it will replace. */
function writeFlushed(path: string, text: string, mode: number | undefined): void {
  const fd = fs.openSync(path, 'wx', 0o666);
  try {
    fs.writeFileSync(fd, text, 'utf8');
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function modeOf(path: string): number | undefined {
  try {
    return fs.statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Moves every temporary file of a journal into place, then removes the journal. */
function finishJournal(root: string, entries: readonly JournalEntry[]): string[] {
  const finished: string[] = [];
  for (const e of entries) {
    const temp = join(root, ...e.temp.split('/'));
    const target = join(root, ...e.target.split('/'));
    if (!fs.existsSync(temp)) continue; // moved before the interruption
    if (e.create) {
      try {
        fs.linkSync(temp, target);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST' || readCurrent(target) !== readCurrent(temp)) throw error;
      }
      fs.unlinkSync(temp);
    } else {
      fs.renameSync(temp, target);
    }
    syncFolder(dirname(target));
    finished.push(e.target);
  }
  fs.unlinkSync(join(root, JOURNAL_NAME));
  syncFolder(root);
  return finished;
}

export interface Recovery {
  /** files an interrupted change was finished in, relative to the root */
  finished: string[];
  /** temporary files left by runs that were killed, removed */
  removed: string[];
}

/**
 * Puts a root right after an interrupted edit: finishes a journaled change,
 * and removes temporary files whose process is gone. Call it holding the lock.
 */
export function recoverRoot(root: string, options: { cwd: string; staleMs?: number }): Recovery {
  const journal = join(root, JOURNAL_NAME);
  let finished: string[] = [];
  const text = readCurrent(journal);
  if (text !== undefined) {
    const entries = parseJournal(text);
    if (!entries) throw new UserError(`${displayPath(journal, options.cwd)} records an interrupted change but cannot be read; check the files it names, then remove it`);
    try {
      finished = finishJournal(root, entries);
    } catch (error) {
      throw new UserError(`could not finish the interrupted change that ${displayPath(journal, options.cwd)} records (${writeFailureReason(error)}); nothing else was written`);
    }
  }
  return { finished, removed: removeStaleTemps(root, options.staleMs ?? DEFAULT_STALE_MS) };
}

function parseJournal(text: string): JournalEntry[] | undefined {
  try {
    const v = JSON.parse(text) as { entries?: unknown };
    if (!Array.isArray(v.entries)) return undefined;
    const ok = v.entries.every(
      (e: Partial<JournalEntry>) => typeof e.target === 'string' && typeof e.temp === 'string' && typeof e.create === 'boolean' && !e.target.split('/').includes('..') && !e.temp.split('/').includes('..'),
    );
    return ok ? (v.entries as JournalEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The folders an edit writes in: the root, plans/, each plan folder and its projects/. */
function editFolders(root: string): string[] {
  const folders = [root];
  const plans = join(root, 'plans');
  for (const plan of safeList(plans)) {
    if (!plan.isDirectory() || plan.name.startsWith('.')) continue;
    folders.push(join(plans, plan.name), join(plans, plan.name, 'projects'));
  }
  if (safeList(plans).length > 0) folders.push(plans);
  return folders;
}

function safeList(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function removeStaleTemps(root: string, staleMs: number): string[] {
  const removed: string[] = [];
  for (const dir of editFolders(root)) {
    for (const entry of safeList(dir)) {
      if (!entry.isFile()) continue;
      const temp = parseTempName(entry.name) ?? parseStaleLockName(entry.name);
      if (!temp) continue;
      const path = join(dir, entry.name);
      if (temp.pid !== process.pid && processAlive(temp.pid) && !olderThan(path, staleMs)) continue;
      if (removeQuietly(path)) removed.push(slashed(relative(root, path)));
    }
  }
  return removed.sort();
}

/** `.accsm.lock.<pid>.<random>.stale`: a lock moved aside by a run killed before it removed it. */
function parseStaleLockName(name: string): { pid: number } | undefined {
  const m = new RegExp(`^${LOCK_NAME.replace(/\./g, '\\.')}\\.(\\d+)\\.[0-9a-f]+\\.stale$`).exec(name);
  return m ? { pid: Number(m[1]) } : undefined;
}

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

function removeQuietly(path: string): boolean {
  try {
    fs.unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes the folders a write created, deepest first, while they are empty. */
function removeEmptyFolders(top: string, deepest: string): void {
  for (let dir = deepest; dir.length >= top.length; dir = dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === top) return;
  }
}
