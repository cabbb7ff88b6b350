/** The report as GitHub-flavoured Markdown for a meeting paper: headings, pipe tables, short lists. */
import { headline, type PlanReport, type Report } from '../../core/report.js';
import { groupCells, groupColumnTitles, statusRows } from '../shared/groups.js';
import { mdTable, mdText } from '../shared/markdown.js';
import {
  asOfWords, capital, elapsedWords, emptyPlanWords, filterWords, illustrativeWords, lastUpdatedWords, projectTitles, projectionWords,
} from '../shared/words.js';
import type { ReportFormatter } from './types.js';

const groupColumns = groupColumnTitles().map((title) => ({ title, align: 'right' as const }));

function plan(p: PlanReport, report: Report): string {
  const out: string[] = [];
  out.push(`## ${mdText(p.title)}`, '');
  const filters = filterWords(report.filters);
  out.push(`${mdText(capital(asOfWords(report)), true)}${filters ? `; ${mdText(filters)}` : ''}.`, '');
  if (p.total === 0) {
    out.push(mdText(emptyPlanWords(p, report.filters), true), '');
    return out.join('\n');
  }
  out.push(`**${headline(p)}**`, '');
  out.push(
    mdTable(
      [{ title: 'Status' }, { title: 'Projects', align: 'right' }, { title: '%', align: 'right' }],
      [...statusRows(p).map((r) => [capital(r.status), String(r.count), `${r.percent}%`]), ['Total', String(p.total), '']],
    ),
  );
  out.push('### By priority area', '');
  out.push(mdTable([{ title: 'Priority area' }, ...groupColumns], p.byPriorityArea.map((a) => [mdText(a.title), ...groupCells(a)])));
  out.push('### By lead', '');
  out.push('A project with two leads counts for each.', '');
  out.push(mdTable([{ title: 'Lead' }, ...groupColumns], p.byLead.map((l) => [mdText(l.code), ...groupCells(l)])));
  out.push('### Timing', '');
  out.push(`- ${capital(lastUpdatedWords(p))}`);
  out.push(`- ${capital(elapsedWords(p))}`);
  out.push(`- ${mdText(capital(projectionWords(p)))}`);
  for (const [label, ids] of [['Overdue (schedule ended, not completed)', p.overdue], ['Late to start (schedule start passed, still planned)', p.lateStart]] as const) {
    out.push(`- ${label}: ${ids.length === 0 ? 'none' : ids.length}`);
    for (const item of projectTitles(p, ids)) out.push(`    - ${mdText(item.id)}: ${mdText(item.title)}`);
  }
  out.push('');
  const note = illustrativeWords(p);
  if (note) out.push(`*Note: ${mdText(note)}.*`, '');
  return out.join('\n');
}

export const markdown: ReportFormatter = (report) => {
  if (report.plans.length === 0) return `No plan to report ${mdText(asOfWords(report))}.\n`;
  return `# Work plan report\n\n${report.plans.map((p) => plan(p, report)).join('\n')}`;
};
