/**
 * The cache of per-file results (--cache, as ESLint has it): for each data
 * file, what reading, parsing and the schema found, keyed on the file's
 * content hash. The cross-file rules are never cached; they run on every load.
 *
 * Never trusted blindly:
 * - the whole cache is tied to one key (accsm's version, a hash of the core's
 *   code, the schemas' hash and the config's settings) and one
 *   data root; a cache made under another is ignored;
 * - its payload carries a SHA-256 digest over the key and the payload: a
 *   truncated, corrupt or hand-edited cache fails it and is ignored (rebuilt);
 * - with the `metadata` strategy (the default, as ESLint's) a file whose size,
 *   modification and change times and inode are what they were is taken as
 *   unchanged without reading it, except a file with problems, which is read
 *   and hashed again; a file modified less than RACY_MS before the run that
 *   recorded it is always hashed (its time stamp may not show a later change);
 * - with `content` every file is read and hashed.
 *
 * Pure apart from the stat of each data file: the cache file is read and
 * written by the caller (src/cli/cache.ts), which gives the bytes.
 */
import { createHash } from 'node:crypto';
import { lstatSync, type Stats } from 'node:fs';
import buildId from './generated/build-id.cjs';
import type { FilePlace, SourceFile } from './load-file.js';
import type { RawDiagnostic } from './raw.js';
import type { ReadResult } from './read.js';

export const CACHE_STRATEGIES = ['metadata', 'content'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** Bumped when the layout of the cache file changes. */
const FORMAT = 1;
const MAGIC = 'accsm-cache';
/** A file modified this close to the run that records it keeps no stat signature: file systems with coarse time stamps (FAT: 2 s) would hide a change made in the same tick. */
export const RACY_MS = 2000;

/** What cached results depend on besides each file's own text. */
export interface CacheIdentity {
  /** accsm's version */
  version: string;
  /** the config's settings (accsm.config.yaml), as plain data */
  config: unknown;
}

/** The key a cache is made under: a cache with another key is never used. */
export function cacheKey(identity: CacheIdentity): string {
  const parts = [FORMAT, identity.version, buildId.code, buildId.schemas, canonical(identity.config)];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** JSON with the keys of every mapping sorted, so that the same settings give the same key. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/**
 * One file's entry: rel, size, mtimeMs, ctimeMs, ino (all -1: known by its
 * content only, having been recorded too soon after it changed, or with the
 * content strategy), the SHA-256 of its text (base64; a number: its place in
 * the stored cache's `hashes`), whether it passed, its diagnostics, whether it
 * has data (1) or its YAML could not be read or it is empty (0), and the data.
 */
type Row = [string, number, number, number, number, string | number, boolean, RawDiagnostic[], 0 | 1, unknown];
/** Base64 of a SHA-256 digest. */
const HASH_CHARS = 44;

/** size, mtimeMs, ctimeMs, ino */
type Stat = [number, number, number, number];
const NO_STAT: Stat = [-1, -1, -1, -1];

/** The cache of one data root, used by one load. */
export interface FileCache {
  /**
   * Before a file is read: its result from the cache, when the cache holds
   * one for the file as it is now (undefined: read and check it, then record it).
   */
  known(rel: string, place: FilePlace, read: () => ReadResult): SourceFile | undefined;
  /** A file that was read and checked afresh. */
  record(rel: string, file: SourceFile): void;
  /** Called when every file is loaded: makes the bytes to write, when anything changed. */
  seal(): void;
  /** The bytes to write, when the cache changed (after seal). */
  readonly bytes: Uint8Array | undefined;
  /** Why the stored cache was not used (none yet, another key or root, damaged); undefined when it was. */
  readonly ignored: string | undefined;
  /** How the files were found: in the cache by their stat, in the cache by their content hash, or checked afresh. */
  readonly counts: { byStat: number; byContent: number; checked: number };
}

export interface OpenCacheOptions {
  key: string;
  /** the data root's real path: a cache of another root is not used */
  root: string;
  strategy: CacheStrategy;
  /** when the run started, in ms since the epoch (for RACY_MS) */
  now: number;
}

/** Opens the cache of a root from the bytes of its file (undefined: there is none yet). */
export function openCache(stored: Uint8Array | undefined, options: OpenCacheOptions): FileCache {
  const { rows: old, hashes, ignored } = decodeCache(stored, options.key, options.root);
  const hashOfRow = (row: Row) => (typeof row[5] === 'number' ? hashes.substr(row[5] * HASH_CHARS, HASH_CHARS) : row[5]);
  // the files come in the order of the last run's rows when the root has the same files: a row is found at its place, else by name
  let byRel: Map<string, Row> | undefined;
  const rowOf = (rel: string, at: number) => (old[at]?.[0] === rel ? old[at] : (byRel ??= new Map(old.map((r) => [r[0], r]))).get(rel));
  /** the rows of this run, in the order the files were looked up */
  const next: (Row | undefined)[] = [];
  /** the stat of each file looked up and not found, taken before it was read, and its place in `next` */
  const missed = new Map<string, { st: Stats | undefined; at: number }>();
  let changed = ignored !== undefined;
  let bytes: Uint8Array | undefined;
  const counts = { byStat: 0, byContent: 0, checked: 0 };
  const stable = (st: Stats | undefined): Stat => (st && st.mtimeMs < options.now - RACY_MS ? [st.size, st.mtimeMs, st.ctimeMs, st.ino] : NO_STAT);
  return {
    known(rel, place, read) {
      const at = next.length;
      next.push(undefined);
      const before = rowOf(rel, at);
      const st = options.strategy === 'metadata' ? statOf(place.path) : undefined;
      if (before !== undefined) {
        if (st !== undefined && before[7].length === 0 && sameStat(before, st)) {
          next[at] = before;
          counts.byStat++;
          return new CachedFile(place, before, undefined, read);
        }
        // by content: with the content strategy; a file with problems (its text places them); a file whose stat changed (touched, checked out again)
        const got = read();
        if (got.ok && hashOf(got.text) === hashOfRow(before)) {
          const [size, mtime, ctime, ino] = stable(st);
          if (before[1] !== size || before[2] !== mtime || before[3] !== ctime || before[4] !== ino) changed = true;
          next[at] = [rel, size, mtime, ctime, ino, before[5], before[6], before[7], before[8], before[9]];
          counts.byContent++;
          return new CachedFile(place, before, got.text);
        }
      }
      missed.set(rel, { st, at });
      return undefined;
    },
    record(rel, file) {
      counts.checked++;
      // a file that cannot be read, or whose data JSON does not keep exactly, is not recorded: it is checked again next time
      if (file.text === undefined || !jsonExact(file.data)) return;
      const miss = missed.get(rel);
      const [size, mtime, ctime, ino] = stable(miss?.st);
      changed = true;
      const row: Row = [rel, size, mtime, ctime, ino, hashOf(file.text), file.valid, file.diagnostics, file.data === undefined ? 0 : 1, file.data ?? null];
      if (miss) next[miss.at] = row;
      else next.push(row);
    },
    seal() {
      const rows = next.filter((r): r is Row => r !== undefined);
      if (changed || rows.length !== old.length) bytes = encodeCache(rows, hashOfRow, options.key, options.root);
    },
    get bytes() {
      return bytes;
    },
    ignored,
    counts,
  };
}

/** A file as the cache has it; its text is read only when something needs it (a rule's finding to place, an edit). */
class CachedFile implements SourceFile {
  path: string;
  kind: SourceFile['kind'];
  expectedId?: string;
  planId?: string;
  data?: unknown;
  valid: boolean;
  diagnostics: RawDiagnostic[];
  #text: string | undefined;
  #read: (() => ReadResult) | undefined;

  constructor(base: FilePlace, row: Row, text: string | undefined, read?: () => ReadResult) {
    this.path = base.path;
    this.kind = base.kind;
    if (base.expectedId !== undefined) this.expectedId = base.expectedId;
    if (base.planId !== undefined) this.planId = base.planId;
    if (row[8] === 1) this.data = row[9];
    this.valid = row[6];
    this.diagnostics = row[7];
    this.#text = text;
    this.#read = read;
  }

  get text(): string | undefined {
    if (this.#read) {
      const r = this.#read();
      this.#read = undefined;
      if (r.ok) this.#text = r.text;
    }
    return this.#text;
  }

  set text(value: string | undefined) {
    this.#read = undefined;
    this.#text = value;
  }
}

/** The stat of a regular file with one link; undefined for anything else (it is read as usual). */
function statOf(path: string): Stats | undefined {
  try {
    const st = lstatSync(path);
    return st.isFile() && st.nlink === 1 ? st : undefined;
  } catch {
    return undefined;
  }
}

/** Whether JSON gives the value back as it is: no NaN, infinity or -0 anywhere in it. */
function jsonExact(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value !== 'object') return true;
  const values = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < values.length; i++) if (!jsonExact(values[i])) return false;
  return true;
}

/** Whether a row's stat is the file's (a row without one never is: its size is -1). */
const sameStat = (row: Row, st: Stats) => row[1] === st.size && row[2] === st.mtimeMs && row[3] === st.ctimeMs && row[4] === st.ino;

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64');

// ---------------------------------------------------------------- the file

/**
 * The file: a header line `accsm-cache <format> <key> <digest>`, then the
 * payload: JSON of the root, the rows and their hashes in one string
 * (JSON.parse makes the data faster than v8.deserialize, a third less time at
 * 100,000 files; the few files whose data JSON cannot hold exactly, NaN,
 * infinities or -0, are not recorded). The digest is SHA-256 over the key and
 * the payload.
 */
function encodeCache(rows: readonly Row[], hashOfRow: (row: Row) => string, key: string, root: string): Uint8Array {
  const hashes = rows.map(hashOfRow).join('');
  const stored = rows.map((r) => [r[0], r[1], r[2], r[3], r[4], 0, r[6], r[7], r[8], r[9]]);
  const payload = Buffer.from(JSON.stringify({ root, hashes, rows: stored }), 'utf8');
  const header = Buffer.from(`${MAGIC} ${FORMAT} ${key} ${digest(key, payload)}\n`, 'latin1');
  return Buffer.concat([header, payload]);
}

function digest(key: string, payload: Uint8Array): string {
  return createHash('sha256').update(key).update(payload).digest('hex');
}

/** The rows of a stored cache, or none and why: missing, of another key or root, or damaged. */
export function decodeCache(stored: Uint8Array | undefined, key: string, root: string): { rows: Row[]; hashes: string; ignored?: string } {
  const none = (ignored: string) => ({ rows: [], hashes: '', ignored });
  if (stored === undefined) return none('no cache yet');
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const end = bytes.indexOf(10);
  if (end < 0 || end > 200) return none('not an accsm cache');
  const [magic, format, storedKey, storedDigest, ...rest] = bytes.subarray(0, end).toString('latin1').split(' ');
  if (magic !== MAGIC || rest.length > 0) return none('not an accsm cache');
  if (format !== String(FORMAT) || storedKey !== key) return none('made by another version of accsm, or under other settings');
  const payload = bytes.subarray(end + 1);
  if (digest(key, payload) !== storedDigest) return none('damaged or edited (its digest does not match)');
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return none('damaged (it cannot be read)');
  }
  const v = value as { root?: unknown; rows?: unknown; hashes?: unknown };
  if (!v || typeof v !== 'object' || !Array.isArray(v.rows) || typeof v.hashes !== 'string' || v.hashes.length !== v.rows.length * HASH_CHARS || !v.rows.every(isRow)) return none('damaged (not the expected shape)');
  if (v.root !== root) return none('made for another data root');
  const rows = v.rows as Row[];
  for (let i = 0; i < rows.length; i++) rows[i]![5] = i;
  return { rows, hashes: v.hashes };
}

function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || row.length !== 10) return false;
  const [rel, size, mtime, ctime, ino, hash, valid, diagnostics, hasData] = row as unknown[];
  return (
    typeof rel === 'string' &&
    typeof size === 'number' &&
    typeof mtime === 'number' &&
    typeof ctime === 'number' &&
    typeof ino === 'number' &&
    hash === 0 &&
    typeof valid === 'boolean' &&
    Array.isArray(diagnostics) &&
    (diagnostics.length === 0 || diagnostics.every((d) => d !== null && typeof d === 'object' && typeof (d as RawDiagnostic).code === 'string' && typeof (d as RawDiagnostic).message === 'string')) &&
    (hasData === 0 || hasData === 1)
  );
}
