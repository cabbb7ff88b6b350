/**
 * Progress between two dates: which projects changed status, for the
 * "progress since the previous meeting" part of a meeting paper. Pure; uses
 * the same "status as of a date" rule as the report (entryAsOf).
 */
import { dayNumber, fromDayNumber } from './dates.js';
import { UserError } from './errors.js';
import { dateOrMeetingValue } from './values.js';
import { entryAsOf } from './status-on-day.js';
import { STATUS_ORDER, type Body, type DataSet, type Meeting, type Status } from './types.js';

/** One project whose status as of `to` differs from its status as of `from`. */
export interface Transition {
  projectId: string;
  title: string;
  /** status as of `from`; undefined when the project had not entered the plan yet */
  from?: Status;
  /** status as of `to` */
  to: Status;
  /** date of the first entry after `from` from which the project has held `to` without a break */
  date: string;
  /** meeting that took note of that entry, if any */
  meeting?: string;
}

/** Transitions with the same `from` and `to`. */
export interface TransitionGroup {
  from?: Status;
  to: Status;
  count: number;
  /** project ids, in project order */
  projects: string[];
}

/** The point a paper compares with: a date, and the meeting it stands for when it came from one. */
export interface SincePoint {
  /** YYYY-MM-DD; statuses in force on this day are the "before" */
  date: string;
  meeting?: Pick<Meeting, 'id' | 'name' | 'date'> & { end?: string };
  /** how the point was chosen */
  reason: 'given' | 'previous-meeting' | 'plan-start';
}

/**
 * Projects of a plan whose status as of `to` differs from their status as of
 * `from` (from < to), in project order. A project that entered the plan after
 * `from` has `from: undefined`. A project that changed and changed back is
 * not listed: this is the net change between the two dates.
 */
export function transitionsBetween(data: DataSet, planId: string, from: string, to: string): Transition[] {
  const record = data.plans.find((p) => p.plan.id === planId);
  if (!record) throw new UserError(`unknown plan "${planId}"; plans: ${data.plans.map((p) => p.plan.id).join(', ') || 'none'}`);
  const out: Transition[] = [];
  if (from >= to) return out;
  for (const { project } of record.projects) {
    const after = entryAsOf(project, to);
    if (!after) continue;
    const before = entryAsOf(project, from);
    if (before?.status === after.status) continue;
    // the start of the final run of `after.status` within (from, to]
    let start = after;
    for (let i = project.status.indexOf(after) - 1; i >= 0; i--) {
      const e = project.status[i]!;
      if (e.date <= from || e.status !== after.status) break;
      start = e;
    }
    out.push({
      projectId: project.id,
      title: project.title,
      ...(before ? { from: before.status } : {}),
      to: after.status,
      date: start.date,
      ...(start.meeting !== undefined ? { meeting: start.meeting } : {}),
    });
  }
  return out;
}

/** The order groups are listed in: what is done first, as in the report. */

/** Groups transitions by (from, to): entries into the plan first, then by `from` and `to`, completed first. */
export function groupTransitions(transitions: readonly Transition[]): TransitionGroup[] {
  const rank = (s: Status | undefined) => (s === undefined ? -1 : STATUS_ORDER.indexOf(s));
  const groups = new Map<string, TransitionGroup>();
  for (const t of transitions) {
    const key = `${t.from ?? ''}>${t.to}`;
    let g = groups.get(key);
    if (!g) {
      g = { ...(t.from ? { from: t.from } : {}), to: t.to, count: 0, projects: [] };
      groups.set(key, g);
    }
    g.count++;
    g.projects.push(t.projectId);
  }
  return [...groups.values()].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}

/**
 * The latest meeting over before `before` (its last day earlier than that
 * date), of `body` when one is given (meetings without a body are then left
 * out). Ties go to the meeting listed last.
 */
export function previousMeeting(meetings: readonly Meeting[], before: string, body?: Body): Meeting | undefined {
  let found: Meeting | undefined;
  for (const m of meetings) {
    if ((m.end ?? m.date) >= before) continue;
    if (body !== undefined && m.body !== body) continue;
    if (!found || (m.end ?? m.date) >= (found.end ?? found.date)) found = m;
  }
  return found;
}

function meetingPoint(m: Meeting): NonNullable<SincePoint['meeting']> {
  return { id: m.id, name: m.name, date: m.date, ...(m.end ? { end: m.end } : {}) };
}

/**
 * Resolves a --since value (a date YYYY-MM-DD or a meeting id, which stands
 * for the meeting's last day); it must be before `asOf`.
 */
export function resolveSince(data: DataSet, value: string, asOf: string): SincePoint {
  let point: SincePoint;
  const found = dateOrMeetingValue(value, '--since', data.meetings);
  if (found.meeting === undefined) point = { date: found.date, reason: 'given' };
  else point = { date: found.meeting.end ?? found.meeting.date, meeting: meetingPoint(found.meeting), reason: 'given' };
  if (point.date >= asOf) throw new UserError(`--since ${value}${point.meeting ? ` (${point.date})` : ''} must be before the paper's date, ${asOf}`);
  return point;
}

/**
 * The default point to compare with: the previous meeting of `body` before
 * `before` (the paper's meeting's first day, or its as-of date); when there is
 * none, the day before the plan period starts, so that every project counts as new.
 */
export function defaultSince(data: DataSet, options: { before: string; body?: Body; periodStart: number }): SincePoint {
  const m = previousMeeting(data.meetings, options.before, options.body);
  if (m) return { date: m.end ?? m.date, meeting: meetingPoint(m), reason: 'previous-meeting' };
  return { date: fromDayNumber(dayNumber(`${String(options.periodStart).padStart(4, '0')}-01-01`) - 1), reason: 'plan-start' };
}

/** What changed in one plan between the point of comparison and the report date. */
export interface PlanProgress {
  planId: string;
  since: SincePoint;
  /** the report date */
  asOf: string;
  transitions: Transition[];
  groups: TransitionGroup[];
  /** how many transitions are entries into the plan (from undefined) */
  entered: number;
}

/**
 * Progress of each plan of a report since `since` (a --since value), else
 * since the previous meeting of the same body (the body of the report's
 * meeting when it has one, else the plan's) before the meeting's first day or
 * the as-of date.
 */
export function progressSince(
  data: DataSet,
  report: { asOf: string; meeting?: { id: string; date: string }; plans: readonly { id: string; body: Body; period: { start: number } }[] },
  options: { since?: string } = {},
): PlanProgress[] {
  const { asOf, meeting } = report;
  const given = options.since !== undefined ? resolveSince(data, options.since, asOf) : undefined;
  const meetingBody = meeting ? data.meetings.find((m) => m.id === meeting.id)?.body : undefined;
  return report.plans.map((plan) => {
    const since = given ?? defaultSince(data, { before: meeting?.date ?? asOf, body: meetingBody ?? plan.body, periodStart: plan.period.start });
    const transitions = transitionsBetween(data, plan.id, since.date, asOf);
    return { planId: plan.id, since, asOf, transitions, groups: groupTransitions(transitions), entered: transitions.filter((t) => t.from === undefined).length };
  });
}
