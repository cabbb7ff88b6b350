/**
 * Errors are contained: a typo in one plan's files leaves the other plans'
 * figures available (printed, then the errors, exit 1); an error in
 * meetings.yaml, or in the plan asked for, gives no figures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyRoot } from '../helpers.js';

const TYPO = `id: P40
title: A project of the new plan with a typo in its status
priority_areas:
  - reform
lead:
  - ASEC
status:
  - date: 2026-02-01
    status: complete
`;

let dir = '';
let cleanup = () => {};
let clean: { report: string; reportAll: string; list: string; show: string; paper: string };

beforeAll(async () => {
  const copy = copyRoot();
  dir = copy.dir;
  cleanup = copy.cleanup;
  // the figures before the typo, to compare with
  clean = {
    report: (await cli(['report', '--data', dir, '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '--format', 'json'])).stdout,
    // every plan is reported, empty ones too; with the typo, 2026-2030 is left out and the other two remain
    reportAll: (await cli(['report', '--data', dir, '--plan', 'accsm-2021-2025', 'accsm-plus-3-2021-2025', '--as-of', 'som-21'])).stdout,
    list: (await cli(['list', '--data', dir, '--as-of', 'som-21', '--format', 'csv'])).stdout,
    show: (await cli(['show', 'P07', '--data', dir, '--as-of', 'som-21'])).stdout,
    paper: (await cli(['paper', '--data', dir, '--meeting', 'som-21'])).stdout,
  };
  mkdirSync(join(dir, 'plans', 'accsm-2026-2030', 'projects'), { recursive: true });
  writeFileSync(join(dir, 'plans', 'accsm-2026-2030', 'projects', 'P40.yaml'), TYPO);
});
afterAll(() => cleanup());

const DIAGNOSTIC = /plans\/accsm-2026-2030\/projects\/P40\.yaml\n {2}9:13 {2}error {4}status "complete" is not one of planned, ongoing, completed, postponed, cancelled \(did you mean "completed"\?\) {2}schema-enum\n/;
const LEFT_OUT = 'accsm: plan accsm-2026-2030 (ASEAN Civil Service Plan 2026-2030) is left out of these figures: its files have 1 error (listed above); fix it (see accsm validate) and run again\n';

describe('a typo in a 2026-2030 project file', () => {
  it('report --plan accsm-2021-2025: the same figures as without the typo, then the diagnostic, exit 1', async () => {
    const r = await cli(['report', '--data', dir, '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(clean.report);
    const plan = JSON.parse(r.stdout).plans[0];
    expect([plan.counts.completed, plan.counts.ongoing, plan.counts.planned, plan.total]).toEqual([7, 5, 19, 31]);
    expect(r.stderr).toMatch(DIAGNOSTIC);
    expect(r.stderr).toContain(LEFT_OUT);
  });

  it('report with no --plan: the other plans, and which plan was left out and why', async () => {
    const r = await cli(['report', '--data', dir, '--as-of', 'som-21']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(clean.reportAll);
    expect(r.stdout).toContain('ACCSM Work Plan 2021-2025 (accsm-2021-2025)');
    expect(r.stdout).not.toContain('2026-2030');
    expect(r.stderr).toMatch(DIAGNOSTIC);
    expect(r.stderr.endsWith(LEFT_OUT)).toBe(true);
  });

  it('list, show of a project of another plan, and paper: their output, then the errors, exit 1', async () => {
    const list = await cli(['list', '--data', dir, '--as-of', 'som-21', '--format', 'csv']);
    expect([list.code, list.stdout]).toEqual([1, clean.list]);
    expect(list.stderr).toContain(LEFT_OUT);
    const show = await cli(['show', 'P07', '--data', dir, '--as-of', 'som-21']);
    expect([show.code, show.stdout]).toEqual([1, clean.show]);
    expect(show.stderr).toMatch(DIAGNOSTIC);
    const paper = await cli(['paper', '--data', dir, '--meeting', 'som-21']);
    expect([paper.code, paper.stdout]).toEqual([1, clean.paper]);
    expect(paper.stderr).toContain(LEFT_OUT);
  });

  it('the plan asked for, or show of its project: no figures', async () => {
    const report = await cli(['report', '--data', dir, '--plan', 'accsm-2026-2030']);
    expect([report.code, report.stdout]).toEqual([1, '']);
    expect(report.stderr).toMatch(DIAGNOSTIC);
    expect(report.stderr).toContain('accsm: plan accsm-2026-2030 has 1 error, so no figures are shown; fix them (see accsm validate) and run again\n');
    const both = await cli(['list', '--data', dir, '--plan', 'accsm-2021-2025', 'accsm-2026-2030']);
    expect([both.code, both.stdout]).toEqual([1, '']);
    const show = await cli(['show', 'P40', '--data', dir]);
    expect([show.code, show.stdout]).toEqual([1, '']);
    expect(show.stderr).toContain('accsm: P40 is in plan accsm-2026-2030, whose files have 1 error, so no figures are shown');
  });
});

describe('an error in meetings.yaml', () => {
  const copy = copyRoot();
  afterAll(() => copy.cleanup());
  it('gives no figures for any plan', async () => {
    const file = join(copy.dir, 'meetings.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2022-08-03', 'date: 2022-08-33'));
    const r = await cli(['report', '--data', copy.dir, '--plan', 'accsm-2021-2025'], { cwd: copy.dir });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^meetings\.yaml\n {2}\d+:\d+ {2}error/);
    expect(r.stderr).toContain("accsm: meetings.yaml has errors, and every plan's figures depend on it, so no figures are shown; fix them (see accsm validate) and run again\n");
  });
});
