/**
 * Bad input, generated at test time into temporary data roots: every case
 * gives a diagnostic with file, line and column and exit 1 (or 2), never a
 * stack trace, a hang or exit 0. Links that leave the root are refused and
 * what they point at is never printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, cli, copyRoot, tempDir } from '../helpers.js';

interface Json {
  valid: boolean;
  errors: number;
  diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
}

const PROJECTS = 'plans/demo-2021-2025/projects';
const SCHEMA_LINE = '# yaml-language-server: $schema=../../../../../../schemas/project.schema.json\n';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A fresh copy of valid-minimal. */
function root(): string {
  const r = copyRoot(join(FIXTURES, 'valid-minimal'));
  cleanups.push(r.cleanup);
  return r.dir;
}

/** Runs validate on a root (as the working directory) and checks what every bad-input run must satisfy. */
async function run(dir: string, format = 'json', expectedCode = 1) {
  const started = Date.now();
  const r = await cli(['validate', '--data', '.', '--format', format], { cwd: dir });
  const ms = Date.now() - started;
  expect(r.stderr).not.toContain('    at ');
  expect(r.stderr).not.toMatch(/unexpected failure|RangeError|TypeError/);
  expect(r.code).toBe(expectedCode);
  expect(ms).toBeLessThan(10_000);
  return r;
}

/** Writes one bad project file and returns the diagnostics for it. */
async function badProject(content: string | Buffer, name = 'BAD.yaml') {
  const dir = root();
  writeFileSync(join(dir, PROJECTS, name), content);
  const out = JSON.parse((await run(dir)).stdout) as Json;
  expect(out.valid).toBe(false);
  return out.diagnostics.filter((d) => d.file === `${PROJECTS}/${name}`).map((d) => ({ at: `${d.line}:${d.column}`, code: d.code, message: d.message }));
}

describe('YAML that does not parse or is not a mapping', () => {
  // each kind of syntax error, with its message, is tested in test/core/parse.test.ts; here one of each code, end to end
  it('a syntax error', async () => {
    expect((await badProject(`${SCHEMA_LINE}id: BAD\ntitle: [unclosed\nlead: [BN]\n`))).toEqual([
      { at: '3:8', code: 'yaml-syntax', message: 'the list that opens here with [ is not closed with ]; close it, or indent the lines that continue it' },
    ]);
  });

  it('a duplicate key', async () => {
    expect((await badProject(`${SCHEMA_LINE}id: BAD\ntitle: a\ntitle: b\n`))).toEqual([{ at: '4:1', code: 'yaml-duplicate-key', message: 'the key "title" appears twice in the same mapping; keep one of them' }]);
  });

  it('a list, or a scalar, instead of a mapping', async () => {
    expect((await badProject(`${SCHEMA_LINE}- id: BAD\n- title: t\n`))).toEqual([{ at: '2:1', code: 'schema-type', message: 'the file must be a mapping (key: value lines), but it is a list' }]);
    expect((await badProject(`${SCHEMA_LINE}just some text\n`))).toEqual([{ at: '2:1', code: 'schema-type', message: 'the file must be a mapping (key: value lines), but it is the text "just some text"' }]);
    expect((await badProject('42\n'))).toEqual([{ at: '1:1', code: 'schema-type', message: 'the file must be a mapping (key: value lines), but it is the number 42' }]);
  });

  it('meetings.yaml that is a mapping instead of a list', async () => {
    const dir = root();
    writeFileSync(join(dir, 'meetings.yaml'), 'id: som-1\nname: x\n');
    const out = JSON.parse((await run(dir)).stdout) as Json;
    expect(out.diagnostics.filter((d) => d.file === 'meetings.yaml').map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '1:1 schema-type the file must be a list (lines starting with "- ", or [a, b]), but it is a mapping',
    ]);
  });

  it('an empty file, and a file of comments only', async () => {
    const empty = { at: '1:1', code: 'file-empty', message: 'the file is empty; a project file holds a mapping of keys to values' };
    expect((await badProject(''))).toEqual([empty]);
    expect((await badProject(`${SCHEMA_LINE}# nothing else\n\n`))).toEqual([empty]);
    expect((await badProject('\n   \n'))).toEqual([empty]);
  });

  it('an empty plan.yaml', async () => {
    const dir = root();
    writeFileSync(join(dir, 'plans/demo-2021-2025/plan.yaml'), '');
    const out = JSON.parse((await run(dir)).stdout) as Json;
    expect(out.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.code}`)).toEqual(['plans/demo-2021-2025/plan.yaml 1:1 file-empty']);
  });
});

describe('bytes that are not UTF-8 text', () => {
  it('binary bytes (a PNG header)', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await badProject(png))).toEqual([{ at: '3:1', code: 'file-binary', message: 'the file contains a NUL byte, so it looks like a binary file, not YAML text' }]);
  });

  it('Latin-1, at the first byte that is not UTF-8', async () => {
    expect((await badProject(Buffer.concat([Buffer.from(`${SCHEMA_LINE}id: BAD\ntitle: Réunion à `), Buffer.from([0xe0]), Buffer.from(' Hanoi\n')])))).toEqual([
      { at: '3:18', code: 'file-encoding', message: 'the file is not UTF-8 text (it may be in another encoding such as Latin-1 or UTF-16); save it as UTF-8' },
    ]);
    expect((await badProject(Buffer.from('id: BAD\ntitle: Caf\xe9\n', 'latin1'))).map((d) => `${d.at} ${d.code}`)).toEqual(['2:11 file-encoding']);
  });

  it('UTF-16, little and big endian, with and without a byte order mark', async () => {
    const text = 'id: BAD\ntitle: t\n';
    const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    for (const bytes of [Buffer.from(`\ufeff${text}`, 'utf16le'), Buffer.from(text, 'utf16le'), be(`\ufeff${text}`), be(text)])
      expect((await badProject(bytes))).toEqual([{ at: '1:1', code: 'file-encoding', message: 'the file is in UTF-16, not UTF-8; save it as UTF-8' }]);
  });
});

describe('attacks on the parser', () => {
  it('billion laughs: aliases refused before they expand', async () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    const names = 'abcdefghijklmnopqrst';
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    expect(await badProject(`${lines.join('\n')}\n`)).toEqual([{ at: '1:4', code: 'yaml-alias', message: 'the file uses an anchor (&a); accsm data files do not use anchors and aliases (&name, *name): write the value out in full where it is needed' }]);
  });

  it('__proto__ keys are unknown keys, at the file top and in a status entry', async () => {
    const text = `${SCHEMA_LINE}__proto__: {polluted: true}\nid: BAD\ntitle: t\npriority_areas: [people]\nlead: [BN]\nstatus:\n  - date: 2022-01-01\n    status: planned\n    __proto__: {polluted: true}\n`;
    expect((await badProject(text)).map((d) => `${d.at} ${d.code} ${d.message.split(';')[0]}`)).toEqual([
      '2:1 schema-unknown-key unknown key "__proto__"',
      '10:5 schema-unknown-key unknown key "__proto__"',
    ]);
  });

  // flow mappings, block lists and an anchor before the nesting: test/core/parse.test.ts; __proto__ in meetings.yaml and plan.yaml: test/core/rules.test.ts
  it('nesting 20,000 deep', async () => {
    // level 1 is the top mapping: the 100th [ (column 103) would be level 101
    expect((await badProject(`a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`))).toEqual([{ at: '1:103', code: 'yaml-too-deep', message: 'the file is nested more than 100 levels deep; accsm data files need only a few levels' }]);
  });

  it('a 10 MB file is refused without being read', async () => {
    expect((await badProject(`id: BIG\nnote: ${'x'.repeat(10 * 1024 * 1024)}\n`))).toEqual([
      { at: '1:1', code: 'file-too-large', message: 'the file is 10.0 MB; accsm reads data files of at most 1 MB. Check that this is the right file, or split it' },
    ]);
  });

  it('a named pipe is not read (reading it would hang)', async () => {
    const dir = root();
    try {
      execFileSync('mkfifo', [join(dir, PROJECTS, 'PIPE.yaml')]);
    } catch {
      return; // no mkfifo here
    }
    const out = JSON.parse((await run(dir)).stdout) as Json;
    expect(out.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.code}`)).toEqual([`${PROJECTS}/PIPE.yaml 1:1 file-unreadable`]);
  });
});

describe('symbolic links that leave the data root', () => {
  const SECRET = 'TOP-SECRET-CONTENT-4711';
  /** A folder outside every data root, holding a secret in YAML files. */
  function outside(): string {
    const t = tempDir('accsm-secret-');
    cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'projects'));
    writeFileSync(join(t.dir, 'secret.yaml'), `id: ${SECRET}\ntitle: ${SECRET}\n`);
    writeFileSync(join(t.dir, 'plan.yaml'), `id: ${SECRET}\n`);
    writeFileSync(join(t.dir, 'projects', 'S1.yaml'), `id: ${SECRET}\n`);
    return t.dir;
  }
  /** The link is refused, and neither the target's path nor its content is printed (in each format asked for). */
  async function refused(dir: string, target: string, expected: string[], formats = ['json']) {
    for (const format of formats) {
      const r = await run(dir, format);
      for (const text of [r.stdout, r.stderr]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain('secret-plan-name');
        expect(text).not.toContain(target);
        expect(text).not.toContain('accsm-secret-');
      }
      if (format === 'json') expect((JSON.parse(r.stdout) as Json).diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.code}`)).toEqual(expected);
    }
  }

  it('a project file linked to a file outside', async () => {
    const dir = root();
    const target = outside();
    symlinkSync(join(target, 'secret.yaml'), join(dir, PROJECTS, 'LINK.yaml'));
    (await refused(dir, target, [`${PROJECTS}/LINK.yaml 1:1 file-link-outside`], ['stylish', 'json', 'github']));
  });

  it('a link by a relative path that climbs out', async () => {
    const dir = root();
    const target = outside();
    symlinkSync(join('..', '..', '..', '..', '..', target.split('/').at(-1)!, 'secret.yaml'), join(dir, PROJECTS, 'REL.yaml'));
    (await refused(dir, target, [`${PROJECTS}/REL.yaml 1:1 file-link-outside`]));
  });

  it('meetings.yaml linked outside', async () => {
    const dir = root();
    const target = outside();
    rmSync(join(dir, 'meetings.yaml'));
    symlinkSync(join(target, 'secret.yaml'), join(dir, 'meetings.yaml'));
    const r = await run(dir);
    expect(r.stdout).not.toContain(SECRET);
    expect((JSON.parse(r.stdout) as Json).diagnostics.filter((d) => d.file === 'meetings.yaml').map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['1:1 file-link-outside']);
  });

  it('a plan folder linked outside', async () => {
    const dir = root();
    const target = outside();
    symlinkSync(target, join(dir, 'plans', 'linked-plan'));
    (await refused(dir, target, ['plans/linked-plan 1:1 file-link-outside']));
  });

  it('a projects/ folder linked outside', async () => {
    const dir = root();
    const target = outside();
    rmSync(join(dir, PROJECTS), { recursive: true });
    symlinkSync(join(target, 'projects'), join(dir, PROJECTS));
    (await refused(dir, target, [`${PROJECTS} 1:1 file-link-outside`]));
  });

  it('plans/ itself linked outside: refused as a whole, nothing in it listed', async () => {
    const dir = root();
    const target = outside();
    mkdirSync(join(target, 'plans', 'secret-plan-name'), { recursive: true });
    writeFileSync(join(target, 'plans', 'secret-plan-name', 'plan.yaml'), `id: ${SECRET}\n`);
    rmSync(join(dir, 'plans'), { recursive: true });
    symlinkSync(join(target, 'plans'), join(dir, 'plans'));
    (await refused(dir, target, ['plans 1:1 file-link-outside'], ['stylish', 'json']));
  });

  it('a link loop, and a link to nothing', async () => {
    const dir = root();
    symlinkSync(join(dir, PROJECTS, 'LOOP2.yaml'), join(dir, PROJECTS, 'LOOP1.yaml'));
    symlinkSync(join(dir, PROJECTS, 'LOOP1.yaml'), join(dir, PROJECTS, 'LOOP2.yaml'));
    symlinkSync('/nonexistent/accsm/nothing.yaml', join(dir, PROJECTS, 'GONE.yaml'));
    const r = await run(dir);
    expect(r.stdout).not.toContain('/nonexistent');
    expect((JSON.parse(r.stdout) as Json).diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      `${PROJECTS}/GONE.yaml file-link-broken`,
      `${PROJECTS}/LOOP1.yaml file-link-broken`,
      `${PROJECTS}/LOOP2.yaml file-link-broken`,
    ]);
  });

  it('a link that stays inside the root is fine', async () => {
    const dir = root();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'D9.yaml'), 'id: D9\ntitle: t\npriority_areas: [people]\nlead: [BN]\nstatus: [{date: 2022-01-01, status: planned}]\n');
    symlinkSync(join(dir, 'shared', 'D9.yaml'), join(dir, PROJECTS, 'D9.yaml'));
    expect((await cli(['validate', '--data', '.'], { cwd: dir }))).toEqual({ code: 0, stdout: '✔ 7 files checked: no problems\n', stderr: '' });
  });
});

// a data root that cannot be used (exit 2, one line, no stack): test/cli/validate.test.ts, and UserError in test/core/load.test.ts

describe('a bad ACCSM_TODAY', () => {
  it('is named as such (exit 2), in a command that reads data and in init, and not blamed on --as-of', async () => {
    for (const argv of [['report', '--data', join(FIXTURES, 'valid-minimal')], ['init', 'x']]) {
      const r = await cli(argv, { cwd: root(), env: { ACCSM_TODAY: 'xyz' } });
      expect(r).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('ACCSM_TODAY="xyz" is not a date; set it to a day as YYYY-MM-DD') });
      expect(r.stderr).not.toMatch(/bug in accsm|--as-of/);
    }
  });

  it('a day that does not exist (2026-02-30) is refused too', async () => {
    const r = await cli(['report', '--data', join(FIXTURES, 'valid-minimal')], { env: { ACCSM_TODAY: '2026-02-30' } });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('ACCSM_TODAY="2026-02-30" is not a date')]);
  });
});
