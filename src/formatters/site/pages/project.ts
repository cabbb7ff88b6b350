/** A project's page: its details and its status history as a timeline. */
import type { ProjectDetail } from '../../../core/views.js';
import type { Meeting } from '../../../core/types.js';
import { html } from '../html.js';
import { layout, type SiteOptions } from '../layout.js';
import { href, paths } from '../paths.js';
import { countryLinks } from '../pieces.js';
import { capital, dateWords, scheduleWords } from './words.js';
import { flagWords } from '../../shared/rows.js';

export function projectPage(d: ProjectDetail, meetings: readonly Meeting[], site: SiteOptions): { path: string; content: string } {
  const path = paths.project(d.plan.id, d.project.id);
  const p = d.project;
  const status = d.row ? html`<strong>${d.row.status}</strong> as of ${dateWords(d.asOf)} (since ${dateWords(d.row.statusSince)})${flagWords(d.row) ? html`; ${flagWords(d.row)}` : ''}` : html`not yet in the plan on ${dateWords(d.asOf)}`;
  const meetingLink = (id: string | undefined) => {
    if (id === undefined) return html``;
    const m = meetings.find((x) => x.id === id);
    return html`; noted at <a href="${href(path, paths.meetings)}#${id}">${m?.name ?? id}</a>`;
  };
  const body = html`<p class="crumbs"><a href="${href(path, paths.home)}">Plans</a> › <a href="${href(path, paths.plan(d.plan.id))}">${d.plan.title}</a> › ${p.id}</p>
<h1><span class="id">${p.id}</span> ${p.title}</h1>
<dl class="fields">
<dt>Status</dt><dd>${status}</dd>
<dt>Plan</dt><dd><a href="${href(path, paths.plan(d.plan.id))}">${d.plan.title}</a></dd>
<dt>Priority areas</dt><dd>${d.areas.map((a, i) => html`${i ? '; ' : ''}${a.title}`)}</dd>
<dt>Lead</dt><dd>${countryLinks(path, p.lead)}</dd>
<dt>Partners</dt><dd>${countryLinks(path, p.partners ?? [])}</dd>
<dt>Schedule</dt><dd>${scheduleWords(p.schedule) || 'none given'}</dd>
${p.illustrative ? html`<dt>Illustrative</dt><dd>Yes: some or all of its details are not from the public record (see the note).</dd>` : ''}
${p.note ? html`<dt>Note</dt><dd>${p.note}</dd>` : ''}
${p.source ? html`<dt>Source</dt><dd>${p.source}</dd>` : ''}
</dl>
<section aria-labelledby="history">
<h2 id="history">Status history</h2>
<ol class="timeline">
${d.history.map((e) => html`<li class="${e.inForce ? 'in-force' : e.later ? 'later' : ''}"><time datetime="${e.date}">${dateWords(e.date)}</time> <span class="status">${capital(e.status)}</span>${meetingLink(e.meeting)}${e.inForce ? html` <span class="tag">in force</span>` : ''}${e.note ? html`<br><span class="entry-note">${e.note}</span>` : ''}${e.source ? html`<br><span class="entry-source">Source: ${e.source}</span>` : ''}</li>\n`)}</ol>
</section>`;
  return { path, content: layout(site, { path, title: `${p.id} ${p.title}`, section: 'plans', body }) };
}
