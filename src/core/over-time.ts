/**
 * Progress over time: each plan's report at a series of points (its body's
 * meetings, the end of each year or of each month). Every point is one call of
 * computeReport, so a point's figures are exactly the report's for that date.
 *
 * Points run from the first day of the plan period to `asOf` (the report's
 * "today"): meetings of the plan's body whose last day falls in that range;
 * 31 December of each year, or the last day of each month, with the last point
 * at `asOf` itself when the year or month is not over yet.
 */
import { daysInMonth } from './dates.js';
import { UserError } from './errors.js';
import { computeReport, type PlanReport, type Report } from './report.js';
import type { DataSet } from './types.js';

export const OVER_UNITS = ['meetings', 'years', 'months'] as const;
export type OverUnit = (typeof OVER_UNITS)[number];

export interface OverPoint {
  /** "2022", "2022-08" or the meeting id */
  label: string;
  /** YYYY-MM-DD the figures are as of */
  asOf: string;
  /** the meeting, for --over meetings */
  meeting?: NonNullable<Report['meeting']>;
  /** the plan's report as of the point: computeReport's, unchanged */
  plan: PlanReport;
}

export interface PlanOverTime {
  id: string;
  title: string;
  body: PlanReport['body'];
  period: PlanReport['period'];
  points: OverPoint[];
}

export interface OverTime {
  over: OverUnit;
  /** the last date points may have */
  asOf: string;
  filters: Report['filters'];
  plans: PlanOverTime[];
}

export interface OverTimeOptions {
  over: OverUnit;
  /** YYYY-MM-DD: the last date (default in the CLI: today) */
  asOf: string;
  plans?: readonly string[];
  lead?: string | readonly string[];
  partner?: string | readonly string[];
  area?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The dates of the points of one plan, as computed from its period, the meetings and asOf. */
function pointsOf(data: DataSet, body: string, period: { start: number; end: number }, over: OverUnit, asOf: string): Omit<OverPoint, 'plan'>[] {
  const first = `${period.start}-01-01`;
  if (asOf < first) return [];
  const out: Omit<OverPoint, 'plan'>[] = [];
  if (over === 'meetings') {
    for (const m of data.meetings) {
      const last = m.end ?? m.date;
      if (m.body !== body || last < first || last > asOf) continue;
      out.push({ label: m.id, asOf: last, meeting: { id: m.id, name: m.name, date: m.date, ...(m.end ? { end: m.end } : {}) } });
    }
    return out.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  }
  const endYear = Number(asOf.slice(0, 4));
  for (let y = period.start; y <= endYear; y++) {
    if (over === 'years') {
      const last = `${y}-12-31`;
      out.push({ label: String(y), asOf: last < asOf ? last : asOf });
      continue;
    }
    for (let m = 1; m <= 12; m++) {
      const monthFirst = `${y}-${pad(m)}-01`;
      if (monthFirst > asOf) break;
      const last = `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
      out.push({ label: `${y}-${pad(m)}`, asOf: last < asOf ? last : asOf });
    }
  }
  return out;
}

/** The plans' reports at each point. Unknown plans, codes or areas are the report's usage errors. */
export function computeOverTime(data: DataSet, options: OverTimeOptions): OverTime {
  if (!(OVER_UNITS as readonly string[]).includes(options.over)) throw new UserError(`--over ${options.over}: expected one of ${OVER_UNITS.join(', ')}`);
  const scope = { plans: options.plans, lead: options.lead, partner: options.partner, area: options.area };
  // the report as of asOf checks the options and picks the plans, as `report` does
  const now = computeReport(data, { asOf: options.asOf, ...scope });
  const plans = now.plans.map((p): PlanOverTime => {
    const points = pointsOf(data, p.body, p.period, options.over, options.asOf).map((pt) => {
      const plan = computeReport(data, { asOf: pt.asOf, ...scope, plans: [p.id] }).plans[0]!;
      return { ...pt, plan };
    });
    return { id: p.id, title: p.title, body: p.body, period: { ...p.period }, points };
  });
  return { over: options.over, asOf: options.asOf, filters: now.filters, plans };
}
