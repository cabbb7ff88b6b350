/** Small pieces several pages share: project links, status words, the verdict, project tables. */
import type { PlanReport, ProjectRow, Report } from '../../core/report.js';
import type { ProjectList } from '../../core/views.js';
import { listFormatters } from '../list/index.js';
import { flagWords } from '../shared/rows.js';
import { capital, dateWords, scheduleWords } from '../shared/words.js';
import { verdictOf, verdictWords } from '../over/rows.js';
import { html, type Html } from './html.js';
import { href, paths } from './paths.js';
import { dataTable } from './table.js';
import { countryName } from './countries.js';
import type { SiteFile } from './types.js';

export function countryLinks(from: string, codes: readonly string[]): Html {
  if (codes.length === 0) return html`none`;
  return html`${codes.map((c, i) => html`${i ? ', ' : ''}<a href="${href(from, paths.country(c))}"><abbr title="${countryName(c)}">${c}</abbr></a>`)}`;
}

/** The verdict as a short badge, when the report gives one. */
export function verdictBadge(p: PlanReport): Html {
  const v = verdictOf(p);
  return v === undefined ? html`` : html`<strong class="verdict verdict-${v}">${capital(verdictWords(v))}</strong>`;
}

/** The list formatter's input for some rows of one plan. */
export function listOf(p: Pick<PlanReport, 'id' | 'title' | 'asOf'>, rows: readonly ProjectRow[]): ProjectList {
  return { asOf: p.asOf, filters: {}, plans: [{ id: p.id, title: p.title, asOf: p.asOf, projects: [...rows] }] };
}

export const projectsCsv = (list: ProjectList) => listFormatters.csv(list, { color: false });

/** A table of projects with links to their pages, and its CSV (the list's CSV format) as a file beside the page. */
export function projectTable(from: string, id: string, caption: string, plan: Pick<PlanReport, 'id' | 'title' | 'asOf'>, rows: readonly ProjectRow[], csvPath: string, files: SiteFile[]): Html {
  files.push({ path: csvPath, content: projectsCsv(listOf(plan, rows)) });
  return dataTable({
    id,
    caption,
    columns: [{ title: 'ID' }, { title: 'Title' }, { title: 'Status' }, { title: 'Since' }, { title: 'Lead' }, { title: 'Schedule' }, { title: 'Flags' }],
    rows: rows.map((r) => [
      html`<a href="${href(from, paths.project(plan.id, r.id))}">${r.id}</a>${r.illustrative ? html`<span class="mark" title="illustrative">*</span>` : ''}`,
      r.title,
      r.status,
      dateWords(r.since),
      countryLinks(from, r.lead),
      scheduleWords(r.schedule) || '—',
      flagWords(r),
    ]),
    csv: { href: href(from, csvPath) },
  });
}

/** A report of one plan, for the report's CSV formatter. */
export function planReportOf(report: Pick<Report, 'asOf' | 'meeting'>, p: PlanReport): Report {
  return { asOf: p.asOf, ...(report.meeting ? { meeting: report.meeting } : {}), filters: {}, plans: [p] };
}
