/** accsm project add, accsm project set: a new project file in a plan; changes to a project. */
import type { Command } from 'commander';
import { planProjectAdd } from '../../core/edit/project.js';
import { planProjectSet } from '../../core/edit/project-set.js';
import { UserError } from '../../core/errors.js';
import { countryValue } from '../../core/values.js';
import { today } from '../io.js';
import { addEditOptions, asDate, asStatus, editAndFinish, examples, groupCommand, type CommandContext } from '../shared.js';

interface ProjectAddFlags {
  data?: string;
  plan: string;
  id?: string;
  title: string;
  area: string[];
  lead: string[];
  partner?: string[];
  schedule?: string;
  status: string;
  date?: string;
  meeting?: string;
  note?: string;
  source?: string;
  dryRun?: boolean;
}

/** `--lead MY SG` and `--lead MY,SG` both give [MY, SG]. */
const list = (values: readonly string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
/** Country codes or names, several to a value or repeated ("VN,SG", "Viet Nam"), as codes. */
const countries = (values: readonly string[] | undefined, name: string): string[] => list(values).map((v) => countryValue(v, name));

export function registerProject(program: Command, ctx: CommandContext): Command {
  const project = groupCommand(program, ctx, 'project', 'add projects to a plan, and change them', [
    'accsm project add --plan accsm-2026-2030 --title "Regional workshop on digital skills" --area competencies --lead MY --schedule 2026..2027',
    'accsm project set P07 --lead VN SG --schedule 2022..2024-06',
  ]);
  const add = project
    .command('add')
    .description("create a project file in a plan, with a first status entry; the id is the next free one in the plan's pattern unless --id is given")
    .requiredOption('--plan <id>', 'the plan, for example accsm-2026-2030')
    .requiredOption('--title <text>', "the project's or activity's title")
    .requiredOption('--area <ids...>', "the plan's priority area ids it serves")
    .requiredOption('--lead <codes...>', 'who leads it: country codes (MY, SG, …) or ASEC')
    .option('--partner <codes...>', 'who takes part without leading')
    .option('--schedule <start..end>', 'planned start and end, each YYYY or YYYY-MM, for example 2026..2027 or 2026-03..2027-06')
    .option('--id <id>', 'the project id (default: the next free one, for example P32 after P31)')
    .option('--status <status>', 'the first status', asStatus('--status'), 'planned')
    .option('--date <YYYY-MM-DD>', 'the date of the first status (default: today)', asDate('--date'))
    .option('--meeting <id>', 'the meeting that took note of the first status (an id in meetings.yaml)')
    .option('--note <text>', 'a note for readers')
    .option('--source <text>', 'where the facts come from');
  addEditOptions(add)
    .addHelpText(
      'after',
      examples(
        'accsm project add --plan accsm-2026-2030 --title "Regional workshop on digital skills" --area competencies --lead MY --schedule 2026..2027',
        'accsm project add --plan accsm-2021-2025 --id P32 --title "Study visit" --area leadership --lead SG TH --dry-run',
      ),
    )
    .action((flags: ProjectAddFlags) => {
      const { io } = ctx;
      const args = {
        plan: flags.plan,
        id: flags.id,
        title: flags.title,
        areas: list(flags.area),
        lead: countries(flags.lead, '--lead'),
        partners: countries(flags.partner, '--partner'),
        schedule: flags.schedule,
        status: flags.status,
        date: flags.date ?? today(io),
        meeting: flags.meeting,
        note: flags.note,
        source: flags.source,
      };
      ctx.exitCode = editAndFinish(io, flags, (loaded) => planProjectAdd(loaded, args, io.cwd));
    });
  const set = project
    .command('set')
    .description("change a project's title, priority areas, lead, partners or schedule; every other line of its file stays as it is")
    .argument('<project-id>', 'the project, for example P07')
    .option('--title <text>', 'the new title')
    .option('--area <ids...>', "the plan's priority area ids it serves (replaces the list)")
    .option('--lead <codes...>', 'who leads it (replaces the list)')
    .option('--partner <codes...>', 'who takes part without leading (replaces the list)')
    .option('--no-partners', 'remove the partners')
    .option('--schedule <start..end>', 'planned start and end, each YYYY or YYYY-MM; "" removes the schedule')
    .option('--plan <id>', 'the plan that holds the project');
  addEditOptions(set)
    .addHelpText('after', examples('accsm project set P07 --title "Regional workshop on civil service modernisation"', 'accsm project set P07 --lead VN --partner SG TH --schedule 2022..2024-06 --dry-run', 'accsm project set P07 --no-partners'))
    .action((projectId: string, flags: ProjectSetFlags) => {
      const { io } = ctx;
      const partners = flags.partners === false ? [] : flags.partner === undefined ? undefined : countries(flags.partner, '--partner');
      const args = {
        project: projectId,
        plan: flags.plan,
        title: flags.title,
        areas: flags.area === undefined ? undefined : list(flags.area),
        lead: flags.lead === undefined ? undefined : countries(flags.lead, '--lead'),
        partners,
        schedule: flags.schedule,
      };
      if (args.title === undefined && args.areas === undefined && args.lead === undefined && partners === undefined && args.schedule === undefined) {
        throw new UserError('nothing to change; give at least one of --title, --area, --lead, --partner, --no-partners, --schedule (see accsm project set --help)');
      }
      ctx.exitCode = editAndFinish(io, flags, (loaded) => planProjectSet(loaded, args, io.cwd));
    });
  return project;
}

interface ProjectSetFlags {
  data?: string;
  plan?: string;
  title?: string;
  area?: string[];
  lead?: string[];
  partner?: string[];
  /** false with --no-partners */
  partners?: boolean;
  schedule?: string;
  dryRun?: boolean;
}
