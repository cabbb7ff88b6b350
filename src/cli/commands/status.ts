/** accsm status set <project-id> <status>: record a project's status on a date. */
import type { Command } from 'commander';
import { planStatusSet } from '../../core/edit/status.js';
import { STATUSES } from '../../core/types.js';
import { today } from '../io.js';
import { addEditOptions, asDate, asStatus, checkMeeting, editAndFinish, examples, groupCommand, type CommandContext } from '../shared.js';

interface StatusSetFlags {
  data?: string;
  plan?: string;
  date?: string;
  meeting?: string;
  note?: string;
  source?: string;
  amend?: boolean;
  dryRun?: boolean;
}

export function registerStatus(program: Command, ctx: CommandContext): Command {
  const status = groupCommand(program, ctx, 'status', 'change the status history of a project', [
    'accsm status set P07 completed --date 2024-08-05 --meeting som-22',
    'accsm status set P12 ongoing --note "Workshop held" --dry-run',
  ]);
  const set = status
    .command('set')
    .description("record a project's status on a date: adds one entry at the end of its status list")
    .argument('<project-id>', 'the project, for example P07 (its file name without .yaml)')
    .argument('<status>', STATUSES.join(', '), asStatus('status'))
    .option('--date <YYYY-MM-DD>', 'the day the status took effect or was reported (default: today; with --amend, the date of the entry replaced)', asDate('--date'))
    .option('--meeting <id>', 'the meeting that took note of it (an id in meetings.yaml)')
    .option('--note <text>', 'a note for readers')
    .option('--source <text>', 'where the fact comes from')
    .option('--plan <id>', 'the plan that holds the project, when the id is in more than one plan')
    .option('--amend', 'replace the latest entry instead of adding one (a same-day correction); meeting, note and source not given are kept');
  addEditOptions(set)
    .addHelpText('after', examples(
        'accsm status set P07 completed --date 2024-08-05 --meeting som-22',
        'accsm status set P12 ongoing --note "Workshop held" --dry-run',
        'accsm status set P07 ongoing --amend     # the entry just recorded should have said ongoing',
      ))
    .action((projectId: string, value: string, flags: StatusSetFlags) => {
      const { io } = ctx;
      const date = flags.date ?? (flags.amend ? undefined : today(io));
      const args = { project: projectId, plan: flags.plan, status: value, date, meeting: flags.meeting, note: flags.note, source: flags.source, amend: flags.amend === true };
      ctx.exitCode = editAndFinish(io, flags, (loaded) => {
        if (args.meeting !== undefined) checkMeeting(loaded, args.meeting, '--meeting');
        return planStatusSet(loaded, args, io.cwd);
      });
    });
  return status;
}
