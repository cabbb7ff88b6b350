/** Machine format: {"valid", "errors", "warnings", "diagnostics": [...]}. */
import type { DiagnosticFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

export const json: DiagnosticFormatter = (summary) =>
  `${inertJson(
    {
      valid: summary.valid,
      errors: summary.errors,
      warnings: summary.warnings,
      diagnostics: summary.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message, ...(d.cell ? { cell: d.cell } : {}) })),
    },
    2,
  )}\n`;
