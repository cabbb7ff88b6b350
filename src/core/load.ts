/**
 * Loading a data root from any DataSource: list its files, read and parse
 * each one, check it against its schema, and assemble the files that pass into
 * a DataSet. Problems are collected as raw diagnostics per file, never thrown.
 */
import { sep } from 'node:path';
import type { DataSet, Meeting, Plan, PlanRecord, Project } from './types.js';
import { diag, type RawDiagnostic } from './raw.js';
import { loadRead, type FilePlace, type SourceFile } from './load-file.js';
import { parseYaml } from './parse.js';
import { cmp } from './order.js';
import { classify, inLayoutOrder } from './source/layout.js';
import { diskSource, isDataRoot, type DiskOptions } from './source/disk.js';
import { memorySource, type MemoryFile } from './source/memory.js';
import type { DataSource, ListedPath } from './source/types.js';
import type { FileCache } from './cache.js';
import { projectFacts, yearOrText } from './rules.js';
import { own, stringKeeper } from './strings.js';
import { slashed } from './slashed.js';

export type { SourceFile };

export type LoadOptions = DiskOptions;

/** The files of a root as loaded, each with what reading, parsing and its schema found. */
export interface LoadedFiles {
  root: string;
  files: SourceFile[];
  /** with `sameAs`: each file taken from the other version (same text, or in `reuse`), with the file it was taken from there */
  twins?: ReadonlyMap<SourceFile, SourceFile>;
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
  /** what to keep of a project file without problems (see Keep); default all of it */
  keep?: Keep;
}

/**
 * What a load keeps of a project file without problems; what it does not keep
 * is read again if something asks for it (a rule's finding to place, the file
 * an edit changes). A file with problems is always kept whole.
 * - `all`: its text and data;
 * - `data`: its data, not its text (show, site, sheet out);
 * - `figures`: its data without the notes and sources (its own and its status
 *   entries'), every string a copy of its own so that the file's text can go
 *   (report, list, paper);
 * - `facts`: only what the cross-file rules read (projectFacts), so memory
 *   stays small however large the root (validate, the edits). The DataSet is
 *   then assembled only when first asked for, which reads every project again:
 *   a command that needs all the data keeps more.
 * - `texts`: the facts and the text: diff compares each file's text with the
 *   other version's, and reads the data again only of the files that differ.
 */
export type Keep = 'all' | 'data' | 'figures' | 'facts' | 'texts';

export function load(source: DataSource, from: LoadFrom = {}): LoadedRoot {
  const keep = from.keep ?? 'all';
  const loaded = loadFiles(source, from);
  return keep === 'facts' || keep === 'texts' ? withData(loaded) : { ...loaded, data: assemble(source.root, loaded.files) };
}

/** Files with their DataSet, assembled when first asked for. */
export function withData(loaded: LoadedFiles): LoadedRoot {
  let data: DataSet | undefined;
  return {
    root: loaded.root,
    files: loaded.files,
    get data() {
      return (data ??= assemble(loaded.root, loaded.files));
    },
  };
}

/** The files of a source as load reads them, without the DataSet (diff assembles its own: see diff-load.ts). */
export function loadFiles(source: DataSource, from: LoadFrom = {}): LoadedFiles {
  const { reuse, sameAs, cache } = from;
  const keep = from.keep ?? 'all';
  const origin = originOf(source);
  const slim = keep === 'all' ? undefined : slimmer(origin, keep);
  const twins = sameAs ? new Map<SourceFile, SourceFile>() : undefined;
  const { paths, planFolders, ordered } = source.list();
  const plansListed = new Set<string>();
  for (const p of paths) if (p.rel.endsWith('/plan.yaml')) plansListed.add(p.rel);
  const missing = planFolders.map((planId) => `plans/${planId}/plan.yaml`).filter((rel) => !plansListed.has(rel));
  const all = missing.length ? inLayoutOrder([...paths, ...missing.map((rel) => ({ rel, problem: undefined, missing: true }))]) : ordered ? paths : inLayoutOrder(paths);
  const prefix = source.root.endsWith(sep) ? source.root : source.root + sep;
  const absolute = (rel: string) => prefix + (sep === '/' ? rel : rel.split('/').join(sep));
  /** each plan folder's name once, for all its files (a root of 100,000 files has a few hundred) */
  const planNames = new Map<string, string>();
  const planName = (id: string) => planNames.get(id) ?? (planNames.set(id, id), id);
  const files: SourceFile[] = [];
  // one file at a time, read, parsed and checked where it is met: what is not kept of it is gone before the next
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
        if (reused) {
          files.push(reused);
          twins?.set(reused, reused);
          continue;
        }
        const where: FilePlace = { path, kind: place.kind };
        if ('planId' in place) [where.planId, where.expectedId] = [planName(place.planId), place.expectedId];
        // a file the cache (--cache) knows as it is now is not read or parsed
        const known = cache?.known(p, where, source);
        if (known) {
          files.push(slim ? slim(known) : known);
          continue;
        }
        const read = source.read(p.rel, p);
        // same place, same text: the same parse and schema verdict (a SourceFile's diagnostics hold no file name)
        const twin = sameAs?.get(p.rel);
        if (twin !== undefined && read.ok && twin.kind === where.kind && twin.text === read.text) {
          const file = twin instanceof OnDemandFile ? twin.at(path, origin, p) : { ...twin, path };
          const kept = slim ? slim(file) : file;
          twins!.set(kept, twin);
          cache?.record(p.rel, kept);
          files.push(kept);
          continue;
        }
        const file = loadRead(where, read);
        cache?.record(p.rel, file);
        files.push(slim ? slim(file, p) : file);
      }
    }
  }
  cache?.seal();
  return twins ? { root: source.root, files, twins } : { root: source.root, files };
}

/** No problems: the one empty list the files loaded on demand share (frozen, so nothing can add to it). */
const NONE = Object.freeze([]) as unknown as RawDiagnostic[];

/** Where a file loaded on demand is read again from. */
interface Origin {
  source: DataSource;
  /** the length of the root's path with its separator: a file's relative path follows */
  prefix: number;
}

const originOf = (source: DataSource): Origin => ({ source, prefix: (source.root.endsWith(sep) ? source.root : source.root + sep).length });

/**
 * What a file loaded on demand holds instead of its data: its facts (and its
 * text, with keep `texts`), or its data; or its figures, which are both (they
 * hold what the rules read, in the shape projectFacts gives it).
 */
type Kept = { facts: unknown; text?: string } | { data: unknown } | { figures: unknown };

/**
 * A project file without problems, loaded on demand: it holds the facts the
 * rules read, or its data, and reads and parses its file again (once) when
 * what it does not hold (its text, its data) is asked for. The lock an edit
 * holds keeps the file as it was; if it changed in between, the text and data
 * are those of the file as it is now.
 */
class OnDemandFile implements SourceFile {
  readonly path: string;
  readonly expectedId: string | undefined;
  readonly planId: string | undefined;
  readonly facts: unknown;
  readonly #data: unknown;
  readonly #text: string | undefined;
  readonly #origin: Origin;
  /** its path as the listing gave it (reading it again then needs no link check of its own) */
  readonly #listed: ListedPath | undefined;
  #whole: SourceFile | undefined;
  #parsed: { data: unknown } | undefined;

  constructor(file: Pick<SourceFile, 'path' | 'expectedId' | 'planId'>, kept: Kept, origin: Origin, listed?: ListedPath) {
    this.path = file.path;
    this.expectedId = file.expectedId;
    this.planId = file.planId;
    // plain assignments: a destructured pair would make an array for each of 100,000 files
    if ('facts' in kept) {
      this.facts = kept.facts;
      this.#text = kept.text;
    } else if ('figures' in kept) {
      this.facts = kept.figures;
      this.#data = kept.figures;
    } else this.#data = kept.data;
    this.#origin = origin;
    this.#listed = listed;
  }

  /** The same file (the same text) at the same place in another version of the root: diff's second side. */
  at(path: string, origin: Origin, listed?: ListedPath): OnDemandFile {
    const kept: Kept = this.#data === undefined ? { facts: this.facts, text: this.#text } : this.facts === this.#data ? { figures: this.#data } : { data: this.#data };
    return new OnDemandFile({ path, expectedId: this.expectedId, planId: this.planId }, kept, origin, listed);
  }

  // what every such file is, from the prototype: 100,000 files need not hold it each
  get kind(): 'project' {
    return 'project';
  }

  get valid(): boolean {
    return true;
  }

  get diagnostics(): RawDiagnostic[] {
    return NONE;
  }

  get text(): string | undefined {
    return this.#text !== undefined ? this.#text : this.#load().text;
  }

  get data(): unknown {
    if (this.#data !== undefined) return this.#data;
    // its text kept (keep texts, diff's first side): the data of that text, parsed again, neither read nor checked again (it passed its schema)
    if (this.#text !== undefined && this.#parsed === undefined) {
      const parsed = parseYaml(this.#text);
      this.#parsed = parsed.ok ? { data: parsed.data } : { data: this.#load().data };
    }
    return this.#parsed !== undefined ? this.#parsed.data : this.#load().data;
  }

  #load(): SourceFile {
    if (this.#whole) return this.#whole;
    const { source, prefix } = this.#origin;
    const rel = slashed(this.path.slice(prefix));
    const place: FilePlace = { path: this.path, kind: 'project' };
    if (this.planId !== undefined) place.planId = this.planId;
    if (this.expectedId !== undefined) place.expectedId = this.expectedId;
    return (this.#whole = loadRead(place, source.read(rel, this.#listed)));
  }
}

/** What a load keeps of each file: a project without problems becomes an OnDemandFile with its facts or its data; the rest are kept whole. */
function slimmer(origin: Origin, keep: Exclude<Keep, 'all'>): (file: SourceFile, listed?: ListedPath) => SourceFile {
  const once = stringKeeper();
  return (file, listed) => {
    // a file from the --cache (cache.ts) with its facts keeps them, its data and its text unread until asked for: it is left as it is
    if (file.kind !== 'project' || !file.valid || file.diagnostics.length > 0 || file instanceof OnDemandFile || file.facts !== undefined) return file;
    const data = file.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return file;
    const d = data as Record<string, unknown>;
    const kept: Kept =
      keep === 'facts' || keep === 'texts'
        ? { facts: projectFacts(d, once, file.expectedId), ...(keep === 'texts' && file.text !== undefined ? { text: file.text } : {}) }
        : keep === 'figures'
          ? { figures: figuresOf(d, once, file.expectedId) }
          : { data };
    return new OnDemandFile(file, kept, origin, listed);
  };
}

/**
 * A project's data without its notes and sources, each string kept once or
 * as a copy of its own (a slice of the file's text would keep the whole text):
 * what report, list and paper read. The file passed its schema, so the keys
 * are those of a project; a schedule year written as a number is its text (as
 * assemble and projectFacts read it), so the rules take the figures as they
 * are, without a copy of their own per file.
 */
function figuresOf(d: Record<string, unknown>, once: (s: unknown) => unknown, expectedId: string | undefined): Record<string, unknown> {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(once) : v);
  const out: Record<string, unknown> = { id: typeof d.id === 'string' && d.id === expectedId ? expectedId : once(d.id), title: typeof d.title === 'string' ? own(d.title) : d.title };
  for (const key of Object.keys(d)) {
    const v = d[key];
    if (key === 'id' || key === 'title' || key === 'note' || key === 'source') continue;
    if (key === 'status' && Array.isArray(v))
      out.status = v.map((e: unknown) => {
        if (e === null || typeof e !== 'object') return e;
        const entry: Record<string, unknown> = {};
        for (const k in e) if (k !== 'note' && k !== 'source') entry[k] = once((e as Record<string, unknown>)[k]);
        return entry;
      });
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const copy: Record<string, unknown> = {};
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        copy[k] = once(key === 'schedule' ? yearOrText(x) : x);
      }
      out[key] = copy;
    } else out[key] = list(v);
  }
  return out;
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
  return assembleWith(root, files, (f, record) => {
    const project = projectOf(f);
    if (project !== undefined) record.projects.push({ project, file: f.path });
  });
}

/** The project a project file that passed its schema holds. */
export function projectOf(f: SourceFile): Project | undefined {
  // a file loaded on demand reads itself again here: one changed since into something that is not a project is left out
  const value = f.data;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? normalizeProject(value as Project) : undefined;
}

/**
 * assemble, with `add` putting each project file that passed its schema into
 * the record of its plan (when the plan's file passed too); the projects are
 * sorted by id after. diff keeps the projects the same on both sides apart
 * (diff-load.ts).
 */
export function assembleWith(root: string, files: readonly SourceFile[], add: (file: SourceFile, record: PlanRecord) => void): DataSet {
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
    if (f.kind !== 'project' || !f.valid) continue;
    const record = plans.get(f.planId!);
    if (record) add(f, record);
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
