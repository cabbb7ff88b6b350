/**
 * Where each work plan stands as of a date: the one computation behind every
 * report, list, paper and diff. Counts are integers; percentages come from
 * percent() (round half up, never 0% for a share above 0, never 100% below the whole).
 */
import { dayNumber, daysInMonth, fromDayNumber } from './dates.js';
import { UserError } from './errors.js';
import { cmp } from './load.js';
import { percent } from './percent.js';
import { levenshtein } from './schema.js';
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

/** The date of the first entry of the run of entries, ending at `entry`, that share its status. */
export function statusSince(project: Project, entry: StatusEntry): string {
  const i = project.status.indexOf(entry);
  let j = i;
  while (j > 0 && project.status[j - 1]!.status === entry.status) j--;
  return project.status[j]?.date ?? entry.date;
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
  const projection = project(rows, all.counts, start, sinceStart);
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
    const last = rows.filter((r) => r.status === 'completed').reduce((m, r) => (r.statusSince > m ? r.statusSince : m), '');
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
export function computeReport(data: DataSet, given: ReportOptions): Report {
  // codes are upper case in the data (vn means VN)
  const options: ReportOptions = given.lead === undefined ? given : { ...given, lead: given.lead.toUpperCase() };
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

export interface ListOptions extends ReportOptions {
  /** only projects whose status as of asOf is one of these */
  statuses?: readonly Status[];
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
  filters: Report['filters'] & { statuses?: Status[] };
  plans: PlanProjects[];
}

/** The projects of the selected plans as of a date, one row each: the rows the report counts, filtered by status. */
export function listProjects(data: DataSet, options: ListOptions): ProjectList {
  const report = computeReport(data, options);
  const statuses = options.statuses?.length ? [...new Set(options.statuses)] : undefined;
  return {
    asOf: report.asOf,
    filters: { ...report.filters, ...(statuses ? { statuses } : {}) },
    plans: report.plans.map((p) => ({
      id: p.id,
      title: p.title,
      asOf: p.asOf,
      projects: statuses ? p.projects.filter((r) => statuses.includes(r.status)) : p.projects,
    })),
  };
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
}

/**
 * Ids close to `word`, best first, at most `max`: the same id but for case or
 * leading zeros (P1 → P01), then ids it starts or is part of, or that are a
 * small edit away.
 */
export function nearMatches(word: string, candidates: readonly string[], max = 5): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\d+/g, (n) => String(Number(n)));
  const w = word.toLowerCase();
  const scored: { id: string; score: number }[] = [];
  for (const id of new Set(candidates)) {
    const c = id.toLowerCase();
    const d = levenshtein(w, c);
    const limit = Math.max(1, Math.min(3, Math.floor(c.length / 3)));
    if (norm(id) === norm(word)) scored.push({ id, score: -1000 });
    else if (w && (c.startsWith(w) || c.includes(w))) scored.push({ id, score: d - 100 });
    else if (d <= limit) scored.push({ id, score: d });
  }
  return scored
    .sort((a, b) => a.score - b.score || cmp(a.id, b.id))
    .slice(0, max)
    .map((s) => s.id);
}

/**
 * One project with its status history and its status as of a date. An unknown
 * id, or an id that several plans use without --plan, is a usage error.
 */
export function projectDetail(data: DataSet, id: string, options: { asOf: string; plan?: string }): ProjectDetail {
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
  const row = planReport(single, { asOf: options.asOf }).projects[0];
  const inForce = entryAsOf(project, options.asOf);
  const meetings = new Map(data.meetings.map((m) => [m.id, m.name]));
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
  };
}
