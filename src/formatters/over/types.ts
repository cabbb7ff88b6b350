import type { OverTime } from '../../core/over-time.js';
import type { ReportFormatOptions } from '../report/types.js';

export type OverFormatOptions = ReportFormatOptions;
export type OverFormatter = (over: OverTime, options: OverFormatOptions) => string;
