/**
 * accsm report --over, in process through run(argv, io): every format gives,
 * at each embedded meeting, the figures `report --format json` gives as of
 * that meeting; the chart is written and self-contained; bad values are usage errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { markdownTables, parseCsv } from '../formatters/parsers.js';

async function ok(args: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const PLAN = ['--plan', 'accsm-2021-2025'];
const MEETINGS = ['som-2021-06-15', 'som-21', 'hcs-21', 'som-22', 'hcs-22'];

interface PlanJson {
  total: number;
  counts: Record<string, number>;
  implemented: number;
  implementedPercent: number;
  elapsedPercent: number;
  [k: string]: unknown;
}
const reportAt = new Map<string, PlanJson>();
async function report(asOf: string): Promise<PlanJson> {
  if (!reportAt.has(asOf)) reportAt.set(asOf, (JSON.parse(await ok(['report', ...PLAN, '--as-of', asOf, '--format', 'json'])) as { plans: PlanJson[] }).plans[0]!);
  return reportAt.get(asOf)!;
}

describe('report --over meetings on the embedded data', () => {
  it('json: each point carries the report of its meeting, unchanged', async () => {
    const out = JSON.parse(await ok(['report', '--over', 'meetings', ...PLAN, '--format', 'json'])) as {
      over: string;
      plans: { id: string; points: { label: string; asOf: string; meeting?: { id: string }; report: PlanJson }[] }[];
    };
    expect(out.over).toBe('meetings');
    const points = out.plans[0]!.points;
    expect(points.map((p) => p.label)).toEqual(MEETINGS);
    for (const pt of points) expect(pt.report).toEqual(await report(pt.meeting!.id));
  });

  it('csv: one record per point with the report figures', async () => {
    const rows = parseCsv(await ok(['report', '--over', 'meetings', ...PLAN, '--format', 'csv']));
    expect(rows[0]).toEqual(['plan', 'point', 'as_of', 'meeting', 'completed', 'ongoing', 'planned', 'postponed', 'cancelled', 'total', 'implemented', 'implemented_percent', 'elapsed_percent', 'verdict']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(MEETINGS);
    for (const r of rows.slice(1)) {
      const p = await report(r[3]!);
      expect(r.slice(4, 13).map(Number)).toEqual([p.counts.completed, p.counts.ongoing, p.counts.planned, p.counts.postponed, p.counts.cancelled, p.total, p.implemented, p.implementedPercent, p.elapsedPercent]);
      expect(r[13]).toBe(typeof p.verdict === 'string' ? p.verdict : '');
    }
  });

  it('markdown: a pipe table whose rows are the meetings, with the report figures', async () => {
    const out = await ok(['report', '--over', 'meetings', ...PLAN, '--format', 'markdown']);
    const [t] = markdownTables(out);
    expect(t!.header.slice(0, 10)).toEqual(['Meeting', 'As of', 'Completed', 'Ongoing', 'Planned', 'Postponed', 'Cancelled', 'Total', 'Completed or ongoing', 'Period elapsed']);
    const som21 = t!.rows[1]!;
    expect(som21[0]).toMatch(/^21st ACCSM Senior Officials Meeting/);
    expect(som21.slice(1, 10)).toEqual(['2022-08-03', '7', '5', '19', '0', '0', '31', '12 (39%)', '32%']);
  });

  it('table: one row per meeting', async () => {
    const out = await ok(['report', '--over', 'meetings', ...PLAN]);
    expect(out).toContain('At each meeting of the ACCSM from 1 January 2021 to 23 November 2026');
    const som21 = out.split('\n').find((l) => l.includes(' som-21 '))!;
    expect(som21.split('│').map((c) => c.trim()).slice(1, 11)).toEqual(['som-21', '2022-08-03', '7', '5', '19', '0', '0', '31', '12 (39%)', '32%']);
  });
});

describe('report --over years and months', () => {
  it('years: one point per year, the last as of today', async () => {
    const rows = parseCsv(await ok(['report', '--over', 'years', ...PLAN, '--format', 'csv'])).slice(1);
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['2021', '2021-12-31'], ['2022', '2022-12-31'], ['2023', '2023-12-31'], ['2024', '2024-12-31'], ['2025', '2025-12-31'], ['2026', '2026-11-23'],
    ]);
    for (const r of rows) expect(Number(r[10])).toBe((await report(r[2]!)).implemented);
  });

  it('months up to --as-of', async () => {
    const rows = parseCsv(await ok(['report', '--over', 'months', ...PLAN, '--as-of', 'som-21', '--format', 'csv'])).slice(1);
    expect(rows).toHaveLength(20);
    expect(rows[19]!.slice(1, 3)).toEqual(['2022-08', '2022-08-03']);
  });
});

describe('report --over: the chart and usage errors', () => {
  const t = tempDir();
  afterAll(t.cleanup);

  it('--chart writes a self-contained SVG with a text alternative', async () => {
    const file = join(t.dir, 'progress.svg');
    const r = await cli(['report', '--over', 'meetings', ...PLAN, '--chart', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`accsm: wrote ${file}\n`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/href|<script|@import|url\(http/);
    expect(svg).toContain('21st ACCSM Senior Officials Meeting (ACCSM 21 SOM) (3 August 2022): 7 completed, 12 of 31 completed or ongoing (39%), period 32% elapsed');
    expect(svg).toContain('class="on-schedule"');
    expect(svg).toMatch(/>Completed: 7</);
    expect(svg).toMatch(/>Completed or ongoing: 12</);
  });

  it('refuses --chart for several plans, a bad unit, and --chart without --over', async () => {
    const several = await cli(['report', '--over', 'years', '--plan', 'accsm-2021-2025', 'accsm-2026-2030', '--chart', join(t.dir, 'x.svg')]);
    expect([several.code, several.stderr]).toEqual([2, expect.stringContaining('--chart draws one plan; choose it with --plan')]);
    const bad = await cli(['report', '--over', 'weeks']);
    expect([bad.code, bad.stderr]).toEqual([2, 'accsm: --over weeks: expected one of meetings, years, months\n']);
    const alone = await cli(['report', '--chart', join(t.dir, 'y.svg')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--chart goes with --over');
    const png = await cli(['report', '--over', 'years', ...PLAN, '--chart', join(t.dir, 'y.png')]);
    expect([png.code, png.stderr]).toEqual([2, `accsm: --chart ${join(t.dir, 'y.png')}: the file name must end in .svg\n`]);
  });
});
