/**
 * Counts and shares of a group of projects. Counts are integers; percentages
 * come from percent() (round half up, never 0% for a share above 0, never 100%
 * below the whole).
 */
import { percent } from './percent.js';
import { STATUSES, type Status } from './types.js';

export type StatusCounts = Record<Status, number>;

export interface GroupFigures {
  total: number;
  counts: StatusCounts;
  percents: StatusCounts;
  /** completed + ongoing */
  implemented: number;
  implementedPercent: number;
}

export interface AreaFigures extends GroupFigures {
  id: string;
  title: string;
}

export interface LeadFigures extends GroupFigures {
  code: string;
}

export function emptyCounts(): StatusCounts {
  return { planned: 0, ongoing: 0, completed: 0, postponed: 0, cancelled: 0 };
}

export function figures(statuses: readonly Status[]): GroupFigures {
  const counts = emptyCounts();
  for (const s of statuses) counts[s]++;
  const total = statuses.length;
  const percents = emptyCounts();
  for (const s of STATUSES) percents[s] = percent(counts[s], total);
  const implemented = counts.completed + counts.ongoing;
  return { total, counts, percents, implemented, implementedPercent: percent(implemented, total) };
}

/** "12 of 31 completed or ongoing (39%)" */
export function headline(f: Pick<GroupFigures, 'implemented' | 'total' | 'implementedPercent'>): string {
  return `${f.implemented} of ${f.total} completed or ongoing (${f.implementedPercent}%)`;
}
