/**
 * One record per plan × group × status, for spreadsheets:
 * plan,as_of,group_type,group_id,group_title,status,count,percent,plan_verdict.
 * group_type is "all" (the whole plan: group_id is the plan id), "priority_area"
 * or "lead" (group_title is the code again). plan_verdict repeats the plan's
 * verdict (on-schedule, behind-schedule, ended, not-started, empty) on every
 * record, as as_of does. RFC 4180, CRLF line ends.
 */
import type { GroupFigures, Report } from '../../core/report.js';
import { csvDocument, type CsvValue } from '../shared/csv.js';
import { statusRows } from '../shared/groups.js';
import type { ReportFormatter } from './types.js';

export const REPORT_CSV_HEADER = ['plan', 'as_of', 'group_type', 'group_id', 'group_title', 'status', 'count', 'percent', 'plan_verdict'] as const;

export const csv: ReportFormatter = (report: Report) => {
  const rows: CsvValue[][] = [];
  for (const p of report.plans) {
    const groups: [string, string, string, GroupFigures][] = [
      ['all', p.id, p.title, p],
      ...p.byPriorityArea.map((a): [string, string, string, GroupFigures] => ['priority_area', a.id, a.title, a]),
      ...p.byLead.map((l): [string, string, string, GroupFigures] => ['lead', l.code, l.code, l]),
    ];
    for (const [type, id, title, g] of groups) {
      for (const r of statusRows(g)) rows.push([p.id, p.asOf, type, id, title, r.status, r.count, r.percent, p.verdict]);
    }
  }
  return csvDocument(REPORT_CSV_HEADER, rows);
};
