/**
 * A data table as the site shows it: a caption, column headers, a row header
 * per row, numbers aligned right, a scrolling frame on narrow screens (which
 * keyboard users can focus), and the link to the same figures as CSV.
 */
import { html, type Html } from './html.js';

export interface Column {
  title: string;
  numeric?: boolean;
}

export interface TableInput {
  /** unique on its page: the table's id and its caption's */
  id: string;
  caption: string;
  columns: Column[];
  /** the first cell of each row is its header */
  rows: (string | Html)[][];
  /** the CSV's link, relative to the page */
  csv?: { href: string; label?: string };
}

export function dataTable(t: TableInput): Html {
  const cell = (c: string | Html, i: number) => {
    const cls = t.columns[i]?.numeric ? html` class="num"` : '';
    return i === 0 ? html`<th scope="row"${cls}>${c}</th>` : html`<td${cls}>${c}</td>`;
  };
  return html`<section class="table" aria-labelledby="${t.id}-caption" tabindex="0">
<table id="${t.id}">
<caption id="${t.id}-caption">${t.caption}</caption>
<thead><tr>${t.columns.map((c) => html`<th scope="col"${c.numeric ? html` class="num"` : ''}>${c.title}</th>`)}</tr></thead>
<tbody>
${t.rows.map((r) => html`<tr>${r.map(cell)}</tr>\n`)}</tbody>
</table>
</section>
${t.csv ? html`<p class="download"><a href="${t.csv.href}" download>${t.csv.label ?? `Download this table (CSV)`}</a></p>` : ''}`;
}
