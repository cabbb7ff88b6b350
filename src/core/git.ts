/**
 * Reading data from git without a checkout and without a shell. Every call is
 * `git` with an argument array (spawnSync, shell off), so a revision name is
 * only ever an argument: `main; touch x`, `$(id)` or backticks are looked up
 * as (non-existent) revision names and never run. Names that start with "-"
 * are refused outright, so one cannot pass for an option.
 */
import { nodeChildProcess } from './builtins.js';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { UserError } from './errors.js';
import { load, type LoadedRoot, type SourceFile } from './load.js';
import { memorySource, type MemoryFile } from './source/memory.js';
import type { DataSource } from './source/types.js';
import { MAX_FILE_BYTES } from './read.js';
import { inLayoutOrder } from './source/layout.js';
import { slashed } from './slashed.js';

/** Where a folder lies in a git working tree. */
export interface RepoLocation {
  /** the working tree's top level (real path) */
  top: string;
  /** the folder relative to `top`, with forward slashes; '' when it is the top level */
  rel: string;
}

export interface GitRevision {
  /** the name as given */
  name: string;
  /** full commit id */
  commit: string;
}

class GitFailure extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(stderr.trim() || `git ${args[0]} failed`);
  }
}

/** Global options for every call: no optional index writes, pathspecs taken literally. */
const GLOBAL = ['--no-optional-locks', '--literal-pathspecs'];

/** The most output a call other than a blob batch may give (a tree listing, a list of names). */
const MAX_OUTPUT = 64 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string, maxBuffer = MAX_OUTPUT): Buffer {
  const result = nodeChildProcess().spawnSync('git', [...GLOBAL, ...args], {
    cwd,
    input: input ?? '',
    shell: false,
    windowsHide: true,
    maxBuffer,
  });
  // git that stops before reading its input (not a repository) closes the pipe: that is its failure, not one to run it
  const stoppedEarly = result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'EPIPE' && typeof result.status === 'number' && result.status !== 0;
  if (result.error && !stoppedEarly) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('git is not installed (or not on PATH); accsm needs it to read a revision');
    throw new UserError(`git could not be run: ${result.error.message}`);
  }
  if (result.status !== 0) throw new GitFailure(args, result.stderr.toString('utf8'));
  return result.stdout;
}

/** Refuses revision names that could pass for options or hold control characters. */
export function checkRevisionName(name: string): string {
  if (name === '') throw new UserError('the revision name is empty');
  if (name.startsWith('-')) throw new UserError(`"${name}" is not accepted as a revision name: it starts with "-", like an option`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new UserError(`the revision name ${JSON.stringify(name)} contains control characters`);
  return name;
}

/** The nearest folder at or above `path` that exists, and the part below it. */
function existingAncestor(path: string): { dir: string; rest: string[] } {
  const rest: string[] = [];
  let dir = path;
  while (!existsSync(dir)) {
    const parent = dirname(dir);
    if (parent === dir) break;
    rest.unshift(basename(dir));
    dir = parent;
  }
  return { dir, rest };
}

/** The git working tree that holds `dir` (which need not exist), or undefined when there is none. */
export function locateInRepo(dir: string): RepoLocation | undefined {
  const { dir: existing, rest } = existingAncestor(dir);
  let top: string;
  try {
    top = git(existing, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitFailure) return undefined;
    throw error;
  }
  if (!top) return undefined;
  const realTop = realpathSync(top);
  const real = join(realpathSync(existing), ...rest);
  const rel = relative(realTop, real);
  if (rel.startsWith('..')) return undefined;
  return { top: realTop, rel: slashed(rel) };
}

/**
 * Which of these names a commit (a branch, a tag, a commit id, HEAD~1) in the
 * repository that holds `dir` (which need not exist; none when it is in no
 * repository), all asked in one `git cat-file --batch-check`: a diff checks
 * both of its sides for a folder that is also a revision with one run of git,
 * not two (the repository's top is not needed to ask).
 */
export function commitsAmong(dir: string, names: readonly string[]): Set<string> {
  // the names resolveRevision would refuse are not asked about
  const asked = names.filter((name) => {
    try {
      return checkRevisionName(name) === name;
    } catch {
      return false;
    }
  });
  if (asked.length === 0) return new Set();
  let lines: string[];
  try {
    lines = git(existingAncestor(dir).dir, ['cat-file', '--batch-check=%(objecttype)'], asked.map((name) => `${name}^{commit}\n`).join('')).toString('utf8').split('\n');
  } catch (error) {
    if (error instanceof GitFailure) return new Set();
    throw error;
  }
  // one line per name: the type of what it names ("commit"), else the name and "missing" or "ambiguous"
  return new Set(asked.filter((_, i) => lines[i] === 'commit'));
}

/** Resolves a revision name to a commit; unknown names are a UserError. */
export function resolveRevision(top: string, name: string): GitRevision {
  checkRevisionName(name);
  try {
    const commit = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`]).toString('utf8').trim();
    if (/^[0-9a-f]{40,64}$/.test(commit)) return { name, commit };
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
  }
  throw new UserError(`unknown revision "${name}": it is neither a folder nor a commit, branch or tag of the git repository ${top}`);
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
  path: string;
}

function listTree(top: string, commit: string, rel: string): TreeEntry[] {
  const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', commit];
  if (rel) args.push('--', rel);
  const out = git(top, args).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, object, size] = record.slice(0, tab).split(/ +/);
    entries.push({ mode: mode!, type: type!, object: object!, size: size === '-' ? 0 : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

/** How blobs are read from a revision. */
export interface BlobOptions {
  /**
   * The most blob bytes one `git cat-file --batch` may return (default 64 MB):
   * files are read in batches whose sizes (known from `git ls-tree -l`) add up
   * to at most this, so a revision is never held in one buffer. A single file
   * is at most MAX_FILE_BYTES, so it always fits a batch of its own.
   */
  batchBytes?: number;
  /** Told the number of blobs and their bytes for each batch read (for tests and measurements). */
  onBatch?: (blobs: number, bytes: number) => void;
}

export const DEFAULT_BATCH_BYTES = 64 * 1024 * 1024;

/**
 * The contents of some blobs, in one `git cat-file --batch`: each answer is
 * `<oid> blob <size>\n<content>\n` (or `<oid> missing\n`), in the order asked.
 * The output buffer is sized from the sizes the tree listing gave, plus the headers.
 */
function readBatch(top: string, blobs: readonly { object: string; size: number }[]): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (blobs.length === 0) return found;
  const expected = blobs.reduce((sum, b) => sum + b.size, 0);
  const out = git(top, ['cat-file', '--batch'], `${blobs.map((b) => b.object).join('\n')}\n`, expected + blobs.length * 160 + 4096);
  let at = 0;
  for (const blob of blobs) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const [object, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (object !== blob.object) throw new UserError(`git cat-file answered ${object ?? 'nothing'} where ${blob.object} was asked for; the repository may be damaged (git fsck checks it)`);
    if (type === 'missing' || size === undefined) continue;
    const n = Number(size);
    // never more than the listing said: a blob of another size is left unread (and reported too large below)
    if (type === 'blob' && n <= MAX_FILE_BYTES && n === blob.size) found.set(object, out.subarray(at, at + n));
    at += n + 1;
  }
  return found;
}

/** Groups blobs, in order, into batches of at most `cap` bytes (a larger blob alone). */
function batches<T extends { size: number }>(items: readonly T[], cap: number): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let total = 0;
  for (const item of items) {
    if (batch.length > 0 && total + item.size > cap) {
      out.push(batch);
      batch = [];
      total = 0;
    }
    batch.push(item);
    total += item.size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

const YAML_EXT = new Set(['.yaml', '.yml']);

interface RevisionListing {
  /** every file of the folder, by path relative to it; no bytes yet */
  files: MemoryFile[];
  /** the files to read (YAML, at most four levels deep, at most the size limit), in the order a load reads them */
  wanted: { rel: string; object: string; size: number }[];
}

function listRevision(top: string, commit: string, rel: string): RevisionListing {
  const prefix = rel ? `${rel}/` : '';
  const entries = listTree(top, commit, rel).filter((e) => e.path.startsWith(prefix) && e.type === 'blob');
  const files: MemoryFile[] = [];
  const wanted: RevisionListing['wanted'] = [];
  for (const e of entries) {
    const path = e.path.slice(prefix.length);
    if (e.mode === '120000') {
      files.push({ path, symlink: true });
      continue;
    }
    files.push({ path, size: e.size });
    if (e.size <= MAX_FILE_BYTES && YAML_EXT.has(extname(path)) && path.split('/').length <= 4) wanted.push({ rel: path, object: e.object, size: e.size });
  }
  return { files, wanted: inLayoutOrder(wanted) };
}

/** Reads the blobs of `wanted`, one batch at a time; each blob once even where several paths share it. */
function readWanted(top: string, wanted: readonly { rel: string; object: string; size: number }[], options: BlobOptions): Map<string, Buffer> {
  const unique = [...new Map(wanted.map((w) => [w.object, w] as const)).values()];
  const byObject = new Map<string, Buffer>();
  for (const batch of batches(unique, options.batchBytes ?? DEFAULT_BATCH_BYTES)) {
    const got = readBatch(top, batch);
    options.onBatch?.(batch.length, batch.reduce((sum, b) => sum + b.size, 0));
    for (const [object, bytes] of got) byObject.set(object, bytes);
  }
  const byPath = new Map<string, Buffer>();
  for (const w of wanted) {
    const bytes = byObject.get(w.object);
    if (bytes) byPath.set(w.rel, bytes);
  }
  return byPath;
}

/**
 * The files of the folder `rel` in a commit, relative to that folder, all
 * read at once (in batches). Only the YAML files a data root can hold (at most
 * four levels deep, at most the size limit) are read; the others are listed by
 * name and size only, and a file over the limit is refused from its size.
 */
export function readRevisionFiles(top: string, commit: string, rel: string, options: BlobOptions = {}): MemoryFile[] {
  const { files, wanted } = listRevision(top, commit, rel);
  const bytes = readWanted(top, wanted, options);
  return files.map((f) => {
    const b = bytes.get(f.path);
    return b ? { path: f.path, bytes: b } : f;
  });
}

/**
 * Reads blobs when a load asks for them: the one asked for and those after it
 * in load order, up to a batch's bytes. Only the current batch is held, and a
 * file's bytes are let go once handed out (a load decodes each file once).
 */
function lazyBlobs(top: string, wanted: readonly { rel: string; object: string; size: number }[], options: BlobOptions): (rel: string) => Uint8Array | undefined {
  const index = new Map(wanted.map((w, i) => [w.rel, i] as const));
  const cap = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  let held = new Map<string, Buffer>();
  return (rel) => {
    const ready = held.get(rel);
    if (ready) {
      held.delete(rel);
      return ready;
    }
    const i = index.get(rel);
    if (i === undefined) return undefined;
    const next: (typeof wanted)[number][] = [];
    let total = 0;
    for (let k = i; k < wanted.length && (next.length === 0 || total + wanted[k]!.size <= cap); k++) {
      next.push(wanted[k]!);
      total += wanted[k]!.size;
    }
    held = readWanted(top, next, { ...options, batchBytes: cap });
    const bytes = held.get(rel);
    held.delete(rel);
    return bytes;
  };
}

/** The data root at `rel` as it is in a commit. `rootDir` names its files (normally the working tree's data root). */
export function revisionSource(location: RepoLocation, revision: GitRevision, rootDir: string, options: BlobOptions = {}): DataSource {
  const { files, wanted } = listRevision(location.top, revision.commit, location.rel);
  return memorySource(rootDir, files, lazyBlobs(location.top, wanted, options));
}

/** A file of a revision as loaded, with its blob id. */
export interface RevisionFile {
  object: string;
  file: SourceFile;
}

/**
 * The data root at `rel` in a commit, for loading beside another revision
 * loaded before (`earlier`, by path relative to the data root; both named by
 * the same `rootDir`): a file whose blob is the one loaded there is not read
 * at all, and `reuse` (for load) gives it as it was loaded there. `objects`
 * gives the blob id of each file this side reads, by relative path.
 */
export function revisionSide(
  location: RepoLocation,
  revision: GitRevision,
  rootDir: string,
  earlier?: ReadonlyMap<string, RevisionFile>,
  options: BlobOptions = {},
): { source: DataSource; objects: ReadonlyMap<string, string>; reuse: Map<string, SourceFile> } {
  const { files, wanted } = listRevision(location.top, revision.commit, location.rel);
  const objects = new Map(wanted.map((w) => [w.rel, w.object] as const));
  const reuse = new Map<string, SourceFile>();
  const toRead = wanted.filter((w) => {
    const twin = earlier?.get(w.rel);
    if (twin?.object !== w.object) return true;
    reuse.set(twin.file.path, twin.file);
    return false;
  });
  return { source: memorySource(rootDir, files, lazyBlobs(location.top, toRead, options)), objects, reuse };
}

/** Loads the data root at `rel` as it is in a commit. */
export function loadRevisionRoot(location: RepoLocation, revision: GitRevision, rootDir: string, options: BlobOptions = {}): LoadedRoot {
  return load(revisionSource(location, revision, rootDir, options));
}

/**
 * Files under the data root that differ from a revision in the working tree:
 * changed, added or deleted tracked files (`git diff --name-only`) and
 * untracked files that are not ignored. Paths relative to the data root, with
 * forward slashes, sorted.
 */
export function changedSince(location: RepoLocation, revision: GitRevision): string[] {
  const scope = location.rel || '.';
  const prefix = location.rel ? `${location.rel}/` : '';
  const tracked = git(location.top, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', revision.commit, '--', scope]);
  const untracked = git(location.top, ['ls-files', '--others', '--exclude-standard', '-z', '--', scope]);
  const paths = new Set<string>();
  for (const out of [tracked, untracked]) {
    for (const p of out.toString('utf8').split('\0')) if (p && p.startsWith(prefix)) paths.add(p.slice(prefix.length));
  }
  return [...paths].sort();
}
