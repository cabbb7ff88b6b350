import type { ProjectList } from '../../core/report.js';

export interface ListFormatOptions {
  /** ANSI color (table only) */
  color: boolean;
  /** plain ASCII borders instead of Unicode (table only) */
  ascii?: boolean;
  /** the terminal's width in columns; tables and text fit it when they can (table/text only) */
  width?: number;
}

export type ListFormatter = (list: ProjectList, options: ListFormatOptions) => string;
