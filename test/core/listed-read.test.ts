/**
 * A file the disk listing saw as a regular file, in folders whose links it
 * checked, is read without a link check of its own (an lstat and a realpath
 * per file would be a fifth of a load's time); the listing says so with a flag
 * on the path it gives, not with a set of every path. A link is still refused.
 */
import { rmSync, symlinkSync } from 'node:fs';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { load, type SourceFile } from '../../src/core/load.js';
import { diskSource } from '../../src/core/source/disk.js';
import { EMBEDDED, copyRoot } from '../helpers.js';

/** How often the C library's realpath (what checkLink asks) was called during `body` (read.ts looks up realpathSync.native when it calls it). */
function realpathsDuring(body: () => void): number {
  const holder = fs.realpathSync as { native: typeof fs.realpathSync.native };
  const native = holder.native;
  let count = 0;
  holder.native = ((...args: Parameters<typeof native>) => {
    count++;
    return native(...args);
  }) as typeof native;
  try {
    body();
  } finally {
    holder.native = native;
  }
  return count;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('reading what the listing saw', () => {
  it('a listed regular file is read without a realpath of its own: the checks are per folder, not per file', () => {
    const source = diskSource(EMBEDDED);
    let projects: SourceFile[] = [];
    const count = realpathsDuring(() => {
      projects = load(source).files.filter((f) => f.kind === 'project');
    });
    expect(projects.length).toBeGreaterThan(30);
    expect(projects.every((f) => f.valid)).toBe(true);
    // plans/, and each plan folder and its projects/ folder: a few per plan, none per file
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(12);
  });

  it('a file loaded on demand, read again (a finding to place, an edit), keeps the path it was listed with', () => {
    const loaded = load(diskSource(EMBEDDED), { keep: 'facts' });
    const file = loaded.files.find((f) => f.path.endsWith('P01.yaml'))!;
    expect(Object.keys(file)).not.toContain('text');
    let text: string | undefined;
    expect(realpathsDuring(() => (text = file.text))).toBe(0);
    expect(text).toBe(fs.readFileSync(file.path, 'utf8'));
  });

  it('the flag means something only for the path it was listed with; without it the file is checked', () => {
    const made = copyRoot(EMBEDDED);
    cleanups.push(made.cleanup);
    const projects = join(made.dir, 'plans', 'accsm-2021-2025', 'projects');
    const source = diskSource(made.dir);
    const listed = source.list().paths.find((p) => p.rel.endsWith('/projects/P01.yaml'))!;
    expect(listed.regular).toBe(true);
    expect(realpathsDuring(() => expect(source.read(listed.rel, listed).ok).toBe(true))).toBe(0);
    expect(realpathsDuring(() => expect(source.read(listed.rel).ok).toBe(true))).toBe(1);
    // P02 is now a link out of the root: read with P01's listed path, it is still checked, and refused
    rmSync(join(projects, 'P02.yaml'));
    symlinkSync(join(EMBEDDED, 'plans', 'accsm-2021-2025', 'projects', 'P02.yaml'), join(projects, 'P02.yaml'));
    const other = source.read(listed.rel.replace('P01', 'P02'), listed);
    expect(other.ok ? 'read' : other.diagnostic.code).toBe('file-link-outside');
  });

  it('a file that is a symbolic link is not listed as regular, and is checked (and refused when it leads outside)', () => {
    const made = copyRoot(EMBEDDED);
    cleanups.push(made.cleanup);
    const projects = join(made.dir, 'plans', 'accsm-2021-2025', 'projects');
    symlinkSync(join(EMBEDDED, 'plans', 'accsm-2021-2025', 'projects', 'P01.yaml'), join(projects, 'P40.yaml'));
    expect(fs.lstatSync(join(projects, 'P40.yaml')).isSymbolicLink()).toBe(true);
    const loaded = load(diskSource(made.dir));
    const link = loaded.files.find((f) => f.path.endsWith('P40.yaml'))!;
    expect(link.valid).toBe(false);
    expect(link.diagnostics.map((d) => d.code)).toEqual(['file-link-outside']);
  });
});
