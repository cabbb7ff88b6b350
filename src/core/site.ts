/**
 * Everything the static site shows, computed once: each plan's report as of
 * the site's date, its progress at each meeting of its body (one computeReport
 * per meeting, through computeOverTime), each project's detail, and who leads
 * and partners what. The site's renderers lay this out and count nothing.
 */
import { cmp } from './load.js';
import { computeOverTime, type PlanOverTime } from './over-time.js';
import { computeReport, type LeadFigures, type PlanReport, type ProjectRow, type Report } from './report.js';
import { projectDetail, type ProjectDetail } from './views.js';
import type { DataSet, Meeting, Plan } from './types.js';

export interface SitePlan {
  plan: Plan;
  /** the plan as of the site's date */
  now: PlanReport;
  /** the plan at each meeting of its body up to the site's date */
  overTime: PlanOverTime;
  /** every project of the plan with its history, by id */
  projects: ProjectDetail[];
}

export interface SiteData {
  asOf: string;
  /** every plan, with or without projects: the report as of asOf */
  report: Report;
  plans: SitePlan[];
  meetings: Meeting[];
  /** every country code (or ASEC) that leads or partners a project or hosted a meeting, sorted, with what it does in each plan that has projects */
  countries: SiteCountry[];
}

export interface SiteCountry {
  code: string;
  /** ids of the meetings it hosted */
  hosted: string[];
  plans: {
    id: string;
    /** the projects it leads and partners, as the plan's report has them */
    led: ProjectRow[];
    partnered: ProjectRow[];
    /** the report's figures for it as a lead, when it leads any */
    figures?: LeadFigures;
  }[];
}

export function computeSite(data: DataSet, options: { asOf: string }): SiteData {
  const ids = data.plans.map((p) => p.plan.id);
  const report = computeReport(data, { asOf: options.asOf, plans: ids });
  const overTime = computeOverTime(data, { over: 'meetings', asOf: options.asOf, plans: ids });
  const plans = data.plans.map((record): SitePlan => ({
    plan: record.plan,
    now: report.plans.find((p) => p.id === record.plan.id)!,
    overTime: overTime.plans.find((p) => p.id === record.plan.id)!,
    projects: record.projects.map((r) => projectDetail(data, r.project.id, { asOf: options.asOf, plan: record.plan.id })),
  }));
  const codes = new Set(data.plans.flatMap((p) => p.projects.flatMap((r) => [...r.project.lead, ...(r.project.partners ?? [])])));
  for (const m of data.meetings) if (m.host !== undefined) codes.add(m.host);
  const countries = [...codes].sort(cmp).map((code): SiteCountry => ({
    code,
    hosted: data.meetings.filter((m) => m.host === code).map((m) => m.id),
    plans: report.plans
      .filter((p) => p.total > 0)
      .map((p) => {
        const figures = p.byLead.find((l) => l.code === code);
        return { id: p.id, led: p.projects.filter((r) => r.lead.includes(code)), partnered: p.projects.filter((r) => r.partners.includes(code)), ...(figures ? { figures } : {}) };
      }),
  }));
  return { asOf: options.asOf, report, plans, meetings: [...data.meetings], countries };
}
