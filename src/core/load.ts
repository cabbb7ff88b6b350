/**
 * Loading a data root from any DataSource: list its files, read and parse
 * each one, check it against its schema, and assemble the files that pass into
 * a DataSet. Problems are collected as raw diagnostics per file, never thrown.
 */
import { sep } from 'node:path';
import type { DataSet, Meeting, Plan, PlanRecord, Project } from './types.js';
import { diag, type RawDiagnostic } from './raw.js';
import { loadRead, type FilePlace, type SourceFile } from './load-file.js';
import { cmp } from './order.js';
import { classify, inLayoutOrder } from './source/layout.js';
import { diskSource, isDataRoot, type DiskOptions } from './source/disk.js';
import { memorySource, type MemoryFile } from './source/memory.js';
import type { DataSource } from './source/types.js';
import type { FileCache } from './cache.js';
import { factKeeper } from './rules.js';

export type { SourceFile };

export type LoadOptions = DiskOptions;

/** The files of a root as loaded, each with what reading, parsing and its schema found. */
export interface LoadedFiles {
  root: string;
  files: SourceFile[];
  /**
   * A file's text: the one it was loaded with, or read again when it was not
   * kept (a file without problems, loaded for its diagnostics only).
   */
  textOf?: (file: SourceFile) => string | undefined;
}

export interface LoadedRoot extends LoadedFiles {
  data: DataSet;
}

export { isDataRoot, type DataSource, type MemoryFile };

/**
 * Loads every file of a source, in layout order. A file in `reuse` (by
 * absolute path) is taken as it is instead of being read and parsed again: an
 * edit checks the root after its change with the files it loaded before, and
 * reads only the changed ones (the root's lock keeps the others as they were).
 * A file in `sameAs` (by path relative to the root, with "/"), loaded from
 * another version of the root, is read but not parsed or checked again when
 * its text is the same: `diff` loads its second side so (on one thread: the
 * text is compared where it is read).
 */
export interface LoadFrom {
  /** files already loaded, by absolute path, taken as they are */
  reuse?: ReadonlyMap<string, SourceFile>;
  /** the other side's files of a diff, by relative path: one with the same text is not parsed again */
  sameAs?: ReadonlyMap<string, SourceFile>;
  /** the --cache of per-file results */
  cache?: FileCache;
}

export function load(source: DataSource, from: LoadFrom = {}): LoadedRoot {
  const loaded = loadFiles(source, from, false);
  return { ...loaded, data: assemble(source.root, loaded.files) };
}

/**
 * Loads the files of a source for their diagnostics only (validate): a file
 * without problems keeps no text (it is read again if a cross-file rule finds
 * something in it) and, of its data, only what the rules read (ruleFacts). So
 * memory stays small however large the root, and no DataSet is made.
 */
export function loadForCheck(source: DataSource, from: LoadFrom = {}): LoadedFiles {
  return loadFiles(source, from, true);
}

function loadFiles(source: DataSource, from: LoadFrom, factsOnly: boolean): LoadedFiles {
  const { reuse, sameAs, cache } = from;
  const facts = factsOnly ? factKeeper() : undefined;
  const { paths, planFolders } = source.list();
  const listed = new Set(paths.map((p) => p.rel));
  const missing = planFolders.map((planId) => `plans/${planId}/plan.yaml`).filter((rel) => !listed.has(rel));
  const all = inLayoutOrder([...paths, ...missing.map((rel) => ({ rel, problem: undefined, missing: true }))]);
  const prefix = source.root.endsWith(sep) ? source.root : source.root + sep;
  const absolute = (rel: string) => prefix + (sep === '/' ? rel : rel.split('/').join(sep));
  const files: SourceFile[] = [];
  /** files to read and parse, by their index in `files` */
  const pending: { at: number; rel: string; place: FilePlace }[] = [];
  for (const p of all) {
    const path = absolute(p.rel);
    if (p.problem) files.push({ path, kind: 'other', valid: false, diagnostics: [p.problem] });
    else if ('missing' in p) {
      const planId = p.rel.split('/')[1]!;
      files.push({ path, kind: 'plan', expectedId: planId, planId, valid: false, diagnostics: [{ ...planMissing }] });
    } else {
      const place = classify(p.rel);
      if (place?.kind === 'stray') files.push({ path, kind: 'other', valid: false, diagnostics: [place.diagnostic] });
      else if (place) {
        const reused = reuse?.get(path);
        if (reused) files.push(reused);
        else {
          const where: FilePlace = { path, kind: place.kind };
          if ('planId' in place) [where.planId, where.expectedId] = [place.planId, place.expectedId];
          // a file the cache (--cache) knows as it is now is not read or parsed
          const known = cache?.known(p.rel, where, () => source.read(p.rel));
          if (known) files.push(facts ? facts(known) : known);
          else {
            pending.push({ at: files.length, rel: p.rel, place: where });
            files.push(undefined as unknown as SourceFile);
          }
        }
      }
    }
  }
  const local = (k: number) => {
    const read = source.read(pending[k]!.rel);
    // same place, same text: the same parse and schema verdict (a SourceFile's diagnostics hold no file name)
    const twin = sameAs?.get(pending[k]!.rel);
    if (twin !== undefined && read.ok && twin.text === read.text && twin.kind === pending[k]!.place.kind) return { ...twin, path: pending[k]!.place.path };
    return loadRead(pending[k]!.place, read);
  };
  for (let k = 0; k < pending.length; k++) {
    const file = local(k);
    cache?.record(pending[k]!.rel, file);
    files[pending[k]!.at] = facts ? facts(file) : file;
  }
  cache?.seal();
  const relOf = (path: string) => (sep === '/' ? path.slice(prefix.length) : path.slice(prefix.length).split(sep).join('/'));
  const textOf = (file: SourceFile): string | undefined => {
    if (file.text !== undefined || !file.path.startsWith(prefix)) return file.text;
    const read = source.read(relOf(file.path));
    return read.ok ? read.text : undefined;
  };
  return factsOnly ? { root: source.root, files, textOf } : { root: source.root, files };
}

const planMissing = diag('plan-missing', 'this plan folder has no plan.yaml; add one (see docs/data-format.md) or remove the folder');

/** Loads a data root on disk (see diskSource for what it throws). */
export function loadRoot(rootDir: string, options: LoadOptions = {}): LoadedRoot {
  return load(diskSource(rootDir, options));
}

/**
 * Loads a data root from files held in memory (nothing is read from disk),
 * with the same layout rules, size limit and encoding checks as loadRoot.
 * `rootDir` only names the files (absolute paths in the result).
 */
export function loadRootFromFiles(rootDir: string, entries: readonly MemoryFile[]): LoadedRoot {
  return load(memorySource(rootDir, entries));
}

/** Builds the DataSet from the files that passed their schema. */
export function assemble(root: string, files: readonly SourceFile[]): DataSet {
  const data: DataSet = { root, meetings: [], plans: [] };
  const plans = new Map<string, PlanRecord>();
  for (const f of files) {
    if (f.kind === 'meetings' && f.valid) {
      data.meetings = f.data as Meeting[];
      data.meetingsFile = f.path;
    }
    if (f.kind === 'plan' && f.valid) plans.set(f.planId!, { plan: f.data as Plan, file: f.path, projects: [] });
  }
  for (const f of files) {
    if (f.kind === 'project' && f.valid) plans.get(f.planId!)?.projects.push({ project: normalizeProject(f.data as Project), file: f.path });
  }
  data.plans = [...plans.values()].sort((a, b) => cmp(a.plan.id, b.plan.id));
  for (const p of data.plans) p.projects.sort((a, b) => cmp(a.project.id, b.project.id));
  return data;
}

/** A schedule year written as a number (`start: 2023`) becomes the text "2023", the form the rest of accsm uses. */
function normalizeProject(project: Project): Project {
  const schedule = project.schedule as { start: string | number; end: string | number } | undefined;
  if (!schedule || (typeof schedule.start === 'string' && typeof schedule.end === 'string')) return project;
  return { ...project, schedule: { start: String(schedule.start), end: String(schedule.end) } };
}

/** Id order: numbers inside ids compare as numbers (P2 before P10); see order.ts. */
export { cmp };
