/**
 * The on-schedule verdict, the meeting's own rule (seed 003, the 21st ACCSM
 * SOM: "12 projects/activities have been completed or are being implemented
 * (accounting for 39%) … Thus, the five-year ACCSM Work Plan for the
 * 2021-2025 period is still on schedule"): a plan is on schedule on day D
 * when the share of its projects completed or ongoing is at least the share
 * of its period elapsed. The two fractions are compared exactly, by integer
 * cross-multiplication, never as rounded percentages. Pure.
 */
import { dayNumber } from './dates.js';

export const VERDICTS = ['on-schedule', 'behind-schedule', 'ended', 'not-started', 'empty'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where day D falls in a plan period (1 January of the first year to 31 December of the last). */
export interface PeriodTime {
  /** days in the whole period */
  periodDays: number;
  /** days from the period's first day up to and including D, capped to 0 … periodDays */
  elapsedDays: number;
  /** days from the period's first day up to and including D, not capped (≤ 0 before the period) */
  sinceStart: number;
  /** D is before, within or after the period */
  phase: 'before' | 'during' | 'after';
  /** YYYY-MM-DD: the period's first and last day */
  first: string;
  last: string;
}

export function periodTime(period: { start: number; end: number }, asOf: string): PeriodTime {
  const first = `${String(period.start).padStart(4, '0')}-01-01`;
  const last = `${String(period.end).padStart(4, '0')}-12-31`;
  const start = dayNumber(first);
  const periodDays = dayNumber(last) - start + 1;
  const sinceStart = dayNumber(asOf) - start + 1;
  const elapsedDays = Math.min(Math.max(sinceStart, 0), periodDays);
  const phase = sinceStart <= 0 ? 'before' : sinceStart > periodDays ? 'after' : 'during';
  return { periodDays, elapsedDays, sinceStart, phase, first, last };
}

/**
 * empty: no project counted; not-started: D is before the period; ended: D is
 * after the period's last day; otherwise on-schedule when
 * implemented / total ≥ elapsedDays / periodDays, that is
 * implemented × periodDays ≥ elapsedDays × total, else behind-schedule.
 */
export function verdictOf(figures: { total: number; implemented: number }, time: Pick<PeriodTime, 'phase' | 'elapsedDays' | 'periodDays'>): Verdict {
  if (figures.total === 0) return 'empty';
  if (time.phase === 'before') return 'not-started';
  if (time.phase === 'after') return 'ended';
  return figures.implemented * time.periodDays >= time.elapsedDays * figures.total ? 'on-schedule' : 'behind-schedule';
}
