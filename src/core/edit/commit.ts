/**
 * The one path every change takes: lock the data root, validate it as it
 * would be after the change, refuse a change that breaks it, show it as a
 * diff, or write it atomically (all files or none).
 */
import { relative, resolve } from 'node:path';
import { summarize, type Diagnostic, type DiagnosticSummary } from '../diagnostic.js';
import { UserError } from '../errors.js';
import { withData, type LoadedRoot, type SourceFile } from '../load.js';
import { ruleData } from '../rules.js';
import { loadRead } from '../load-file.js';
import type { FileKind } from '../schema.js';
import { diskSource } from '../source/disk.js';
import type { ResolvedRoot, RootSource } from '../root.js';
import { checkLoaded, displayPath, validateRoot, type ValidateResult } from '../validate.js';
import type { FileWriter } from './atomic.js';
import { unifiedDiff } from './diff.js';
import { lockPathFor, withLock } from './lock.js';
import { commitFiles, recoverRoot, type FileChange, type Recovery } from './transaction.js';

export type { FileChange } from './transaction.js';
import type { FileCache } from '../cache.js';
import { slashed } from '../slashed.js';

export interface EditOptions {
  cwd: string;
  /** YYYY-MM-DD */
  today: string;
  dryRun: boolean;
  /** writes one file; tests inject failures here */
  writer?: FileWriter;
  /** how long to wait for another edit of the same root to finish, in milliseconds (default 30 s) */
  lockWaitMs?: number;
  /** per-file results from an earlier run, for the check before the change (--cache; see cache.ts) */
  cache?: FileCache;
}

export type EditOutcome =
  /**
   * the change would make the data invalid, or goes to a file that has errors
   * already (`preexisting`: every blocking error was there before); nothing was written
   */
  | { kind: 'refused'; diagnostics: DiagnosticSummary; diff: string; dryRun: boolean; filesChecked: number; preexisting: boolean }
  /** nothing was written; `diff` shows what would be */
  | { kind: 'dry-run'; diff: string; warnings: DiagnosticSummary; filesChecked: number }
  | { kind: 'written'; files: string[]; warnings: DiagnosticSummary; filesChecked: number };

const key = (d: Diagnostic) => `${d.file}\u0000${d.severity}\u0000${d.code}\u0000${d.message}`;

/**
 * Which diagnostics of the data after the change stand in its way: any error
 * in a changed file, and any error elsewhere that was not there before.
 * New warnings are shown but do not stop the change.
 */
export function judgeChange(
  before: ValidateResult,
  after: ValidateResult,
  changed: readonly string[],
): { blocking: Diagnostic[]; newWarnings: Diagnostic[]; preexisting: boolean } {
  const known = new Set(before.diagnostics.map(key));
  const isNew = (d: Diagnostic) => !known.has(key(d));
  const blocking = after.diagnostics.filter((d) => d.severity === 'error' && (changed.includes(d.file) || isNew(d)));
  // counted, not just looked up: a new entry may repeat an old mistake word for word
  const count = (list: readonly Diagnostic[]) => list.reduce((m, d) => m.set(key(d), (m.get(key(d)) ?? 0) + 1), new Map<string, number>());
  const was = count(before.diagnostics.filter((d) => d.severity === 'error'));
  const now = count(blocking);
  return {
    blocking,
    newWarnings: after.diagnostics.filter((d) => d.severity === 'warning' && isNew(d)),
    preexisting: blocking.length > 0 && [...now].every(([k, n]) => n <= (was.get(k) ?? 0)),
  };
}

export function diffOf(changes: readonly FileChange[], cwd: string): string {
  return changes.map((c) => unifiedDiff(c.before, c.after, displayPath(c.path, cwd))).join('');
}

/**
 * Checks the changes against the whole root and writes them unless refused or
 * a dry run. The root is validated once: the check after the change reuses
 * what `before` loaded, reads only the changed files and runs the cross-file
 * rules again in memory.
 */
export function applyChanges(root: string, changes: readonly FileChange[], before: ValidateResult, options: EditOptions): EditOutcome {
  const after = validateAfter(root, changes, before, options);
  const changed = changes.map((c) => displayPath(c.path, options.cwd));
  const { blocking, newWarnings, preexisting } = judgeChange(before, after, changed);
  const filesChecked = after.filesChecked;
  const diff = diffOf(changes, options.cwd);
  if (blocking.length > 0) return { kind: 'refused', diagnostics: summarize([...blocking, ...newWarnings]), diff, dryRun: options.dryRun, filesChecked, preexisting };
  if (options.dryRun) return { kind: 'dry-run', diff, warnings: summarize(newWarnings), filesChecked };
  commitFiles(root, changes, { cwd: options.cwd, writer: options.writer });
  return { kind: 'written', files: changed, warnings: summarize(newWarnings), filesChecked };
}

/**
 * The root as it would be after the changes. When every change rewrites a file
 * that `before` read, the files are those of `before` with the changed ones
 * read from the new text: the same files in the same order as a listing would
 * give (the lock keeps the root as it was), without listing the root again.
 * A change that creates a file lists the root with the new text in it.
 */
export function validateAfter(root: string, changes: readonly FileChange[], before: ValidateResult, options: Pick<EditOptions, 'cwd' | 'today'>): ValidateResult {
  const overlay = new Map(changes.map((c) => [c.path, c.after] as const));
  const files = before.loaded.files;
  // a change or two: each found by a look through the files, not a map of all of them
  const rewrites = changes.map((c) => {
    const path = resolve(c.path);
    const i = files.findIndex((f) => f.path === path);
    return i === -1 ? undefined : i;
  });
  if (rewrites.every((i) => i !== undefined && files[i]!.kind !== 'other' && files[i]!.text !== undefined)) {
    const source = diskSource(root, { overlay });
    const now = files.slice();
    const changed = new Set<SourceFile>();
    let sameIds = true;
    for (const i of rewrites as number[]) {
      const { path, kind, planId, expectedId } = files[i]!;
      const rel = slashed(relative(source.root, path));
      now[i] = loadRead({ path, kind: kind as FileKind, ...(planId !== undefined ? { planId } : {}), ...(expectedId !== undefined ? { expectedId } : {}) }, source.read(rel));
      changed.add(now[i]!);
      sameIds &&= kind === 'project' && idOf(files[i]!) !== undefined && idOf(files[i]!) === idOf(now[i]!);
    }
    // project files that kept their ids: the rules check those files again, and what they found in the others stands
    return checkLoaded(withData({ root: before.loaded.root, files: now }), { cwd: options.cwd, today: options.today }, sameIds ? { findings: before.findings, changed } : undefined);
  }
  const written = new Set(changes.map((c) => resolve(c.path)));
  const reuse = new Map(files.filter((f) => f.kind !== 'other' && !written.has(f.path)).map((f) => [f.path, f] as const));
  // the files taken from before stay as they were loaded (on demand or whole): the DataSet is made only if asked for
  return validateRoot(root, { cwd: options.cwd, today: options.today, overlay, reuse, keep: 'facts' });
}

/** A file's id as the rules read it, if it has one. */
function idOf(file: SourceFile): string | undefined {
  const data = ruleData(file) as { id?: unknown } | null | undefined;
  return data !== null && typeof data === 'object' && typeof data.id === 'string' ? data.id : undefined;
}

/**
 * The data shipped inside the package is not the user's to edit: writing into it
 * would be lost on the next install. A root found only as the fallback is refused.
 */
export function assertWritable(source: RootSource, dir: string): void {
  if (source === 'embedded') {
    throw new UserError(
      `no data root to write to: without --data, ACCSM_DATA or a ./data folder accsm reads the data shipped inside the package (${dir}), which is not yours to edit. Choose a root with --data DIR, or create one with: accsm init DIR`,
    );
  }
}

export interface OutcomeText {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * What to print for an outcome: the diff on stdout for a dry run, messages and
 * diagnostics on stderr. `format` lays out diagnostics (the stylish formatter).
 */
export function describeOutcome(outcome: EditOutcome, done: string, format: (summary: DiagnosticSummary, filesChecked: number) => string): OutcomeText {
  if (outcome.kind === 'refused') {
    const why = outcome.preexisting
      ? 'the file already has these errors, and accsm changes only a file without errors: fix them first (line numbers are those of the file as it would be)'
      : 'the change would make the data invalid (line numbers are those of the file as it would be; --dry-run shows the change)';
    return { stdout: outcome.dryRun ? outcome.diff : '', stderr: `accsm: nothing written: ${why}\n${format(outcome.diagnostics, outcome.filesChecked)}`, exitCode: 1 };
  }
  const warnings = outcome.warnings.warnings > 0 ? format(outcome.warnings, outcome.filesChecked) : '';
  if (outcome.kind === 'dry-run') return { stdout: outcome.diff, stderr: `${warnings}accsm: dry run: nothing written\n`, exitCode: 0 };
  return { stdout: '', stderr: `${warnings}accsm: ${done}\n`, exitCode: 0 };
}

export interface RunEditOptions extends EditOptions {
  format: (summary: DiagnosticSummary, filesChecked: number) => string;
  /** the edit reads the DataSet (every project whole), as carrying a plan over does: load it whole at once */
  wholeData?: boolean;
}

/** What an edit means to do: one file's change or several (written all or none), and the words for when it is done. */
export type PlannedEdit = { done: string } & ({ change: FileChange } | { changes: readonly FileChange[] });

/**
 * The whole edit: refuse the embedded root; holding the root's lock, put
 * right what an interrupted edit left, validate, plan the change on what is
 * on disk now, check and write it; describe the outcome. A dry run takes no
 * lock and writes nothing.
 */
export function runEdit(root: ResolvedRoot, plan: (loaded: LoadedRoot) => PlannedEdit, options: RunEditOptions): OutcomeText {
  assertWritable(root.source, root.dir);
  const edit = (recovery?: Recovery) => {
    // most edits read a file or two whole: the others are loaded on demand, unless the edit reads the whole data
    const before = validateRoot(root.dir, { cwd: options.cwd, today: options.today, cache: options.cache, keep: options.wholeData === true ? 'all' : 'facts' });
    const planned = plan(before.loaded);
    const changes = 'change' in planned ? [planned.change] : planned.changes;
    if (changes.length === 0) return { stdout: '', stderr: `accsm: ${planned.done}\n`, exitCode: 0 };
    const out = describeOutcome(applyChanges(root.dir, changes, before, options), planned.done, options.format);
    return recovery ? { ...out, stderr: describeRecovery(recovery) + out.stderr } : out;
  };
  if (options.dryRun) return edit();
  return withLock(lockPathFor(root.dir), () => edit(recoverRoot(root.dir, { cwd: options.cwd })), {
    waitMs: options.lockWaitMs,
    label: `the data root ${displayPath(root.dir, options.cwd)}`,
  });
}

/** Lines that say what was put right before the edit, if anything. */
export function describeRecovery(recovery: Recovery): string {
  let text = '';
  if (recovery.finished.length > 0) text += `accsm: finished an edit that was interrupted earlier: ${recovery.finished.join(', ')}\n`;
  if (recovery.removed.length > 0) text += `accsm: removed ${recovery.removed.length === 1 ? 'a temporary file' : `${recovery.removed.length} temporary files`} left by an interrupted run: ${recovery.removed.join(', ')}\n`;
  return text;
}
