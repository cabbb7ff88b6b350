/** accsm import FILE.xlsx|FILE.csv --plan ID: project files from an existing tracker, all checked first, all written or none. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { summarize } from '../../core/diagnostic.js';
import { assertWritable } from '../../core/edit/commit.js';
import { UserError } from '../../core/errors.js';
import { displayPath, validateRoot } from '../../core/validate.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../../formatters/diagnostics/index.js';
import { today } from '../io.js';
import { addCacheOptions, addDataOption, dataRoot, rootCache, type CacheFlags, examples, formatOption, refuseCells, stderrFormat, withRootLock, writeFromCells, type CommandContext } from '../shared.js';

interface ImportFlags extends CacheFlags {
  data?: string;
  plan: string;
  map?: string;
  sheet?: string;
  date?: string;
  meeting?: string;
  dryRun?: boolean;
  format: DiagnosticFormat;
}

export function registerImport(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('import')
    .description('create project files from an existing tracker (.xlsx or .csv): countries by name, status words, areas by id or title')
    .argument('<file>', 'the tracker, .xlsx or .csv; its first row (of the first 20) that names the columns is the header');
  addCacheOptions(addDataOption(cmd))
    .requiredOption('-p, --plan <id>', 'the plan the projects belong to')
    .option('--map <field=col,...>', 'which column holds which field, by letter or header: id, title, lead, partners, area, status, date, note, start, end (default: guessed from the headers)')
    .option('--sheet <name>', 'the sheet of a workbook to read (default: the first that has rows)')
    .option('--date <YYYY-MM-DD>', 'the status date of rows without one')
    .option('--meeting <id>', 'the meeting that took note of the statuses; its date is the default status date')
    .option('--dry-run', 'check everything and show what would be created; write nothing')
    .addOption(formatOption(DIAGNOSTIC_FORMATS, 'stylish'))
    .addHelpText(
      'after',
      examples('accsm import tracker.csv --plan accsm-2021-2025 --meeting som-21 --dry-run', 'accsm import tracker.xlsx --plan accsm-2021-2025 --map id=A,title=B,lead=C,area=D,status=E,date=F'),
    )
    .action(async (file: string, flags: ImportFlags) => {
      ctx.exitCode = await runImport(ctx, file, flags);
    });
  return cmd;
}

async function runImport(ctx: CommandContext, file: string, flags: ImportFlags): Promise<number> {
  const { io } = ctx;
  const root = dataRoot(io, flags.data);
  if (!flags.dryRun) assertWritable(root.source, root.dir);
  const now = today(io);
  const { parseMap, mapColumns, REQUIRED_FIELDS, describeColumn } = await import('../../core/import/columns.js');
  const given = flags.map === undefined ? new Map() : parseMap(flags.map);
  const { readGrid } = await import('../../core/sheet/files.js');
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  const grid = await readGrid({ path, shown });
  if (!grid.ok) throw new UserError(grid.why.startsWith('cannot read') ? grid.why : `cannot import ${shown}: ${grid.why}`);
  const sheets = grid.grid.sheets.filter((s) => s.rows.length > 0);
  const sheet = flags.sheet === undefined ? (sheets.find((s) => !s.hidden) ?? sheets[0]) : grid.grid.sheets.find((s) => s.name === flags.sheet);
  if (!sheet) {
    throw new UserError(flags.sheet === undefined ? `${shown} has no rows to import` : `${shown} has no sheet "${flags.sheet}"; its sheets: ${grid.grid.sheets.map((s) => s.name).join(', ')}`);
  }
  const { importRows } = await import('../../core/import/rows.js');
  const { planImportFiles } = await import('../../core/import/files.js');
  const { computeReport, headline } = await import('../../core/report.js');
  // the tracker is read first; the data root is read, checked and written holding its lock
  const cached = rootCache(io, flags, root);
  const code = withRootLock(io, root.dir, flags.dryRun === true, () => {
    const before = validateRoot(root.dir, { cwd: io.cwd, today: now, cache: cached?.cache });
    const plan = before.loaded.data.plans.find((p) => p.plan.id === flags.plan);
    if (!plan) throw new UserError(`unknown plan "${flags.plan}"; plans: ${before.loaded.data.plans.map((p) => p.plan.id).join(', ') || 'none'}${before.errors ? ' (plans with errors are left out; see accsm validate)' : ''}`);
    let defaultDate = flags.date;
    if (defaultDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(defaultDate)) throw new UserError(`--date ${defaultDate} is not YYYY-MM-DD`);
    if (flags.meeting !== undefined) {
      const m = before.loaded.data.meetings.find((x) => x.id === flags.meeting);
      if (!m) throw new UserError(`unknown meeting "${flags.meeting}"; meetings: ${before.loaded.data.meetings.map((x) => x.id).join(', ') || 'none'}`);
      defaultDate ??= m.date;
    }
    const map = mapColumns(sheet, given);
    const sheetName = grid.grid.kind === 'xlsx' ? sheet.name : undefined;
    const missing = REQUIRED_FIELDS.filter((f) => map.columns[f] === undefined);
    if (map.columns.date === undefined && defaultDate === undefined) missing.push('date');
    if (missing.length) {
      const headers = map.headerRow ? `the headers in row ${map.headerRow} are ${[...sheet.rows.find((r) => r.number === map.headerRow)!.cells.values()].map((c) => `"${(c as { text?: string }).text ?? ''}"`).join(', ')}` : 'no row names the columns';
      throw new UserError(
        `cannot tell which column of ${shown} holds the ${missing.join(', ')}: ${headers}. Say which with --map, for example --map ${missing.map((f, i) => `${f}=${String.fromCharCode(66 + i)}`).join(',')}${missing.includes('date') ? ' (or give --date or --meeting for the status date)' : ''}`,
      );
    }
    const existing = before.loaded.files.filter((f) => f.kind === 'project' && f.planId === flags.plan).map((f) => f.expectedId!);
    const rows = importRows(sheet, map, {
      plan: plan.plan, existing, file: shown, ...(sheetName !== undefined ? { sheet: sheetName } : {}), date1904: grid.grid.date1904,
      ...(defaultDate !== undefined ? { defaultDate } : {}), ...(flags.meeting !== undefined ? { meeting: flags.meeting } : {}), today: now,
    });
    const summary = summarize(rows.diagnostics);
    if (summary.errors > 0) {
      return refuseCells(io, summary, flags.format, [shown], shown);
    }
    if (rows.projects.length === 0) {
      io.stderr(`accsm: ${shown} has no rows below the header; nothing written\n`);
      return 1;
    }
    const changes = planImportFiles(before.loaded, flags.plan, rows.projects);
    const written = writeFromCells(io, root.dir, changes, before, { today: now, dryRun: flags.dryRun === true, what: 'the new files' });
    if (!written) return 1;
    const { outcome, after } = written;
    if (summary.warnings) io.stderr(stderrFormat(io)(summary, 1));
    const columns = (Object.keys(map.columns) as (keyof typeof map.columns)[]).map((f) => `${f}=${describeColumn(map, sheet, f)}`).join(', ');
    const lines = rows.projects.map((p, i) => `  ${displayPath(changes[i]!.path, io.cwd)}  ${p.status.padEnd(9)}  ${(p.data.lead as string[]).join(',')}  ${p.data.title as string}`);
    const asOf = rows.projects.reduce((m, p) => ((p.data.status as { date: string }[])[0]!.date > m ? (p.data.status as { date: string }[])[0]!.date : m), '0000-00-00');
    const report = computeReport(after.loaded.data, { asOf, plans: [flags.plan] }).plans[0]!;
    const counts = (['completed', 'ongoing', 'planned', 'postponed', 'cancelled'] as const).filter((s) => report.counts[s] > 0).map((s) => `${report.counts[s]} ${s} (${report.percents[s]}%)`);
    io.stdout(`${flags.dryRun ? 'Would create' : 'Created'} ${rows.projects.length} project ${rows.projects.length === 1 ? 'file' : 'files'} from ${shown} (columns: ${columns}):\n${lines.join('\n')}\n\n${report.title} as of ${asOf}: ${counts.join(', ')}; ${headline(report)}\n`);
    io.stderr(outcome.kind === 'dry-run' ? 'accsm: dry run: nothing written\n' : `accsm: created ${outcome.files.length} project ${outcome.files.length === 1 ? 'file' : 'files'}\n`);
    return 0;
  });
  // the cache holds the files as they were before the change: the changed ones are checked again on the next run
  cached?.save();
  return code;
}
