/** Every command, registered in this order. Add a command: one file in this folder and one line here. */
import type { Command } from 'commander';
import type { CommandContext } from '../shared.js';
import { registerValidate } from './validate.js';
import { registerReport } from './report.js';
import { registerList } from './list.js';
import { registerStatus } from './status.js';
import { registerProject } from './project.js';
import { registerMeeting } from './meeting.js';
import { registerInit } from './init.js';
import { registerPlan } from './plan.js';
import { registerShow } from './show.js';
import { registerDiff } from './diff.js';
import { registerPaper } from './paper.js';
import { registerSite } from './site.js';
import { registerSheet } from './sheet.js';
import { registerImport } from './import.js';

export type RegisterCommand = (program: Command, ctx: CommandContext) => Command;

export const COMMANDS: RegisterCommand[] = [registerValidate, registerReport, registerList, registerShow, registerDiff, registerPaper, registerSite, registerSheet, registerImport, registerStatus, registerProject, registerMeeting, registerPlan, registerInit];
