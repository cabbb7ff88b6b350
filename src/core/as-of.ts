/** The as-of point of a report: a date, and the meeting it stands for when --as-of named one. */
import { dateOrMeetingValue } from './values.js';
import type { DataSet, Meeting } from './types.js';

/** A meeting as a report names it. */
export type MeetingRef = Pick<Meeting, 'id' | 'name' | 'date'> & { end?: string };

export interface AsOf {
  /** YYYY-MM-DD: the day the figures are for (a meeting's last day) */
  date: string;
  /** the meeting named by --as-of, when one was */
  meeting?: MeetingRef;
}

/** A plain date is an as-of point without a meeting. */
export function asOfDate(asOf: AsOf | string): AsOf {
  return typeof asOf === 'string' ? { date: asOf } : asOf;
}

/**
 * Resolves an --as-of value: a date (YYYY-MM-DD, must exist) or a meeting id,
 * which stands for the meeting's last day.
 */
export function resolveAsOf(data: DataSet, value: string): AsOf {
  const found = dateOrMeetingValue(value, '--as-of', data.meetings);
  if (found.meeting === undefined) return { date: found.date };
  const { meeting } = found;
  return { date: meeting.end ?? meeting.date, meeting: { id: meeting.id, name: meeting.name, date: meeting.date, ...(meeting.end ? { end: meeting.end } : {}) } };
}

/**
 * The plans a meeting's paper covers: a meeting of one body (ACCSM or ACCSM+3)
 * reports on that body's plans that have projects (all of that body's plans
 * when none has); undefined when the meeting names no body or no plan is of it.
 */
export function meetingPlans(data: DataSet, meetingId: string): string[] | undefined {
  const body = data.meetings.find((m) => m.id === meetingId)?.body;
  const ofBody = body ? data.plans.filter((p) => p.plan.body === body) : [];
  if (ofBody.length === 0) return undefined;
  const withProjects = ofBody.filter((p) => p.projects.length > 0);
  return (withProjects.length ? withProjects : ofBody).map((p) => p.plan.id);
}
