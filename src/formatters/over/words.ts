/** Sentences the human over-time formats share. */
import type { OverTime, PlanOverTime } from '../../core/over-time.js';
import { dateWords } from '../shared/words.js';

/** "at each meeting of the ACCSM from 1 January 2021 to 23 November 2026", "at the end of each year from 2021, the last point as of 23 November 2026" */
export function overWords(over: OverTime, plan: PlanOverTime): string {
  const to = dateWords(over.asOf);
  if (over.over === 'meetings') return `at each meeting of the ${plan.body} from 1 January ${plan.period.start} to ${to}`;
  return `at the end of each ${over.over === 'years' ? 'year' : 'month'} from ${plan.period.start}, the last point as of ${to} at the latest`;
}

/** Why a plan has no points. */
export function noPointsWords(over: OverTime, plan: PlanOverTime): string {
  if (over.over === 'meetings') return `No meeting of the ${plan.body} between 1 January ${plan.period.start} and ${dateWords(over.asOf)}.`;
  return `The plan period begins on 1 January ${plan.period.start}, after ${dateWords(over.asOf)}.`;
}
