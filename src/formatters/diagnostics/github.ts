/**
 * GitHub Actions workflow commands, so a pull request shows problems inline on
 * its diff. GitHub shows at most 10 error and 10 warning annotations of a step
 * (and 50 of a job): so at most ANNOTATION_LIMIT of each are written, chosen so
 * that every file with problems gets one before any file gets a second, and one
 * ::notice says how many more there are and where the full list is.
 */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { repoPath } from './repo-path.js';
import type { DiagnosticFormatter } from './types.js';
import { escapeControls } from '../shared/terminal.js';

/** Annotations of one severity that GitHub shows for a step. */
export const ANNOTATION_LIMIT = 10;

/** Escapes a command's message: %, CR and LF; other control characters are shown escaped (the runner's log would act on colour codes). */
export function escapeData(s: string): string {
  return escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command's property value: also : and , which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Up to `limit` diagnostics of one severity, taking files in turn: each file's first, then each file's second, … */
export function pickAnnotations(list: readonly Diagnostic[], severity: Severity, limit = ANNOTATION_LIMIT): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of list) if (d.severity === severity) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const picked: Diagnostic[] = [];
  for (let round = 0; picked.length < limit; round++) {
    let any = false;
    for (const group of byFile.values()) {
      if (round >= group.length) continue;
      any = true;
      picked.push(group[round]!);
      if (picked.length === limit) break;
    }
    if (!any) break;
  }
  return picked;
}

export const github: DiagnosticFormatter = (summary, options) => {
  const shown = new Set([...pickAnnotations(summary.diagnostics, 'error'), ...pickAnnotations(summary.diagnostics, 'warning')]);
  const lines = summary.diagnostics
    .filter((d) => shown.has(d))
    .map((d) => {
      const props = `file=${escapeProperty(repoPath(d.file, options))},line=${d.line},col=${d.column},title=${escapeProperty(`accsm ${d.code}`)}`;
      // a spreadsheet cell has no line in the file: the message starts with its address
      return `::${d.severity} ${props}::${escapeData(d.cell ? `${d.cell}: ${d.message}` : d.message)}`;
    });
  const hidden = summary.diagnostics.filter((d) => !shown.has(d));
  if (hidden.length > 0) {
    const errors = hidden.filter((d) => d.severity === 'error').length;
    const counts = [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', hidden.length - errors ? `${hidden.length - errors} ${hidden.length - errors === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean).join(' and ');
    const where = options.summaryWritten ? 'the job summary lists all of them' : 'run accsm validate to see all of them';
    const files = new Set(hidden.map((d) => d.file)).size;
    lines.push(
      `::notice title=${escapeProperty('accsm: more problems')}::${escapeData(`${hidden.length} more ${hidden.length === 1 ? 'problem' : 'problems'} (${counts}) in ${files} ${files === 1 ? 'file' : 'files'} are not shown as annotations (GitHub shows at most ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings of a step); ${where}`)}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
