/**
 * Where each page and download lives in the site, and links between them.
 * Links are relative and name index.html explicitly, so the site works from
 * file:// as well as from any web server (GitHub Pages), at any base path.
 */
import { posix } from 'node:path';

export const paths = {
  home: 'index.html',
  css: 'assets/site.css',
  data: 'data/accsm.json',
  reportJson: 'data/report.json',
  reportCsv: 'data/report.csv',
  meetings: 'meetings/index.html',
  meetingsCsv: 'meetings/meetings.csv',
  countries: 'countries/index.html',
  countriesCsv: 'countries/countries.csv',
  country: (code: string) => `countries/${code}.html`,
  countryCsv: (code: string, role: 'lead' | 'partner') => `countries/${code}-${role}.csv`,
  plan: (id: string) => `plans/${id}/index.html`,
  /** the plan as of a meeting */
  planAt: (id: string, meeting: string) => `plans/${id}/as-of-${meeting}.html`,
  /** a download beside a plan page: `stem` is "" for the current page or "as-of-<meeting>-" */
  planFile: (id: string, stem: string, name: string) => `plans/${id}/${stem}${name}`,
  project: (plan: string, id: string) => `plans/${plan}/projects/${id}.html`,
};

/** The link from the page at `from` to the file at `to`, both site paths. */
export function href(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return rel.split('/').map(encodeURIComponent).join('/');
}
