/** The diff formats, one file each, keyed by the names in formats.ts. */
import type { DiffFormatter } from './types.js';
import type { DiffFormat } from './formats.js';
import { text } from './text.js';
import { markdown } from './markdown.js';
import { json } from './json.js';

export const diffFormatters: Record<DiffFormat, DiffFormatter> = { text, markdown, json };

export { DIFF_FORMATS, type DiffFormat } from './formats.js';
export type { DiffFormatter, DiffFormatOptions } from './types.js';
