/**
 * The meeting paper as a list of blocks (headings, paragraphs, lists, tables,
 * a figure), built from a computed report and its progress. The markdown and
 * Word renderers lay these blocks out; neither they nor this file count
 * anything: every figure is read from the report (computeReport) or the
 * progress (progressSince).
 */
import type { PlanReport, ProjectRow, Report } from '../../core/report.js';
import type { PlanProgress } from '../../core/progress.js';
import { STATUS_ORDER, type Status } from '../../core/types.js';
import { capital, dateWords, periodWords } from '../shared/words.js';
import {
  dateRange,
  illustrativeNote,
  joinList,
  projectsNoun,
  schedule,
  summarySentence,
  theName,
  verb,
} from './words.js';

export type Inline = string | { text: string; bold?: boolean; italic?: boolean } | { footnote: string };

export interface TableRow {
  cells: string[];
  bold?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'table'; header: string[]; align: ('left' | 'right')[]; rows: TableRow[] }
  | { kind: 'figure'; src: string; alt: string };

export interface PaperDoc {
  title: string;
  blocks: Block[];
  /** footnote id → text, in the order they are first referenced */
  footnotes: { id: string; text: string }[];
}

export interface PaperInput {
  report: Report;
  /** one per plan of the report, same order */
  progress: PlanProgress[];
}

export interface PaperOptions {
  /** the chart's path as the paper should link to it */
  chart?: string;
}

export function figureCaption(asOf: string): string {
  return `Status of projects/activities by priority area, as of ${dateWords(asOf)}`;
}

/** "the 21st ACCSM SOM (…), 3 August 2022" or "3 August 2022" */
function asOfLine(report: Report): string {
  const m = report.meeting;
  if (m) return `Progress report as of ${theName(m.name)}, ${dateRange(m.date, m.end)}.`;
  return `Progress report as of ${dateWords(report.asOf)}.`;
}

function pctCell(n: number, pct: number): string {
  return n === 0 ? '0' : `${n} (${pct}%)`;
}

function leadOf(rows: readonly ProjectRow[], id: string): string {
  return rows.find((r) => r.id === id)?.lead.join(', ') ?? '';
}

function projectCell(id: string, title: string): string {
  return `${id} ${title}`;
}

export function buildPaper(input: PaperInput, options: PaperOptions = {}): PaperDoc {
  const { report } = input;
  const single = report.plans.length === 1;
  const titles = report.plans.map((p) => `the ${p.title}`);
  const title = report.plans.length ? `Implementation of ${joinList(titles)}` : 'Implementation of the work plans';
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: title }, { kind: 'paragraph', runs: [asOfLine(report)] }];
  const footnotes: PaperDoc['footnotes'] = [];
  if (report.plans.length === 0) blocks.push({ kind: 'paragraph', runs: ['No work plan has projects/activities to report on.'] });
  if (options.chart && !single && report.plans.length) {
    blocks.push({ kind: 'figure', src: options.chart, alt: `Figure 1: ${figureCaption(report.asOf)}` });
  }
  report.plans.forEach((plan, i) => {
    const progress = input.progress[i];
    const h: 2 | 3 = single ? 2 : 3;
    if (!single) blocks.push({ kind: 'heading', level: 2, text: plan.title });
    const footnote = single ? 'illustrative' : `illustrative-${plan.id}`;
    if (plan.illustrative > 0) footnotes.push({ id: footnote, text: illustrativeNote(plan) });
    blocks.push(...summary(plan, h, plan.illustrative > 0 ? footnote : undefined));
    // a plan with nothing counted yet: the summary says so, and the other sections would be empty
    if (plan.total === 0) return;
    if (progress) blocks.push(...progressSection(plan, progress, h));
    blocks.push(...areaSection(plan, h, single ? options.chart : undefined));
    blocks.push(...lateSection(plan, h));
    blocks.push(...projectionSection(plan, h));
    blocks.push(...annex(plan, h));
  });
  return { title, blocks, footnotes };
}

function summary(plan: PlanReport, h: 2 | 3, footnote?: string): Block[] {
  const runs: Inline[] = [summarySentence(plan, plan.title, plan.asOf)];
  if (footnote) runs.push({ footnote });
  const out: Block[] = [{ kind: 'heading', level: h, text: 'Summary' }, { kind: 'paragraph', runs }];
  if (plan.total > 0) {
    const lines = [
      `${plan.elapsedPercent}% of the plan period (${plan.period.start}-${plan.period.end}) has elapsed, against ${plan.implementedPercent}% of the projects/activities completed or being implemented.`,
    ];
    if (plan.lastUpdated) lines.push(`The latest status update on record is dated ${dateWords(plan.lastUpdated)}.`);
    out.push({ kind: 'paragraph', runs: [lines.join(' ')] });
  }
  return out;
}

function sinceWords(progress: PlanProgress, plan: PlanReport): string {
  const s = progress.since;
  if (s.meeting) return `${theName(s.meeting.name)} held on ${dateRange(s.meeting.date, s.meeting.end)}`;
  if (s.reason === 'plan-start') return `the start of the plan period in ${plan.period.start}`;
  return dateWords(s.date);
}

function statusWord(s: Status | undefined): string {
  return s === undefined ? '—' : capital(s);
}

function progressHeading(progress: PlanProgress): string {
  const s = progress.since;
  if (s.meeting) return s.reason === 'previous-meeting' ? 'Progress since the previous meeting' : `Progress since ${theName(s.meeting.name)}`;
  if (s.reason === 'plan-start') return 'Progress since the start of the plan period';
  return `Progress since ${dateWords(s.date)}`;
}

function progressSection(plan: PlanReport, progress: PlanProgress, h: 2 | 3): Block[] {
  const since = sinceWords(progress, plan);
  const out: Block[] = [{ kind: 'heading', level: h, text: progressHeading(progress) }];
  const n = progress.transitions.length;
  if (n === 0) {
    out.push({ kind: 'paragraph', runs: [`Since ${since}, no project/activity has changed status.`] });
    return out;
  }
  out.push({ kind: 'paragraph', runs: [`Since ${since}, the status of ${projectsNoun(n)} has changed:`] });
  const items: Inline[][] = [];
  const entered = progress.groups.filter((g) => g.from === undefined);
  if (entered.length) {
    const parts = entered.map((g) => `${entered.length > 1 ? `${g.count} ` : ''}as ${g.to}`);
    const sep = entered.length > 1 ? ': ' : ', ';
    items.push([`${progress.entered} ${verb(progress.entered, 'was')} recorded for the first time${sep}${joinList(parts)}`]);
  }
  for (const g of progress.groups) {
    if (g.from === undefined) continue;
    items.push([`${g.count} moved from ${g.from} to ${g.to} (${joinList(g.projects)})`]);
  }
  items.forEach((item, k) => item.push(k === items.length - 1 ? '.' : ';'));
  out.push({ kind: 'bullets', items });
  out.push({
    kind: 'table',
    header: ['Project/activity', 'Lead', 'Before', 'Now', 'Since'],
    align: ['left', 'left', 'left', 'left', 'left'],
    rows: progress.transitions.map((t) => ({ cells: [projectCell(t.projectId, t.title), leadOf(plan.projects, t.projectId), statusWord(t.from), statusWord(t.to), dateWords(t.date)] })),
  });
  if (entered.length) out.push({ kind: 'paragraph', runs: [{ text: '— in the Before column: not yet recorded in the plan.', italic: true }] });
  return out;
}

function areaSection(plan: PlanReport, h: 2 | 3, chart?: string): Block[] {
  const statuses = STATUS_ORDER.filter((s) => s === 'completed' || s === 'ongoing' || s === 'planned' || plan.counts[s] > 0);
  const header = ['Priority area', 'Projects/activities', ...statuses.map((s) => capital(s)), 'Completed or ongoing'];
  const row = (label: string, f: PlanReport | PlanReport['byPriorityArea'][number], bold?: boolean) => ({
    cells: [label, String(f.total), ...statuses.map((s) => pctCell(f.counts[s], f.percents[s])), pctCell(f.implemented, f.implementedPercent)],
    ...(bold ? { bold } : {}),
  });
  const out: Block[] = [
    { kind: 'heading', level: h, text: 'Status by priority area' },
    {
      kind: 'table',
      header,
      align: ['left', ...header.slice(1).map(() => 'right' as const)],
      rows: [...plan.byPriorityArea.map((a) => row(a.title, a)), row('All projects/activities', plan, true)],
    },
  ];
  if (plan.projects.some((p) => p.priority_areas.length > 1)) {
    out.push({ kind: 'paragraph', runs: ['A project/activity under more than one priority area is counted under each; the last row counts each project/activity once.'] });
  }
  if (chart) out.push({ kind: 'figure', src: chart, alt: `Figure 1: ${figureCaption(plan.asOf)}` });
  return out;
}

function projectTable(plan: PlanReport, ids: readonly string[]): Block {
  const rows = ids.map((id) => plan.projects.find((p) => p.id === id)).filter((p): p is ProjectRow => p !== undefined);
  return {
    kind: 'table',
    header: ['Project/activity', 'Lead', 'Schedule', 'Status'],
    align: ['left', 'left', 'left', 'left'],
    rows: rows.map((p) => ({ cells: [projectCell(p.id, p.title), p.lead.join(', '), schedule(p.schedule), capital(p.status)] })),
  };
}

function lateSection(plan: PlanReport, h: 2 | 3): Block[] {
  const out: Block[] = [{ kind: 'heading', level: h, text: 'Overdue and late-starting projects/activities' }];
  const o = plan.overdue.length;
  const l = plan.lateStart.length;
  if (o === 0 && l === 0) {
    out.push({ kind: 'paragraph', runs: ['No project/activity is overdue or late to start.'] });
    return out;
  }
  if (o === 0) out.push({ kind: 'paragraph', runs: ['No project/activity is overdue.'] });
  else {
    const text =
      o === 1
        ? '1 project/activity is overdue: its schedule has ended and it has not been completed.'
        : `${o} projects/activities are overdue: their schedule has ended and they have not been completed.`;
    out.push({ kind: 'paragraph', runs: [text] }, projectTable(plan, plan.overdue));
  }
  if (l === 0) out.push({ kind: 'paragraph', runs: ['No project/activity is late to start.'] });
  else {
    const text =
      l === 1
        ? '1 project/activity is late to start: its scheduled start has passed and it is still being planned.'
        : `${l} projects/activities are late to start: their scheduled start has passed and they are still being planned.`;
    out.push({ kind: 'paragraph', runs: [text] }, projectTable(plan, plan.lateStart));
  }
  return out;
}

function projectionSection(plan: PlanReport, h: 2 | 3): Block[] {
  const out: Block[] = [{ kind: 'heading', level: h, text: 'Projection' }];
  const end = periodWords(`${plan.period.end}-12`);
  let text: string;
  if (plan.projectedCompletion === null) {
    text =
      plan.counts.completed === 0
        ? 'No project/activity has been completed yet, so no completion date can be projected from the rate of completions.'
        : `No completion date can be projected: the plan period (${plan.period.start}-${plan.period.end}) has not begun.`;
  }
  else {
    const when = periodWords(plan.projectedCompletion);
    const relation = plan.projectedOnSchedule ? `within the plan period, which ends in ${end}` : `after the end of the plan period in ${end}`;
    if (plan.counts.completed === plan.total - plan.counts.cancelled) {
      const which = plan.counts.cancelled > 0 ? 'that were not cancelled have' : plan.total === 1 ? 'has' : 'have';
      const subject = plan.counts.cancelled > 0 ? 'All projects/activities' : plan.total === 1 ? 'The only project/activity' : `All ${plan.total} projects/activities`;
      text = `${subject} ${which} been completed, the last in ${when}, ${relation}.`;
    } else {
      // a projection, not a verdict: the meeting judges whether the plan is on schedule
      text = `At the rate of completions so far (${plan.counts.completed} completed, with ${plan.elapsedPercent}% of the plan period elapsed), the last project/activity would be completed in ${when}, ${relation}.`;
    }
  }
  out.push({ kind: 'paragraph', runs: [text] });
  return out;
}

function annex(plan: PlanReport, h: 2 | 3): Block[] {
  const areaTitle = new Map(plan.byPriorityArea.map((a) => [a.id, a.title]));
  const out: Block[] = [{ kind: 'heading', level: h, text: `Annex: Projects/activities of the ${plan.title}` }];
  out.push({
    kind: 'table',
    header: ['No.', 'Project/activity', 'Lead', 'Priority areas', 'Schedule', 'Status (since)'],
    align: ['left', 'left', 'left', 'left', 'left', 'left'],
    rows: plan.projects.map((p) => ({
      cells: [p.id, p.title, p.lead.join(', '), p.priority_areas.map((a) => areaTitle.get(a) ?? a).join('; '), schedule(p.schedule), `${capital(p.status)} (${dateWords(p.statusSince)})`],
    })),
  });
  return out;
}
