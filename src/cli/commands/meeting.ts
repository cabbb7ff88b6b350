/** accsm meeting add: a new meeting in meetings.yaml. */
import type { Command } from 'commander';
import { planMeetingAdd, type MeetingAddArgs } from '../../core/edit/meeting.js';
import { addEditOptions, asBody, asCountry, asDate, editAndFinish, examples, groupCommand, type CommandContext } from '../shared.js';

/** The meeting's fields, plus the options every editing command has. */
type MeetingAddFlags = MeetingAddArgs & { data?: string; dryRun?: boolean };

export function registerMeeting(program: Command, ctx: CommandContext): Command {
  const meeting = groupCommand(program, ctx, 'meeting', 'add meetings to meetings.yaml', [
    'accsm meeting add --id som-23 --name "23rd ACCSM Senior Officials Meeting" --date 2026-08-04 --body ACCSM --host PH',
  ]);
  const add = meeting
    .command('add')
    .description('add a meeting at the end of meetings.yaml (made when the root has none)')
    .requiredOption('--id <id>', 'a short unique id that status entries use, for example som-23')
    .requiredOption('--name <text>', "the meeting's full name")
    .requiredOption('--date <YYYY-MM-DD>', 'the day it was held (its first day)', asDate('--date'))
    .option('--end <YYYY-MM-DD>', 'its last day, when it ran over several days', asDate('--end'))
    .option('--body <body>', 'ACCSM or ACCSM+3', asBody('--body'))
    .option('--host <code>', 'the host country: a code such as BN, or its name', asCountry('--host'))
    .option('--note <text>', 'a note for readers')
    .option('--source <text>', 'where the facts come from');
  addEditOptions(add)
    .addHelpText('after', examples('accsm meeting add --id som-23 --name "23rd ACCSM Senior Officials Meeting" --date 2026-08-04 --body ACCSM --host PH'))
    .action((flags: MeetingAddFlags) => {
      const { io } = ctx;
      const { data: _data, dryRun: _dryRun, ...args } = flags;
      ctx.exitCode = editAndFinish(io, flags, (loaded) => planMeetingAdd(loaded, args, io.cwd));
    });
  return meeting;
}
