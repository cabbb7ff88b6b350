/** The fields of a project as label/value pairs and the in-force sentence, shared by the text and markdown formats. */
import type { CarryLink, ProjectDetail } from '../../core/views.js';
import { flagWords } from '../shared/rows.js';
import { dateWords, scheduleWords } from '../shared/words.js';

/** "completed as of 23 November 2026 (entry of 5 August 2022)" or why there is no status yet. */
export function statusLine(d: ProjectDetail): string {
  if (!d.row) return `not yet in the plan on ${dateWords(d.asOf)} (first entry ${dateWords(d.history[0]!.date)})`;
  return `${d.row.status} as of ${dateWords(d.asOf)} (entry of ${dateWords(d.row.since)})`;
}

/** "P02 (ACCSM Work Plan 2021-2025)", or the plan id when its title is not known */
export function carryWords(link: CarryLink): string {
  return `${link.id} (${link.planTitle ?? link.plan})`;
}

export function fields(d: ProjectDetail, file: string): [string, string][] {
  const p = d.project;
  const rows: [string, string][] = [
    ['Plan', `${d.plan.title} (${d.plan.id})`],
    ['Status', statusLine(d)],
  ];
  if (d.carriedFrom) rows.push(['Carried over', `from ${carryWords(d.carriedFrom)}`]);
  if (d.carriedTo.length) rows.push(['Carried over', `to ${d.carriedTo.map(carryWords).join(', ')}`]);
  const flags = d.row ? flagWords(d.row) : '';
  if (flags) rows.push(['Flags', flags]);
  rows.push(
    ['Priority areas', d.areas.map((a) => `${a.title} (${a.id})`).join('; ')],
    ['Lead', p.lead.join(', ') || 'none'],
    ['Partners', p.partners?.length ? p.partners.join(', ') : 'none'],
    ['Schedule', p.schedule ? scheduleWords(p.schedule) : 'none'],
  );
  if (p.illustrative) rows.push(['Illustrative', 'yes: some or all of its details are not from the public record (see its note)']);
  if (p.source) rows.push(['Source', p.source]);
  if (p.note) rows.push(['Note', p.note]);
  rows.push(['File', file]);
  return rows;
}
