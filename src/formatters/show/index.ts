/** The show formats, one file each; the record's keys are SHOW_FORMATS (checked by `satisfies`). */
import type { ShowFormat } from '../shared/formats.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { ShowFormatter } from './types.js';

export const showFormatters = { text, markdown, json } satisfies Record<ShowFormat, ShowFormatter>;
export type { ShowFormatter, ShowFormatOptions } from './types.js';
