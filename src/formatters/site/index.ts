/**
 * The static site, as a list of files: pure, from the computed site data.
 * Pages: home, a page per plan (and per plan and meeting), per project, per
 * country, the meetings; beside them every table as CSV, the report as JSON
 * and CSV, and the whole data set as JSON.
 */
import type { SiteData } from '../../core/site.js';
import type { DataSet } from '../../core/types.js';
import { reportFormatters } from '../report/index.js';
import { dataJson } from './data.js';
import { homePage } from './pages/home.js';
import { planPages } from './pages/plan.js';
import { projectPage } from './pages/project.js';
import { countryPages } from './pages/countries.js';
import { meetingsPages } from './pages/meetings.js';
import { paths } from './paths.js';
import { STYLE } from './style.js';
import type { SiteFile, SiteOptions } from './types.js';

export function buildSite(data: DataSet, site: SiteData, options: SiteOptions): SiteFile[] {
  const files: SiteFile[] = [
    { path: paths.home, content: homePage(site, options) },
    { path: paths.css, content: STYLE },
    { path: paths.data, content: dataJson(data, site.asOf) },
    { path: paths.reportJson, content: reportFormatters.json(site.report, { color: false }) },
    { path: paths.reportCsv, content: reportFormatters.csv(site.report, { color: false }) },
  ];
  for (const sp of site.plans) {
    files.push(...planPages(sp, site.report, options));
    for (const d of sp.projects) files.push(projectPage(d, site.meetings, options));
  }
  files.push(...countryPages(site, options), ...meetingsPages(site, options));
  return files;
}

export type { SiteFile, SiteOptions } from './types.js';
