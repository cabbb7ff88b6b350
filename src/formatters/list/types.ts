import type { ProjectList } from '../../core/report.js';

export interface ListFormatOptions {
  /** ANSI color (table only) */
  color: boolean;
  /** plain ASCII borders instead of Unicode (table only) */
  ascii?: boolean;
}

export type ListFormatter = (list: ProjectList, options: ListFormatOptions) => string;
