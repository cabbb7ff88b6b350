/** The diff for scripts: the Diff object itself (see src/core/diff.ts for its fields). */
import type { DiffFormatter } from './types.js';

export const json: DiffFormatter = (diff) => `${JSON.stringify(diff, null, 2)}\n`;
