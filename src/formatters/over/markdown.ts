/** Progress over time as GitHub-flavoured Markdown: a heading and a pipe table per plan. */
import { mdTable, mdText } from '../shared/markdown.js';
import { capital, filterWords } from '../shared/words.js';
import { figureCells, figureTitles, hasVerdict, pointName, pointTitle } from './rows.js';
import { noPointsWords, overWords } from './words.js';
import type { OverFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

export const markdown: OverFormatter = inert((over) => {
  if (over.plans.length === 0) return 'No plan to report.\n';
  const filters = filterWords(over.filters);
  const parts = over.plans.map((plan) => {
    const out = [`## ${mdText(plan.title)}`, '', `${mdText(capital(overWords(over, plan)), true)}${filters ? `; ${mdText(filters)}` : ''}.`, ''];
    if (plan.points.length === 0) {
      out.push(mdText(noPointsWords(over, plan), true), '');
      return out.join('\n');
    }
    const v = hasVerdict(plan.points);
    const columns = [{ title: pointTitle(over.over) }, { title: 'As of' }, ...figureTitles(v).map((title) => ({ title, align: 'right' as const }))];
    out.push(mdTable(columns, plan.points.map((pt) => [mdText(pointName(pt)), pt.asOf, ...figureCells(pt.plan, v).map((c) => mdText(c))])));
    return out.join('\n');
  });
  return `# Progress over time\n\n${parts.join('\n')}`;
});
