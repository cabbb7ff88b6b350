/**
 * Where each work plan stands as of a day: the one computation behind every
 * report, list, paper and diff. The pieces live beside it: the status rule
 * (status-on-day.ts), the figures (figures.ts), the projection
 * (projection.ts), the as-of point (as-of.ts) and the views (views.ts).
 */
import { asOfDate, type AsOf, type MeetingRef } from './as-of.js';
import { dayNumber } from './dates.js';
import { UserError } from './errors.js';
import { figures, type AreaFigures, type GroupFigures, type LeadFigures } from './figures.js';
import { cmp } from './order.js';
import { percent } from './percent.js';
import { projectCompletion } from './projection.js';
import { entryAsOf, periodBounds, statusSince } from './status-on-day.js';
import type { DataSet, Plan, PlanRecord, Status } from './types.js';

export { headline, type AreaFigures, type GroupFigures, type LeadFigures, type StatusCounts } from './figures.js';

/** One project as of the report date. */
export interface ProjectRow {
  id: string;
  title: string;
  status: Status;
  /** date of the status entry in force */
  since: string;
  /** date the project first took its current status (earlier entries that repeat it are one run) */
  statusSince: string;
  /** meeting that took note of the entry in force, if any */
  meeting?: string;
  priority_areas: string[];
  lead: string[];
  partners: string[];
  schedule?: { start: string; end: string };
  illustrative: boolean;
  overdue: boolean;
  lateStart: boolean;
  /** absolute path of the project file */
  file: string;
}

export interface PlanReport extends GroupFigures {
  id: string;
  title: string;
  body: Plan['body'];
  period: Plan['period'];
  asOf: string;
  byPriorityArea: AreaFigures[];
  byLead: LeadFigures[];
  /** ids of projects whose schedule end has passed and that are not completed (nor cancelled) */
  overdue: string[];
  /** ids of projects whose schedule start has passed and that are still planned */
  lateStart: string[];
  /** how many counted projects are illustrative */
  illustrative: number;
  /** latest status entry on or before asOf among counted projects */
  lastUpdated: string | null;
  /** share of the plan period elapsed by the end of asOf */
  elapsedPercent: number;
  /** month the last project would complete at the rate of completions so far; null when nothing has completed */
  projectedCompletion: string | null;
  /** projectedCompletion is within the plan period; null when there is no projection */
  projectedOnSchedule: boolean | null;
  /** every counted project, by id */
  projects: ProjectRow[];
}

export interface ReportOptions {
  /** the day (YYYY-MM-DD), or the as-of point resolveAsOf gives, with its meeting */
  asOf: AsOf | string;
  /** plan ids; default: every plan that has projects */
  plans?: readonly string[];
  /** only projects led by this code */
  lead?: string;
  /** only projects in this priority area */
  area?: string;
}

export interface Report {
  asOf: string;
  /** the meeting named by --as-of, when one was */
  meeting?: MeetingRef;
  filters: { lead?: string; area?: string };
  plans: PlanReport[];
}

export function planReport(record: PlanRecord, options: Omit<ReportOptions, 'asOf' | 'plans'>, asOf: string): PlanReport {
  const { plan } = record;
  const rows: ProjectRow[] = [];
  let lastUpdated: string | null = null;
  for (const { project, file } of record.projects) {
    if (options.lead && !project.lead.includes(options.lead)) continue;
    if (options.area && !project.priority_areas.includes(options.area)) continue;
    const entry = entryAsOf(project, asOf);
    if (!entry) continue;
    if (lastUpdated === null || entry.date > lastUpdated) lastUpdated = entry.date;
    const done = entry.status === 'completed' || entry.status === 'cancelled';
    const overdue = !done && project.schedule !== undefined && asOf > periodBounds(project.schedule.end).last;
    const lateStart = entry.status === 'planned' && project.schedule !== undefined && asOf > periodBounds(project.schedule.start).last;
    rows.push({
      id: project.id,
      title: project.title,
      status: entry.status,
      since: entry.date,
      statusSince: statusSince(project, entry),
      ...(entry.meeting !== undefined ? { meeting: entry.meeting } : {}),
      priority_areas: [...project.priority_areas],
      lead: [...project.lead],
      partners: [...(project.partners ?? [])],
      ...(project.schedule ? { schedule: { ...project.schedule } } : {}),
      illustrative: project.illustrative === true,
      overdue,
      lateStart,
      file,
    });
  }
  const all = figures(rows.map((r) => r.status));
  const byPriorityArea: AreaFigures[] = plan.priority_areas
    .filter((a) => !options.area || a.id === options.area)
    .map((a) => ({ id: a.id, title: a.title, ...figures(rows.filter((r) => r.priority_areas.includes(a.id)).map((r) => r.status)) }));
  const leads = [...new Set(rows.flatMap((r) => r.lead))].sort(cmp);
  const byLead: LeadFigures[] = leads
    .map((code) => ({ code, ...figures(rows.filter((r) => r.lead.includes(code)).map((r) => r.status)) }))
    .sort((a, b) => b.total - a.total || cmp(a.code, b.code));
  const start = dayNumber(`${plan.period.start}-01-01`);
  const end = dayNumber(`${plan.period.end}-12-31`);
  const periodDays = end - start + 1;
  // days from the period's first day to the end of asOf; the elapsed share is capped at the period,
  // the rate of completions is not (after the plan ends, time keeps counting against it)
  const sinceStart = dayNumber(asOf) - start + 1;
  const elapsedDays = Math.min(Math.max(sinceStart, 0), periodDays);
  const projection = projectCompletion(rows, all.counts, start, sinceStart);
  return {
    id: plan.id,
    title: plan.title,
    body: plan.body,
    period: { ...plan.period },
    asOf,
    ...all,
    byPriorityArea,
    byLead,
    overdue: rows.filter((r) => r.overdue).map((r) => r.id),
    lateStart: rows.filter((r) => r.lateStart).map((r) => r.id),
    illustrative: rows.filter((r) => r.illustrative).length,
    lastUpdated,
    elapsedPercent: percent(elapsedDays, periodDays),
    projectedCompletion: projection,
    projectedOnSchedule: projection === null ? null : projection <= `${plan.period.end}-12`,
    projects: rows,
  };
}

export function listOf(values: readonly string[]): string {
  return values.length ? values.join(', ') : 'none';
}

/** Checks the options against the data; unknown plans, codes or areas are usage errors that list the valid ones. */
export function computeReport(data: DataSet, given: ReportOptions): Report {
  // codes are upper case in the data (vn means VN)
  const options: ReportOptions = given.lead === undefined ? given : { ...given, lead: given.lead.toUpperCase() };
  const at = asOfDate(options.asOf);
  const known = data.plans.map((p) => p.plan.id);
  for (const id of options.plans ?? []) {
    if (!known.includes(id)) throw new UserError(`unknown plan "${id}"; plans: ${listOf(known)}`);
  }
  const selected = options.plans?.length
    ? data.plans.filter((p) => options.plans!.includes(p.plan.id))
    : data.plans.filter((p) => p.projects.length > 0);
  if (options.lead !== undefined) {
    const codes = [...new Set(selected.flatMap((p) => p.projects.flatMap((r) => r.project.lead)))].sort(cmp);
    if (!codes.includes(options.lead)) throw new UserError(`no project is led by "${options.lead}"; lead codes in these plans: ${listOf(codes)}`);
  }
  if (options.area !== undefined) {
    const areas = [...new Set(selected.flatMap((p) => p.plan.priority_areas.map((a) => a.id)))];
    if (!areas.includes(options.area)) throw new UserError(`unknown priority area "${options.area}"; areas of these plans: ${listOf(areas)}`);
  }
  const plans = selected
    .filter((p) => options.area === undefined || p.plan.priority_areas.some((a) => a.id === options.area))
    .map((p) => planReport(p, options, at.date));
  const filters = { ...(options.lead ? { lead: options.lead } : {}), ...(options.area ? { area: options.area } : {}) };
  return { asOf: at.date, filters, plans, ...(at.meeting ? { meeting: at.meeting } : {}) };
}

