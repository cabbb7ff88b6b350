/**
 * accsm as a library: the entry points of src/index.ts that need more than the
 * core's own signatures. Every options argument is optional, with the defaults
 * written here; every date is checked (a TypeError names the option and what is
 * allowed). The CLI does not use this module: it passes everything explicitly.
 */
import { resolve } from 'node:path';
import { isRealDate, formatDate } from './core/dates.js';
import { computeDiff, type Diff } from './core/diff.js';
import type { AsOf } from './core/as-of.js';
import { resolveAsOf as coreResolveAsOf } from './core/as-of.js';
import { applyChanges, type EditOutcome, type FileChange } from './core/edit/commit.js';
import { lockPathFor, withLock } from './core/edit/lock.js';
import { recoverRoot } from './core/edit/transaction.js';
import { planMeetingAdd, type MeetingAddArgs } from './core/edit/meeting.js';
import { planProjectAdd, type ProjectAddArgs } from './core/edit/project.js';
import { planStatusSet, type StatusSetArgs } from './core/edit/status.js';
import type { LoadedRoot } from './core/load.js';
import { progressSince, type PlanProgress } from './core/progress.js';
import * as report from './core/report.js';
import * as views from './core/views.js';
import type { DataSet } from './core/types.js';
import * as core from './core/validate.js';
import { buildPaper, type PaperDoc } from './formatters/paper/model.js';

/** An as-of point: a checked date, or what resolveAsOf gave (its date checked). */
function checkAsOf(value: AsOf | string | undefined): AsOf | string {
  if (value === undefined) return checkDate(localToday(), 'asOf');
  if (typeof value === 'object' && value !== null) return { ...value, date: checkDate(value.date, 'asOf.date') };
  return checkDate(value, 'asOf');
}

/** A YYYY-MM-DD date that exists, or a TypeError naming the option. */
export function checkDate(value: unknown, name: string): string {
  if (typeof value !== 'string' || !isRealDate(value)) {
    throw new TypeError(`${name} must be a date written YYYY-MM-DD that exists on the calendar (for example 2026-11-23), not ${JSON.stringify(value)}`);
  }
  return value;
}

function localToday(): string {
  return formatDate(new Date());
}

export interface LibraryValidateOptions {
  /** the folder diagnostic file names are relative to, and relative roots resolved against. Default: process.cwd() */
  cwd?: string;
  /** YYYY-MM-DD, for the "date in the future" warning. Default: today's local date */
  today?: string;
  /** report only on these files or folders (absolute paths). Default: the whole root */
  only?: readonly string[];
}

/** Loads and validates a data root. `validateRoot('data')` works with every default. */
export function validateRoot(root: string, options: LibraryValidateOptions = {}): core.ValidateResult {
  if (typeof root !== 'string' || root === '') throw new TypeError('validateRoot needs the data root folder as its first argument, for example validateRoot("data")');
  const cwd = options.cwd ?? process.cwd();
  const today = checkDate(options.today ?? localToday(), 'today');
  return core.validateRoot(resolve(cwd, root), { cwd, today, ...(options.only ? { only: options.only } : {}) });
}

/** report's options with asOf optional. Default asOf: today's local date */
export type LibraryReportOptions = Partial<report.ReportOptions>;

/** Where each plan stands as of a date (default: today). */
export function computeReport(data: DataSet, options: LibraryReportOptions = {}): report.Report {
  return report.computeReport(data, { ...options, asOf: checkAsOf(options.asOf) });
}

/** A date or a meeting id, as the as-of point it stands for (a date that does not exist is a UserError). Default: today */
export function resolveAsOf(data: DataSet, value: string = localToday()): AsOf {
  return coreResolveAsOf(data, value);
}

/** The projects with their status as of a date (default: today), as `accsm list` prints them. */
export function listProjects(data: DataSet, options: Partial<views.ListOptions> = {}): views.ProjectList {
  return views.listProjects(data, { ...options, asOf: checkAsOf(options.asOf) });
}

/** One project with its history, as `accsm show` prints it. Default asOf: today */
export function projectDetail(data: DataSet, id: string, options: { asOf?: AsOf | string; plan?: string } = {}): views.ProjectDetail {
  return views.projectDetail(data, id, { ...options, asOf: checkAsOf(options.asOf) });
}

export interface DiffRootsOptions {
  /** the date headlines are computed as of. Default: today's local date */
  asOf?: string;
  /** relative roots are resolved against it. Default: process.cwd() */
  cwd?: string;
}

/** What changed between two data root folders, as `accsm diff BASE HEAD` computes it. */
export function diffRoots(base: string, head: string, options: DiffRootsOptions = {}): Diff {
  const cwd = options.cwd ?? process.cwd();
  const asOf = checkDate(options.asOf ?? localToday(), 'asOf');
  const side = (dir: string) => {
    const result = core.validateRoot(resolve(cwd, dir), { cwd, today: asOf });
    return { data: result.loaded.data, side: { label: core.displayPath(resolve(cwd, dir), cwd), errors: result.errors, warnings: result.warnings } };
  };
  const b = side(base);
  const h = side(head);
  return computeDiff(b.data, h.data, { asOf, base: b.side, head: h.side });
}

export interface PaperFor {
  /** a meeting id or a date. Default: today */
  asOf?: string;
  /** plan ids. Default: every plan that has projects */
  plans?: readonly string[];
  /** progress since this meeting id or date. Default: the previous meeting of the same body */
  since?: string;
  /** the chart's path as the paper should link to it. Default: no chart */
  chart?: string;
}

/** The progress section of a meeting paper as blocks (lay it out with paperMarkdown), from the same report as `accsm report`. */
export function buildPaperFor(data: DataSet, options: PaperFor = {}): PaperDoc {
  const asOf = resolveAsOf(data, options.asOf ?? localToday());
  const built = report.computeReport(data, { asOf, ...(options.plans ? { plans: options.plans } : {}) });
  const progress: PlanProgress[] = progressSince(data, built, options.since !== undefined ? { since: options.since } : {});
  return buildPaper({ report: built, progress }, options.chart !== undefined ? { chart: options.chart } : {});
}

export interface LibraryEditOptions {
  /** print nothing, write nothing: the outcome's diff shows the change. Default: false */
  dryRun?: boolean;
  /** relative roots are resolved against it, and file names in diagnostics are relative to it. Default: process.cwd() */
  cwd?: string;
  /** YYYY-MM-DD. Default: today's local date */
  today?: string;
}

/** One edit as the CLI's runEdit does it, returning the outcome: under the root's lock, after recovering an interrupted edit; a dry run takes no lock. */
function edit(root: string, plan: (loaded: LoadedRoot, cwd: string) => { change: FileChange }, options: LibraryEditOptions): EditOutcome {
  const cwd = options.cwd ?? process.cwd();
  const today = checkDate(options.today ?? localToday(), 'today');
  const dir = resolve(cwd, root);
  const dryRun = options.dryRun ?? false;
  const once = () => {
    const before = core.validateRoot(dir, { cwd, today });
    const { change } = plan(before.loaded, cwd);
    return applyChanges(dir, [change], before, { cwd, today, dryRun });
  };
  if (dryRun) return once();
  return withLock(lockPathFor(dir), () => {
    recoverRoot(dir, { cwd });
    return once();
  }, { label: `the data root ${core.displayPath(dir, cwd)}` });
}

/** Records a project's status (as `accsm status set`): refused when it would make the data invalid; atomic. Default date: today */
export function setStatus(root: string, args: Omit<StatusSetArgs, 'date'> & { date?: string }, options: LibraryEditOptions = {}): EditOutcome {
  const date = checkDate(args.date ?? options.today ?? localToday(), 'date');
  return edit(root, (loaded, cwd) => planStatusSet(loaded, { ...args, date }, cwd), options);
}

/** Adds a project file (as `accsm project add`). */
export function addProject(root: string, args: ProjectAddArgs, options: LibraryEditOptions = {}): EditOutcome {
  return edit(root, (loaded, cwd) => planProjectAdd(loaded, args, cwd), options);
}

/** Adds a meeting to meetings.yaml (as `accsm meeting add`). */
export function addMeeting(root: string, args: MeetingAddArgs, options: LibraryEditOptions = {}): EditOutcome {
  checkDate(args.date, 'date');
  return edit(root, (loaded, cwd) => planMeetingAdd(loaded, args, cwd), options);
}
