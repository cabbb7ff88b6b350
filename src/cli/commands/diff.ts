/**
 * accsm diff [base] [head]: what changed between two versions of the data
 * (folders or git revisions). --base-rev/--head-rev read their value as a git
 * revision whatever is on disk; a positional name that is both a folder and a
 * revision is refused, so a symbolic link named like a branch cannot stand in for it.
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { DiffSide } from '../../core/diff.js';
import type { CheckedSide } from '../../core/diff-load.js';
import type { SourceFile } from '../../core/load.js';
import { UserError } from '../../core/errors.js';
import { DIFF_FORMATS, type DiffFormat } from '../../formatters/diff/formats.js';
import { today, wantsColor, type CliIO } from '../io.js';
import { addDataOption, dataRoot, examples, formatOption, type CommandContext } from '../shared.js';
import { slashed } from '../../core/slashed.js';

interface DiffFlags {
  data?: string;
  format: DiffFormat;
  baseRev?: string;
  headRev?: string;
  exitCode?: boolean;
}

interface LoadedSide extends CheckedSide {
  side: DiffSide;
  /** a revision's blob ids by relative path: another revision does not even read the files whose blob is the same */
  objects?: ReadonlyMap<string, string>;
}

export function registerDiff(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('diff')
    .description('what changed between two versions of the data: status transitions, projects, plans, meetings and headlines')
    .argument('[base]', 'the version before: a data root folder, or a git revision (branch, tag or commit) read without a checkout')
    .argument('[head]', 'the version after, the same way (default: the data root in the working tree)')
    .option('--base-rev <revision>', 'the version before, always read as a git revision (what CI should use)')
    .option('--head-rev <revision>', 'the version after, always read as a git revision');
  addDataOption(cmd)
    .addOption(formatOption(DIFF_FORMATS, 'text'))
    .option('--exit-code', 'exit 1 when the data differs, 0 when it does not (as git diff --exit-code does)')
    .addHelpText(
      'after',
      examples(
        'accsm diff origin/main',
        'accsm diff origin/main --exit-code --format json > changes.json || echo "the data changed"',
        'accsm diff --base-rev "$BASE_SHA" --format markdown >> "$GITHUB_STEP_SUMMARY"',
        'accsm diff --base-rev HEAD~1 --head-rev HEAD',
        'accsm diff ../data-2023 ./data --format json',
      ),
    )
    .action(async (base: string | undefined, head: string | undefined, flags: DiffFlags) => {
      ctx.exitCode = await runDiff(ctx, sides(base, head, flags), flags);
    });
  return cmd;
}

/** One side as asked for: a name to look at (folder or revision), or a name that is a revision whatever is on disk. */
type SideSpec = { name: string; revision: boolean };

/** The two sides from the arguments and the flags; the head is the working tree when neither gives it. */
function sides(base: string | undefined, head: string | undefined, flags: DiffFlags): { base: SideSpec; head?: SideSpec } {
  const named = [base, head].filter((x): x is string => x !== undefined).map((name) => ({ name, revision: false }));
  const baseSide = flags.baseRev !== undefined ? { name: flags.baseRev, revision: true } : named.shift();
  if (!baseSide) throw new UserError('give the version to compare with: a data root folder or a git revision (accsm diff origin/main), or --base-rev REVISION');
  const headSide = flags.headRev !== undefined ? { name: flags.headRev, revision: true } : named.shift();
  if (named.length > 0) throw new UserError('too many versions to compare: give a base and at most one head, as arguments or with --base-rev and --head-rev');
  return { base: baseSide, ...(headSide ? { head: headSide } : {}) };
}

async function runDiff(ctx: CommandContext, spec: { base: SideSpec; head?: SideSpec }, flags: DiffFlags): Promise<number> {
  const { io } = ctx;
  const resolved = dataRoot(io, flags.data);
  // a revision is read at the place of the working tree's data root; the data shipped inside the package has none
  const root = resolved.source === 'embedded' ? undefined : resolved.dir;
  const asOf = today(io);
  const both = await alsoRevisions([spec.base, ...(spec.head ? [spec.head] : [])], root, io.cwd);
  const base = await loadSide(io, spec.base, root, asOf, both);
  const head = spec.head === undefined ? await loadFolder(io, resolved.dir, asOf, root ? ' (working tree)' : ' (embedded)', base) : await loadSide(io, spec.head, root, asOf, both, base);
  const [{ computeDiff }, { diffData }] = await Promise.all([import('../../core/diff.js'), import('../../core/diff-load.js')]);
  const data = diffData(base, head.loaded);
  const diff = computeDiff(data.base, data.head, { asOf, base: base.side, head: head.side });
  const { diffFormatters } = await import('../../formatters/diff/index.js');
  io.stdout(diffFormatters[flags.format](diff, { color: wantsColor(io, 'stdout') }));
  for (const [role, s] of [['base', base.side], ['head', head.side]] as const) {
    if (s.errors > 0) io.stderr(`accsm: the ${role} (${s.label}) has ${s.errors} validation ${s.errors === 1 ? 'error' : 'errors'}; files that fail their schema are left out of the diff\n`);
  }
  return flags.exitCode && diff.changed ? 1 : 0;
}

/**
 * A side given on the command line. A revision flag is read as a revision. A
 * name is a folder when the path exists, else a revision; a name that is both
 * is refused rather than guessed.
 */
async function loadSide(io: CliIO, spec: SideSpec, root: string | undefined, asOf: string, alsoRevision: ReadonlySet<string>, other?: LoadedSide): Promise<LoadedSide> {
  const needRepo = (what: string) =>
    new UserError(`${what}; to read it as a git revision accsm needs a data root in a git working tree: run it where ./data is, or give --data DIR (or ACCSM_DATA)`);
  if (spec.revision) {
    if (root === undefined) throw needRepo(`"${spec.name}" is given as a revision`);
    return loadRevision(io, spec.name, root, asOf, other);
  }
  const path = resolve(io.cwd, spec.name);
  let isDir: boolean | undefined;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (isDir !== undefined && alsoRevision.has(spec.name)) {
    throw new UserError(
      `"${spec.name}" is both ${isDir ? 'a folder' : 'a file'} here and a git revision, so accsm will not guess which is meant: use --base-rev ${spec.name} (or --head-rev) for the revision, or ./${spec.name} for the folder`,
    );
  }
  if (isDir === false) throw new UserError(`${spec.name} is a file; give a data root folder or a git revision`);
  if (isDir) return loadFolder(io, path, asOf, '', other);
  if (root === undefined) throw needRepo(`"${spec.name}" is not a folder`);
  return loadRevision(io, spec.name, root, asOf, other);
}

/**
 * The names given as sides that are a folder or file here and also name a
 * commit of the repository that holds the data root (one run of git for all).
 */
async function alsoRevisions(specs: readonly SideSpec[], root: string | undefined, cwd: string): Promise<Set<string>> {
  if (root === undefined) return new Set();
  const names = specs
    .filter((s) => !s.revision && !s.name.startsWith('.') && !s.name.startsWith('/') && !s.name.startsWith('-'))
    .map((s) => s.name)
    .filter((name) => {
      try {
        statSync(resolve(cwd, name));
        return true;
      } catch {
        return false;
      }
    });
  if (names.length === 0) return new Set();
  const { commitsAmong } = await import('../../core/git.js');
  return commitsAmong(root, names);
}

/** `other` is the side loaded first: files with the same text are taken from it instead of being parsed and checked again. */
async function loadFolder(io: CliIO, dir: string, asOf: string, suffix: string, other?: LoadedSide): Promise<LoadedSide> {
  const [{ displayPath, rootSource }, { checkSide, filesByPath }] = await Promise.all([import('../../core/validate.js'), import('../../core/diff-load.js')]);
  const result = checkSide(rootSource(dir, io.cwd), { cwd: io.cwd, today: asOf }, other ? { first: other } : {});
  return {
    loaded: result.loaded,
    findings: result.findings,
    side: { label: `${displayPath(dir, io.cwd)}${suffix}`, errors: result.errors, warnings: result.warnings, unreadable: unreadableFiles(dir, result.loaded.files) },
    // the first side's, for the second to take the files with the same text from (the second side's would read every file it did not keep the text of)
    files: other ? new Map() : filesByPath(result.loaded),
  };
}

/** A revision side's files with their blob ids. */
function blobsOf(side: LoadedSide): Map<string, { object: string; file: SourceFile }> {
  const blobs = new Map<string, { object: string; file: SourceFile }>();
  for (const [rel, file] of side.files) {
    const object = side.objects?.get(rel);
    if (object !== undefined) blobs.set(rel, { object, file });
  }
  return blobs;
}

/** The data files that could not be read or failed their schema, relative to the root with "/": the diff calls them not readable rather than removed. */
function unreadableFiles(root: string, files: readonly { path: string; kind: string; valid: boolean }[]): string[] {
  return files.filter((f) => f.kind !== 'other' && !f.valid).map((f) => slashed(relative(root, f.path)));
}

async function loadRevision(io: CliIO, name: string, root: string, asOf: string, other?: LoadedSide): Promise<LoadedSide> {
  const { locateInRepo, resolveRevision, revisionSide } = await import('../../core/git.js');
  const [{ displayPath }, { checkSide, filesByPath }] = await Promise.all([import('../../core/validate.js'), import('../../core/diff-load.js')]);
  const location = locateInRepo(root);
  if (!location) throw new UserError(`"${name}" is not a folder, and the data root ${displayPath(root, io.cwd)} is not in a git repository, so it cannot be read as a revision either`);
  const revision = resolveRevision(location.top, name);
  // beside another revision, a blob it loaded is not read again; beside a folder, a file with the same text is not parsed again
  const { source, objects, reuse } = revisionSide(location, revision, root, other?.objects && blobsOf(other));
  const result = checkSide(source, { cwd: io.cwd, today: asOf }, { whole: true, reuse, ...(other ? { first: other } : {}) });
  const loaded = result.loaded;
  const where = location.rel ? `${location.rel}/` : 'the top level';
  const note = loaded.files.length === 0 ? `there is no data at ${where} in this revision, so everything on the other side counts as added` : undefined;
  return {
    loaded,
    findings: result.findings,
    side: {
      label: `${name} (${revision.commit.slice(0, 7)})`,
      errors: result.errors,
      warnings: result.warnings,
      unreadable: unreadableFiles(loaded.root, loaded.files),
      ...(note ? { note } : {}),
    },
    files: other ? new Map() : filesByPath(loaded),
    objects,
  };
}
