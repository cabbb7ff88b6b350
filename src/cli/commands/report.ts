/** accsm report: where each work plan stands as of a date or meeting. Also the data loading that list and show share. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { validateRoot } from '../../core/validate.js';
import type { DataSet } from '../../core/types.js';
import { stylish } from '../../formatters/diagnostics/stylish.js';
import { TABULAR_FORMATS, type TabularFormat } from '../../formatters/shared/formats.js';
import { outputWidth, today, wantsColor, type CliIO } from '../io.js';
import { addDataOption, dataRoot, formatOption } from '../options.js';
import { examples, type CommandContext } from '../program.js';

/** The options report and list share. */
export interface ScopeFlags {
  data?: string;
  plan?: string[];
  asOf?: string;
  lead?: string;
  area?: string;
  format: TabularFormat;
}

/**
 * Loads and validates the data root. With errors, prints the diagnostics to
 * stderr and returns undefined (exit 1): no figures from invalid data.
 * Warnings are summed up in one line on stderr.
 */
export function loadValidData(ctx: CommandContext, data: string | undefined): DataSet | undefined {
  const { io } = ctx;
  const root = data === undefined ? dataRoot(io, undefined).dir : resolve(io.cwd, data);
  const result = validateRoot(root, { cwd: io.cwd, today: today(io) });
  if (result.errors > 0) {
    const filesChecked = result.loaded.files.filter((f) => f.kind !== 'other').length;
    io.stderr(stylish(result, { color: wantsColor(io, 'stderr'), filesChecked, cwd: io.cwd }));
    io.stderr('accsm: the data has errors, so no figures are shown; fix them (see accsm validate) and run again\n');
    return undefined;
  }
  if (result.warnings > 0) io.stderr(`accsm: the data has ${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}; run accsm validate to see ${result.warnings === 1 ? 'it' : 'them'}\n`);
  return result.loaded.data;
}

/** Unicode bars and borders unless the terminal is dumb or the locale says it is not UTF-8. */
export function wantsAscii(io: CliIO): boolean {
  if (io.env.TERM === 'dumb') return true;
  const locale = io.env.LC_ALL || io.env.LC_CTYPE || io.env.LANG;
  return locale !== undefined && locale !== '' && !/utf-?8/i.test(locale);
}

/** --plan, --as-of, --lead, --area, --format, --data. */
export function addScopeOptions(cmd: Command): Command {
  return addDataOption(cmd)
    .option('-p, --plan <id...>', 'work plans to include (default: every plan that has projects)')
    .option('--as-of <date|meeting>', 'a date (YYYY-MM-DD) or a meeting id, which stands for its last day (default: today)')
    .option('--lead <code>', 'only projects led by this country code or ASEC')
    .option('--area <id>', 'only projects in this priority area')
    .addOption(formatOption(TABULAR_FORMATS, 'table'));
}

export function registerReport(program: Command, ctx: CommandContext): Command {
  const cmd = program.command('report').description('where each work plan stands: counts by status, priority area and lead, timing and projection');
  addScopeOptions(cmd)
    .addHelpText('after', examples('accsm report --plan accsm-2021-2025 --as-of som-21', 'accsm report --as-of 2024-08-07 --lead VN --format markdown > report.md'))
    .action(async (flags: ScopeFlags) => {
      ctx.exitCode = await runReport(ctx, flags);
    });
  return cmd;
}

async function runReport(ctx: CommandContext, flags: ScopeFlags): Promise<number> {
  const { io } = ctx;
  const data = loadValidData(ctx, flags.data);
  if (!data) return 1;
  const { computeReport, resolveAsOf } = await import('../../core/report.js');
  const { asOf, meeting } = resolveAsOf(data, flags.asOf ?? today(io));
  const report = computeReport(data, { asOf, plans: flags.plan, lead: flags.lead, area: flags.area });
  if (meeting) report.meeting = meeting;
  const { reportFormatters } = await import('../../formatters/report/index.js');
  io.stdout(reportFormatters[flags.format](report, { color: wantsColor(io, 'stdout'), ascii: wantsAscii(io), width: outputWidth(io) }));
  return 0;
}
