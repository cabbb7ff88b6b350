/**
 * --cache, --cache-location and --cache-strategy, as ESLint has them: where the
 * cache file of a data root is, reading it, and writing it back atomically.
 * What is cached and when it is trusted is src/core/cache.ts.
 */
import { closeSync, mkdirSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { CACHE_STRATEGIES, cacheKey, openCache, type CacheFile, type CacheStrategy, type FileCache } from '../core/cache.js';
import { nodeCrypto } from '../core/builtins.js';
import { writeFileAtomic } from '../core/edit/atomic.js';
import { UserError } from '../core/errors.js';
import type { ResolvedRoot } from '../core/root.js';
import { displayPath } from '../core/validate.js';
import type { CliIO } from './io.js';

export interface CacheFlags {
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: CacheStrategy;
}

/** --cache, --cache-location, --cache-strategy. */
export function addCacheOptions(cmd: Command): Command {
  return cmd
    .option('--cache', "remember what each file's check found, and check again only the files that changed (the checks across files always run)")
    .option('--cache-location <path>', 'with --cache: the cache file, or a folder for it (default: node_modules/.cache/accsm/ in this folder when node_modules/ is here, else $XDG_CACHE_HOME/accsm or ~/.cache/accsm)')
    .addOption(new Option('--cache-strategy <how>', "with --cache: how a changed file is found: metadata (its size and times) or content (read and hash every file)").choices(CACHE_STRATEGIES as unknown as string[]).default('metadata'));
}

/** The cache of a root for one run, and how to write it back. */
export interface RootCache {
  cache: FileCache;
  /** the cache file */
  file: string;
  /** writes the cache when it changed; a failure is one line on stderr, never an error of the command */
  save(): void;
}

const MAGIC = Buffer.from('accsm-cache ');

/** Opens the cache for `root` when --cache is given (undefined otherwise); `version` is accsm's. */
export function openRootCache(io: CliIO, flags: CacheFlags, root: ResolvedRoot, version: string): RootCache | undefined {
  if (!flags.cache) return undefined;
  let real = root.dir;
  try {
    real = realpathSync(root.dir);
  } catch {
    // the root's own problems are reported when it is loaded
  }
  const file = cacheFile(io, flags.cacheLocation, real);
  const stored = readCache(file, flags.cacheLocation);
  const cache = openCache(stored, {
    key: cacheKey({ version, config: root.config?.config.rules ?? {} }),
    root: real,
    strategy: flags.cacheStrategy ?? 'metadata',
    now: io.now().getTime(),
  });
  return {
    cache,
    file,
    save() {
      const bytes = cache.bytes;
      if (!bytes) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        // a cache is rebuilt when it is lost: it needs no flush to disk, only the rename that makes it whole or absent
        writeFileAtomic(file, bytes, { fs: { fsyncSync: () => undefined } });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        io.stderr(`accsm: could not write the cache ${displayPath(file, io.cwd)} (${code}); the next run with --cache checks every file again\n`);
      }
    },
  };
}

/**
 * The cache file of a root. --cache-location names a file, or a folder (it
 * ends with / or is one) that gets one file per data root, named by a hash of
 * the root's real path (ESLint names its file in a folder by a hash of the
 * working directory). The default folder is node_modules/.cache/accsm/ in the
 * working directory, as ESLint resolves its location against the working
 * directory, else the XDG cache folder.
 */
export function cacheFile(io: Pick<CliIO, 'cwd' | 'env'>, location: string | undefined, realRoot: string): string {
  const name = `validate-${nodeCrypto().createHash('sha256').update(realRoot).digest('hex').slice(0, 16)}.cache`;
  if (location !== undefined) {
    const abs = resolve(io.cwd, location);
    return location.endsWith('/') || location.endsWith(sep) || isFolder(abs) ? join(abs, name) : abs;
  }
  if (isFolder(join(io.cwd, 'node_modules'))) return join(io.cwd, 'node_modules', '.cache', 'accsm', name);
  const xdg = io.env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(io.env.HOME || homedir(), '.cache');
  return join(base, 'accsm', name);
}

/**
 * The stored cache, if any, read in parts (see CacheFile): most of a cache is
 * the files' data, which validate never reads. A file named with
 * --cache-location that holds something else (not empty, not an accsm cache)
 * is refused rather than overwritten: it may be the user's own file.
 */
function readCache(file: string, location: string | undefined): CacheFile | undefined {
  const size = sizeOf(file);
  if (size === undefined) return undefined;
  const cache: CacheFile = { size, read: (offset, length) => readPart(file, offset, length) };
  const start = cache.read(0, MAGIC.length);
  // none yet, or unreadable: the run checks every file and tries to write it
  if (start === undefined) return undefined;
  if (size > 0 && !MAGIC.equals(start) && location !== undefined && !isOwnName(file)) {
    throw new UserError(`--cache-location ${location} names a file that is not an accsm cache; accsm does not overwrite it. Give a new file name, or a folder`);
  }
  return cache;
}

/** The size of a regular file; undefined for anything else, or none. */
function sizeOf(file: string): number | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** `length` bytes of a file from `offset` (fewer at its end); undefined when it cannot be read. */
function readPart(file: string, offset: number, length: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const bytes = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, bytes, got, length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    return got === length ? bytes : bytes.subarray(0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The names accsm gives cache files in a folder. */
const isOwnName = (file: string) => /(?:^|[\\/])validate-[0-9a-f]{16}\.cache$/.test(file);

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
