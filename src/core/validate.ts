/** Validation of a whole data root: load, schema, rules, positions. */
import { relative, resolve, sep } from 'node:path';
import { summarize, type Diagnostic, type DiagnosticSummary } from './diagnostic.js';
import { loadRoot, type LoadOptions, type LoadedRoot, type SourceFile } from './load.js';
import { createLocator } from './parse.js';
import { runRules } from './rules.js';

export interface ValidateOptions extends LoadOptions {
  /** working directory that diagnostic file names are relative to */
  cwd: string;
  /** YYYY-MM-DD, for the "date in the future" warning */
  today: string;
  /** report only on these files or folders (absolute paths); cross-references still use the whole root */
  only?: readonly string[];
}

export interface ValidateResult extends DiagnosticSummary {
  loaded: LoadedRoot;
}

export function validateRoot(rootDir: string, options: ValidateOptions): ValidateResult {
  const shown = displayPath(resolve(rootDir), options.cwd);
  const loaded = loadRoot(rootDir, { ...options, label: options.label ?? (shown.startsWith('..') ? resolve(rootDir) : shown) });
  runRules(loaded.files, { today: options.today });
  const only = options.only?.map((p) => resolve(p));
  const diagnostics: Diagnostic[] = [];
  for (const file of loaded.files) {
    if (file.diagnostics.length === 0) continue;
    if (only && !only.some((p) => file.path === p || file.path.startsWith(p.endsWith(sep) ? p : p + sep))) continue;
    for (const d of positionDiagnostics(file, options.cwd)) diagnostics.push(d);
  }
  return { ...summarize(diagnostics), loaded };
}

/** Display name of a file: relative to the working directory. */
export function displayPath(path: string, cwd: string): string {
  // fast path for the usual case, a file below the working directory (path.relative costs more, for every file of a large root)
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  if (path.startsWith(prefix) && path.length > prefix.length && !path.includes(`${sep}.`) && !path.includes(sep + sep)) return sep === '/' ? path.slice(prefix.length) : path.slice(prefix.length).split(sep).join('/');
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** At most this many diagnostics are listed for one file; one more says how many were left out. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/** Gives each raw diagnostic of a file its line and column, parsing the file for positions only now. */
export function positionDiagnostics(file: SourceFile, cwd: string): Diagnostic[] {
  const name = displayPath(file.path, cwd);
  const raw = file.diagnostics.length > MAX_DIAGNOSTICS_PER_FILE ? file.diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE) : file.diagnostics;
  const needsLocator = file.text !== undefined && raw.some((d) => d.line === undefined);
  const locator = needsLocator ? createLocator(file.text!) : undefined;
  const more = file.diagnostics.length - raw.length;
  const located = raw.map((d) => {
    const pos = d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : (locator?.locate(d.path ?? [], d.atKey) ?? { line: 1, column: 1 });
    return { file: name, line: pos.line, column: pos.column, severity: d.severity, code: d.code, message: d.message };
  });
  if (more > 0) {
    located.push({
      file: name,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'file-too-many-problems',
      message: `this file has ${file.diagnostics.length} problems; only the first ${MAX_DIAGNOSTICS_PER_FILE} are listed. Fix those and run again`,
    });
  }
  return located;
}
