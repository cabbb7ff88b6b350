/** The diff for a terminal: headlines first, then each plan's changes, indented. */
import { Chalk } from 'chalk';
import { outline, type OutlineLine } from './outline.js';
import type { DiffFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

export const text: DiffFormatter = inert((diff, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const o = outline(diff);
  const out: string[] = [c.bold(`Changes from ${diff.base.label} to ${diff.head.label}`)];
  for (const w of o.warnings) out.push(c.yellow(`! ${w}`));
  if (o.headlines.length) {
    out.push('', c.bold(`Headlines as of ${diff.asOf}:`));
    for (const h of o.headlines) out.push(`  ${h.title}: ${h.text}`);
  }
  if (!diff.changed) out.push('', 'No changes to the data.');
  const line = (l: OutlineLine) => `${l.id ? `${c.bold(l.id)}: ` : ''}${l.text}${l.title ? ` — ${l.title}` : ''}`;
  for (const block of o.blocks) {
    out.push('', c.bold(block.id ? `${block.heading} (${block.id})` : block.heading));
    if (block.intro) out.push(`  ${block.intro}`);
    for (const section of block.sections) {
      if (section.heading !== block.heading) out.push(`  ${section.heading}:`);
      const indent = section.heading !== block.heading ? '    ' : '  ';
      for (const l of section.lines) out.push(indent + line(l));
    }
  }
  return `${out.join('\n')}\n`;
});
