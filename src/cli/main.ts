/** Entry point: run the CLI with arguments and IO, return the exit code. Never throws. */
import { CommanderError } from 'commander';
import { UserError } from '../core/errors.js';
import { escapeControls } from '../formatters/shared/terminal.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram } from './program.js';
import type { CommandContext } from './shared.js';

export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CommandContext = { io, exitCode: 0 };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every parse error is a usage error
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'commander.executeSubCommandAsync') return ctx.exitCode;
      return 2;
    }
    if (error instanceof UserError) {
      io.stderr(`accsm: ${escapeControls(error.message)}\n`);
      return error.exitCode;
    }
    const verbose = argv.includes('--verbose');
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`accsm: unexpected failure: ${escapeControls(message)}\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('This is a bug in accsm. Run again with --verbose to see details, and report it.\n');
    return 2;
  }
}

// executed as the bundle's entry: bin/accsm.js imports and calls run()
