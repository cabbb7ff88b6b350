/** A data root on disk, optionally with an overlay: text to use instead of what is on disk, to check a change before it is written. */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { diag, type RawDiagnostic } from '../raw.js';
import { checkLink, readDataFile, type ReadResult } from '../read.js';
import { classify, isYamlName } from './layout.js';
import type { DataSource, ListedPath, Listing } from './types.js';
import { slashed } from '../slashed.js';

export interface DiskOptions {
  /** how messages name the data root (default: the path as given) */
  label?: string;
  /** text by absolute path instead of what is on disk; null means the file does not exist */
  overlay?: ReadonlyMap<string, string | null>;
}

/** Whether a folder looks like a data root (holds plans/ or meetings.yaml). */
export function isDataRoot(dir: string): boolean {
  return exists(join(dir, 'plans'), 'dir') || exists(join(dir, 'meetings.yaml'), 'file');
}

/**
 * Opens a data root on disk. Throws UserError only when the root itself cannot
 * be used (missing, not a folder, not a data root); every problem in a file is
 * a diagnostic, found later.
 */
export function diskSource(rootDir: string, options: DiskOptions = {}): DataSource {
  const root = resolve(rootDir);
  const shown = options.label ?? rootDir;
  let realRoot: string;
  try {
    if (!statSync(root).isDirectory()) throw new UserError(`the data root ${shown} is not a folder`);
    // the native realpath, as checkLink uses: one call of the C library instead of a walk in JavaScript
    realRoot = realpathSync.native(root);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot read the data root ${shown}: it does not exist or is not readable`);
  }
  if (!isDataRoot(root) && !options.overlay?.size) {
    throw new UserError(`${shown} is not an accsm data root: it holds neither plans/ nor meetings.yaml (see docs/data-format.md, or create one with accsm init)`);
  }
  const overlay = new Map<string, string | null>();
  for (const [path, text] of options.overlay ?? []) overlay.set(slashed(relative(root, path)), text);
  const buffer: { bytes?: Buffer } = {};
  // a listed path has no empty, . or .. parts: joining is putting the separator between
  const prefix = root.endsWith(sep) ? root : root + sep;
  const abs = (rel: string) => prefix + (sep === '/' ? rel : rel.split('/').join(sep));
  return {
    root,
    list(): Listing {
      const listing = listDisk(root, realRoot);
      if (overlay.size === 0) return listing;
      // files the overlay adds come last: the listing is no longer in the layout's order
      const paths = listing.paths.filter((p) => overlay.get(p.rel) !== null);
      const listed = new Set(paths.map((p) => p.rel));
      for (const [rel, text] of overlay) {
        const place = text === null || listed.has(rel) ? undefined : classify(rel);
        if (place && place.kind !== 'stray') paths.push({ rel });
      }
      return { paths, planFolders: listing.planFolders };
    },
    read(rel: string, listed?: ListedPath): ReadResult {
      const text = overlay.get(rel);
      if (typeof text === 'string') return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
      // a file this listing saw as regular (listDisk): a flag on its path, not a set of 100,000 paths to build and look up
      return readDataFile(abs(rel), realRoot, undefined, { linkChecked: listed?.regular === true && listed.rel === rel, buffer });
    },
  };
}

/** Walks the layout's folders only: plans/, each plan folder and its projects/. A folder outside the root is never listed. */
function listDisk(root: string, realRoot: string): Listing {
  const paths: ListedPath[] = [];
  const planFolders: string[] = [];
  // anything named meetings.yaml is listed: a folder, a pipe or a broken link is reported when read, never skipped
  if (present(join(root, 'meetings.yaml'))) paths.push({ rel: 'meetings.yaml' });
  const plansDir = join(root, 'plans');
  const plansLink = checkLink(plansDir, realRoot);
  if (plansLink) {
    // never list a folder outside the root: even its file names are not ours to print
    paths.push({ rel: 'plans', problem: plansLink });
    return { paths, planFolders };
  }
  const plans = listDir(plansDir);
  if (plans.problem) paths.push({ rel: 'plans', problem: plans.problem });
  for (const entry of plans.entries) {
    if (entry.name.startsWith('.')) continue;
    const planDir = join(plansDir, entry.name);
    const rel = `plans/${entry.name}`;
    const link = checkLink(planDir, realRoot);
    if (link) {
      paths.push({ rel, problem: link });
      continue;
    }
    if (!isDirLike(entry, plansDir)) {
      paths.push({ rel });
      continue;
    }
    planFolders.push(entry.name);
    const planList = listDir(planDir);
    if (planList.problem) paths.push({ rel, problem: planList.problem });
    // plan.yaml first, then the folder's other files, then projects/: the layout's order
    if (planList.entries.some((inner) => inner.name === 'plan.yaml')) paths.push({ rel: `${rel}/plan.yaml` });
    for (const inner of planList.entries) {
      if (inner.name.startsWith('.') || inner.name === 'projects' || inner.name === 'plan.yaml') continue;
      paths.push({ rel: `${rel}/${inner.name}` });
    }
    const projectsDir = join(planDir, 'projects');
    const projectsLink = checkLink(projectsDir, realRoot);
    if (projectsLink) {
      paths.push({ rel: `${rel}/projects`, problem: projectsLink });
      continue;
    }
    const projects = listDir(projectsDir);
    if (projects.problem) paths.push({ rel: `${rel}/projects`, problem: projects.problem });
    /** lower-cased name → the name first seen: case twins are one file on Windows and macOS */
    const byFolded = new Map<string, string>();
    for (const p of projects.entries) {
      if (p.name.startsWith('.')) continue;
      const file = `${rel}/projects/${p.name}`;
      const folded = p.name.toLowerCase();
      const twin = byFolded.get(folded);
      if (twin !== undefined) {
        paths.push({ rel: file, problem: diag('id-duplicate', `this file's name differs from ${twin} only in upper and lower case; on Windows and macOS the two are one file and one overwrites the other. Rename or remove one of them`) });
        continue;
      }
      byFolded.set(folded, p.name);
      if (!isYamlName(p.name) && isDirLike(p, projectsDir)) {
        paths.push({ rel: file, problem: diag('file-unexpected', `projects/ holds project files only; the folder ${p.name} in it is not read. Move its project files up into projects/`) });
        continue;
      }
      // a regular file (not a link) in folders whose links were checked above: reading it needs no link check of its own
      paths.push({ rel: file, regular: p.isFile() });
    }
  }
  return { paths, planFolders, ordered: true };
}

function exists(path: string, type: 'dir' | 'file'): boolean {
  try {
    const st = statSync(path);
    return type === 'dir' ? st.isDirectory() : st.isFile();
  } catch {
    return false;
  }
}

/** Whether anything (a file, a folder, a pipe, a link even to nothing) has this name. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A folder's entries by name; a folder that is missing has none, one that cannot be read is a problem (never skipped silently). */
function listDir(dir: string): { entries: Dirent[]; problem?: RawDiagnostic } {
  try {
    return { entries: readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: [] };
    return { entries: [], problem: diag('file-unreadable', `this folder cannot be read (${code ?? 'error'}), so none of its files were checked; fix its permissions (it needs read and execute permission)`) };
  }
}

function isDirLike(entry: Dirent, parent: string): boolean {
  if (entry.isDirectory()) return true;
  if (entry.isSymbolicLink()) return exists(join(parent, entry.name), 'dir');
  return false;
}
