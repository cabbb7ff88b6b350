/**
 * The two sides of a diff, the second loaded beside the first: a file with the
 * same text at the same place is not parsed again (load's `sameAs`, or `reuse`
 * between two revisions), the cross-file rules check again only the files
 * whose findings can differ from the first side's, and a project the same on
 * both sides is one object, never read whole. What the diff says is what two
 * loads of their own say (test/core/diff-beside.test.ts).
 */
import { sep } from 'node:path';
import { UserError } from './errors.js';
import { assembleWith, loadFiles, projectOf, type LoadedFiles, type SourceFile } from './load.js';
import type { DiffData, SameProject } from './diff.js';
import type { RawDiagnostic } from './raw.js';
import { ruleData } from './rules.js';
import type { DataSource } from './source/types.js';
import type { Project, StatusEntry } from './types.js';
import { checkLoaded, type CheckOptions, type CheckResult, type FoundBefore } from './validate.js';

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
 * problems its text (to compare) and what the rules read (keep `texts`); the
 * second keeps only what the rules read, takes from the first each file with
 * the same text, and has the rules check again only what foundBeside says.
 */
export function checkSide(source: DataSource, options: CheckOptions, side: SideOptions = {}): CheckResult & { loaded: LoadedFiles } {
  const { first } = side;
  const loaded = loadFiles(source, { keep: side.whole ? 'all' : first ? 'facts' : 'texts', ...(first ? { sameAs: first.files } : {}), ...(side.reuse ? { reuse: side.reuse } : {}) });
  return checkLoaded(loaded, options, first && foundBeside(loaded, first));
}

/** A loaded root's files that were read, by path relative to the root, with "/". */
export function filesByPath(loaded: LoadedFiles): Map<string, SourceFile> {
  const prefix = loaded.root.endsWith(sep) ? loaded.root : loaded.root + sep;
  const files = new Map<string, SourceFile>();
  for (const f of loaded.files) {
    if (f.text === undefined || !f.path.startsWith(prefix)) continue;
    const rel = f.path.slice(prefix.length);
    files.set(sep === '/' ? rel : rel.split(sep).join('/'), f);
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

/**
 * What the rules found on the first side that holds for the second side's
 * files taken from it, and the files to check again (FoundBefore for
 * checkLoaded). A project file's findings come from its own data and place,
 * the meetings file, its plan's plan.yaml, and the other files that hold its
 * id or the id its carried_from names. A file taken from the first side is
 * checked again when any of those may differ: the meetings file or its
 * plan.yaml is not the same file on both sides, or its id or its carried_from
 * id is held by a project file that is not the same on both sides, or by two
 * files (the first side's id-duplicate findings name those: two files the
 * same on both sides that hold one id are two such files on the first side).
 */
export function foundBeside(second: LoadedFiles, first: CheckedSide): FoundBefore | undefined {
  const twins = second.twins;
  if (!twins) return undefined;
  /** ids held by a project file on one side only (added, removed or changed), or by two files */
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

/** One project the same on both sides: what the headline reads (from the rules' facts), and the whole project read when asked for. */
class Same implements SameProject {
  readonly same = true;
  #whole: Project | undefined;
  constructor(
    readonly id: string,
    readonly status: readonly Pick<StatusEntry, 'date' | 'status'>[],
    readonly file: SourceFile,
  ) {}

  whole(): Project {
    const project = (this.#whole ??= projectOf(this.file));
    if (!project) throw new UserError(`${this.file.path} changed while accsm was reading it and no longer holds a project; run accsm diff again`);
    return project;
  }
}

/**
 * The DataSets the diff compares: assembled as load assembles them, except
 * that a project file taken from the first side (same text, same place) is on
 * both sides one Same, made from what the rules read of it, not its data.
 */
export function diffData(first: LoadedFiles, second: LoadedFiles): { base: DiffData; head: DiffData } {
  const twins = second.twins ?? new Map<SourceFile, SourceFile>();
  /** by the first side's file */
  const same = new Map<SourceFile, Same>();
  for (const [f2, f1] of twins) {
    if (f1.kind !== 'project' || !f1.valid || !f2.valid) continue;
    const d = ruleData(f1);
    if (isRecord(d) && typeof d.id === 'string' && Array.isArray(d.status)) same.set(f1, new Same(d.id, d.status as StatusEntry[], f1));
  }
  const head = assembleWith(second.root, second.files, (f) => {
    const twin = twins.get(f);
    return (twin && same.get(twin)) ?? projectOf(f);
  });
  return { base: assembleWith(first.root, first.files, (f) => same.get(f) ?? projectOf(f)), head };
}
