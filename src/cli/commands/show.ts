/** accsm show <project-id>: every field of one project and its status history as a timeline. */
import type { Command } from 'commander';
import { displayPath } from '../../core/validate.js';
import { SHOW_FORMATS, type ShowFormat } from '../../formatters/shared/formats.js';
import { outputWidth, today, wantsColor } from '../io.js';
import { addCacheOptions, addDataOption, type CacheFlags, asDateOrMeeting, examples, formatOption, loadValidData, wantsAscii, type CommandContext } from '../shared.js';

interface ShowFlags extends CacheFlags {
  data?: string;
  plan?: string;
  asOf?: string;
  format: ShowFormat;
}

export function registerShow(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('show')
    .description('one project: every field, and its status history with the entry in force marked')
    .argument('<project-id>', 'the project id (its file name without .yaml)');
  addCacheOptions(addDataOption(cmd))
    .option('-p, --plan <id>', 'the plan the project is in (needed when several plans use the id)')
    .option('--as-of <date|meeting>', 'mark the entry in force on this date or at this meeting (default: today)', asDateOrMeeting('--as-of'))
    .addOption(formatOption(SHOW_FORMATS, 'text'))
    .addHelpText('after', examples('accsm show P02', 'accsm show P02 --plan accsm-2021-2025 --as-of som-21 --format json'))
    .action(async (id: string, flags: ShowFlags) => {
      ctx.exitCode = await runShow(ctx, id, flags);
    });
  return cmd;
}

async function runShow(ctx: CommandContext, id: string, flags: ShowFlags): Promise<number> {
  const { io } = ctx;
  const usable = loadValidData(ctx, flags.data, { project: id, ...(flags.plan !== undefined ? { plans: [flags.plan] } : {}) }, flags);
  if (!usable) return 1;
  const { data } = usable;
  const { projectDetail } = await import('../../core/views.js');
  const { resolveAsOf } = await import('../../core/as-of.js');
  const asOf = resolveAsOf(data, flags.asOf ?? today(io));
  const detail = projectDetail(data, id, { asOf, ...(flags.plan !== undefined ? { plan: flags.plan } : {}) });
  const { showFormatters } = await import('../../formatters/show/index.js');
  io.stdout(showFormatters[flags.format](detail, { color: wantsColor(io, 'stdout'), ascii: wantsAscii(io), width: outputWidth(io), file: displayPath(detail.file, io.cwd) }));
  return usable.finish();
}
