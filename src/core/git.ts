/**
 * Reading data from git without a checkout and without a shell. Every call is
 * `git` with an argument array (spawnSync, shell off), so a revision name is
 * only ever an argument: `main; touch x`, `$(id)` or backticks are looked up
 * as (non-existent) revision names and never run. Names that start with "-"
 * are refused outright, so one cannot pass for an option.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { UserError } from './errors.js';
import { load, type LoadedRoot } from './load.js';
import { memorySource, type MemoryFile } from './source/memory.js';
import type { DataSource } from './source/types.js';
import { MAX_FILE_BYTES } from './read.js';

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

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', [...GLOBAL, ...args], {
    cwd,
    input: input ?? '',
    shell: false,
    windowsHide: true,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error) {
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
  return { top: realTop, rel: rel.split(sep).join('/') };
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

/** Contents of many blobs in one `git cat-file --batch`. */
function readBlobs(top: string, objects: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(objects)];
  if (unique.length === 0) return blobs;
  const out = git(top, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const [object, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (type === 'missing' || size === undefined) continue;
    const n = Number(size);
    blobs.set(object!, out.subarray(at, at + n));
    at += n + 1;
  }
  return blobs;
}

const YAML_EXT = new Set(['.yaml', '.yml']);

/**
 * The files of the folder `rel` in a commit, relative to that folder. Only the
 * YAML files a data root can hold (at most four levels deep, at most the size
 * limit) are read; the others are listed by name only.
 */
export function readRevisionFiles(top: string, commit: string, rel: string): MemoryFile[] {
  const prefix = rel ? `${rel}/` : '';
  const entries = listTree(top, commit, rel).filter((e) => e.path.startsWith(prefix) && e.type === 'blob');
  const wanted = entries.filter((e) => e.mode !== '120000' && e.size <= MAX_FILE_BYTES && YAML_EXT.has(extname(e.path)) && e.path.slice(prefix.length).split('/').length <= 4);
  const blobs = readBlobs(
    top,
    wanted.map((e) => e.object),
  );
  return entries.map((e) => {
    const path = e.path.slice(prefix.length);
    if (e.mode === '120000') return { path, symlink: true };
    const bytes = blobs.get(e.object);
    return bytes ? { path, bytes } : { path, size: e.size };
  });
}

/** The data root at `rel` as it is in a commit. `rootDir` names its files (normally the working tree's data root). */
export function revisionSource(location: RepoLocation, revision: GitRevision, rootDir: string): DataSource {
  return memorySource(rootDir, readRevisionFiles(location.top, revision.commit, location.rel));
}

/** Loads the data root at `rel` as it is in a commit. */
export function loadRevisionRoot(location: RepoLocation, revision: GitRevision, rootDir: string): LoadedRoot {
  return load(revisionSource(location, revision, rootDir));
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
