/** `accsm validate` as a user runs it: the built executable, exit codes, the three formats, the data root, help and color. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, cli, tempDir } from '../helpers.js';

const F = 'test/fixtures';
const R = `${F}/invalid-rules/plans/rules-2021-2025/projects`;
/** invalid-rules, as file:line:column severity code (worked out from the fixture's text; see test/core/rules.test.ts for the messages). */
const RULES_ROOT = [
  `${F}/invalid-rules/meetings.yaml:5:7 error id-duplicate`,
  `${F}/invalid-rules/meetings.yaml:10:9 error date-invalid`,
  `${F}/invalid-rules/meetings.yaml:14:8 error date-order`,
  `${F}/invalid-rules/plans/misnamed/plan.yaml:2:5 error id-mismatch`,
  `${F}/invalid-rules/plans/misnamed/plan.yaml:7:8 error period-order`,
  `${F}/invalid-rules/plans/rules-2021-2025/plan.yaml:9:9 error id-duplicate`,
  `${R}/R1.yaml:2:5 error id-mismatch`,
  `${R}/R1.yaml:4:26 error area-unknown`,
  `${R}/R1.yaml:8:8 error date-invalid`,
  `${R}/R1.yaml:10:11 warning date-outside-period`,
  `${R}/R1.yaml:12:14 error meeting-unknown`,
  `${R}/R1.yaml:13:11 error date-invalid`,
  `${R}/R1.yaml:17:14 warning meeting-date`,
  `${R}/R1.yaml:18:11 error date-order`,
  `${R}/R1.yaml:20:11 warning date-future`,
  `${R}/R1.yaml:20:11 warning date-outside-period`,
  `${R}/R2.yaml:8:8 error schedule-order`,
  `${R}/R2.yml:2:5 error id-duplicate`,
];

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));
function temp(prefix?: string) {
  const t = tempDir(prefix);
  temps.push(t.cleanup);
  return t.dir;
}

describe('exit 0 on good data', () => {
  it('the embedded data, named with --data', async () => {
    const r = await cli(['validate', '--data', 'data']);
    expect(r).toEqual({ code: 0, stdout: '✔ 35 files checked: no problems\n', stderr: '' });
  });

  it('valid-minimal', async () => {
    expect((await cli(['validate', '--data', `${F}/valid-minimal`]))).toEqual({ code: 0, stdout: '✔ 6 files checked: no problems\n', stderr: '' });
    expect(JSON.parse((await cli(['validate', '--data', `${F}/valid-minimal`, '--format', 'json'])).stdout)).toEqual({ valid: true, errors: 0, warnings: 0, diagnostics: [] });
    expect((await cli(['validate', '--data', `${F}/valid-minimal`, '--format', 'github']))).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('exit 1 with every problem at its file, line and column', () => {
  it('stylish: grouped by file, each problem on a line, a summary', async () => {
    const r = await cli(['validate', '--data', `${F}/invalid-rules`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const got: string[] = [];
    let file = '';
    for (const line of r.stdout.split('\n')) {
      const m = /^ {2}(\d+):(\d+) +(error|warning) +(.+?) {2}([a-z-]+)$/.exec(line);
      if (m) got.push(`${file}:${m[1]}:${m[2]} ${m[3]} ${m[5]}`);
      else if (line && !line.startsWith(' ') && !/^[✖⚠✔]/.test(line)) file = line;
    }
    expect(got).toEqual(RULES_ROOT);
    expect(r.stdout).toContain('  12:14  error    meeting "som-9" is not in meetings.yaml (did you mean "som-1"?); known meetings: som-1, som-2, som-3  meeting-unknown\n');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 18 problems (14 errors, 4 warnings) in 6 files checked');
  });

  it('json: parsed back, the same list with messages', async () => {
    const r = await cli(['validate', '--data', `${F}/invalid-rules`, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; errors: number; warnings: number; diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[] };
    expect([out.valid, out.errors, out.warnings]).toEqual([false, 14, 4]);
    expect(out.diagnostics.map((x) => `${x.file}:${x.line}:${x.column} ${x.severity} ${x.code}`)).toEqual(RULES_ROOT);
    expect(out.diagnostics.find((x) => x.code === 'schedule-order')!.message).toBe('schedule starts 2024-06, after it ends 2023; the start must not be after the end');
  });

  it('json: the schema fixture, with the issue\'s own example message', async () => {
    const r = await cli(['validate', '--data', `${F}/invalid-schema`, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; code: string; message: string }[] };
    const enumStatus = out.diagnostics.find((x) => x.file.endsWith('B1.yaml') && x.code === 'schema-enum')!;
    expect(enumStatus).toMatchObject({ file: `${F}/invalid-schema/plans/broken/projects/B1.yaml`, line: 8, column: 13 });
    expect(enumStatus.message).toMatch(/^status "complete" is not one of planned, ongoing, completed, postponed, cancelled/);
    expect(out.diagnostics).toHaveLength(14);
  });

  it('github: one workflow command per problem, at most 10 errors (every file first) and a notice for the rest', async () => {
    const r = await cli(['validate', '--data', `${F}/invalid-rules`, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const notice = lines.pop()!;
    const shown = lines.map((l) => /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=accsm ([a-z-]+)::.+$/.exec(l)).map((m) => m && `${m[2]}:${m[3]}:${m[4]} ${m[1]} ${m[5]}`);
    expect(shown).toEqual(RULES_ROOT.filter((x) => shown.includes(x)));
    expect(shown.filter((x) => x!.includes(' error ')).length).toBe(10);
    expect(shown.filter((x) => x!.includes(' warning ')).length).toBe(RULES_ROOT.filter((x) => x.includes(' warning ')).length);
    expect(new Set(shown.map((x) => x!.split(':')[0]))).toEqual(new Set(RULES_ROOT.map((x) => x.split(':')[0])));
    expect(notice).toBe('::notice title=accsm%3A more problems::4 more problems (4 errors) in 1 file are not shown as annotations (GitHub shows at most 10 errors and 10 warnings of a step); run accsm validate to see all of them');
    expect(lines).toContain(`::warning file=${R}/R1.yaml,line=20,col=11,title=accsm date-future::status date 2027-01-01 is in the future (today is 2026-11-23)`);
  });

  it('YAML problems, in a working directory of its own: file names are relative to it', async () => {
    const r = await cli(['validate', '--data', 'invalid-yaml', '--format', 'json'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; code: string }[] };
    expect(out.diagnostics.map((x) => `${x.file}:${x.line}:${x.column} ${x.code}`)).toContain('invalid-yaml/plans/yaml-2021-2025/projects/Y2.yaml:5:1 yaml-duplicate-key');
    expect(out.diagnostics.map((x) => x.code).sort()).toEqual(
      ['file-binary', 'file-empty', 'file-encoding', 'file-unexpected', 'file-unexpected', 'plan-missing', 'schema-type', 'yaml-alias', 'yaml-duplicate-key', 'yaml-syntax', 'yaml-syntax', 'yaml-too-deep'].sort(),
    );
  });

  it('paths: report only on some files; a data root given as the only path is the root', async () => {
    const some = await cli(['validate', '--data', `${F}/invalid-rules`, '--format', 'json', `${F}/invalid-rules/plans/misnamed`, `${R}/R2.yaml`]);
    expect(some.code).toBe(1);
    expect((JSON.parse(some.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((x) => `${x.file} ${x.code}`)).toEqual([
      `${F}/invalid-rules/plans/misnamed/plan.yaml id-mismatch`,
      `${F}/invalid-rules/plans/misnamed/plan.yaml period-order`,
      `${R}/R2.yaml schedule-order`,
    ]);
    const asRoot = await cli(['validate', `${F}/invalid-rules`, '--format', 'json']);
    expect(asRoot.code).toBe(1);
    expect((JSON.parse(asRoot.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(RULES_ROOT.length);
  });
});

describe('--max-warnings', () => {
  // valid-minimal seen from 2023-06-19: two status entries dated the next day are warnings, nothing else
  const env = { ACCSM_TODAY: '2023-06-19' };
  const args = ['validate', '--data', `${F}/valid-minimal`];

  it('warnings alone exit 0', async () => {
    const r = await cli(args, { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 2 problems (0 errors, 2 warnings) in 6 files checked');
  });

  it('more warnings than allowed exit 1, with a message on stderr; as many as allowed exit 0', async () => {
    expect((await cli([...args, '--max-warnings', '2'], { env })).code).toBe(0);
    const over = await cli([...args, '--max-warnings', '1'], { env });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('accsm: 2 warnings, more than --max-warnings 1\n');
    expect((await cli([...args, '--max-warnings', '0'], { env })).code).toBe(1);
  });

  it('a value that is not a whole number is a usage error', async () => {
    const r = await cli([...args, '--max-warnings', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-warnings.*'many' is invalid/);
    expect(r.stdout).toBe('');
  });
});

describe('exit 2: usage errors and paths that cannot be read', () => {
  it('an unknown format names the allowed ones', async () => {
    const r = await cli(['validate', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argument 'xml' is invalid\. Allowed choices are stylish, json, github/);
    expect(r.stdout).toBe('');
  });

  it('a path that does not exist', async () => {
    expect((await cli(['validate', 'no/such/file.yaml']))).toEqual({ code: 2, stdout: '', stderr: 'accsm: cannot read no/such/file.yaml: it does not exist\n' });
  });

  it('a --data folder that does not exist, or is not a data root, or is a file', async () => {
    const missing = await cli(['validate', '--data', 'no-such-root']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^accsm: cannot read the data root .*no-such-root: it does not exist or is not readable\n$/);
    const notRoot = await cli(['validate', '--data', 'test']);
    expect(notRoot.code).toBe(2);
    expect(notRoot.stderr).toMatch(/^accsm: .*test is not an accsm data root: it holds neither plans\/ nor meetings.yaml[^\n]*\n$/);
    const file = await cli(['validate', '--data', 'package.json']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^accsm: the data root .*package.json is not a folder\n$/);
    for (const r of [missing, notRoot, file]) expect(r.stdout).toBe('');
  });

  it('a path outside the data root', async () => {
    const r = await cli(['validate', '--data', `${F}/valid-minimal`, `${F}/invalid-rules/meetings.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not inside the data root .*; choose the root with --data\n$/);
  });

  it('an unknown option or command', async () => {
    expect((await cli(['validate', '--colour'])).code).toBe(2);
    expect((await cli(['validat'])).code).toBe(2);
  });
});

describe('which data root: --data, else ACCSM_DATA, else ./data with plans/, else the embedded data', () => {
  /** A working directory whose ./data holds plans/ (a copy of invalid-schema). */
  function cwdWithData(): string {
    const dir = temp();
    cpSync(join(FIXTURES, 'invalid-schema'), join(dir, 'data'), { recursive: true });
    return dir;
  }
  const files = (stdout: string) => [...new Set((JSON.parse(stdout) as { diagnostics: { file: string }[] }).diagnostics.map((x) => x.file.split('/plans/')[0]!.replace(/\/meetings\.yaml$/, '')))];

  it('--data wins over ACCSM_DATA and ./data', async () => {
    const cwd = cwdWithData();
    const r = await cli(['validate', '--format', 'json', '--data', join(FIXTURES, 'invalid-rules')], { cwd, env: { ACCSM_DATA: join(FIXTURES, 'invalid-yaml') } });
    expect(r.code).toBe(1);
    expect(files(r.stdout)).toEqual([expect.stringMatching(/fixtures\/invalid-rules$/)]);
  });

  it('ACCSM_DATA wins over ./data', async () => {
    const cwd = cwdWithData();
    const r = await cli(['validate', '--format', 'json'], { cwd, env: { ACCSM_DATA: join(FIXTURES, 'invalid-yaml') } });
    expect(r.code).toBe(1);
    expect(files(r.stdout)).toEqual([expect.stringMatching(/fixtures\/invalid-yaml$/)]);
  });

  it('./data when it holds plans/', async () => {
    const cwd = cwdWithData();
    const r = await cli(['validate', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect(files(r.stdout)).toEqual(['data']);
  });

  it('the embedded data otherwise, also when ./data has no plans/, saying so in one line', async () => {
    const notice = 'accsm: using the ACCSM data shipped with accsm (no --data, $ACCSM_DATA, accsm.config.yaml, plans/ or ./data/plans here); give --data DIR, set ACCSM_DATA, or run accsm init\n';
    const empty = temp();
    expect(await cli(['validate'], { cwd: empty })).toEqual({ code: 0, stdout: '✔ 35 files checked: no problems\n', stderr: notice });
    const noPlans = temp();
    mkdirSync(join(noPlans, 'data'));
    writeFileSync(join(noPlans, 'data', 'meetings.yaml'), 'not: a list\n');
    expect(await cli(['validate'], { cwd: noPlans })).toEqual({ code: 0, stdout: '✔ 35 files checked: no problems\n', stderr: notice });
  });

  it('an empty ACCSM_DATA is ignored', async () => {
    const cwd = cwdWithData();
    expect(files((await cli(['validate', '--format', 'json'], { cwd, env: { ACCSM_DATA: '' } })).stdout)).toEqual(['data']);
  });
});

describe('help ends with examples', () => {
  const endsWithExamples = /\nExamples:\n( {2}accsm [^\n]+\n)+\n?$/;
  it('accsm --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: accsm /);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toMatch(endsWithExamples);
  });
  it('accsm validate --help', async () => {
    const r = await cli(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: accsm validate /);
    expect(r.stdout).toMatch(/--format <name>/);
    expect(r.stdout).toMatch(/--max-warnings <n>/);
    expect(r.stdout).toMatch(endsWithExamples);
    expect(r.stdout).toContain('  accsm validate\n');
  });
});

describe('color', () => {
  const ESC = '\u001b[';
  const args = ['validate', '--data', `${F}/invalid-rules`];
  it('none when piped, even without NO_COLOR', async () => {
    const r = await cli(args, { env: { NO_COLOR: undefined } });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(ESC);
  });
  it('none with NO_COLOR, even with FORCE_COLOR', async () => {
    expect((await cli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
  it('color with FORCE_COLOR', async () => {
    const r = await cli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toContain(`${ESC}31merror`);
    expect(r.stdout).toContain(`${ESC}33mwarning`);
    expect((await cli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '0' } })).stdout).not.toContain(ESC);
  });
  it('never in json or github output', async () => {
    for (const format of ['json', 'github']) expect((await cli([...args, '--format', format], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
});
