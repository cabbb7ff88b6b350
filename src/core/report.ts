/**
 * Where each work plan stands as of a date: the one computation behind every
 * report, list, paper and diff. Counts are integers; percentages come from
 * percent() (round half up, never 0% for a share above 0, never 100% below the whole).
 */
import { dayNumber, daysInMonth, fromDayNumber } from './dates.js';
import { UserError } from './errors.js';
import { cmp } from './load.js';
import { percent } from './percent.js';
import { STATUSES, type DataSet, type Meeting, type Plan, type PlanRecord, type Project, type Status, type StatusEntry } from './types.js';

export type StatusCounts = Record<Status, number>;

export interface GroupFigures {
  total: number;
  counts: StatusCounts;
  percents: StatusCounts;
  /** completed + ongoing */
  implemented: number;
  implementedPercent: number;
}

export interface AreaFigures extends GroupFigures {
  id: string;
  title: string;
}

export interface LeadFigures extends GroupFigures {
  code: string;
}

/** One project as of the report date. */
export interface ProjectRow {
  id: string;
  title: string;
  status: Status;
  /** date of the status entry in force */
  since: string;
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
  /** YYYY-MM-DD */
  asOf: string;
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
  meeting?: Pick<Meeting, 'id' | 'name' | 'date'> & { end?: string };
  filters: { lead?: string; area?: string };
  plans: PlanReport[];
}

export function emptyCounts(): StatusCounts {
  return { planned: 0, ongoing: 0, completed: 0, postponed: 0, cancelled: 0 };
}

/** The status entry in force on `date`: the last one dated on or before it; undefined when the project had not entered the plan yet. */
export function entryAsOf(project: Project, date: string): StatusEntry | undefined {
  let found: StatusEntry | undefined;
  for (const entry of project.status) {
    if (entry.date <= date) found = entry;
    else break;
  }
  return found;
}

export function statusAsOf(project: Project, date: string): Status | undefined {
  return entryAsOf(project, date)?.status;
}

/** First and last day of a schedule value (YYYY or YYYY-MM). */
export function periodBounds(value: string): { first: string; last: string } {
  const [y, m] = value.split('-');
  if (m === undefined) return { first: `${y}-01-01`, last: `${y}-12-31` };
  return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}` };
}

export function figures(statuses: readonly Status[]): GroupFigures {
  const counts = emptyCounts();
  for (const s of statuses) counts[s]++;
  const total = statuses.length;
  const percents = emptyCounts();
  for (const s of STATUSES) percents[s] = percent(counts[s], total);
  const implemented = counts.completed + counts.ongoing;
  return { total, counts, percents, implemented, implementedPercent: percent(implemented, total) };
}

/** "12 of 31 completed or ongoing (39%)" */
export function headline(f: Pick<GroupFigures, 'implemented' | 'total' | 'implementedPercent'>): string {
  return `${f.implemented} of ${f.total} completed or ongoing (${f.implementedPercent}%)`;
}

function planReport(record: PlanRecord, options: ReportOptions): PlanReport {
  const { plan } = record;
  const asOf = options.asOf;
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
  const elapsedDays = Math.min(Math.max(dayNumber(asOf) - start + 1, 0), periodDays);
  const projection = project(rows, all.counts, start, elapsedDays);
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

/**
 * At the rate of completions so far (completed projects per day since the
 * period began), the month in which the last project that can still complete
 * (every counted project but the cancelled ones) would complete.
 */
function project(rows: readonly ProjectRow[], counts: StatusCounts, start: number, elapsedDays: number): string | null {
  const completed = counts.completed;
  if (completed === 0 || elapsedDays <= 0) return null;
  const target = rows.length - counts.cancelled;
  if (completed >= target) {
    const last = rows.filter((r) => r.status === 'completed').reduce((m, r) => (r.since > m ? r.since : m), '');
    return last.slice(0, 7);
  }
  // days from the period's start until `target` completions, rounded up, in integers
  const days = Math.ceil((elapsedDays * target) / completed);
  return fromDayNumber(start + days - 1).slice(0, 7);
}

function listOf(values: readonly string[]): string {
  return values.length ? values.join(', ') : 'none';
}

/** Checks the options against the data; unknown plans, codes or areas are usage errors that list the valid ones. */
export function computeReport(data: DataSet, options: ReportOptions): Report {
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
    .map((p) => planReport(p, options));
  return { asOf: options.asOf, filters: { ...(options.lead ? { lead: options.lead } : {}), ...(options.area ? { area: options.area } : {}) }, plans };
}

/**
 * Resolves an --as-of value: a date (YYYY-MM-DD, must exist) or a meeting id,
 * which stands for the meeting's last day.
 */
export function resolveAsOf(data: DataSet, value: string): { asOf: string; meeting?: Report['meeting'] } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      if (fromDayNumber(dayNumber(value)) === value) return { asOf: value };
    } catch {
      // fall through
    }
    throw new UserError(`--as-of ${value} is not a real calendar date`);
  }
  const meeting = data.meetings.find((m) => m.id === value);
  if (!meeting) {
    throw new UserError(`--as-of "${value}" is neither a date (YYYY-MM-DD) nor a meeting id; meetings: ${listOf(data.meetings.map((m) => m.id))}`);
  }
  return { asOf: meeting.end ?? meeting.date, meeting: { id: meeting.id, name: meeting.name, date: meeting.date, ...(meeting.end ? { end: meeting.end } : {}) } };
}
