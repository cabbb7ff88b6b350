/**
 * The built executable as a separate process: the few things run(argv, io) in
 * this process cannot show (bin/accsm.js setting the exit code, real pipes and
 * a real terminal, the bundle in dist/). Everything else runs in-process.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accsm, BIN, REPO, tempDir } from '../helpers.js';

const F = 'test/fixtures';
const ESC = '\u001b[';

describe('bin/accsm.js', () => {
  it('exits 0 on valid data, 1 on data problems, 2 on a usage error', () => {
    expect(accsm(['validate', '--data', `${F}/valid-minimal`])).toEqual({ code: 0, stdout: '✔ 6 files checked: no problems\n', stderr: '' });
    const bad = accsm(['validate', '--data', `${F}/invalid-rules`]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^test\/fixtures\/invalid-rules\/meetings.yaml\n  5:7 +error/);
    const usage = accsm(['validate', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toMatch(/argument 'xml' is invalid/);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the version and the help', () => {
    expect(accsm(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const help = accsm(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: accsm /);
  });

  it('writes no color to a pipe, and color with FORCE_COLOR, never with NO_COLOR', () => {
    const piped = accsm(['validate', '--data', `${F}/invalid-rules`], { env: { NO_COLOR: undefined } });
    expect(piped.stdout).not.toContain(ESC);
    const forced = accsm(['validate', '--data', `${F}/invalid-rules`], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
    expect(accsm(['validate', '--data', `${F}/invalid-rules`], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('a closed pipe (accsm report | head -1) is not an error', () => {
    const r = spawnSync('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', `node "${BIN}" list --format csv | head -1`], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1', ACCSM_TODAY: '2026-11-23' } });
    expect(r.stdout.split('\n').length).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('starts without the ES module loader, node:crypto or node:child_process (they cost start time a validate does not need)', () => {
    // a preload that reports, at exit, which of Node's own modules the run loaded
    const { dir, cleanup } = tempDir();
    const preload = join(dir, 'report-modules.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nLOADED ' + process.moduleLoadList.join(',')));\n");
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', preload, BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1', ACCSM_TODAY: '2026-11-23' } });
      return { status: r.status, loaded: (r.stderr.split('\nLOADED ')[1] ?? '').split(',') };
    };
    const validate = run(['validate', '--data', `${F}/valid-minimal`]);
    expect(validate.status).toBe(0);
    expect(validate.loaded).toContain('NativeModule vm');
    expect(validate.loaded).not.toContain('NativeModule crypto');
    expect(validate.loaded).not.toContain('NativeModule child_process');
    expect(validate.loaded).not.toContain('NativeModule internal/modules/esm/module_job');
    // and they are there when needed: --cache hashes the files
    try {
      const cached = run(['validate', '--data', `${F}/valid-minimal`, '--cache', '--cache-location', join(dir, 'c')]);
      expect(cached.status).toBe(0);
      expect(cached.loaded).toContain('NativeModule crypto');
    } finally {
      cleanup();
    }
  });

  it('the CommonJS bundle is ASCII (one character beyond it would make V8 hold it as a two-byte string, twice the memory)', () => {
    const bundle = readFileSync(join(REPO, 'dist', 'cli.cjs'), 'latin1');
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    // the escapes mean what the characters meant: the crumbs of a site page the bundle writes
    expect(bundle).toContain('Plans</a> \\u203a ');
    const { dir, cleanup } = tempDir();
    try {
      expect(accsm(['site', '--data', 'data', '--out', join(dir, 'site')]).code).toBe(0);
      expect(readFileSync(join(dir, 'site', 'plans', 'accsm-2021-2025', 'index.html'), 'utf8')).toContain('Plans</a> \u203a ');
    } finally {
      cleanup();
    }
  });

  // script(1) gives the command a real terminal
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a real terminal: color, unless NO_COLOR', () => {
    const onTty = (env: string) => spawnSync('script', ['-qec', `env -u NO_COLOR ${env} ACCSM_TODAY=2026-11-23 node "${BIN}" validate --data ${F}/invalid-rules`, '/dev/null'], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, TERM: 'xterm' } });
    const colored = onTty('FORCE_COLOR=');
    expect(colored.status).toBe(1);
    expect(colored.stdout).toContain(ESC);
    const plain = onTty('NO_COLOR=1');
    expect(plain.status).toBe(1);
    expect(plain.stdout).toMatch(/invalid-rules\/meetings.yaml\r?\n  5:7 +error/);
    expect(plain.stdout).not.toContain(ESC);
  });
});
