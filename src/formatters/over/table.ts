/** Progress over time for a terminal: per plan, one row per point. */
import { Chalk } from 'chalk';
import { textTable, type TextColumn } from '../shared/table.js';
import { capital, filterWords, wrap } from '../shared/words.js';
import { figureCells, figureTitles, hasVerdict, pointTitle } from './rows.js';
import { noPointsWords, overWords } from './words.js';
import type { OverFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

export const table: OverFormatter = inert((over, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const fit = (text: string) => (options.width === undefined ? text : wrap(text, options.width));
  if (over.plans.length === 0) return 'No plan to report.\n';
  const filters = filterWords(over.filters);
  const parts = over.plans.map((plan) => {
    const out = [c.bold(`${plan.title} (${plan.id})`), fit(`${capital(overWords(over, plan))}${filters ? `; ${filters}` : ''}`), ''];
    if (plan.points.length === 0) {
      out.push(noPointsWords(over, plan));
      return out.join('\n');
    }
    const v = hasVerdict(plan.points);
    const columns: TextColumn[] = [{ title: pointTitle(over.over) }, { title: 'As of' }, ...figureTitles(v).map((title) => ({ title, align: 'right' as const }))];
    out.push(textTable(columns, plan.points.map((pt) => [pt.label, pt.asOf, ...figureCells(pt.plan, v)]), { ascii: options.ascii === true, heading: c.bold }));
    return out.join('\n');
  });
  return `${parts.join('\n\n\n')}\n`;
});
