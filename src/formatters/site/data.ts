/** The whole data set as one JSON document: meetings, and each plan with its projects, as the YAML files have them (no file paths). */
import type { DataSet } from '../../core/types.js';

export function dataJson(data: DataSet, asOf: string): string {
  return `${JSON.stringify({ generated: asOf, meetings: data.meetings, plans: data.plans.map((p) => ({ ...p.plan, projects: p.projects.map((r) => r.project) })) }, null, 2)}\n`;
}
