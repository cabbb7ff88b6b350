/** The cells of a project row in the list's table and markdown formats. */
import type { ProjectRow } from '../../core/report.js';
import { dateWords, scheduleWords } from './words.js';

export const PROJECT_COLUMNS = ['ID', 'Title', 'Status', 'Updated', 'Priority areas', 'Lead', 'Schedule', 'Flags'] as const;

/** "overdue, late start", or ''. */
export function flagWords(r: Pick<ProjectRow, 'overdue' | 'lateStart'>): string {
  if (r.overdue) return r.lateStart ? 'overdue, late start' : 'overdue';
  return r.lateStart ? 'late start' : '';
}

/** Plain-text cells, in PROJECT_COLUMNS order; an illustrative project's id is marked with *. */
export function projectCells(r: ProjectRow): string[] {
  return [
    r.illustrative ? `${r.id}*` : r.id,
    r.title,
    r.status,
    dateWords(r.since),
    r.priority_areas.join(', '),
    r.lead.join(', '),
    scheduleWords(r.schedule),
    flagWords(r),
  ];
}

export const ILLUSTRATIVE_MARK_NOTE = '* marked illustrative: not all details are from the public record';
