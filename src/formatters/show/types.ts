import type { ProjectDetail } from '../../core/views.js';
import type { FormatOptions } from '../shared/options.js';

export interface ShowFormatOptions extends FormatOptions {
  /** the project file as the user should see it (relative to the working directory) */
  file: string;
}

export type ShowFormatter = (detail: ProjectDetail, options: ShowFormatOptions) => string;
