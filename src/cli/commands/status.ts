/** accsm status set <project-id> <status>: record a project's status on a date. */
import type { Command } from 'commander';
import { runEdit } from '../../core/edit/commit.js';
import { planStatusSet } from '../../core/edit/status.js';
import { STATUSES } from '../../core/types.js';
import { stylish } from '../../formatters/diagnostics/stylish.js';
import { today, wantsColor, type CliIO } from '../io.js';
import { addDataOption, dataRoot } from '../options.js';
import { examples, type CommandContext } from '../program.js';

interface StatusSetFlags {
  data?: string;
  plan?: string;
  date?: string;
  meeting?: string;
  note?: string;
  source?: string;
  dryRun?: boolean;
}

/** Options every editing command shares: the data root and --dry-run. */
export function addEditOptions(cmd: Command): Command {
  return addDataOption(cmd).option('--dry-run', 'print the change as a diff and write nothing');
}

/** Prints an edit's outcome and returns its exit code. */
export function finishEdit(io: CliIO, out: { stdout: string; stderr: string; exitCode: number }): number {
  if (out.stdout) io.stdout(out.stdout);
  if (out.stderr) io.stderr(out.stderr);
  return out.exitCode;
}

/** Runs one edit on the data root the flags name, prints the outcome and returns the exit code. */
export function editAndFinish(io: CliIO, flags: { data?: string; dryRun?: boolean }, plan: Parameters<typeof runEdit>[1]): number {
  const out = runEdit(dataRoot(io, flags.data), plan, { cwd: io.cwd, today: today(io), dryRun: flags.dryRun === true, format: stderrFormat(io) });
  return finishEdit(io, out);
}

/** Diagnostics of a refused or warned change, laid out for stderr. */
export function stderrFormat(io: CliIO) {
  return (summary: Parameters<typeof stylish>[0], filesChecked: number) => stylish(summary, { color: wantsColor(io, 'stderr'), filesChecked, cwd: io.cwd });
}

/**
 * A group command (status, project, meeting). Its help ends with examples like
 * every other command's. Called without its subcommand: its help on stderr,
 * exit 2; with an unknown one (`accsm status sett`): a usage error naming it.
 */
export function groupCommand(program: Command, ctx: CommandContext, name: string, description: string, exampleLines: readonly string[]): Command {
  const group = program.command(name).description(description).allowExcessArguments(true).addHelpText('after', examples(...exampleLines));
  return group.action(() => {
    const [word] = group.args;
    if (word !== undefined) {
      const names = group.commands.map((c) => c.name());
      group.error(`error: unknown command '${word}' for 'accsm ${name}'; its commands: ${names.join(', ')} (see accsm ${name} --help)`, { exitCode: 2, code: 'commander.unknownCommand' });
    }
    group.outputHelp({ error: true });
    ctx.exitCode = 2;
  });
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
    .argument('<status>', STATUSES.join(', '))
    .option('--date <YYYY-MM-DD>', 'the day the status took effect or was reported (default: today)')
    .option('--meeting <id>', 'the meeting that took note of it (an id in meetings.yaml)')
    .option('--note <text>', 'a note for readers')
    .option('--source <text>', 'where the fact comes from')
    .option('--plan <id>', 'the plan that holds the project, when the id is in more than one plan');
  addEditOptions(set)
    .addHelpText('after', examples('accsm status set P07 completed --date 2024-08-05 --meeting som-22', 'accsm status set P12 ongoing --note "Workshop held" --dry-run'))
    .action((projectId: string, value: string, flags: StatusSetFlags) => {
      const { io } = ctx;
      const args = { project: projectId, plan: flags.plan, status: value, date: flags.date ?? today(io), meeting: flags.meeting, note: flags.note, source: flags.source };
      ctx.exitCode = editAndFinish(io, flags, (loaded) => planStatusSet(loaded, args, io.cwd));
    });
  return status;
}
