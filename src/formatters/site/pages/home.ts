/** The home page: every plan's headline and verdict, with the whole report as CSV. */
import type { SiteData } from '../../../core/site.js';
import { html } from '../html.js';
import { layout, type SiteOptions } from '../layout.js';
import { href, paths } from '../paths.js';
import { verdictBadge } from '../pieces.js';
import { dataTable } from '../table.js';
import { capital, dateWords, elapsedWords, headline } from './words.js';
import { figureCells, figureTitles, hasVerdict } from '../../over/rows.js';

export function homePage(data: SiteData, site: SiteOptions): string {
  const from = paths.home;
  const v = hasVerdict(data.report.plans.map((plan) => ({ label: '', asOf: plan.asOf, plan })));
  const cards = data.plans.map((sp) => {
    const p = sp.now;
    return html`<li class="card">
<h2><a href="${href(from, paths.plan(sp.plan.id))}">${sp.plan.title}</a></h2>
<p>${sp.plan.body}, ${sp.plan.period.start} to ${sp.plan.period.end}</p>
${p.total === 0 ? html`<p class="headline">No projects/activities recorded yet.</p>` : html`<p class="headline"><strong>${headline(p)}</strong></p>`}
<p>${verdictBadge(p)} ${capital(elapsedWords(p))}.</p>
</li>`;
  });
  const body = html`<h1>${site.title}</h1>
<p class="lede">Where each ACCSM work plan stands as of ${dateWords(data.asOf)}.</p>
<ul class="cards">
${cards}
</ul>
${dataTable({
  id: 'plans-table',
  caption: `Work plans as of ${dateWords(data.asOf)}`,
  columns: [{ title: 'Plan' }, ...figureTitles(v).map((title) => ({ title, numeric: title !== 'Verdict' }))],
  rows: data.plans.map((sp) => [html`<a href="${href(from, paths.plan(sp.plan.id))}">${sp.plan.title}</a>`, ...figureCells(sp.now, v)]),
  csv: { href: href(from, paths.reportCsv), label: 'Download the whole report (CSV: every plan, priority area and lead)' },
})}`;
  return layout(site, { path: from, title: 'Work plans', section: 'home', body });
}
