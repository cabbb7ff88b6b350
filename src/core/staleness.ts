/**
 * Stale data. A project is *updated since* a day when it has a status entry
 * dated on or after that day (and on or before the report date); *updated
 * since a meeting* means since the meeting's first day. The meeting a report
 * checks against is the last meeting of the plan's body whose last day is
 * before the report date. Pure.
 */
import { isRealDate } from './dates.js';
import { UserError } from './errors.js';
import type { Body, Meeting, Project } from './types.js';

/** The day "updated since" counts from, and the meeting it came from. */
export interface SinceDay {
  /** YYYY-MM-DD */
  date: string;
  meeting?: Pick<Meeting, 'id' | 'name' | 'date'> & { end?: string };
}

/** A --not-updated-since value: a date (YYYY-MM-DD), or a meeting id, which stands for the meeting's first day. */
export function resolveSinceDay(meetings: readonly Meeting[], value: string): SinceDay {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isRealDate(value)) throw new UserError(`--not-updated-since ${value} is not a real calendar date`);
    return { date: value };
  }
  const m = meetings.find((x) => x.id === value);
  if (!m) throw new UserError(`--not-updated-since "${value}" is neither a date (YYYY-MM-DD) nor a meeting id; meetings: ${meetings.map((x) => x.id).join(', ') || 'none'}`);
  return { date: m.date, meeting: { id: m.id, name: m.name, date: m.date, ...(m.end ? { end: m.end } : {}) } };
}

/**
 * The last meeting of `body` whose last day (`end`, else `date`) is before
 * `asOf`. Of meetings ending the same day, the one that began first, then the
 * one listed first (meetings.yaml lists a SOM before the Heads of Civil
 * Service meeting it reports to, so the SOM is the one named).
 */
export function lastMeetingBefore(meetings: readonly Meeting[], body: Body, asOf: string): Meeting | undefined {
  let found: Meeting | undefined;
  for (const m of meetings) {
    if (m.body !== body) continue;
    const last = m.end ?? m.date;
    if (last >= asOf) continue;
    if (!found) found = m;
    else {
      const fLast = found.end ?? found.date;
      if (last > fLast || (last === fLast && m.date < found.date)) found = m;
    }
  }
  return found;
}

/** The project has a status entry dated from `since` to `asOf`, both included. */
export function updatedSince(project: Pick<Project, 'status'>, since: string, asOf: string): boolean {
  return project.status.some((e) => e.date >= since && e.date <= asOf);
}

/** The day one year before `date` (29 February goes to 28 February). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-');
  const year = String(Number(y) - 1).padStart(4, '0');
  if (m === '02' && d === '29') return `${year}-02-28`;
  return `${year}-${m}-${d}`;
}

/** The latest status is more than a year old: dated before the same day a year earlier. */
export function isStale(lastUpdated: string | null, asOf: string): boolean {
  return lastUpdated !== null && lastUpdated < yearBefore(asOf);
}
