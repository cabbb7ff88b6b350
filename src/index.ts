/**
 * accsm as a library: the same core the CLI uses. Load a data root, validate
 * it, compute reports and papers, compare two roots and edit the data, without
 * spawning the executable. Every options argument is optional (defaults in
 * src/library.ts and docs/report.md); dates are checked (TypeError).
 */
export * from './core/types.js';
export type { Diagnostic, DiagnosticSummary, Severity } from './core/diagnostic.js';
export { summarize, sortDiagnostics } from './core/diagnostic.js';
export { UserError } from './core/errors.js';
export { loadRoot, isDataRoot, type LoadedRoot, type LoadOptions, type SourceFile } from './core/load.js';
export type { ValidateOptions, ValidateResult } from './core/validate.js';
export { resolveDataRoot, embeddedDataDir, type ResolvedRoot, type ResolveRootOptions } from './core/root.js';
export { findConfig, readConfig, rulesInForce, applyRuleSettings, CONFIG_FILE, type Config, type LoadedConfig, type RuleSetting } from './core/config.js';
export { RULES } from './core/rules.js';
export { isRealDate, formatDate } from './core/dates.js';
export { run } from './cli/main.js';
export type { Report, PlanReport, ReportOptions, ProjectRow } from './core/report.js';
export { meetingPlans, type AsOf, type MeetingRef } from './core/as-of.js';
export { headline, figures, type GroupFigures, type AreaFigures, type LeadFigures, type StatusCounts } from './core/figures.js';
export { entryAsOf, statusAsOf, periodBounds } from './core/status-on-day.js';
export type { ListOptions, ProjectList, PlanProjects, ProjectDetail, HistoryEntry } from './core/views.js';
export { nearMatches } from './core/suggest.js';
export { percent } from './core/percent.js';
export type { Diff, DiffSide, PlanDiff, ProjectChange, StatusChange, ItemChange, Headline } from './core/diff.js';
export type { EditOutcome } from './core/edit/commit.js';
export type { StatusSetArgs } from './core/edit/status.js';
export type { ProjectAddArgs } from './core/edit/project.js';
export type { MeetingAddArgs } from './core/edit/meeting.js';
export { progressSince, type PlanProgress } from './core/progress.js';
export { buildPaper, type PaperDoc, type PaperInput, type PaperOptions, type Block } from './formatters/paper/model.js';
export { paperMarkdown } from './formatters/paper/markdown.js';
export {
  validateRoot,
  computeReport,
  resolveAsOf,
  listProjects,
  projectDetail,
  diffRoots,
  buildPaperFor,
  setStatus,
  addProject,
  addMeeting,
  type LibraryValidateOptions,
  type LibraryReportOptions,
  type DiffRootsOptions,
  type PaperFor,
  type LibraryEditOptions,
} from './library.js';
