import type { ProjectDetail } from '../../core/report.js';

export interface ShowFormatOptions {
  /** ANSI color (text only) */
  color: boolean;
  /** ASCII markers instead of Unicode (text only) */
  ascii?: boolean;
  /** the project file as the user should see it (relative to the working directory) */
  file: string;
}

export type ShowFormatter = (detail: ProjectDetail, options: ShowFormatOptions) => string;
