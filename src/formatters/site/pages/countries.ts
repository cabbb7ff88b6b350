/**
 * The countries: an index of every code that leads or partners a project,
 * and a page per country with what it leads (the report's figures for that
 * lead) and what it partners, in every plan.
 */
import type { SiteData } from '../../../core/site.js';
import { csvDocument } from '../../shared/csv.js';
import { groupCells, groupColumnTitles } from '../../shared/groups.js';
import { html } from '../html.js';
import { layout, type SiteOptions } from '../layout.js';
import { href, paths } from '../paths.js';
import { projectTable } from '../pieces.js';
import { dataTable } from '../table.js';
import { countryName } from '../countries.js';
import type { SiteFile } from '../types.js';
import { dateWords } from './words.js';

export const COUNTRIES_CSV_HEADER = ['code', 'name', 'plan', 'leads', 'partners'] as const;

export function countryPages(data: SiteData, site: SiteOptions): SiteFile[] {
  const files: SiteFile[] = [];
  const planOf = (id: string) => data.plans.find((sp) => sp.plan.id === id)!;
  const roles = (code: string) => data.countries.find((c) => c.code === code)!.plans.map((x) => ({ ...x, sp: planOf(x.id) }));
  for (const { code, hosted } of data.countries) {
    const path = paths.country(code);
    const meetings = data.meetings.filter((m) => hosted.includes(m.id));
    const sections = roles(code)
      .filter((x) => x.led.length || x.partnered.length)
      .map(({ sp, led, partnered, figures }, i) => {
        const ledCsv = paths.countryCsv(code, 'lead').replace(/\.csv$/, `-${sp.plan.id}.csv`);
        const partnerCsv = paths.countryCsv(code, 'partner').replace(/\.csv$/, `-${sp.plan.id}.csv`);
        return html`<section aria-labelledby="plan-${i}">
<h2 id="plan-${i}"><a href="${href(path, paths.plan(sp.plan.id))}">${sp.plan.title}</a></h2>
${figures ? dataTable({ id: `lead-${i}`, caption: `Projects/activities ${code} leads, by status`, columns: [{ title: 'Lead' }, ...groupColumnTitles().map((title) => ({ title, numeric: true }))], rows: [[code, ...groupCells(figures)]] }) : ''}
${led.length ? projectTable(path, `led-${i}`, `Led by ${countryName(code)}`, sp.now, led, ledCsv, files) : html`<p>${countryName(code)} leads no project/activity in this plan.</p>`}
${partnered.length ? projectTable(path, `partnered-${i}`, `With ${countryName(code)} as a partner`, sp.now, partnered, partnerCsv, files) : html`<p>${countryName(code)} is a partner in no project/activity in this plan.</p>`}
</section>`;
      });
    const body = html`<p class="crumbs"><a href="${href(path, paths.countries)}">Countries</a> › ${countryName(code)}</p>
<h1>${countryName(code)} <span class="id">(${code})</span></h1>
<p class="lede">What ${countryName(code)} leads and partners, as of ${dateWords(data.asOf)}.</p>
${sections.length ? sections : html`<p>${countryName(code)} leads and partners no project/activity in the plans.</p>`}
${meetings.length ? html`<section aria-labelledby="hosted"><h2 id="hosted">Meetings hosted</h2><ul>${meetings.map((m) => html`<li><a href="${href(path, paths.meetings)}#${m.id}">${m.name}</a>, ${dateWords(m.date)}</li>`)}</ul></section>` : ''}`;
    files.push({ path, content: layout(site, { path, title: countryName(code), section: 'countries', body }) });
  }
  const rows = data.countries.flatMap(({ code }) => roles(code).map((x) => ({ code, plan: x.sp.plan.id, leads: x.led.length, partners: x.partnered.length })));
  files.push({ path: paths.countriesCsv, content: csvDocument(COUNTRIES_CSV_HEADER, rows.map((r) => [r.code, countryName(r.code), r.plan, r.leads, r.partners])) });
  const path = paths.countries;
  const body = html`<h1>Countries</h1>
<p class="lede">Every country (and the ASEAN Secretariat) that leads or partners a project/activity or hosted a meeting, as of ${dateWords(data.asOf)}.</p>
${dataTable({
  id: 'countries-table',
  caption: 'Projects/activities led and partnered, by plan',
  columns: [{ title: 'Country' }, { title: 'Plan' }, { title: 'Leads', numeric: true }, { title: 'Partners', numeric: true }],
  rows: rows.map((r) => [html`<a href="${href(path, paths.country(r.code))}">${countryName(r.code)}</a> (${r.code})`, planOf(r.plan).plan.title, String(r.leads), String(r.partners)]),
  csv: { href: href(path, paths.countriesCsv) },
})}`;
  files.push({ path, content: layout(site, { path, title: 'Countries', section: 'countries', body }) });
  return files;
}
