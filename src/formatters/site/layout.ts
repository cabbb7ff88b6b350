/** The frame of every page: head, skip link, header with the site's navigation, main, footer. No script, no request to another host. */
import { dateWords } from '../shared/words.js';
import { html, type Html } from './html.js';
import { href, paths } from './paths.js';

export interface SiteOptions {
  /** the site's name, in every page's title and header */
  title: string;
  /** the address the site is published at, for canonical links; links stay relative */
  baseUrl?: string;
  /** the date "today" stands for */
  asOf: string;
}

export interface PageInput {
  path: string;
  title: string;
  body: Html;
  /** which of the top navigation's items this page is under */
  section?: 'home' | 'meetings' | 'countries' | 'plans';
}

/** "Page · Site"; the page's title alone, cut at a word with "…" if need be, where that would be longer than a tab or a search result shows (70 characters). */
export function fullTitle(page: string, site: string, max = 70): string {
  const both = `${page} · ${site}`;
  if (both.length <= max) return both;
  if (page.length <= max) return page;
  const cut = page.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

export function layout(site: SiteOptions, page: PageInput): string {
  const to = (p: string) => href(page.path, p);
  const canonical = site.baseUrl ? `${site.baseUrl.replace(/\/+$/, '')}/${page.path}` : undefined;
  const nav = (label: string, target: string, section: PageInput['section']) =>
    html`<li><a href="${to(target)}"${page.section === section ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle(page.title, site.title)}</title>
${canonical ? html`<link rel="canonical" href="${canonical}">\n` : ''}<link rel="stylesheet" href="${to(paths.css)}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<p class="site-title"><a href="${to(paths.home)}">${site.title}</a></p>
<nav aria-label="Site">
<ul>
${nav('Plans', paths.home, 'home')}
${nav('Meetings', paths.meetings, 'meetings')}
${nav('Countries', paths.countries, 'countries')}
</ul>
</nav>
</header>
<main id="main">
${page.body}
</main>
<footer class="site">
<p>Figures as of ${dateWords(site.asOf)}, computed by accsm from the work plans' data (the same computation as <code>accsm report</code>). Download <a href="${to(paths.data)}">the whole data set (JSON)</a> or <a href="${to(paths.reportJson)}">the report (JSON)</a>.</p>
</footer>
</body>
</html>
`.value;
}
