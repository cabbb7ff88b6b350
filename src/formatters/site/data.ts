/** The whole data set as one JSON document: meetings, and each plan with its projects, as the YAML files have them (no file paths; DEL, C1 and bidi controls written as \uXXXX, the same value). */
import type { DataSet } from '../../core/types.js';
import { inertJson } from '../shared/terminal.js';

export function dataJson(data: DataSet, asOf: string): string {
  return `${inertJson({ generated: asOf, meetings: data.meetings, plans: data.plans.map((p) => ({ ...p.plan, projects: p.projects.map((r) => r.project) })) }, 2)}\n`;
}
