/** accsm init [DIR]: a new data root with one example of each file. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { diffOf } from '../../core/edit/commit.js';
import { assertEmptyTarget, copiedFiles, createRoot, initFiles } from '../../core/edit/init.js';
import { embeddedDataDir } from '../../core/root.js';
import { displayPath } from '../../core/validate.js';
import { lockWaitMs, today } from '../io.js';
import { examples, type CommandContext } from '../shared.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('create a new data root: meetings.yaml, one example plan with one example project, and a copy of the JSON Schemas')
    .argument('[dir]', 'the folder to create: new, empty, or without a data root (. in a fresh git repository)', 'data')
    .option('--from-shipped', 'start from the ACCSM data shipped with accsm (its meetings, plans and projects, with data/README.md on their sources) instead of the examples')
    .option('--dry-run', 'print the files as a diff and write nothing')
    .addHelpText('after', examples('accsm init', 'accsm init ../accsm-data && cd ../accsm-data && accsm validate', 'git init accsm-data && cd accsm-data && accsm init .', 'accsm init ../accsm-data --from-shipped'))
    .action((dir: string, flags: { dryRun?: boolean; fromShipped?: boolean }) => {
      const { io } = ctx;
      const abs = resolve(io.cwd, dir);
      const name = displayPath(abs, io.cwd);
      assertEmptyTarget(abs, io.cwd);
      const files = flags.fromShipped ? copiedFiles(embeddedDataDir(), today(io)) : initFiles(today(io));
      if (flags.dryRun) {
        const changes = files.map((f) => ({ path: resolve(abs, f.path), before: null, after: f.text }));
        io.stdout(diffOf(changes, io.cwd));
        io.stderr('accsm: dry run: nothing written\n');
        return;
      }
      createRoot(abs, { cwd: io.cwd, today: today(io), files, lockWaitMs: lockWaitMs(io) });
      if (flags.fromShipped) {
        const plans = new Set(files.map((f) => /^plans\/([^/]+)\/plan\.yaml$/.exec(f.path)?.[1]).filter(Boolean));
        const projects = files.filter((f) => /^plans\/[^/]+\/projects\//.test(f.path)).length;
        io.stderr(`accsm: created the data root ${name} from the shipped ACCSM data: meetings.yaml, ${plans.size} plans with ${projects} projects, README.md and schemas/\nNext: accsm validate --data ${name}. Files marked illustrative: true are placeholders, not the public record (README.md says which).\n`);
        return;
      }
      io.stderr(
        `accsm: created the data root ${name}: accsm.config.yaml, meetings.yaml, plans/example-plan/ (plan.yaml, projects/P01.yaml) and schemas/\n` +
          `Next: ${name === '.' ? '' : `cd ${name} && `}accsm validate (every command run there finds the root through accsm.config.yaml), then replace the examples (they are marked illustrative: true).\n`,
      );
    });
}
