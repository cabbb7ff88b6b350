/**
 * Concurrent edits as users make them: pairs of real `accsm` processes started
 * at the same moment on one data root. Used by the bounded test in `npm test`
 * and, with ACCSM_STRESS_PAIRS=200, for the full count in the README.
 */
import { spawn } from 'node:child_process';
import { BIN } from '../helpers.js';

export interface Run {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `accsm …args` as a child process without waiting for it. */
export function start(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return launch(args, cwd, env).result;
}

/** A running accsm: its result, and a way to kill it. */
export function launch(args: string[], cwd: string, env: Record<string, string> = {}): { result: Promise<Run>; kill(): void } {
  let kill = () => {};
  const result = new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ACCSM_TODAY: '2026-11-23', ACCSM_LOCK_WAIT: '60', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ args, code: code ?? (signal ? -1 : -2), stdout, stderr }));
    kill = () => void child.kill('SIGKILL');
  });
  return { result, kill: () => kill() };
}

/** Both runs of a pair started together, and their results. */
export async function pair(a: string[], b: string[], cwd: string): Promise<[Run, Run]> {
  return Promise.all([start(a, cwd), start(b, cwd)]);
}

/** The number of pairs to run: ACCSM_STRESS_PAIRS when set, else `bounded`. */
export function pairCount(bounded: number): number {
  const n = Number(process.env.ACCSM_STRESS_PAIRS);
  return Number.isInteger(n) && n > 0 ? n : bounded;
}

/** YYYY-MM-DD, `n` days after 2023-01-01 */
export function dayAfter(n: number): string {
  return new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
}
