import type { Report } from '../../core/report.js';

export interface ReportFormatOptions {
  /** ANSI color (table only) */
  color: boolean;
  /** plain ASCII borders and bars instead of Unicode (table only) */
  ascii?: boolean;
  /** the terminal's width in columns; tables and text fit it when they can (table/text only) */
  width?: number;
}

export type ReportFormatter = (report: Report, options: ReportFormatOptions) => string;
