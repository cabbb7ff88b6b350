/** accsm validate [paths…]: check the data root and print diagnostics. */
import { appendFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { isDataRoot } from '../../core/load.js';
import { checkRoot, displayPath } from '../../core/validate.js';
import { DIAGNOSTIC_FORMATS, diagnosticFormatters, type DiagnosticFormat } from '../../formatters/diagnostics/index.js';
import { wantsColor, today } from '../io.js';
import { addDataOption, dataRoot, examples, formatOption, parseNonNegativeInt, VERSION, withRuleSettings, type CommandContext } from '../shared.js';
import { rulesInForce } from '../../core/config.js';
import type { ResolvedRoot } from '../../core/root.js';
import { addCacheOptions, openRootCache, type CacheFlags } from '../cache.js';

interface ValidateFlags extends CacheFlags {
  data?: string;
  format: DiagnosticFormat;
  maxWarnings?: number;
  changedSince?: string;
  printConfig?: boolean;
}

export function registerValidate(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('validate')
    .description('check the data files: YAML, schemas, ids, references and dates')
    .argument('[paths...]', 'files or folders to report on (default: the whole data root)');
  addDataOption(cmd)
    .addOption(formatOption(DIAGNOSTIC_FORMATS, 'stylish'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more than n warnings', parseNonNegativeInt)
    .option('--print-config', 'print the data root, the accsm.config.yaml in force and every rule\'s severity (JSON), and check nothing')
    .option('--changed-since <rev>', 'report only on files changed since this git revision (references are still checked against the whole root)');
  addCacheOptions(cmd)
    .addHelpText('after', examples('accsm validate', 'accsm validate --data ../accsm-data --format github --max-warnings 0', 'accsm validate --changed-since origin/main', 'accsm validate --cache'))
    .action(async (paths: string[], flags: ValidateFlags) => {
      ctx.exitCode = await runValidate(ctx, paths, flags);
    });
  return cmd;
}

async function runValidate(ctx: CommandContext, paths: string[], flags: ValidateFlags): Promise<number> {
  const { io } = ctx;
  let rootDir = flags.data === undefined ? undefined : resolve(io.cwd, flags.data);
  // each path as the user wrote it (for messages) and resolved
  const given: { arg: string; abs: string }[] = [];
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UserError(`cannot read ${p}: it does not exist`);
    }
    if (isDir && rootDir === undefined && paths.length === 1 && isDataRoot(abs)) {
      rootDir = abs;
      continue;
    }
    given.push({ arg: p, abs });
  }
  const resolved = dataRoot(io, rootDir, { refuseShippedInCI: given.length === 0 });
  if (flags.printConfig) {
    io.stdout(printConfig(resolved, io.cwd));
    return 0;
  }
  const root = resolved.dir;
  for (const { arg, abs } of given) {
    if (abs === root || abs.startsWith(root + sep)) continue;
    const rootName = resolved.source === 'embedded' ? `the data shipped with accsm (${root})` : `the data root ${nearName(root, io.cwd)}`;
    throw new UserError(`${arg} is not inside ${rootName}; choose the root with --data`);
  }
  const only = given.map((g) => g.abs);
  let scope = only.length ? only : undefined;
  if (flags.changedSince !== undefined) {
    const changed = (await changedFiles(root, flags.changedSince)).map((rel) => join(root, ...rel.split('/')));
    scope = scope ? changed.filter((c) => scope!.some((p) => c === p || c.startsWith(p + sep))) : changed;
  }
  const started = process.hrtime.bigint();
  const cached = openRootCache(io, flags, resolved, VERSION);
  const result = withRuleSettings(resolved, checkRoot(root, { cwd: io.cwd, today: today(io), only: scope, cache: cached?.cache }));
  cached?.save();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summaryFile = io.env.GITHUB_STEP_SUMMARY || undefined;
  const needsRepoRoot = flags.format === 'github' || flags.format === 'sarif' || summaryFile !== undefined;
  const options = { color: wantsColor(io, 'stdout'), filesChecked: result.filesChecked, ...(flags.format === 'junit' ? { files: result.checkedFiles } : {}), cwd: io.cwd, version: VERSION, seconds, summaryWritten: summaryFile !== undefined, ...(needsRepoRoot ? { repoRoot: await repositoryRoot(root) } : {}) };
  io.stdout(diagnosticFormatters[flags.format](result, options));
  if (summaryFile !== undefined) {
    const { stepSummary } = await import('../../formatters/diagnostics/step-summary.js');
    try {
      appendFileSync(summaryFile, stepSummary(result, options));
    } catch (error) {
      io.stderr(`accsm: could not write the job summary to $GITHUB_STEP_SUMMARY (${(error as { code?: string }).code ?? String(error)})\n`);
    }
  }
  if (result.errors > 0) return 1;
  if (flags.maxWarnings !== undefined && result.warnings > flags.maxWarnings) {
    io.stderr(`accsm: ${result.warnings} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** --print-config: the data root, where it came from, the config file and every rule's severity in force, as JSON. */
function printConfig(root: ResolvedRoot, cwd: string): string {
  const shown = { data: displayPath(root.dir, cwd), source: root.source, config: root.config ? displayPath(root.config.path, cwd) : null, rules: rulesInForce(root.config?.config) };
  return `${JSON.stringify(shown, null, 2)}\n`;
}

/** The repository root that GitHub and SARIF paths are relative to: git's top level around the data root, else the data root. */
async function repositoryRoot(root: string): Promise<string> {
  const { locateInRepo } = await import('../../core/git.js');
  const location = locateInRepo(root);
  // from the root as given (not git's real path), so that it matches the file names relative to the working directory
  return location ? resolve(root, ...(location.rel ? location.rel.split('/').map(() => '..') : [])) : root;
}

/** A path as the user would write it: relative below the working directory, else absolute. */
function nearName(path: string, cwd: string): string {
  const rel = displayPath(path, cwd);
  return rel === '..' || rel.startsWith('../') ? path : rel;
}

/** Data files changed since a git revision, relative to the data root (--changed-since). */
async function changedFiles(root: string, revision: string): Promise<string[]> {
  const { changedSince, locateInRepo, resolveRevision } = await import('../../core/git.js');
  const location = locateInRepo(root);
  if (!location) throw new UserError(`--changed-since needs git, but the data root ${root} is not in a git repository`);
  return changedSince(location, resolveRevision(location.top, revision));
}
