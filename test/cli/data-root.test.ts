/** Which data root commands use: --data, ACCSM_DATA, accsm.config.yaml, plans/ here, ./data, the shipped data (said on stderr). In-process through run(argv, io). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMBEDDED, copyRoot, gitIn, tempDir, cli as run } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** In-process, with the working directory first. */
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => run(args, { cwd, env });

function scratch(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('a root made by accsm init in a fresh git repository', () => {
  it('init . works there, and every command finds the root from inside it with no flags', async () => {
    const repo = scratch();
    gitIn(repo, 'init', '-q');
    writeFileSync(join(repo, 'README.md'), '# our data\n');
    const made = await cli(['init', '.'], repo);
    expect(made.code).toBe(0);
    expect(readFileSync(join(repo, 'accsm.config.yaml'), 'utf8')).toMatch(/^data: \.$/m);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# our data\n');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'data');
    const deep = join(repo, 'plans', 'example-plan', 'projects');
    const commands = [
      ['validate', '--max-warnings', '0'],
      ['report', '--format', 'json'],
      ['list'],
      ['show', 'P01'],
      ['paper'],
      ['diff', 'HEAD'],
      ['status', 'set', 'P01', 'ongoing', '--date', '2026-11-24', '--dry-run'],
      ['project', 'add', '--plan', 'example-plan', '--title', 'Second', '--area', 'area-one', '--lead', 'ASEC', '--dry-run'],
      ['meeting', 'add', '--id', 'som-2', '--name', 'SOM', '--date', '2026-11-23', '--body', 'ACCSM', '--dry-run'],
    ];
    for (const args of commands) {
      const r = await cli(args, deep);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr, args.join(' ')).not.toContain('shipped');
    }
    expect((await cli(['report', '--format', 'json'], deep)).stdout).toContain('"example-plan"');
    expect(JSON.parse((await cli(['validate', '--print-config'], deep)).stdout)).toMatchObject({ data: '../../..', source: 'accsm.config.yaml', config: '../../../accsm.config.yaml' });
  });

  it('init refuses a folder that already holds a root, naming what is there', async () => {
    const dir = scratch();
    expect((await cli(['init', '.'], dir)).code).toBe(0);
    const again = await cli(['init', '.'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('accsm: . already holds accsm.config.yaml, meetings.yaml, plans and schemas; accsm init writes only into a folder that has none of accsm.config.yaml, meetings.yaml, plans, schemas, so that nothing is overwritten\n');
  });
});

describe('the order of the places a root comes from', () => {
  it('--data, then ACCSM_DATA, then data: of the nearest config, then plans/ here, then ./data', async () => {
    const top = scratch();
    for (const name of ['flag', 'env', 'conf', 'here/data']) mkdirSync(join(top, name, 'plans'), { recursive: true });
    mkdirSync(join(top, 'here', 'plans'));
    const where = async (cwd: string, args: string[] = [], env: Record<string, string> = {}) => JSON.parse((await cli(['validate', '--print-config', ...args], cwd, env)).stdout) as { data: string; source: string };
    expect(await where(join(top, 'here'), ['--data', '../flag'], { ACCSM_DATA: join(top, 'env') })).toMatchObject({ data: '../flag', source: '--data' });
    expect(await where(join(top, 'here'), [], { ACCSM_DATA: join(top, 'env') })).toMatchObject({ data: '../env', source: 'ACCSM_DATA' });
    expect(await where(join(top, 'here'))).toMatchObject({ data: '.', source: 'working directory' });
    mkdirSync(join(top, 'x'));
    expect(await where(join(top, 'here', 'data', '..'))).toMatchObject({ source: 'working directory' });
    writeFileSync(join(top, 'accsm.config.yaml'), 'data: conf\n');
    expect(await where(join(top, 'here'))).toMatchObject({ data: '../conf', source: 'accsm.config.yaml' });
    writeFileSync(join(top, 'accsm.config.yaml'), 'rules: {date-future: off}\n');
    expect(await where(join(top, 'here'))).toMatchObject({ data: '.', source: 'working directory', rules: { 'date-future': 'off' } });
    const side = join(top, 'side');
    mkdirSync(join(side, 'data', 'plans'), { recursive: true });
    expect(await where(side)).toMatchObject({ data: 'data', source: './data' });
  });

  it('the shipped data is used only with one line on stderr saying so; under CI validate refuses it (exit 2)', async () => {
    const empty = scratch();
    const r = await cli(['report', '--format', 'json'], empty);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^accsm: using the ACCSM data shipped with accsm \(no --data, \$ACCSM_DATA, accsm.config.yaml, plans\/ or .\/data\/plans here\); give --data DIR, set ACCSM_DATA, or run accsm init\n$/);
    const ci = await cli(['validate'], empty, { CI: 'true' });
    expect(ci.code).toBe(2);
    expect(ci.stdout).toBe('');
    expect(ci.stderr).toContain('CI is set, so accsm does not check the ACCSM data shipped with it');
    // an explicit --data on the shipped data is the user's choice: no notice
    expect((await cli(['validate', '--data', EMBEDDED], empty, { CI: 'true' })).code).toBe(0);
  });

  it('names an enclosing root without a config file in the notice', async () => {
    const root = copyRoot();
    cleanups.push(root.cleanup);
    const r = await cli(['list', '--format', 'json'], join(root.dir, 'plans'));
    expect(r.stderr).toContain('.. is a data root: give --data .., or add accsm.config.yaml there (accsm init writes one)');
  });
});

describe('accsm.config.yaml rules', () => {
  /** A copy of the shipped data with a config; run with ACCSM_TODAY=2020-01-01 every later status date is a date-future warning. */
  function rootWithConfig(config: string): string {
    const root = copyRoot();
    cleanups.push(root.cleanup);
    writeFileSync(join(root.dir, 'accsm.config.yaml'), config);
    return root.dir;
  }

  it('off drops a rule, error raises a warning to an error (exit 1), and the counts follow', async () => {
    const dir = rootWithConfig('data: .\n');
    const base = await cli(['validate', '--format', 'json', '--max-warnings', '0'], dir, { ACCSM_TODAY: '2020-01-01' });
    const warned = JSON.parse(base.stdout) as { warnings: number; diagnostics: { code: string }[] };
    expect(warned.warnings).toBeGreaterThan(0);
    const codes = [...new Set(warned.diagnostics.map((d) => d.code))];
    writeFileSync(join(dir, 'accsm.config.yaml'), `data: .\nrules:\n${codes.map((c) => `  ${c}: off`).join('\n')}\n`);
    const off = await cli(['validate', '--max-warnings', '0'], dir, { ACCSM_TODAY: '2020-01-01' });
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('no problems');
    writeFileSync(join(dir, 'accsm.config.yaml'), `data: .\nrules:\n  ${codes[0]}: error\n`);
    const raised = await cli(['validate', '--format', 'json'], dir, { ACCSM_TODAY: '2020-01-01' });
    expect(raised.code).toBe(1);
    expect(JSON.parse(raised.stdout).errors).toBe(warned.diagnostics.filter((d) => d.code === codes[0]).length);
  });

  it('unknown codes, bad severities and unknown keys are reported with file and line, exit 2', async () => {
    const dir = rootWithConfig('data: .\nrules:\n  date-futur: off\n  meeting-date: loud\ncolour: red\n');
    const r = await cli(['validate'], join(dir, 'plans'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'accsm: ../accsm.config.yaml has 3 problems, so accsm does not know which data or rules to use:',
        '  ../accsm.config.yaml:3:3  unknown rule "date-futur"; did you mean date-future? (docs/rules.md lists the codes)',
        '  ../accsm.config.yaml:4:17  meeting-date: "loud" is not a severity; use error, warning or off',
        '  ../accsm.config.yaml:5:1  unknown key "colour"; the config file has the keys data and rules',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'accsm.config.yaml'), 'data: ./nowhere\n');
    const missing = await cli(['report'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('accsm.config.yaml:1:7  data: ./nowhere is not a folder');
  });
});
