/** Human format: grouped by file, ESLint-style, color only when asked. */
import { Chalk } from 'chalk';
import type { DiagnosticFormatter } from './types.js';

export const stylish: DiagnosticFormatter = (summary, { color, filesChecked }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const files = [...new Set(summary.diagnostics.map((d) => d.file))];
  for (const file of files) {
    const list = summary.diagnostics.filter((d) => d.file === file);
    lines.push(c.underline(file));
    const posWidth = list.reduce((w, d) => Math.max(w, `${d.line}:${d.column}`.length), 0);
    for (const d of list) {
      const pos = `${d.line}:${d.column}`.padEnd(posWidth);
      const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(pos)}  ${sev}  ${d.message}  ${c.dim(d.code)}`);
    }
    lines.push('');
  }
  const checked = `${filesChecked} ${filesChecked === 1 ? 'file' : 'files'} checked`;
  if (summary.diagnostics.length === 0) {
    lines.push(c.green(`✔ ${checked}: no problems`));
  } else {
    const total = summary.errors + summary.warnings;
    const text = `${summary.errors > 0 ? '✖' : '⚠'} ${total} ${total === 1 ? 'problem' : 'problems'} (${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}, ${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}) in ${checked}`;
    lines.push(summary.errors > 0 ? c.red.bold(text) : c.yellow.bold(text));
  }
  return `${lines.join('\n')}\n`;
};
