/**
 * accsm sheet out / sheet in: the status round. Out: one workbook per plan and
 * lead country for its focal point to fill. In: the returned workbooks, every
 * cell checked, all updates recorded in one change or none.
 */
import { mkdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { summarize } from '../../core/diagnostic.js';
import { assertWritable } from '../../core/edit/commit.js';
import { UserError } from '../../core/errors.js';
import { displayPath, validateRoot } from '../../core/validate.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../../formatters/diagnostics/index.js';
import { DIFF_FORMATS, type DiffFormat } from '../../formatters/diff/formats.js';
import { today, wantsColor } from '../io.js';
import { addCacheOptions, addDataOption, dataRoot, rootCache, type CacheFlags, examples, formatOption, groupCommand, loadValidData, refuseCells, stderrFormat, withRootLock, writeFromCells, writeOut, type CommandContext } from '../shared.js';

interface OutFlags extends CacheFlags {
  data?: string;
  plan?: string[];
  lead?: string[];
  asOf?: string;
  for?: string;
  out: string;
  format?: 'xlsx' | 'csv';
}

interface InFlags extends CacheFlags {
  data?: string;
  meeting?: string;
  dryRun?: boolean;
  format: DiagnosticFormat;
  diffFormat: DiffFormat;
}

export function registerSheet(program: Command, ctx: CommandContext): Command {
  const sheet = groupCommand(program, ctx, 'sheet', 'the status round: sheets out to focal points, back in as status entries', [
    'accsm sheet out --plan accsm-2021-2025 --for som-22 --out round/',
    'accsm sheet in round/*.xlsx --data ./data --dry-run',
  ]);
  const out = sheet
    .command('out')
    .description('write one workbook per lead country: its projects, with columns to fill for the new status, its date and a note');
  addCacheOptions(addDataOption(out))
    .option('-p, --plan <id...>', 'work plans (default: every plan that has projects; one workbook per plan and country)')
    .option('--lead <code...>', 'countries (codes, or ASEC) to write a workbook for (default: every lead country of the plan)')
    .option('--as-of <date|meeting>', 'the date the current statuses are shown as of (default: today)')
    .option('--for <meeting>', 'the meeting the round is for; sheet in records its id with each new status')
    .requiredOption('-o, --out <dir|file>', 'a folder for the workbooks (made when missing), or one .xlsx (or .csv) file when there is one workbook')
    .addOption(new Option('-f, --format <name>', 'xlsx, or csv for focal points without a spreadsheet program that reads .xlsx (default: from --out, else xlsx)').choices(['xlsx', 'csv']))
    .addHelpText('after', examples('accsm sheet out --for som-22 --out round/', 'accsm sheet out --lead VN --as-of 2024-08-05 --out VN.xlsx', 'accsm sheet out --format csv --out round/'))
    .action(async (flags: OutFlags) => {
      ctx.exitCode = await runOut(ctx, flags);
    });
  const inCmd = sheet
    .command('in')
    .description('read returned sheets, check every cell, and record all new statuses in one change, or nothing when a cell is wrong')
    .argument('<files...>', 'returned workbooks (.xlsx, as saved by Excel or LibreOffice) or CSV sheets');
  addCacheOptions(addDataOption(inCmd))
    .option('--meeting <id>', 'the meeting that takes note of the new statuses (default: the one the sheet was made for)')
    .option('--dry-run', 'check and show the transitions, write nothing')
    .addOption(formatOption(DIAGNOSTIC_FORMATS, 'stylish').default('stylish'))
    .addOption(new Option('--diff-format <name>', 'how to show the transitions and headlines').choices([...DIFF_FORMATS]).default('text'))
    .addHelpText('after', examples('accsm sheet in returned/*.xlsx --dry-run', 'accsm sheet in VN.xlsx TH.xlsx --meeting som-22 --format github'))
    .action(async (files: string[], flags: InFlags) => {
      ctx.exitCode = await runIn(ctx, files, flags);
    });
  return sheet;
}

async function runOut(ctx: CommandContext, flags: OutFlags): Promise<number> {
  const { io } = ctx;
  const usable = loadValidData(ctx, flags.data, { plans: flags.plan }, flags);
  if (!usable) return 1;
  const { data } = usable;
  const { resolveAsOf } = await import('../../core/as-of.js');
  const { buildRoundSheets, roundFileName } = await import('../../core/sheet/round.js');
  const asOf = resolveAsOf(data, flags.asOf ?? today(io)).date;
  const sheets = buildRoundSheets(data, { plans: flags.plan, leads: flags.lead, asOf, meeting: flags.for, today: today(io) });
  const target = resolve(io.cwd, flags.out);
  const ext = extname(flags.out).toLowerCase();
  const toFile = ext === '.xlsx' || ext === '.csv';
  const format = flags.format ?? (ext === '.csv' ? 'csv' : 'xlsx');
  if (toFile && ext !== `.${format}`) throw new UserError(`--out ${flags.out} does not end in .${format}, the --format asked for`);
  if (toFile && sheets.length > 1) {
    throw new UserError(`--out ${flags.out} is one file, but there are ${sheets.length} workbooks (${sheets.map((s) => roundFileName(s, format)).join(', ')}); give a folder, or choose one country with --lead`);
  }
  if (!toFile && ext !== '' && !isDir(target)) throw new UserError(`--out ${flags.out}: give a folder, or a file name ending in .xlsx or .csv`);
  if (!toFile) {
    try {
      mkdirSync(target, { recursive: true });
    } catch {
      throw new UserError(`cannot make the folder ${flags.out}`);
    }
  }
  // exceljs is loaded only for workbooks
  const render = format === 'csv' ? (await import('../../formatters/round/csv.js')).roundCsv : (await import('../../formatters/xlsx/round.js')).roundWorkbook;
  for (const s of sheets) {
    const path = toFile ? target : join(target, roundFileName(s, format));
    writeOut(path, await render(s), displayPath(path, io.cwd));
    io.stderr(`accsm: wrote ${displayPath(path, io.cwd)} (${s.lead.name}: ${s.rows.length} ${s.rows.length === 1 ? 'project' : 'projects'})\n`);
  }
  return usable.finish();
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function runIn(ctx: CommandContext, files: string[], flags: InFlags): Promise<number> {
  const { io } = ctx;
  const root = dataRoot(io, flags.data);
  if (!flags.dryRun) assertWritable(root.source, root.dir);
  const now = today(io);
  const { readReturnedFiles } = await import('../../core/sheet/files.js');
  const { checkReturned } = await import('../../core/sheet/check.js');
  const { planRoundChanges } = await import('../../core/sheet/record.js');
  const { computeDiff } = await import('../../core/diff.js');
  const { diffFormatters } = await import('../../formatters/diff/index.js');
  // the returned sheets are read first; the data root is read, checked and written holding its lock
  const toRead = files.map((f) => ({ path: resolve(io.cwd, f), shown: displayPath(resolve(io.cwd, f), io.cwd) }));
  const read = await readReturnedFiles(toRead);
  const shown = toRead.map((f) => f.shown);
  const cached = rootCache(io, flags, root);
  const code = withRootLock(io, root.dir, flags.dryRun === true, () => {
    const before = validateRoot(root.dir, { cwd: io.cwd, today: now, cache: cached?.cache });
    const checked = checkReturned(before.loaded.data, read.sheets, { ...(flags.meeting ? { meeting: flags.meeting } : {}), today: now });
    const summary = summarize([...read.diagnostics, ...checked.diagnostics]);
    if (summary.errors > 0) return refuseCells(io, summary, flags.format, shown, `the returned ${files.length === 1 ? 'sheet' : 'sheets'}`);
    if (checked.updates.length === 0) {
      if (summary.warnings) io.stderr(stderrFormat(io)(summary, files.length));
      io.stderr(`accsm: no new statuses in ${files.length === 1 ? 'the sheet' : `the ${files.length} sheets`}: every row is blank; nothing written\n`);
      return 0;
    }
    const changes = planRoundChanges(before.loaded, checked.updates, io.cwd);
    const written = writeFromCells(io, root.dir, changes, before, { today: now, dryRun: flags.dryRun === true, what: 'the new statuses' });
    if (!written) return 1;
    const { outcome, after } = written;
    const asOf = checked.updates.reduce((m, u) => (u.entry.date > m ? u.entry.date : m), now);
    const diff = computeDiff(before.loaded.data, after.loaded.data, {
      asOf,
      base: { label: 'before', errors: before.errors, warnings: before.warnings },
      head: { label: flags.dryRun ? 'after (dry run)' : 'after', errors: after.errors, warnings: after.warnings },
    });
    io.stdout(diffFormatters[flags.diffFormat](diff, { color: wantsColor(io, 'stdout') }));
    if (summary.warnings) io.stderr(stderrFormat(io)(summary, files.length));
    const n = checked.updates.length;
    const what = `${n} new ${n === 1 ? 'status' : 'statuses'} from ${files.length} ${files.length === 1 ? 'sheet' : 'sheets'}`;
    io.stderr(outcome.kind === 'dry-run' ? `accsm: dry run: ${what} checked; nothing written\n` : `accsm: recorded ${what} in ${outcome.files.length} ${outcome.files.length === 1 ? 'file' : 'files'}\n`);
    return 0;
  });
  // the cache holds the files as they were before the change: the changed ones are checked again on the next run
  cached?.save();
  return code;
}
