/** accsm status set: one new status entry at the end of a project's status list. */
import type { LoadedRoot } from '../load.js';
import { displayPath } from '../validate.js';
import { UserError } from '../errors.js';
import type { StatusEntry } from '../types.js';
import { appendToList } from './append.js';
import { replaceLastInList } from './replace.js';
import type { FileChange } from './commit.js';
import { findProject, readForEdit } from './find.js';

export const STATUS_KEYS = ['date', 'status', 'meeting', 'note', 'source'] as const;

export interface StatusSetArgs {
  project: string;
  /** restricts the search to one plan */
  plan?: string;
  status: string;
  /** YYYY-MM-DD; with amend, default: the date of the entry replaced */
  date?: string;
  meeting?: string;
  note?: string;
  source?: string;
  /** replace the latest entry (a same-day correction) instead of adding one; meeting, note and source not given are kept from it */
  amend?: boolean;
}

export function planStatusSet(loaded: LoadedRoot, args: StatusSetArgs, cwd: string): { change: FileChange; done: string } {
  const file = findProject(loaded, args.project, args.plan);
  const name = displayPath(file.path, cwd);
  const before = readForEdit(file, cwd);
  const options = { keyOrder: STATUS_KEYS, fileName: name };
  if (args.amend) {
    const entries = (file.data as { status?: StatusEntry[] } | undefined)?.status;
    const latest = Array.isArray(entries) ? entries[entries.length - 1] : undefined;
    if (!latest) throw new UserError(`cannot amend ${args.project}: ${name} has no status entry to replace; record one without --amend`, 1);
    const entry = clean({
      date: args.date ?? latest.date,
      status: args.status,
      meeting: args.meeting ?? latest.meeting,
      note: args.note ?? latest.note,
      source: args.source ?? latest.source,
    });
    const after = replaceLastInList(before, ['status'], entry, options);
    return {
      change: { path: file.path, before, after },
      done: `replaced the latest entry of ${args.project} (${latest.status} on ${latest.date}) with ${args.status} on ${entry.date} in ${name}`,
    };
  }
  if (args.date === undefined) throw new UserError('status set needs a date');
  const entry = clean({ date: args.date, status: args.status, meeting: args.meeting, note: args.note, source: args.source });
  const after = appendToList(before, ['status'], entry, options);
  return { change: { path: file.path, before, after }, done: `recorded ${args.project} ${args.status} on ${args.date} in ${name}` };
}

function clean(entry: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
