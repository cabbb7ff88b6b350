/**
 * Every rule code in RULES, triggered at a known file, line and column: the
 * invalid-* fixtures for problems written in the files, temporary roots for
 * problems that cannot be committed (huge files, links, folders named .yaml).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules.js';
import { SCHEMAS } from '../../src/core/schema.js';
import { validateRoot } from '../../src/core/validate.js';
import { FIXTURES, copyRoot } from '../helpers.js';

const TODAY = '2026-11-23';

interface Expected {
  file: string;
  line: number;
  column: number;
  code: string;
  severity?: 'error' | 'warning';
  /** words the message must contain */
  message: string;
}

const P = 'plans/rules-2021-2025/projects';
const Y = 'plans/yaml-2021-2025/projects';

/** What each invalid fixture must produce: exactly these diagnostics, no more. */
const EXPECTED: Record<string, Expected[]> = {
  'invalid-schema': [
    { file: 'meetings.yaml', line: 4, column: 9, code: 'schema-format', message: 'date "2022-8-3" is not a date written YYYY-MM-DD' },
    { file: 'meetings.yaml', line: 5, column: 9, code: 'schema-enum', message: 'host "XX" is not one of BN, KH, ID, LA, MY, MM, PH, SG, TH, VN, TL, CN, JP, KR' },
    { file: 'meetings.yaml', line: 6, column: 7, code: 'schema-format', message: 'id "Som 2" is not a valid id: use lower-case letters, digits and hyphens' },
    { file: 'meetings.yaml', line: 7, column: 9, code: 'schema-empty', message: '"name" is empty' },
    { file: 'meetings.yaml', line: 9, column: 3, code: 'schema-unknown-key', message: 'unknown key "venue"; allowed keys here: id, name, date, end, body, host, note, source, illustrative' },
    { file: 'plans/broken/plan.yaml', line: 3, column: 7, code: 'schema-enum', message: 'body "ACCSM+4" is not one of ACCSM, ACCSM+3 (did you mean "ACCSM+3"?)' },
    { file: 'plans/broken/plan.yaml', line: 4, column: 8, code: 'schema-type', message: '"title" must be a text, but it is a list' },
    { file: 'plans/broken/plan.yaml', line: 6, column: 10, code: 'schema-range', message: 'start 1800 is out of range; use a year from 1900 to 2200' },
    { file: 'plans/broken/plan.yaml', line: 11, column: 5, code: 'schema-required', message: 'missing required key "id": priority area 2 needs "id"' },
    { file: 'plans/broken/projects/B1.yaml', line: 4, column: 17, code: 'schema-empty', message: '"priority_areas" must list at least 1 entry' },
    { file: 'plans/broken/projects/B1.yaml', line: 5, column: 12, code: 'schema-duplicate', message: '"lead" lists "MY" twice (entries 1 and 2)' },
    { file: 'plans/broken/projects/B1.yaml', line: 8, column: 13, code: 'schema-enum', message: 'status "complete" is not one of planned, ongoing, completed, postponed, cancelled' },
    { file: 'plans/broken/projects/B1.yaml', line: 9, column: 15, code: 'schema-type', message: '"illustrative" must be true or false, but it is the text "yes"' },
    { file: 'plans/broken/projects/B2.yaml', line: 2, column: 1, code: 'schema-required', message: 'missing required key "status": a project file needs "status"' },
  ],
  'invalid-rules': [
    { file: 'meetings.yaml', line: 5, column: 7, code: 'id-duplicate', message: 'meeting id "som-1" is used twice' },
    { file: 'meetings.yaml', line: 10, column: 9, code: 'date-invalid', message: 'date 2023-02-29 is not a real calendar date' },
    { file: 'meetings.yaml', line: 14, column: 8, code: 'date-order', message: "end 2022-10-04 is before the meeting's date 2022-10-05" },
    { file: 'plans/misnamed/plan.yaml', line: 2, column: 5, code: 'id-mismatch', message: 'plan id "other-name" does not match its folder name "misnamed"' },
    { file: 'plans/misnamed/plan.yaml', line: 7, column: 8, code: 'period-order', message: 'period starts in 2026, after it ends in 2021' },
    { file: 'plans/rules-2021-2025/plan.yaml', line: 9, column: 9, code: 'id-duplicate', message: 'priority area id "people" is used twice' },
    { file: `${P}/R1.yaml`, line: 2, column: 5, code: 'id-mismatch', message: 'project id "R01" does not match its file name "R1"' },
    { file: `${P}/R1.yaml`, line: 4, column: 26, code: 'area-unknown', message: 'priority area "peple" is not defined in plan rules-2021-2025 (did you mean "people"?); its areas are people' },
    { file: `${P}/R1.yaml`, line: 8, column: 8, code: 'date-invalid', message: 'schedule end 2023-13 has a month that does not exist' },
    { file: `${P}/R1.yaml`, line: 10, column: 11, code: 'date-outside-period', severity: 'warning', message: "status date 2020-12-31 is before the plan's period 2021-2025" },
    { file: `${P}/R1.yaml`, line: 12, column: 14, code: 'meeting-unknown', message: 'meeting "som-9" is not in meetings.yaml (did you mean "som-1"?); known meetings: som-1, som-2, som-3' },
    { file: `${P}/R1.yaml`, line: 13, column: 11, code: 'date-invalid', message: 'status date 2022-02-30 is not a real calendar date' },
    { file: `${P}/R1.yaml`, line: 17, column: 14, code: 'meeting-date', severity: 'warning', message: 'meeting som-1 ended on 2022-08-03, before this status date 2022-09-01' },
    { file: `${P}/R1.yaml`, line: 18, column: 11, code: 'date-order', message: "status date 2022-06-01 is not after the previous entry's date 2022-09-01" },
    { file: `${P}/R1.yaml`, line: 20, column: 11, code: 'date-future', severity: 'warning', message: 'status date 2027-01-01 is in the future (today is 2026-11-23)' },
    { file: `${P}/R1.yaml`, line: 20, column: 11, code: 'date-outside-period', severity: 'warning', message: 'status "planned" dated 2027-01-01, after the plan\'s period 2021-2025 ended; a project of an ended plan is completed, ongoing, postponed or cancelled (or moves to the next plan)' },
    { file: `${P}/R2.yaml`, line: 8, column: 8, code: 'schedule-order', message: 'schedule starts 2024-06, after it ends 2023' },
    { file: `${P}/R2.yml`, line: 2, column: 5, code: 'id-duplicate', message: 'project id "R2" is also used by another file of plan rules-2021-2025 (R2.yaml)' },
  ],
  'invalid-yaml': [
    { file: 'plans/no-plan/plan.yaml', line: 1, column: 1, code: 'plan-missing', message: 'this plan folder has no plan.yaml' },
    { file: 'plans/stray.yaml', line: 1, column: 1, code: 'file-unexpected', severity: 'warning', message: 'plans/ holds one folder per plan; this file is not read' },
    { file: 'plans/yaml-2021-2025/notes.yaml', line: 1, column: 1, code: 'file-unexpected', severity: 'warning', message: 'this file is not read. Project files go in projects/' },
    { file: `${Y}/Y1.yaml`, line: 3, column: 8, code: 'yaml-syntax', message: 'the text in quotes that starts here has no closing quote (")' },
    { file: `${Y}/Y2.yaml`, line: 5, column: 1, code: 'yaml-duplicate-key', message: 'appears twice in the same mapping' },
    { file: `${Y}/Y3.yaml`, line: 2, column: 4, code: 'yaml-alias', message: 'the file uses an anchor (&a); accsm data files do not use anchors and aliases' },
    { file: `${Y}/Y4.yaml`, line: 3, column: 106, code: 'yaml-too-deep', message: 'the file is nested more than 100 levels deep' },
    { file: `${Y}/Y5.yaml`, line: 1, column: 1, code: 'file-empty', message: 'the file is empty; a project file holds a mapping of keys to values' },
    { file: `${Y}/Y6.yaml`, line: 3, column: 8, code: 'file-binary', message: 'the file contains a NUL byte' },
    { file: `${Y}/Y7.yaml`, line: 3, column: 11, code: 'file-encoding', message: 'the file is not UTF-8 text' },
    { file: `${Y}/Y8.yaml`, line: 4, column: 1, code: 'yaml-syntax', message: 'a tab is used for indentation; YAML allows only spaces' },
    { file: `${Y}/Y9.yaml`, line: 2, column: 1, code: 'schema-type', message: 'the file must be a mapping (key: value lines), but it is a list' },
  ],
};

/** Codes that no data file can trigger, and why. */
const UNREACHABLE: Record<string, string> = {
  'schema-invalid': 'fallback for ajv keywords the schemas do not use (checked below)',
};

function check(rootName: string, expected: Expected[], rootDir = join(FIXTURES, rootName)) {
  const result = validateRoot(rootDir, { cwd: rootDir, today: TODAY });
  const got = result.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code, severity: d.severity, message: d.message }));
  expect(got.map(({ message: _m, ...rest }) => rest)).toEqual(
    expected.map((e) => ({ file: e.file, line: e.line, column: e.column, code: e.code, severity: e.severity ?? RULES[e.code]!.severity })),
  );
  got.forEach((d, i) => expect(d.message).toContain(expected[i]!.message));
  return result;
}

describe('invalid fixtures: each problem at its file, line and column', () => {
  for (const [root, expected] of Object.entries(EXPECTED)) {
    it(`${root}: exactly the expected diagnostics`, () => {
      const result = check(root, expected);
      expect(result.errors).toBe(expected.filter((e) => (e.severity ?? RULES[e.code]!.severity) === 'error').length);
      expect(result.valid).toBe(false);
    });
  }

  it('a YAML problem carries the text of its line (for stylish); other problems do not', () => {
    const result = validateRoot(join(FIXTURES, 'invalid-yaml'), { cwd: join(FIXTURES, 'invalid-yaml'), today: TODAY });
    const y1 = result.diagnostics.find((d) => d.file.endsWith('Y1.yaml'))!;
    expect(y1.excerpt).toBe(readFileSync(join(FIXTURES, 'invalid-yaml', y1.file), 'utf8').split('\n')[y1.line - 1]);
    expect(result.diagnostics.filter((d) => !d.code.startsWith('yaml-')).every((d) => d.excerpt === undefined)).toBe(true);
  });

  it('the fixture diagnostics carry the severity RULES gives their code', () => {
    for (const list of Object.values(EXPECTED)) for (const e of list) if (e.severity) expect(RULES[e.code]!.severity).toBe(e.severity);
  });
});

describe('problems made at test time (not committed)', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const root = () => {
    const r = copyRoot(join(FIXTURES, 'valid-minimal'));
    made.push(join(r.dir, '..'));
    return r.dir;
  };
  const projects = 'plans/demo-2021-2025/projects';

  it('file-too-large: a file over 1 MB is refused before it is read', () => {
    const dir = root();
    writeFileSync(join(dir, projects, 'BIG.yaml'), `id: BIG\nnote: ${'x'.repeat(1024 * 1024)}\n`);
    check('', [{ file: `${projects}/BIG.yaml`, line: 1, column: 1, code: 'file-too-large', message: 'the file is 1.0 MB; accsm reads data files of at most 1 MB' }], dir);
  });

  it('file-line-endings: a project file with lone-CR (old Mac) line endings is refused at line 1', () => {
    const dir = root();
    const d4 = join(dir, projects, 'D4.yaml');
    const text = readFileSync(d4, 'utf8');
    writeFileSync(d4, text.replace(/\n/g, '\r'));
    check('', [{ file: `${projects}/D4.yaml`, line: 1, column: text.indexOf('\n') + 1, code: 'file-line-endings', message: 'the file uses old Mac line endings' }], dir);
  });

  it('__proto__ keys in meetings.yaml and plan.yaml are unknown keys, at their lines', () => {
    const dir = root();
    writeFileSync(join(dir, 'meetings.yaml'), '- id: som-1\n  name: x\n  date: 2021-09-14\n  __proto__: {isAdmin: true}\n');
    writeFileSync(join(dir, 'plans/demo-2021-2025/plan.yaml'), 'id: demo-2021-2025\nbody: ACCSM\ntitle: t\nperiod: {start: 2021, end: 2025}\npriority_areas:\n  - {id: people, title: P, __proto__: x}\n  - {id: systems, title: S}\n');
    const got = validateRoot(dir, { cwd: dir, today: TODAY }).diagnostics.filter((d) => !d.file.includes('/projects/'));
    expect(got.map((d) => `${d.file} ${d.line}:${d.column} ${d.code}`)).toEqual(['meetings.yaml 4:3 schema-unknown-key', 'plans/demo-2021-2025/plan.yaml 6:28 schema-unknown-key']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('file-link-outside: a link to a file outside the root is refused', () => {
    const dir = root();
    const outside = mkdtempSync(join(tmpdir(), 'accsm-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'secret.yaml'), 'id: SECRET\n');
    symlinkSync(join(outside, 'secret.yaml'), join(dir, projects, 'L1.yaml'));
    const result = check('', [{ file: `${projects}/L1.yaml`, line: 1, column: 1, code: 'file-link-outside', message: 'this is a symbolic link that points outside the data root' }], dir);
    expect(JSON.stringify(result.diagnostics)).not.toContain('SECRET');
  });

  it('file-link-outside: a linked plans/ folder pointing outside is refused as a whole, its files never listed', () => {
    const dir = root();
    const outside = mkdtempSync(join(tmpdir(), 'accsm-outside-'));
    made.push(outside);
    mkdirSync(join(outside, 'secret-plan', 'projects'), { recursive: true });
    writeFileSync(join(outside, 'secret-plan', 'plan.yaml'), 'id: SECRET\n');
    rmSync(join(dir, 'plans'), { recursive: true });
    symlinkSync(outside, join(dir, 'plans'));
    const result = check('', [{ file: 'plans', line: 1, column: 1, code: 'file-link-outside', message: 'symbolic link that points outside the data root' }], dir);
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/SECRET|secret-plan/);
  });

  it('file-link-broken: a link to nothing', () => {
    const dir = root();
    symlinkSync(join(dir, 'does-not-exist.yaml'), join(dir, projects, 'L2.yaml'));
    check('', [{ file: `${projects}/L2.yaml`, line: 1, column: 1, code: 'file-link-broken', message: 'this is a symbolic link to something that does not exist' }], dir);
  });

  it('a link that stays inside the root is followed (and read: D5 says it is D4)', () => {
    const dir = root();
    symlinkSync(join(dir, projects, 'D4.yaml'), join(dir, projects, 'D5.yaml'));
    check(
      '',
      [
        { file: `${projects}/D5.yaml`, line: 2, column: 5, code: 'id-duplicate', message: 'project id "D4" is also used by another file of plan demo-2021-2025 (D4.yaml)' },
        { file: `${projects}/D5.yaml`, line: 2, column: 5, code: 'id-mismatch', message: 'project id "D4" does not match its file name "D5"' },
      ],
      dir,
    );
  });

  it('file-unreadable: a folder named like a project file', () => {
    const dir = root();
    mkdirSync(join(dir, projects, 'DIR.yaml'));
    check('', [{ file: `${projects}/DIR.yaml`, line: 1, column: 1, code: 'file-unreadable', message: 'this is not a regular file' }], dir);
  });

  it('file-link-hard: a project file that is a hard link (perhaps to a file outside the root) is refused, its text never quoted', () => {
    const dir = root();
    const outside = mkdtempSync(join(tmpdir(), 'accsm-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'secret.yaml'), 'id: SECRET\n');
    linkSync(join(outside, 'secret.yaml'), join(dir, projects, 'H1.yaml'));
    const result = check('', [{ file: `${projects}/H1.yaml`, line: 1, column: 1, code: 'file-link-hard', message: 'this file has 2 hard links' }], dir);
    expect(JSON.stringify(result.diagnostics)).not.toContain('SECRET');
  });

  it('file-link-hard: meetings.yaml with a second hard link is refused too', () => {
    const dir = root();
    linkSync(join(dir, 'meetings.yaml'), join(dir, 'meetings-copy.txt'));
    expect(validateRoot(dir, { cwd: dir, today: TODAY }).diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('meetings.yaml file-link-hard');
  });

  it('schema-too-long: an id of 1,500 characters is refused by the schema, whose message does not quote it', () => {
    const got = at(`${projects}/D4.yaml`, (dir) => writeFileSync(join(dir, projects, 'D4.yaml'), readFileSync(join(dir, projects, 'D4.yaml'), 'utf8').replace(/^id: D4$/m, `id: ${'D'.repeat(1500)}`)));
    expect(got.filter((m) => m.startsWith('schema-'))).toEqual(['schema-too-long id is 1500 characters long; ids are at most 64 characters. Use a short id']);
  });

  /** The diagnostics of one file after `make` changed a fresh root. */
  const at = (file: string, make: (dir: string) => void) => {
    const dir = root();
    make(dir);
    return validateRoot(dir, { cwd: dir, today: TODAY }).diagnostics.filter((d) => d.file === file).map((d) => `${d.code} ${d.message}`);
  };

  it('a meetings.yaml that is a folder is an error, not skipped', () => {
    expect(at('meetings.yaml', (dir) => (rmSync(join(dir, 'meetings.yaml')), mkdirSync(join(dir, 'meetings.yaml'))))).toEqual(['file-unreadable this is not a regular file; a data file must be a plain text file']);
  });

  it('a meetings.yaml that is a named pipe is an error, and is never opened (opening it would hang)', () => {
    const got = at('meetings.yaml', (dir) => (rmSync(join(dir, 'meetings.yaml')), execFileSync('mkfifo', [join(dir, 'meetings.yaml')])));
    expect(got).toEqual(['file-unreadable this is not a regular file; a data file must be a plain text file']);
  });

  it('a meetings.yaml that is a broken link is an error, not skipped', () => {
    expect(at('meetings.yaml', (dir) => (rmSync(join(dir, 'meetings.yaml')), symlinkSync(join(dir, 'gone.yaml'), join(dir, 'meetings.yaml'))))).toEqual([
      'file-link-broken this is a symbolic link to something that does not exist; remove it or replace it with the file itself',
    ]);
  });

  it('a plan.yaml that is a folder is an error, not skipped', () => {
    const plan = 'plans/demo-2021-2025/plan.yaml';
    expect(at(plan, (dir) => (rmSync(join(dir, plan)), mkdirSync(join(dir, plan))))).toEqual(['file-unreadable this is not a regular file; a data file must be a plain text file']);
  });

  it('case twins: P07.yaml beside p07.yaml (one file on Windows and macOS) are diagnosed', () => {
    const got = at(`${projects}/d4.yaml`, (dir) => writeFileSync(join(dir, projects, 'd4.yaml'), readFileSync(join(dir, projects, 'D4.yaml'))));
    expect(got).toEqual(['id-duplicate this file\'s name differs from D4.yaml only in upper and lower case; on Windows and macOS the two are one file and one overwrites the other. Rename or remove one of them']);
  });

  it('a project file with an upper-case extension (P40.YAML) is diagnosed, not ignored', () => {
    const got = at(`${projects}/D4.YAML`, (dir) => renameSync(join(dir, projects, 'D4.yaml'), join(dir, projects, 'D4.YAML')));
    expect(got).toEqual(['file-unexpected project files end in .yaml or .yml in lower case; this file is not read. Rename it to D4.yaml']);
  });

  it('a folder inside projects/ is diagnosed, not ignored', () => {
    const got = at(`${projects}/sub`, (dir) => (mkdirSync(join(dir, projects, 'sub')), writeFileSync(join(dir, projects, 'sub', 'D9.yaml'), 'id: D9\n')));
    expect(got).toEqual(['file-unexpected projects/ holds project files only; the folder sub in it is not read. Move its project files up into projects/']);
  });

  // root reads every folder whatever its permissions, so this case can only be played by another user
  it.skipIf(process.getuid?.() === 0)('an unreadable projects/ folder is an error, not "no problems"', () => {
    const got = at(`${projects}`, (dir) => chmodSync(join(dir, projects), 0o000));
    chmodSync(join(made.at(-1)!, 'data', projects), 0o755);
    expect(got).toEqual(['file-unreadable this folder cannot be read (EACCES), so none of its files were checked; fix its permissions (it needs read and execute permission)']);
  });
});

describe('project ids across plans, and carried_from links', () => {
  it('id-duplicate: the same project id in two plans; carried-from-unknown: a link to a project that is not there', () => {
    const r = copyRoot();
    try {
      const plan = join(r.dir, 'plans', 'accsm-2026-2030', 'projects');
      mkdirSync(plan);
      writeFileSync(join(plan, 'P01.yaml'), 'id: P01\ntitle: Again\npriority_areas: [reform]\nlead: [VN]\nstatus:\n  - {date: 2026-03-01, status: planned}\n');
      writeFileSync(join(plan, 'P40.yaml'), 'id: P40\ntitle: Carried\npriority_areas: [reform]\nlead: [VN]\ncarried_from: {plan: accsm-2021-2025, id: P99}\nstatus:\n  - {date: 2026-03-01, status: planned}\n');
      writeFileSync(join(plan, 'P41.yaml'), 'id: P41\ntitle: Carried\npriority_areas: [reform]\nlead: [VN]\ncarried_from: {plan: accsm-2026-2030, id: P40}\nstatus:\n  - {date: 2026-03-01, status: planned}\n');
      const got = validateRoot(r.dir, { cwd: r.dir, today: TODAY }).diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
      expect(got).toEqual([
        'plans/accsm-2026-2030/projects/P01.yaml 1:5 error id-duplicate project id "P01" is also used by plan accsm-2021-2025 (P01.yaml); project ids are unique across the data root, so give this one its own id (accsm project add picks a free one)',
        'plans/accsm-2026-2030/projects/P40.yaml 5:15 warning carried-from-unknown carried_from names project P99 of plan accsm-2021-2025, which is not in the data root; correct the link or remove it',
        "plans/accsm-2026-2030/projects/P41.yaml 5:22 warning carried-from-unknown carried_from names plan accsm-2026-2030, this project's own plan; it should name the earlier plan the project came from",
      ]);
    } finally {
      r.cleanup();
    }
  });
});

/** The codes of returned status sheets, each triggered in test/cli/sheet.test.ts, */
const SHEET_CODES = [
  'sheet-not-ours', 'sheet-unreadable', 'sheet-layout', 'sheet-plan-unknown', 'sheet-id-unknown', 'sheet-id-duplicate', 'sheet-status-missing',
  'sheet-status-invalid', 'sheet-date-missing', 'sheet-formula', 'sheet-hidden-row', 'sheet-extra-column',
  // and of trackers, each triggered in test/cli/import.test.ts
  'import-value-missing', 'import-country-unknown', 'import-area-unknown', 'import-status-unknown', 'import-id-invalid', 'import-id-duplicate',
];

describe('RULES', () => {
  // file-too-many-problems is triggered in test/core/validate-cap.test.ts, the two yaml- codes in test/core/parse.test.ts
  const triggered = new Set([...Object.values(EXPECTED).flat().map((e) => e.code), 'carried-from-unknown', 'file-too-large', 'file-link-outside', 'file-link-broken', 'file-link-hard', 'file-line-endings', 'file-unreadable', 'schema-too-long', 'file-too-many-problems', 'yaml-complex-key', 'yaml-empty-entry', ...SHEET_CODES]);

  it('every code in RULES is triggered by a test above, or is listed as unreachable with a reason', () => {
    const codes = Object.keys(RULES).sort();
    expect([...new Set([...triggered, ...Object.keys(UNREACHABLE)])].sort()).toEqual(codes);
  });

  it('no code is both triggered and called unreachable', () => {
    for (const code of Object.keys(UNREACHABLE)) expect(triggered.has(code)).toBe(false);
  });

  it('the schemas use only JSON Schema keywords that have their own code (so schema-invalid stays a fallback)', () => {
    const handled = new Set(['type', 'required', 'additionalProperties', 'enum', 'pattern', 'minItems', 'minLength', 'maxLength', 'uniqueItems', 'minimum', 'maximum']);
    const structural = new Set(['$schema', '$id', 'title', 'description', 'properties', 'items']);
    const used = new Set<string>();
    const walk = (s: unknown, inProperties = false): void => {
      if (!s || typeof s !== 'object' || Array.isArray(s)) return;
      for (const [k, v] of Object.entries(s)) {
        if (inProperties) walk(v);
        else {
          used.add(k);
          if (k === 'properties') walk(v, true);
          else if (k === 'items') walk(v);
        }
      }
    };
    for (const schema of Object.values(SCHEMAS)) walk(schema);
    for (const k of used) expect(handled.has(k) || structural.has(k), `keyword ${k}`).toBe(true);
  });

  it('each rule has a severity and a sentence of guidance', () => {
    for (const [code, rule] of Object.entries(RULES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.guidance).toMatch(/^[A-Z"'].{20,}\.$/);
    }
  });
});

describe('rule details', () => {
  it('a status dated today is not in the future; one dated tomorrow is', () => {
    const dir = join(FIXTURES, 'valid-minimal');
    const onTheDay = validateRoot(dir, { cwd: dir, today: '2023-06-20' });
    expect(onTheDay.diagnostics).toEqual([]);
    const before = validateRoot(dir, { cwd: dir, today: '2023-06-19' });
    expect(before.diagnostics.filter((d) => d.code === 'date-future').map((d) => `${d.file}:${d.line}`)).toEqual([
      'plans/demo-2021-2025/projects/D1.yaml:22',
      'plans/demo-2021-2025/projects/D2.yaml:13',
    ]);
  });
});
