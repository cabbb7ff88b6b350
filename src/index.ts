/**
 * accsm as a library: the same core the CLI uses. Load a data root, validate
 * it, and compute reports, without spawning the executable.
 */
export * from './core/types.js';
export type { Diagnostic, DiagnosticSummary, Severity } from './core/diagnostic.js';
export { summarize, sortDiagnostics } from './core/diagnostic.js';
export { UserError } from './core/errors.js';
export { loadRoot, isDataRoot, type LoadedRoot, type LoadOptions, type SourceFile } from './core/load.js';
export { validateRoot, type ValidateOptions, type ValidateResult } from './core/validate.js';
export { resolveDataRoot, embeddedDataDir, type ResolvedRoot } from './core/root.js';
export { RULES } from './core/rules.js';
export { isRealDate, formatDate } from './core/dates.js';
export { run } from './cli/main.js';
export { computeReport, type Report, type PlanReport, type ReportOptions, type ProjectRow } from './core/report.js';
export { resolveAsOf, meetingPlans, type AsOf, type MeetingRef } from './core/as-of.js';
export { headline, figures, type GroupFigures, type AreaFigures, type LeadFigures, type StatusCounts } from './core/figures.js';
export { entryAsOf, statusAsOf, periodBounds } from './core/status-on-day.js';
export { listProjects, projectDetail, type ListOptions, type ProjectList, type PlanProjects, type ProjectDetail, type HistoryEntry } from './core/views.js';
export { nearMatches } from './core/suggest.js';
export { percent } from './core/percent.js';
