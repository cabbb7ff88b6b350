/** accsm project set: change a project's title, lead, partners, priority areas or schedule, in place. */
import type { LoadedRoot } from '../load.js';
import { displayPath } from '../validate.js';
import type { FileChange } from './commit.js';
import { findProject, readForEdit } from './find.js';
import { parseSchedule } from './project.js';
import { setTopLevel, type SetValue } from './set.js';

/** The top-level keys of a project file, in the order accsm writes them. */
export const PROJECT_KEYS = ['id', 'title', 'priority_areas', 'lead', 'partners', 'schedule', 'carried_from', 'status', 'note', 'source', 'illustrative'] as const;

export interface ProjectSetArgs {
  project: string;
  plan?: string;
  title?: string;
  areas?: string[];
  lead?: string[];
  /** [] removes the partners */
  partners?: string[];
  /** START..END; '' removes the schedule */
  schedule?: string;
}

/** A year stays a number (`start: 2026`), a month is a text (`2026-03`), as people write them. */
function scheduleValue(text: string): Record<string, string | number> {
  const { start, end } = parseSchedule(text);
  const value = (v: string) => (/^\d{4}$/.test(v) ? Number(v) : v);
  return { start: value(start), end: value(end) };
}

export function planProjectSet(loaded: LoadedRoot, args: ProjectSetArgs, cwd: string): { change: FileChange; done: string } {
  const file = findProject(loaded, args.project, args.plan);
  const name = displayPath(file.path, cwd);
  const before = readForEdit(file, cwd);
  const sets: [string, SetValue | undefined][] = [];
  if (args.title !== undefined) sets.push(['title', args.title]);
  if (args.areas !== undefined) sets.push(['priority_areas', args.areas]);
  if (args.lead !== undefined) sets.push(['lead', args.lead]);
  if (args.partners !== undefined) sets.push(['partners', args.partners.length ? args.partners : undefined]);
  if (args.schedule !== undefined) sets.push(['schedule', args.schedule.trim() === '' ? undefined : scheduleValue(args.schedule)]);
  let after = before;
  for (const [key, value] of sets) after = setTopLevel(after, key, value, { keyOrder: PROJECT_KEYS, fileName: name });
  const what = sets.map(([k, v]) => (v === undefined ? `removed ${k}` : k)).join(', ');
  return { change: { path: file.path, before, after }, done: after === before ? `${args.project} already had these values in ${name}` : `changed ${what} of ${args.project} in ${name}` };
}
