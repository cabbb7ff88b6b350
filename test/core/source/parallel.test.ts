/**
 * Loading on two threads (src/core/source/parallel.ts with the built worker
 * dist/load-worker.cjs) gives exactly what loading on one thread gives, also
 * when the worker cannot start or drops the chunks it claimed.
 */
import { existsSync, linkSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeRoot } from '../../../bench/generate.mjs';
import { diskSource } from '../../../src/core/source/disk.js';
import { load } from '../../../src/core/load.js';
import { CHUNK, loadParallel, type DiskItem } from '../../../src/core/source/parallel.js';
import { loadRead } from '../../../src/core/load-file.js';
import { readDataFile } from '../../../src/core/read.js';
import { validate } from '../../../src/core/validate.js';
import { REPO, tempDir } from '../../helpers.js';

const WORKER = join(REPO, 'dist', 'load-worker.cjs');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

let root: string;
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: build first (node scripts/build.mjs), as npm test does`);
  const t = tempDir('accsm-parallel-');
  afterAll(t.cleanup);
  root = join(t.dir, 'data');
  writeRoot(root, { projects: 600 });
  // one file of each kind of trouble, spread through the list so that both threads meet some
  const projects = join(root, 'plans', readdirSync(join(root, 'plans')).sort()[0]!, 'projects');
  writeFileSync(join(projects, 'X1.yaml'), 'id: X1\ntitle: [unclosed\n');
  writeFileSync(join(projects, 'X2.yaml'), '');
  writeFileSync(join(projects, 'X3.yaml'), 'id: X3\ntitle: 7\nstatus: nope\n');
  writeFileSync(join(projects, 'X4.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]));
  writeFileSync(join(t.dir, 'outside.yaml'), 'id: X5\n');
  linkSync(join(t.dir, 'outside.yaml'), join(projects, 'X5.yaml'));
});

const options = { cwd: REPO, today: '2026-11-23' };

describe('loading on two threads', () => {
  it('gives the same files, data and diagnostics as one thread', () => {
    const one = validate(diskSource(root), options);
    const two = validate(diskSource(root), { ...options, parallel: { script: WORKER, minFiles: 1 } });
    expect(one.loaded.files.length).toBeGreaterThan(600);
    expect(one.errors).toBeGreaterThan(4);
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.loaded.files).toEqual(one.loaded.files);
    expect(two.loaded.data).toEqual(one.loaded.data);
  });

  it('puts the files the worker loaded in their places', () => {
    // the main thread is made slow (1 ms a file) so that the worker surely takes part
    const source = diskSource(root);
    const one = load(source).files.filter((f) => f.kind !== 'other');
    const realRoot = source.onDisk!('meetings.yaml')!.realRoot;
    const items: DiskItem[] = one.map((f) => ({ path: f.path, kind: f.kind as DiskItem['kind'], planId: f.planId, expectedId: f.expectedId, linkChecked: false }));
    for (const item of items) for (const key of ['planId', 'expectedId'] as const) if (item[key] === undefined) delete item[key];
    const slow = (i: number) => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      return loadRead(items[i]!, readDataFile(items[i]!.path, realRoot));
    };
    const two = loadParallel(realRoot, items, slow, { script: WORKER });
    expect(two.fromWorker).toBeGreaterThan(0);
    expect(two.fromWorker).toBeLessThan(items.length);
    expect(two.files).toEqual(one);
  });

  it('loads on one thread below minFiles, and when the worker script does not exist', () => {
    const one = load(diskSource(root));
    expect(load(diskSource(root), { parallel: { script: WORKER, minFiles: 1_000_000 } }).files).toEqual(one.files);
    expect(load(diskSource(root), { parallel: { script: join(REPO, 'no-such-worker.cjs'), minFiles: 1 } }).files).toEqual(one.files);
  });

  it('loads what a worker claimed but never delivered', () => {
    // a worker that takes every chunk it can and posts nothing: the main thread must load all of them itself
    const t = tempDir('accsm-parallel-bad-');
    cleanups.push(t.cleanup);
    const script = join(t.dir, 'greedy.cjs');
    writeFileSync(
      script,
      `const { workerData } = require('node:worker_threads');
const s = new Int32Array(workerData.job.shared);
if (Atomics.compareExchange(s, 1, 0, 1) === 0) {
  while (Atomics.add(s, 0, ${CHUNK}) < workerData.job.items.length);
  Atomics.store(s, 1, 3); Atomics.notify(s, 1);
}
`,
    );
    const one = load(diskSource(root));
    expect(load(diskSource(root), { parallel: { script, minFiles: 1 } }).files).toEqual(one.files);
  });

  it('stops waiting for a worker that hangs, and loads what it claimed', () => {
    const t = tempDir('accsm-parallel-hang-');
    cleanups.push(t.cleanup);
    const script = join(t.dir, 'hang.cjs');
    // claims one chunk, then never loads a file nor says it is done
    writeFileSync(script, `const { workerData } = require('node:worker_threads');\nconst s = new Int32Array(workerData.job.shared);\nif (Atomics.compareExchange(s, 1, 0, 1) === 0) { Atomics.add(s, 0, ${CHUNK}); for (;;); }\n`);
    const source = diskSource(root);
    const one = load(source).files.filter((f) => f.kind !== 'other');
    const realRoot = source.onDisk!('meetings.yaml')!.realRoot;
    const items: DiskItem[] = one.map((f) => ({ path: f.path, kind: f.kind as DiskItem['kind'], linkChecked: false }));
    // slow enough on this side that the worker starts and claims its chunk
    const slow = (i: number) => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      return loadRead(items[i]!, readDataFile(items[i]!.path, realRoot));
    };
    const two = loadParallel(realRoot, items, slow, { script, stallMs: 200 });
    expect(two.fromWorker).toBe(0);
    expect(two.files.map((f) => f.diagnostics)).toEqual(one.map((f) => f.diagnostics));
  });
});
