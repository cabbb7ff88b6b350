/** Where the files of a data root come from: disk, disk with an overlay, or a git revision. */
import type { RawDiagnostic } from '../raw.js';
import type { ReadResult } from '../read.js';

/** A path a source found, relative to the data root with forward slashes. */
export interface ListedPath {
  rel: string;
  /** a problem found while listing (a link leaving the root, a link in a git revision): the path is reported, never read */
  problem?: RawDiagnostic;
  /** the listing saw a regular file (not a link) in folders whose links it checked: reading it needs no link check of its own (it means this only to the source that listed it) */
  regular?: boolean;
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
  /** a file's text; `listed` is the path as this source's listing gave it, when the caller has it (it may spare a check) */
  read(rel: string, listed?: ListedPath): ReadResult;
}
