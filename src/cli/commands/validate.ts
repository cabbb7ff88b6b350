/** accsm validate [paths…]: check the data root and print diagnostics. */
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { isDataRoot } from '../../core/load.js';
import { validateRoot } from '../../core/validate.js';
import { DIAGNOSTIC_FORMATS, diagnosticFormatters, type DiagnosticFormat } from '../../formatters/diagnostics/index.js';
import { wantsColor, today } from '../io.js';
import { addDataOption, dataRoot, formatOption, parseNonNegativeInt } from '../options.js';
import { examples, type CommandContext } from '../program.js';

interface ValidateFlags {
  data?: string;
  format: DiagnosticFormat;
  maxWarnings?: number;
}

export function registerValidate(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('validate')
    .description('check the data files: YAML, schemas, ids, references and dates')
    .argument('[paths...]', 'files or folders to report on (default: the whole data root)');
  addDataOption(cmd)
    .addOption(formatOption(DIAGNOSTIC_FORMATS, 'stylish'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more than n warnings', parseNonNegativeInt)
    .addHelpText('after', examples('accsm validate', 'accsm validate --data ../accsm-data --format github --max-warnings 0'))
    .action((paths: string[], flags: ValidateFlags) => {
      ctx.exitCode = runValidate(ctx, paths, flags);
    });
  return cmd;
}

function runValidate(ctx: CommandContext, paths: string[], flags: ValidateFlags): number {
  const { io } = ctx;
  let rootDir = flags.data === undefined ? undefined : resolve(io.cwd, flags.data);
  const only: string[] = [];
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UserError(`cannot read ${p}: it does not exist`);
    }
    if (isDir && rootDir === undefined && paths.length === 1 && isDataRoot(abs)) {
      rootDir = abs;
      continue;
    }
    only.push(abs);
  }
  const root = rootDir ?? dataRoot(io, undefined).dir;
  for (const p of only) {
    if (p !== root && !p.startsWith(root + sep)) throw new UserError(`${p} is not inside the data root ${root}; choose the root with --data`);
  }
  const result = validateRoot(root, { cwd: io.cwd, today: today(io), only: only.length ? only : undefined });
  const filesChecked = result.loaded.files.filter((f) => f.kind !== 'other' && (!only.length || only.some((p) => f.path === p || f.path.startsWith(p + sep)))).length;
  const format = diagnosticFormatters[flags.format];
  io.stdout(format(result, { color: wantsColor(io, 'stdout'), filesChecked, cwd: io.cwd }));
  if (result.errors > 0) return 1;
  if (flags.maxWarnings !== undefined && result.warnings > flags.maxWarnings) {
    io.stderr(`accsm: ${result.warnings} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
