/**
 * accsm installed the ways users install it, from a clone of the committed
 * repository: pre-commit's `try-repo` (its node language runs `npm install`,
 * reads the tarball name from `npm pack`'s stdout, installs it globally), and
 * npm's git dependency (`npm install --install-links git+file://…`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, gitIn, tempDir } from '../helpers.js';
import { needs } from './programs.js';

const git = needs('git', ['--version']);
const preCommit = needs('pre-commit', ['--version']);
const { dir: tmp, cleanup } = tempDir('accsm-install-');
afterAll(cleanup);

/** The environment of a user's shell: no CI, no colour, no accsm settings of the test run. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['CI', 'ACCSM_DATA', 'ACCSM_TODAY', 'GITHUB_STEP_SUMMARY', 'INIT_CWD']) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  return { ...env, ...extra };
}

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = userEnv()) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', all: `${r.stdout}\n${r.stderr}` };
}

/** A clone of the committed repository (what CI and users get), made once. */
let clone: string | undefined;
function committedClone(): string {
  if (clone) return clone;
  clone = join(tmp, 'accsm-clone');
  gitIn(tmp, 'clone', '-q', REPO, clone);
  return clone;
}

describe.skipIf(!git.ok || !preCommit.ok)(`pre-commit try-repo (${preCommit.version})`, () => {
  it('installs the hook from a clone and checks the files given: passes on good data, fails on bad', () => {
    const repo = join(tmp, 'data-repo');
    mkdirSync(repo);
    gitIn(repo, 'init', '-q');
    cpSync(join(FIXTURES, 'valid-minimal'), join(repo, 'data'), { recursive: true });
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'data');
    const env = userEnv({ PRE_COMMIT_HOME: join(tmp, 'pre-commit-home') });
    const good = sh('pre-commit', ['try-repo', committedClone(), 'accsm-validate', '--files', 'data/meetings.yaml', 'data/plans/demo-2021-2025/plan.yaml'], repo, env);
    expect(good.all).toMatch(/accsm validate\.+Passed/);
    expect(good.code, good.all).toBe(0);
    writeFileSync(join(repo, 'data', 'meetings.yaml'), 'not: a list\n');
    const bad = sh('pre-commit', ['try-repo', committedClone(), 'accsm-validate', '--files', 'data/meetings.yaml'], repo, env);
    expect(bad.code).toBe(1);
    expect(bad.all).toMatch(/accsm validate\.+Failed/);
    expect(bad.all).toContain('data/meetings.yaml');
  }, 1_800_000);
});

describe.skipIf(!git.ok)('npm install --install-links git+file://<clone>', () => {
  it('installs accsm as a git dependency in an empty folder, and npx accsm validate works there', () => {
    const app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const install = sh('npm', ['install', '--no-audit', '--no-fund', '--install-links', `git+file://${committedClone()}`], app);
    expect(install.code, install.all).toBe(0);
    const plain = sh('npx', ['--no-install', 'accsm', 'validate'], app);
    expect(plain.code, plain.all).toBe(0);
    expect(plain.stdout).toMatch(/^✔ \d+ files checked: no problems\n$/);
    expect(plain.stderr).toContain('using the ACCSM data shipped with accsm');
    const init = sh('npx', ['--no-install', 'accsm', 'init', 'data'], app);
    expect(init.code, init.all).toBe(0);
    const ci = sh('npx', ['--no-install', 'accsm', 'validate', '--max-warnings', '0'], join(app, 'data'), userEnv({ CI: 'true' }));
    expect(ci.code, ci.all).toBe(0);
    expect(ci.stdout).toBe('✔ 3 files checked: no problems\n');
    const none = sh(join(app, 'node_modules', '.bin', 'accsm'), ['validate'], tmp, userEnv({ CI: 'true' }));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('CI is set, so accsm does not check the ACCSM data shipped with it');
  }, 1_200_000);
});
