/**
 * The words of a meeting paper, in the register of ASEAN meeting reports:
 * dates as "3 August 2022", counts with the right number ("1 project/activity
 * has", "7 (23%) have"), lists as "a, b and c". Pure string helpers.
 */
import type { GroupFigures, PlanReport } from '../../core/report.js';
import type { Status } from '../../core/types.js';
import { STATUS_ORDER, capital, dateWords, periodWords, scheduleWords } from '../shared/words.js';


export { dateRange, theName } from '../shared/time-words.js';
import { theName } from '../shared/time-words.js';

/** A schedule as in the report ("2021 to 2023", "June 2023"); "—" when there is none. */
export function schedule(value?: { start: string; end: string }): string {
  return scheduleWords(value) || '—';
}

/** "a", "a and b", "a, b and c" (no serial comma, as in ASEAN reports) */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "no projects/activities", "1 project/activity", "31 projects/activities" */
export function projectsNoun(n: number): string {
  if (n === 0) return 'no projects/activities';
  return `${n} ${n === 1 ? 'project/activity' : 'projects/activities'}`;
}

/** The verb for a count: has/have, is/are, was/were. "none" takes the plural here. */
export function verb(n: number, singular: 'has' | 'is' | 'was'): string {
  if (n === 1) return singular;
  return { has: 'have', is: 'are', was: 'were' }[singular];
}

/** A count as the subject of a clause: "none", "1 (3%)", "7 (23%)". */
export function countWithPercent(n: number, pct: number): string {
  return n === 0 ? 'none' : `${n} (${pct}%)`;
}

/** The predicate for a status, with its verb agreeing with n. */
export function statusPredicate(status: Status, n: number): string {
  switch (status) {
    case 'completed':
      return `${verb(n, 'has')} been completed`;
    case 'ongoing':
      return `${verb(n, 'is')} ongoing`;
    case 'planned':
      return `${verb(n, 'is')} being planned for implementation`;
    case 'postponed':
      return `${verb(n, 'has')} been postponed`;
    case 'cancelled':
      return `${verb(n, 'has')} been cancelled`;
  }
}

/** "7 (23%) have been completed", "1 (3%) is ongoing", "none has been cancelled" */
export function statusClause(status: Status, n: number, pct: number): string {
  return `${countWithPercent(n, pct)} ${statusPredicate(status, n === 0 ? 1 : n)}`;
}

/** "12 (39%) have thus been completed or are being implemented", "1 (3%) has thus …", "none has thus …" */
export function implementedClause(n: number, pct: number): string {
  const k = n === 0 ? 1 : n;
  return `${countWithPercent(n, pct)} ${verb(k, 'has')} thus been completed or ${verb(k, 'is')} being implemented`;
}

/**
 * The note on illustrative projects/activities, for what rests on them: the
 * table by priority area ("areas") or the annex. It starts with a word, so
 * that its footnote mark cannot be read as part of a number.
 */
export function illustrativeNote(plan: Pick<PlanReport, 'illustrative' | 'total'>, place: 'areas' | 'annex'): string {
  if (plan.illustrative === 0) return '';
  const where = place === 'areas' ? 'counted here' : 'listed here';
  const one = plan.illustrative === 1;
  const which =
    plan.total === 1
      ? `the one project/activity ${where} is`
      : plan.illustrative === plan.total
        ? `all ${plan.total} projects/activities ${where} are`
        : `${plan.illustrative} of the ${plan.total} projects/activities ${where} ${one ? 'is' : 'are'}`;
  const details = `some or all of ${one ? 'its' : 'their'} details are not from the public record`;
  const tail = place === 'areas' ? ', so the figures by priority area may not match it' : '';
  return `Illustrative: ${which} marked illustrative: ${details}${tail}.`;
}

/**
 * "As of 3 August 2022, of the 31 projects/activities under the ACCSM Work
 * Plan 2021-2025, 7 (23%) have been completed, 5 (16%) are ongoing and 19
 * (61%) are being planned for implementation; 12 (39%) have thus been
 * completed or are being implemented." Statuses with no project are left out.
 */
/** "24 of its 24 projects/activities were carried over from the ACCSM Work Plan 2021-2025."; '' when none was. */
export function carriedOverSentence(plan: Pick<PlanReport, 'carriedOver' | 'total'>): string {
  return plan.carriedOver
    .map((c) => `${plan.total === 1 ? 'Its 1' : `${c.count} of its ${plan.total}`} ${plan.total === 1 ? 'project/activity' : 'projects/activities'} ${verb(c.count, 'was')} carried over from ${theName(c.title)}.`)
    .join(' ');
}

export function summarySentence(f: Pick<GroupFigures, 'total' | 'counts' | 'percents' | 'implemented' | 'implementedPercent'>, planTitle: string, asOf: string): string {
  const when = `As of ${dateWords(asOf)}`;
  if (f.total === 0) return `${when}, no projects/activities are recorded under the ${planTitle}.`;
  const clauses = STATUS_ORDER.filter((s) => f.counts[s] > 0).map((s) => statusClause(s, f.counts[s], f.percents[s]));
  return `${when}, of the ${projectsNoun(f.total)} under the ${planTitle}, ${joinList(clauses)}; ${implementedClause(f.implemented, f.implementedPercent)}.`;
}
