/** accsm plan add, accsm plan carry-over: start a plan, and carry the unfinished projects of one plan into the next. */
import type { Command } from 'commander';
import { planCarryOver } from '../../core/edit/carry-over.js';
import { planPlanAdd } from '../../core/edit/plan.js';
import { resolveAsOf } from '../../core/as-of.js';
import { today } from '../io.js';
import { addEditOptions, editAndFinish, examples, groupCommand, type CommandContext } from '../shared.js';

/** `--only P01 P02` and `--only P01,P02` both give [P01, P02]. */
const list = (values: readonly string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

interface PlanAddFlags {
  data?: string;
  dryRun?: boolean;
  id: string;
  title: string;
  body: string;
  period: string;
  area: string[];
  goal?: string;
  note?: string;
  source?: string;
  illustrative?: boolean;
}

interface CarryOverFlags {
  data?: string;
  dryRun?: boolean;
  from: string;
  to: string;
  asOf?: string;
  only?: string[];
  mapArea?: string[];
}

export function registerPlan(program: Command, ctx: CommandContext): Command {
  const plan = groupCommand(program, ctx, 'plan', 'add plans, and carry unfinished projects from one plan into the next', [
    'accsm plan add --id accsm-2031-2035 --title "ASEAN Civil Service Plan 2031-2035" --period 2031..2035 --area reform="Public sector reform"',
    'accsm plan carry-over --from accsm-2021-2025 --to accsm-2026-2030 --dry-run',
  ]);
  const add = plan
    .command('add')
    .description('create plans/<id>/plan.yaml for a new plan')
    .requiredOption('--id <id>', 'the plan id, also its folder name, for example accsm-2026-2030')
    .requiredOption('--title <text>', "the plan's title, for example \"ASEAN Civil Service Plan 2026-2030\"")
    .requiredOption('--period <first..last>', 'the first and last years, for example 2026..2030')
    .requiredOption('--area <id=title...>', 'a priority area as ID=TITLE; give one for each area')
    .option('--body <body>', 'the body that runs it: ACCSM or ACCSM+3', 'ACCSM')
    .option('--goal <text>', "the plan's goal, in its own words")
    .option('--note <text>', 'a note for readers')
    .option('--source <text>', 'where the facts come from')
    .option('--illustrative', 'mark the plan as not (yet) in the public record');
  addEditOptions(add)
    .addHelpText(
      'after',
      examples(
        'accsm plan add --id accsm-2031-2035 --title "ASEAN Civil Service Plan 2031-2035" --period 2031..2035 --area reform="Public sector reform" --area leadership="Transformative leadership"',
      ),
    )
    .action((flags: PlanAddFlags) => {
      const { io } = ctx;
      const args = { id: flags.id, title: flags.title, body: flags.body, period: flags.period, areas: flags.area, goal: flags.goal, note: flags.note, source: flags.source, illustrative: flags.illustrative };
      ctx.exitCode = editAndFinish(io, flags, (loaded) => planPlanAdd(loaded, args, io.cwd));
    });

  const carry = plan
    .command('carry-over')
    .description('create, in the new plan, each project of the old plan that is neither completed nor cancelled: a new id, the old title and leads, a carried_from link and a first status entry with its status on the carry-over date. The old plan is not changed')
    .requiredOption('--from <plan>', 'the plan that ends, for example accsm-2021-2025')
    .requiredOption('--to <plan>', 'the plan that takes the projects over, for example accsm-2026-2030')
    .option('--as-of <date|meeting>', 'the carry-over date (YYYY-MM-DD) or a meeting id (its last day): the statuses in force then are carried (default: today)')
    .option('--only <ids...>', 'carry only these projects of the old plan')
    .option('--map-area <old=new...>', "a priority area of the old plan and the new plan's area its projects go to, when the ids differ");
  addEditOptions(carry)
    .addHelpText(
      'after',
      examples(
        'accsm plan carry-over --from accsm-2021-2025 --to accsm-2026-2030 --dry-run',
        'accsm plan carry-over --from accsm-2021-2025 --to accsm-2026-2030 --as-of 2025-12-31 --only P05 P08',
        'accsm plan carry-over --from old-plan --to new-plan --map-area resource-centres=institutions',
      ),
    )
    .action((flags: CarryOverFlags) => {
      const { io } = ctx;
      ctx.exitCode = editAndFinish(io, flags, (loaded) => {
        const asOf = resolveAsOf(loaded.data, flags.asOf ?? today(io));
        return planCarryOver(loaded, { from: flags.from, to: flags.to, asOf: asOf.date, meeting: asOf.meeting?.id, only: list(flags.only), mapArea: list(flags.mapArea) }, io.cwd);
      }, { wholeData: true });
    });
  return plan;
}
