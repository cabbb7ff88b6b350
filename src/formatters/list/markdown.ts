/** The project list as GitHub-flavoured Markdown: a heading and a pipe table per plan. */
import { mdText, mdTextTable } from '../shared/markdown.js';
import { ILLUSTRATIVE_MARK_NOTE, PROJECT_COLUMNS, projectCells } from '../shared/rows.js';
import { asOfWords, capital, emptyPlanWords, filterWords } from '../shared/words.js';
import type { ListFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

export const markdown: ListFormatter = inert((list) => {
  if (list.plans.length === 0) return `No plan to list ${mdText(asOfWords(list))}.\n`;
  const filters = filterWords(list.filters);
  const out: string[] = ['# Projects', ''];
  for (const p of list.plans) {
    out.push(`## ${mdText(p.title)}`, '', `${mdText(capital(asOfWords(list)), true)}${filters ? `; ${mdText(filters)}` : ''}.`, '');
    if (p.projects.length === 0) {
      out.push(mdText(emptyPlanWords(p, list.filters), true), '');
      continue;
    }
    out.push(mdTextTable(PROJECT_COLUMNS.map((title) => ({ title })), p.projects.map(projectCells)));
  }
  if (list.plans.some((p) => p.projects.some((r) => r.illustrative))) out.push(`*${mdText(ILLUSTRATIVE_MARK_NOTE)}*`, '');
  return out.join('\n');
});
