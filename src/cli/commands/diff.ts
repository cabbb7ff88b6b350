/** accsm diff <base> [head]: what changed between two versions of the data (folders or git revisions). */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { DiffSide } from '../../core/diff.js';
import { UserError } from '../../core/errors.js';
import type { DataSet } from '../../core/types.js';
import { DIFF_FORMATS, type DiffFormat } from '../../formatters/diff/formats.js';
import { today, wantsColor, type CliIO } from '../io.js';
import { addDataOption, dataRoot, examples, formatOption, type CommandContext } from '../shared.js';

interface DiffFlags {
  data?: string;
  format: DiffFormat;
}

interface LoadedSide {
  data: DataSet;
  side: DiffSide;
}

export function registerDiff(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('diff')
    .description('what changed between two versions of the data: status transitions, projects, plans, meetings and headlines')
    .argument('<base>', 'the version before: a data root folder, or a git revision (branch, tag or commit) read without a checkout')
    .argument('[head]', 'the version after, the same way (default: the data root in the working tree)');
  addDataOption(cmd)
    .addOption(formatOption(DIFF_FORMATS, 'text'))
    .addHelpText(
      'after',
      examples('accsm diff origin/main', 'accsm diff HEAD~1 HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"', 'accsm diff ../data-2023 ./data --format json'),
    )
    .action(async (base: string, head: string | undefined, flags: DiffFlags) => {
      ctx.exitCode = await runDiff(ctx, base, head, flags);
    });
  return cmd;
}

async function runDiff(ctx: CommandContext, baseArg: string, headArg: string | undefined, flags: DiffFlags): Promise<number> {
  const { io } = ctx;
  const resolved = flags.data === undefined ? dataRoot(io, undefined) : { dir: resolve(io.cwd, flags.data), source: '--data' as const };
  // a revision is read at the place of the working tree's data root; the data shipped inside the package has none
  const root = resolved.source === 'embedded' ? undefined : resolved.dir;
  const asOf = today(io);
  const base = await loadSide(io, baseArg, root, asOf);
  const head = headArg === undefined ? await loadFolder(io, resolved.dir, asOf, root ? ' (working tree)' : ' (embedded)') : await loadSide(io, headArg, root, asOf);
  const { computeDiff } = await import('../../core/diff.js');
  const diff = computeDiff(base.data, head.data, { asOf, base: base.side, head: head.side });
  const { diffFormatters } = await import('../../formatters/diff/index.js');
  io.stdout(diffFormatters[flags.format](diff, { color: wantsColor(io, 'stdout') }));
  for (const [role, s] of [['base', base.side], ['head', head.side]] as const) {
    if (s.errors > 0) io.stderr(`accsm: the ${role} (${s.label}) has ${s.errors} validation ${s.errors === 1 ? 'error' : 'errors'}; files that fail their schema are left out of the diff\n`);
  }
  return 0;
}

/** A side given on the command line: a folder when the path exists, else a git revision. */
async function loadSide(io: CliIO, spec: string, root: string | undefined, asOf: string): Promise<LoadedSide> {
  const path = resolve(io.cwd, spec);
  let isDir: boolean | undefined;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (isDir === false) throw new UserError(`${spec} is a file; give a data root folder or a git revision`);
  if (isDir) return loadFolder(io, path, asOf, '');
  if (root === undefined)
    throw new UserError(`"${spec}" is not a folder; to read it as a git revision accsm needs a data root in a git working tree: run it where ./data is, or give --data DIR (or ACCSM_DATA)`);
  return loadRevision(io, spec, root, asOf);
}

async function loadFolder(io: CliIO, dir: string, asOf: string, suffix: string): Promise<LoadedSide> {
  const { displayPath, validateRoot } = await import('../../core/validate.js');
  const result = validateRoot(dir, { cwd: io.cwd, today: asOf });
  return { data: result.loaded.data, side: { label: `${displayPath(dir, io.cwd)}${suffix}`, errors: result.errors, warnings: result.warnings } };
}

async function loadRevision(io: CliIO, name: string, root: string, asOf: string): Promise<LoadedSide> {
  const { locateInRepo, resolveRevision, revisionSource } = await import('../../core/git.js');
  const { displayPath, validate } = await import('../../core/validate.js');
  const location = locateInRepo(root);
  if (!location) throw new UserError(`"${name}" is not a folder, and the data root ${displayPath(root, io.cwd)} is not in a git repository, so it cannot be read as a revision either`);
  const revision = resolveRevision(location.top, name);
  const result = validate(revisionSource(location, revision, root), { cwd: io.cwd, today: asOf });
  const loaded = result.loaded;
  const where = location.rel ? `${location.rel}/` : 'the top level';
  const note = loaded.files.length === 0 ? `there is no data at ${where} in this revision, so everything on the other side counts as added` : undefined;
  return {
    data: loaded.data,
    side: { label: `${name} (${revision.commit.slice(0, 7)})`, errors: result.errors, warnings: result.warnings, ...(note ? { note } : {}) },
  };
}
