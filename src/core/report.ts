/**
 * Where each work plan stands as of a day: the one computation behind every
 * report, list, paper and diff. The pieces live beside it: the status rule
 * (status-on-day.ts), the figures (figures.ts), the projection
 * (projection.ts), the as-of point (as-of.ts) and the views (views.ts).
 */
import { asOfDate, type AsOf, type MeetingRef } from './as-of.js';
import { countryCodes } from './countries.js';
import { dayNumber } from './dates.js';
import { UserError } from './errors.js';
import { figures, type AreaFigures, type GroupFigures, type LeadFigures } from './figures.js';
import { cmp } from './order.js';
import { percent } from './percent.js';
import { projectCompletion, type Projection } from './projection.js';
import { isLateStart, isOverdue } from './schedule.js';
import { isStale, lastMeetingBefore, updatedSince } from './staleness.js';
import { entryAsOf, statusSince } from './status-on-day.js';
import type { DataSet, Meeting, Plan, PlanRecord, Project, Status } from './types.js';
import { periodTime, verdictOf, type Verdict } from './verdict.js';

export type { Projection } from './projection.js';
export type { Verdict } from './verdict.js';

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
  /**
   * why there is or is not a projection: projected (a month), all-completed (the month of the last completion),
   * ended (none after the plan period), not-started, no-completions, beyond-twice-period (later than twice the plan's length)
   */
  projection: Projection;
  /** the meeting's rule (README, "Counting rules"): completed or ongoing ÷ total against days elapsed ÷ days of the period */
  verdict: Verdict;
  /** days of the plan period elapsed by the end of asOf (capped), and days in the whole period */
  elapsedDays: number;
  periodDays: number;
  /** projects in the plan's files, whatever their dates and the filters: 0 for a plan with nothing recorded yet */
  recorded: number;
  /** the last meeting of the plan's body before asOf, and the counted projects with no status entry since its first day; null without such a meeting */
  notUpdatedSince: NotUpdatedSince | null;
  /** the latest status entry is more than a year before asOf */
  stale: boolean;
  /** counted projects carried over from earlier plans (carried_from), one entry a plan they came from, by plan id; empty when none */
  carriedOver: CarriedOver[];
  /** every counted project, by id */
  projects: ProjectRow[];
}

export interface NotUpdatedSince {
  meeting: MeetingRef;
  /** ids of counted projects with no status entry dated on or after the meeting's first day */
  projects: string[];
}

/** How many of a plan's counted projects came from one earlier plan. */
export interface CarriedOver {
  /** the earlier plan's id */
  from: string;
  /** its title (the id when the plan is not in the data) */
  title: string;
  count: number;
}

export interface ReportOptions {
  /** the day (YYYY-MM-DD), or the as-of point resolveAsOf gives, with its meeting */
  asOf: AsOf | string;
  /** plan ids; default: every plan, those without projects too */
  plans?: readonly string[];
  /** only projects led by one of these codes or country names ("PH", "Philippines"; "PH,SG" holds two) */
  lead?: string | readonly string[];
  /** only projects with one of these as a partner (codes or names, as for lead) */
  partner?: string | readonly string[];
  /** only projects in this priority area */
  area?: string;
}

/** The filters of a report, checked: codes in upper case. */
export interface Filters {
  lead?: string[];
  partner?: string[];
  area?: string;
}

export interface Report {
  asOf: string;
  /** the meeting named by --as-of, when one was */
  meeting?: MeetingRef;
  filters: Filters;
  plans: PlanReport[];
}

function meetingRef(m: Meeting): MeetingRef {
  return { id: m.id, name: m.name, date: m.date, ...(m.end ? { end: m.end } : {}) };
}

/** The counted projects of a plan as of `asOf`, one row each in file order, with the project each row is of. */
interface Counted {
  rows: ProjectRow[];
  projects: Project[];
}

/**
 * The projects the filters keep that had entered the plan by `asOf`, one row
 * each. The optional properties are set only when present, in the order the
 * JSON formats print them (a conditional spread per row took a third of a
 * report's time at 100,000 projects).
 */
/** The partners of a project that has none: one empty list for all of them. */
const NO_PARTNERS = Object.freeze([]) as unknown as string[];

function countedRows(record: PlanRecord, options: Filters, asOf: string): Counted {
  const { plan } = record;
  const rows: ProjectRow[] = [];
  const projects: Project[] = [];
  for (const { project, file } of record.projects) {
    if (options.lead && !project.lead.some((c) => options.lead!.includes(c))) continue;
    if (options.partner && !(project.partners ?? []).some((c) => options.partner!.includes(c))) continue;
    if (options.area && !project.priority_areas.includes(options.area)) continue;
    const entry = entryAsOf(project, asOf);
    if (!entry) continue;
    const row = { id: project.id, title: project.title, status: entry.status, since: entry.date, statusSince: statusSince(project, entry) } as ProjectRow;
    if (entry.meeting !== undefined) row.meeting = entry.meeting;
    // the project's own lists, not copies: a report is read, never changed (10,000 rows are 40,000 arrays fewer)
    row.priority_areas = project.priority_areas;
    row.lead = project.lead;
    row.partners = project.partners ?? NO_PARTNERS;
    if (project.schedule) row.schedule = project.schedule;
    row.illustrative = project.illustrative === true;
    row.overdue = isOverdue(project, plan, entry.status, asOf);
    row.lateStart = isLateStart(project, entry.status, asOf);
    row.file = file;
    rows.push(row);
    projects.push(project);
  }
  return { rows, projects };
}

/** The rows of a plan's report (its `projects`), without the figures: what a list of the projects needs. */
export function planRows(record: PlanRecord, options: Filters, asOf: string): ProjectRow[] {
  return countedRows(record, options, asOf).rows;
}

/** Each group's statuses (a row counted once in a group it names twice): one pass over the rows, whatever the number of groups. */
function statusesBy(rows: readonly ProjectRow[], keysOf: (r: ProjectRow) => readonly string[]): Map<string, Status[]> {
  const groups = new Map<string, Status[]>();
  for (const r of rows) {
    const keys = keysOf(r);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (keys.indexOf(k) !== i) continue;
      const statuses = groups.get(k);
      if (statuses) statuses.push(r.status);
      else groups.set(k, [r.status]);
    }
  }
  return groups;
}

/** One plan's report as of `asOf`; `meetings` give the staleness check its last meeting; `planTitles` name the plans projects were carried over from. */
export function planReport(record: PlanRecord, options: Filters, asOf: string, meetings: readonly Meeting[] = [], planTitles: ReadonlyMap<string, string> = new Map()): PlanReport {
  const { plan } = record;
  const { rows, projects } = countedRows(record, options, asOf);
  const carried = new Map<string, number>();
  let lastUpdated: string | null = null;
  const overdue: string[] = [];
  const lateStart: string[] = [];
  let illustrative = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (lastUpdated === null || r.since > lastUpdated) lastUpdated = r.since;
    if (r.overdue) overdue.push(r.id);
    if (r.lateStart) lateStart.push(r.id);
    if (r.illustrative) illustrative++;
    const from = projects[i]!.carried_from;
    if (from) carried.set(from.plan, (carried.get(from.plan) ?? 0) + 1);
  }
  const all = figures(rows.map((r) => r.status));
  const byArea = statusesBy(rows, (r) => r.priority_areas);
  const byPriorityArea: AreaFigures[] = plan.priority_areas
    .filter((a) => !options.area || a.id === options.area)
    .map((a) => ({ id: a.id, title: a.title, ...figures(byArea.get(a.id) ?? []) }));
  const byLeadCode = statusesBy(rows, (r) => r.lead);
  const byLead: LeadFigures[] = [...byLeadCode.keys()]
    .sort(cmp)
    .map((code) => ({ code, ...figures(byLeadCode.get(code)!) }))
    .sort((a, b) => b.total - a.total || cmp(a.code, b.code));
  const time = periodTime(plan.period, asOf);
  const projection = projectCompletion(rows, all.counts, dayNumber(time.first), time);
  const meeting = lastMeetingBefore(meetings, plan.body, asOf);
  const counted = new Set(rows.map((r) => r.id));
  const notUpdatedSince: NotUpdatedSince | null = meeting
    ? {
        meeting: meetingRef(meeting),
        projects: record.projects.filter((r) => counted.has(r.project.id) && !updatedSince(r.project, meeting.date, asOf)).map((r) => r.project.id),
      }
    : null;
  return {
    id: plan.id,
    title: plan.title,
    body: plan.body,
    period: { ...plan.period },
    asOf,
    ...all,
    byPriorityArea,
    byLead,
    overdue,
    lateStart,
    illustrative,
    lastUpdated,
    elapsedPercent: percent(time.elapsedDays, time.periodDays),
    projectedCompletion: projection.month,
    projectedOnSchedule: projection.month === null ? null : projection.month <= `${plan.period.end}-12`,
    projection: projection.kind,
    verdict: verdictOf(all, time),
    elapsedDays: time.elapsedDays,
    periodDays: time.periodDays,
    recorded: record.projects.length,
    notUpdatedSince,
    stale: isStale(lastUpdated, asOf),
    carriedOver: [...carried].sort((a, b) => cmp(a[0], b[0])).map(([from, count]) => ({ from, title: planTitles.get(from) ?? from, count })),
    projects: rows,
  };
}

export function listOf(values: readonly string[]): string {
  return values.length ? values.join(', ') : 'none';
}

/** The plans a report covers and its filters, checked: unknown plans, codes or areas are usage errors that list the valid ones. */
export interface Selection {
  at: AsOf;
  filters: Filters;
  /** the plans, in the data's order */
  plans: PlanRecord[];
}

/** Checks the options against the data and selects the plans (computeReport's first half; a list of projects needs no more). */
export function selectPlans(data: DataSet, given: ReportOptions): Selection {
  // codes are upper case in the data (vn and Viet Nam mean VN); a known code that leads nothing is not an error
  const lead = countryCodes(given.lead, '--lead');
  const partner = countryCodes(given.partner, '--partner');
  const filters: Filters = { ...(lead ? { lead } : {}), ...(partner ? { partner } : {}), ...(given.area !== undefined ? { area: given.area } : {}) };
  const options = { plans: given.plans, ...filters };
  const at = asOfDate(given.asOf);
  const known = data.plans.map((p) => p.plan.id);
  for (const id of options.plans ?? []) {
    if (!known.includes(id)) throw new UserError(`unknown plan "${id}"; plans: ${listOf(known)}`);
  }
  // every plan by default, those with no projects too: they are named, not dropped
  const selected = options.plans?.length ? data.plans.filter((p) => options.plans!.includes(p.plan.id)) : data.plans;
  if (options.area !== undefined) {
    const areas = [...new Set(selected.flatMap((p) => p.plan.priority_areas.map((a) => a.id)))];
    if (!areas.includes(options.area)) throw new UserError(`unknown priority area "${options.area}"; areas of these plans: ${listOf(areas)}`);
  }
  const plans = selected.filter((p) => options.area === undefined || p.plan.priority_areas.some((a) => a.id === options.area));
  return { at, filters, plans };
}

/** Checks the options against the data (selectPlans) and reports on each plan selected. */
export function computeReport(data: DataSet, given: ReportOptions): Report {
  const { at, filters, plans } = selectPlans(data, given);
  const titles = new Map(data.plans.map((p) => [p.plan.id, p.plan.title] as const));
  return { asOf: at.date, filters, plans: plans.map((p) => planReport(p, filters, at.date, data.meetings, titles)), ...(at.meeting ? { meeting: at.meeting } : {}) };
}
