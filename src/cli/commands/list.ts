/** accsm list: one row a project with its status as of a date or meeting. */
import type { Command } from 'commander';
import { STATUSES, type Status } from '../../core/types.js';
import { outputWidth, today, wantsColor } from '../io.js';
import { addScopeOptions, asStatuses, emitScoped, examples, loadValidData, wantsAscii, type CommandContext, type ScopeFlags } from '../shared.js';

interface ListFlags extends ScopeFlags {
  status?: Status[];
  notUpdatedSince?: string;
}

export function registerList(program: Command, ctx: CommandContext): Command {
  const cmd = program.command('list').description('one line a project, with its status as of a date or meeting');
  addScopeOptions(cmd)
    .option('-s, --status <status...>', `only projects with these statuses: ${STATUSES.join(', ')}`, asStatuses('--status'))
    .option('--not-updated-since <meeting|date>', "only projects with no status entry dated on or after the meeting's first day or the date (up to --as-of): the list to chase before a SOM")
    .addHelpText('after', examples('accsm list --plan accsm-2021-2025 --status ongoing planned', 'accsm list --as-of som-22 --lead VN --format csv > vn.csv', 'accsm list --not-updated-since som-22 --lead PH,SG', 'accsm list --as-of som-22 --format xlsx --out projects.xlsx'))
    .action(async (flags: ListFlags) => {
      ctx.exitCode = await runList(ctx, flags);
    });
  return cmd;
}

async function runList(ctx: CommandContext, flags: ListFlags): Promise<number> {
  const { io } = ctx;
  const usable = loadValidData(ctx, flags.data, { plans: flags.plan }, flags, { notes: false });
  if (!usable) return 1;
  const { data } = usable;
  const { listProjects } = await import('../../core/views.js');
  const { resolveAsOf } = await import('../../core/as-of.js');
  const list = listProjects(data, { asOf: resolveAsOf(data, flags.asOf ?? today(io)), plans: flags.plan, lead: flags.lead, partner: flags.partner, area: flags.area, statuses: flags.status, notUpdatedSince: flags.notUpdatedSince });
  const { listFormatters } = await import('../../formatters/list/index.js');
  const format = flags.format;
  const render = { color: wantsColor(io, 'stdout'), ascii: wantsAscii(io), width: outputWidth(io) };
  await emitScoped(io, flags, () => listFormatters[format === 'xlsx' ? 'csv' : format](list, render), async () => (await import('../../formatters/xlsx/report.js')).listWorkbook(list, { created: today(io) }));
  return usable.finish();
}
