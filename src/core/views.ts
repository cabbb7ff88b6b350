/** The list and detail views: the report's rows, by project. */
import { asOfDate, type AsOf } from './as-of.js';
import { UserError } from './errors.js';
import { listOf, planRows, selectPlans, type ProjectRow, type Report, type ReportOptions } from './report.js';
import { resolveSinceDay, updatedSince, type SinceDay } from './staleness.js';
import { entryAsOf } from './status-on-day.js';
import { nearMatches } from './suggest.js';
import type { DataSet, Plan, PlanRecord, Project, Status, StatusEntry } from './types.js';

export interface ListOptions extends ReportOptions {
  /** only projects whose status as of asOf is one of these */
  statuses?: readonly Status[];
  /** only projects with no status entry dated on or after this day (YYYY-MM-DD) or this meeting's first day, up to asOf */
  notUpdatedSince?: string;
}

export interface PlanProjects {
  id: string;
  title: string;
  asOf: string;
  projects: ProjectRow[];
}

export interface ProjectList {
  asOf: string;
  meeting?: Report['meeting'];
  filters: Report['filters'] & { statuses?: Status[]; notUpdatedSince?: SinceDay };
  plans: PlanProjects[];
}

/** The projects of the selected plans as of a date, one row each: the rows the report counts (planRows, without its figures), filtered by status. */
export function listProjects(data: DataSet, options: ListOptions): ProjectList {
  const { at, filters, plans } = selectPlans(data, options);
  const statuses = options.statuses?.length ? [...new Set(options.statuses)] : undefined;
  const since = options.notUpdatedSince !== undefined ? resolveSinceDay(data.meetings, options.notUpdatedSince) : undefined;
  // each project by plan and id, looked up once a row (a search of the plan per row made --not-updated-since quadratic)
  const projects = since ? projectIndex(data) : undefined;
  const kept = (planId: string, r: ProjectRow): boolean => {
    if (statuses && !statuses.includes(r.status)) return false;
    if (!since) return true;
    const project = projects!.get(planId)?.get(r.id);
    return project !== undefined && !updatedSince(project, since.date, at.date);
  };
  return {
    asOf: at.date,
    filters: { ...filters, ...(statuses ? { statuses } : {}), ...(since ? { notUpdatedSince: since } : {}) },
    plans: plans.map((p) => {
      const rows = planRows(p, filters, at.date);
      return { id: p.plan.id, title: p.plan.title, asOf: at.date, projects: statuses || since ? rows.filter((r) => kept(p.plan.id, r)) : rows };
    }),
    ...(at.meeting ? { meeting: at.meeting } : {}),
  };
}

/** The projects of each plan by id: the first plan with an id, the first project with an id in it (as a search finds them). */
function projectIndex(data: DataSet): Map<string, Map<string, Project>> {
  const index = new Map<string, Map<string, Project>>();
  for (const p of data.plans) {
    if (index.has(p.plan.id)) continue;
    const byId = new Map<string, Project>();
    for (const { project } of p.projects) if (!byId.has(project.id)) byId.set(project.id, project);
    index.set(p.plan.id, byId);
  }
  return index;
}

export interface HistoryEntry extends StatusEntry {
  /** name of the meeting the entry cites, when it is in meetings.yaml */
  meetingName?: string;
  /** this is the entry in force on asOf */
  inForce: boolean;
  /** dated after asOf */
  later: boolean;
}

export interface ProjectDetail {
  asOf: string;
  plan: { id: string; title: string; period: Plan['period'] };
  project: Project;
  /** absolute path of the project file */
  file: string;
  /** the project as of asOf, as the report counts it; undefined when its first entry is after asOf */
  row?: ProjectRow;
  /** the status entries, oldest first */
  history: HistoryEntry[];
  /** priority area ids with their titles */
  areas: { id: string; title: string }[];
  /** the project of an earlier plan this one continues (carried_from), with that plan's title when it is loaded */
  carriedFrom?: CarryLink;
  /** the projects of later plans that continue this one */
  carriedTo: CarryLink[];
}

/** One end of a carry-over (accsm plan carry-over): a project of a plan. */
export interface CarryLink {
  plan: string;
  /** the plan's title; absent when the plan is not in the data (or was left out for its errors) */
  planTitle?: string;
  id: string;
}

/**
 * One project with its status history and its status as of a date. An unknown
 * id, or an id that several plans use without --plan, is a usage error.
 */
export function projectDetail(data: DataSet, id: string, given: { asOf: AsOf | string; plan?: string }): ProjectDetail {
  const options = { ...given, asOf: asOfDate(given.asOf).date };
  const known = data.plans.map((p) => p.plan.id);
  if (options.plan !== undefined && !known.includes(options.plan)) throw new UserError(`unknown plan "${options.plan}"; plans: ${listOf(known)}`);
  const plans = options.plan === undefined ? data.plans : data.plans.filter((p) => p.plan.id === options.plan);
  const found = plans.flatMap((p) => p.projects.filter((r) => r.project.id === id).map((r) => ({ record: p, ...r })));
  if (found.length === 0) {
    const ids = plans.flatMap((p) => p.projects.map((r) => r.project.id));
    const near = nearMatches(id, ids);
    const where = options.plan === undefined ? 'any plan' : `plan ${options.plan}`;
    const hint = near.length ? `; did you mean ${near.join(', ')}?` : ids.length ? '; accsm list shows the project ids' : ' (no plan there has projects)';
    throw new UserError(`no project "${id}" in ${where}${hint}`);
  }
  if (found.length > 1) {
    throw new UserError(`project "${id}" is in several plans (${found.map((f) => f.record.plan.id).join(', ')}); choose one with --plan`);
  }
  const { record, project, file } = found[0]!;
  const single: PlanRecord = { ...record, projects: [{ project, file }] };
  const row = planRows(single, {}, options.asOf)[0];
  const inForce = entryAsOf(project, options.asOf);
  const meetings = new Map(data.meetings.map((m) => [m.id, m.name]));
  const link = (plan: string, id: string): CarryLink => {
    const title = data.plans.find((p) => p.plan.id === plan)?.plan.title;
    return { plan, ...(title !== undefined ? { planTitle: title } : {}), id };
  };
  const from = project.carried_from;
  const carriedTo = data.plans.flatMap((p) =>
    p.projects.filter((r) => r.project.carried_from?.plan === record.plan.id && r.project.carried_from.id === project.id).map((r) => link(p.plan.id, r.project.id)),
  );
  return {
    asOf: options.asOf,
    plan: { id: record.plan.id, title: record.plan.title, period: { ...record.plan.period } },
    project,
    file,
    ...(row ? { row } : {}),
    history: project.status.map((e) => ({
      ...e,
      ...(e.meeting !== undefined && meetings.has(e.meeting) ? { meetingName: meetings.get(e.meeting)! } : {}),
      inForce: e === inForce,
      later: e.date > options.asOf,
    })),
    areas: project.priority_areas.map((a) => ({ id: a, title: record.plan.priority_areas.find((p) => p.id === a)?.title ?? a })),
    ...(from ? { carriedFrom: link(from.plan, from.id) } : {}),
    carriedTo,
  };
}
