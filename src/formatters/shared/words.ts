/** Dates and sentences the human formats share, so table and markdown say the same thing. */
import type { Status } from '../../core/types.js';
import type { PlanReport, ProjectRow, Report } from '../../core/report.js';

/** The order statuses are shown in: core's, the one list. */
export { STATUS_ORDER } from '../../core/types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `words` of each value made once: a large list or paper names the same few thousand days again and again. */
export function remembered(words: (value: string) => string): (value: string) => string {
  const said = new Map<string, string>();
  return (value) => {
    let text = said.get(value);
    if (text === undefined) said.set(value, (text = words(value)));
    return text;
  };
}

const dateText = remembered((date) => {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
});

const monthText = remembered((month) => {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
});

/** "2022-08-03" → "3 August 2022" */
export function dateWords(date: string): string {
  return dateText(date);
}

/** "2028-01" → "January 2028" */
export function monthWords(month: string): string {
  return monthText(month);
}

/** A schedule value: "2023" or "2023-06" → "June 2023". */
export function periodWords(value: string): string {
  return value.length === 4 ? value : monthWords(value);
}

export function scheduleWords(schedule: { start: string; end: string } | undefined): string {
  if (!schedule) return '';
  return schedule.start === schedule.end ? periodWords(schedule.start) : `${periodWords(schedule.start)} to ${periodWords(schedule.end)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "as of 3 August 2022, the date of the 21st ACCSM Senior Officials Meeting
 * (ACCSM 21 SOM), meeting som-21"; without the internal id ("meeting som-21")
 * for prose that goes into a paper.
 */
export function asOfWords(report: Pick<Report, 'asOf' | 'meeting'>, options: { meetingId?: boolean } = {}): string {
  const m = report.meeting;
  if (!m) return `as of ${dateWords(report.asOf)}`;
  const which = m.end && m.end !== m.date ? 'the last day of' : 'the date of';
  const article = /^the\b/i.test(m.name) ? '' : 'the ';
  return `as of ${dateWords(report.asOf)}, ${which} ${article}${m.name}${options.meetingId === false ? '' : `, meeting ${m.id}`}`;
}

type Filters = {
  lead?: readonly string[];
  partner?: readonly string[];
  area?: string;
  statuses?: readonly Status[];
  notUpdatedSince?: { date: string; meeting?: { id: string } };
};

/** ["with status ongoing or planned", "led by PH or SG", "with partner SG", "in priority area reform", "not updated since 5 August 2024 (som-22)"], for the filters given. */
function filterParts(filters: Filters): string[] {
  const parts: string[] = [];
  if (filters.statuses?.length) parts.push(`with status ${filters.statuses.join(' or ')}`);
  if (filters.lead?.length) parts.push(`led by ${filters.lead.join(' or ')}`);
  if (filters.partner?.length) parts.push(`with partner ${filters.partner.join(' or ')}`);
  if (filters.area) parts.push(`in priority area ${filters.area}`);
  const since = filters.notUpdatedSince;
  if (since) parts.push(`not updated since ${dateWords(since.date)}${since.meeting ? ` (the first day of ${since.meeting.id})` : ''}`);
  return parts;
}

/** "only projects led by VN, in priority area reform", or '' without filters. */
export function filterWords(filters: Filters): string {
  const parts = filterParts(filters);
  return parts.length ? `only projects ${parts.join(', ')}` : '';
}

/** "No projects in this plan as of 3 August 2022.", "No projects led by VN in this plan as of 3 August 2022." */
export function emptyPlanWords(plan: Pick<PlanReport, 'asOf'>, filters: Filters): string {
  const parts = filterParts(filters);
  return `No projects ${parts.length ? `${parts.join(' and ')} ` : ''}in this plan as of ${dateWords(plan.asOf)}.`;
}

export function lastUpdatedWords(plan: Pick<PlanReport, 'lastUpdated'>): string {
  return `last status update: ${plan.lastUpdated ? dateWords(plan.lastUpdated) : 'none'}`;
}

/** "period 32% elapsed, 39% implemented" */
export function elapsedWords(plan: Pick<PlanReport, 'elapsedPercent' | 'implementedPercent'>): string {
  return `period ${plan.elapsedPercent}% elapsed, ${plan.implementedPercent}% implemented`;
}

/**
 * The projection, a supporting figure worded so that it cannot read as the
 * verdict, as a sentence without a final full stop.
 */
export function projectionWords(plan: Pick<PlanReport, 'projection' | 'projectedCompletion' | 'projectedOnSchedule' | 'period'>): string {
  const end = monthWords(`${plan.period.end}-12`);
  switch (plan.projection) {
    case 'not-started':
      return `no projection: the plan period has not begun (it runs ${plan.period.start} to ${plan.period.end})`;
    case 'no-completions':
      return 'no projection: no project has completed yet';
    case 'ended':
      return 'no projection: the plan period has ended';
    case 'beyond-twice-period':
      return 'projection (a supporting figure, not the verdict): not within twice the plan period at the rate so far';
  }
  const month = monthWords(plan.projectedCompletion!);
  const against =
    plan.projectedCompletion === `${plan.period.end}-12` ? 'the month the plan ends' : `${plan.projectedOnSchedule ? 'before' : 'after'} the plan ends in ${end}`;
  if (plan.projection === 'all-completed') return `every project that was not cancelled has completed, the last in ${month}, ${against}`;
  return `projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in ${month}, ${against}`;
}

/** "31 of these 31 projects are marked illustrative: some or all of their details are not from the public record", or '' when none is. */
export function illustrativeWords(plan: Pick<PlanReport, 'illustrative' | 'total'>): string {
  if (plan.illustrative === 0) return '';
  if (plan.total === 1) return 'this project is marked illustrative: some or all of its details are not from the public record';
  const verb = plan.illustrative === 1 ? 'is marked illustrative: some or all of its details are' : 'are marked illustrative: some or all of their details are';
  return `${plan.illustrative} of these ${plan.total} projects ${verb} not from the public record`;
}

/** "24 of these 24 projects were carried over from the ACCSM Work Plan 2021-2025 (accsm-2021-2025)"; '' when none was. */
export function carriedOverWords(plan: Pick<PlanReport, 'carriedOver' | 'total'>): string {
  return plan.carriedOver
    .map((c) => `${c.count} of these ${plan.total} ${plan.total === 1 ? 'project' : 'projects'} ${c.count === 1 ? 'was' : 'were'} carried over from the ${c.title}${c.title !== c.from ? ` (${c.from})` : ''}`)
    .join('; ');
}

/** "P07 Title; P09 Title" style items for the overdue and late-start lists. */
export function projectTitles(plan: { projects: readonly Pick<ProjectRow, 'id' | 'title'>[] }, ids: readonly string[]): { id: string; title: string }[] {
  return rowsOf(plan, ids).map((r, i) => ({ id: ids[i]!, title: r?.title ?? '' }));
}

/** The row of each id (the first with it; undefined when there is none), from one index of the plan's rows (a search per id is quadratic in a large plan). */
export function rowsOf<R extends { id: string }>(plan: { projects: readonly R[] }, ids: readonly string[]): (R | undefined)[] {
  const byId = new Map<string, R>();
  for (const r of plan.projects) if (!byId.has(r.id)) byId.set(r.id, r);
  return ids.map((id) => byId.get(id));
}

/** A plan's report with its rows cut to what the report's table and markdown print of them: the id and title of each project its overdue and late-start lists name. */
export type PrintedPlan = Omit<PlanReport, 'projects'> & { projects: Pick<ProjectRow, 'id' | 'title'>[] };
export type PrintedReport = Omit<Report, 'plans'> & { plans: PrintedPlan[] };

/** The report as the table and markdown formats print it (PrintedPlan): inert() then walks a few strings a project, not every field of every row. */
export function printedReport(report: Report): PrintedReport {
  return {
    ...report,
    plans: report.plans.map((p) => {
      const named = new Set([...p.overdue, ...p.lateStart]);
      return { ...p, projects: p.projects.filter((r) => named.has(r.id)).map((r) => ({ id: r.id, title: r.title })) };
    }),
  };
}

/** Capitalised first letter, for labels and sentences. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Wraps text at `width` columns (words longer than that stay whole), each line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  return wrapLines(text, width).join(`\n${indent}`);
}

/** The words of a text in lines of at most `width` characters, broken at spaces (a longer word stands alone). */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
