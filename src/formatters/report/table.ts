/**
 * The report for a terminal: a headline, tables with a progress bar per row,
 * then the plan's timing. Priority areas appear by id (the titles are in the
 * markdown format); group tables leave out the status columns that are 0
 * throughout the plan, to fit a terminal.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { statusColor } from '../shared/color.js';
import { headline } from '../../core/report.js';
import { progressBar } from '../shared/bar.js';
import { groupCells, groupColumnTitles, statusRows } from '../shared/groups.js';
import { textTable, type TextColumn } from '../shared/table.js';
import {
  asOfWords, capital, carriedOverWords, elapsedWords, emptyPlanWords, filterWords, illustrativeWords, lastUpdatedWords, printedReport, projectTitles, projectionWords, STATUS_ORDER, wrap,
  type PrintedPlan, type PrintedReport,
} from '../shared/words.js';
import { notUpdatedSentence, staleSentence, verdictBasis, verdictSentence } from '../shared/time-words.js';
import type { FormatOptions } from '../shared/options.js';
import type { ReportFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

/** Below this width the group tables leave out their bars and split the long header over two lines. */
export const NARROW = 100;

function plan(p: PrintedPlan, report: PrintedReport, c: ChalkInstance, ascii: boolean, width: number | undefined): string {
  const narrow = width !== undefined && width < NARROW;
  const fit = (text: string) => (width === undefined ? text : wrap(text, width));
  const out: string[] = [];
  const table = (columns: TextColumn[], rows: string[][]) => textTable(columns, rows, { ascii, heading: c.bold });
  out.push(c.bold(`${p.title} (${p.id})`));
  const filters = filterWords(report.filters);
  out.push(fit(`${capital(asOfWords(report))}${filters ? `; ${filters}` : ''}`));
  const stale = staleSentence(p);
  if (stale) out.push(c.yellow(fit(`Warning: ${stale}`)));
  out.push('');
  if (p.total === 0) {
    out.push(p.recorded === 0 ? verdictSentence(p) : emptyPlanWords(p, report.filters));
    return out.join('\n');
  }
  out.push(c.bold(headline(p)));
  const basis = verdictBasis(p);
  out.push(c.bold(fit(`${verdictSentence(p)}${basis ? ` (${basis})` : ''}`)), '');
  const carried = carriedOverWords(p);
  if (carried) out.push(fit(`${capital(carried)}.`), '');
  const bar = (pct: number, width = 10) => c.green(progressBar(pct, { ascii, width }));
  out.push(
    table(
      [{ title: 'Status' }, { title: 'Projects', align: 'right' }, { title: '%', align: 'right' }, { title: '' }],
      [...statusRows(p).map((r) => [statusColor(c, r.status)(r.status), String(r.count), `${r.percent}%`, bar(r.percent)]), ['total', String(p.total), '', '']],
    ),
    '',
  );
  const shown = STATUS_ORDER.filter((s) => p.counts[s] > 0);
  const numbers: TextColumn[] = groupColumnTitles(shown).map((title) => ({ title: narrow ? title.replace(' or ', '\nor ') : title, align: 'right' }));
  const barColumn: TextColumn[] = narrow ? [] : [{ title: '' }];
  const barCell = (pct: number) => (narrow ? [] : [bar(pct, 8)]);
  out.push(c.bold('By priority area'));
  out.push(table([{ title: 'Area' }, ...numbers, ...barColumn], p.byPriorityArea.map((a) => [a.id, ...groupCells(a, shown), ...barCell(a.implementedPercent)])), '');
  out.push(c.bold('By lead') + c.dim(' (a project with two leads counts for each)'));
  out.push(table([{ title: 'Lead' }, ...numbers, ...barColumn], p.byLead.map((l) => [l.code, ...groupCells(l, shown), ...barCell(l.implementedPercent)])), '');
  out.push(fit(capital(lastUpdatedWords(p))), fit(capital(elapsedWords(p))));
  const notUpdated = notUpdatedSentence(p);
  if (notUpdated) out.push(fit(notUpdated));
  out.push(fit(`${capital(projectionWords(p))}.`));
  for (const [label, ids] of [
    ['Overdue (schedule or plan period ended, not completed)', p.overdue],
    ['Late to start (schedule start passed, still planned)', p.lateStart],
  ] as const) {
    out.push(`${label}: ${ids.length === 0 ? 'none' : ids.length}`);
    for (const item of projectTitles(p, ids)) out.push(`  ${c.yellow(item.id)}  ${item.title}`);
  }
  const note = illustrativeWords(p);
  if (note) out.push('', c.dim(fit(`Note: ${note}.`)));
  return out.join('\n');
}

const layout = inert((report: PrintedReport, options: FormatOptions) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (report.plans.length === 0) return `No plan to report ${asOfWords(report)}.\n`;
  return `${report.plans.map((p) => plan(p, report, c, options.ascii === true, options.width)).join('\n\n\n')}\n`;
});

export const table: ReportFormatter = (report, options) => layout(printedReport(report), options);
