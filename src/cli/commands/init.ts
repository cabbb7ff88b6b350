/** accsm init [DIR]: a new data root with one example of each file. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { diffOf } from '../../core/edit/commit.js';
import { assertEmptyTarget, createRoot, initFiles } from '../../core/edit/init.js';
import { displayPath } from '../../core/validate.js';
import { today } from '../io.js';
import { examples, type CommandContext } from '../shared.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('create a new data root: meetings.yaml, one example plan with one example project, and a copy of the JSON Schemas')
    .argument('[dir]', 'the folder to create (it must be new or empty)', 'data')
    .option('--dry-run', 'print the files as a diff and write nothing')
    .addHelpText('after', examples('accsm init', 'accsm init ../accsm-data && accsm validate --data ../accsm-data'))
    .action((dir: string, flags: { dryRun?: boolean }) => {
      const { io } = ctx;
      const abs = resolve(io.cwd, dir);
      const name = displayPath(abs, io.cwd);
      assertEmptyTarget(abs, io.cwd);
      if (flags.dryRun) {
        const changes = initFiles(today(io)).map((f) => ({ path: resolve(abs, f.path), before: null, after: f.text }));
        io.stdout(diffOf(changes, io.cwd));
        io.stderr('accsm: dry run: nothing written\n');
        return;
      }
      createRoot(abs, { cwd: io.cwd, today: today(io) });
      io.stderr(
        `accsm: created the data root ${name}: meetings.yaml, plans/example-plan/ (plan.yaml, projects/P01.yaml) and schemas/\n` +
          `Next: accsm validate --data ${name}, then replace the examples (they are marked illustrative: true).\n`,
      );
    });
}
