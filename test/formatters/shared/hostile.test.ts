/**
 * The same hostile strings, from a pull request's data, through every output
 * format: no raw terminal control character (ESC, BEL, C1, bidi overrides) in
 * any text output, no CSV cell a spreadsheet would run as a formula, no
 * heading or line made from a name in markdown or the paper.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '../../../src/formatters/shared/csv.js';
import { flattenLines } from '../../../src/formatters/shared/lines.js';
import { escapeControls, oneLine } from '../../../src/formatters/shared/terminal.js';
import { cli, copyRoot } from '../../helpers.js';

const ESC_TITLE = '\u001b]0;PWNED\u0007\u001b[2J';
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const HEADING = 'Retreat\n# Injected heading';
const BIDI = 'abc\u202edcba';
/** as YAML double-quoted scalars */
const yaml = (s: string) => JSON.stringify(s);

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function hostileRoot(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  const p07 = join(r.dir, 'plans/accsm-2021-2025/projects/P07.yaml');
  writeFileSync(p07, readFileSync(p07, 'utf8').replace(/^title: .*$/m, `title: ${yaml(`${ESC_TITLE} ${BIDI}`)}`));
  const p08 = join(r.dir, 'plans/accsm-2021-2025/projects/P08.yaml');
  writeFileSync(p08, readFileSync(p08, 'utf8').replace(/^title: .*$/m, `title: ${yaml(FORMULA)}`));
  const meetings = join(r.dir, 'meetings.yaml');
  writeFileSync(meetings, readFileSync(meetings, 'utf8').replace('name: ASEAN Heads of Civil Service Retreat', `name: ${yaml(HEADING)}`));
  return r.dir;
}

function assertInert(name: string, out: string): void {
  // eslint-disable-next-line no-control-regex
  expect(out, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(out, name).not.toMatch(/^#+ Injected heading/m);
}

describe('the shared modules', () => {
  it('csv: a cell a spreadsheet would run gets a leading quote (OWASP); numbers stay numbers', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', -5].map((v) => csvField(v))).toEqual(['"\'=1+1"', '"\'+1"', '"\'-1"', '"\'@SUM(A1)"', '"\'\tx"', '"\'\rx"', 'plain', '-5']);
  });
  it('terminal: ESC and bidi overrides shown escaped, lines kept; oneLine flattens', () => {
    expect(escapeControls(`${ESC_TITLE}\n${BIDI}`)).toBe('\\x1b]0;PWNED\\x07\\x1b[2J\nabc\\u202edcba');
    expect(oneLine('a\nb\r\nc')).toBe('a\\nb\\nc');
  });
  it('lines: a name never starts a line of its own', () => {
    expect(flattenLines(HEADING)).toBe('Retreat # Injected heading');
  });
});

describe('hostile text in every format', () => {
  const dir = hostileRoot();
  const runs: [string, string[]][] = [
    ...['table', 'markdown', 'json', 'csv'].map((f): [string, string[]] => [`report ${f}`, ['report', '--data', dir, '--format', f]]),
    ...['table', 'markdown', 'json', 'csv'].map((f): [string, string[]] => [`list ${f}`, ['list', '--data', dir, '--format', f]]),
    ...['text', 'markdown', 'json'].map((f): [string, string[]] => [`show ${f}`, ['show', 'P07', '--data', dir, '--format', f]]),
    ['paper markdown', ['paper', '--data', dir]],
  ];

  it.each(runs)('%s', async (name, args) => {
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    assertInert(name, r.stdout);
    assertInert(name, r.stderr);
    if (name.endsWith('csv')) {
      for (const line of r.stdout.split('\r\n')) for (const cell of line.split(',')) expect(cell, `${name}: ${line}`).not.toMatch(/^"?[=+\-@\t\r]/);
    }
  });

  it('shows ESC as \\x1b in the terminal formats', async () => {
    const r = await cli(['show', 'P07', '--data', dir]);
    expect(r.stdout).toContain('\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(r.stdout).toContain('abc\\u202edcba');
  });

  it('an unknown key made of control characters, in every validate format', async () => {
    const r = copyRoot();
    cleanups.push(r.cleanup);
    const p07 = join(r.dir, 'plans/accsm-2021-2025/projects/P07.yaml');
    writeFileSync(p07, `${readFileSync(p07, 'utf8')}${yaml(ESC_TITLE)}: 1\n`);
    for (const f of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const out = await cli(['validate', '--data', r.dir, '--format', f]);
      expect(out.code).toBe(1);
      assertInert(`validate ${f}`, out.stdout + out.stderr);
    }
    const stylish = await cli(['validate', '--data', r.dir]);
    expect(stylish.stdout + stylish.stderr).toContain('\\x1b]0;PWNED');
  });
});
