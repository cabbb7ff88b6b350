import type { ProjectDetail } from '../../core/report.js';

export interface ShowFormatOptions {
  /** ANSI color (text only) */
  color: boolean;
  /** ASCII markers instead of Unicode (text only) */
  ascii?: boolean;
  /** the terminal's width in columns; tables and text fit it when they can (table/text only) */
  width?: number;
  /** the project file as the user should see it (relative to the working directory) */
  file: string;
}

export type ShowFormatter = (detail: ProjectDetail, options: ShowFormatOptions) => string;
