/** accsm diff and validate --changed-since as a user runs them: folders, git revisions, hostile revision names, bad sides. */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir, gitIn, putData } from '../helpers.js';

const BASE = join(FIXTURES, 'diff-base');
const HEAD = join(FIXTURES, 'diff-head');

/** The lines every comparison of diff-base with diff-head must print (checked by hand against the fixtures). */
const EXPECTED_LINES = [
  'Headlines as of 2026-11-23:',
  '  Plan A 2021-2025: 2 of 6 → 3 of 6 completed or ongoing (33% → 50%)',
  '  Plan B 2021-2025: plan removed (was 1 of 1 completed or ongoing (100%))',
  '  Plan C 2026-2030: new plan: 1 of 1 completed or ongoing (100%)',
  '    P2: ongoing → completed (2024-08-05, meeting som-23)',
  '    P3: planned → ongoing (2024-08-05)',
  '    P3: ongoing → completed (2027-01-01); dated after 2026-11-23, so not counted yet',
  '    P10: status entry of 2022-01-10 changed: postponed → cancelled',
  '    P6: planned since 2024-08-05 — Project six',
  '    P4: was planned since 2021-03-01 — Project four',
  '    P5: title "Project five" → "Project five (renamed)"; lead ID → ID, MY',
  '  som-23: meeting added (2024-08-05) — 23rd ACCSM SOM',
];

describe('accsm diff <folder> <folder>', () => {
  it('prints the headlines and every change, and exits 0', async () => {
    const r = await cli(['diff', BASE, HEAD]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const l of EXPECTED_LINES) expect(lines).toContain(l);
    expect(lines[0]).toBe('Changes from test/fixtures/diff-base to test/fixtures/diff-head');
  });

  it('--exit-code: exit 1 when the data differs, 0 when it does not', async () => {
    expect((await cli(['diff', BASE, HEAD, '--exit-code'])).code).toBe(1);
    expect((await cli(['diff', BASE, BASE, '--exit-code'])).code).toBe(0);
    expect((await cli(['diff', BASE, HEAD])).code).toBe(0);
  });

  it('gives json that scripts can read', async () => {
    const r = await cli(['diff', BASE, HEAD, '--format', 'json']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as { asOf: string; changed: boolean; plans: { id: string; kind: string; headline: unknown }[] };
    expect(diff.asOf).toBe('2026-11-23');
    expect(diff.plans.map((p) => [p.id, p.kind])).toEqual([
      ['plan-a', 'changed'],
      ['plan-b', 'removed'],
      ['plan-c', 'added'],
    ]);
    expect(diff.plans[0]!.headline).toEqual({ before: { implemented: 2, total: 6, implementedPercent: 33 }, after: { implemented: 3, total: 6, implementedPercent: 50 } });
  });

  it('gives markdown for a pull request', async () => {
    const r = await cli(['diff', BASE, HEAD, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- **Plan A 2021-2025**: 2 of 6 → 3 of 6 completed or ongoing (33% → 50%)\n');
    expect(r.stdout).toContain('- `P2`: ongoing → completed (2024-08-05, meeting som-23)\n');
  });

  it('still compares a side with validation errors, and says so', async () => {
    const t = tempDir();
    try {
      cpSync(HEAD, join(t.dir, 'head'), { recursive: true });
      const p2 = join(t.dir, 'head', 'plans', 'plan-a', 'projects', 'P2.yaml');
      writeFileSync(p2, readFileSync(p2, 'utf8').replace('status: completed', 'status: complete'));
      const r = await cli(['diff', BASE, join(t.dir, 'head')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('has 1 validation error: files that fail their schema are left out of this comparison');
      expect(r.stderr).toMatch(/the head \(.*head\) has 1 validation error/);
      // P2's file fails its schema, so it is not in the head's data: not readable, not removed
      expect(r.stdout).toContain('  Not readable (errors):\n    P2: not readable (errors) in the head version; was ongoing since 2023-08-01 — Project two');
      expect(r.stdout).not.toMatch(/P2: was ongoing/);
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 for a side that is a file or not a data root', async () => {
    const file = await cli(['diff', join(BASE, 'meetings.yaml'), HEAD]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a file');
    const notRoot = await cli(['diff', FIXTURES, HEAD]);
    expect(notRoot.code).toBe(2);
    expect(notRoot.stderr).toContain('is not an accsm data root');
  });
});

describe('accsm diff with git revisions', () => {
  let repo: string;
  let cleanup: () => void;
  const marker = join(tmpdir(), `accsm-e2e-pwned-${process.pid}`);

  beforeAll(() => {
    ({ dir: repo, cleanup } = tempDir('accsm-e2e-git-'));
    gitIn(repo, 'init', '-q');
    writeFileSync(join(repo, 'README.md'), 'data repository\n');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'empty');
    putData(repo, 'diff-base');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'base');
    putData(repo, 'diff-head');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'head');
  });
  afterAll(() => cleanup());

  it('compares HEAD~1 with HEAD, read from git without a checkout', async () => {
    const r = await cli(['diff', 'HEAD~1', 'HEAD'], { cwd: repo });
    expect(r.code).toBe(0);
    const short = gitIn(repo, 'rev-parse', '--short=7', 'HEAD~1').trim();
    expect(r.stdout.split('\n')[0]).toBe(`Changes from HEAD~1 (${short}) to HEAD (${gitIn(repo, 'rev-parse', '--short=7', 'HEAD').trim()})`);
    for (const l of EXPECTED_LINES) expect(r.stdout.split('\n')).toContain(l);
    // nothing was checked out: the working tree still has the head's files
    expect(gitIn(repo, 'status', '--porcelain')).toBe('');
  });

  it('compares a revision with the working tree by default', async () => {
    const p5 = join(repo, 'data', 'plans', 'plan-a', 'projects', 'P5.yaml');
    const before = readFileSync(p5, 'utf8');
    writeFileSync(p5, `${before}  - date: 2024-08-05\n    status: ongoing\n    meeting: som-23\n`);
    try {
      const r = await cli(['diff', 'HEAD'], { cwd: repo });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('to data (working tree)');
      expect(r.stdout).toContain('  Plan A 2021-2025: 3 of 6 → 4 of 6 completed or ongoing (50% → 67%)');
      expect(r.stdout).toContain('    P5: planned → ongoing (2024-08-05, meeting som-23)');
      const clean = await cli(['diff', 'main', '--format', 'markdown'], { cwd: repo });
      expect(clean.stdout).toContain('`P5`: planned → ongoing');
    } finally {
      writeFileSync(p5, before);
    }
    const same = await cli(['diff', 'HEAD'], { cwd: repo });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No changes to the data.');
  });

  it('--base-rev and --head-rev read their value as a revision, even where a folder has that name', async () => {
    mkdirSync(join(repo, 'HEAD~1'));
    try {
      const r = await cli(['diff', '--base-rev', 'HEAD~1', '--head-rev', 'HEAD'], { cwd: repo });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(/^Changes from HEAD~1 \([0-9a-f]{7}\) to HEAD \([0-9a-f]{7}\)$/);
      const both = await cli(['diff', 'HEAD~1'], { cwd: repo });
      expect(both.code).toBe(2);
      expect(both.stderr).toMatch(/^accsm: "HEAD~1" is both a folder here and a git revision, so accsm will not guess/);
      // a base folder and a head revision mix
      expect((await cli(['diff', '--head-rev', 'HEAD', './data'], { cwd: repo })).code).toBe(0);
    } finally {
      rmSync(join(repo, 'HEAD~1'), { recursive: true });
    }
  });

  it('says what is missing or too much among the versions', async () => {
    expect(await cli(['diff'], { cwd: repo })).toMatchObject({
      code: 2,
      stderr: 'accsm: give the version to compare with: a data root folder or a git revision (accsm diff origin/main), or --base-rev REVISION\n',
    });
    expect(await cli(['diff', 'HEAD', '--base-rev', 'HEAD~1', '--head-rev', 'HEAD'], { cwd: repo })).toMatchObject({
      code: 2,
      stderr: 'accsm: too many versions to compare: give a base and at most one head, as arguments or with --base-rev and --head-rev\n',
    });
  });

  it('uses the data root given with --data, at the same place in the revision', async () => {
    const r = await cli(['diff', 'HEAD~1', '--data', join(repo, 'data'), '--format', 'json'], { cwd: tmpdir() });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { changed: boolean }).changed).toBe(true);
  });

  it('treats a revision without the data root as empty, with a note', async () => {
    const r = await cli(['diff', 'HEAD~2', 'HEAD'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('there is no data at data/ in this revision, so everything on the other side counts as added');
    expect(r.stdout).toContain('  Plan A 2021-2025: new plan: 3 of 6 completed or ongoing (50%)');
  });

  it('exits 2 for an unknown revision', async () => {
    const r = await cli(['diff', 'no-such-branch'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown revision "no-such-branch"');
  });

  it('exits 2 when the data root is not in a git repository', async () => {
    const t = tempDir();
    try {
      cpSync(BASE, join(t.dir, 'data'), { recursive: true });
      const r = await cli(['diff', 'main'], { cwd: t.dir, env: { GIT_CEILING_DIRECTORIES: t.dir } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('accsm: "main" is not a folder, and the data root data is not in a git repository, so it cannot be read as a revision either\n');
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 for a revision when the only data root is the one shipped in the package', async () => {
    const t = tempDir();
    try {
      const r = await cli(['diff', 'main'], { cwd: t.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"main" is not a folder; to read it as a git revision accsm needs a data root in a git working tree');
    } finally {
      t.cleanup();
    }
  });

  // the full list is in test/core/git.test.ts; these go through the command line
  it.each([`main; touch ${marker}`, `$(touch ${marker})`, `\`touch ${marker}\``])(
    'never runs the revision name %j',
    async (name) => {
      const r = await cli(['diff', name], { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown revision');
      expect(existsSync(marker)).toBe(false);
    },
  );

  it('refuses a revision name that looks like an option', async () => {
    const asOption = await cli(['diff', `--output=${marker}`], { cwd: repo });
    expect(asOption.code).toBe(2);
    const afterDashes = await cli(['diff', '--', `--output=${marker}`], { cwd: repo });
    expect(afterDashes.code).toBe(2);
    expect(afterDashes.stderr).toContain('starts with "-"');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('accsm validate --changed-since', () => {
  let repo: string;
  let cleanup: () => void;
  const projects = () => join(repo, 'data', 'plans', 'plan-a', 'projects');

  beforeAll(() => {
    ({ dir: repo, cleanup } = tempDir('accsm-e2e-changed-'));
    gitIn(repo, 'init', '-q');
    putData(repo, 'diff-head');
    // an error already in the base revision, in a file the change will not touch
    const p1 = join(projects(), 'P1.yaml');
    writeFileSync(p1, readFileSync(p1, 'utf8').replace('priority_areas: [a1]', 'priority_areas: [nowhere]'));
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'base');
  });
  afterAll(() => cleanup());

  it('reports only on changed files, checking their references against the whole root', async () => {
    const full = await cli(['validate', '--format', 'json'], { cwd: repo });
    expect(full.code).toBe(1);
    const p5 = join(projects(), 'P5.yaml');
    // a changed file that names a meeting defined in the unchanged meetings.yaml: valid
    writeFileSync(p5, `${readFileSync(p5, 'utf8')}  - date: 2024-08-05\n    status: ongoing\n    meeting: som-23\n`);
    const changed = await cli(['validate', '--changed-since', 'HEAD'], { cwd: repo });
    expect(changed.stdout).toBe('✔ 1 file checked: no problems\n');
    expect(changed.code).toBe(0);
    // an untracked new file with an unknown meeting is reported
    mkdirSync(projects(), { recursive: true });
    writeFileSync(
      join(projects(), 'P8.yaml'),
      'id: P8\ntitle: Eight\npriority_areas: [a1]\nlead: [MY]\nstatus:\n  - date: 2024-01-01\n    status: planned\n    meeting: som-99\n',
    );
    const json = await cli(['validate', '--changed-since', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { diagnostics: { file: string; line: number; code: string }[] };
    expect(out.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([['data/plans/plan-a/projects/P8.yaml', 8, 'meeting-unknown']]);
  });

  it('exits 2 for a revision that does not exist or tries to run a command', async () => {
    const marker = join(tmpdir(), `accsm-e2e-changed-${process.pid}`);
    const r = await cli(['validate', '--changed-since', `HEAD; touch ${marker}`], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown revision');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('accsm validate --format sarif | junit', () => {
  it('reports the problems of a broken root in both', async () => {
    const t = tempDir();
    try {
      cpSync(BASE, join(t.dir, 'data'), { recursive: true });
      const p2 = join(t.dir, 'data', 'plans', 'plan-a', 'projects', 'P2.yaml');
      writeFileSync(p2, readFileSync(p2, 'utf8').replace('status: ongoing', 'status: complete'));
      const sarif = await cli(['validate', '--format', 'sarif'], { cwd: t.dir });
      expect(sarif.code).toBe(1);
      const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { name: string; version: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
      expect(log.runs[0]!.tool.driver).toMatchObject({ name: 'accsm', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
        // outside git, SARIF paths are relative to the data root
        ['schema-enum', 'plans/plan-a/projects/P2.yaml', 9],
      ]);
      const junit = await cli(['validate', '--format', 'junit'], { cwd: t.dir });
      expect(junit.code).toBe(1);
      expect(junit.stdout.match(/<testcase /g)).toHaveLength(10);
      expect(junit.stdout).toContain('<testsuite name="accsm validate" tests="10" failures="1"');
      expect(junit.stdout).toMatch(/<testcase classname="accsm.validate" name="data\/plans\/plan-a\/projects\/P2.yaml" file="[^"]+" time="0">\n\s+<failure message="status &quot;complete&quot; is not one of/);
    } finally {
      t.cleanup();
    }
  });
});
