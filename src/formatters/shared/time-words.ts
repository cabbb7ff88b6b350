/**
 * What the human formats say about time, one sentence per rule (README,
 * "Counting rules"): the on-schedule verdict, an ended plan, stale data, the
 * projects not updated since the last meeting. Every figure is read from the
 * PlanReport; nothing here counts.
 */
import type { PlanReport } from '../../core/report.js';
import { dateWords } from './words.js';

function parts(date: string): { y: string; m: string; d: number } {
  const words = dateWords(date).split(' ');
  return { d: Number(words[0]), m: words[1]!, y: words[2]! };
}

/** A meeting's days: "3 August 2022", "5-7 August 2024", "30 July - 2 August 2024", "30 December 2024 - 2 January 2025". */
export function dateRange(start: string, end?: string): string {
  if (end === undefined || end === start) return dateWords(start);
  const a = parts(start);
  const b = parts(end);
  if (a.y === b.y && a.m === b.m) return `${a.d}-${b.d} ${b.m} ${b.y}`;
  if (a.y === b.y) return `${a.d} ${a.m} - ${dateWords(end)}`;
  return `${dateWords(start)} - ${dateWords(end)}`;
}

/** "the 21st SOM"; a name that starts with "The" keeps a single, lower-case article. */
export function theName(name: string): string {
  return `the ${name.replace(/^the\s+/i, '')}`;
}

function projects(n: number): string {
  return `${n} ${n === 1 ? 'project/activity' : 'projects/activities'}`;
}

type VerdictFields = Pick<
  PlanReport,
  'verdict' | 'total' | 'counts' | 'percents' | 'implemented' | 'implementedPercent' | 'elapsedPercent' | 'elapsedDays' | 'periodDays' | 'period' | 'recorded'
>;

/**
 * The verdict as a sentence:
 * "The plan is on schedule: 39% of projects/activities are completed or ongoing, with 32% of the period elapsed."
 * "The plan period ended on 31 December 2025: 7 of 31 completed (23%), 5 still ongoing, 19 never started."
 * `subject` names the plan ("The plan", "The ACCSM Work Plan 2021-2025").
 */
export function verdictSentence(p: VerdictFields, subject = 'The plan'): string {
  const share = `${p.implementedPercent}% of projects/activities ${p.implemented === 1 && p.total === 1 ? 'is' : 'are'} completed or ongoing, with ${p.elapsedPercent}% of the period elapsed`;
  switch (p.verdict) {
    case 'on-schedule':
      return `${subject} is on schedule: ${share}.`;
    case 'behind-schedule':
      return `${subject} is behind schedule: ${share}.`;
    case 'ended': {
      const rest = [
        p.counts.ongoing > 0 ? `${p.counts.ongoing} still ongoing` : '',
        p.counts.planned > 0 ? `${p.counts.planned} never started` : '',
        p.counts.postponed > 0 ? `${p.counts.postponed} postponed` : '',
        p.counts.cancelled > 0 ? `${p.counts.cancelled} cancelled` : '',
      ].filter(Boolean);
      return `The plan period ended on ${dateWords(`${p.period.end}-12-31`)}: ${[`${p.counts.completed} of ${p.total} completed (${p.percents.completed}%)`, ...rest].join(', ')}.`;
    }
    case 'not-started':
      return `The plan period has not begun: it runs from ${dateWords(`${p.period.start}-01-01`)} to ${dateWords(`${p.period.end}-12-31`)}.`;
    case 'empty':
      return p.recorded === 0 ? 'No projects/activities recorded yet.' : 'No projects/activities counted on this date.';
  }
}

/** The exact comparison behind an on/behind verdict: "12 of 31 completed or ongoing against 580 of 1826 days"; '' for the other verdicts. */
export function verdictBasis(p: VerdictFields): string {
  if (p.verdict !== 'on-schedule' && p.verdict !== 'behind-schedule') return '';
  return `${p.implemented} of ${p.total} completed or ongoing against ${p.elapsedDays} of ${p.periodDays} days of the period`;
}

/** "The latest status recorded is dated 5 August 2022, more than a year before 1 December 2026: the figures may be out of date.", or ''. */
export function staleSentence(p: Pick<PlanReport, 'stale' | 'lastUpdated' | 'asOf'>): string {
  if (!p.stale || p.lastUpdated === null) return '';
  return `The latest status recorded is dated ${dateWords(p.lastUpdated)}, more than a year before ${dateWords(p.asOf)}: the figures may be out of date.`;
}

/** "31 of 31 projects/activities have no status recorded since the 22nd SOM, 5-7 August 2024.", or '' without such a meeting. */
export function notUpdatedSentence(p: Pick<PlanReport, 'notUpdatedSince' | 'total'>): string {
  const n = p.notUpdatedSince;
  if (!n || p.total === 0) return '';
  const since = `since ${theName(n.meeting.name)}, ${dateRange(n.meeting.date, n.meeting.end)}`;
  if (n.projects.length === 0) return `Every project/activity has a status recorded ${since}.`;
  const verb = n.projects.length === 1 ? 'has' : 'have';
  return `${n.projects.length} of ${projects(p.total)} ${verb} no status recorded ${since}.`;
}
