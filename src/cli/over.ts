/** accsm report --over meetings|years|months: the report's headline at each point, and its chart (part of the report command). */
import { extname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { OVER_UNITS, type OverUnit } from '../core/over-time.js';
import type { DataSet } from '../core/types.js';
import type { TabularFormat } from '../formatters/shared/formats.js';
import { today, type CliIO } from './io.js';
import type { FormatOptions } from '../formatters/shared/options.js';
import { writeOut } from './shared.js';

export interface OverFlags {
  plan?: string[];
  asOf?: string;
  lead?: readonly string[];
  partner?: readonly string[];
  area?: string;
  format: TabularFormat;
  over: string;
  chart?: string;
}

export function parseOver(value: string): OverUnit {
  if ((OVER_UNITS as readonly string[]).includes(value)) return value as OverUnit;
  throw new UserError(`--over ${value}: expected one of ${OVER_UNITS.join(', ')}`);
}

export async function runOver(io: CliIO, data: DataSet, flags: OverFlags, render: FormatOptions): Promise<number> {
  const over = parseOver(flags.over);
  if (flags.chart !== undefined && extname(flags.chart).toLowerCase() !== '.svg') throw new UserError(`--chart ${flags.chart}: the file name must end in .svg`);
  const { resolveAsOf } = await import('../core/as-of.js');
  const { computeOverTime } = await import('../core/over-time.js');
  const { date: asOf } = resolveAsOf(data, flags.asOf ?? today(io));
  const result = computeOverTime(data, { over, asOf, plans: flags.plan, lead: flags.lead, partner: flags.partner, area: flags.area });
  const { overFormatters, overChart } = await import('../formatters/over/index.js');
  if (flags.chart !== undefined) {
    if (result.plans.length !== 1) {
      throw new UserError(`--chart draws one plan; choose it with --plan (plans here: ${result.plans.map((p) => p.id).join(', ') || 'none'})`);
    }
    writeOut(resolve(io.cwd, flags.chart), overChart(result, result.plans[0]!), flags.chart);
  }
  io.stdout(overFormatters[flags.format](result, render));
  if (flags.chart !== undefined) io.stderr(`accsm: wrote ${flags.chart}\n`);
  return 0;
}
