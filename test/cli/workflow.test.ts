/**
 * The CI pieces: the workflow, the composite action and the pre-commit hook,
 * parsed and checked, and their shell steps run for real on a temporary data
 * repository (with `npx accsm` standing for the built bin), so that a pull
 * request that changes a status gets inline annotations and a summary naming
 * the transition and the headline change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, BIN, FIXTURES, REPO, tempDir, gitIn } from '../helpers.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

const WORKFLOW_TEXT = readFileSync(join(REPO, '.github', 'workflows', 'validate-data.yml'), 'utf8');
const workflow = parse(WORKFLOW_TEXT) as {
  on: Record<string, { paths?: string[] }>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: unknown }>;
};
const steps = Object.values(workflow.jobs)[0]!.steps;
const ACTION_TEXT = readFileSync(join(REPO, 'action.yml'), 'utf8');
const action = parse(ACTION_TEXT) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];

/** Fills in the ${{ … }} expressions a test gives values for; any other expression is an error. */
function expand(value: string, values: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (!(expr in values)) throw new Error(`no value for \${{ ${expr} }}`);
    return values[expr]!;
  });
}

/** Runs a step's script with bash as the runner would, `npx accsm` being the built bin. */
function runStep(step: Step, cwd: string, env: Record<string, string>, values: Record<string, string>) {
  const script = step.run!.replace(/npx accsm/g, 'node "$ACCSM_BIN"');
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), values)]));
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ACCSM_TODAY: '2026-11-23', ACCSM_BIN: BIN, ...env, ...stepEnv },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A GitHub workflow command read back: `::error file=…,line=…,col=…,title=…::message`, unescaped. */
function parseAnnotation(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
  return { command: m[1]!, props, message: unescape(m[3]!) };
}

describe('.github/workflows/validate-data.yml', () => {
  it('runs on pull requests that touch data/, never on pull_request_target', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.on.pull_request!.paths).toEqual(['data/**']);
    // anywhere outside comments (the header comment explains why it is not used)
    const code = WORKFLOW_TEXT.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
    expect(code).not.toMatch(/pull_request_target/);
  });

  it('asks only to read the repository', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('checks out the base commit (base/) and the pull request with history (pr/), without stored credentials; Node 20', () => {
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((c) => c.with)).toEqual([
      { ref: '${{ github.event.pull_request.base.sha }}', path: 'base', 'persist-credentials': false },
      { path: 'pr', 'fetch-depth': 0, 'persist-credentials': false },
    ]);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(String(node.with!['node-version'])).toBe('20');
    expect(node.with!['cache-dependency-path']).toBe('base/package-lock.json');
    expect(steps.indexOf(checkouts[1]!)).toBeLessThan(steps.indexOf(node));
  });

  it("installs and runs accsm only from the base checkout, never the pull request's code", () => {
    const runs = steps.filter((s) => s.run);
    expect(runs.map((s) => s.run!.trim())).toEqual([
      'bash base/scripts/ci/data-pr.sh install',
      'bash base/scripts/ci/data-pr.sh validate',
      'bash base/scripts/ci/data-pr.sh summary >> "$GITHUB_STEP_SUMMARY"',
    ]);
    for (const s of runs) {
      expect(s.env).toMatchObject({ ACCSM_TOOL: 'base', ACCSM_PR: 'pr' });
      expect((s as { 'working-directory'?: string })['working-directory']).toBeUndefined();
    }
    expect(runs[0]!.id).toBe('install');
    const summary = runs[2]!;
    expect(summary.env!.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    // the summary is written even when validation fails
    expect(summary.if).toMatch(/!cancelled\(\)/);
    // and the script reads the base as a revision, whatever the pull request holds
    expect(readFileSync(join(REPO, 'scripts/ci/data-pr.sh'), 'utf8')).toContain('diff --base-rev "${BASE_SHA:?');
  });

  it('never puts an expression inside a script, in the workflow or the action', () => {
    for (const s of [...steps, ...action.runs.steps]) if (s.run) expect(s.run).not.toContain('${{');
  });
});

describe('pinned actions', () => {
  const uses = [...steps, ...action.runs.steps].filter((s) => s.uses).map((s) => s.uses!);
  it('pins every third-party action by its full commit id, with the tag in a comment', () => {
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const text of [WORKFLOW_TEXT, ACTION_TEXT]) {
      for (const line of text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l))) expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });
});

describe('action.yml and .pre-commit-hooks.yaml', () => {
  it('is a composite action with the inputs a data repository sets', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['data', 'node-version', 'base-ref']));
    expect(action.inputs.data!.default).toBe('data');
    const install = action.runs.steps.find((s) => s.id === 'install')!;
    expect(install.run).toContain('npm ci --prefix "$GITHUB_ACTION_PATH"');
    for (const s of action.runs.steps) if (s.run) expect(s.shell).toBe('bash');
  });

  it('offers a node hook that runs accsm validate on data YAML files', () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook).toMatchObject({ id: 'accsm-validate', language: 'node', entry: 'accsm validate', pass_filenames: true });
    const re = new RegExp(hook.files);
    expect(['data/meetings.yaml', 'data/plans/p/projects/P1.yml'].every((f) => re.test(f))).toBe(true);
    expect(['src/x.yaml', 'data/plans/p/notes.txt', 'mydata/x.yaml'].some((f) => re.test(f))).toBe(false);
  });
});

describe('a data pull request, run through the workflow and the action', () => {
  let repo: string;
  let cleanup: () => void;
  const p2 = () => join(repo, 'data', 'plans', 'plan-a', 'projects', 'P2.yaml');

  beforeAll(() => {
    ({ dir: repo, cleanup } = tempDir('accsm-e2e-ci-'));
    gitIn(repo, 'init', '-q');
    cpSync(join(FIXTURES, 'diff-base'), join(repo, 'data'), { recursive: true });
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'base');
    // what actions/checkout with fetch-depth 0 leaves: the base branch as origin/main
    gitIn(repo, 'update-ref', 'refs/remotes/origin/main', 'main');
    gitIn(repo, 'checkout', '-q', '-b', 'focal-point/p2-completed');
    // the focal point's change: P3 goes from planned to ongoing
    const p3 = join(repo, 'data', 'plans', 'plan-a', 'projects', 'P3.yaml');
    writeFileSync(p3, `${readFileSync(p3, 'utf8')}  - date: 2024-08-05\n    status: ongoing\n`);
    gitIn(repo, 'commit', '-q', '-am', 'P3 ongoing');
  });
  afterAll(() => cleanup());

  const validateStep = () => steps.find((s) => s.run?.includes('data-pr.sh validate'))!;
  const summaryStep = () => steps.find((s) => s.run?.includes('data-pr.sh summary'))!;
  /** The runner's workspace: base/ is the base commit's accsm (this repository, built), pr/ the pull request. */
  let ws: { dir: string; cleanup: () => void } | undefined;
  afterAll(() => ws?.cleanup());
  const workspace = () => {
    if (!ws) {
      ws = tempDir('accsm-e2e-ws-');
      symlinkSync(REPO, join(ws.dir, 'base'));
      symlinkSync(repo, join(ws.dir, 'pr'));
    }
    return ws.dir;
  };
  const values = () => ({ 'github.event.pull_request.base.sha': gitIn(repo, 'rev-parse', 'main').trim() });

  it('passes a valid status update and summarises the transition and the headline change', () => {
    const summaryFile = join(repo, '..', `summary-${process.pid}.md`);
    writeFileSync(summaryFile, '');
    try {
      const validate = runStep(validateStep(), workspace(), {}, {});
      expect(validate, validate.stderr).toMatchObject({ code: 0, stdout: '' });
      const summary = runStep(summaryStep(), workspace(), { GITHUB_STEP_SUMMARY: summaryFile }, values());
      expect(summary.stderr).toBe('');
      expect(summary.code).toBe(0);
      const md = readFileSync(summaryFile, 'utf8');
      expect(md).toContain('- **Plan A 2021-2025**: 2 of 6 → 3 of 6 completed or ongoing (33% → 50%)');
      expect(md).toContain('- `P3`: planned → ongoing (2024-08-05)');
      expect(md).toMatch(/^Comparing `[0-9a-f]{40} \([0-9a-f]{7}\)` \(before\) with `data \(working tree\)` \(after\)/m);
    } finally {
      rmSync(summaryFile, { force: true });
    }
  });

  it('shows a mistake as an annotation on the right file, line and column, and fails', async () => {
    const good = readFileSync(p2(), 'utf8');
    // a wrong status, and a lead code with %, a colon, a comma and a line break in it (escaped in the command, read back intact)
    writeFileSync(p2(), good.replace('status: ongoing', 'status: complete').replace('lead: [VN]', 'lead: ["V%N, x:\\ny"]'));
    try {
      const validate = runStep(validateStep(), workspace(), {}, {});
      expect(validate.code).toBe(1);
      const annotations = validate.stdout.trim().split('\n').map(parseAnnotation);
      expect(annotations.map((a) => [a.command, a.props.file, a.props.line, a.props.col, a.props.title])).toEqual([
        ['error', 'data/plans/plan-a/projects/P2.yaml', '4', '8', 'accsm schema-enum'],
        ['error', 'data/plans/plan-a/projects/P2.yaml', '9', '13', 'accsm schema-enum'],
      ]);
      expect(annotations[1]!.message).toMatch(/^status "complete" is not one of planned, ongoing, completed, postponed, cancelled/);
      // the same problems as the json format gives, message for message
      const json = JSON.parse((await cli(['validate', '--format', 'json'], { cwd: repo })).stdout) as { diagnostics: { message: string; line: number }[] };
      expect(annotations.map((a) => a.message)).toEqual(json.diagnostics.map((d) => d.message));
      expect(annotations[0]!.message).toContain('V%N, x:');
    } finally {
      writeFileSync(p2(), good);
    }
  });

  it('attack: a symbolic link named like the base (origin/main -> ../data) cannot stand in for it', async () => {
    const base = values()['github.event.pull_request.base.sha'];
    mkdirSync(join(repo, 'origin'));
    symlinkSync('../data', join(repo, 'origin', 'main'));
    symlinkSync('data', join(repo, base));
    const summaryFile = join(repo, '..', `summary-link-${process.pid}.md`);
    writeFileSync(summaryFile, '');
    try {
      expect(runStep(summaryStep(), workspace(), { GITHUB_STEP_SUMMARY: summaryFile }, values()).code).toBe(0);
      const md = readFileSync(summaryFile, 'utf8');
      expect(md).toContain('- `P3`: planned → ongoing (2024-08-05)');
      expect(md).not.toMatch(/no changes/i);
      // given as a plain argument, a name that is both is refused rather than guessed
      for (const name of ['origin/main', base]) {
        const r = await cli(['diff', name], { cwd: repo });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`accsm: "${name}" is both a folder here and a git revision, so accsm will not guess which is meant: use --base-rev ${name} (or --head-rev) for the revision, or ./${name} for the folder\n`);
      }
      expect((await cli(['diff', '--base-rev', 'origin/main', '--format', 'markdown'], { cwd: repo })).stdout).toContain('- `P3`: planned → ongoing (2024-08-05)');
    } finally {
      rmSync(join(repo, 'origin'), { recursive: true });
      rmSync(join(repo, base));
      rmSync(summaryFile, { force: true });
    }
  });

  it("attack: a pull request that changes src/ and data/ is judged by the base's accsm; its own code never runs", () => {
    const marker = join(repo, '..', `pr-code-ran-${process.pid}`);
    const good = readFileSync(p2(), 'utf8');
    const own = {
      'bin/accsm.js': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'bin'); process.exit(0);\n`,
      'scripts/ci/data-pr.sh': `echo script > ${JSON.stringify(marker)}; exit 0\n`,
      'package.json': JSON.stringify({ name: 'accsm', scripts: { prepare: `echo prepare > ${JSON.stringify(marker)}` } }),
      'src/core/validate.ts': 'export const validateRoot = () => ({ errors: 0, warnings: 0, diagnostics: [] });\n',
    };
    for (const [path, text] of Object.entries(own)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    writeFileSync(p2(), good.replace('status: ongoing', 'status: complete'));
    try {
      const validate = runStep(validateStep(), workspace(), {}, {});
      expect(validate.code).toBe(1);
      expect(validate.stdout).toMatch(/^::error file=data\/plans\/plan-a\/projects\/P2\.yaml,line=\d+,col=\d+,title=accsm schema-enum::status "complete"/m);
      expect(existsSync(marker)).toBe(false);
    } finally {
      for (const top of ['bin', 'scripts', 'src', 'package.json']) rmSync(join(repo, top), { recursive: true, force: true });
      writeFileSync(p2(), good);
    }
  });

  it('attack: a data/ that is a symbolic link is refused', () => {
    renameSync(join(repo, 'data'), join(repo, 'real-data'));
    symlinkSync('real-data', join(repo, 'data'));
    try {
      const validate = runStep(validateStep(), workspace(), {}, {});
      expect(validate.code).toBe(1);
      expect(validate.stdout).toBe('::error file=data::data/ is not a folder in this pull request (a symbolic link, a file or missing); accsm checks only a real data/ folder\n');
    } finally {
      rmSync(join(repo, 'data'));
      renameSync(join(repo, 'real-data'), join(repo, 'data'));
    }
  });

  it('runs the same check through the composite action, for a data root in another folder', () => {
    const t = tempDir('accsm-e2e-action-');
    const summaryFile = join(t.dir, 'summary.md');
    try {
      const data = join(t.dir, 'repo');
      gitIn(t.dir, 'init', '-q', 'repo');
      cpSync(join(FIXTURES, 'diff-base'), join(data, 'records'), { recursive: true });
      gitIn(data, 'add', '-A');
      gitIn(data, 'commit', '-q', '-m', 'base');
      gitIn(data, 'update-ref', 'refs/remotes/origin/main', 'main');
      const p = join(data, 'records', 'plans', 'plan-a', 'projects', 'P3.yaml');
      writeFileSync(p, `${readFileSync(p, 'utf8')}  - date: 2024-08-05\n    status: ongoing\n`);
      writeFileSync(summaryFile, '');
      const values = { 'inputs.data': 'records', 'inputs.max-warnings': '0', 'inputs.base-ref': '', 'github.event.pull_request.base.sha': gitIn(data, 'rev-parse', 'main').trim() };
      const env = { GITHUB_ACTION_PATH: REPO, GITHUB_STEP_SUMMARY: summaryFile };
      const [validate, summary] = action.runs.steps.filter((s) => s.run && s.id !== 'install');
      expect(runStep(validate!, data, env, values)).toMatchObject({ code: 0, stdout: '' });
      expect(summary!.if).toContain("steps.install.outcome == 'success'");
      const s = runStep(summary!, data, env, values);
      expect(s.stderr).toBe('');
      expect(s.code).toBe(0);
      const md = readFileSync(summaryFile, 'utf8');
      expect(md).toContain('- `P3`: planned → ongoing (2024-08-05)');
      expect(md).toContain('- **Plan A 2021-2025**: 2 of 6 → 3 of 6 completed or ongoing (33% → 50%)');
      expect(md).toContain('with `records (working tree)`');
    } finally {
      t.cleanup();
    }
  });

  it('checks only the staged data files with the pre-commit hook, against the whole root', async () => {
    const good = readFileSync(p2(), 'utf8');
    const p3 = join(repo, 'data', 'plans', 'plan-a', 'projects', 'P3.yaml');
    const p3good = readFileSync(p3, 'utf8');
    // P3 is broken but not staged; P2 is staged and names a meeting defined in meetings.yaml
    writeFileSync(p3, p3good.replace('status: planned', 'status: plan'));
    writeFileSync(p2(), `${good}  - date: 2024-09-01\n    status: completed\n    meeting: som-22\n`);
    try {
      gitIn(repo, 'add', p2());
      const re = new RegExp(hooks[0]!.files);
      const staged = gitIn(repo, 'diff', '--cached', '--name-only').split('\n').filter((f) => re.test(f));
      expect(staged).toEqual(['data/plans/plan-a/projects/P2.yaml']);
      const r = await cli([...hooks[0]!.entry.split(' ').slice(1), ...staged], { cwd: repo });
      expect(r.stdout).toContain('data/plans/plan-a/projects/P2.yaml');
      expect(r.stdout).toContain('meeting-date');
      expect(r.stdout).not.toContain('P3.yaml');
      expect(r.code).toBe(0);
    } finally {
      gitIn(repo, 'reset', '-q', '--', p2());
      writeFileSync(p2(), good);
      writeFileSync(p3, p3good);
    }
  });
});
