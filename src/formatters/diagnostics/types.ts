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
}

export type DiagnosticFormatter = (summary: DiagnosticSummary, options: DiagnosticFormatOptions) => string;
