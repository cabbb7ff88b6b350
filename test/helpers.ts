/** Shared test helpers: run the built executable as a user would, make temporary data roots. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../src/cli/io.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(REPO, 'bin', 'accsm.js');
export const EMBEDDED = join(REPO, 'data');
export const FIXTURES = join(REPO, 'test', 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `accsm ...args` as a separate process (the built bin/accsm.js), with no color and a fixed "today". */
export function accsm(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ACCSM_TODAY: '2026-11-23', ACCSM_DATA: undefined, FORCE_COLOR: undefined, CI: undefined, GITHUB_STEP_SUMMARY: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: env as NodeJS.ProcessEnv, encoding: 'utf8', input: options.input ?? '', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'accsm-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a data root (default: the embedded data) in a temporary folder. */
export function copyRoot(from = EMBEDDED): { dir: string; cleanup: () => void } {
  const t = tempDir();
  const dir = join(t.dir, 'data');
  cpSync(from, dir, { recursive: true });
  return { dir, cleanup: t.cleanup };
}

/** git in `cwd` with a fixed identity and no signing, never through a shell. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=accsm test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Replaces a repository's data/ with a copy of a fixture. */
export function putData(repo: string, fixture: string): void {
  rmSync(join(repo, 'data'), { recursive: true, force: true });
  cpSync(join(FIXTURES, fixture), join(repo, 'data'), { recursive: true });
}

/**
 * Runs `accsm ...args` in this process through `run(argv, io)` (src/cli/main.ts, no build needed),
 * with stdout and stderr captured, no color, a fixed "today", and no TTY unless asked for.
 * The same options as accsm(); `env` is the whole environment the command sees (plus the defaults).
 */
export async function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean; columns?: number } = {}): Promise<CliResult> {
  const { run } = await import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ACCSM_TODAY: '2026-11-23', PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
    cwd: options.cwd ?? REPO,
    stdoutIsTTY: options.tty === true,
    ...(options.tty && options.columns ? { stdoutColumns: options.columns } : {}),
    stderrIsTTY: options.tty === true,
    now: () => new Date(),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
