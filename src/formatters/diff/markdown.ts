/** The diff as GitHub-flavoured Markdown, for a pull request comment or $GITHUB_STEP_SUMMARY. */
import { mdCode, mdText } from '../shared/markdown.js';
import { outline, type OutlineLine } from './outline.js';
import type { DiffFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

export const markdown: DiffFormatter = inert((diff) => {
  const o = outline(diff);
  const out: string[] = ['## accsm: what this change does to the data', ''];
  out.push(`Comparing ${mdCode(diff.base.label)} (before) with ${mdCode(diff.head.label)} (after). Figures as of ${diff.asOf}.`);
  for (const w of o.warnings) out.push('', `> **Warning:** ${mdText(w)}`);
  if (o.headlines.length) {
    out.push('', '### Headlines', '');
    for (const h of o.headlines) out.push(`- **${mdText(h.title)}**: ${mdText(h.text)}`);
  }
  if (!diff.changed) out.push('', 'No changes to the data.');
  const line = (l: OutlineLine) => `- ${l.id ? `${mdCode(l.id)}: ` : ''}${mdText(l.text)}${l.title ? ` — ${mdText(l.title)}` : ''}`;
  for (const block of o.blocks) {
    out.push('', `### ${mdText(block.heading)}${block.id ? ` (${mdCode(block.id)})` : ''}`);
    if (block.intro) out.push('', mdText(block.intro, true));
    for (const section of block.sections) {
      if (section.heading !== block.heading) out.push('', `**${mdText(section.heading)}**`);
      out.push('', ...section.lines.map(line));
    }
  }
  return `${out.join('\n')}\n`;
});
