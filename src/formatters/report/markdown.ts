/** The report as GitHub-flavoured Markdown for a meeting paper: headings, pipe tables, short lists. */
import { headline } from '../../core/report.js';
import { groupCells, groupColumnTitles, statusRows } from '../shared/groups.js';
import { mdFrontMatter, mdTable, mdText } from '../shared/markdown.js';
import {
  STATUS_ORDER, asOfWords, capital, carriedOverWords, elapsedWords, emptyPlanWords, filterWords, illustrativeWords, lastUpdatedWords, printedReport, projectTitles, projectionWords,
  type PrintedPlan, type PrintedReport,
} from '../shared/words.js';
import { notUpdatedSentence, staleSentence, verdictBasis, verdictSentence } from '../shared/time-words.js';
import type { ReportFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

/** prose for a paper: the meeting by its name, without accsm's id for it */
const PROSE = { meetingId: false } as const;


function plan(p: PrintedPlan, report: PrintedReport): string {
  const out: string[] = [];
  out.push(`## ${mdText(p.title)}`, '');
  const filters = filterWords(report.filters);
  out.push(`${mdText(capital(asOfWords(report, PROSE)), true)}${filters ? `; ${mdText(filters)}` : ''}.`, '');
  const stale = staleSentence(p);
  if (stale) out.push(`> **Warning:** ${mdText(stale)}`, '');
  if (p.total === 0) {
    out.push(mdText(p.recorded === 0 ? verdictSentence(p) : emptyPlanWords(p, report.filters), true), '');
    return out.join('\n');
  }
  out.push(`**${headline(p)}**`, '');
  const basis = verdictBasis(p);
  out.push(`**${mdText(verdictSentence(p))}**${basis ? ` (${mdText(basis)})` : ''}`, '');
  const carried = carriedOverWords(p);
  if (carried) out.push(`${mdText(capital(carried), true)}.`, '');
  out.push(
    mdTable(
      [{ title: 'Status' }, { title: 'Projects', align: 'right' }, { title: '%', align: 'right' }],
      [...statusRows(p).map((r) => [capital(r.status), String(r.count), `${r.percent}%`]), ['Total', String(p.total), '']],
    ),
  );
  out.push('### By priority area', '');
  // postponed and cancelled columns only when the plan has such projects, so that the table fits a page in pandoc's Word
  const statuses = STATUS_ORDER.filter((s) => s === 'completed' || s === 'ongoing' || s === 'planned' || p.counts[s] > 0);
  const groupColumns = groupColumnTitles(statuses).map((title) => ({ title, align: 'right' as const }));
  out.push(mdTable([{ title: 'Priority area' }, ...groupColumns], p.byPriorityArea.map((a) => [mdText(a.title), ...groupCells(a, statuses)])));
  out.push('### By lead', '');
  out.push('A project with two leads counts for each.', '');
  out.push(mdTable([{ title: 'Lead' }, ...groupColumns], p.byLead.map((l) => [mdText(l.code), ...groupCells(l, statuses)])));
  out.push('### Timing', '');
  out.push(`- ${capital(lastUpdatedWords(p))}`);
  out.push(`- ${capital(elapsedWords(p))}`);
  const notUpdated = notUpdatedSentence(p);
  if (notUpdated) out.push(`- ${mdText(notUpdated)}`);
  out.push(`- ${mdText(capital(projectionWords(p)))}`);
  for (const [label, ids] of [['Overdue (schedule or plan period ended, not completed)', p.overdue], ['Late to start (schedule start passed, still planned)', p.lateStart]] as const) {
    out.push(`- ${label}: ${ids.length === 0 ? 'none' : ids.length}`);
    for (const item of projectTitles(p, ids)) out.push(`    - ${mdText(item.id)}: ${mdText(item.title)}`);
  }
  out.push('');
  const note = illustrativeWords(p);
  if (note) out.push(`*Note: ${mdText(note)}.*`, '');
  return out.join('\n');
}

const layout = inert((report: PrintedReport) => {
  if (report.plans.length === 0) return `No plan to report ${mdText(asOfWords(report, PROSE))}.\n`;
  // the front matter gives pandoc's HTML its page title
  const title = `Work plan report: ${report.plans.map((p) => p.title).join('; ')}, ${asOfWords(report, PROSE)}`;
  return `${mdFrontMatter({ pagetitle: title })}\n# Work plan report\n\n${report.plans.map((p) => plan(p, report)).join('\n')}`;
});

export const markdown: ReportFormatter = (report) => layout(printedReport(report));
