/**
 * JUnit XML, for CI systems that show test reports: one testsuite, one
 * testcase per checked file; a file with errors is a failed testcase whose
 * body lists every problem; warnings go to the testcase's system-out.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { DiagnosticFormatter } from './types.js';

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlChars(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Escapes element text. */
export function xmlText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); line breaks and tabs are kept as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function line(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;
}

export const junit: DiagnosticFormatter = (summary, options) => {
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
    const open = `    <testcase classname="accsm.validate" name="${xmlAttr(file)}" file="${xmlAttr(file)}"`;
    cases.push(inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  const counts = `tests="${names.length}" failures="${failures}" errors="0" skipped="0"`;
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
