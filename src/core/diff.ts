/**
 * What changed between two versions of the data: plans, priority areas and
 * meetings added, removed or changed; projects added and removed; status
 * entries as transitions; other changed fields; and each plan's headline
 * before and after, as of one date. Pure: two DataSets in, a typed Diff out.
 */
import { relative, sep } from 'node:path';
import { figures } from './figures.js';
import { cmp } from './load.js';
import { entryAsOf } from './status-on-day.js';
import type { DataSet, Meeting, PlanRecord, PriorityArea, Project, ProjectRecord, Status, StatusEntry } from './types.js';
import { slashed } from './slashed.js';

/**
 * A project whose file is the same on both sides (the same text at the same
 * place, and no other file of its id on either side: see diff-load.ts), as
 * the headline reads it.
 */
export interface SameProject {
  id: string;
  status: readonly Pick<StatusEntry, 'date' | 'status'>[];
}

/**
 * What computeDiff compares: a DataSet, where a plan on both sides may hold
 * apart (`same`) the projects the same on both sides (on both): they count
 * in the headline and are not compared.
 */
export type DiffData = Omit<DataSet, 'plans'> & { plans: DiffPlan[] };
export type DiffPlan = PlanRecord & { same?: SameProject[] };

/** One side of the comparison, as the caller describes it. */
export interface DiffSide {
  /** e.g. "origin/main (1a2b3c4)" or "data" */
  label: string;
  /** validation errors and warnings found on this side (files that fail their schema are left out of the DataSet) */
  errors: number;
  warnings: number;
  /** anything the reader should know, e.g. that the data root does not exist in a revision */
  note?: string;
  /** data files on this side that could not be read or failed their schema, relative to the data root with "/" (plans/p/projects/P1.yaml) */
  unreadable?: string[];
}

export interface FieldChange {
  field: string;
  /** absent when the field was added */
  before?: unknown;
  /** absent when the field was removed */
  after?: unknown;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** A status entry of a project that was added, changed or removed, keyed by its date. */
export interface StatusChange {
  kind: ChangeKind;
  date: string;
  /** added: the status in force before the entry (null when it is the first); changed, removed: the entry's old status */
  from: Status | null;
  /** added, changed: the entry's status; removed: null */
  to: Status | null;
  /** the meeting that took note of the entry (head version; base version for a removed entry) */
  meeting?: string;
  /** changed: every field of the entry that changed, status included */
  fields?: FieldChange[];
}

/** A project added or removed: its latest status entry. */
export interface ProjectSummary {
  id: string;
  title: string;
  status: Status;
  since: string;
}

/** A project on one side whose file on the other side could not be read (errors): not removed, not added. */
export interface ProjectUnreadable extends ProjectSummary {
  /** the side where the file has errors */
  side: 'base' | 'head';
}

export interface ProjectChange {
  id: string;
  title: string;
  statusChanges: StatusChange[];
  /** changed fields other than id and status */
  fields: FieldChange[];
}

/** A priority area or a meeting added, removed or changed. */
export interface ItemChange {
  kind: ChangeKind;
  id: string;
  /** title of an area, name of a meeting (head version when there is one) */
  title: string;
  /** meetings: the date (head version when there is one) */
  date?: string;
  /** changed: what changed */
  fields: FieldChange[];
}

/** "12 of 31 completed or ongoing (39%)" as figures. */
export interface Headline {
  implemented: number;
  total: number;
  implementedPercent: number;
}

export interface PlanDiff {
  id: string;
  /** head title, or base title for a removed plan */
  title: string;
  /** unreadable: plan.yaml has errors on one side, so the plan is neither added nor removed */
  kind: ChangeKind | 'unchanged' | 'unreadable';
  /** changed plan fields other than id and priority_areas */
  fields: FieldChange[];
  areas: ItemChange[];
  projectsAdded: ProjectSummary[];
  projectsRemoved: ProjectSummary[];
  projectsChanged: ProjectChange[];
  /** projects whose file has errors on one side (shown as it is on the other) */
  projectsUnreadable: ProjectUnreadable[];
  /** figures as of `asOf`; null on a side that does not have the plan */
  headline: { before: Headline | null; after: Headline | null };
}

export interface Diff {
  /** YYYY-MM-DD: the date the headlines are computed as of */
  asOf: string;
  base: DiffSide;
  head: DiffSide;
  /** every plan on either side, by id; unchanged ones too (for their headline) */
  plans: PlanDiff[];
  meetings: ItemChange[];
  /** true when anything at all differs */
  changed: boolean;
}

export interface DiffOptions {
  asOf: string;
  base: DiffSide;
  head: DiffSide;
}

const PLAN_FIELDS = ['title', 'body', 'period', 'goal', 'enablers', 'note', 'source', 'illustrative'];
const AREA_FIELDS = ['title', 'description'];
const PROJECT_FIELDS = ['title', 'priority_areas', 'lead', 'partners', 'schedule', 'note', 'source', 'illustrative'];
const MEETING_FIELDS = ['name', 'date', 'end', 'body', 'host', 'note', 'source', 'illustrative'];
const ENTRY_FIELDS = ['status', 'meeting', 'note', 'source'];

/** JSON with sorted keys, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  // the same value, or two texts (JSON writes equal texts alike and unequal ones apart): no need to write them out
  if (a === b || (typeof a === 'string' && typeof b === 'string')) return a === b;
  return canonical(a) === canonical(b);
}

/** The fields that differ, known fields in `order` first, then any others by name; `skip` fields are ignored. */
export function fieldChanges(before: object, after: object, order: readonly string[], skip: readonly string[] = ['id']): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const extra = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !order.includes(k)).sort();
  const changes: FieldChange[] = [];
  for (const field of [...order, ...extra]) {
    if (skip.includes(field)) continue;
    const had = Object.hasOwn(b, field) && b[field] !== undefined;
    const has = Object.hasOwn(a, field) && a[field] !== undefined;
    if (!had && !has) continue;
    if (had && has && sameValue(b[field], a[field])) continue;
    changes.push({ field, ...(had ? { before: b[field] } : {}), ...(has ? { after: a[field] } : {}) });
  }
  return changes;
}

function byId<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(id(item))) map.set(id(item), item);
  return map;
}

function unionIds(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort(cmp);
}

/** Status entries matched by date: added ones as transitions from the status in force before them. */
export function statusChanges(before: readonly StatusEntry[], after: readonly StatusEntry[]): StatusChange[] {
  const old = byId(before, (e) => e.date);
  const now = byId(after, (e) => e.date);
  const changes: StatusChange[] = [];
  const sortedAfter = [...after].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  for (const date of unionIds(old.keys(), now.keys()).sort()) {
    const was = old.get(date);
    const is = now.get(date);
    if (was && is) {
      const fields = fieldChanges(was, is, ENTRY_FIELDS, ['date']);
      if (fields.length) changes.push({ kind: 'changed', date, from: was.status, to: is.status, ...(is.meeting ? { meeting: is.meeting } : {}), fields });
    } else if (is) {
      const previous = sortedAfter.filter((e) => e.date < date).pop();
      changes.push({ kind: 'added', date, from: previous?.status ?? null, to: is.status, ...(is.meeting ? { meeting: is.meeting } : {}) });
    } else if (was) {
      changes.push({ kind: 'removed', date, from: was.status, to: null, ...(was.meeting ? { meeting: was.meeting } : {}) });
    }
  }
  return changes;
}

function summary(project: Project): ProjectSummary {
  const last = project.status[project.status.length - 1]!;
  return { id: project.id, title: project.title, status: last.status, since: last.date };
}

function itemChanges<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  order: readonly string[],
  title: (item: T) => string,
  date?: (item: T) => string,
): ItemChange[] {
  const old = byId(before, (x) => x.id);
  const now = byId(after, (x) => x.id);
  const changes: ItemChange[] = [];
  for (const id of unionIds(old.keys(), now.keys())) {
    const was = old.get(id);
    const is = now.get(id);
    const shown = (is ?? was)!;
    const base = { id, title: title(shown), ...(date ? { date: date(shown) } : {}) };
    if (was && is) {
      const fields = fieldChanges(was, is, order);
      if (fields.length) changes.push({ kind: 'changed', ...base, fields });
    } else changes.push({ kind: is ? 'added' : 'removed', ...base, fields: [] });
  }
  return changes;
}

/** The plan's headline as the report counts it (planReport): the status of each project that has one as of the day, through figures(). */
function headlineOf(record: DiffPlan, asOf: string): Headline {
  const statuses: Status[] = [];
  for (const { project } of record.projects) {
    const entry = entryAsOf(project, asOf);
    if (entry) statuses.push(entry.status);
  }
  for (const project of record.same ?? []) {
    const entry = entryAsOf(project, asOf);
    if (entry) statuses.push(entry.status);
  }
  const { implemented, total, implementedPercent } = figures(statuses);
  return { implemented, total, implementedPercent };
}

/** The path of a file relative to its data root, with "/". */
function rel(root: string, file: string): string {
  // the usual case, a file inside the root, without path.relative (it costs more, for every project of both sides)
  if (file.startsWith(root + sep) && !file.includes(`${sep}..`)) return slashed(file.slice(root.length + 1));
  return slashed(relative(root, file));
}

interface Sides {
  base: DiffData;
  head: DiffData;
  /** relative paths of the files with errors on each side */
  baseUnreadable: ReadonlySet<string>;
  headUnreadable: ReadonlySet<string>;
}

function planDiff(id: string, sides: Sides, was: DiffPlan | undefined, is: DiffPlan | undefined, asOf: string): PlanDiff {
  const { base, head } = sides;
  const projectsUnreadable: ProjectUnreadable[] = [];
  // each project with its file (named relative to its root only for a project on one side, the one case that needs it)
  // projects held apart are the same on both sides: only a plan on both sides holds them
  if ((!was || !is) && (was ?? is)!.same?.length) throw new Error(`plan ${id} is on one side only and holds projects apart as the same on both sides`);
  const oldProjects = byId(was?.projects ?? [], (r) => r.project.id);
  const newProjects = byId(is?.projects ?? [], (r) => r.project.id);
  const projectsAdded: ProjectSummary[] = [];
  const projectsRemoved: ProjectSummary[] = [];
  const projectsChanged: ProjectChange[] = [];
  // a project's file by id (the last of that id, as before), made when a project on one side needs it
  let oldFiles: Map<string, string> | undefined;
  let newFiles: Map<string, string> | undefined;
  const filesOf = (records: readonly ProjectRecord[]) => new Map(records.map((r) => [r.project.id, r.file]));
  // one object on both sides is the same file (the same text, loaded once: see diff-load.ts), so it did not change;
  // the others, in id order as unionIds gives them (old ones first, then new ones, before a stable sort)
  const differ: string[] = [];
  for (const [pid, r] of oldProjects) if (newProjects.get(pid)?.project !== r.project) differ.push(pid);
  for (const pid of newProjects.keys()) if (!oldProjects.has(pid)) differ.push(pid);
  for (const pid of differ.sort(cmp)) {
    const p0 = oldProjects.get(pid)?.project;
    const p1 = newProjects.get(pid)?.project;
    if (p0 && p1) {
      const change = { id: pid, title: p1.title, statusChanges: statusChanges(p0.status, p1.status), fields: fieldChanges(p0, p1, PROJECT_FIELDS, ['id', 'status']) };
      if (change.statusChanges.length || change.fields.length) projectsChanged.push(change);
    } else if (p1) {
      // its file is in the base too, but could not be read there: not an addition
      if (sides.baseUnreadable.has(rel(head.root, (newFiles ??= filesOf(is!.projects)).get(pid)!))) projectsUnreadable.push({ ...summary(p1), side: 'base' });
      else projectsAdded.push(summary(p1));
    } else if (sides.headUnreadable.has(rel(base.root, (oldFiles ??= filesOf(was!.projects)).get(pid)!))) projectsUnreadable.push({ ...summary(p0!), side: 'head' });
    else projectsRemoved.push(summary(p0!));
  }
  const fields = was && is ? fieldChanges(was.plan, is.plan, PLAN_FIELDS, ['id', 'priority_areas']) : [];
  const areas = itemChanges<PriorityArea>(was?.plan.priority_areas ?? [], is?.plan.priority_areas ?? [], AREA_FIELDS, (a) => a.title);
  const touched = fields.length + areas.length + projectsAdded.length + projectsRemoved.length + projectsChanged.length + projectsUnreadable.length > 0;
  const planFile = `plans/${id}/plan.yaml`;
  const unreadable = (!was && sides.baseUnreadable.has(planFile)) || (!is && sides.headUnreadable.has(planFile));
  return {
    id,
    title: (is ?? was)!.plan.title,
    kind: unreadable ? 'unreadable' : !was ? 'added' : !is ? 'removed' : touched ? 'changed' : 'unchanged',
    fields,
    areas: was && is ? areas : [],
    projectsAdded,
    projectsRemoved,
    projectsChanged,
    projectsUnreadable,
    headline: { before: was ? headlineOf(was, asOf) : null, after: is ? headlineOf(is, asOf) : null },
  };
}

/** Compares two versions of the data. */
export function computeDiff(base: DiffData, head: DiffData, options: DiffOptions): Diff {
  const oldPlans = byId(base.plans, (p) => p.plan.id);
  const newPlans = byId(head.plans, (p) => p.plan.id);
  const sides: Sides = { base, head, baseUnreadable: new Set(options.base.unreadable ?? []), headUnreadable: new Set(options.head.unreadable ?? []) };
  const plans = unionIds(oldPlans.keys(), newPlans.keys()).map((id) => planDiff(id, sides, oldPlans.get(id), newPlans.get(id), options.asOf));
  const meetings = itemChanges<Meeting>(base.meetings, head.meetings, MEETING_FIELDS, (m) => m.name, (m) => m.date).sort(
    (a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0) || cmp(a.id, b.id),
  );
  return {
    asOf: options.asOf,
    base: { ...options.base },
    head: { ...options.head },
    plans,
    meetings,
    changed: meetings.length > 0 || plans.some((p) => p.kind !== 'unchanged'),
  };
}
