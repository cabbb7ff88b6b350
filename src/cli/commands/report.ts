/** accsm report: where each work plan stands as of a date or meeting. */
import type { Command } from 'commander';
import { outputWidth, today, wantsColor } from '../io.js';
import { addScopeOptions, examples, loadValidData, wantsAscii, type CommandContext, type ScopeFlags } from '../shared.js';

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
