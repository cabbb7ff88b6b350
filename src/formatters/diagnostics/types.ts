import type { DiagnosticSummary } from '../../core/diagnostic.js';

export interface DiagnosticFormatOptions {
  color: boolean;
  /** how many files were checked, for summary lines */
  filesChecked: number;
  /** absolute path of the working directory (for tools that want URIs) */
  cwd: string;
  /** display paths of the checked files (for formats with one entry per file, such as junit) */
  files?: readonly string[];
  /** accsm's version (for formats that name the tool, such as sarif) */
  version?: string;
  /** absolute path of the repository root (git top level, else the data root): GitHub and SARIF paths are relative to it. Default: cwd */
  repoRoot?: string;
  /** how long the check took, in seconds (junit's time attributes); default 0 */
  seconds?: number;
  /** github: the full list is also written to the job summary (the ::notice says so) */
  summaryWritten?: boolean;
}

export type DiagnosticFormatter = (summary: DiagnosticSummary, options: DiagnosticFormatOptions) => string;
