/** Finding the plan or project a command names, with plain errors when it is not there. */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { LoadedRoot, SourceFile } from '../load.js';
import { displayPath } from '../validate.js';
import { nearMatches, suggest } from '../suggest.js';

export function planIds(loaded: LoadedRoot): string[] {
  return loaded.files.filter((f) => f.kind === 'plan').map((f) => f.planId!);
}

/** The plan.yaml of a plan id; a usage error naming the plans when there is none. */
export function findPlan(loaded: LoadedRoot, planId: string): SourceFile {
  const plan = loaded.files.find((f) => f.kind === 'plan' && f.planId === planId);
  if (plan) return plan;
  const ids = planIds(loaded);
  const hint = suggest(planId, ids);
  throw new UserError(`no plan "${planId}" in the data root${hint ? ` (did you mean "${hint}"?)` : ''}; its plans are ${ids.length ? ids.join(', ') : 'none (add a folder plans/<plan-id>/ with a plan.yaml)'}`);
}

/** The file of a project id, across plans or in one plan; usage errors for unknown and ambiguous ids. */
export function findProject(loaded: LoadedRoot, projectId: string, planId: string | undefined): SourceFile {
  if (planId !== undefined) findPlan(loaded, planId);
  const projects = loaded.files.filter((f) => f.kind === 'project' && (planId === undefined || f.planId === planId));
  const hits = projects.filter((f) => f.expectedId === projectId);
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    throw new UserError(`project "${projectId}" is in more than one plan: ${hits.map((f) => f.planId).join(', ')}; choose one with --plan`);
  }
  const where = planId === undefined ? 'in any plan' : `in plan ${planId}`;
  const near = nearMatches(projectId, projects.map((f) => f.expectedId!));
  const label = (id: string) => {
    const plans = [...new Set(projects.filter((f) => f.expectedId === id).map((f) => f.planId))];
    return `${id} (${plans.join(', ')})`;
  };
  const help = near.length
    ? `near matches: ${near.map(label).join(', ')}`
    : projects.length
      ? `there are ${projects.length} projects ${where}; their files are in plans/<plan-id>/projects/`
      : `there are no projects ${where}; add one with accsm project add`;
  throw new UserError(`no project "${projectId}" ${where}; ${help}`);
}

/** The file's bytes as text, byte-order mark included, or a refusal naming its problem. */
export function readForEdit(file: SourceFile, cwd: string): string {
  const name = displayPath(file.path, cwd);
  if (file.text === undefined) {
    const first = file.diagnostics[0];
    const at = first?.line !== undefined ? `:${first.line}:${first.column ?? 1}` : '';
    throw new UserError(`cannot edit ${name}${at}: ${first?.message ?? 'it cannot be read'}`, 1);
  }
  try {
    return readFileSync(file.path, 'utf8');
  } catch {
    throw new UserError(`cannot read ${name}`);
  }
}
