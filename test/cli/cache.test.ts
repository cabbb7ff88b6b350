/** --cache as a user meets it: the same output with and without it, cold and warm, in validate, report and the edits; where the file goes; what it refuses. */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, decodeCache, encodeCacheFiles } from '../../src/core/cache.js';
import { VERSION } from '../../src/cli/shared.js';
import { BIN, EMBEDDED, FIXTURES, cli, tempDir } from '../helpers.js';

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));
function temp(): string {
  const t = tempDir('accsm-cache-cli-');
  temps.push(t.cleanup);
  return t.dir;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A copy of a root in a fresh folder (the working directory of the runs), its files last changed an hour ago. */
function workspace(from: string): { cwd: string; root: string } {
  const cwd = temp();
  const root = join(cwd, 'data');
  cpSync(from, root, { recursive: true });
  const past = new Date(Date.now() - 3600_000);
  for (const f of filesIn(root)) utimesSync(f, past, past);
  return { cwd, root };
}

describe('the cache never changes any output', () => {
  it.each([
    ['valid-minimal', 'stylish'],
    ['invalid-rules', 'stylish'],
    ['invalid-schema', 'json'],
    ['invalid-yaml', 'stylish'],
    ['invalid-yaml', 'sarif'],
  ])('validate %s (--format %s): cold and warm runs with --cache print what a run without it prints', async (fixture, format) => {
    const { cwd } = workspace(join(FIXTURES, fixture));
    const args = ['validate', '--data', 'data', '--format', format];
    // the json, sarif and stylish formats carry no timing (stylish's is off without a terminal)
    const want = await cli(args, { cwd });
    const location = join(cwd, 'cache', 'c.cache');
    mkdirSync(join(cwd, 'cache'));
    for (const run of ['cold', 'warm', 'warm again']) {
      const r = await cli([...args, '--cache', '--cache-location', location], { cwd });
      expect({ run, ...r }).toEqual({ run, ...want });
    }
    expect(existsSync(location)).toBe(true);
  });

  it.each(['metadata', 'content'])('report --format json with --cache --cache-strategy %s, cold and warm', async (strategy) => {
    const { cwd } = workspace(EMBEDDED);
    const args = ['report', '--data', 'data', '--format', 'json', '--as-of', 'som-21'];
    const want = await cli(args, { cwd });
    expect(want.code).toBe(0);
    for (let i = 0; i < 2; i++) expect(await cli([...args, '--cache', '--cache-location', 'c.cache', '--cache-strategy', strategy], { cwd })).toEqual(want);
  });

  it('list, show and an edit take --cache as well', async () => {
    const { cwd, root } = workspace(EMBEDDED);
    const c = ['--cache', '--cache-location', 'c.cache'];
    for (const args of [['list', '--data', 'data', '--as-of', '2024-12-31'], ['show', 'P07', '--data', 'data', '--as-of', '2024-12-31']]) {
      const want = await cli(args, { cwd });
      expect(want.code).toBe(0);
      expect(await cli([...args, ...c], { cwd })).toEqual(want);
      expect(await cli([...args, ...c], { cwd })).toEqual(want);
    }
    const edit = await cli(['status', 'set', 'P07', 'completed', '--date', '2025-06-30', '--data', 'data', ...c], { cwd });
    expect(edit.code).toBe(0);
    expect(readFileSync(join(root, 'plans', 'accsm-2021-2025', 'projects', 'P07.yaml'), 'utf8')).toContain('status: completed');
    // the edited file is checked again: the cache gives what a run without it gives
    const show = ['show', 'P07', '--data', 'data', '--format', 'json', '--as-of', '2025-12-31'];
    const want = await cli(show, { cwd });
    expect(want.stdout).toContain('"completed"');
    expect(await cli([...show, ...c], { cwd })).toEqual(want);
  });

  it('an edit refused with --cache is refused with the same words', async () => {
    const { cwd } = workspace(EMBEDDED);
    const args = ['status', 'set', 'P07', 'completed', '--date', '1999-01-01', '--data', 'data', '--dry-run'];
    const want = await cli(args, { cwd });
    expect(want.code).not.toBe(0);
    for (let i = 0; i < 2; i++) expect(await cli([...args, '--cache', '--cache-location', 'c.cache'], { cwd })).toEqual(want);
  });
  it('import --dry-run with --cache, cold and warm, says what it says without it', async () => {
    const { cwd } = workspace(EMBEDDED);
    writeFileSync(join(cwd, 'tracker.csv'), 'Title,Lead,Area,Status,Date\nNew thing,VN,competencies,Completed,2022-08-03\n');
    const args = ['import', 'tracker.csv', '--plan', 'accsm-2021-2025', '--data', 'data', '--dry-run'];
    const want = await cli(args, { cwd });
    expect(want.code).toBe(0);
    expect(want.stdout).toContain('Would create 1 project file');
    for (let i = 0; i < 2; i++) expect(await cli([...args, '--cache', '--cache-location', 'c.cache'], { cwd })).toEqual(want);
    expect(existsSync(join(cwd, 'c.cache'))).toBe(true);
  });
});

describe('a hand-edited cache', () => {
  it('a file\'s verdict flipped to clean does not make the invalid file pass', async () => {
    const { cwd } = workspace(join(FIXTURES, 'invalid-schema'));
    const args = ['validate', '--data', 'data', '--cache', '--cache-location', 'c.cache'];
    const want = await cli(args, { cwd });
    expect(want.code).toBe(1);
    const file = join(cwd, 'c.cache');
    const bytes = readFileSync(file);
    const end = bytes.indexOf(10);
    // every file made valid, its problems removed, and everything else (stats, hashes) kept; the header as it was
    const [key, root] = [cacheKey({ version: VERSION, config: {} }), realpathSync(join(cwd, 'data'))];
    const { files, ignored } = decodeCache(bytes, key, root);
    expect(ignored).toBeUndefined();
    expect(files.some((f) => !f.valid)).toBe(true);
    for (const f of files) (f.valid = true), (f.diagnostics = []);
    const edited = Buffer.from(encodeCacheFiles(files, key, root));
    writeFileSync(file, Buffer.concat([bytes.subarray(0, end + 1), edited.subarray(edited.indexOf(10) + 1)]));
    expect(await cli(args, { cwd })).toEqual(want);
  });

  it('a corrupt cache file is ignored and written again', async () => {
    const { cwd } = workspace(join(FIXTURES, 'invalid-rules'));
    const args = ['validate', '--data', 'data', '--cache', '--cache-location', 'c.cache'];
    const want = await cli(args, { cwd });
    const file = join(cwd, 'c.cache');
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(await cli(args, { cwd })).toEqual(want);
    expect(readFileSync(file).length).toBeGreaterThan(100);
  });
});

describe('where the cache is', () => {
  it('by default in node_modules/.cache/accsm/ of the working directory, one file per data root', async () => {
    const { cwd } = workspace(join(FIXTURES, 'valid-minimal'));
    mkdirSync(join(cwd, 'node_modules'));
    expect((await cli(['validate', '--data', 'data', '--cache'], { cwd })).code).toBe(0);
    expect(readdirSync(join(cwd, 'node_modules', '.cache', 'accsm'))).toEqual([expect.stringMatching(/^validate-[0-9a-f]{16}\.cache$/)]);
  });

  it('without node_modules/ here: $XDG_CACHE_HOME/accsm, else ~/.cache/accsm', async () => {
    const { cwd } = workspace(join(FIXTURES, 'valid-minimal'));
    const xdg = join(cwd, 'xdg');
    expect((await cli(['validate', '--data', 'data', '--cache'], { cwd, env: { XDG_CACHE_HOME: xdg } })).code).toBe(0);
    expect(readdirSync(join(xdg, 'accsm'))).toHaveLength(1);
    const home = join(cwd, 'home');
    expect((await cli(['validate', '--data', 'data', '--cache'], { cwd, env: { HOME: home, XDG_CACHE_HOME: undefined } })).code).toBe(0);
    expect(readdirSync(join(home, '.cache', 'accsm'))).toHaveLength(1);
  });

  it('--cache-location naming a folder (existing, or written with a trailing slash) holds one file per root', async () => {
    const { cwd } = workspace(join(FIXTURES, 'valid-minimal'));
    expect((await cli(['validate', '--data', 'data', '--cache', '--cache-location', 'new-folder/'], { cwd })).code).toBe(0);
    expect(readdirSync(join(cwd, 'new-folder'))).toEqual([expect.stringMatching(/^validate-[0-9a-f]{16}\.cache$/)]);
  });

  it('without --cache nothing is read or written, --cache-location or not', async () => {
    const { cwd } = workspace(join(FIXTURES, 'valid-minimal'));
    mkdirSync(join(cwd, 'node_modules'));
    expect((await cli(['validate', '--data', 'data', '--cache-location', 'c.cache'], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, 'c.cache'))).toBe(false);
    expect(existsSync(join(cwd, 'node_modules', '.cache'))).toBe(false);
  });

  it('a file named with --cache-location that is not an accsm cache is not overwritten: exit 2', async () => {
    const { cwd } = workspace(join(FIXTURES, 'valid-minimal'));
    writeFileSync(join(cwd, 'notes.txt'), 'my notes\n');
    const r = await cli(['validate', '--data', 'data', '--cache', '--cache-location', 'notes.txt'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^accsm: --cache-location notes.txt names a file that is not an accsm cache; accsm does not overwrite it/);
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });

  it.skipIf(process.getuid?.() === 0)('a cache that cannot be written is one line on stderr; the command\'s output and exit code are as without it', async () => {
    const { cwd } = workspace(join(FIXTURES, 'invalid-rules'));
    mkdirSync(join(cwd, 'locked'));
    chmodSync(join(cwd, 'locked'), 0o500);
    const want = await cli(['validate', '--data', 'data'], { cwd });
    const r = await cli(['validate', '--data', 'data', '--cache', '--cache-location', 'locked/c.cache'], { cwd });
    expect(r.code).toBe(want.code);
    expect(r.stdout).toBe(want.stdout);
    expect(r.stderr).toMatch(/^accsm: could not write the cache locked\/c\.cache \(EACCES\); the next run with --cache checks every file again\n$/);
  });

  it('a cache that cannot be written (its folder is a file) is one line on stderr; the output is as without it', async () => {
    const { cwd } = workspace(join(FIXTURES, 'invalid-rules'));
    writeFileSync(join(cwd, 'blocker'), '');
    const want = await cli(['validate', '--data', 'data'], { cwd });
    const r = await cli(['validate', '--data', 'data', '--cache', '--cache-location', 'blocker/c.cache'], { cwd });
    expect(r.code).toBe(want.code);
    expect(r.stdout).toBe(want.stdout);
    expect(r.stderr).toMatch(/^accsm: could not write the cache blocker\/c\.cache \(E[A-Z]+\); the next run with --cache checks every file again\n$/);
  });

  it.skipIf(process.platform === 'win32')('a named pipe at the cache location is not read (it would wait for a writer): the run goes on and writes its cache there', () => {
    const { cwd } = workspace(join(FIXTURES, 'valid-minimal'));
    expect(spawnSync('mkfifo', [join(cwd, 'c.cache')]).status).toBe(0);
    // a child process: a read that blocks would hang this worker, not fail the test
    const r = spawnSync(process.execPath, [BIN, 'validate', '--data', 'data', '--cache', '--cache-location', 'c.cache'], { cwd, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    expect([r.signal, r.status, r.stderr]).toEqual([null, 0, '']);
    expect(statSync(join(cwd, 'c.cache')).isFile()).toBe(true);
  });

  it('--cache-strategy takes metadata or content only', async () => {
    const r = await cli(['validate', '--data', 'test/fixtures/valid-minimal', '--cache', '--cache-strategy', 'mtime']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Allowed choices are metadata, content");
  });
});
