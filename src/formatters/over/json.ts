/**
 * {"over", "asOf", "filters", "plans": [{"id", "title", "body", "period",
 * "points": [{"label", "asOf", "meeting"?, "report"}]}]}: each point's
 * "report" is the plan exactly as `report --format json` gives it for that date.
 */
import { planJson } from '../report/json.js';
import type { OverFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

export const json: OverFormatter = (over) =>
  `${inertJson(
    {
      over: over.over,
      asOf: over.asOf,
      filters: over.filters,
      plans: over.plans.map((plan) => ({
        id: plan.id,
        title: plan.title,
        body: plan.body,
        period: plan.period,
        points: plan.points.map((pt) => ({ label: pt.label, asOf: pt.asOf, ...(pt.meeting ? { meeting: pt.meeting } : {}), report: planJson(pt.plan) })),
      })),
    },
    2,
  )}\n`;
