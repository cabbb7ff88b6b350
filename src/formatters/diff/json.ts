/** The diff for scripts: the Diff object itself (see src/core/diff.ts for its fields). */
import type { DiffFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

export const json: DiffFormatter = (diff) => `${inertJson(diff, 2)}\n`;
