import { severityOf, type RuleCode } from './codes.js';
import type { Severity } from './diagnostic.js';

/** At most this many diagnostics are listed for one file; one more says how many were left out. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/** A step into a parsed YAML value: a mapping key or a sequence index. */
export type Segment = string | number;

/**
 * A diagnostic before it has a line and column: either it points into the
 * file's YAML tree by `path` (located later, only for files that have problems),
 * or it already knows its 1-based position.
 */
export interface RawDiagnostic {
  severity: Severity;
  code: RuleCode;
  message: string;
  /** where in the file's YAML tree; [] is the whole document */
  path?: Segment[];
  /** point at the key of the last segment rather than its value */
  atKey?: boolean;
  line?: number;
  column?: number;
}

/** Where a diagnostic points: a line and column, or a path into the YAML tree (its key when atKey). */
export type Where = { line: number; column: number } | { path: Segment[]; atKey?: boolean };

/** A diagnostic of `code`, with the severity RULES gives it. */
export function diag(code: RuleCode, message: string, where: Where = { line: 1, column: 1 }): RawDiagnostic {
  return { severity: severityOf(code), code, message, ...where };
}
