/**
 * JUnit XML, for CI systems that show test reports: one testsuite, one
 * testcase per checked file; a file with errors is a failed testcase whose
 * body lists every problem; warnings go to the testcase's system-out. Every
 * testsuite and testcase has a `time` (seconds): the suites the run's, each
 * testcase 0, since accsm checks the files together, not one by one.
 */
import { diagnosticLocation, type Diagnostic } from '../../core/diagnostic.js';
import { groupByFile, type FileGroup } from './by-file.js';
import type { DiagnosticFormatter } from './types.js';
import { xmlAttr, xmlText } from '../shared/xml.js';
// escapes through a table of the texts met before: a report names one file per testcase, but its messages and codes repeat
import { remembered } from '../shared/words.js';


function line(d: Diagnostic): string {
  return `${diagnosticLocation(d)} ${d.severity} ${d.code}: ${d.message}`;
}

/** Whether each name comes after the one before (sorted, none twice). */
function increasing(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (!(names[i - 1]! < names[i]!)) return false;
  return true;
}

/** Two sorted lists of names as one, each name once. */
function mergeNames(files: readonly string[], groups: readonly FileGroup[]): string[] {
  const names: string[] = [];
  let i = 0;
  let j = 0;
  while (i < files.length || j < groups.length) {
    const a = files[i];
    const b = groups[j]?.file;
    if (b === undefined || (a !== undefined && a < b)) {
      names.push(a!);
      i++;
    } else {
      if (a === b) i++;
      names.push(b);
      j++;
    }
  }
  return names;
}

export const junit: DiagnosticFormatter = (summary, options) => {
  // grouped in one pass: linear in the number of diagnostics, however many files
  const { groups, sorted } = groupByFile(summary.diagnostics);
  const files = options.files ?? [];
  // the files checked and the files with diagnostics, each once, by name: merged where both lists are sorted (as the CLI
  // gives them), else through a set
  let names: string[];
  let listOf: (file: string) => Diagnostic[] | undefined;
  if (sorted && increasing(files)) {
    names = mergeNames(files, groups);
    // the groups come in the order of the names: each is met where its file is
    let next = 0;
    listOf = (file) => (next < groups.length && groups[next]!.file === file ? groups[next++]!.list : undefined);
  } else {
    const listed = new Set(files);
    for (const g of groups) listed.add(g.file);
    names = [...listed].sort();
    const byFile = new Map(groups.map((g) => [g.file, g.list]));
    listOf = (file) => byFile.get(file);
  }
  const attr = remembered(xmlAttr);
  // each testcase is one string made in one go: 50,000 of them, each of a few parts joined and kept until the end,
  // were a third of the time of a report on 50,000 empty files (most of it in the garbage collector)
  // the testcases between the head (made last, when the failures are counted) and the end; one join makes the report
  const parts = new Array<string>(names.length + 2);
  let failures = 0;
  for (let i = 0; i < names.length; i++) {
    const file = names[i]!;
    const name = xmlAttr(file);
    const open = `    <testcase classname="accsm.validate" name="${name}" file="${name}" time="0"`;
    const list = listOf(file);
    if (list === undefined) {
      parts[i + 1] = `${open}/>`;
      continue;
    }
    let first: Diagnostic | undefined;
    let errors = 0;
    let errorLines = '';
    let warningLines = '';
    for (const d of list) {
      if (d.severity === 'error') {
        errorLines = errors++ === 0 ? line(d) : `${errorLines}\n${line(d)}`;
        first ??= d;
      } else {
        warningLines = warningLines === '' ? line(d) : `${warningLines}\n${line(d)}`;
      }
    }
    let inner = '';
    if (first !== undefined) {
      failures++;
      const message = errors === 1 ? attr(first.message) : xmlAttr(`${errors} errors; first: ${first.message}`);
      inner = `\n      <failure message="${message}" type="${attr(first.code)}">${xmlText(errorLines)}</failure>`;
    }
    if (warningLines !== '') inner += `\n      <system-out>${xmlText(warningLines)}</system-out>`;
    parts[i + 1] = inner === '' ? `${open}/>` : `${open}>${inner}\n    </testcase>`;
  }
  const time = ((options.seconds ?? 0) >= 0 ? (options.seconds ?? 0) : 0).toFixed(3);
  const counts = `tests="${names.length}" failures="${failures}" errors="0" skipped="0" time="${time}"`;
  parts[0] = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="accsm validate" ${counts}>\n  <testsuite name="accsm validate" ${counts}>`;
  parts[names.length + 1] = '  </testsuite>\n</testsuites>\n';
  // one flat string: text put around a join would be copied again where it is written
  return parts.join('\n');
};
