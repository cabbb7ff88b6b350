/** accsm report: where each work plan stands as of a date or meeting. */
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { outputWidth, today, wantsColor } from '../io.js';
import { addScopeOptions, emitScoped, examples, loadValidData, wantsAscii, type CommandContext, type ScopeFlags } from '../shared.js';

export function registerReport(program: Command, ctx: CommandContext): Command {
  const cmd = program.command('report').description('where each work plan stands: counts by status, priority area and lead, timing and projection');
  addScopeOptions(cmd)
    .option('--over <meetings|years|months>', "the headline at each meeting of the plan's body, or at the end of each year or month, up to --as-of")
    .option('--chart <file.svg>', 'with --over: also write the progress-over-time chart of the plan as SVG')
    .addHelpText(
      'after',
      examples(
        'accsm report --plan accsm-2021-2025 --as-of som-21',
        'accsm report --as-of 2024-08-07 --lead VN --format markdown > report.md',
        'accsm report --over meetings --plan accsm-2021-2025 --chart progress.svg',
        'accsm report --as-of som-22 --format xlsx --out report.xlsx',
      ),
    )
    .action(async (flags: ReportFlags) => {
      ctx.exitCode = await runReport(ctx, flags);
    });
  return cmd;
}

type ReportFlags = ScopeFlags & { over?: string; chart?: string };

async function runReport(ctx: CommandContext, flags: ReportFlags): Promise<number> {
  const { io } = ctx;
  const usable = loadValidData(ctx, flags.data, { plans: flags.plan }, flags, { notes: false });
  if (!usable) return 1;
  const { data } = usable;
  const render = { color: wantsColor(io, 'stdout'), ascii: wantsAscii(io), width: outputWidth(io) };
  if (flags.over !== undefined) {
    const format = flags.format;
    if (format === 'xlsx' || flags.out !== undefined) throw new UserError('--over writes to stdout as table, markdown, json or csv (no --format xlsx or --out); redirect it to a file');
    const { runOver } = await import('../over.js');
    return (await runOver(io, data, { ...flags, format, over: flags.over }, render)) === 0 ? usable.finish() : 1;
  }
  if (flags.chart !== undefined) throw new UserError('--chart goes with --over (the chart shows progress over time)');
  const { computeReport } = await import('../../core/report.js');
  const { resolveAsOf } = await import('../../core/as-of.js');
  const report = computeReport(data, { asOf: resolveAsOf(data, flags.asOf ?? today(io)), plans: flags.plan, lead: flags.lead, partner: flags.partner, area: flags.area });
  const { reportFormatters } = await import('../../formatters/report/index.js');
  const format = flags.format;
  await emitScoped(io, flags, () => reportFormatters[format === 'xlsx' ? 'csv' : format](report, render), async () => (await import('../../formatters/xlsx/report.js')).reportWorkbook(report, { created: today(io) }));
  return usable.finish();
}
