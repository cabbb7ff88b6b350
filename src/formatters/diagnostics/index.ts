/** The validate formats, one file each; the keys feed commander's .choices(). */
import type { DiagnosticFormatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { github } from './github.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';

export const diagnosticFormatters = {
  stylish,
  json,
  github,
  sarif,
  junit,
} satisfies Record<string, DiagnosticFormatter>;

export type DiagnosticFormat = keyof typeof diagnosticFormatters;
export const DIAGNOSTIC_FORMATS = Object.keys(diagnosticFormatters) as DiagnosticFormat[];
export type { DiagnosticFormatter, DiagnosticFormatOptions } from './types.js';
