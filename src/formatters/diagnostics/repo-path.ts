/** A diagnostic's file (relative to the working directory) as a '/'-separated path from the repository root. */
import { isAbsolute, relative, resolve } from 'node:path';
import type { DiagnosticFormatOptions } from './types.js';
import { slashed } from '../../core/slashed.js';

export function repoPath(file: string, options: Pick<DiagnosticFormatOptions, 'cwd' | 'repoRoot'>): string {
  if (options.repoRoot === undefined || options.repoRoot === options.cwd) return file;
  const abs = isAbsolute(file) ? file : resolve(options.cwd, file);
  const rel = relative(options.repoRoot, abs);
  return slashed(rel === '' ? '.' : rel);
}
