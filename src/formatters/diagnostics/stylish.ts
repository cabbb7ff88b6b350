/** Human format: grouped by file, ESLint-style, color only when asked; a YAML syntax error shows its line with a caret under the column. */
import { Chalk } from 'chalk';
import type { Diagnostic } from '../../core/diagnostic.js';
import { escapeTerminal, oneLine } from '../shared/terminal.js';
import { groupByFile } from './by-file.js';
import type { DiagnosticFormatter } from './types.js';

/** At most this many characters of a line are shown, around the column. */
const EXCERPT_WIDTH = 100;

/** The offending line and a caret under the column, each indented `indent`; hostile characters shown escaped. */
export function excerptLines(d: Diagnostic, indent: string): [string, string] | undefined {
  if (d.excerpt === undefined) return undefined;
  const column = Math.min(Math.max(d.column - 1, 0), d.excerpt.length);
  // a long line is cut to a window around the column, marked with … at each cut
  const from = Math.max(0, Math.min(column - EXCERPT_WIDTH / 2, d.excerpt.length - EXCERPT_WIDTH));
  const to = Math.min(d.excerpt.length, from + EXCERPT_WIDTH);
  const before = `${from > 0 ? '…' : ''}${escapeTerminal(d.excerpt.slice(from, column))}`;
  const line = `${before}${escapeTerminal(d.excerpt.slice(column, to))}${to < d.excerpt.length ? '…' : ''}`;
  return [`${indent}${line}`.trimEnd(), `${indent}${' '.repeat([...before].length)}^`];
}

export const stylish: DiagnosticFormatter = (summary, { color, filesChecked }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  // grouped in one pass: linear in the number of diagnostics, however many files
  for (const { file, list } of groupByFile(summary.diagnostics).groups) {
    lines.push(c.underline(oneLine(file)));
    const at = (d: (typeof list)[number]) => d.cell ?? `${d.line}:${d.column}`;
    const posWidth = list.reduce((w, d) => Math.max(w, at(d).length), 0);
    for (const d of list) {
      const pos = at(d).padEnd(posWidth);
      const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(pos)}  ${sev}  ${oneLine(d.message)}  ${c.dim(d.code)}`);
      const excerpt = excerptLines(d, ' '.repeat(posWidth + 4));
      if (excerpt) lines.push(excerpt[0], c.red(excerpt[1]));
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
  // the last line ends too; one join makes one flat string (text put around it would be copied again where it is written)
  lines.push('');
  return lines.join('\n');
};
