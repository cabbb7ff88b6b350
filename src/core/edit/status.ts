/** accsm status set: one new status entry at the end of a project's status list. */
import type { LoadedRoot } from '../load.js';
import { displayPath } from '../validate.js';
import { appendToList } from './append.js';
import type { FileChange } from './commit.js';
import { findProject, readForEdit } from './find.js';

export const STATUS_KEYS = ['date', 'status', 'meeting', 'note', 'source'] as const;

export interface StatusSetArgs {
  project: string;
  /** restricts the search to one plan */
  plan?: string;
  status: string;
  /** YYYY-MM-DD */
  date: string;
  meeting?: string;
  note?: string;
  source?: string;
}

export function planStatusSet(loaded: LoadedRoot, args: StatusSetArgs, cwd: string): { change: FileChange; done: string } {
  const file = findProject(loaded, args.project, args.plan);
  const name = displayPath(file.path, cwd);
  const before = readForEdit(file, cwd);
  const entry = { date: args.date, status: args.status, meeting: args.meeting, note: args.note, source: args.source };
  for (const k of Object.keys(entry) as (keyof typeof entry)[]) if (entry[k] === undefined) delete entry[k];
  const after = appendToList(before, ['status'], entry as Record<string, string>, { keyOrder: STATUS_KEYS, fileName: name });
  return { change: { path: file.path, before, after }, done: `recorded ${args.project} ${args.status} on ${args.date} in ${name}` };
}
