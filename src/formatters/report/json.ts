/**
 * The contract for scripts (issue 3): {"asOf", "plans": [{"id", "title", "asOf",
 * "total", "counts", "percents", "implemented", "implementedPercent",
 * "byPriorityArea", "byLead", "overdue", "lateStart", "illustrative",
 * "lastUpdated", "elapsedPercent", "projectedCompletion", …}]}. Extra fields:
 * meeting and filters at the top; body, period, projectedOnSchedule and
 * carriedOver ([{"from", "title", "count"}], empty when none) per plan;
 * percents per group. Time (issue 10): "verdict" (on-schedule, behind-schedule,
 * ended, not-started, empty), "projection" (why there is or is not a projected
 * month), "elapsedDays"/"periodDays" (the exact share the verdict compares),
 * "stale", "notUpdatedSince": {"meeting": id, "date": its first day, "projects": [ids]} or null. Never the internal project rows or file paths.
 */
import type { GroupFigures, PlanReport, Report } from '../../core/report.js';
import type { ReportFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

function group(g: GroupFigures) {
  return { total: g.total, counts: g.counts, percents: g.percents, implemented: g.implemented, implementedPercent: g.implementedPercent };
}

export function planJson(p: PlanReport) {
  return {
    id: p.id,
    title: p.title,
    asOf: p.asOf,
    ...group(p),
    byPriorityArea: p.byPriorityArea.map((a) => ({ id: a.id, title: a.title, ...group(a) })),
    byLead: p.byLead.map((l) => ({ code: l.code, ...group(l) })),
    overdue: [...p.overdue],
    lateStart: [...p.lateStart],
    illustrative: p.illustrative,
    lastUpdated: p.lastUpdated,
    elapsedPercent: p.elapsedPercent,
    projectedCompletion: p.projectedCompletion,
    projectedOnSchedule: p.projectedOnSchedule,
    projection: p.projection,
    verdict: p.verdict,
    elapsedDays: p.elapsedDays,
    periodDays: p.periodDays,
    stale: p.stale,
    notUpdatedSince: p.notUpdatedSince ? { meeting: p.notUpdatedSince.meeting.id, date: p.notUpdatedSince.meeting.date, projects: [...p.notUpdatedSince.projects] } : null,
    body: p.body,
    period: p.period,
    carriedOver: p.carriedOver.map((c) => ({ from: c.from, title: c.title, count: c.count })),
  };
}

export function reportJson(report: Report) {
  return {
    asOf: report.asOf,
    ...(report.meeting ? { meeting: report.meeting } : {}),
    filters: report.filters,
    plans: report.plans.map(planJson),
  };
}

export const json: ReportFormatter = (report) => `${inertJson(reportJson(report), 2)}\n`;
