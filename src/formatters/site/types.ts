import type { SiteOptions } from './layout.js';

/** One file of the site: its path inside the site folder and its content. */
export interface SiteFile {
  path: string;
  content: string;
}

export type { SiteOptions };
