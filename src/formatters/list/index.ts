/** The list formats, one file each; the record's keys are TABULAR_FORMATS (checked by `satisfies`). */
import type { TabularFormat } from '../shared/formats.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { ListFormatter } from './types.js';

export const listFormatters = { table, markdown, json, csv } satisfies Record<TabularFormat, ListFormatter>;
export type { ListFormatter } from './types.js';
export type { FormatOptions } from '../shared/options.js';
