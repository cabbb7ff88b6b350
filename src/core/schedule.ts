/**
 * A project's schedule as the time rules read it. A project with no schedule
 * of its own takes its plan's period as its schedule for "overdue": once the
 * plan has ended, every project that is neither completed nor cancelled is
 * overdue. "Late to start" needs a start of the project's own (a plan's first
 * year says nothing about when one of its projects should begin). Pure.
 */
import { periodBounds } from './status-on-day.js';
import type { Plan, Project, Status } from './types.js';

export { periodBounds };


/** The schedule's end (the project's own, else the plan period's last year) and where it came from. */
export function dueBy(project: Pick<Project, 'schedule'>, plan: Pick<Plan, 'period'>): { end: string; from: 'project' | 'plan' } {
  if (project.schedule) return { end: project.schedule.end, from: 'project' };
  return { end: String(plan.period.end).padStart(4, '0'), from: 'plan' };
}

/** The last day of a schedule value, worked out once a value: a report asks twice a project, and a plan's projects share a few values. */
const lastDays = new Map<string, string>();
function lastDay(value: string): string {
  let last = lastDays.get(value);
  if (last === undefined) lastDays.set(value, (last = periodBounds(value).last));
  return last;
}

/** Overdue on `asOf`: the schedule's end (own or the plan's) is over and the status is neither completed nor cancelled. */
export function isOverdue(project: Pick<Project, 'schedule'>, plan: Pick<Plan, 'period'>, status: Status, asOf: string): boolean {
  if (status === 'completed' || status === 'cancelled') return false;
  return asOf > lastDay(dueBy(project, plan).end);
}

/** Late to start on `asOf`: the project's own schedule start is over and it is still planned. */
export function isLateStart(project: Pick<Project, 'schedule'>, status: Status, asOf: string): boolean {
  return status === 'planned' && project.schedule !== undefined && asOf > lastDay(project.schedule.start);
}
