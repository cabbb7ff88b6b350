/** accsm list: one row a project with its status as of a date or meeting. */
import { Option, type Command } from 'commander';
import { STATUSES, type Status } from '../../core/types.js';
import { outputWidth, today, wantsColor } from '../io.js';
import { addScopeOptions, examples, loadValidData, wantsAscii, type CommandContext, type ScopeFlags } from '../shared.js';

interface ListFlags extends ScopeFlags {
  status?: Status[];
}

export function registerList(program: Command, ctx: CommandContext): Command {
  const cmd = program.command('list').description('one line a project, with its status as of a date or meeting');
  addScopeOptions(cmd)
    .addOption(new Option('-s, --status <status...>', 'only projects with these statuses').choices([...STATUSES]))
    .addHelpText('after', examples('accsm list --plan accsm-2021-2025 --status ongoing planned', 'accsm list --as-of som-22 --lead VN --format csv > vn.csv'))
    .action(async (flags: ListFlags) => {
      ctx.exitCode = await runList(ctx, flags);
    });
  return cmd;
}

async function runList(ctx: CommandContext, flags: ListFlags): Promise<number> {
  const { io } = ctx;
  const usable = loadValidData(ctx, flags.data, { plans: flags.plan });
  if (!usable) return 1;
  const { data } = usable;
  const { listProjects } = await import('../../core/views.js');
  const { resolveAsOf } = await import('../../core/as-of.js');
  const list = listProjects(data, { asOf: resolveAsOf(data, flags.asOf ?? today(io)), plans: flags.plan, lead: flags.lead, area: flags.area, statuses: flags.status });
  const { listFormatters } = await import('../../formatters/list/index.js');
  io.stdout(listFormatters[flags.format](list, { color: wantsColor(io, 'stdout'), ascii: wantsAscii(io), width: outputWidth(io) }));
  return usable.finish();
}
