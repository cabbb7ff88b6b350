/**
 * stylish and junit stay linear in the input, counted rather than timed: every
 * read of the summary's diagnostics (the list and each entry) and of the list
 * of checked files goes through a counter. Grouping by file in one pass reads
 * a constant number of properties per diagnostic; a scan of the diagnostics
 * per file (what made 50,000 empty files take 52 s and 59 s) reads N × files.
 */
import { describe, expect, it } from 'vitest';
import { summarize, type Diagnostic, type DiagnosticSummary } from '../../../src/core/diagnostic.js';
import { junit } from '../../../src/formatters/diagnostics/junit.js';
import { stylish } from '../../../src/formatters/diagnostics/stylish.js';
import type { DiagnosticFormatOptions } from '../../../src/formatters/diagnostics/types.js';

/** `target` behind a Proxy that counts every property read in `count.reads`. */
function counted<T extends object>(target: T, count: { reads: number }): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      count.reads++;
      return Reflect.get(t, key, receiver) as unknown;
    },
  });
}

/** The case: N files checked, each empty (one file-empty error), plus N/4 clean files that junit lists too. */
function emptyFiles(n: number, count: { reads: number }): { summary: DiagnosticSummary; options: DiagnosticFormatOptions } {
  const file = (i: number) => `plans/p/projects/E${String(i).padStart(6, '0')}.yaml`;
  const plain: Diagnostic[] = Array.from({ length: n }, (_, i) => ({ file: file(i), line: 1, column: 1, severity: 'error', code: 'file-empty', message: 'the file is empty; a project file holds a mapping of keys to values' }));
  const summary = summarize(plain);
  const files = Array.from({ length: n + n / 4 }, (_, i) => file(i));
  return {
    summary: { ...summary, diagnostics: counted(summary.diagnostics.map((d) => counted(d, count)), count) },
    options: { color: false, filesChecked: files.length, cwd: '/work', files: counted(files, count) },
  };
}

type Formatter = (summary: DiagnosticSummary, options: DiagnosticFormatOptions) => string;

/** Reads of the input for N and for 4N files, and the two outputs. */
function reads(format: Formatter, n: number): { one: number; four: number; out: string } {
  const measure = (size: number) => {
    const count = { reads: 0 };
    const { summary, options } = emptyFiles(size, count);
    const out = format(summary, options);
    return { reads: count.reads, out };
  };
  const one = measure(n);
  const four = measure(4 * n);
  return { one: one.reads, four: four.reads, out: four.out };
}

/** What stylish and junit did before they were made linear: the diagnostics of each file found by a scan of all of them. */
const quadratic: Formatter = (summary, options) =>
  (options.files ?? [])
    .map((f) => `${f}: ${summary.diagnostics.filter((d) => d.file === f).length}`)
    .join('\n');

describe('stylish and junit are linear in the diagnostics and the files (counted reads, 12,500 and 50,000 empty files)', () => {
  const N = 12_500;

  it('stylish: 4× the files means at most 4.2× the reads, a few per diagnostic', () => {
    const { one, four, out } = reads(stylish, N);
    expect(four / one).toBeLessThan(4.2);
    expect(four / (4 * N)).toBeLessThan(30);
    expect(out.split('\n').filter((l) => l.includes('file-empty'))).toHaveLength(4 * N);
    expect(out.trimEnd().split('\n').at(-1)).toBe(`✖ ${4 * N} problems (${4 * N} errors, 0 warnings) in ${5 * N} files checked`);
  });

  it('junit: 4× the files means at most 4.2× the reads, a few per diagnostic', () => {
    const { one, four, out } = reads(junit, N);
    expect(four / one).toBeLessThan(4.2);
    expect(four / (4 * N)).toBeLessThan(30);
    expect(out).toContain(`<testsuite name="accsm validate" tests="${5 * N}" failures="${4 * N}"`);
    expect(out.match(/<testcase /g)).toHaveLength(5 * N);
  });

  it('the count would catch a formatter that scans the diagnostics once per file (so the tests above can fail)', () => {
    const { one, four } = reads(quadratic, 200);
    expect(four / one).toBeGreaterThan(12);
  });
});
