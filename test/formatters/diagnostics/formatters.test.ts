/** The validate formats on hand-built summaries: exact text. */
import { describe, expect, it } from 'vitest';
import { summarize, type Diagnostic } from '../../../src/core/diagnostic.js';
import { escapeData, escapeProperty, github } from '../../../src/formatters/diagnostics/github.js';
import { json } from '../../../src/formatters/diagnostics/json.js';
import { stylish } from '../../../src/formatters/diagnostics/stylish.js';

const d = (file: string, line: number, column: number, severity: Diagnostic['severity'], code: string, message: string): Diagnostic => ({ file, line, column, severity, code, message });

const list = [
  d('plans/p/projects/B.yaml', 1, 1, 'error', 'yaml-syntax', 'the YAML is not well-formed'),
  d('meetings.yaml', 10, 11, 'warning', 'date-future', 'date 2030-01-01 is in the future'),
  d('meetings.yaml', 2, 5, 'error', 'schema-enum', 'host "XX" is not one of BN, KH'),
];
const summary = summarize(list);
const options = { color: false, filesChecked: 4, cwd: '/work' };
const ESC = '\u001b[';

describe('summarize', () => {
  it('sorts by file, line and column, counts errors and warnings', () => {
    expect(summary.diagnostics.map((x) => `${x.file}:${x.line}`)).toEqual(['meetings.yaml:2', 'meetings.yaml:10', 'plans/p/projects/B.yaml:1']);
    expect([summary.valid, summary.errors, summary.warnings]).toEqual([false, 2, 1]);
    expect(summarize([list[1]!]).valid).toBe(true);
  });
  it('drops exact duplicates only', () => {
    expect(summarize([list[0]!, { ...list[0]! }, { ...list[0]!, message: 'other' }]).diagnostics).toHaveLength(2);
  });
});

describe('stylish', () => {
  it('groups by file, aligns positions, ends with a summary line', () => {
    expect(stylish(summary, options)).toBe(
      [
        'meetings.yaml',
        '  2:5    error    host "XX" is not one of BN, KH  schema-enum',
        '  10:11  warning  date 2030-01-01 is in the future  date-future',
        '',
        'plans/p/projects/B.yaml',
        '  1:1  error    the YAML is not well-formed  yaml-syntax',
        '',
        '✖ 3 problems (2 errors, 1 warning) in 4 files checked',
        '',
      ].join('\n'),
    );
  });

  it('no problems: one line; warnings only: a warning sign; singular words for one', () => {
    expect(stylish(summarize([]), { ...options, filesChecked: 1 })).toBe('✔ 1 file checked: no problems\n');
    expect(stylish(summarize([list[1]!]), options).split('\n').at(-2)).toBe('⚠ 1 problem (0 errors, 1 warning) in 4 files checked');
  });

  it('no escape codes without color; red errors, yellow warnings, underlined files with color', () => {
    expect(stylish(summary, options)).not.toContain(ESC);
    const colored = stylish(summary, { ...options, color: true });
    expect(colored).toContain(`${ESC}4mmeetings.yaml${ESC}24m`);
    expect(colored).toContain(`${ESC}31merror  ${ESC}39m`);
    expect(colored).toContain(`${ESC}33mwarning${ESC}39m`);
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(stylish(summary, options));
    expect(stylish(summarize([]), { ...options, color: true })).toContain(`${ESC}32m✔`);
  });

  it('a YAML syntax error shows its line, and a caret under the column', () => {
    const missing = { ...d('plans/p/projects/P12.yaml', 4, 3, 'error', 'yaml-syntax', 'this line is in a list but has no dash; start it with "- " like the entries above it'), excerpt: '  KH' };
    expect(stylish(summarize([missing]), options)).toBe(
      [
        'plans/p/projects/P12.yaml',
        '  4:3  error    this line is in a list but has no dash; start it with "- " like the entries above it  yaml-syntax',
        '         KH',
        '         ^',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 4 files checked',
        '',
      ].join('\n'),
    );
  });

  it('the line is shown inert (control characters escaped, the caret still under the column) and cut around the column when long', () => {
    const hostile = { ...d('B.yaml', 2, 12, 'error', 'yaml-syntax', 'm'), excerpt: '\u001b]0;PWNED\u0007\tx: [' };
    const [, , line, caret] = stylish(summarize([hostile]), options).split('\n');
    expect(line).toBe('        \\x1b]0;PWNED\\x07\\tx: [');
    expect(caret).toBe(`        ${' '.repeat('\\x1b]0;PWNED\\x07\\t'.length)}^`);
    expect(stylish(summarize([hostile]), { ...options, color: true })).not.toMatch(/\u001b\]|\u0007/);
    const long = { ...d('B.yaml', 1, 151, 'error', 'yaml-syntax', 'm'), excerpt: `${'a'.repeat(150)}:${'b'.repeat(150)}` };
    const [, , cut, under] = stylish(summarize([long]), options).split('\n');
    expect(cut).toBe(`         …${'a'.repeat(50)}:${'b'.repeat(49)}…`);
    expect(under).toBe(`         ${' '.repeat(51)}^`);
  });
});

describe('json', () => {
  it('{valid, errors, warnings, diagnostics[{file, line, column, severity, code, message}]}', () => {
    const parsed = JSON.parse(json(summary, options)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['valid', 'errors', 'warnings', 'diagnostics']);
    expect(parsed).toEqual({
      valid: false,
      errors: 2,
      warnings: 1,
      diagnostics: [
        { file: 'meetings.yaml', line: 2, column: 5, severity: 'error', code: 'schema-enum', message: 'host "XX" is not one of BN, KH' },
        { file: 'meetings.yaml', line: 10, column: 11, severity: 'warning', code: 'date-future', message: 'date 2030-01-01 is in the future' },
        { file: 'plans/p/projects/B.yaml', line: 1, column: 1, severity: 'error', code: 'yaml-syntax', message: 'the YAML is not well-formed' },
      ],
    });
    expect(Object.keys((parsed.diagnostics as object[])[0]!)).toEqual(['file', 'line', 'column', 'severity', 'code', 'message']);
  });

  it('no problems, and never color', () => {
    expect(JSON.parse(json(summarize([]), { ...options, color: true }))).toEqual({ valid: true, errors: 0, warnings: 0, diagnostics: [] });
    expect(json(summary, { ...options, color: true })).not.toContain(ESC);
  });
});

describe('github', () => {
  it('one workflow command per diagnostic: ::error or ::warning with file, line, col, title', () => {
    expect(github(summary, options)).toBe(
      [
        '::error file=meetings.yaml,line=2,col=5,title=accsm schema-enum::host "XX" is not one of BN, KH',
        '::warning file=meetings.yaml,line=10,col=11,title=accsm date-future::date 2030-01-01 is in the future',
        '::error file=plans/p/projects/B.yaml,line=1,col=1,title=accsm yaml-syntax::the YAML is not well-formed',
        '',
      ].join('\n'),
    );
    expect(github(summarize([]), options)).toBe('');
  });

  it('escapes %, CR and LF in the message; also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\data,new%\nx')).toBe('C%3A\\data%2Cnew%25%0Ax');
    // % first, so an escape is never escaped twice
    expect(escapeData('%0A')).toBe('%250A');
    const tricky = summarize([d('odd: name, 50%.yaml', 3, 4, 'error', 'yaml-syntax', 'line one\nline two: 5% of a, b\r')]);
    expect(github(tricky, options)).toBe('::error file=odd%3A name%2C 50%25.yaml,line=3,col=4,title=accsm yaml-syntax::line one%0Aline two: 5%25 of a, b%0D\n');
    // every command stays on one line
    expect(github(tricky, options).trimEnd().split('\n')).toHaveLength(1);
  });
});
