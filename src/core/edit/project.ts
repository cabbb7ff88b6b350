/** accsm project add: a new project file in a plan, with its first status entry. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { LoadedRoot } from '../load.js';
import { displayPath } from '../validate.js';
import type { FileChange } from './commit.js';
import { findPlan } from './find.js';
import { schemaHeader } from './header.js';
import { nextFreeId, PROJECT_ID_RE } from './ids.js';
import { renderNewFile, usesIndentedLists } from './new-file.js';

export interface ProjectAddArgs {
  plan: string;
  /** the next free id in the plan's pattern when not given */
  id?: string;
  title: string;
  areas: string[];
  lead: string[];
  partners?: string[];
  /** START..END, each YYYY or YYYY-MM */
  schedule?: string;
  status: string;
  /** YYYY-MM-DD of the first status entry */
  date: string;
  /** the meeting that took note of the first status entry */
  meeting?: string;
  note?: string;
  source?: string;
}

/** `2024..2025` or `2024-03..2025-06` → {start, end}; the validator checks the values. */
export function parseSchedule(text: string): { start: string; end: string } {
  const m = /^\s*([^.\s]+)\s*\.\.\s*([^.\s]+)\s*$/.exec(text);
  if (!m) throw new UserError(`--schedule "${text}" is not START..END; write it as 2024..2025 or 2024-03..2025-06`);
  return { start: m[1]!, end: m[2]! };
}

export function planProjectAdd(loaded: LoadedRoot, args: ProjectAddArgs, cwd: string): { change: FileChange; done: string } {
  const plan = findPlan(loaded, args.plan);
  const siblings = loaded.files.filter((f) => f.kind === 'project' && f.planId === args.plan);
  // ids are unique across the whole data root, so that \`accsm show P01\` never needs --plan
  const everywhere = loaded.files.filter((f) => f.kind === 'project');
  const id = args.id ?? nextFreeId(everywhere.map((f) => f.expectedId!));
  if (!PROJECT_ID_RE.test(id)) {
    throw new UserError(`--id "${id}" is not a valid project id: use letters, digits, hyphens and underscores, starting with a letter or digit (for example P07)`);
  }
  const path = join(loaded.root, 'plans', args.plan, 'projects', `${id}.yaml`);
  const twin = everywhere.find((f) => f.expectedId!.toLowerCase() === id.toLowerCase());
  if (twin || existsSync(path)) {
    const where = twin && twin.planId !== args.plan ? `plan ${twin.planId}` : `plan ${args.plan}`;
    throw new UserError(`project ${id} already exists in ${where} (${displayPath(twin?.path ?? path, cwd)}); project ids are unique across the data root: choose another --id, or leave --id out for the next free one`);
  }
  const data: Record<string, unknown> = { id, title: args.title, priority_areas: args.areas, lead: args.lead };
  if (args.partners?.length) data.partners = args.partners;
  if (args.schedule !== undefined) data.schedule = parseSchedule(args.schedule);
  data.status = [{ date: args.date, status: args.status, ...(args.meeting !== undefined ? { meeting: args.meeting } : {}) }];
  if (args.note !== undefined) data.note = args.note;
  if (args.source !== undefined) data.source = args.source;
  const header = schemaHeader('project', path, loaded.root, loaded.files);
  const after = renderNewFile(data, { header, indentSeq: usesIndentedLists(siblings[0]?.text ?? plan.text) });
  return { change: { path, before: null, after }, done: `created ${displayPath(path, cwd)}` };
}
