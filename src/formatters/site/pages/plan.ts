/**
 * A plan's page as of one day: the site's date (plans/ID/index.html) or one
 * meeting of its body (plans/ID/as-of-MEETING.html). Status, by priority area,
 * by lead country, overdue and late, every project, and, on the current page,
 * the progress at each meeting as a chart and the same figures in a table.
 * Every figure is the plan report's; every table has its CSV beside the page.
 */
import type { OverPoint } from '../../../core/over-time.js';
import type { PlanReport, Report } from '../../../core/report.js';
import type { SitePlan } from '../../../core/site.js';
import { overFormatters } from '../../over/index.js';
import { overChart } from '../../over/svg.js';
import { figureCells, figureTitles, hasVerdict, pointName } from '../../over/rows.js';
import { reportFormatters } from '../../report/index.js';
import { groupCells, groupColumnTitles, statusRows } from '../../shared/groups.js';
import {
  capital, dateWords, elapsedWords, headline, illustrativeWords, lastUpdatedWords, projectionWords,
} from './words.js';
import { html, trusted, type Html } from '../html.js';
import { layout, type SiteOptions } from '../layout.js';
import { href, paths } from '../paths.js';
import { countryLinks, planReportOf, projectTable, verdictBadge } from '../pieces.js';
import { dataTable } from '../table.js';
import type { SiteFile } from '../types.js';
import { countryName } from '../countries.js';

interface View {
  path: string;
  /** "" on the current page, "as-of-MEETING-" on a meeting's */
  stem: string;
  report: Report;
  plan: PlanReport;
  meeting?: OverPoint['meeting'];
}

function selector(sp: SitePlan, view: View, site: SiteOptions): Html {
  const id = sp.plan.id;
  const item = (label: string, target: string, current: boolean) =>
    html`<li><a href="${href(view.path, target)}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="as-of" aria-label="Show the plan as of">
<h2 class="as-of-title">Show the plan as of</h2>
<ul>
${item(`Today (${dateWords(site.asOf)})`, paths.plan(id), view.meeting === undefined)}
${sp.overTime.points.map((pt) => item(`${pointName(pt)} (${dateWords(pt.asOf)})`, paths.planAt(id, pt.meeting!.id), view.meeting?.id === pt.meeting!.id))}
</ul>
</nav>`;
}

function overSection(sp: SitePlan, view: View, files: SiteFile[]): Html {
  const over = { over: 'meetings' as const, asOf: view.plan.asOf, filters: {}, plans: [sp.overTime] };
  const pts = sp.overTime.points;
  if (pts.length === 0) return html`<section aria-labelledby="over"><h2 id="over">Progress at each meeting</h2><p>No meeting of the ${sp.plan.body} has been held in the plan period yet.</p></section>`;
  if (pts.every((pt) => pt.plan.total === 0)) {
    return html`<section aria-labelledby="over"><h2 id="over">Progress at each meeting</h2><p>No project/activity was recorded at any of the ${sp.plan.body} meetings in the plan period (${pts.map((pt, i) => html`${i ? ', ' : ''}<a href="${href(view.path, paths.planAt(sp.plan.id, pt.meeting!.id))}">${pointName(pt)}</a>`)}).</p></section>`;
  }
  const csvPath = paths.planFile(sp.plan.id, '', 'progress.csv');
  const svgPath = paths.planFile(sp.plan.id, '', 'progress.svg');
  files.push({ path: csvPath, content: overFormatters.csv(over, { color: false }) });
  files.push({ path: svgPath, content: overChart(over, sp.overTime) });
  const v = hasVerdict(pts);
  const titles = figureTitles(v);
  return html`<section aria-labelledby="over">
<h2 id="over">Progress at each meeting</h2>
<p>Completed, and completed or ongoing, at each meeting of the ${sp.plan.body} in the plan period, against the on-schedule line (the share implemented equal to the share of the period elapsed). The table below the chart gives the same figures.</p>
<figure class="chart">
${trusted(overChart(over, sp.overTime, { idPrefix: 'over-chart', inline: true }))}
<figcaption>Progress of the ${sp.plan.title} at each meeting. <a href="${href(view.path, svgPath)}" download>Download the chart (SVG)</a></figcaption>
</figure>
${dataTable({
  id: 'over-table',
  caption: 'Figures at each meeting',
  columns: [{ title: 'Meeting' }, { title: 'As of' }, ...titles.map((title) => ({ title, numeric: title !== 'Verdict' }))],
  rows: pts.map((pt) => [html`<a href="${href(view.path, paths.planAt(sp.plan.id, pt.meeting!.id))}">${pointName(pt)}</a>`, dateWords(pt.asOf), ...figureCells(pt.plan, v)]),
  csv: { href: href(view.path, csvPath) },
})}
</section>`;
}

function planBody(sp: SitePlan, view: View, site: SiteOptions, files: SiteFile[]): Html {
  const p = view.plan;
  const id = sp.plan.id;
  const file = (name: string) => paths.planFile(id, view.stem, name);
  const reportCsv = file('report.csv');
  files.push({ path: reportCsv, content: reportFormatters.csv(planReportOf(view.report, p), { color: false }) });
  const csv = { href: href(view.path, reportCsv), label: 'Download the status, priority area and lead tables (CSV)' };
  const when = view.meeting ? html`as of ${dateWords(p.asOf)}, the last day of the <a href="${href(view.path, paths.meetings)}#${view.meeting.id}">${view.meeting.name}</a>` : html`as of ${dateWords(p.asOf)}`;
  const head = html`<p class="crumbs"><a href="${href(view.path, paths.home)}">Plans</a> › ${sp.plan.title}</p>
<h1>${sp.plan.title}</h1>
<p class="lede">${sp.plan.body} work plan, ${sp.plan.period.start} to ${sp.plan.period.end}; figures ${when}.</p>
${selector(sp, view, site)}`;
  if (p.total === 0) {
    return html`${head}<p class="headline">No projects/activities recorded yet ${when}.</p>${view.meeting ? '' : overSection(sp, view, files)}`;
  }
  const groupCols = groupColumnTitles().map((title) => ({ title, numeric: true }));
  const note = illustrativeWords(p);
  return html`${head}
<section aria-labelledby="status">
<h2 id="status">Status</h2>
<p class="headline"><strong id="headline">${headline(p)}</strong> ${verdictBadge(p)}</p>
<ul class="timing">
<li>${capital(elapsedWords(p))}.</li>
<li>${capital(lastUpdatedWords(p))}.</li>
<li>${capital(projectionWords(p))}.</li>
</ul>
${dataTable({
  id: 'status-table',
  caption: `Projects/activities by status, ${dateWords(p.asOf)}`,
  columns: [{ title: 'Status' }, { title: 'Projects', numeric: true }, { title: 'Share', numeric: true }],
  rows: [...statusRows(p).map((r) => [capital(r.status), String(r.count), `${r.percent}%`]), ['Total', String(p.total), '']],
  csv,
})}
</section>
${view.meeting ? '' : overSection(sp, view, files)}
<section aria-labelledby="areas">
<h2 id="areas">By priority area</h2>
${dataTable({ id: 'area-table', caption: 'Projects/activities by priority area and status', columns: [{ title: 'Priority area' }, ...groupCols], rows: p.byPriorityArea.map((a) => [a.title, ...groupCells(a)]), csv })}
</section>
<section aria-labelledby="leads">
<h2 id="leads">By lead country</h2>
<p>A project with two leads counts for each.</p>
${dataTable({
  id: 'lead-table',
  caption: 'Projects/activities by lead and status',
  columns: [{ title: 'Lead' }, ...groupCols],
  rows: p.byLead.map((l) => [html`${countryLinks(view.path, [l.code])} <span class="name">${countryName(l.code)}</span>`, ...groupCells(l)]),
  csv,
})}
</section>
<section aria-labelledby="late">
<h2 id="late">Overdue and late</h2>
${p.overdue.length ? projectTable(view.path, 'overdue-table', 'Overdue: schedule ended, not completed', p, p.projects.filter((r) => r.overdue), file('overdue.csv'), files) : html`<p>No project is overdue (schedule ended, not completed).</p>`}
${p.lateStart.length ? projectTable(view.path, 'late-table', 'Late to start: schedule start passed, still planned', p, p.projects.filter((r) => r.lateStart), file('late.csv'), files) : html`<p>No project is late to start (schedule start passed, still planned).</p>`}
</section>
<section aria-labelledby="projects">
<h2 id="projects">Every project/activity</h2>
${projectTable(view.path, 'projects-table', `Projects/activities, ${dateWords(p.asOf)}`, p, p.projects, file('projects.csv'), files)}
${note ? html`<p class="note">* ${capital(note)}.</p>` : ''}
</section>`;
}

/** The plan's current page and one page per meeting, with their downloads. */
export function planPages(sp: SitePlan, report: Report, site: SiteOptions): SiteFile[] {
  const files: SiteFile[] = [];
  const views: View[] = [
    { path: paths.plan(sp.plan.id), stem: '', report, plan: sp.now },
    ...sp.overTime.points.map((pt): View => ({
      path: paths.planAt(sp.plan.id, pt.meeting!.id),
      stem: `as-of-${pt.meeting!.id}-`,
      report: { asOf: pt.asOf, meeting: pt.meeting!, filters: {}, plans: [pt.plan] },
      plan: pt.plan,
      meeting: pt.meeting!,
    })),
  ];
  for (const view of views) {
    const title = view.meeting ? `${sp.plan.title} as of ${dateWords(view.plan.asOf)}` : sp.plan.title;
    files.push({ path: view.path, content: layout(site, { path: view.path, title, section: 'plans', body: planBody(sp, view, site, files) }) });
  }
  return files;
}
