/** Every command, registered in this order. Add a command: one file in this folder and one line here. */
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { registerValidate } from './validate.js';

export type RegisterCommand = (program: Command, ctx: CommandContext) => Command;

export const COMMANDS: RegisterCommand[] = [registerValidate];
