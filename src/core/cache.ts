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
 *   the files' data, which validate never reads, has a digest of its own (in
 *   the payload) and is read only when asked for: when it fails, the data is
 *   read from the files themselves;
 * - with the `metadata` strategy (the default, as ESLint's) a file whose size,
 *   modification and change times and inode are what they were is taken as
 *   unchanged without reading it, except a file with problems, which is read
 *   and hashed again; a file modified less than RACY_MS before the run that
 *   recorded it is always hashed (its time stamp may not show a later change);
 * - with `content` every file is read and hashed.
 *
 * Pure apart from the stat of each data file: the cache file is read and
 * written by the caller (src/cli/cache.ts), which gives a CacheFile to read
 * it in parts, or its bytes.
 */
import { nodeCrypto } from './builtins.js';
import { constants, lstatSync, type Stats } from 'node:fs';
import { endianness } from 'node:os';
import buildId from './generated/build-id.cjs';
import { loadRead, type FilePlace, type SourceFile } from './load-file.js';
import type { RawDiagnostic } from './raw.js';
import type { ReadResult } from './read.js';
import type { ListedPath } from './source/types.js';
import { projectFacts } from './rules.js';

export const CACHE_STRATEGIES = ['metadata', 'content'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** Bumped when the layout of the cache file changes. */
const FORMAT = 3;
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
  return nodeCrypto().createHash('sha256').update(JSON.stringify(parts)).digest('hex');
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
 * The stored cache, decoded: a table of numbers per file (its stat, flags and
 * where its name and data are), the SHA-256 of each file's text, the names,
 * the diagnostics of the files that have any, and each file's data as its own
 * JSON text, parsed only when the data is asked for.
 */
interface Stored {
  count: number;
  table: Float64Array;
  hashes: Buffer;
  /** every file's path relative to the root, each followed by "\0" */
  rels: string;
  diagnostics: Map<number, RawDiagnostic[]>;
  /** of each project file without problems, what the cross-file rules read of its data (projectFacts); 0 for the others */
  facts: unknown[];
  /** the JSON of `facts`, whose rows the table places */
  factsJson: Buffer;
  /** each file's data as JSON, read from the cache file (and its digest checked) when first asked for; undefined when it cannot be had (the files' data is then read from the files) */
  data(): Buffer | undefined;
}

/**
 * A stored cache file, read in parts: what every run needs (the table, names,
 * diagnostics and facts) at once, the files' data (most of the file) only when
 * something asks for it (validate never does).
 */
export interface CacheFile {
  /** its size in bytes */
  size: number;
  /** `length` bytes from `offset` (fewer at the end of the file); undefined when it cannot be read */
  read(offset: number, length: number): Uint8Array | undefined;
}

/** A cache file held in memory. */
export const cacheBytes = (bytes: Uint8Array): CacheFile => ({ size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) });

/** The table's columns: the stat (all -1 for a file known by its content only, recorded too soon after it changed or with the content strategy), flags, where the name starts in `rels` (in characters), where the data and the facts are in their JSON (bytes). */
const COLUMNS = 10;
const [SIZE, MTIME, CTIME, INO, FLAGS, REL, DATA_START, DATA_END, FACTS_START, FACTS_END] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** flags: the file passed its checks; it has data (its YAML could be read and is not empty); it has diagnostics; it has facts */
const VALID = 1;
const HAS_DATA = 2;
const HAS_DIAGNOSTICS = 4;
const HAS_FACTS = 8;
const ALL_FLAGS = 15;
const HASH_BYTES = 32;

/** size, mtimeMs, ctimeMs, ino */
type Stat = readonly [number, number, number, number];
const NO_STAT: Stat = [-1, -1, -1, -1];

/**
 * A file of this run: one of the stored cache (by its row there, with its stat now; undefined: the stored one) or one checked afresh.
 * A file found by its stat is only its row number (most files of a warm run): no object per file.
 */
interface Entry {
  rel: string;
  stat: Stat | undefined;
  /** its row in the stored cache, or what was found when it was checked afresh */
  from: number | { hash: Buffer; flags: number; diagnostics: RawDiagnostic[]; data: unknown; facts: unknown };
}

/** Where a file's text is read from when something asks for it (the load's DataSource). */
export interface FileReader {
  read(rel: string, listed?: ListedPath): ReadResult;
}

/** The cache of one data root, used by one load. */
export interface FileCache {
  /**
   * Before a file is read: its result from the cache, when the cache holds
   * one for the file as it is now (undefined: read and check it, then record it).
   */
  known(listed: ListedPath, place: FilePlace, source: FileReader): SourceFile | undefined;
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

/** Opens the cache of a root from its file, or the file's bytes (undefined: there is none yet). */
export function openCache(stored: CacheFile | Uint8Array | undefined, options: OpenCacheOptions): FileCache {
  const decoded = decodeStored(stored, options.key, options.root);
  const ignored = 'ignored' in decoded ? decoded.ignored : undefined;
  const old: Stored = 'ignored' in decoded ? EMPTY : decoded;
  const { table, rels } = old;
  // the files come in the order of the last run's rows: a file is looked for in the row after the last one found, else by name
  let byRel: Map<string, number> | undefined;
  let cursor = 0;
  const rowOf = (rel: string) => {
    const row = cursor < old.count && relAt(old, cursor, rel) ? cursor : ((byRel ??= relIndex(old)).get(rel) ?? -1);
    if (row >= 0) cursor = row + 1;
    return row;
  };
  /** the files of this run, in the order they were looked up: a row of the stored cache found by its stat, or an Entry */
  const next: (number | Entry | undefined)[] = [];
  /** the stat of each file looked up and not found, taken before it was read, and its place in `next` */
  const missed = new Map<string, { st: Stats | undefined; at: number }>();
  let changed = ignored !== undefined;
  let bytes: Uint8Array | undefined;
  const counts = { byStat: 0, byContent: 0, checked: 0 };
  const stable = (st: Stats | undefined): Stat => (st && st.mtimeMs < options.now - RACY_MS ? [st.size, st.mtimeMs, st.ctimeMs, st.ino] : NO_STAT);
  const byMetadata = options.strategy === 'metadata';
  return {
    known(listed, place, source) {
      const { rel } = listed;
      const row = rowOf(rel);
      const st = byMetadata ? statOf(place.path) : undefined;
      if (row >= 0) {
        const t = row * COLUMNS;
        const flags = table[t + FLAGS]!;
        if (st !== undefined && (flags & HAS_DIAGNOSTICS) === 0 && table[t + SIZE] === st.size && table[t + MTIME] === st.mtimeMs && table[t + CTIME] === st.ctimeMs && table[t + INO] === st.ino) {
          next.push(row);
          counts.byStat++;
          return new CachedFile(place, old, row, undefined, listed, source);
        }
        // by content: with the content strategy; a file with problems (its text places them); a file whose stat changed (touched, checked out again)
        const got = source.read(rel, listed);
        if (got.ok && hashOf(got.text).equals(old.hashes.subarray(row * HASH_BYTES, (row + 1) * HASH_BYTES))) {
          const stat = stable(st);
          if (stat.some((v, i) => v !== table[t + i])) changed = true;
          next.push({ rel, stat, from: row });
          counts.byContent++;
          return new CachedFile(place, old, row, got.text);
        }
      }
      missed.set(rel, { st, at: next.length });
      next.push(undefined);
      return undefined;
    },
    record(rel, file) {
      counts.checked++;
      // a file that cannot be read, or whose data JSON does not keep exactly, is not recorded: it is checked again next time
      if (file.text === undefined || !jsonExact(file.data)) return;
      const miss = missed.get(rel);
      changed = true;
      const facts = factsOf(file);
      const flags = (file.valid ? VALID : 0) | (file.data === undefined ? 0 : HAS_DATA) | (file.diagnostics.length > 0 ? HAS_DIAGNOSTICS : 0) | (facts === undefined ? 0 : HAS_FACTS);
      const entry: Entry = { rel, stat: stable(miss?.st), from: { hash: hashOf(file.text), flags, diagnostics: file.diagnostics, data: file.data, facts } };
      if (miss) next[miss.at] = entry;
      else next.push(entry);
    },
    seal() {
      const entries = next.filter((e): e is number | Entry => e !== undefined);
      if (changed || entries.length !== old.count) bytes = encodeCache(entries, old, options.key, options.root);
    },
    get bytes() {
      return bytes;
    },
    ignored,
    counts,
  };
}

const EMPTY: Stored = { count: 0, table: new Float64Array(0), hashes: Buffer.alloc(0), rels: '', diagnostics: new Map(), facts: [], factsJson: Buffer.from('[]'), data: () => Buffer.alloc(0) };

/**
 * What the rules read of a project file without problems (as a load on demand
 * keeps it, load.ts): kept beside its data, so that a warm run gives the rules
 * these few values and parses no file's whole data (validate asks for none).
 */
function factsOf(file: SourceFile): unknown {
  const data = file.data;
  if (file.kind !== 'project' || !file.valid || file.diagnostics.length > 0 || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return projectFacts(data as Record<string, unknown>);
}

/** Whether row `row` of the stored cache is the file `rel`: its name starts at a name's start and ends at a "\0". */
function relAt(stored: Stored, row: number, rel: string): boolean {
  const start = stored.table[row * COLUMNS + REL]!;
  return stored.rels.startsWith(rel, start) && stored.rels.charCodeAt(start + rel.length) === 0 && (start === 0 || stored.rels.charCodeAt(start - 1) === 0);
}

/** The name of row `row` of the stored cache (a row the decoder checked: its name ends with a "\0"). */
function relOf(stored: Stored, row: number): string {
  const start = stored.table[row * COLUMNS + REL]!;
  return stored.rels.slice(start, stored.rels.indexOf('\0', start));
}

/** Each stored file's row, by its name (when the files are not where they were in the last run's order). */
function relIndex(stored: Stored): Map<string, number> {
  const index = new Map<string, number>();
  for (let row = 0; row < stored.count; row++) {
    const start = stored.table[row * COLUMNS + REL]!;
    if (start !== 0 && stored.rels.charCodeAt(start - 1) !== 0) continue;
    const end = stored.rels.indexOf('\0', start);
    if (end >= 0 && !index.has(stored.rels.slice(start, end))) index.set(stored.rels.slice(start, end), row);
  }
  return index;
}

/** No problems: the one empty list the cached files without any share (frozen, so nothing can add to it), not one per file. */
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as RawDiagnostic[];

/**
 * A file as the cache has it: a project file without problems with the facts
 * the rules read. Its data is parsed from its JSON when first asked for, and
 * its text is read only when something needs it (a rule's finding to place,
 * an edit).
 */
class CachedFile implements SourceFile {
  path: string;
  kind: SourceFile['kind'];
  expectedId?: string;
  planId?: string;
  valid: boolean;
  diagnostics: RawDiagnostic[];
  facts: unknown;
  #text: string | undefined;
  /** where its text is read from when asked for (none: read already, or never to be read) */
  #source: FileReader | undefined;
  #listed: ListedPath | undefined;
  #data: unknown;
  /** the stored cache and the row whose data is not parsed yet */
  #stored: Stored | undefined;
  #row: number;

  constructor(base: FilePlace, stored: Stored, row: number, text: string | undefined, listed?: ListedPath, source?: FileReader) {
    this.path = base.path;
    this.kind = base.kind;
    if (base.expectedId !== undefined) this.expectedId = base.expectedId;
    if (base.planId !== undefined) this.planId = base.planId;
    const flags = stored.table[row * COLUMNS + FLAGS]!;
    this.valid = (flags & VALID) !== 0;
    this.diagnostics = (flags & HAS_DIAGNOSTICS) !== 0 ? stored.diagnostics.get(row)! : NO_DIAGNOSTICS;
    this.facts = (flags & HAS_FACTS) !== 0 ? stored.facts[row] : undefined;
    this.#stored = (flags & HAS_DATA) !== 0 ? stored : undefined;
    this.#row = row;
    this.#text = text;
    this.#listed = listed;
    this.#source = source;
  }

  get data(): unknown {
    if (this.#stored) {
      const t = this.#row * COLUMNS;
      const bytes = this.#stored.data();
      const { table } = this.#stored;
      this.#stored = undefined;
      if (bytes) this.#data = JSON.parse(bytes.toString('utf8', table[t + DATA_START], table[t + DATA_END]));
      else {
        // the cache file's data part is gone or damaged (replaced by another run since): the data of the file as it is now
        const text = this.text;
        if (text !== undefined && this.kind !== 'other') {
          const place: FilePlace = { path: this.path, kind: this.kind };
          if (this.planId !== undefined) place.planId = this.planId;
          if (this.expectedId !== undefined) place.expectedId = this.expectedId;
          this.#data = loadRead(place, { ok: true, text }).data;
        }
      }
    }
    return this.#data;
  }

  set data(value: unknown) {
    this.#stored = undefined;
    this.#data = value;
    this.facts = undefined;
  }

  get text(): string | undefined {
    if (this.#source) {
      const r = this.#source.read(this.#listed!.rel, this.#listed);
      this.#source = undefined;
      if (r.ok) this.#text = r.text;
    }
    return this.#text;
  }

  set text(value: string | undefined) {
    this.#source = undefined;
    this.#text = value;
  }
}

const { S_IFMT, S_IFREG } = constants;

/** The stat of a regular file with one link; undefined for anything else (it is read as usual). */
function statOf(path: string): Stats | undefined {
  try {
    const st = lstatSync(path);
    // what st.isFile() tests, without its call per file
    return (st.mode & S_IFMT) === S_IFREG && st.nlink === 1 ? st : undefined;
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

const hashOf = (text: string) => nodeCrypto().createHash('sha256').update(text).digest();

// ---------------------------------------------------------------- the file

/**
 * The file: a header line `accsm-cache <format> <key> <digest>`, then the
 * payload: a line of JSON saying the root, the number of files, the sizes
 * of the parts and the SHA-256 of the data part, padded with spaces so that
 * the table after it starts at a multiple of 8 bytes; the table (COLUMNS
 * numbers per file, as the machine stores a Float64Array, named in the
 * line); the SHA-256 of each file's text (32 bytes each); the files' names,
 * each followed by "\0"; JSON of the diagnostics of the files that have any,
 * as [row, diagnostics] pairs; and one JSON list of each file's facts (what
 * the rules read of a project without problems, else 0). After the payload
 * comes the data part: each file's data as its own JSON text, one after
 * another. A warm run makes nothing of a file but what it uses: no row
 * arrays or strings per file to decode, the facts in one JSON.parse, and a
 * file's data only when something asks for it (validate never does: it
 * neither reads nor hashes the data part, most of the file). A file whose
 * data JSON cannot hold exactly (NaN, infinities, -0) is not recorded. The
 * digest is SHA-256 over the key and the payload.
 */
function encodeCache(all: readonly (number | Entry)[], old: Stored, key: string, root: string): Uint8Array {
  // the files of the stored cache that have data are copied from its data part; if that cannot be had (damaged since), they are left out, to be checked afresh next time
  const fromOld = (e: number | Entry) => (typeof e === 'number' ? e : typeof e.from === 'number' ? e.from : -1);
  const withOldData = (e: number | Entry) => fromOld(e) >= 0 && (old.table[fromOld(e) * COLUMNS + FLAGS]! & HAS_DATA) !== 0;
  const oldData = all.some(withOldData) ? old.data() : undefined;
  const entries = oldData === undefined ? all.filter((e) => !withOldData(e)) : all;
  const count = entries.length;
  const table = new Float64Array(count * COLUMNS);
  const hashes = Buffer.allocUnsafe(count * HASH_BYTES);
  const names: string[] = [];
  const diagnostics: [number, RawDiagnostic[]][] = [];
  const data = new Section();
  const facts = new Section();
  facts.add('[');
  let relAt = 0;
  entries.forEach((e, i) => {
    const t = i * COLUMNS;
    const from = typeof e === 'number' ? e : e.from;
    const rel = typeof e === 'number' ? relOf(old, e) : e.rel;
    if (typeof e !== 'number' && e.stat) [table[t + SIZE], table[t + MTIME], table[t + CTIME], table[t + INO]] = e.stat;
    else if (typeof from === 'number') table.set(old.table.subarray(from * COLUMNS, from * COLUMNS + 4), t);
    table[t + REL] = relAt;
    relAt += rel.length + 1;
    names.push(rel);
    let json: string | Uint8Array;
    let factsJson: string | Uint8Array;
    if (typeof from === 'number') {
      // a file of the stored cache: its hash, diagnostics, data and facts are copied as they are
      const o = from * COLUMNS;
      table[t + FLAGS] = old.table[o + FLAGS]!;
      old.hashes.copy(hashes, i * HASH_BYTES, from * HASH_BYTES, (from + 1) * HASH_BYTES);
      if (old.table[o + FLAGS]! & HAS_DIAGNOSTICS) diagnostics.push([i, old.diagnostics.get(from)!]);
      json = oldData ? oldData.subarray(old.table[o + DATA_START], old.table[o + DATA_END]) : '';
      factsJson = old.factsJson.subarray(old.table[o + FACTS_START], old.table[o + FACTS_END]);
    } else {
      table[t + FLAGS] = from.flags;
      from.hash.copy(hashes, i * HASH_BYTES);
      if (from.diagnostics.length > 0) diagnostics.push([i, from.diagnostics]);
      json = from.data === undefined ? '' : JSON.stringify(from.data);
      factsJson = from.facts === undefined ? '0' : JSON.stringify(from.facts);
    }
    table[t + DATA_START] = data.length;
    data.add(json);
    table[t + DATA_END] = data.length;
    if (i > 0) facts.add(',');
    table[t + FACTS_START] = facts.length;
    facts.add(factsJson);
    table[t + FACTS_END] = facts.length;
  });
  const rels = Buffer.from(count > 0 ? `${names.join('\0')}\0` : '', 'utf8');
  const diagnosticsJson = Buffer.from(JSON.stringify(diagnostics), 'utf8');
  facts.add(']');
  const dataParts = data.parts();
  const dataDigest = dataParts.reduce((h, part) => h.update(part), nodeCrypto().createHash('sha256')).digest('hex');
  const head = JSON.stringify({ root, files: count, endian: endianness(), rels: rels.length, diagnostics: diagnosticsJson.length, facts: facts.length, data: data.length, dataDigest });
  const headerLength = `${MAGIC} ${FORMAT} ${key} ${'0'.repeat(64)}\n`.length;
  // spaces after the JSON line's text put the table at a multiple of 8 bytes, so it can be read where it lies
  const line = Buffer.from(head, 'utf8');
  const padded = Buffer.concat([line, Buffer.from(`${' '.repeat((8 - ((headerLength + line.length + 1) % 8)) % 8)}\n`)]);
  const payload = Buffer.concat([padded, Buffer.from(table.buffer, table.byteOffset, table.byteLength), hashes, rels, diagnosticsJson, ...facts.parts()]);
  const header = Buffer.from(`${MAGIC} ${FORMAT} ${key} ${digest(key, payload)}\n`, 'latin1');
  return Buffer.concat([header, payload, ...dataParts]);
}

/** Bytes made of texts and of bytes copied from the stored cache: texts next to each other become one Buffer (a Buffer for each file's JSON cost more than making the JSON). */
class Section {
  /** the length in bytes so far */
  length = 0;
  #parts: Uint8Array[] = [];
  #texts: string[] = [];

  add(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      this.#texts.push(piece);
      this.length += Buffer.byteLength(piece, 'utf8');
    } else {
      this.#flush();
      this.#parts.push(piece);
      this.length += piece.length;
    }
  }

  parts(): Uint8Array[] {
    this.#flush();
    return this.#parts;
  }

  #flush(): void {
    if (this.#texts.length === 0) return;
    this.#parts.push(Buffer.from(this.#texts.join(''), 'utf8'));
    this.#texts = [];
  }
}

function digest(key: string, payload: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(key).update(payload).digest('hex');
}

/** One file of a stored cache, as tests see it. */
export interface CachedEntry {
  rel: string;
  /** size, mtimeMs, ctimeMs, ino (all -1: known by its content only) */
  stat: [number, number, number, number];
  /** SHA-256 of its text, base64 */
  hash: string;
  valid: boolean;
  diagnostics: RawDiagnostic[];
  data: unknown;
  facts: unknown;
}

/** A stored cache's files, in its order (for tests); or none and why it is not used. */
export function decodeCache(stored: CacheFile | Uint8Array | undefined, key: string, root: string): { files: CachedEntry[]; ignored?: string } {
  const decoded = decodeStored(stored, key, root);
  if ('ignored' in decoded) return { files: [], ignored: decoded.ignored };
  return {
    files: [...relIndex(decoded)].map(([rel, row]) => {
      const file = new CachedFile({ path: rel, kind: 'project' }, decoded, row, undefined);
      const t = row * COLUMNS;
      const stat: CachedEntry['stat'] = [decoded.table[t + SIZE]!, decoded.table[t + MTIME]!, decoded.table[t + CTIME]!, decoded.table[t + INO]!];
      return { rel, stat, hash: decoded.hashes.subarray(row * HASH_BYTES, (row + 1) * HASH_BYTES).toString('base64'), valid: file.valid, diagnostics: file.diagnostics, data: file.data, facts: file.facts };
    }),
  };
}

/** Encodes files as a cache holds them (for tests that edit a cache by hand, then put the old header back). */
export function encodeCacheFiles(files: readonly CachedEntry[], key: string, root: string): Uint8Array {
  const entries: Entry[] = files.map((f) => ({
    rel: f.rel,
    stat: f.stat,
    from: {
      hash: Buffer.from(f.hash, 'base64'),
      flags: (f.valid ? VALID : 0) | (f.data === undefined ? 0 : HAS_DATA) | (f.diagnostics.length > 0 ? HAS_DIAGNOSTICS : 0) | (f.facts === undefined ? 0 : HAS_FACTS),
      diagnostics: f.diagnostics,
      data: f.data,
      facts: f.facts,
    },
  }));
  return encodeCache(entries, EMPTY, key, root);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The stored cache, or why it is not used: missing, of another key or root, or damaged. */
function decodeStored(stored: CacheFile | Uint8Array | undefined, key: string, root: string): Stored | { ignored: string } {
  const none = (ignored: string) => ({ ignored });
  if (stored === undefined) return none('no cache yet');
  const file = stored instanceof Uint8Array ? cacheBytes(stored) : stored;
  // the header line and the line that says the sizes of the parts come first
  const first = file.read(0, Math.min(file.size, 1 << 16));
  if (first === undefined) return none('no cache yet');
  const start = Buffer.from(first.buffer, first.byteOffset, first.byteLength);
  const end = start.indexOf(10);
  if (end < 0 || end > 200) return none('not an accsm cache');
  const [magic, format, storedKey, storedDigest, ...rest] = start.subarray(0, end).toString('latin1').split(' ');
  if (magic !== MAGIC || rest.length > 0) return none('not an accsm cache');
  if (format !== String(FORMAT) || storedKey !== key) return none('made by another version of accsm, or under other settings');
  const damaged = none('damaged (not the expected shape)');
  const edited = none('damaged or edited (its digest does not match)');
  const lineEnd = start.indexOf(10, end + 1) - (end + 1);
  if (lineEnd < 0) return damaged;
  const head = jsonAt(start, end + 1, end + 1 + lineEnd) as { root?: unknown; files?: unknown; endian?: unknown; rels?: unknown; diagnostics?: unknown; facts?: unknown; data?: unknown; dataDigest?: unknown } | null | undefined;
  if (!head || typeof head !== 'object' || typeof head.root !== 'string' || typeof head.dataDigest !== 'string' || ![head.files, head.rels, head.diagnostics, head.facts, head.data].every(isCount)) return edited;
  const count = head.files as number;
  const tableBytes = count * COLUMNS * 8;
  const hashesAt = lineEnd + 1 + tableBytes;
  const relsAt = hashesAt + count * HASH_BYTES;
  const diagnosticsAt = relsAt + (head.rels as number);
  const factsAt = diagnosticsAt + (head.diagnostics as number);
  /** the end of the payload the digest covers: the data part follows, with a digest of its own */
  const dataAt = factsAt + (head.facts as number);
  if (end + 1 + dataAt + (head.data as number) !== file.size) return edited;
  const read = file.read(0, end + 1 + dataAt);
  if (read === undefined || read.length !== end + 1 + dataAt) return damaged;
  const payload = Buffer.from(read.buffer, read.byteOffset + end + 1, dataAt);
  // the line read first is the line the digest covers (the file was not replaced in between)
  if (digest(key, payload) !== storedDigest || !payload.subarray(0, lineEnd).equals(start.subarray(end + 1, end + 1 + lineEnd))) return edited;
  if (head.endian !== endianness()) return none('made on a machine that stores numbers the other way round');
  if (head.root !== root) return none('made for another data root');
  const tableAt = payload.byteOffset + lineEnd + 1;
  // the table is read where it lies when it lies at a multiple of 8 bytes in memory, else from a copy
  const table = tableAt % 8 === 0 ? new Float64Array(payload.buffer, tableAt, count * COLUMNS) : new Float64Array(payload.buffer.slice(tableAt, tableAt + tableBytes));
  const rels = payload.toString('utf8', relsAt, diagnosticsAt);
  const [dataLength, factsLength] = [head.data as number, head.facts as number];
  let withDiagnostics = 0;
  let factsEnd = 1;
  // one pass over the table, no call or array per row (a warm run of 100,000 files makes this pass): each value is a whole number in its range
  for (let t = 0; t < table.length; t += COLUMNS) {
    const flags = table[t + FLAGS]!;
    const rel = table[t + REL]!;
    const from = table[t + DATA_START]!;
    const to = table[t + DATA_END]!;
    const factsFrom = table[t + FACTS_START]!;
    const factsTo = table[t + FACTS_END]!;
    // x >= 0 && x <= max is false for NaN; Math.floor(x) === x tells a whole number
    if (!(flags >= 0 && flags <= ALL_FLAGS && Math.floor(flags) === flags && rel >= 0 && rel < rels.length && Math.floor(rel) === rel)) return damaged;
    if (!(from >= 0 && from <= to && to <= dataLength && Math.floor(from) === from && Math.floor(to) === to) || (flags & HAS_DATA ? from === to : from !== to)) return damaged;
    // each file's facts follow the last one's (after a comma) and end before the closing bracket
    if (!(factsFrom === factsEnd + (t === 0 ? 0 : 1) && factsTo > factsFrom && factsTo < factsLength && Math.floor(factsTo) === factsTo)) return damaged;
    factsEnd = factsTo;
    if (flags & HAS_DIAGNOSTICS) withDiagnostics++;
  }
  const facts = jsonAt(payload, factsAt, dataAt);
  if (!Array.isArray(facts) || facts.length !== count) return damaged;
  for (let row = 0; row < count; row++) {
    const f = facts[row] as unknown;
    if (table[row * COLUMNS + FLAGS]! & HAS_FACTS ? !isFacts(f) : f !== 0) return damaged;
  }
  const pairs = jsonAt(payload, diagnosticsAt, factsAt);
  if (!Array.isArray(pairs) || pairs.length !== withDiagnostics) return damaged;
  const diagnostics = new Map<number, RawDiagnostic[]>();
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || !isCount(pair[0]) || pair[0] >= count || !(table[pair[0] * COLUMNS + FLAGS]! & HAS_DIAGNOSTICS) || !isDiagnostics(pair[1])) return damaged;
    diagnostics.set(pair[0], pair[1]);
  }
  if (diagnostics.size !== withDiagnostics) return damaged;
  const [dataFrom, dataDigest] = [end + 1 + dataAt, head.dataDigest];
  let data: Buffer | false | undefined;
  const dataPart = () => {
    if (data === undefined) {
      const got = file.read(dataFrom, dataLength);
      const bytes = got && Buffer.from(got.buffer, got.byteOffset, got.byteLength);
      // the data part has its own digest, in the line the payload's digest covers
      data = bytes !== undefined && bytes.length === dataLength && nodeCrypto().createHash('sha256').update(bytes).digest('hex') === dataDigest ? bytes : false;
    }
    return data || undefined;
  };
  return { count, table, hashes: payload.subarray(hashesAt, relsAt), rels, diagnostics, facts, factsJson: payload.subarray(factsAt, dataAt), data: dataPart };
}

/** The JSON value of part of the payload; undefined when it is not JSON (no part of a cache is undefined). */
function jsonAt(payload: Buffer, from: number, to: number): unknown {
  try {
    return JSON.parse(payload.toString('utf8', from, to)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Whether a stored value has the shape projectFacts gives a project without
 * problems: the rules take facts as they are. No call per value (a warm run
 * of 100,000 files checks 100,000 facts): a JSON array has no named keys, so
 * a value whose `date` or `start` is a string is an object; carried_from the
 * rules check themselves.
 */
function isFacts(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { id, priority_areas: areas, schedule, status } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !Array.isArray(areas) || !Array.isArray(status)) return false;
  for (let i = 0; i < areas.length; i++) if (typeof areas[i] !== 'string') return false;
  for (let i = 0; i < status.length; i++) {
    const e = status[i] as { date?: unknown } | null;
    if (e === null || typeof e !== 'object' || typeof e.date !== 'string') return false;
  }
  if (schedule === undefined) return true;
  const s = schedule as { start?: unknown; end?: unknown } | null;
  return s !== null && typeof s === 'object' && typeof s.start === 'string' && typeof s.end === 'string';
}

function isDiagnostics(value: unknown): value is RawDiagnostic[] {
  return Array.isArray(value) && value.length > 0 && value.every((d) => d !== null && typeof d === 'object' && typeof (d as RawDiagnostic).code === 'string' && typeof (d as RawDiagnostic).message === 'string');
}
