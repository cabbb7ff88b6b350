/** One data source: the layout rules in classify, and disk, overlay and in-memory (git) sources that load the same root the same way. */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { load, type LoadedRoot } from '../../src/core/load.js';
import { classify, inLayoutOrder, layoutOrder } from '../../src/core/source/layout.js';
import { diskSource } from '../../src/core/source/disk.js';
import { memorySource, type MemoryFile } from '../../src/core/source/memory.js';
import { validate } from '../../src/core/validate.js';
import { FIXTURES, copyRoot } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('classify', () => {
  it.each([
    ['meetings.yaml', 'meetings'],
    ['plans/p/plan.yaml', 'plan'],
    ['plans/p/projects/A1.yaml', 'project'],
    ['plans/p/projects/A1.yml', 'project'],
    ['plans/p.yaml', 'stray'],
    ['plans/p/notes.yaml', 'stray'],
    ['plans/p/README.md', undefined],
    ['plans/p/projects/README.md', undefined],
    ['plans/p/projects/deeper/A1.yaml', undefined],
    ['plans/.hidden/plan.yaml', undefined],
    ['plans/p/projects/.A1.yaml', undefined],
    ['other.yaml', undefined],
    ['docs/plans/p/plan.yaml', undefined],
  ])('%s is %s', (rel, kind) => {
    expect(classify(rel)?.kind).toBe(kind);
  });

  it('names the ids a file is expected to carry', () => {
    expect(classify('plans/p/projects/a.b.yaml')).toEqual({ kind: 'project', planId: 'p', expectedId: 'a.b' });
    expect(classify('plans/p/plan.yaml')).toEqual({ kind: 'plan', planId: 'p', expectedId: 'p' });
  });

  it('says what the path split at each "/" says, for any path', () => {
    // the rules as they read with the path split into its segments
    const bySegments = (rel: string) => {
      const seg = rel.split('/');
      if (seg.some((x) => x === '' || x.startsWith('.'))) return undefined;
      const name = seg[seg.length - 1]!;
      const yaml = (n: string) => n.endsWith('.yaml') || n.endsWith('.yml');
      if (seg.length === 1) return name === 'meetings.yaml' ? { kind: 'meetings' } : undefined;
      if (seg[0] !== 'plans') return undefined;
      if (seg.length === 2) return yaml(name) ? 'stray' : undefined;
      if (seg.length === 3) return name === 'plan.yaml' ? { kind: 'plan', planId: seg[1], expectedId: seg[1] } : yaml(name) ? 'stray' : undefined;
      if (seg.length === 4 && seg[2] === 'projects') {
        if (yaml(name)) return { kind: 'project', planId: seg[1], expectedId: name.slice(0, name.lastIndexOf('.')) };
        if (yaml(name.toLowerCase())) return 'stray';
      }
      return undefined;
    };
    const part = fc.constantFrom('plans', 'projects', 'plan.yaml', 'meetings.yaml', 'P1.yaml', 'P1.YML', 'a.yml', '.x', '', 'p', 'plansx', 'project', 'x.yaml.md', 'PLANS', 'a b.yaml', 'é.yaml');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const rel = parts.join('/');
        const got = classify(rel);
        const want = bySegments(rel);
        expect(got?.kind === 'stray' ? 'stray' : got, rel).toEqual(want);
      }),
      { numRuns: 4000 },
    );
  });

  it('orders a plan folder as plan.yaml, other files, projects/', () => {
    const rels = ['plans/p/projects/A.yaml', 'plans/p/zz.yaml', 'plans/p/plan.yaml', 'plans/p/aa.yaml', 'meetings.yaml', 'plans/a.yaml'];
    expect([...rels].sort(layoutOrder)).toEqual(['meetings.yaml', 'plans/a.yaml', 'plans/p/plan.yaml', 'plans/p/aa.yaml', 'plans/p/zz.yaml', 'plans/p/projects/A.yaml']);
  });
});

/** Every file under `dir`, as the git source would hold it. */
function inMemory(dir: string): MemoryFile[] {
  const out: MemoryFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p).split(sep).join('/'), bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

const summary = (loaded: LoadedRoot) => loaded.files.map((f) => [f.kind, relative(loaded.root, f.path).split(sep).join('/'), f.valid, f.diagnostics.map((d) => d.code)]);

describe('the disk listing', () => {
  it('comes in the layout order, which the load then does not sort again', () => {
    const t = copyRoot(join(FIXTURES, 'valid-minimal'));
    cleanups.push(t.cleanup);
    const plan = join(t.dir, 'plans', 'demo-2021-2025');
    // names that sort before and after plan.yaml and projects/, a stray file in plans/, folders and case twins
    for (const name of ['a.yaml', 'notes.yaml', 'plan.yml', 'plana.yaml', 'projects.yaml', 'z.md']) writeFileSync(join(plan, name), 'a: 1\n');
    for (const name of ['0.yaml', 'D10.yaml', 'D1.yml', 'd1.YAML', 'Z.yaml', 'sub.yaml']) writeFileSync(join(plan, 'projects', name), 'id: x\n');
    mkdirSync(join(plan, 'projects', 'folder'));
    writeFileSync(join(t.dir, 'plans', 'loose.yaml'), 'id: x\n');
    writeFileSync(join(t.dir, 'plans', 'a-loose.yaml'), 'id: x\n');
    for (const id of ['a-plan', 'z-plan', 'demo-2021-2025-b']) mkdirSync(join(t.dir, 'plans', id, 'projects'), { recursive: true });
    writeFileSync(join(t.dir, 'plans', 'a-plan', 'plan.yaml'), 'id: a-plan\n');
    writeFileSync(join(t.dir, 'plans', 'a-plan', 'notes.yaml'), 'a: 1\n');
    writeFileSync(join(t.dir, 'plans', 'z-plan', 'projects', 'P1.yaml'), 'id: P1\n');
    const listing = diskSource(t.dir).list();
    expect(listing.ordered).toBe(true);
    expect(listing.paths.length).toBeGreaterThan(20);
    expect(listing.paths.map((p) => p.rel)).toEqual(inLayoutOrder(listing.paths).map((p) => p.rel));
    // an overlay's added files come last: that listing says it is not in order
    expect(diskSource(t.dir, { overlay: new Map([[join(plan, 'projects', 'D5.yaml'), 'id: D5\n']]) }).list().ordered).not.toBe(true);
  });
});

describe('the sources agree', () => {
  it('disk and memory load a root with strays, a missing plan.yaml and bad files the same way', () => {
    const t = copyRoot(join(FIXTURES, 'valid-minimal'));
    cleanups.push(t.cleanup);
    const plan = join(t.dir, 'plans', 'demo-2021-2025');
    writeFileSync(join(t.dir, 'plans', 'loose.yaml'), 'id: x\n');
    writeFileSync(join(plan, 'notes.yaml'), 'a: 1\n');
    writeFileSync(join(plan, 'projects', 'README.md'), 'not read\n');
    writeFileSync(join(plan, 'projects', 'D9.yaml'), 'id: [\n');
    mkdirSync(join(t.dir, 'plans', 'empty-plan', 'projects'), { recursive: true });
    writeFileSync(join(t.dir, 'plans', 'empty-plan', 'projects', 'E1.yaml'), 'id: E1\n');
    const disk = load(diskSource(t.dir));
    const memory = load(memorySource(t.dir, inMemory(t.dir)));
    expect(summary(memory)).toEqual(summary(disk));
    expect(summary(disk).map(([kind, rel, , codes]) => [kind, rel, codes])).toEqual([
      ['meetings', 'meetings.yaml', []],
      ['other', 'plans/demo-2021-2025/notes.yaml', ['file-unexpected']],
      ['plan', 'plans/demo-2021-2025/plan.yaml', []],
      ['project', 'plans/demo-2021-2025/projects/D1.yaml', []],
      ['project', 'plans/demo-2021-2025/projects/D2.yaml', []],
      ['project', 'plans/demo-2021-2025/projects/D3.yaml', []],
      ['project', 'plans/demo-2021-2025/projects/D4.yaml', []],
      ['project', 'plans/demo-2021-2025/projects/D9.yaml', ['yaml-syntax']],
      ['plan', 'plans/empty-plan/plan.yaml', ['plan-missing']],
      ['project', 'plans/empty-plan/projects/E1.yaml', expect.arrayContaining(['schema-required'])],
      ['other', 'plans/loose.yaml', ['file-unexpected']],
    ].sort((a, b) => layoutOrder(a[1] as string, b[1] as string)));
  });

  it('an overlay adds, replaces and removes files as if they were on disk', () => {
    const t = copyRoot(join(FIXTURES, 'valid-minimal'));
    cleanups.push(t.cleanup);
    const projects = join(t.dir, 'plans', 'demo-2021-2025', 'projects');
    const d1 = readFileSync(join(projects, 'D1.yaml'), 'utf8');
    const overlay = new Map<string, string | null>([
      [join(projects, 'D1.yaml'), null],
      [join(projects, 'D7.yaml'), d1.replace('id: D1', 'id: D7')],
      [join(projects, 'D2.yaml'), 'id: [\n'],
      [join(t.dir, 'plans', 'demo-2021-2025', 'stray.yaml'), 'a: 1\n'],
    ]);
    const loaded = load(diskSource(t.dir, { overlay }));
    const rels = summary(loaded).map(([, rel, , codes]) => `${rel} ${(codes as string[]).join(',')}`.trim());
    expect(rels).toEqual([
      'meetings.yaml',
      'plans/demo-2021-2025/plan.yaml',
      'plans/demo-2021-2025/projects/D2.yaml yaml-syntax',
      'plans/demo-2021-2025/projects/D3.yaml',
      'plans/demo-2021-2025/projects/D4.yaml',
      'plans/demo-2021-2025/projects/D7.yaml',
    ]);
    // nothing on disk changed
    expect(readFileSync(join(projects, 'D1.yaml'), 'utf8')).toBe(d1);
  });

  it('validate keeps no state between runs and leaves the loaded files as they were', () => {
    const source = diskSource(join(FIXTURES, 'invalid-rules'));
    const options = { cwd: FIXTURES, today: '2026-11-23' };
    const first = validate(source, options);
    const second = validate(source, options);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(first.errors).toBeGreaterThan(0);
    expect(first.filesChecked).toBe(first.loaded.files.filter((f) => f.kind !== 'other').length);
    // the rules' findings are in the result, not pushed into the files
    const ruleCodes = new Set(first.diagnostics.map((d) => d.code));
    const fileCodes = new Set<string>(first.loaded.files.flatMap((f) => f.diagnostics.map((d) => d.code)));
    expect([...ruleCodes].some((c) => !fileCodes.has(c))).toBe(true);
  });
});
