import type { Report } from '../../core/report.js';
import type { FormatOptions } from '../shared/options.js';

export type ReportFormatter = (report: Report, options: FormatOptions) => string;
