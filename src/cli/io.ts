/** What a command may touch of the outside world; tests pass their own. */
import { formatDate, isRealDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  /** width of the terminal stdout writes to, when it is one */
  stdoutColumns?: number;
  stderrIsTTY: boolean;
  /** the current time; ACCSM_TODAY=YYYY-MM-DD in env overrides "today" */
  now(): Date;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
    stderrIsTTY: process.stderr.isTTY === true,
    now: () => new Date(),
  };
}

/** Color only on a terminal, never with NO_COLOR (any non-empty value); FORCE_COLOR turns it on. */
export function wantsColor(io: CliIO, stream: 'stdout' | 'stderr'): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.TERM === 'dumb') return false;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}

/** Today as YYYY-MM-DD: ACCSM_TODAY when set (for reproducible runs), else the local date. */
export function today(io: CliIO): string {
  const text = io.env.ACCSM_TODAY;
  if (text === undefined || text === '') return formatDate(io.now());
  if (!isRealDate(text)) throw new UserError(`ACCSM_TODAY=${JSON.stringify(text)} is not a date; set it to a day as YYYY-MM-DD, for example ACCSM_TODAY=2026-11-23, or unset it to use today's date`);
  return text;
}

/** How wide text for stdout may be: COLUMNS when set, else the terminal's width, else no limit (piped). */
export function outputWidth(io: CliIO): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.stdoutColumns;
}

/** How long an edit waits for another edit of the same data root: ACCSM_LOCK_WAIT seconds when set (default 30). */
export function lockWaitMs(io: CliIO): number | undefined {
  const text = io.env.ACCSM_LOCK_WAIT;
  if (text === undefined || text === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new UserError(`ACCSM_LOCK_WAIT=${JSON.stringify(text)} is not a number of seconds; set it to how long an edit may wait for another one to finish, for example ACCSM_LOCK_WAIT=60`);
  return Math.round(Number(text) * 1000);
}
