/**
 * The two sides of a diff, the second loaded beside the first: a file with the
 * same text at the same place is not parsed again (load's `sameAs`, or `reuse`
 * between two revisions), the cross-file rules check again only the files
 * whose findings can differ from the first side's, and a project the same on
 * both sides is one object, never read whole. What the diff says is what two
 * loads of their own say (test/core/diff-beside.test.ts).
 */
import { sep } from 'node:path';
import { assemble, assembleWith, loadFiles, projectOf, type LoadedFiles, type SourceFile } from './load.js';
import type { DiffData, SameProject } from './diff.js';
import type { RawDiagnostic } from './raw.js';
import { ruleData } from './rules.js';
import type { DataSource } from './source/types.js';
import type { DataSet, PlanRecord } from './types.js';
import { checkLoaded, type CheckOptions, type CheckResult, type FoundBefore } from './validate.js';
import { slashed } from './slashed.js';

/** The side loaded first, as loaded and checked. */
export interface CheckedSide {
  loaded: LoadedFiles;
  /** what the cross-file rules found (CheckResult.findings) */
  findings: ReadonlyMap<SourceFile, RawDiagnostic[]>;
  /** its files that were read, by path relative to the root with "/" (filesByPath): the second side takes those with the same text */
  files: ReadonlyMap<string, SourceFile>;
}

export interface SideOptions {
  /** the side loaded first; without it, this is the first side */
  first?: CheckedSide;
  /** keep every file whole: a revision, where reading a blob again asks git again */
  whole?: boolean;
  /** files already loaded by absolute path, taken as they are (a revision's blobs that are the first side's: see revisionSide) */
  reuse?: ReadonlyMap<string, SourceFile>;
}

/**
 * Loads and checks one side. The first keeps of each project file without
 * problems its text (to compare) and what the rules read (keep `texts`: the
 * data of a file the diff compares is its text parsed again). The second
 * takes from the first each file with the same text (what the rules read of
 * it), keeps the data of the others (keep `data`), and has the rules check
 * again only what foundBeside says.
 */
export function checkSide(source: DataSource, options: CheckOptions, side: SideOptions = {}): CheckResult & { loaded: LoadedFiles } {
  const { first } = side;
  const loaded = loadFiles(source, { keep: side.whole ? 'all' : first ? 'data' : 'texts', ...(first ? { sameAs: first.files } : {}), ...(side.reuse ? { reuse: side.reuse } : {}) });
  return checkLoaded(loaded, options, first && foundBeside(loaded, first));
}

/** A loaded root's files that were read, by path relative to the root, with "/". */
export function filesByPath(loaded: LoadedFiles): Map<string, SourceFile> {
  const prefix = loaded.root.endsWith(sep) ? loaded.root : loaded.root + sep;
  const files = new Map<string, SourceFile>();
  for (const f of loaded.files) {
    if (f.text === undefined || !f.path.startsWith(prefix)) continue;
    const rel = f.path.slice(prefix.length);
    files.set(slashed(rel), f);
  }
  return files;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What a project file's findings depend on besides its own text and place: its id and the id its carried_from names. */
function idsOf(f: SourceFile): { id: string | undefined; from: string | undefined } {
  const d = ruleData(f);
  if (!isRecord(d)) return { id: undefined, from: undefined };
  const from = isRecord(d.carried_from) && typeof d.carried_from.id === 'string' ? d.carried_from.id : undefined;
  return { id: typeof d.id === 'string' ? d.id : undefined, from };
}

/** The plan.yaml of a plan, or the meetings file: what a project file's findings depend on besides the other projects. */
const contextKey = (f: SourceFile): string | undefined => (f.kind === 'plan' ? `plan:${f.planId}` : f.kind === 'meetings' ? 'meetings' : undefined);

function add(context: Map<string, SourceFile[]>, key: string, f: SourceFile): void {
  const list = context.get(key);
  if (list) list.push(f);
  else context.set(key, [f]);
}

/** How the second side's files pair with the first side's. */
interface Pairing {
  /** the second side's files taken from the first, with the first side's file */
  twins: ReadonlyMap<SourceFile, SourceFile>;
  /** ids held by a project file on one side only (added, removed or changed), or by two files on either side */
  unsure: ReadonlySet<string>;
  /** each side's plan and meetings files (contextKey) */
  before: ReadonlyMap<string, SourceFile[]>;
  after: ReadonlyMap<string, SourceFile[]>;
}

/** foundBeside and diffData ask about the same second side: its pairing is made once */
const pairings = new WeakMap<LoadedFiles, Pairing>();

/**
 * The second side's files paired with the first side's. Two files the same on
 * both sides that hold one id are two such files on the first side too, where
 * the rules found it (id-duplicate): its findings name those ids.
 */
function pairingOf(second: LoadedFiles, first: CheckedSide): Pairing | undefined {
  const twins = second.twins;
  if (!twins) return undefined;
  const known = pairings.get(second);
  if (known) return known;
  const unsure = new Set<string>();
  const hold = (f: SourceFile) => {
    const { id } = idsOf(f);
    if (id !== undefined) unsure.add(id);
  };
  const before = new Map<string, SourceFile[]>();
  const after = new Map<string, SourceFile[]>();
  const taken = new Set<SourceFile>();
  for (const f of second.files) {
    if (f.kind === 'project') {
      const twin = twins.get(f);
      if (twin) taken.add(twin);
      else hold(f);
    } else {
      const key = contextKey(f);
      if (key !== undefined) add(after, key, f);
    }
  }
  for (const f of first.loaded.files) {
    if (f.kind === 'project') {
      if (!taken.has(f)) hold(f);
    } else {
      const key = contextKey(f);
      if (key !== undefined) add(before, key, f);
    }
  }
  for (const [f, found] of first.findings) if (f.kind === 'project' && found.some((d) => d.code === 'id-duplicate')) hold(f);
  const pairing = { twins, unsure, before, after };
  pairings.set(second, pairing);
  return pairing;
}

/**
 * What the rules found on the first side that holds for the second side's
 * files taken from it, and the files to check again (FoundBefore for
 * checkLoaded). A project file's findings come from its own data and place,
 * the meetings file, its plan's plan.yaml, and the other files that hold its
 * id or the id its carried_from names. A file taken from the first side is
 * checked again when any of those may differ: the meetings file or its
 * plan.yaml is not the same file on both sides, or its id or its carried_from
 * id is unsure (pairingOf).
 */
export function foundBeside(second: LoadedFiles, first: CheckedSide): FoundBefore | undefined {
  const pairing = pairingOf(second, first);
  if (!pairing) return undefined;
  const { twins, unsure, before, after } = pairing;
  const sameContext = (key: string) => {
    const a = before.get(key) ?? [];
    const b = after.get(key) ?? [];
    return a.length === b.length && b.every((f, i) => twins.get(f) === a[i]);
  };
  if (!sameContext('meetings')) return undefined;
  const plans = new Map<string | undefined, boolean>();
  const planSame = (planId: string | undefined) => plans.get(planId) ?? plans.set(planId, sameContext(`plan:${planId}`)).get(planId)!;
  const changed = new Set<SourceFile>();
  const findings = new Map<SourceFile, RawDiagnostic[]>();
  for (const f of second.files) {
    if (f.kind !== 'project') continue;
    const twin = twins.get(f);
    if (twin === undefined || !planSame(f.planId)) {
      changed.add(f);
      continue;
    }
    if (unsure.size > 0) {
      const { id, from } = idsOf(f);
      if ((id !== undefined && unsure.has(id)) || (from !== undefined && unsure.has(from))) {
        changed.add(f);
        continue;
      }
    }
    const found = first.findings.get(twin);
    if (found?.length) findings.set(f, found);
  }
  return { findings, changed };
}

/**
 * The DataSets the diff compares, assembled as load assembles them, except
 * that in a plan on both sides a project file taken from the first side
 * (same text, same place) whose id is held by no other file on either side is
 * held apart on both as what the rules read of it (its facts: its id and
 * status entries are what the headline counts), never read whole and never
 * compared.
 */
export function diffData(first: CheckedSide, second: LoadedFiles): { base: DiffData; head: DiffData } {
  const pairing = pairingOf(second, first);
  if (!pairing) return { base: assemble(first.loaded.root, first.loaded.files), head: assemble(second.root, second.files) };
  const { twins, unsure } = pairing;
  const plansOf = (files: readonly SourceFile[]) => new Set(files.filter((f) => f.kind === 'plan' && f.valid).map((f) => f.planId));
  const before = plansOf(first.loaded.files);
  const both = new Set([...plansOf(second.files)].filter((id) => before.has(id)));
  /** what is held apart of a first side's file taken by the second, the same on both sides */
  const apartOf = (f: SourceFile): SameProject | undefined => {
    if (!f.valid || !both.has(f.planId)) return undefined;
    const d = ruleData(f);
    return isRecord(d) && typeof d.id === 'string' && !unsure.has(d.id) && Array.isArray(d.status) ? (d as unknown as SameProject) : undefined;
  };
  const lists = new Map<PlanRecord, SameProject[]>();
  /** the last plan's list: a plan's files come one after another */
  let last: { record: PlanRecord; list: SameProject[] } | undefined;
  const putApart = (record: PlanRecord, project: SameProject) => {
    if (last?.record !== record) {
      const list = lists.get(record) ?? [];
      lists.set(record, list);
      last = { record, list };
    }
    last.list.push(project);
  };
  const whole = (f: SourceFile, record: PlanRecord) => {
    const project = projectOf(f);
    if (project !== undefined) record.projects.push({ project, file: f.path });
  };
  const head = assembleWith(second.root, second.files, (f, record) => {
    const twin = twins.get(f);
    const project = twin && apartOf(twin);
    if (project) putApart(record, project);
    else whole(f, record);
  });
  last = undefined;
  const base = assembleWith(first.loaded.root, first.loaded.files, (f, record) => {
    // a file the second side did not take holds an unsure id (pairingOf): it is not held apart
    const project = apartOf(f);
    if (project) putApart(record, project);
    else whole(f, record);
  });
  const withApart = (data: DataSet): DiffData => ({ ...data, plans: data.plans.map((p) => (lists.has(p) ? { ...p, same: lists.get(p)! } : p)) });
  return { base: withApart(base), head: withApart(head) };
}
