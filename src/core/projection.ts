/** The projection: when the last project would complete at the rate of completions so far. */
import { fromDayNumber } from './dates.js';
import type { StatusCounts } from './figures.js';
import type { Status } from './types.js';
import type { PeriodTime } from './verdict.js';

export type Projection = 'projected' | 'all-completed' | 'ended' | 'not-started' | 'no-completions' | 'beyond-twice-period';

/**
 * A supporting figure, not the verdict: at the rate of completions so far
 * (completed projects per day since the period began), the month in which the
 * last project that can still complete (every counted project but the
 * cancelled ones) would complete. None once the plan period has ended, and
 * none (beyond-twice-period) when that month is later than twice the plan's length.
 */
export function projectCompletion(
  rows: readonly { status: Status; statusSince: string }[],
  counts: StatusCounts,
  start: number,
  time: Pick<PeriodTime, 'phase' | 'sinceStart' | 'periodDays'>,
): { month: string | null; kind: Projection } {
  const completed = counts.completed;
  const target = rows.length - counts.cancelled;
  if (completed > 0 && completed >= target) {
    const last = rows.filter((r) => r.status === 'completed').reduce((m, r) => (r.statusSince > m ? r.statusSince : m), '');
    return { month: last.slice(0, 7), kind: 'all-completed' };
  }
  if (time.phase === 'before') return { month: null, kind: 'not-started' };
  if (time.phase === 'after') return { month: null, kind: 'ended' };
  if (completed === 0) return { month: null, kind: 'no-completions' };
  // days from the period's start until `target` completions, rounded up, in integers
  const days = Math.ceil((time.sinceStart * target) / completed);
  if (days > 2 * time.periodDays) return { month: null, kind: 'beyond-twice-period' };
  return { month: fromDayNumber(start + days - 1).slice(0, 7), kind: 'projected' };
}
