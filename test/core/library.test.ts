/** The library's entry points: options optional with their defaults, dates checked. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { EMBEDDED, FIXTURES, REPO } from '../helpers.js';

describe('the library', () => {
  it('validateRoot(root) and validateRoot(root, {}) work; a bad date is a TypeError naming the option', () => {
    expect(lib.validateRoot(EMBEDDED).errors).toBe(0);
    expect(lib.validateRoot('data', { cwd: REPO }).errors).toBe(0);
    expect(() => lib.validateRoot(EMBEDDED, { today: '2026-02-30' })).toThrow(new TypeError('today must be a date written YYYY-MM-DD that exists on the calendar (for example 2026-11-23), not "2026-02-30"'));
    expect(() => lib.validateRoot(undefined as unknown as string)).toThrow(TypeError);
  });

  it('computeReport, listProjects, projectDetail, resolveAsOf: asOf defaults to today and is checked', () => {
    const data = lib.validateRoot(EMBEDDED, { today: '2026-11-23' }).loaded.data;
    expect(lib.computeReport(data).asOf).toBe(lib.formatDate(new Date()));
    expect(() => lib.computeReport(data, { asOf: '2026-13-45' })).toThrow(/^asOf must be a date written YYYY-MM-DD/);
    expect(() => lib.listProjects(data, { asOf: '20261123' })).toThrow(TypeError);
    expect(() => lib.projectDetail(data, 'P07', { asOf: '2026-00-01' })).toThrow(TypeError);
    expect(() => lib.resolveAsOf(data, '2026-13-45')).toThrow(lib.UserError);
    expect(lib.resolveAsOf(data).date).toBe(lib.formatDate(new Date()));
    expect(lib.resolveAsOf(data, 'som-21').meeting?.id).toBe('som-21');
  });

  it('diffRoots compares two folders; buildPaperFor gives the paper of `accsm paper`', () => {
    const diff = lib.diffRoots(join(FIXTURES, 'diff-base'), join(FIXTURES, 'diff-head'), { asOf: '2026-11-23' });
    expect(diff.changed).toBe(true);
    expect(lib.diffRoots(EMBEDDED, EMBEDDED).changed).toBe(false);
    const data = lib.validateRoot(EMBEDDED, { today: '2026-11-23' }).loaded.data;
    expect(lib.paperMarkdown(lib.buildPaperFor(data, { asOf: 'som-21' }))).toMatch(/^# Implementation of the ACCSM Work Plan 2021-2025/m);
  });

  it('setStatus writes atomically, refuses what would make the data invalid, and dry-runs', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'accsm-lib-')), 'data');
    cpSync(EMBEDDED, dir, { recursive: true });
    const args = { project: 'P07', plan: 'accsm-2021-2025', status: 'completed', date: '2026-11-23' };
    expect(lib.setStatus(dir, args, { dryRun: true, today: '2026-11-23' }).kind).toBe('dry-run');
    expect(lib.setStatus(dir, { ...args, status: 'finished' }, { today: '2026-11-23' }).kind).toBe('refused');
    expect(lib.setStatus(dir, args, { today: '2026-11-23' }).kind).toBe('written');
    expect(lib.diffRoots(EMBEDDED, dir, { asOf: '2026-11-23' }).changed).toBe(true);
    expect(() => lib.setStatus(dir, { ...args, date: '2026-11-31' })).toThrow(TypeError);
  });
});
