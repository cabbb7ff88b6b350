/**
 * accsm plan carry-over: the unfinished projects of one plan (neither
 * completed nor cancelled as of a date) become new projects of the next plan.
 * Each new project gets a new id free across the whole data root, the old
 * title, leads and partners, its priority areas (same ids, or mapped), a
 * `carried_from: {plan, id}` link, and a first status entry with the status it
 * had on the carry-over date. The old plan is not touched.
 */
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { LoadedRoot } from '../load.js';
import { entryAsOf, statusAsOf } from '../status-on-day.js';
import type { Project } from '../types.js';
import { displayPath } from '../validate.js';
import type { FileChange } from './commit.js';
import { findPlan } from './find.js';
import { schemaHeader } from './header.js';
import { nextFreeId } from './ids.js';
import { renderNewFile, usesIndentedLists } from './new-file.js';

export interface CarryOverArgs {
  from: string;
  to: string;
  /** YYYY-MM-DD: the statuses carried are those in force on this day, and the new entries are dated with it */
  asOf: string;
  /** only these project ids of the old plan (default: every unfinished one) */
  only?: string[];
  /** `old=new` priority area ids */
  mapArea?: string[];
  meeting?: string;
}

export interface CarryOverPlan {
  changes: FileChange[];
  /** old id → new id, in the old plan's order */
  carried: { from: string; to: string }[];
  /** old ids left behind because they were completed or cancelled, or not yet in the plan */
  finished: string[];
  done: string;
}

const DONE = new Set(['completed', 'cancelled']);

function parseMap(entries: readonly string[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const text of entries ?? []) {
    const m = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(text);
    if (!m) throw new UserError(`--map-area "${text}" is not OLD=NEW; write the old plan's area id, "=", and the new plan's, for example --map-area resource-centres=institutions`);
    map.set(m[1]!, m[2]!);
  }
  return map;
}

export function planCarryOver(loaded: LoadedRoot, args: CarryOverArgs, cwd: string): CarryOverPlan {
  if (args.from === args.to) throw new UserError(`--from and --to are both ${args.from}; carry projects over into another plan`);
  findPlan(loaded, args.from);
  const toFile = findPlan(loaded, args.to);
  const from = loaded.data.plans.find((p) => p.plan.id === args.from);
  const to = loaded.data.plans.find((p) => p.plan.id === args.to);
  if (!from) throw new UserError(`plan ${args.from} has errors, so its projects cannot be carried over; run accsm validate and fix them first`, 1);
  if (!to) throw new UserError(`plan ${args.to} has errors, so nothing can be carried into it; run accsm validate and fix them first`, 1);
  const areaIds = to.plan.priority_areas.map((a) => a.id);
  const firstDay = `${to.plan.period.start}-01-01`;
  const map = parseMap(args.mapArea);
  for (const [old, now] of map) {
    if (!from.plan.priority_areas.some((a) => a.id === old)) throw new UserError(`--map-area ${old}=${now}: ${args.from} has no priority area "${old}"; its areas are ${from.plan.priority_areas.map((a) => a.id).join(', ')}`);
    if (!areaIds.includes(now)) throw new UserError(`--map-area ${old}=${now}: ${args.to} has no priority area "${now}"; its areas are ${areaIds.join(', ')}`);
  }

  const known = new Set(from.projects.map((r) => r.project.id));
  for (const id of args.only ?? []) {
    if (!known.has(id)) throw new UserError(`--only ${id}: there is no project ${id} in ${args.from}`);
  }
  const wanted = (p: Project) => args.only === undefined || args.only.length === 0 || args.only.includes(p.id);

  // projects already carried over (a second run must not carry them twice)
  const already = new Map<string, string>();
  for (const r of to.projects) {
    const link = r.project.carried_from;
    if (link?.plan === args.from) already.set(link.id, r.project.id);
  }

  const taken = loaded.files.filter((f) => f.kind === 'project').map((f) => f.expectedId!);
  const siblings = loaded.files.filter((f) => f.kind === 'project' && f.planId === args.to);
  const sampleText = siblings[0]?.text ?? from.projects.map((r) => loaded.files.find((f) => f.path === r.file)?.text).find((t) => t !== undefined);
  const indentSeq = usesIndentedLists(sampleText);
  const changes: FileChange[] = [];
  const carried: { from: string; to: string }[] = [];
  const finished: string[] = [];
  const unmapped = new Map<string, string[]>();

  for (const { project } of from.projects) {
    if (!wanted(project)) continue;
    const status = statusAsOf(project, args.asOf);
    if (status === undefined || DONE.has(status)) {
      finished.push(project.id);
      continue;
    }
    const done = already.get(project.id);
    if (done !== undefined) throw new UserError(`${project.id} of ${args.from} was carried over already, as ${done} of ${args.to}; leave it out with --only, or remove ${done} first`);
    const areas = project.priority_areas.map((a) => map.get(a) ?? a);
    const missing = areas.filter((a) => !areaIds.includes(a));
    for (const a of missing) unmapped.set(a, [...(unmapped.get(a) ?? []), project.id]);
    const id = nextFreeId(taken);
    taken.push(id);
    const path = join(loaded.root, 'plans', args.to, 'projects', `${id}.yaml`);
    // a carry-over dated before the new plan begins (the old plan's last day, say) enters the new plan on its first day
    const entered = args.asOf < firstDay ? firstDay : args.asOf;
    const entry: Record<string, string> = { date: entered, status };
    if (args.meeting !== undefined && entered === args.asOf) entry.meeting = args.meeting;
    const last = entryAsOf(project, args.asOf)!;
    entry.note = `Carried over from ${project.id} of the ${from.plan.title}, where its last recorded status was ${status} on ${last.date}.`;
    const data: Record<string, unknown> = { id, title: project.title, priority_areas: [...new Set(areas)], lead: project.lead };
    if (project.partners?.length) data.partners = project.partners;
    data.carried_from = { plan: args.from, id: project.id };
    data.status = [entry];
    if (project.illustrative) data.illustrative = true;
    const header = schemaHeader('project', path, loaded.root, loaded.files);
    changes.push({ path, before: null, after: renderNewFile(data, { header, indentSeq }) });
    carried.push({ from: project.id, to: id });
  }

  if (unmapped.size > 0) {
    const lines = [...unmapped].map(([a, ids]) => `"${a}" (${ids.join(', ')})`).join('; ');
    throw new UserError(`${args.to} has no priority area ${lines}; map each with --map-area OLD=NEW, choosing from ${areaIds.join(', ')}. Nothing was written`);
  }
  const where = displayPath(join(toFile.path, '..', 'projects'), cwd);
  const done = carried.length
    ? `carried over ${carried.length} project${carried.length === 1 ? '' : 's'} from ${args.from} into ${args.to} (${where}): ${carried.map((c) => `${c.from} → ${c.to}`).join(', ')}`
    : `nothing to carry over: every selected project of ${args.from} was completed, cancelled or not yet in the plan on ${args.asOf}`;
  return { changes, carried, finished, done };
}
