/**
 * What the commands share: the context a command runs in, the options several
 * commands take, loading valid data, and the edit plumbing. A command imports
 * this module, never another command, and nothing here imports a command.
 */
import { dirname, resolve } from 'node:path';
import { Option, InvalidArgumentError, type Command } from 'commander';
import { applyRuleSettings } from '../core/config.js';
import type { DiagnosticSummary } from '../core/diagnostic.js';
import { writeFileAtomic } from '../core/edit/atomic.js';
import { applyChanges, describeRecovery, runEdit, type EditOutcome, type FileChange } from '../core/edit/commit.js';
import { lockPathFor, withLock } from '../core/edit/lock.js';
import { recoverRoot } from '../core/edit/transaction.js';
import { UserError } from '../core/errors.js';
import { isDataRoot } from '../core/load.js';
import { resolveDataRoot, type ResolvedRoot } from '../core/root.js';
import type { DataSet, Status } from '../core/types.js';
import type { LoadedRoot } from '../core/load.js';
import { bodyValue, countryValue, dateValue, looksLikeDate, meetingValue, planValue, statusValue } from '../core/values.js';
import { containErrors, leftOutLine, type DataScope } from '../core/contain.js';
import { displayPath, validateRoot, type ValidateResult } from '../core/validate.js';
import { stylish } from '../formatters/diagnostics/stylish.js';
import { diagnosticFormatters, type DiagnosticFormat } from '../formatters/diagnostics/index.js';
import { SCOPE_FORMATS, type ScopeFormat } from '../formatters/shared/formats.js';
import { lockWaitMs, today, wantsColor, type CliIO } from './io.js';
import { addCacheOptions, openRootCache, type CacheFlags, type RootCache } from './cache.js';

export { addCacheOptions, type CacheFlags };

/** The cache of a root when --cache is given (see src/cli/cache.ts). */
export function rootCache(io: CliIO, flags: CacheFlags, root: ResolvedRoot): RootCache | undefined {
  return openRootCache(io, flags, root, VERSION);
}

export interface CommandContext {
  io: CliIO;
  /** set by the command's action */
  exitCode: number;
}

export const VERSION = '0.1.0';

/** The "Examples:" block at the end of a command's help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

export function addDataOption(cmd: Command): Command {
  return cmd.option('--data <dir>', 'the data root (default: $ACCSM_DATA, else data: in the nearest accsm.config.yaml, else this folder or ./data when it holds plans/, else the ACCSM data shipped with accsm)');
}

/**
 * The data root a command works on. A broken accsm.config.yaml is a usage
 * error (exit 2) listing its problems; the shipped data is never used without
 * one line on stderr saying so, and `validate` under CI refuses it (exit 2).
 */
export function dataRoot(io: CliIO, data: string | undefined, options: { refuseShippedInCI?: boolean; /** the command refuses the shipped data itself (editing) */ refusesShipped?: boolean } = {}): ResolvedRoot {
  const root = resolveDataRoot({ data, env: io.env, cwd: io.cwd });
  const problems = root.config?.diagnostics ?? [];
  if (problems.length > 0) {
    const name = displayPath(root.config!.path, io.cwd);
    throw new UserError(`${name} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}, so accsm does not know which data or rules to use:\n${problems.map((d) => `  ${name}:${d.line}:${d.column}  ${d.message}`).join('\n')}`);
  }
  if (root.source === 'embedded' && !options.refusesShipped) {
    const around = enclosingRoot(io.cwd);
    const hint = around === undefined ? 'give --data DIR, set ACCSM_DATA, or run accsm init' : `${displayPath(around, io.cwd)} is a data root: give --data ${displayPath(around, io.cwd)}, or add accsm.config.yaml there (accsm init writes one)`;
    if (options.refuseShippedInCI && isSet(io.env.CI)) {
      throw new UserError(`no data root found (no --data, $ACCSM_DATA, accsm.config.yaml, plans/ or ./data/plans here), and CI is set, so accsm does not check the ACCSM data shipped with it instead: ${hint}`);
    }
    io.stderr(`accsm: using the ACCSM data shipped with accsm (no --data, $ACCSM_DATA, accsm.config.yaml, plans/ or ./data/plans here); ${hint}\n`);
  }
  return root;
}

/** The root's diagnostics with the severities its accsm.config.yaml sets. */
export function withRuleSettings<T extends DiagnosticSummary>(root: ResolvedRoot, result: T): T {
  return root.config ? applyRuleSettings(result, root.config.config.rules) : result;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The working directory or the nearest folder above it that is a data root. */
function enclosingRoot(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (isDataRoot(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export function formatOption(choices: readonly string[], defaultValue: string): Option {
  return new Option('-f, --format <name>', 'output format').choices(choices as string[]).default(defaultValue);
}

export function parseNonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return Number(value);
}

/** Parsers that check a command-line value as it is read (src/core/values.ts): a bad one is a usage error naming `name`. */
export const asStatus = (name: string) => (value: string) => statusValue(value, name);
export const asStatuses = (name: string) => (value: string, previous?: Status[]) => [...(previous ?? []), statusValue(value, name)];
export const asDate = (name: string) => (value: string) => dateValue(value, name);
export const asBody = (name: string) => (value: string) => bodyValue(value, name);
export const asCountry = (name: string) => (value: string) => countryValue(value, name);
export const asCountries = (name: string) => (value: string, previous?: string[]) => [...(previous ?? []), countryValue(value, name)];
/** --as-of: a date is checked now; a meeting id when the data is read. */
export const asDateOrMeeting = (name: string) => (value: string) => (looksLikeDate(value) ? dateValue(value, name) : value);

/** A meeting id given on the command line, checked against meetings.yaml (unless that file has problems of its own, which the edit reports). */
export function checkMeeting(loaded: LoadedRoot, value: string, name: string): void {
  const file = loaded.files.find((f) => f.kind === 'meetings');
  if (file && !file.valid) return;
  // from the meetings file itself: the DataSet would be made for it (every project read whole, after an edit's load on demand)
  const meetings = file && Array.isArray(file.data) ? (file.data as { id: string }[]) : [];
  meetingValue(value, name, meetings.map((m) => m.id));
}

/** The options report and list share. */
export interface ScopeFlags extends CacheFlags {
  data?: string;
  plan?: string[];
  asOf?: string;
  lead?: string[];
  partner?: string[];
  area?: string;
  format: ScopeFormat;
  /** write to this file instead of stdout (needed for xlsx) */
  out?: string;
}

/** --plan, --as-of, --lead, --area, --format, --data, --cache. */
export function addScopeOptions(cmd: Command): Command {
  return addCacheOptions(addDataOption(cmd))
    .option('-p, --plan <id...>', 'work plans to include (default: every plan)')
    .option('--as-of <date|meeting>', 'a date (YYYY-MM-DD) or a meeting id, which stands for its last day (default: today)', asDateOrMeeting('--as-of'))
    .option('--lead <code...>', 'only projects led by one of these: country codes or names (PH, Philippines; PH,SG for two) or ASEC')
    .option('--partner <code...>', 'only projects with one of these as a partner, as for --lead')
    .option('--area <id>', 'only projects in this priority area')
    .addOption(formatOption(SCOPE_FORMATS, 'table'))
    .option('-o, --out <file>', 'write to this file instead of stdout (xlsx needs it: a workbook with one sheet per table)');
}

/**
 * The output of report or list: text to stdout or to --out; a workbook
 * (--format xlsx) only to --out, since a terminal cannot show one.
 */
export async function emitScoped(io: CliIO, flags: Pick<ScopeFlags, 'format' | 'out'>, text: () => string, workbook: () => Promise<Uint8Array>): Promise<void> {
  if (flags.format === 'xlsx' && flags.out === undefined) throw new UserError('--format xlsx writes a workbook: give the file with --out FILE.xlsx');
  if (flags.format === 'xlsx' && !/\.xlsx$/i.test(flags.out!)) throw new UserError(`--out ${flags.out}: a workbook's file name must end in .xlsx`);
  if (flags.out === undefined) {
    io.stdout(text());
    return;
  }
  writeOut(resolve(io.cwd, flags.out), flags.format === 'xlsx' ? await workbook() : text(), flags.out);
  io.stderr(`accsm: wrote ${flags.out}\n`);
}

/** Data whose figures can be shown: the plans without errors. */
export interface UsableData {
  data: DataSet;
  /** after the figures: lists the errors of the plans left out, says which and why, and returns the exit code (1 when any was left out) */
  finish(): number;
}

/**
 * Loads and validates the data root. An error in one plan's files leaves that
 * plan out and the others' figures available (containErrors in
 * src/core/contain.ts); the command prints them, then `finish()` lists the
 * errors on stderr and gives exit 1. An error outside every plan
 * (meetings.yaml), or in a plan the command names, gives no figures: the
 * errors go to stderr and this returns undefined (exit 1). Warnings are
 * summed up in one line on stderr.
 */
export function loadValidData(ctx: CommandContext, data: string | undefined, scope: DataScope = {}, cacheFlags: CacheFlags = {}, reads: { notes?: boolean } = {}): UsableData | undefined {
  const { io } = ctx;
  const root = dataRoot(io, data);
  const cached = openRootCache(io, cacheFlags, root, VERSION);
  // the figures need the data, not the texts (nor, for a command that says so, the notes): a file's text is read again only to place a problem in it
  const result = withRuleSettings(root, validateRoot(root.dir, { cwd: io.cwd, today: today(io), cache: cached?.cache, keep: reads.notes === false ? 'figures' : 'data' }));
  cached?.save();
  const planIds = result.loaded.files.filter((f) => f.kind === 'plan').map((f) => f.planId!);
  for (const id of scope.plans ?? []) planValue(id, '--plan', planIds);
  const warnings = (listed: string) => {
    if (result.warnings > 0) io.stderr(`accsm: ${listed} ${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}; run accsm validate to see ${result.warnings === 1 ? 'it' : 'them'}\n`);
  };
  if (result.errors === 0) {
    warnings('the data has');
    return { data: result.loaded.data, finish: () => 0 };
  }
  // only the errors are listed (the count counts the warnings too): they are what stands between the user and the figures
  const printErrors = () => {
    const errorsOnly = { ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
    io.stderr(stylish(errorsOnly, { color: wantsColor(io, 'stderr'), filesChecked: result.filesChecked, cwd: io.cwd }));
    warnings('not listed here:');
  };
  const contained = containErrors(result.loaded, result.diagnostics, scope, (path) => displayPath(path, io.cwd));
  if (!contained.usable) {
    printErrors();
    io.stderr(`accsm: ${contained.why}, so no figures are shown; fix them (see accsm validate) and run again\n`);
    return undefined;
  }
  return {
    data: contained.data,
    finish: () => {
      printErrors();
      for (const p of contained.leftOut) io.stderr(`accsm: ${leftOutLine(p)}\n`);
      return 1;
    },
  };
}

/** Unicode bars and borders unless the terminal is dumb or the locale says it is not UTF-8. */
export function wantsAscii(io: CliIO): boolean {
  if (io.env.TERM === 'dumb') return true;
  const locale = io.env.LC_ALL || io.env.LC_CTYPE || io.env.LANG;
  return locale !== undefined && locale !== '' && !/utf-?8/i.test(locale);
}

/** Options every editing command shares: the data root, --dry-run and --cache. */
export function addEditOptions(cmd: Command): Command {
  return addCacheOptions(addDataOption(cmd).option('--dry-run', 'print the change as a diff and write nothing'));
}

/** Prints an edit's outcome and returns its exit code. */
export function finishEdit(io: CliIO, out: { stdout: string; stderr: string; exitCode: number }): number {
  if (out.stdout) io.stdout(out.stdout);
  if (out.stderr) io.stderr(out.stderr);
  return out.exitCode;
}

/** Diagnostics of a refused or warned change, laid out for stderr. */
export function stderrFormat(io: CliIO) {
  return (summary: Parameters<typeof stylish>[0], filesChecked: number) => stylish(summary, { color: wantsColor(io, 'stderr'), filesChecked, cwd: io.cwd });
}

/** Runs one edit on the data root the flags name, prints the outcome and returns the exit code. */
export function editAndFinish(io: CliIO, flags: { data?: string; dryRun?: boolean } & CacheFlags, plan: Parameters<typeof runEdit>[1], reads: { wholeData?: boolean } = {}): number {
  const root = dataRoot(io, flags.data, { refusesShipped: true });
  const cached = openRootCache(io, flags, root, VERSION);
  const out = runEdit(root, plan, { cwd: io.cwd, today: today(io), dryRun: flags.dryRun === true, format: stderrFormat(io), lockWaitMs: lockWaitMs(io), cache: cached?.cache, ...reads });
  // the cache holds the files as they were before the change: a changed file is checked again on the next run
  cached?.save();
  return finishEdit(io, out);
}

/**
 * A group command (status, project, meeting). Its help ends with examples like
 * every other command's. Called without its subcommand: its help on stderr,
 * exit 2; with an unknown one (`accsm status sett`): a usage error naming it.
 */
export function groupCommand(program: Command, ctx: CommandContext, name: string, description: string, exampleLines: readonly string[]): Command {
  const group = program.command(name).description(description).allowExcessArguments(true).addHelpText('after', examples(...exampleLines));
  return group.action(() => {
    const [word] = group.args;
    if (word !== undefined) {
      const names = group.commands.map((c) => c.name());
      group.error(`error: unknown command '${word}' for 'accsm ${name}'; its commands: ${names.join(', ')} (see accsm ${name} --help)`, { exitCode: 2, code: 'commander.unknownCommand' });
    }
    group.outputHelp({ error: true });
    ctx.exitCode = 2;
  });
}

/** Writes a file atomically; a folder that does not exist or cannot be written is a usage error naming the file as the user gave it. */
export function writeOut(path: string, content: string | Uint8Array, shown: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UserError(`cannot write ${shown}: ${why}`);
  }
}

/**
 * Problems found in spreadsheet cells (sheet in, import): the diagnostics on
 * stdout in the --format asked for, as validate prints them, and one line on
 * stderr that nothing was written. Returns exit code 1.
 */
export function refuseCells(io: CliIO, summary: DiagnosticSummary, format: DiagnosticFormat, files: readonly string[], where: string): number {
  io.stdout(diagnosticFormatters[format](summary, { color: wantsColor(io, 'stdout'), filesChecked: files.length, files, cwd: io.cwd, version: VERSION }));
  io.stderr(`accsm: nothing written: ${summary.errors} ${summary.errors === 1 ? 'cell is' : 'cells are'} wrong in ${where}; fix ${summary.errors === 1 ? 'it' : 'them'} and run again\n`);
  return 1;
}

/**
 * Runs `fn` holding the data root's lock, after putting right what an
 * interrupted edit left (said on stderr), as every edit does; a dry run takes
 * no lock. `fn` reads, checks and writes the root.
 */
export function withRootLock<T>(io: CliIO, root: string, dryRun: boolean, fn: () => T): T {
  if (dryRun) return fn();
  return withLock(
    lockPathFor(root),
    () => {
      const recovered = describeRecovery(recoverRoot(root, { cwd: io.cwd }));
      if (recovered) io.stderr(recovered);
      return fn();
    },
    { waitMs: lockWaitMs(io), label: `the data root ${displayPath(root, io.cwd)}` },
  );
}

/**
 * Checks changes made from spreadsheet cells against the whole root and
 * writes them (all or none) unless --dry-run. A refusal is printed and
 * undefined returned (exit 1); otherwise the outcome and the data as it is
 * after the change.
 */
export function writeFromCells(
  io: CliIO,
  root: string,
  changes: readonly FileChange[],
  before: ValidateResult,
  options: { today: string; dryRun: boolean; what: string },
): { outcome: Exclude<EditOutcome, { kind: 'refused' }>; after: ValidateResult } | undefined {
  const outcome = applyChanges(root, changes, before, { cwd: io.cwd, today: options.today, dryRun: options.dryRun });
  if (outcome.kind === 'refused') {
    io.stderr(`accsm: nothing written: ${options.what} would make the data invalid\n${stderrFormat(io)(outcome.diagnostics, outcome.filesChecked)}`);
    return undefined;
  }
  const overlay = new Map(changes.map((c) => [c.path, c.after] as const));
  return { outcome, after: validateRoot(root, { cwd: io.cwd, today: options.today, overlay }) };
}
