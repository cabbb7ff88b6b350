/** The projection: when the last project would complete at the rate of completions so far. */
import { fromDayNumber } from './dates.js';
import type { StatusCounts } from './figures.js';
import type { Status } from './types.js';

/**
 * At the rate of completions so far (completed projects per day since the
 * period began), the month in which the last project that can still complete
 * (every counted project but the cancelled ones) would complete.
 */
export function projectCompletion(rows: readonly { status: Status; statusSince: string }[], counts: StatusCounts, start: number, elapsedDays: number): string | null {
  const completed = counts.completed;
  if (completed === 0 || elapsedDays <= 0) return null;
  const target = rows.length - counts.cancelled;
  if (completed >= target) {
    const last = rows.filter((r) => r.status === 'completed').reduce((m, r) => (r.statusSince > m ? r.statusSince : m), '');
    return last.slice(0, 7);
  }
  // days from the period's start until `target` completions, rounded up, in integers
  const days = Math.ceil((elapsedDays * target) / completed);
  return fromDayNumber(start + days - 1).slice(0, 7);
}
