/**
 * The npm package as a user gets it: `npm pack`, installed into an empty
 * folder, then a script that uses each documented export of 'accsm', and the
 * tarball's contents (no dependency both bundled and installed).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

const { dir: tmp, cleanup } = tempDir('accsm-package-');
afterAll(cleanup);

function sh(cmd: string, args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'CI' || k === 'ACCSM_DATA' || k === 'ACCSM_TODAY') delete env[k];
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const SCRIPT = `
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as accsm from 'accsm';

const data = accsm.embeddedDataDir();
// validateRoot with no options at all, and with {}
assert.equal(accsm.validateRoot(data).errors, 0);
const result = accsm.validateRoot(data, {});
assert.equal(result.errors, 0);
assert.throws(() => accsm.validateRoot(data, { today: '2026-13-45' }), TypeError);
const asOf = accsm.resolveAsOf(result.loaded.data, 'som-21');
assert.equal(asOf.meeting.id, 'som-21');
const report = accsm.computeReport(result.loaded.data, { asOf, plans: ['accsm-2021-2025'] });
assert.equal(accsm.headline(report.plans[0]), '12 of 31 completed or ongoing (39%)');
assert.ok(accsm.computeReport(result.loaded.data).plans.length > 0);
assert.throws(() => accsm.computeReport(result.loaded.data, { asOf: '2026-13-45' }), TypeError);
assert.ok(accsm.listProjects(result.loaded.data, { asOf }).plans.length > 0);
assert.equal(accsm.projectDetail(result.loaded.data, 'P07', { asOf, plan: 'accsm-2021-2025' }).project.id, 'P07');
const paper = accsm.paperMarkdown(accsm.buildPaperFor(result.loaded.data, { asOf: 'som-21' }));
assert.match(paper, /^# /m);
const r2 = accsm.computeReport(result.loaded.data, { asOf });
assert.equal(accsm.paperMarkdown(accsm.buildPaper({ report: r2, progress: accsm.progressSince(result.loaded.data, r2) })), paper);
const copy = join(mkdtempSync(join(tmpdir(), 'accsm-lib-')), 'data');
cpSync(data, copy, { recursive: true });
assert.equal(accsm.diffRoots(data, copy).changed, false);
const dry = accsm.setStatus(copy, { project: 'P07', plan: 'accsm-2021-2025', status: 'completed', date: '2026-11-23' }, { dryRun: true });
assert.equal(dry.kind, 'dry-run');
const wrote = accsm.setStatus(copy, { project: 'P07', plan: 'accsm-2021-2025', status: 'completed', date: '2026-11-23' }, { today: '2026-11-23' });
assert.equal(wrote.kind, 'written', JSON.stringify(wrote).slice(0, 300));
assert.equal(accsm.diffRoots(data, copy, { asOf: '2026-11-23' }).changed, true);
assert.equal(accsm.addMeeting(copy, { id: 'som-99', name: 'SOM 99', date: '2026-11-23', body: 'ACCSM' }, { dryRun: true }).kind, 'dry-run');
assert.ok(['dry-run', 'refused'].includes(accsm.addProject(copy, { plan: 'accsm-2026-2030', title: 'A workshop', areas: ['competencies'], lead: ['MY'], status: 'planned', date: '2026-11-23' }, { dryRun: true, today: '2026-11-23' }).kind));
assert.equal(accsm.readConfig.length >= 1, true);
assert.equal(accsm.resolveDataRoot({ cwd: copy }).source, 'working directory');
assert.equal(typeof accsm.RULES['date-future'].guidance, 'string');
assert.equal(accsm.percent(12, 31), 39);
assert.equal(await accsm.run(['--version'], { stdout() {}, stderr() {}, env: {}, cwd: process.cwd(), stdoutIsTTY: false, stderrIsTTY: false, now: () => new Date() }), 0);
console.log('every export works');
`;

describe('npm pack, installed into an empty folder', () => {
  it('installs, runs the CLI, and a script uses each documented export', () => {
    const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO);
    expect(pack.code, pack.stderr).toBe(0);
    const info = JSON.parse(pack.stdout)[0] as { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] };
    const paths = info.files.map((f) => f.path);
    console.log(`accsm tarball: ${info.files.length} files, ${Math.round(info.size / 1024)} kB packed, ${Math.round(info.unpackedSize / 1024)} kB unpacked`);
    // nothing the installed tool does not use
    expect(paths.filter((p) => /^(src|test|scripts|bench|docs)\//.test(p) || p.endsWith('.map') || p.startsWith('dist/cli.js'))).toEqual([]);
    // no dependency both bundled and installed: each runtime dependency is loaded from node_modules by the bundle
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const bundle = readFileSync(join(REPO, 'dist', 'cli.cjs'), 'utf8');
    for (const dep of Object.keys(pkg.dependencies)) expect(bundle.includes(`require("${dep}`) || bundle.includes(`"${dep}/`), dep).toBe(true);

    const app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true, "type": "module" }\n');
    const install = sh('npm', ['install', '--no-audit', '--no-fund', join(tmp, info.filename)], app);
    expect(install.code, install.stderr).toBe(0);
    const cli = sh(join(app, 'node_modules', '.bin', 'accsm'), ['report', '--as-of', 'som-21', '--plan', 'accsm-2021-2025', '--format', 'json'], app);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).plans[0].implemented).toBe(12);
    writeFileSync(join(app, 'use.mjs'), SCRIPT);
    const script = sh(process.execPath, ['use.mjs'], app);
    expect(script.stderr).toBe('');
    expect(script.stdout).toBe('every export works\n');
  });
});
