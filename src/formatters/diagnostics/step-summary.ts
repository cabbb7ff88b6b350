/**
 * The full list of problems as markdown, for the GitHub job summary
 * ($GITHUB_STEP_SUMMARY): a heading with the counts and one table row per
 * diagnostic (file:line, rule, message), since annotations stop at ten.
 */
import { mdCode, mdTable, mdText } from '../shared/markdown.js';
import { repoPath } from './repo-path.js';
import type { DiagnosticFormatter } from './types.js';

export const stepSummary: DiagnosticFormatter = (summary, options) => {
  const checked = `${options.filesChecked} ${options.filesChecked === 1 ? 'file' : 'files'} checked`;
  if (summary.diagnostics.length === 0) return `### accsm validate\n\n${checked}: no problems.\n\n`;
  const counts = `${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}, ${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}`;
  const rows = summary.diagnostics.map((d) => [cellCode(`${repoPath(d.file, options)}:${d.line}`), `${d.severity === 'error' ? 'error' : 'warning'} ${cellCode(d.code)}`, mdText(d.message)]);
  return `### accsm validate\n\n${counts} in ${checked}.\n\n${mdTable([{ title: 'File:line' }, { title: 'Rule' }, { title: 'Message' }], rows)}\n`;
};

/** A code span in a table cell: GitHub ends the cell at a | even inside one, unless it is escaped. */
function cellCode(text: string): string {
  return mdCode(text).replace(/\|/g, '\\|');
}
