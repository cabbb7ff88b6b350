/** Where the files of a data root come from: disk, disk with an overlay, or a git revision. */
import type { RawDiagnostic } from '../raw.js';
import type { ReadResult } from '../read.js';

/** A path a source found, relative to the data root with forward slashes. */
export interface ListedPath {
  rel: string;
  /** a problem found while listing (a link leaving the root, a link in a git revision): the path is reported, never read */
  problem?: RawDiagnostic;
}

export interface Listing {
  paths: ListedPath[];
  /** the plan folders under plans/, by name (one without plan.yaml is reported as plan-missing) */
  planFolders: string[];
  /** the paths are in the layout's order already (inLayoutOrder would leave them as they are), so the load need not sort them */
  ordered?: boolean;
}

export interface DataSource {
  /** absolute path of the data root; it names the files in results */
  readonly root: string;
  list(): Listing;
  read(rel: string): ReadResult;
}
