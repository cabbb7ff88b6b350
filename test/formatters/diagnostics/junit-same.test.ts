/**
 * junit writes each testcase in one go (junit.ts); the report is the one the
 * format wrote before, kept here as it was, on made-up summaries: files with
 * errors, warnings, both or neither, texts that need escaping, files listed
 * without diagnostics and diagnostics of files not listed.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticLocation, summarize, type Diagnostic, type DiagnosticSummary } from '../../../src/core/diagnostic.js';
import { junit } from '../../../src/formatters/diagnostics/junit.js';
import type { DiagnosticFormatOptions } from '../../../src/formatters/diagnostics/types.js';
import { xmlAttr, xmlText } from '../../../src/formatters/shared/xml.js';
import { below, random } from '../../random.js';

/** The format before: parts joined per testcase, the escapes made for every text. */
function junitBefore(summary: DiagnosticSummary, options: DiagnosticFormatOptions): string {
  const line = (d: Diagnostic) => `${diagnosticLocation(d)} ${d.severity} ${d.code}: ${d.message}`;
  const names = [...new Set([...(options.files ?? []), ...summary.diagnostics.map((d) => d.file)])].sort();
  const cases: string[] = [];
  let failures = 0;
  for (const file of names) {
    const list = summary.diagnostics.filter((d) => d.file === file);
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity === 'warning');
    const inner: string[] = [];
    if (errors.length) {
      failures++;
      const message = errors.length === 1 ? errors[0]!.message : `${errors.length} errors; first: ${errors[0]!.message}`;
      inner.push(`      <failure message="${xmlAttr(message)}" type="${xmlAttr(errors[0]!.code)}">${xmlText(errors.map(line).join('\n'))}</failure>`);
    }
    if (warnings.length) inner.push(`      <system-out>${xmlText(warnings.map(line).join('\n'))}</system-out>`);
    const name = xmlAttr(file);
    const open = `    <testcase classname="accsm.validate" name="${name}" file="${name}" time="0"`;
    cases.push(inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  const time = ((options.seconds ?? 0) >= 0 ? (options.seconds ?? 0) : 0).toFixed(3);
  const counts = `tests="${names.length}" failures="${failures}" errors="0" skipped="0" time="${time}"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="accsm validate" ${counts}>`, `  <testsuite name="accsm validate" ${counts}>`, ...cases, '  </testsuite>', '</testsuites>', ''].join('\n');
}

describe('junit', () => {
  it('writes the report it wrote before, on 400 made-up summaries', () => {
    const next = random(71);
    const pick = <T>(xs: readonly T[]): T => xs[below(next, xs.length)]!;
    const files = ['data/meetings.yaml', 'data/plans/a/plan.yaml', 'data/plans/a/projects/P1.yaml', 'data/plans/a/projects/P&2.yaml', 'data/my plans/"q".yaml', 'data/plans/b/projects/Ä.yaml'];
    const messages = ['the file is empty; a project file holds a mapping of keys to values', 'priority area "x" & <y> is not defined', 'a bell\u0007 and a tab\there', 'line one\nline two', "it's fine"];
    const codes = ['file-empty', 'schema-enum', 'date-future', 'a<b'];
    for (let run = 0; run < 400; run++) {
      const diagnostics: Diagnostic[] = Array.from({ length: below(next, 8) }, () => ({ file: pick(files), line: below(next, 9) + 1, column: below(next, 9) + 1, severity: next() < 0.6 ? 'error' : 'warning', code: pick(codes), message: pick(messages) }));
      const summary = next() < 0.8 ? summarize(diagnostics) : { valid: false, errors: 0, warnings: 0, diagnostics };
      // the files checked: sorted as the CLI gives them (merged with the diagnostics' files), or in another order, or twice
      const some = files.filter(() => next() < 0.5);
      const listed = pick([[...some].sort(), [...some].sort(), some, [...some, ...some].sort()]);
      const options: DiagnosticFormatOptions = { color: false, filesChecked: 0, cwd: '/work', seconds: pick([0, 1.25, -1]), ...(next() < 0.8 ? { files: listed } : {}) };
      expect(junit(summary, options)).toBe(junitBefore(summary, options));
    }
  });

  it('an empty report: the suites and nothing in them', () => {
    const empty = { valid: true, errors: 0, warnings: 0, diagnostics: [] };
    expect(junit(empty, { color: false, filesChecked: 0, cwd: '/work' })).toBe(junitBefore(empty, { color: false, filesChecked: 0, cwd: '/work' }));
  });
});
