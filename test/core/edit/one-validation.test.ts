/** An edit validates the root once: the check after the change reuses the files loaded before and reads only the changed ones. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, type SourceFile } from '../../../src/core/load.js';
import { diskSource } from '../../../src/core/source/disk.js';
import { validateRoot } from '../../../src/core/validate.js';
import { validateAfter } from '../../../src/core/edit/commit.js';
import { FIXTURES } from '../../helpers.js';

const ROOT = join(FIXTURES, 'invalid-rules');
const opts = { cwd: FIXTURES, today: '2026-01-01' };

function projectFiles(root: string): string[] {
  const plans = readdirSync(join(root, 'plans')).filter((plan) => existsSync(join(root, 'plans', plan, 'projects')));
  return plans.flatMap((plan) => readdirSync(join(root, 'plans', plan, 'projects')).map((f) => join(root, 'plans', plan, 'projects', f))).filter((f) => /^id: /m.test(readFileSync(f, 'utf8')));
}

/** For each project file, a change that copies another file's id into it (a duplicate id across files) and breaks nothing else. */
function idCopies(root: string): { file: string; text: string; after: string }[] {
  return projectFiles(root).map((file) => {
    const text = readFileSync(file, 'utf8');
    const other = projectFiles(root).find((f) => f !== file)!;
    const otherId = /^id: (.+)$/m.exec(readFileSync(other, 'utf8'))![1]!;
    return { file, text, after: text.replace(/^id: .+$/m, `id: ${otherId}`) };
  });
}

describe('one validation per edit', () => {
  it('reads only the files it is not given', () => {
    const before = load(diskSource(ROOT));
    const changed = projectFiles(ROOT)[0]!;
    const reuse = new Map<string, SourceFile>(before.files.filter((f) => f.kind !== 'other' && f.path !== changed).map((f) => [f.path, f]));
    const source = diskSource(ROOT);
    const read: string[] = [];
    const counting = { root: source.root, list: () => source.list(), read: (rel: string) => (read.push(rel), source.read(rel)) };
    const after = load(counting, { reuse });
    expect(read).toEqual([changed.slice(ROOT.length + 1).split('\\').join('/')]);
    expect(after.files.length).toBe(before.files.length);
    expect(after.data).toEqual(before.data);
  });

  it('finds what a full validation of the changed root finds, the cross-file rules included', () => {
    const before = validateRoot(ROOT, opts);
    for (const { file, after } of idCopies(ROOT)) {
      const overlay = new Map([[file, after]]);
      const reuse = new Map(before.loaded.files.filter((f) => f.kind !== 'other' && f.path !== file).map((f) => [f.path, f] as const));
      const full = validateRoot(ROOT, { ...opts, overlay });
      const reused = validateRoot(ROOT, { ...opts, overlay, reuse });
      expect(reused.diagnostics).toEqual(full.diagnostics);
      expect(reused.diagnostics.length).toBeGreaterThan(before.diagnostics.length);
    }
  });

  it('checks a rewrite without listing the root again: the files of the check before, the changed one read anew, the same findings as a full validation', () => {
    const before = validateRoot(ROOT, opts);
    for (const { file, text, after } of idCopies(ROOT)) {
      const full = validateRoot(ROOT, { ...opts, overlay: new Map([[file, after]]) });
      const checked = validateAfter(ROOT, [{ path: file, before: text, after }], before, opts);
      expect(checked.diagnostics).toEqual(full.diagnostics);
      expect(checked.loaded.data).toEqual(full.loaded.data);
      expect(checked.loaded.files.map((f) => f.path)).toEqual(full.loaded.files.map((f) => f.path));
      // every other file is the very one loaded before (not read or parsed again); the changed one is new, from the new text
      checked.loaded.files.forEach((f, i) => (f.path === file ? expect(f).not.toBe(before.loaded.files[i]) : expect(f).toBe(before.loaded.files[i])));
      expect(checked.loaded.files.find((f) => f.path === file)!.text).toBe(after);
    }
  });

  it('lists the root again for a change that creates a file, and finds what a full validation finds', () => {
    const before = validateRoot(ROOT, opts);
    const [first] = projectFiles(ROOT);
    const created = join(first!, '..', 'NEW1.yaml');
    const after = readFileSync(first!, 'utf8').replace(/^id: .+$/m, 'id: NEW1');
    const full = validateRoot(ROOT, { ...opts, overlay: new Map([[created, after]]) });
    const checked = validateAfter(ROOT, [{ path: created, before: null, after }], before, opts);
    expect(checked.diagnostics).toEqual(full.diagnostics);
    expect(checked.loaded.files.map((f) => f.path)).toEqual(full.loaded.files.map((f) => f.path));
    expect(checked.loaded.files.length).toBe(before.loaded.files.length + 1);
  });
});
