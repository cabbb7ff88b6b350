import type { Report } from '../../core/report.js';

export interface ReportFormatOptions {
  /** ANSI color (table only) */
  color: boolean;
  /** plain ASCII borders and bars instead of Unicode (table only) */
  ascii?: boolean;
}

export type ReportFormatter = (report: Report, options: ReportFormatOptions) => string;
