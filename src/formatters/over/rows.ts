/**
 * The columns and cells of the progress-over-time table, the same in the
 * table, markdown and HTML formats. Every cell is read from a point's report.
 */
import type { PlanReport } from '../../core/report.js';
import type { OverPoint, OverUnit } from '../../core/over-time.js';
import { STATUS_ORDER, capital, dateWords } from '../shared/words.js';

/** The report's on-schedule verdict (computeReport, README "What the report says about time"). */
export function verdictOf(plan: Pick<PlanReport, 'verdict'>): string | undefined {
  return plan.verdict;
}

/** "on-schedule" → "on schedule" */
export function verdictWords(verdict: string): string {
  return verdict.replace(/-/g, ' ');
}

export function pointTitle(over: OverUnit): string {
  return over === 'meetings' ? 'Meeting' : over === 'years' ? 'Year' : 'Month';
}

/** Column titles after the point and its date. */
export function figureTitles(withVerdict: boolean): string[] {
  return [...STATUS_ORDER.map(capital), 'Total', 'Completed or ongoing', 'Period elapsed', ...(withVerdict ? ['Verdict'] : [])];
}

export function figureCells(p: PlanReport, withVerdict: boolean): string[] {
  const v = verdictOf(p);
  return [
    ...STATUS_ORDER.map((s) => String(p.counts[s])),
    String(p.total),
    `${p.implemented} (${p.implementedPercent}%)`,
    `${p.elapsedPercent}%`,
    ...(withVerdict ? [v === undefined ? '' : verdictWords(v)] : []),
  ];
}

/** The point's name as a reader knows it: the meeting's name, the year, the month. */
export function pointName(pt: Omit<OverPoint, 'plan'>): string {
  return pt.meeting ? pt.meeting.name : pt.label;
}

export function pointDate(pt: Pick<OverPoint, 'asOf'>): string {
  return dateWords(pt.asOf);
}

/** Whether any point of these carries a verdict (so the column is shown). */
export function hasVerdict(points: readonly OverPoint[]): boolean {
  return points.some((pt) => verdictOf(pt.plan) !== undefined);
}
