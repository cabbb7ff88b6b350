/** The status rule: which status entry of a project is in force on a day, and the days a schedule value covers. */
import { daysInMonth } from './dates.js';
import type { Project, Status, StatusEntry } from './types.js';

/** The status entry in force on `date`: the last one dated on or before it; undefined when the project had not entered the plan yet. */
export function entryAsOf<E extends Pick<StatusEntry, 'date'> = StatusEntry>(project: { readonly status: readonly E[] }, date: string): E | undefined {
  let found: E | undefined;
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
