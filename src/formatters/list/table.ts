/** The project list for a terminal: one table per plan, one line a project (long titles wrap). */
import { Chalk } from 'chalk';
import { statusColor } from '../shared/color.js';
import { ILLUSTRATIVE_MARK_NOTE, PROJECT_COLUMNS, projectCells } from '../shared/rows.js';
import { textTable } from '../shared/table.js';
import { asOfWords, capital, emptyPlanWords, filterWords } from '../shared/words.js';
import type { ListFormatter } from './types.js';

export const table: ListFormatter = (list, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (list.plans.length === 0) return `No plan to list ${asOfWords(list)}.\n`;
  const filters = filterWords(list.filters);
  const out: string[] = [];
  for (const p of list.plans) {
    if (out.length) out.push('');
    out.push(c.bold(`${p.title} (${p.id})`), `${capital(asOfWords(list))}${filters ? `; ${filters}` : ''}`);
    if (p.projects.length === 0) {
      out.push(emptyPlanWords(p, list.filters));
      continue;
    }
    const widths: Record<string, number> = { Title: 42, 'Priority areas': 20 };
    out.push(
      textTable(
        PROJECT_COLUMNS.map((title) => ({ title, ...(widths[title] ? { width: widths[title] } : {}) })),
        p.projects.map((r) => {
          const cells = projectCells(r);
          cells[2] = statusColor(c, r.status)(cells[2]!);
          cells[7] = c.yellow(cells[7]!);
          return cells;
        }),
        { ascii: options.ascii === true, heading: c.bold },
      ),
    );
  }
  if (list.plans.some((p) => p.projects.some((r) => r.illustrative))) out.push('', c.dim(ILLUSTRATIVE_MARK_NOTE));
  return `${out.join('\n')}\n`;
};
