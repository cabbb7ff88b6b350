/** One project for a terminal: its fields, then the status history as a timeline with the entry in force marked. */
import { Chalk } from 'chalk';
import { statusColor } from '../shared/color.js';
import { dateWords, wrap } from '../shared/words.js';
import { fields } from './fields.js';
import type { ShowFormatter } from './types.js';
import { flattenLines } from '../shared/lines.js';
import { inert } from '../shared/terminal.js';

const WIDTH = 100;

export const text: ShowFormatter = inert((d, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // at most 100 columns, less on a narrower terminal, never so narrow that nothing fits
  const width = Math.max(40, Math.min(WIDTH, options.width ?? WIDTH));
  const titleIndent = ' '.repeat(d.project.id.length + 2);
  const out: string[] = [c.bold(`${d.project.id}  ${wrap(d.project.title, width - titleIndent.length, titleIndent)}`), ''];
  const rows = fields(d, options.file);
  const labelWidth = Math.max(...rows.map(([l]) => l.length)) + 2;
  const pad = ' '.repeat(labelWidth);
  for (const [label, value] of rows) out.push(`${c.dim(label.padEnd(labelWidth))}${wrap(value, width - labelWidth, pad)}`);
  out.push('', c.bold('Status history'));
  const mark = options.ascii ? '>' : '▶';
  const arrow = options.ascii ? '<-' : '←';
  const dateWidth = Math.max(...d.history.map((e) => dateWords(e.date).length)) + 2;
  const indent = ' '.repeat(2 + dateWidth + 12);
  for (const e of d.history) {
    const meeting = e.meeting ? `${e.meeting}${e.meetingName ? ` (${flattenLines(e.meetingName)})` : ''}` : '';
    const head = `${e.inForce ? c.bold(mark) : ' '} ${dateWords(e.date).padEnd(dateWidth)}${statusColor(c, e.status)(e.status.padEnd(12))}${meeting}`;
    const tail = e.inForce ? c.bold(`  ${arrow} in force on ${dateWords(d.asOf)}`) : e.later ? `  (after ${dateWords(d.asOf)})` : '';
    out.push(e.later ? c.dim(head + tail) : head + tail);
    if (e.note) out.push(`${indent}${wrap(e.note, width - indent.length, indent)}`);
    if (e.source) out.push(`${indent}${c.dim(wrap(`source: ${e.source}`, width - indent.length, indent))}`);
  }
  return `${out.join('\n')}\n`;
});
