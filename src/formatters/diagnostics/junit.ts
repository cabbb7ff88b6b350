/**
 * JUnit XML, for CI systems that show test reports: one testsuite, one
 * testcase per checked file; a file with errors is a failed testcase whose
 * body lists every problem; warnings go to the testcase's system-out. Every
 * testsuite and testcase has a `time` (seconds): the suites the run's, each
 * testcase 0, since accsm checks the files together, not one by one.
 */
import { diagnosticLocation, type Diagnostic } from '../../core/diagnostic.js';
import type { DiagnosticFormatter } from './types.js';
import { xmlAttr, xmlText } from '../shared/xml.js';


function line(d: Diagnostic): string {
  return `${diagnosticLocation(d)} ${d.severity} ${d.code}: ${d.message}`;
}

export const junit: DiagnosticFormatter = (summary, options) => {
  const names = [...new Set([...(options.files ?? []), ...summary.diagnostics.map((d) => d.file)])].sort();
  // grouped in one pass: linear in the number of diagnostics, however many files
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of summary.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const cases: string[] = [];
  let failures = 0;
  for (const file of names) {
    const list = byFile.get(file) ?? [];
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="accsm validate" ${counts}>`,
    `  <testsuite name="accsm validate" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
