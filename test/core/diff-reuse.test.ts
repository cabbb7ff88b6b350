/**
 * diff loads its second side with the first side's files: a file with the same
 * text is taken as loaded there (the same parsed object: not parsed or checked
 * again), a changed one is read and checked anew, and the cross-file rules run
 * on each side all the same. Between two revisions, a file whose blob is the
 * same is not even read.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateInRepo, resolveRevision, revisionSide, revisionSource } from '../../src/core/git.js';
import type { SourceFile } from '../../src/core/load.js';
import { validate, validateRoot } from '../../src/core/validate.js';
import { FIXTURES, gitIn, putData, tempDir } from '../helpers.js';

const opts = { cwd: FIXTURES, today: '2026-11-23' };
const P1 = 'plans/plan-a/projects/P1.yaml';
const P2 = 'plans/plan-a/projects/P2.yaml';

function byRel(root: string, files: readonly SourceFile[]): Map<string, SourceFile> {
  return new Map(files.map((f) => [relative(root, f.path).split(sep).join('/'), f] as const));
}

let tmp: { dir: string; cleanup: () => void };
let a: string;
let b: string;

beforeAll(() => {
  tmp = tempDir('accsm-diff-reuse-');
  a = join(tmp.dir, 'a');
  b = join(tmp.dir, 'b');
  cpSync(join(FIXTURES, 'diff-base'), a, { recursive: true });
  cpSync(join(FIXTURES, 'diff-base'), b, { recursive: true });
  // b: P1 gets P2's id (a cross-file finding on an unchanged file too), plan-b's project breaks its YAML
  writeFileSync(join(b, P1), 'id: P2\ntitle: Project one\npriority_areas: [a1]\nlead: [MY]\nstatus:\n  - date: 2021-03-01\n    status: planned\n');
  writeFileSync(join(b, 'plans/plan-b/projects/B1.yaml'), 'id: B1\ntitle: [unclosed\n');
});

afterAll(() => tmp.cleanup());

describe('load with sameAs (a folder beside another version)', () => {
  it('takes each unchanged file as loaded on the other side and checks each changed one anew', () => {
    const first = validateRoot(a, opts);
    const second = validateRoot(b, { ...opts, sameAs: byRel(a, first.loaded.files) });
    const before = byRel(a, first.loaded.files);
    const after = byRel(b, second.loaded.files);
    expect([...after.keys()]).toEqual([...before.keys()]);
    let shared = 0;
    for (const [rel, file] of after) {
      expect(file.path).toBe(join(b, ...rel.split('/')));
      if (rel === P1 || rel === 'plans/plan-b/projects/B1.yaml') {
        // changed: parsed again from its new text
        expect(file.data).not.toBe(before.get(rel)!.data);
      } else {
        // unchanged: the very object parsed for the other side
        expect(file.data).toBe(before.get(rel)!.data);
        shared++;
      }
    }
    expect(shared).toBe(after.size - 2);
    expect((after.get(P1)!.data as { id: string }).id).toBe('P2');
  });

  it('finds exactly what a validation of its own finds: the cross-file rules run on this side, unchanged files included', () => {
    const first = validateRoot(a, opts);
    const alone = validateRoot(b, opts);
    const beside = validateRoot(b, { ...opts, sameAs: byRel(a, first.loaded.files) });
    expect(beside.diagnostics).toEqual(alone.diagnostics);
    expect(beside.loaded.data).toEqual(alone.loaded.data);
    // the duplicate id the changed P1 brings is reported on P2, a file taken unchanged from the other side
    const dup = beside.diagnostics.filter((d) => d.code === 'id-duplicate').map((d) => d.file);
    expect(dup).toEqual([expect.stringMatching(/projects\/P2\.yaml$/)]);
    expect(beside.diagnostics.some((d) => d.code.startsWith('yaml-') && d.file.endsWith('B1.yaml'))).toBe(true);
    // and the first side, loaded beside the second, has none of them
    const back = validateRoot(a, { ...opts, sameAs: byRel(b, beside.loaded.files) });
    expect(back.diagnostics).toEqual(first.diagnostics);
    expect(back.errors).toBe(0);
  });
});

describe('revisionSide (a revision beside another revision)', () => {
  let repo: { dir: string; cleanup: () => void };
  beforeAll(() => {
    repo = tempDir('accsm-diff-reuse-git-');
    gitIn(repo.dir, 'init', '-q');
    putData(repo.dir, 'diff-base');
    gitIn(repo.dir, 'add', '-A');
    gitIn(repo.dir, 'commit', '-q', '-m', 'base');
    writeFileSync(join(repo.dir, 'data', P2), 'id: P2\ntitle: Project two, renamed\npriority_areas: [a1]\nlead: [MY]\nstatus:\n  - date: 2021-03-01\n    status: planned\n');
    gitIn(repo.dir, 'commit', '-q', '-am', 'head');
  });
  afterAll(() => repo.cleanup());

  it('reads only the blobs that differ, reuses the others, and validates as a fresh load does', () => {
    const root = join(repo.dir, 'data');
    const loc = locateInRepo(root)!;
    const base = revisionSide(loc, resolveRevision(loc.top, 'HEAD~1'), root);
    expect(base.reuse.size).toBe(0);
    const first = validate(base.source, { ...opts, reuse: base.reuse });
    const files = byRel(root, first.loaded.files);
    const earlier = new Map([...files].map(([rel, file]) => [rel, { object: base.objects.get(rel)!, file }] as const));

    const headRev = resolveRevision(loc.top, 'HEAD');
    let blobsRead = 0;
    const head = revisionSide(loc, headRev, root, earlier, { onBatch: (blobs) => (blobsRead += blobs) });
    expect([...head.reuse.keys()].map((p) => relative(root, p).split(sep).join('/')).sort()).toEqual([...files.keys()].filter((r) => r !== P2).sort());
    const second = validate(head.source, { ...opts, reuse: head.reuse });
    // only the changed file's blob was read
    expect(blobsRead).toBe(1);
    const fresh = validate(revisionSource(loc, headRev, root), opts);
    expect(second.diagnostics).toEqual(fresh.diagnostics);
    expect(second.loaded.data).toEqual(fresh.loaded.data);
    const after = byRel(root, second.loaded.files);
    expect(after.get(P1)!.data).toBe(files.get(P1)!.data);
    expect(after.get(P2)!.data).not.toBe(files.get(P2)!.data);
    expect((after.get(P2)!.data as { title: string }).title).toBe('Project two, renamed');
  });
});
