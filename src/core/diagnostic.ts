/** The one diagnostic type every formatter sees. Lines and columns are 1-based. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** path of the file, relative to the working directory (or absolute when outside it) */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** stable rule code, see docs/rules.md */
  code: string;
  message: string;
  /** the text of the line the problem is on, for YAML syntax errors (stylish shows it with a caret under the column) */
  excerpt?: string;
  /** in a spreadsheet: the sheet and cell, "Projects!J7" (line and column are then its row and column number) */
  cell?: string;
}

/** Where a diagnostic points, as people read it: file:line:column, or file!Sheet!C7 in a spreadsheet. */
export function diagnosticLocation(d: Diagnostic): string {
  return d.cell ? `${d.file}!${d.cell}` : `${d.file}:${d.line}:${d.column}`;
}

export interface DiagnosticSummary {
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Sorts by file, line, column and drops exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...list].sort(compareDiagnostics);
  return sorted.filter((d, i) => i === 0 || compareDiagnostics(d, sorted[i - 1]!) !== 0);
}

export function summarize(list: readonly Diagnostic[]): DiagnosticSummary {
  const diagnostics = sortDiagnostics(list);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { valid: errors === 0, errors, warnings: diagnostics.length - errors, diagnostics };
}
