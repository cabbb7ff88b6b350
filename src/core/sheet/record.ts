/**
 * The checked updates of a status round as file changes: one new status
 * entry at the end of each project's status list, inserted as text so that
 * comments and layout stay (the edit path of `status set`).
 */
import type { LoadedRoot } from '../load.js';
import { appendToList } from '../edit/append.js';
import type { FileChange } from '../edit/commit.js';
import { readForEdit } from '../edit/find.js';
import { STATUS_KEYS } from '../edit/status.js';
import { displayPath } from '../validate.js';
import type { StatusUpdate } from './check.js';

export function planRoundChanges(loaded: LoadedRoot, updates: readonly StatusUpdate[], cwd: string): FileChange[] {
  const changes = new Map<string, FileChange>();
  for (const u of updates) {
    const file = loaded.files.find((f) => f.path === u.file)!;
    const change = changes.get(u.file) ?? { path: u.file, before: readForEdit(file, cwd), after: '' };
    const text = change.after || change.before!;
    const entry: Record<string, string> = { date: u.entry.date, status: u.entry.status };
    if (u.entry.meeting !== undefined) entry.meeting = u.entry.meeting;
    if (u.entry.note !== undefined) entry.note = u.entry.note;
    change.after = appendToList(text, ['status'], entry, { keyOrder: STATUS_KEYS, fileName: displayPath(u.file, cwd) });
    changes.set(u.file, change);
  }
  return [...changes.values()];
}
