import type { OverTime } from '../../core/over-time.js';
import type { FormatOptions } from '../shared/options.js';

export type OverFormatter = (over: OverTime, options: FormatOptions) => string;
