/**
 * {"asOf", "plan": {"id", "title"}, "file", "project": {every field as in the file},
 * "statusAsOf": {"status", "updated", "meeting"?, "overdue", "lateStart"} | null,
 * "history": [{"date", "status", "meeting"?, "meetingName"?, "note"?, "source"?, "inForce", "later"}],
 * "carriedFrom": {"plan", "planTitle"?, "id"} | null, "carriedTo": [{"plan", "planTitle"?, "id"}]}
 */
import type { ShowFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

export const json: ShowFormatter = (d, options) =>
  `${inertJson(
    {
      asOf: d.asOf,
      plan: { id: d.plan.id, title: d.plan.title },
      file: options.file,
      project: d.project,
      statusAsOf: d.row
        ? { status: d.row.status, updated: d.row.since, ...(d.row.meeting !== undefined ? { meeting: d.row.meeting } : {}), overdue: d.row.overdue, lateStart: d.row.lateStart }
        : null,
      history: d.history,
      carriedFrom: d.carriedFrom ?? null,
      carriedTo: d.carriedTo,
    },
    2,
  )}\n`;
