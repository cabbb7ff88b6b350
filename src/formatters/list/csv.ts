/** One record per project: the plan, the as-of date and the project's fields; several values in a field are separated by ";". RFC 4180, CRLF. */
import { csvDocument, csvList, type CsvValue } from '../shared/csv.js';
import type { ListFormatter } from './types.js';

export const LIST_CSV_HEADER = [
  'plan', 'as_of', 'id', 'title', 'status', 'updated', 'meeting', 'priority_areas', 'lead', 'partners', 'schedule_start', 'schedule_end', 'overdue', 'late_start', 'illustrative',
] as const;

export const csv: ListFormatter = (list) => {
  const rows: CsvValue[][] = [];
  for (const p of list.plans) {
    for (const r of p.projects) {
      rows.push([
        p.id, p.asOf, r.id, r.title, r.status, r.since, r.meeting, csvList(r.priority_areas), csvList(r.lead), csvList(r.partners),
        r.schedule?.start, r.schedule?.end, r.overdue, r.lateStart, r.illustrative,
      ]);
    }
  }
  return csvDocument(LIST_CSV_HEADER, rows);
};
