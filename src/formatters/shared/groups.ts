/** The rows of the status, priority-area and lead tables, the same in table and markdown. */
import type { GroupFigures, PlanReport } from '../../core/report.js';
import type { Status } from '../../core/types.js';
import { capital, STATUS_ORDER } from './words.js';

/** One row per status, in STATUS_ORDER: the label, count and percentage. */
export function statusRows(plan: Pick<PlanReport, 'counts' | 'percents'>): { status: Status; count: number; percent: number }[] {
  return STATUS_ORDER.map((status) => ({ status, count: plan.counts[status], percent: plan.percents[status] }));
}

/** Column titles of a group table after the group's name: Total, the statuses, Completed or ongoing. */
export function groupColumnTitles(statuses: readonly Status[] = STATUS_ORDER): string[] {
  return ['Total', ...statuses.map(capital), 'Completed or ongoing'];
}

/** "12 (39%)" */
export function implementedCell(g: Pick<GroupFigures, 'implemented' | 'implementedPercent'>): string {
  return `${g.implemented} (${g.implementedPercent}%)`;
}

/** The cells after the group's name: total, one count per status, completed or ongoing. */
export function groupCells(g: GroupFigures, statuses: readonly Status[] = STATUS_ORDER): string[] {
  return [String(g.total), ...statuses.map((s) => String(g.counts[s])), implementedCell(g)];
}
