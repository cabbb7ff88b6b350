/**
 * Errors are contained: an error in one plan's files leaves the other plans'
 * figures available. A plan any of whose files (plan.yaml, a project file,
 * anything under plans/<id>/) has an error is left out whole, since a count
 * taken without one of its projects would be wrong without saying so. An
 * error anywhere else (meetings.yaml, the plans/ folder itself), or in a plan
 * the command names, leaves no figures at all.
 */
import { relative, sep } from 'node:path';
import type { Diagnostic } from './diagnostic.js';
import type { LoadedRoot } from './load.js';
import type { DataSet } from './types.js';

export interface LeftOutPlan {
  /** the plan folder's name */
  id: string;
  /** the plan's title, when its plan.yaml could be read */
  title?: string;
  /** errors in its files */
  errors: number;
}

/** What a command is about to show: the plans it names, or the one project it shows. */
export interface DataScope {
  plans?: readonly string[];
  project?: string;
  /** shows every plan (the site): any error leaves no figures */
  everyPlan?: boolean;
}

export type Contained =
  /** figures from `data`, which lacks the plans left out */
  | { usable: true; data: DataSet; leftOut: LeftOutPlan[] }
  /** no figures; `why` says which files stand in the way, in words that end before "so no figures are shown" */
  | { usable: false; why: string };

/** The plan folder a file is in (plans/<id> or below), or undefined for a file outside every plan. */
export function planOfFile(root: string, path: string): string | undefined {
  const parts = relative(root, path).split(sep);
  return parts.length >= 2 && parts[0] === 'plans' ? parts[1] : undefined;
}

const errorCount = (n: number) => `${n} ${n === 1 ? 'error' : 'errors'}`;

/**
 * The data a command can show given the diagnostics of the loaded root
 * (validate's, whose files are named by `name`). Without errors, all of it.
 */
export function containErrors(loaded: LoadedRoot, diagnostics: readonly Diagnostic[], scope: DataScope, name: (path: string) => string): Contained {
  const planByName = new Map(loaded.files.map((f) => [name(f.path), f.planId ?? planOfFile(loaded.root, f.path)] as const));
  const errorsByPlan = new Map<string, number>();
  const outside: string[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const plan = planByName.get(d.file);
    if (plan !== undefined) errorsByPlan.set(plan, (errorsByPlan.get(plan) ?? 0) + 1);
    else if (!outside.includes(d.file)) outside.push(d.file);
  }
  if (outside.length > 0) {
    const many = outside.length > 1;
    return { usable: false, why: `${outside.join(' and ')} ${many ? 'have' : 'has'} errors, and every plan's figures depend on ${many ? 'them' : 'it'}` };
  }
  const folderOf = (file: string) => planOfFile(loaded.root, file)!;
  const leftOut = [...errorsByPlan].map(([id, errors]) => {
    const title = loaded.data.plans.find((p) => folderOf(p.file) === id)?.plan.title;
    return { id, ...(title !== undefined ? { title } : {}), errors };
  });
  const data: DataSet = { ...loaded.data, plans: loaded.data.plans.filter((p) => !errorsByPlan.has(folderOf(p.file))) };
  if (scope.project !== undefined) {
    const file = loaded.files.find((f) => f.kind === 'project' && f.expectedId === scope.project && (scope.plans === undefined || scope.plans.includes(f.planId!)));
    if (file && errorsByPlan.has(file.planId!)) return { usable: false, why: `${scope.project} is in plan ${file.planId}, whose files have ${errorCount(errorsByPlan.get(file.planId!)!)}` };
  }
  const named = leftOut.filter((p) => scope.everyPlan === true || scope.plans?.includes(p.id));
  if (named.length > 0) return { usable: false, why: named.map((p) => `plan ${p.id} has ${errorCount(p.errors)}`).join(' and ') };
  // named nothing, and every plan that would have figures is left out
  if (scope.plans === undefined && scope.project === undefined && leftOut.length > 0 && !data.plans.some((p) => p.projects.length > 0)) {
    return { usable: false, why: leftOut.map((p) => `plan ${p.id} has ${errorCount(p.errors)}`).join(' and ') };
  }
  return { usable: true, data, leftOut };
}

/** "plan X (Title) is left out of these figures: its files have 1 error (listed above)" */
export function leftOutLine(p: LeftOutPlan): string {
  return `plan ${p.id}${p.title !== undefined ? ` (${p.title})` : ''} is left out of these figures: its files have ${errorCount(p.errors)} (listed above); fix ${p.errors === 1 ? 'it' : 'them'} (see accsm validate) and run again`;
}
