/** The diagnostics of a summary grouped by file, for the formats that list them file by file. */
import type { Diagnostic } from '../../core/diagnostic.js';

export interface FileGroup {
  file: string;
  list: Diagnostic[];
}

/**
 * Each file's diagnostics, the files in the order they first appear, and
 * whether that order is sorted by name (each name after the one before). A
 * summary is sorted by file (summarize), so a file's diagnostics are one run,
 * found by comparing each with the one before: 50,000 names are not put in a
 * table (hashing them was a tenth of a JUnit report on 50,000 empty files). A
 * list in another order is grouped through a Map, in one pass too.
 */
export function groupByFile(diagnostics: readonly Diagnostic[]): { groups: FileGroup[]; sorted: boolean } {
  const groups: FileGroup[] = [];
  let last: FileGroup | undefined;
  for (const d of diagnostics) {
    if (last !== undefined && d.file === last.file) last.list.push(d);
    else if (last === undefined || last.file < d.file) groups.push((last = { file: d.file, list: [d] }));
    else return { groups: groupThroughMap(diagnostics), sorted: false };
  }
  return { groups, sorted: true };
}

function groupThroughMap(diagnostics: readonly Diagnostic[]): FileGroup[] {
  const byFile = new Map<string, FileGroup>();
  for (const d of diagnostics) {
    const group = byFile.get(d.file);
    if (group) group.list.push(d);
    else byFile.set(d.file, { file: d.file, list: [d] });
  }
  return [...byFile.values()];
}
