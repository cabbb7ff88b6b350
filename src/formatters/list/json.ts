/** {"asOf", "meeting"?, "filters", "plans": [{"id", "title", "asOf", "projects": [{"id", "title", "status", "updated", …}]}]}, without file paths. */
import type { ProjectRow } from '../../core/report.js';
import type { ListFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

export function projectJson(r: ProjectRow) {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    updated: r.since,
    ...(r.meeting !== undefined ? { meeting: r.meeting } : {}),
    priority_areas: r.priority_areas,
    lead: r.lead,
    partners: r.partners,
    ...(r.schedule ? { schedule: r.schedule } : {}),
    overdue: r.overdue,
    lateStart: r.lateStart,
    illustrative: r.illustrative,
  };
}

export const json: ListFormatter = (list) =>
  `${inertJson(
    {
      asOf: list.asOf,
      ...(list.meeting ? { meeting: list.meeting } : {}),
      filters: list.filters,
      plans: list.plans.map((p) => ({ id: p.id, title: p.title, asOf: p.asOf, projects: p.projects.map(projectJson) })),
    },
    2,
  )}\n`;
