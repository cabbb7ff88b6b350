/**
 * The CI formats as their consumers see them, in-process through run(argv, io):
 * GitHub's annotation limits and the job summary, SARIF paths from the
 * repository root, JUnit times.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pickAnnotations } from '../../src/formatters/diagnostics/github.js';
import { summarize, type Diagnostic } from '../../src/core/diagnostic.js';
import { FIXTURES, gitIn, tempDir, cli as run } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** In-process, with the working directory first. */
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => run(args, { cwd, env });

/** A git repository with the data root in data/: five project files with five unknown keys each (25 errors), and one warning. */
function repoWith25Errors(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const data = join(t.dir, 'data');
  cpSync(join(FIXTURES, 'valid-minimal'), data, { recursive: true });
  const projects = join(data, 'plans', 'demo-2021-2025', 'projects');
  for (const id of ['D1', 'D2', 'D3', 'D4', 'D5']) {
    const base = id === 'D5' ? readFileSync(join(projects, 'D4.yaml'), 'utf8').replace(/^id: D4$/m, 'id: D5') : readFileSync(join(projects, `${id}.yaml`), 'utf8');
    writeFileSync(join(projects, `${id}.yaml`), `${base.trimEnd()}\n${[1, 2, 3, 4, 5].map((n) => `extra${n}: x`).join('\n')}\n`);
  }
  gitIn(t.dir, 'init', '-q');
  return t.dir;
}

describe('--format github within GitHub limits', () => {
  it('a root with 25 errors: exactly 10 ::error lines, two per file, then one ::notice; the job summary has all 25 rows', async () => {
    const repo = repoWith25Errors();
    const summary = join(repo, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await cli(['validate', '--format', 'github'], join(repo, 'data'), { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(10);
    for (const id of ['D1', 'D2', 'D3', 'D4', 'D5']) expect(errors.filter((l) => l.includes(`file=data/plans/demo-2021-2025/projects/${id}.yaml,`))).toHaveLength(2);
    const notices = lines.filter((l) => l.startsWith('::notice '));
    expect(notices).toEqual([
      '::notice title=accsm%3A more problems::15 more problems (15 errors) in 5 files are not shown as annotations (GitHub shows at most 10 errors and 10 warnings of a step); the job summary lists all of them',
    ]);
    expect(lines).toHaveLength(11);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n### accsm validate\n\n25 errors, 0 warnings in 7 files checked.\n\n| File:line | Rule | Message |\n')).toBe(true);
    const rows = md.split('\n').filter((l) => l.startsWith('| `data/plans/'));
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatch(/^\| `data\/plans\/demo-2021-2025\/projects\/D1\.yaml:\d+` \| error `schema-unknown-key` \| .+ \|$/);
  });

  it('without a job summary the notice says to run accsm validate; under the limits there is no notice', async () => {
    const repo = repoWith25Errors();
    const r = await cli(['validate', '--format', 'github'], repo, {});
    expect(r.stdout).toContain('; run accsm validate to see all of them\n');
    const ok = await cli(['validate', '--format', 'github', '--data', join(FIXTURES, 'valid-minimal')], repo);
    expect(ok.stdout).toBe('');
  });

  it('every file gets one annotation before any gets a second, per severity', () => {
    const d = (file: string, line: number, severity: 'error' | 'warning'): Diagnostic => ({ file, line, column: 1, severity, code: 'x', message: 'm' });
    const list = summarize([...Array.from({ length: 12 }, (_, i) => d('a.yaml', i + 1, 'error')), d('b.yaml', 1, 'error'), d('c.yaml', 1, 'error'), d('c.yaml', 2, 'warning')]).diagnostics;
    const picked = pickAnnotations(list, 'error');
    expect(picked).toHaveLength(10);
    expect(picked.slice(0, 3).map((p) => p.file)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(picked.filter((p) => p.file === 'a.yaml').map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pickAnnotations(list, 'warning').map((p) => p.file)).toEqual(['c.yaml']);
  });
});

describe('--format sarif from the repository root', () => {
  it('URIs are relative to the git top level whatever the working directory, with originalUriBaseIds; plan-missing points at the folder', async () => {
    const repo = repoWith25Errors();
    mkdirSync(join(repo, 'data', 'plans', 'empty-plan', 'projects'), { recursive: true });
    const elsewhere = tempDir();
    cleanups.push(elsewhere.cleanup);
    const r = await cli(['validate', '--format', 'sarif', '--data', join(repo, 'data')], elsewhere.dir);
    const log = JSON.parse(r.stdout);
    const run0 = log.runs[0];
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${repo}/`);
    const uris = run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation);
    for (const u of uris) {
      expect(u.uriBaseId).toBe('%SRCROOT%');
      expect(u.uri.startsWith('data/plans/')).toBe(true);
    }
    const missing = run0.results.find((x: { ruleId: string }) => x.ruleId === 'plan-missing');
    expect(missing.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'data/plans/empty-plan/', uriBaseId: '%SRCROOT%' } });
  });

  it('outside git, the URIs are relative to the data root', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    cpSync(join(FIXTURES, 'invalid-rules'), join(t.dir, 'root'), { recursive: true });
    const r = await cli(['validate', '--format', 'sarif'], t.dir, { ACCSM_DATA: 'root' });
    const run0 = JSON.parse(r.stdout).runs[0];
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${join(t.dir, 'root')}/`);
    const uris = new Set(run0.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris.has('meetings.yaml')).toBe(true);
    expect([...uris].filter((u) => !/^(meetings\.yaml|plans\/)/.test(String(u)))).toEqual([]);
  });
});

describe('--format junit', () => {
  it('has a time on every testsuite and testcase', async () => {
    const repo = repoWith25Errors();
    const r = await cli(['validate', '--format', 'junit'], join(repo, 'data'));
    const tags = r.stdout.match(/<(testsuites|testsuite|testcase)\b[^>]*>/g)!;
    expect(tags.length).toBe(2 + 7);
    for (const tag of tags) expect(tag).toMatch(/ time="\d+(\.\d+)?"/);
  });
});
