/** GitHub Actions workflow commands, so a pull request shows problems inline on its diff. */
import type { DiagnosticFormatter } from './types.js';
import { escapeControls } from '../shared/terminal.js';

/** Escapes a command's message: %, CR and LF; other control characters are shown escaped (the runner's log would act on colour codes). */
export function escapeData(s: string): string {
  return escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command's property value: also : and , which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: DiagnosticFormatter = (summary) => {
  const lines = summary.diagnostics.map((d) => {
    const command = d.severity === 'error' ? 'error' : 'warning';
    const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(`accsm ${d.code}`)}`;
    return `::${command} ${props}::${escapeData(d.message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
};
