/** The progress-over-time formats, one file each; the record's keys are TABULAR_FORMATS. */
import type { TabularFormat } from '../shared/formats.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { OverFormatter } from './types.js';

export const overFormatters = { table, markdown, json, csv } satisfies Record<TabularFormat, OverFormatter>;
export type { OverFormatter } from './types.js';
export { overChart } from './svg.js';
