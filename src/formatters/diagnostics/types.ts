import type { DiagnosticSummary } from '../../core/diagnostic.js';

export interface DiagnosticFormatOptions {
  color: boolean;
  /** how many files were checked, for summary lines */
  filesChecked: number;
  /** absolute path of the working directory (for tools that want URIs) */
  cwd: string;
}

export type DiagnosticFormatter = (summary: DiagnosticSummary, options: DiagnosticFormatOptions) => string;
