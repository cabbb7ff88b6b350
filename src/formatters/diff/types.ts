import type { Diff } from '../../core/diff.js';

export interface DiffFormatOptions {
  color: boolean;
}

export type DiffFormatter = (diff: Diff, options: DiffFormatOptions) => string;
