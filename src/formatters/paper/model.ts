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
import { capital, dateWords, periodWords, rowsOf } from '../shared/words.js';
import {
  carriedOverSentence,
  dateRange,
  illustrativeNote,
  joinList,
  projectsNoun,
  schedule,
  summarySentence,
  theName,
  verb,
} from './words.js';
import { notUpdatedSentence, staleSentence, verdictSentence } from '../shared/time-words.js';

export type Inline = string | { text: string; bold?: boolean; italic?: boolean } | { footnote: string };

export interface TableRow {
  cells: string[];
  bold?: boolean;
}

export type Block =
  /** `newPage`: starts a page in Word (the annex) */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; newPage?: boolean }
  /** `numbered`: a body paragraph, numbered in Word as in ASEAN meeting documents */
  | { kind: 'paragraph'; runs: Inline[]; numbered?: boolean }
  | { kind: 'bullets'; items: Inline[][] }
  /** the line above a table, kept with it */
  | { kind: 'caption'; runs: Inline[] }
  | { kind: 'table'; header: string[]; align: ('left' | 'right')[]; rows: TableRow[] }
  | { kind: 'figure'; src: string; alt: string; note?: string };

export interface PaperDoc {
  title: string;
  /** the lines of the running header in Word: document symbol, meeting, agenda item */
  running: string[];
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
  /** the document symbol for the running header */
  symbol?: string;
  /** the agenda item for the running header: "4" becomes "Agenda item 4" */
  agendaItem?: string;
  /** the closing paragraph, instead of "The Meeting is invited to note …" */
  recommendation?: string;
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

/** The running header: the symbol, the meeting and its date, the agenda item; lines that are not given are left out. */
function running(report: Report, options: PaperOptions): string[] {
  const m = report.meeting;
  const lines: string[] = [];
  if (options.symbol) lines.push(options.symbol);
  lines.push(m ? `${m.name.replace(/^the\s+/i, '')}, ${dateRange(m.date, m.end)}` : `Progress report as of ${dateWords(report.asOf)}`);
  if (options.agendaItem) lines.push(/^[\w.-]{1,8}$/.test(options.agendaItem) ? `Agenda item ${options.agendaItem}` : options.agendaItem);
  return lines;
}

/** "The Meeting is invited to note the progress in the implementation of the ACCSM Work Plan 2021-2025." */
export function recommendation(report: Report): string {
  if (report.plans.length === 0) return 'The Meeting is invited to note this report.';
  return `The Meeting is invited to note the progress in the implementation of ${joinList(report.plans.map((p) => `the ${p.title}`))}.`;
}

export function buildPaper(input: PaperInput, options: PaperOptions = {}): PaperDoc {
  const { report } = input;
  const single = report.plans.length === 1;
  const titles = report.plans.map((p) => `the ${p.title}`);
  const title = report.plans.length ? `Implementation of ${joinList(titles)}` : 'Implementation of the work plans';
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: title }, { kind: 'paragraph', runs: [asOfLine(report)] }];
  const footnotes: PaperDoc['footnotes'] = [];
  const annexes: Block[][] = [];
  if (report.plans.length === 0) blocks.push({ kind: 'paragraph', numbered: true, runs: ['No work plan has projects/activities to report on.'] });
  const charted = report.plans.filter((p) => p.total > 0);
  if (options.chart && !single && charted.length) {
    const illustrative = charted.some((p) => p.illustrative > 0);
    blocks.push({
      kind: 'figure',
      src: options.chart,
      alt: `Figure 1: ${figureCaption(report.asOf)}`,
      ...(illustrative ? { note: 'Drawn from the same details as the tables by priority area, some of which are illustrative (see the notes to those tables).' } : {}),
    });
  }
  report.plans.forEach((plan, i) => {
    const progress = input.progress[i];
    const h: 2 | 3 = single ? 2 : 3;
    if (!single) blocks.push({ kind: 'heading', level: 2, text: plan.title });
    blocks.push(...summary(plan, h));
    // a plan with nothing counted yet: the summary says so, and the other sections would be empty
    if (plan.total === 0) return;
    const note = (place: 'areas' | 'annex'): string | undefined => {
      if (plan.illustrative === 0) return undefined;
      const id = `illustrative-${place}${single ? '' : `-${plan.id}`}`;
      footnotes.push({ id, text: illustrativeNote(plan, place) });
      return id;
    };
    if (progress) blocks.push(...progressSection(plan, progress, h));
    blocks.push(...areaSection(plan, h, note('areas'), single ? options.chart : undefined));
    blocks.push(...lateSection(plan, h));
    blocks.push(...projectionSection(plan, h));
    annexes.push(annex(plan, report.plans.length > 1 ? annexes.length + 1 : undefined, note('annex')));
  });
  blocks.push({ kind: 'paragraph', numbered: true, runs: [options.recommendation ?? recommendation(report)] });
  for (const a of annexes) blocks.push(...a);
  // footnotes in the order they are referenced
  const order = blocks.flatMap((b) => (b.kind === 'caption' || b.kind === 'paragraph' ? b.runs : b.kind === 'bullets' ? b.items.flat() : [])).flatMap((r) => (typeof r === 'object' && 'footnote' in r ? [r.footnote] : []));
  // each id's place looked up in a Map: a search of the list per comparison was quadratic with a footnote or two per plan
  const place = new Map<string, number>();
  order.forEach((id, i) => {
    if (!place.has(id)) place.set(id, i);
  });
  const at = (id: string) => place.get(id) ?? -1;
  footnotes.sort((a, b) => at(a.id) - at(b.id));
  return { title, running: running(report, options), blocks, footnotes };
}

function summary(plan: PlanReport, h: 2 | 3): Block[] {
  const out: Block[] = [{ kind: 'heading', level: h, text: 'Summary' }];
  const stale = staleSentence(plan);
  if (stale) out.push({ kind: 'paragraph', runs: [{ text: stale, bold: true }] });
  out.push({ kind: 'paragraph', numbered: true, runs: [summarySentence(plan, plan.title, plan.asOf)] });
  if (plan.total > 0) {
    // the meeting's rule, in its words (seed 003: "Thus, … the … Work Plan … is still on schedule")
    out.push({ kind: 'paragraph', numbered: true, runs: [verdictSentence(plan, `Thus, the ${plan.title}`)] });
    const lines = [
      `${plan.elapsedPercent}% of the plan period (${plan.period.start}-${plan.period.end}) has elapsed, against ${plan.implementedPercent}% of the projects/activities completed or being implemented.`,
    ];
    if (plan.lastUpdated) lines.push(`The latest status update on record is dated ${dateWords(plan.lastUpdated)}.`);
    const notUpdated = notUpdatedSentence(plan);
    if (notUpdated) lines.push(notUpdated);
    const carried = carriedOverSentence(plan);
    if (carried) lines.push(carried);
    out.push({ kind: 'paragraph', numbered: true, runs: [lines.join(' ')] });
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

/** Past this many changes, the paper summarises them by priority area and leaves the full list to the annex. */
export const MAX_CHANGE_ROWS = 15;

function progressSection(plan: PlanReport, progress: PlanProgress, h: 2 | 3): Block[] {
  const since = sinceWords(progress, plan);
  const out: Block[] = [{ kind: 'heading', level: h, text: progressHeading(progress) }];
  const para = (text: string): Block => ({ kind: 'paragraph', numbered: true, runs: [text] });
  const entered = progress.groups.filter((g) => g.from === undefined);
  const moved = progress.groups.filter((g) => g.from !== undefined);
  const changes = progress.transitions.filter((t) => t.from !== undefined);
  const enteredWords = joinList(entered.map((g) => `${g.count} ${g.to}`));
  // every project counted now appears for the first time: there is nothing to compare with
  if (progress.entered > 0 && progress.entered === plan.total && changes.length === 0) {
    out.push(para(`This is the first report on the plan: ${projectsNoun(plan.total)} recorded (${enteredWords}).`));
    return out;
  }
  const newOnes = progress.entered === 0 ? '' : ` ${capital(projectsNoun(progress.entered))} ${verb(progress.entered, 'was')} recorded for the first time (${enteredWords}).`;
  if (changes.length === 0) {
    out.push(para(`Since ${since}, no project/activity has changed status.${newOnes}`));
    return out;
  }
  out.push(para(`Since ${since}, the status of ${projectsNoun(changes.length)} has changed:`));
  const items: Inline[][] = moved.map((g) => [`${g.count} moved from ${g.from} to ${g.to} (${joinList(g.projects)})`]);
  items.forEach((item, k) => item.push(k === items.length - 1 ? '.' : ';'));
  out.push({ kind: 'bullets', items });
  if (newOnes) out.push(para(newOnes.trim()));
  if (changes.length <= MAX_CHANGE_ROWS) {
    out.push({
      kind: 'table',
      header: ['Project/activity', 'Lead', 'Before', 'Now', 'Since'],
      align: ['left', 'left', 'left', 'left', 'left'],
      rows: changes.map((t) => ({ cells: [projectCell(t.projectId, t.title), leadOf(plan.projects, t.projectId), statusWord(t.from), statusWord(t.to), dateWords(t.date)] })),
    });
    return out;
  }
  // many changes: by priority area, each change counted under each of its project's areas
  const tos = STATUS_ORDER.filter((s) => changes.some((t) => t.to === s));
  const areasOf = new Map(plan.projects.map((p) => [p.id, p.priority_areas]));
  const rows = plan.byPriorityArea
    .map((a) => {
      const here = changes.filter((t) => areasOf.get(t.projectId)?.includes(a.id));
      return { cells: [a.title, String(here.length), ...tos.map((s) => String(here.filter((t) => t.to === s).length))] };
    })
    .filter((r) => r.cells[1] !== '0');
  rows.push({ cells: ['Total', String(changes.length), ...tos.map((s) => String(changes.filter((t) => t.to === s).length))], bold: true } as TableRow);
  out.push({ kind: 'caption', runs: [`Changes of status by priority area (the annex gives each project/activity with the date its status began)`] });
  out.push({ kind: 'table', header: ['Priority area', 'Changed', ...tos.map((s) => `Now ${s}`)], align: ['left', 'right', ...tos.map(() => 'right' as const)], rows });
  return out;
}

function areaSection(plan: PlanReport, h: 2 | 3, footnote: string | undefined, chart?: string): Block[] {
  const statuses = STATUS_ORDER.filter((s) => s === 'completed' || s === 'ongoing' || s === 'planned' || plan.counts[s] > 0);
  const header = ['Priority area', 'Total', ...statuses.map((s) => capital(s)), 'Completed or ongoing'];
  const row = (label: string, f: PlanReport | PlanReport['byPriorityArea'][number], bold?: boolean) => ({
    cells: [label, String(f.total), ...statuses.map((s) => pctCell(f.counts[s], f.percents[s])), pctCell(f.implemented, f.implementedPercent)],
    ...(bold ? { bold } : {}),
  });
  // the footnote mark goes after a word, where it cannot be read as part of a number
  const caption: Inline[] = [`Status of the projects/activities of the ${plan.title} by priority area`, ...(footnote ? [{ footnote }] : []), `, as of ${dateWords(plan.asOf)}`];
  const out: Block[] = [
    { kind: 'heading', level: h, text: 'Status by priority area' },
    { kind: 'caption', runs: caption },
    {
      kind: 'table',
      header,
      align: ['left', ...header.slice(1).map(() => 'right' as const)],
      rows: [...plan.byPriorityArea.map((a) => row(a.title, a)), row('Total', plan, true)],
    },
  ];
  if (plan.projects.some((p) => p.priority_areas.length > 1)) {
    out.push({ kind: 'paragraph', runs: ['A project/activity under more than one priority area is counted under each; the Total row counts each project/activity once.'] });
  }
  if (chart) {
    out.push({
      kind: 'figure',
      src: chart,
      alt: `Figure 1: ${figureCaption(plan.asOf)}`,
      ...(footnote ? { note: 'Drawn from the same details as the table above, some of which are illustrative (see its note).' } : {}),
    });
  }
  return out;
}

function projectTable(plan: PlanReport, ids: readonly string[]): Block {
  const rows = rowsOf(plan, ids).filter((p): p is ProjectRow => p !== undefined);
  return {
    kind: 'table',
    header: ['Project/activity', 'Lead', 'Schedule', 'Status'],
    align: ['left', 'left', 'left', 'left'],
    rows: rows.map((p) => ({ cells: [projectCell(p.id, p.title), p.lead.join(', '), p.schedule ? schedule(p.schedule) : `Plan period (${plan.period.start}-${plan.period.end})`, capital(p.status)] })),
  };
}

function lateSection(plan: PlanReport, h: 2 | 3): Block[] {
  const out: Block[] = [{ kind: 'heading', level: h, text: 'Overdue and late-starting projects/activities' }];
  const o = plan.overdue.length;
  const l = plan.lateStart.length;
  if (o === 0 && l === 0) {
    out.push({ kind: 'paragraph', numbered: true, runs: ['No project/activity is overdue or late to start.'] });
    return out;
  }
  if (o === 0) out.push({ kind: 'paragraph', numbered: true, runs: ['No project/activity is overdue.'] });
  else {
    const text =
      o === 1
        ? '1 project/activity is overdue: its schedule has ended and it has not been completed.'
        : `${o} projects/activities are overdue: their schedule has ended and they have not been completed.`;
    out.push({ kind: 'paragraph', numbered: true, runs: [text] }, projectTable(plan, plan.overdue));
  }
  if (l === 0) out.push({ kind: 'paragraph', numbered: true, runs: ['No project/activity is late to start.'] });
  else {
    const text =
      l === 1
        ? '1 project/activity is late to start: its scheduled start has passed and it is still being planned.'
        : `${l} projects/activities are late to start: their scheduled start has passed and they are still being planned.`;
    out.push({ kind: 'paragraph', numbered: true, runs: [text] }, projectTable(plan, plan.lateStart));
  }
  return out;
}

function projectionSection(plan: PlanReport, h: 2 | 3): Block[] {
  const out: Block[] = [{ kind: 'heading', level: h, text: 'Projection' }];
  const end = periodWords(`${plan.period.end}-12`);
  const period = `${plan.period.start}-${plan.period.end}`;
  let text: string;
  switch (plan.projection) {
    case 'no-completions':
      text = 'No project/activity has been completed yet, so no completion date can be projected from the rate of completions.';
      break;
    case 'not-started':
      text = `No completion date can be projected: the plan period (${period}) has not begun.`;
      break;
    case 'ended':
      text = `No completion date is projected: the plan period (${period}) has ended.`;
      break;
    case 'beyond-twice-period':
      text = `As a supporting figure, not a judgement of schedule: at the rate of completions so far (${plan.counts.completed} completed, with ${plan.elapsedPercent}% of the plan period elapsed), the last project/activity would not be completed within twice the plan period.`;
      break;
    default: {
      const when = periodWords(plan.projectedCompletion!);
      const relation = plan.projectedOnSchedule ? `within the plan period, which ends in ${end}` : `after the end of the plan period in ${end}`;
      if (plan.projection === 'all-completed') {
        const which = plan.counts.cancelled > 0 ? 'that were not cancelled have' : plan.total === 1 ? 'has' : 'have';
        const subject = plan.counts.cancelled > 0 ? 'All projects/activities' : plan.total === 1 ? 'The only project/activity' : `All ${plan.total} projects/activities`;
        text = `${subject} ${which} been completed, the last in ${when}, ${relation}.`;
      } else {
        // a projection, not a verdict: the verdict is the meeting's rule, in the summary
        text = `As a supporting figure, not a judgement of schedule: at the rate of completions so far (${plan.counts.completed} completed, with ${plan.elapsedPercent}% of the plan period elapsed), the last project/activity would be completed in ${when}, ${relation}.`;
      }
    }
  }
  out.push({ kind: 'paragraph', numbered: true, runs: [text] });
  return out;
}

function annex(plan: PlanReport, n: number | undefined, footnote: string | undefined): Block[] {
  const areaTitle = new Map(plan.byPriorityArea.map((a) => [a.id, a.title]));
  const intro: Inline[] = [`The ${projectsNoun(plan.projects.length)} counted as of ${dateWords(plan.asOf)}, with the date each status began`];
  if (footnote) intro.push({ footnote });
  // no schedule column when no project/activity has a schedule
  const scheduled = plan.projects.some((p) => p.schedule !== undefined);
  const header = ['No.', 'Project/activity', 'Lead', 'Priority areas', ...(scheduled ? ['Schedule'] : []), 'Status (since)'];
  return [
    { kind: 'heading', level: 2, text: `Annex${n === undefined ? '' : ` ${n}`}: Projects/activities of the ${plan.title}`, newPage: true },
    { kind: 'caption', runs: intro },
    {
      kind: 'table',
      header,
      align: header.map(() => 'left' as const),
      rows: plan.projects.map((p) => ({
        cells: [
          p.id,
          p.title,
          p.lead.join(', '),
          p.priority_areas.map((a) => areaTitle.get(a) ?? a).join('; '),
          ...(scheduled ? [schedule(p.schedule)] : []),
          `${capital(p.status)} (${dateWords(p.statusSince)})`,
        ],
      })),
    },
  ];
}
