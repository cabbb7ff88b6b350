/** The commander program: global options, the commands, help with examples. */
import { Command } from 'commander';
import { COMMANDS } from './commands/index.js';
import { examples, VERSION, type CommandContext } from './shared.js';

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command();
  program
    .name('accsm')
    .description('Validate and report on the ACCSM work plans kept as YAML files.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--verbose', 'show the stack of an unexpected failure')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run the command with --help for usage and examples)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    })
    .addHelpText(
      'after',
      examples(
        'accsm report --plan accsm-2021-2025 --as-of som-21',
        'accsm validate --data ./data --format github',
      ),
    );
  for (const register of COMMANDS) {
    const cmd = register(program, ctx);
    cmd.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) });
  }
  return program;
}

