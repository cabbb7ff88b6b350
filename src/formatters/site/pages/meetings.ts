/** The meetings page: every meeting, with links to each plan of its body as of that meeting. */
import type { SiteData } from '../../../core/site.js';
import { csvDocument } from '../../shared/csv.js';
import { html } from '../html.js';
import { layout, type SiteOptions } from '../layout.js';
import { href, paths } from '../paths.js';
import { countryLinks } from '../pieces.js';
import { dateRange } from '../../paper/words.js';
import type { SiteFile } from '../types.js';

export const MEETINGS_CSV_HEADER = ['id', 'name', 'date', 'end', 'body', 'host', 'note', 'source', 'illustrative'] as const;

export function meetingsPages(data: SiteData, site: SiteOptions): SiteFile[] {
  const path = paths.meetings;
  const csv = csvDocument(MEETINGS_CSV_HEADER, data.meetings.map((m) => [m.id, m.name, m.date, m.end, m.body, m.host, m.note, m.source, m.illustrative === true]));
  const items = data.meetings.map((m) => {
    const plans = data.plans.filter((sp) => sp.overTime.points.some((pt) => pt.meeting?.id === m.id));
    return html`<li id="${m.id}">
<h2>${m.name}</h2>
<p><time datetime="${m.date}">${dateRange(m.date, m.end)}</time>${m.body ? html`, ${m.body}` : ''}${m.host ? html`, host ${countryLinks(path, [m.host])}` : ''}</p>
${m.note ? html`<p>${m.note}</p>` : ''}
${m.source ? html`<p class="entry-source">Source: ${m.source}</p>` : ''}
${plans.length ? html`<p>${plans.map((sp, i) => html`${i ? ' · ' : ''}<a href="${href(path, paths.planAt(sp.plan.id, m.id))}">${sp.plan.title} as of this meeting</a>`)}</p>` : ''}
</li>`;
  });
  const body = html`<h1>Meetings</h1>
<p class="lede">The meetings in the record, oldest first. <a href="${href(path, paths.meetingsCsv)}" download>Download the meetings (CSV)</a></p>
<ol class="meetings">
${items}
</ol>`;
  return [
    { path, content: layout(site, { path, title: 'Meetings', section: 'meetings', body }) },
    { path: paths.meetingsCsv, content: csv },
  ];
}
