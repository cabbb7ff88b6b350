/** The cache of per-file results (--cache): what it keeps, when it is used, and that it is never trusted blindly. */
import { cpSync, linkSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheKey, decodeCache, encodeCacheFiles, openCache, RACY_MS, type CachedEntry, type CacheStrategy, type FileCache } from '../../src/core/cache.js';
import { checkRoot, validateRoot } from '../../src/core/validate.js';
import { EMBEDDED, FIXTURES, tempDir } from '../helpers.js';

const KEY = cacheKey({ version: '0.1.0', config: {} });
const TODAY = '2026-11-23';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Every file below a folder. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A copy of a root whose files were last changed an hour ago (older than RACY_MS, so their stat can be trusted). */
function rootFrom(from: string): string {
  const t = tempDir('accsm-cache-');
  cleanups.push(t.cleanup);
  const dir = join(t.dir, 'data');
  cpSync(from, dir, { recursive: true });
  const past = new Date(Date.now() - 3600_000);
  for (const f of filesIn(dir)) utimesSync(f, past, past);
  return dir;
}

/** Validates a root with a cache opened from `stored`; the result, the cache and the bytes to store next. */
function run(root: string, stored: Uint8Array | undefined, options: { strategy?: CacheStrategy; key?: string; now?: number } = {}) {
  const cache: FileCache = openCache(stored, { key: options.key ?? KEY, root, strategy: options.strategy ?? 'metadata', now: options.now ?? Date.now() });
  const result = validateRoot(root, { cwd: root, today: TODAY, cache });
  return { result, cache, bytes: cache.bytes ?? stored };
}

const plain = (root: string) => validateRoot(root, { cwd: root, today: TODAY });
const shown = (r: ReturnType<typeof plain>) => ({ diagnostics: r.diagnostics, errors: r.errors, warnings: r.warnings, filesChecked: r.filesChecked, data: r.loaded.data });

/** A cache file of this format and key whose digest is right for the payload given. */
const withDigest = (payload: string) => Buffer.from(`accsm-cache 3 ${KEY} ${createHash('sha256').update(KEY).update(payload).digest('hex')}\n${payload}`);

/** Rewrites the files of a stored cache and keeps its header (key and digest) as it was: a hand edit. */
function editRows(bytes: Uint8Array, root: string, change: (files: CachedEntry[]) => void): Uint8Array {
  const buf = Buffer.from(bytes);
  const { files, ignored } = decodeCache(buf, KEY, root);
  expect(ignored).toBeUndefined();
  change(files);
  const edited = Buffer.from(encodeCacheFiles(files, KEY, root));
  return Buffer.concat([buf.subarray(0, buf.indexOf(10) + 1), edited.subarray(edited.indexOf(10) + 1)]);
}

describe('a warm run', () => {
  it.each(['valid-minimal', 'invalid-rules', 'invalid-schema', 'invalid-yaml'])('gives the same diagnostics, counts and data as a run without the cache (%s)', (fixture) => {
    const root = rootFrom(join(FIXTURES, fixture));
    const want = shown(plain(root));
    const cold = run(root, undefined);
    expect(shown(cold.result)).toEqual(want);
    expect(cold.bytes).toBeDefined();
    const warm = run(root, cold.bytes);
    expect(warm.cache.ignored).toBeUndefined();
    expect(shown(warm.result)).toEqual(want);
    // nothing was parsed again but the files that cannot be read (binary, not UTF-8: never recorded), and nothing changed, so nothing is written
    const unreadable = cold.result.loaded.files.filter((f) => f.kind !== 'other' && f.text === undefined && f.diagnostics[0]?.code !== 'plan-missing').length;
    expect(warm.cache.counts.checked).toBe(unreadable);
    expect(warm.cache.counts.byStat + warm.cache.counts.byContent).toBeGreaterThan(0);
    expect(warm.cache.bytes).toBeUndefined();
  });

  it('as validate checks (on demand): the same findings for every rule, from the facts it keeps, without parsing any file\'s data', () => {
    const root = rootFrom(EMBEDDED);
    const projects = join(root, 'plans', 'accsm-2021-2025', 'projects');
    const edit = (name: string, change: (text: string) => string) => writeFileSync(join(projects, name), change(readFileSync(join(projects, name), 'utf8')));
    edit('P02.yaml', (t) => t.replace(/^priority_areas:\n/m, 'priority_areas:\n  - not-an-area\n'));
    edit('P03.yaml', (t) => t.replace(/meeting: [a-z0-9-]+/, 'meeting: som-99'));
    edit('P04.yaml', (t) => t.replace(/^id: P04$/m, 'id: P05'));
    edit('P06.yaml', (t) => `${t}carried_from:\n  plan: accsm-plus-3-2021-2025\n  id: P-NOT-THERE\n`);
    edit('P07.yaml', (t) => t.replace(/^status:\n/m, "status:\n  - date: '2030-01-01'\n    status: planned\n  - date: '2029-01-01'\n    status: planned\n"));
    const past = new Date(Date.now() - 3600_000);
    for (const f of filesIn(root)) utimesSync(f, past, past);
    const check = (stored: Uint8Array | undefined) => {
      const cache = openCache(stored, { key: KEY, root, strategy: 'metadata', now: Date.now() });
      return { result: checkRoot(root, { cwd: root, today: TODAY, cache }), cache };
    };
    const want = checkRoot(root, { cwd: root, today: TODAY });
    expect(new Set(want.diagnostics.map((d) => d.code))).toEqual(new Set(['area-unknown', 'meeting-unknown', 'id-mismatch', 'id-duplicate', 'carried-from-unknown', 'date-order', 'date-future', 'date-outside-period']));
    const cold = check(undefined);
    expect(cold.result.diagnostics).toEqual(want.diagnostics);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const warm = check(cold.cache.bytes);
      expect(warm.cache.ignored).toBeUndefined();
      expect(warm.result.diagnostics).toEqual(want.diagnostics);
      expect([warm.result.errors, warm.result.warnings, warm.result.filesChecked]).toEqual([want.errors, want.warnings, want.filesChecked]);
      // the cache's head, its diagnostics and its facts, one JSON.parse each, and the data of the meetings and plans (which the rules read whole): none per project
      const others = warm.result.checkedFiles.filter((f) => !f.includes('/projects/')).length;
      expect(others).toBe(4);
      expect(parse.mock.calls.length).toBe(3 + others);
    } finally {
      parse.mockRestore();
    }
  });

  it('takes a clean file by its stat without reading it, and reads it when something needs its text', () => {
    const root = rootFrom(EMBEDDED);
    const { bytes } = run(root, undefined);
    const warm = run(root, bytes);
    const files = warm.result.loaded.files.filter((f) => f.kind !== 'other');
    expect(warm.cache.counts.byStat).toBe(files.length);
    const file = files.find((f) => f.kind === 'project')!;
    expect(file.text).toBe(readFileSync(file.path, 'utf8'));
  });

  it('reads a file with problems again (its text places them) and checks its hash', () => {
    const root = rootFrom(join(FIXTURES, 'invalid-schema'));
    const { bytes } = run(root, undefined);
    const warm = run(root, bytes);
    const withProblems = warm.result.loaded.files.filter((f) => f.diagnostics.length > 0 && f.kind !== 'other');
    expect(withProblems.length).toBeGreaterThan(0);
    expect(warm.cache.counts.byContent).toBe(withProblems.length);
  });
});

describe('a changed file is checked again', () => {
  it('changing one byte of one file (same size) re-checks that file and only it', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');
    const text = readFileSync(file, 'utf8');
    // status completed -> status completes: the same length, now a schema error
    const changed = text.replace(/status: (completed|ongoing|planned)/, (_m, s: string) => `status: ${s.slice(0, -1)}x`);
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    writeFileSync(file, changed);
    const warm = run(root, bytes);
    expect(warm.cache.counts.checked).toBe(1);
    expect(shown(warm.result)).toEqual(shown(plain(root)));
    expect(warm.result.errors).toBeGreaterThan(0);
    // the cache written then holds the other files as they were (copied, not made again) and the changed one as it is now
    const again = run(root, warm.bytes);
    expect(again.cache.ignored).toBeUndefined();
    expect(again.cache.counts.checked).toBe(0);
    expect(shown(again.result)).toEqual(shown(plain(root)));
    const fresh = decodeCache(run(root, undefined).bytes, KEY, root).files;
    expect(fresh.length).toBeGreaterThan(3);
    expect(decodeCache(warm.bytes, KEY, root).files).toEqual(fresh);
  });

  it('also when the modification time is put back (the change time and hash still tell)', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D2.yaml');
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^id: D2$/m, 'id: D9'));
    utimesSync(file, before.atime, before.mtime);
    const warm = run(root, bytes);
    expect(warm.cache.counts.checked).toBe(1);
    expect(shown(warm.result)).toEqual(shown(plain(root)));
    expect(warm.result.diagnostics.map((d) => d.code)).toContain('id-mismatch');
  });

  it('with the content strategy, every file is hashed: a change with the same stat is found', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined, { strategy: 'content' });
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title:', 'titel:'));
    const warm = run(root, bytes, { strategy: 'content' });
    expect(warm.cache.counts).toMatchObject({ byStat: 0, checked: 1 });
    expect(warm.result.diagnostics.map((d) => d.code)).toContain('schema-unknown-key');
  });

  it('a file touched without a change is found by its hash, not parsed again, and its new stat recorded', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');
    const later = new Date(Date.now() - 600_000);
    utimesSync(file, later, later);
    const warm = run(root, bytes);
    expect(warm.cache.counts).toMatchObject({ checked: 0, byContent: 1 });
    expect(warm.cache.bytes).toBeDefined();
    expect(run(root, warm.cache.bytes).cache.counts).toMatchObject({ checked: 0, byContent: 0 });
  });

  it('a file changed just before the run keeps no stat in the cache: the next run hashes it (time stamps may be coarse)', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const file = join(root, 'meetings.yaml');
    writeFileSync(file, readFileSync(file, 'utf8'));
    const { bytes } = run(root, undefined);
    const warm = run(root, bytes);
    expect(warm.cache.counts.byContent).toBe(1);
    // recorded well after the change, the stat is kept
    const later = run(root, warm.cache.bytes ?? bytes, { now: Date.now() + RACY_MS + 1000 });
    expect(later.cache.counts.byContent).toBe(1);
    expect(run(root, later.cache.bytes).cache.counts.byContent).toBe(0);
  });

  it('a removed file leaves the cache, and a new one enters it', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    const projects = join(root, 'plans', 'demo-2021-2025', 'projects');
    const d1 = readFileSync(join(projects, 'D1.yaml'), 'utf8');
    writeFileSync(join(projects, 'D7.yaml'), d1.replace(/^id: D1$/m, 'id: D7'));
    const warm = run(root, bytes);
    expect(warm.cache.counts.checked).toBe(1);
    expect(shown(warm.result)).toEqual(shown(plain(root)));
    const rows = decodeCache(warm.cache.bytes, KEY, root).files.map((f) => f.rel);
    expect(rows).toContain('plans/demo-2021-2025/projects/D7.yaml');
  });
});

/** The bytes with the one at `at` changed. */
const flipped = (b: Buffer, at: number) => {
  expect(at).toBeGreaterThan(0);
  return Buffer.concat([b.subarray(0, at), Buffer.from([b[at]! ^ 1]), b.subarray(at + 1)]);
};

/** A stored cache with one letter of the last title in its data part (the files' data, read only when asked for) changed. */
function withDataEdited(bytes: Uint8Array): Buffer {
  const b = Buffer.from(bytes);
  const at = b.lastIndexOf('"title":"') + 9;
  expect(at).toBeGreaterThan(b.indexOf('"title":"') + 8);
  return flipped(b, at);
}

describe('a cache is never trusted blindly', () => {
  it('a verdict flipped to clean by hand does not make an invalid file pass: the whole cache is ignored', () => {
    const root = rootFrom(join(FIXTURES, 'invalid-schema'));
    const want = shown(plain(root));
    expect(want.errors).toBeGreaterThan(0);
    const { bytes } = run(root, undefined);
    const forged = editRows(bytes!, root, (files) => {
      for (const file of files) {
        file.valid = true;
        file.diagnostics = [];
      }
    });
    const warm = run(root, forged);
    expect(warm.cache.ignored).toMatch(/digest/);
    expect(shown(warm.result)).toEqual(want);
    // and it is rebuilt
    expect(decodeCache(warm.cache.bytes, KEY, root).ignored).toBeUndefined();
  });

  it('forged data for a file that does not parse is ignored the same way', () => {
    const root = rootFrom(join(FIXTURES, 'invalid-yaml'));
    const want = shown(plain(root));
    const { bytes } = run(root, undefined);
    const forged = editRows(bytes!, root, (files) => {
      for (const file of files) if (file.data === undefined) (file.valid = true), (file.diagnostics = []), (file.data = { id: 'X' });
    });
    expect(shown(run(root, forged).result)).toEqual(want);
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['one byte of a name changed', (b: Buffer) => flipped(b, b.indexOf('plans/') + 2)],
    ['one byte of the facts changed', (b: Buffer) => flipped(b, b.indexOf('"status"') + 3)],
    ['empty', () => Buffer.alloc(0)],
    ['random bytes', () => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
    ['no header line', (b: Buffer) => b.subarray(b.indexOf(10) + 1)],
    ['JSON', () => Buffer.from('{"rows": []}\n')],
    ['a header with a right digest over a payload that is not a cache', () => withDigest('{"rows": []}\n')],
    ['a right digest over a table that claims more files than it holds', () => withDigest(`${JSON.stringify({ root: 'x', files: 1000, endian: endianness(), rels: 0, diagnostics: 2, data: 0 })}\n[]`)],
  ])('a corrupt cache (%s) is ignored and rebuilt, never a crash', (_name, damage) => {
    const root = rootFrom(join(FIXTURES, 'invalid-rules'));
    const want = shown(plain(root));
    const { bytes } = run(root, undefined);
    const warm = run(root, damage(Buffer.from(bytes!)));
    expect(warm.cache.ignored).toBeDefined();
    expect(shown(warm.result)).toEqual(want);
    expect(decodeCache(warm.cache.bytes, KEY, root).ignored).toBeUndefined();
  });

  it('the files\' data (read only when asked for) has a digest of its own: edited, it is read from the files instead', () => {
    const root = rootFrom(EMBEDDED);
    const want = shown(plain(root));
    const { bytes } = run(root, undefined);
    const edited = withDataEdited(bytes!);
    // validate reads no file's data: the cache is used as it is
    const check = checkRoot(root, { cwd: root, today: TODAY, cache: openCache(edited, { key: KEY, root, strategy: 'metadata', now: Date.now() }) });
    expect(check.diagnostics).toEqual(want.diagnostics);
    // a run that needs the data finds the edit and reads the files; its verdicts still come from the cache
    const warm = run(root, edited);
    expect(warm.cache.ignored).toBeUndefined();
    expect(warm.cache.counts.checked).toBe(0);
    expect(shown(warm.result)).toEqual(want);
  });

  it('a cache whose data part was edited, rewritten after a change, leaves out what it cannot copy; the next run checks it again', () => {
    const root = rootFrom(EMBEDDED);
    const { bytes } = run(root, undefined);
    const file = join(root, 'plans', 'accsm-2021-2025', 'projects', 'P02.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: Changed '));
    const want = shown(plain(root));
    const warm = run(root, withDataEdited(bytes!));
    expect(warm.cache.counts.checked).toBe(1);
    expect(shown(warm.result)).toEqual(want);
    const written = decodeCache(warm.cache.bytes, KEY, root);
    expect(written.ignored).toBeUndefined();
    // the files with data that could not be copied are gone from it (the changed one is in it), and come back when checked again
    const files = warm.result.loaded.files.filter((f) => f.kind !== 'other').length;
    expect(written.files.length).toBeLessThan(files);
    expect(written.files.map((f) => f.rel)).toContain('plans/accsm-2021-2025/projects/P02.yaml');
    const next = run(root, warm.cache.bytes);
    expect(next.cache.counts.checked).toBe(files - written.files.length);
    expect(shown(next.result)).toEqual(want);
    expect(decodeCache(next.cache.bytes, KEY, root).files.length).toBe(files);
  });

  it('facts of another shape than the rules take, under a right digest, make the cache damaged: ignored, never a crash', () => {
    const root = rootFrom(EMBEDDED);
    const want = shown(plain(root));
    const { bytes } = run(root, undefined);
    for (const facts of [{ id: 'P01', priority_areas: [], status: 5 }, { id: 'P01', priority_areas: [1], status: [] }, { id: 'P01', priority_areas: [], status: [null] }, { id: 'P01', priority_areas: [], status: [], schedule: { start: 2025, end: '2026' } }, { priority_areas: [], status: [] }]) {
      const { files } = decodeCache(bytes, KEY, root);
      files.find((f) => f.facts !== undefined)!.facts = facts;
      const warm = run(root, encodeCacheFiles(files, KEY, root));
      expect(warm.cache.ignored, JSON.stringify(facts)).toMatch(/not the expected shape/);
      expect(shown(warm.result)).toEqual(want);
    }
  });

  it('a cache made by another version of accsm, or under other settings, is ignored', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    for (const key of [cacheKey({ version: '0.2.0', config: {} }), cacheKey({ version: '0.1.0', config: { 'date-future': 'off' } })]) {
      expect(key).not.toBe(KEY);
      const other = run(root, bytes, { key });
      expect(other.cache.ignored).toMatch(/another version/);
      expect(other.cache.counts.checked).toBeGreaterThan(0);
    }
  });

  it('the same settings in another order give the same key', () => {
    expect(cacheKey({ version: '1', config: { a: 'off', b: 'error' } })).toBe(cacheKey({ version: '1', config: { b: 'error', a: 'off' } }));
  });

  it('a cache of another data root is ignored', () => {
    const a = rootFrom(join(FIXTURES, 'valid-minimal'));
    const b = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(a, undefined);
    const other = run(b, bytes);
    expect(other.cache.ignored).toMatch(/another data root/);
    expect(shown(other.result)).toEqual(shown(plain(b)));
  });

  it('a file replaced by a hard link is read again (and refused as it is without the cache)', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    const projects = join(root, 'plans', 'demo-2021-2025', 'projects');
    const outside = join(root, '..', 'outside.yaml');
    cpSync(join(projects, 'D1.yaml'), outside);
    // keep the time stamps; only the link count and the change time differ
    const st = statSync(join(projects, 'D1.yaml'));
    utimesSync(outside, st.atime, st.mtime);
    rmSync(join(projects, 'D1.yaml'));
    linkSync(outside, join(projects, 'D1.yaml'));
    const warm = run(root, bytes);
    expect(shown(warm.result)).toEqual(shown(plain(root)));
    expect(warm.result.diagnostics.map((d) => `${relative(root, join(root, d.file))} ${d.code}`)).toContain('plans/demo-2021-2025/projects/D1.yaml file-link-hard');
  });
});

describe('values', () => {
  it('a file with values JSON cannot keep exactly (NaN, infinity, -0) is checked afresh every time; a __proto__ key is kept', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}extra: [.nan, -.inf, -0.0, {__proto__: 1}]\n`);
    const past = new Date(Date.now() - 3600_000);
    utimesSync(file, past, past);
    const want = shown(plain(root));
    const { bytes } = run(root, undefined);
    const warm = run(root, bytes);
    expect(warm.cache.counts.checked).toBe(1);
    expect(shown(warm.result)).toEqual(want);
    const data = warm.result.loaded.files.find((f) => f.path === file)!.data as { extra: unknown[] };
    expect(Number.isNaN(data.extra[0])).toBe(true);
    expect(data.extra[1]).toBe(-Infinity);
    expect(Object.is(data.extra[2], -0)).toBe(true);
    expect(Object.getOwnPropertyNames(data.extra[3])).toEqual(['__proto__']);
  });
});

describe('with an overlay (a change being checked)', () => {
  it('the cache is not used: the overlaid text is what is checked', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const { bytes } = run(root, undefined);
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');
    const cache = openCache(bytes, { key: KEY, root, strategy: 'metadata', now: Date.now() });
    const overlay = new Map([[file, readFileSync(file, 'utf8').replace('title:', 'titel:')]]);
    const result = validateRoot(root, { cwd: root, today: TODAY, cache, overlay });
    expect(result.diagnostics.map((d) => d.code)).toContain('schema-unknown-key');
    expect(cache.counts).toEqual({ byStat: 0, byContent: 0, checked: 0 });
  });
});

describe('a __proto__ key', () => {
  it('is kept as an own key by the cache, not made the prototype', () => {
    const root = rootFrom(join(FIXTURES, 'valid-minimal'));
    const file = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}extra: {__proto__: {polluted: 1}}\n`);
    const past = new Date(Date.now() - 3600_000);
    utimesSync(file, past, past);
    const want = shown(plain(root));
    const { bytes } = run(root, undefined);
    const warm = run(root, bytes);
    expect(warm.cache.counts.checked).toBe(0);
    expect(shown(warm.result)).toEqual(want);
    const extra = (warm.result.loaded.files.find((f) => f.path === file)!.data as { extra: object }).extra;
    expect(Object.getOwnPropertyNames(extra)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});
