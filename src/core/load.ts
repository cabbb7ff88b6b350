/**
 * Loading a data root: find its files, read and parse each one, check it
 * against its schema, and assemble the files that pass into a DataSet.
 * Problems are collected as raw diagnostics per file, never thrown.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { DataSet, Meeting, Plan, PlanRecord, Project } from './types.js';
import type { RawDiagnostic } from './raw.js';
import { checkLink, decode, MAX_FILE_BYTES, readDataFile } from './read.js';
import { parseYaml } from './parse.js';
import { checkSchema, type FileKind } from './schema.js';
import { UserError } from './errors.js';
import { cmp } from './order.js';

export interface SourceFile {
  /** absolute path */
  path: string;
  kind: FileKind | 'other';
  /** the name the file or folder gives the id: plan folder name, project file name without extension */
  expectedId?: string;
  /** for project files, the plan folder name */
  planId?: string;
  text?: string;
  /** parsed data, when the YAML could be read */
  data?: unknown;
  /** true when the data passed its schema */
  valid: boolean;
  diagnostics: RawDiagnostic[];
}

export interface LoadOptions {
  /** how messages name the data root (default: the path as given) */
  label?: string;
  /**
   * Text to use instead of what is on disk, by absolute path; null means the
   * file does not exist. Used to check a change before it is written.
   */
  overlay?: ReadonlyMap<string, string | null>;
}

export interface LoadedRoot {
  root: string;
  files: SourceFile[];
  data: DataSet;
}

const YAML_EXT = new Set(['.yaml', '.yml']);

/** Whether a folder looks like a data root (holds plans/ or meetings.yaml). */
export function isDataRoot(dir: string): boolean {
  return exists(join(dir, 'plans'), 'dir') || exists(join(dir, 'meetings.yaml'), 'file');
}

function exists(path: string, type: 'dir' | 'file'): boolean {
  try {
    const st = statSync(path);
    return type === 'dir' ? st.isDirectory() : st.isFile();
  } catch {
    return false;
  }
}

function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function isDirLike(entry: Dirent, parent: string): boolean {
  if (entry.isDirectory()) return true;
  if (entry.isSymbolicLink()) return exists(join(parent, entry.name), 'dir');
  return false;
}

/** Project files that discovery saw as regular files inside checked folders (speed: one link check per folder, not per file). */
const linkChecked = new WeakSet<SourceFile>();

/** Finds the data files of a root: meetings.yaml, plans/<id>/plan.yaml, plans/<id>/projects/<id>.yaml. */
export function discoverFiles(root: string, realRoot: string, overlay?: ReadonlyMap<string, string | null>): SourceFile[] {
  const files: SourceFile[] = [];
  const add = (path: string, kind: SourceFile['kind'], extra: Partial<SourceFile> = {}) =>
    files.push({ path, kind, valid: false, diagnostics: [], ...extra });
  const meetings = join(root, 'meetings.yaml');
  if (exists(meetings, 'file') || overlay?.get(meetings)) add(meetings, 'meetings');
  const plansDir = join(root, 'plans');
  const plansLink = checkLink(plansDir, realRoot);
  if (plansLink) {
    // never list a folder outside the root: even its file names are not ours to print
    add(plansDir, 'other', { diagnostics: [plansLink] });
    return overlay ? files.filter((f) => overlay.get(f.path) !== null) : files;
  }
  for (const entry of listDir(plansDir)) {
    if (entry.name.startsWith('.')) continue;
    const planDir = join(plansDir, entry.name);
    if (!isDirLike(entry, plansDir)) {
      const link = checkLink(planDir, realRoot);
      if (link) add(planDir, 'other', { diagnostics: [link] });
      else if (YAML_EXT.has(extname(entry.name)))
        add(planDir, 'other', { diagnostics: [{ severity: 'warning', code: 'file-unexpected', message: 'plans/ holds one folder per plan; this file is not read. Move it into a plan folder', line: 1, column: 1 }] });
      continue;
    }
    const link = checkLink(planDir, realRoot);
    if (link) {
      add(planDir, 'other', { diagnostics: [link] });
      continue;
    }
    const planFile = join(planDir, 'plan.yaml');
    add(planFile, 'plan', { expectedId: entry.name, planId: entry.name });
    for (const inner of listDir(planDir)) {
      if (inner.name === 'plan.yaml' || inner.name === 'projects' || inner.name.startsWith('.')) continue;
      if (YAML_EXT.has(extname(inner.name)))
        add(join(planDir, inner.name), 'other', {
          diagnostics: [{ severity: 'warning', code: 'file-unexpected', message: `a plan folder holds plan.yaml and a projects/ folder; this file is not read. Project files go in projects/`, line: 1, column: 1 }],
        });
    }
    const projectsDir = join(planDir, 'projects');
    const projectLink = checkLink(projectsDir, realRoot);
    if (projectLink) {
      add(projectsDir, 'other', { diagnostics: [projectLink] });
      continue;
    }
    for (const p of listDir(projectsDir)) {
      if (p.name.startsWith('.') || !YAML_EXT.has(extname(p.name))) continue;
      add(join(projectsDir, p.name), 'project', { expectedId: basename(p.name, extname(p.name)), planId: entry.name });
      // a regular file (not a link) in folders checked above: reading it needs no link check of its own
      if (p.isFile()) linkChecked.add(files[files.length - 1]!);
    }
  }
  if (overlay) {
    for (const [path, text] of overlay) {
      if (text === null || files.some((f) => f.path === path)) continue;
      const rel = relative(root, path).split(/[\\/]/);
      if (rel.length === 4 && rel[0] === 'plans' && rel[2] === 'projects' && YAML_EXT.has(extname(rel[3]!)))
        add(path, 'project', { expectedId: basename(rel[3]!, extname(rel[3]!)), planId: rel[1]! });
      else if (rel.length === 3 && rel[0] === 'plans' && rel[2] === 'plan.yaml') add(path, 'plan', { expectedId: rel[1]!, planId: rel[1]! });
      else if (rel.length === 1 && rel[0] === 'meetings.yaml') add(path, 'meetings');
    }
    return files.filter((f) => overlay.get(f.path) !== null);
  }
  return files;
}

/** Reads, parses and schema-checks one file in place. */
export function loadFile(file: SourceFile, realRoot: string, overlay?: ReadonlyMap<string, string | null>): void {
  if (file.kind === 'other') return;
  const read = readDataFile(file.path, realRoot, overlay?.get(file.path) ?? undefined, { linkChecked: linkChecked.has(file) });
  if (!read.ok) {
    if (read.diagnostic.code === 'file-unreadable' && file.kind === 'plan' && !exists(file.path, 'file')) {
      file.diagnostics.push({ severity: 'error', code: 'plan-missing', message: 'this plan folder has no plan.yaml; add one (see docs/data-format.md) or remove the folder', line: 1, column: 1 });
      return;
    }
    file.diagnostics.push(read.diagnostic);
    return;
  }
  file.text = read.text;
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    for (const d of parsed.diagnostics) file.diagnostics.push(d);
    return;
  }
  if (parsed.data === null || parsed.data === undefined) {
    file.diagnostics.push({ severity: 'error', code: 'file-empty', message: `the file is empty; a ${file.kind === 'meetings' ? 'meetings file holds a list of meetings' : `${file.kind} file holds a mapping of keys to values`}`, line: 1, column: 1 });
    return;
  }
  file.data = parsed.data;
  const problems = checkSchema(file.kind, parsed.data);
  for (const d of problems) file.diagnostics.push(d);
  file.valid = problems.length === 0;
}

/**
 * Loads a data root. Throws UserError only when the root itself cannot be used
 * (missing, not a folder, not a data root); every problem in a file is a diagnostic.
 */
export function loadRoot(rootDir: string, options: LoadOptions = {}): LoadedRoot {
  const root = resolve(rootDir);
  const shown = options.label ?? rootDir;
  let realRoot: string;
  try {
    if (!statSync(root).isDirectory()) throw new UserError(`the data root ${shown} is not a folder`);
    realRoot = realpathSync(root);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot read the data root ${shown}: it does not exist or is not readable`);
  }
  if (!isDataRoot(root) && !options.overlay?.size) {
    throw new UserError(`${shown} is not an accsm data root: it holds neither plans/ nor meetings.yaml (see docs/data-format.md, or create one with accsm init)`);
  }
  const files = discoverFiles(root, realRoot, options.overlay);
  for (const file of files) loadFile(file, realRoot, options.overlay);
  return { root, files, data: assemble(root, files) };
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

/** One file of a data root held in memory, for example read from a git revision. */
export interface MemoryFile {
  /** path relative to the data root, with forward slashes */
  path: string;
  /** the file's bytes; absent for a symbolic link or a file too large to read */
  bytes?: Uint8Array;
  /** size in bytes, when known without the bytes */
  size?: number;
  /** a symbolic link: never followed */
  symlink?: boolean;
}

/**
 * Loads a data root from files held in memory (nothing is read from disk),
 * with the same layout rules, size limit and encoding checks as loadRoot.
 * `rootDir` only names the files (absolute paths in the result).
 */
export function loadRootFromFiles(rootDir: string, entries: readonly MemoryFile[]): LoadedRoot {
  const root = resolve(rootDir);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...entries].sort((a, b) => byName(a.path, b.path));
  const files: SourceFile[] = [];
  const texts = new Map<string, string>();
  const unexpected = (message: string): RawDiagnostic => ({ severity: 'warning', code: 'file-unexpected', message, line: 1, column: 1 });
  const add = (entry: MemoryFile | undefined, path: string, kind: SourceFile['kind'], extra: Partial<SourceFile> = {}) => {
    const file: SourceFile = { path: join(root, ...path.split('/')), kind, valid: false, diagnostics: [], ...extra };
    files.push(file);
    if (!entry || kind === 'other') return;
    if (entry.symlink) {
      file.kind = 'other';
      file.diagnostics.push(linkDiagnostic());
      return;
    }
    const size = entry.size ?? entry.bytes?.length ?? 0;
    if (size > MAX_FILE_BYTES || !entry.bytes) {
      file.kind = 'other';
      file.diagnostics.push({ severity: 'error', code: 'file-too-large', message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB; accsm reads data files of at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Check that this is the right file, or split it`, line: 1, column: 1 });
      return;
    }
    const read = decode(entry.bytes);
    if (read.ok) texts.set(file.path, read.text);
    else {
      file.kind = 'other';
      file.diagnostics.push(read.diagnostic);
    }
  };
  const isYaml = (name: string) => YAML_EXT.has(extname(name));
  const planFolders = new Map<string, MemoryFile[]>();
  for (const entry of sorted) {
    const seg = entry.path.split('/');
    if (seg.some((s) => s.startsWith('.') || s === '')) continue;
    if (seg.length === 1 && seg[0] === 'meetings.yaml') add(entry, entry.path, 'meetings');
    if (seg[0] !== 'plans' || seg.length < 2) continue;
    if (seg.length === 2) {
      if (entry.symlink || isYaml(seg[1]!)) add(undefined, entry.path, 'other', { diagnostics: [entry.symlink ? linkDiagnostic() : unexpected('plans/ holds one folder per plan; this file is not read. Move it into a plan folder')] });
      continue;
    }
    const list = planFolders.get(seg[1]!) ?? [];
    list.push(entry);
    planFolders.set(seg[1]!, list);
  }
  for (const [planId, list] of [...planFolders].sort((a, b) => byName(a[0], b[0]))) {
    const planPath = `plans/${planId}/plan.yaml`;
    const planEntry = list.find((e) => e.path === planPath);
    if (planEntry) add(planEntry, planPath, 'plan', { expectedId: planId, planId });
    else add(undefined, planPath, 'plan', { expectedId: planId, planId, diagnostics: [{ severity: 'error', code: 'plan-missing', message: 'this plan folder has no plan.yaml; add one (see docs/data-format.md) or remove the folder', line: 1, column: 1 }] });
    for (const entry of list) {
      const seg = entry.path.split('/');
      if (seg.length === 3 && seg[2] !== 'plan.yaml' && seg[2] !== 'projects' && isYaml(seg[2]!))
        add(undefined, entry.path, 'other', { diagnostics: [unexpected('a plan folder holds plan.yaml and a projects/ folder; this file is not read. Project files go in projects/')] });
      else if (seg.length === 3 && seg[2] === 'projects' && entry.symlink) add(undefined, entry.path, 'other', { diagnostics: [linkDiagnostic()] });
      else if (seg.length === 4 && seg[2] === 'projects' && (isYaml(seg[3]!) || entry.symlink))
        add(entry, entry.path, 'project', { expectedId: basename(seg[3]!, extname(seg[3]!)), planId });
    }
  }
  for (const file of files) {
    if (file.kind !== 'other' && texts.has(file.path)) loadFile(file, root, texts);
  }
  return { root, files, data: assemble(root, files) };
}

function linkDiagnostic(): RawDiagnostic {
  return { severity: 'error', code: 'file-unreadable', message: 'this is a symbolic link; accsm does not follow links when it reads a git revision. Replace it with the file itself', line: 1, column: 1 };
}
