/** Options and helpers several commands share. */
import { Option, InvalidArgumentError, type Command } from 'commander';
import { resolveDataRoot, type ResolvedRoot } from '../core/root.js';
import type { CliIO } from './io.js';

export function addDataOption(cmd: Command): Command {
  return cmd.option('--data <dir>', 'the data root (default: $ACCSM_DATA, else ./data when it holds plans/, else the embedded ACCSM data)');
}

export function dataRoot(io: CliIO, data: string | undefined): ResolvedRoot {
  return resolveDataRoot({ data, env: io.env, cwd: io.cwd });
}

export function formatOption(choices: readonly string[], defaultValue: string): Option {
  return new Option('-f, --format <name>', 'output format').choices(choices as string[]).default(defaultValue);
}

export function parseNonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return Number(value);
}
