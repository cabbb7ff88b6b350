/** groupByFile: runs of a sorted list, a Map for any other order; the same groups, in the order the files first appear. */
import { describe, expect, it } from 'vitest';
import { summarize, type Diagnostic } from '../../../src/core/diagnostic.js';
import { groupByFile } from '../../../src/formatters/diagnostics/by-file.js';
import { below, random } from '../../random.js';

/** The grouping the formats made before: a Map from file to its diagnostics. */
function throughMap(list: readonly Diagnostic[]): { file: string; list: Diagnostic[] }[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of list) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return [...byFile].map(([file, l]) => ({ file, list: l }));
}

describe('groupByFile', () => {
  it('gives the groups a Map gives, sorted summaries and lists in any order, 500 made-up lists', () => {
    const next = random(5);
    const files = ['a.yaml', 'b.yaml', 'B.yaml', 'plans/x/plan.yaml', 'plans/x/projects/P1.yaml', 'plans/x/projects/P10.yaml', 'plans/x/projects/P2.yaml', 'é.yaml'];
    let sortedSeen = 0;
    for (let run = 0; run < 500; run++) {
      const list: Diagnostic[] = Array.from({ length: below(next, 10) }, (_, i) => ({ file: files[below(next, files.length)]!, line: i + 1, column: 1, severity: 'error', code: 'c', message: `m${i}` }));
      const input = next() < 0.5 ? summarize(list).diagnostics : list;
      const got = groupByFile(input);
      expect(got.groups).toEqual(throughMap(input));
      // sorted says that the files come in order of their names
      const names = got.groups.map((g) => g.file);
      if (got.sorted) {
        sortedSeen++;
        expect(names).toEqual([...names].sort());
      }
    }
    expect(sortedSeen).toBeGreaterThan(250);
  });

  it('a file that comes back after another is one group, and the list is not sorted', () => {
    const d = (file: string, line: number): Diagnostic => ({ file, line, column: 1, severity: 'error', code: 'c', message: 'm' });
    const got = groupByFile([d('a', 1), d('b', 1), d('a', 2)]);
    expect(got.sorted).toBe(false);
    expect(got.groups.map((g) => `${g.file}:${g.list.map((x) => x.line).join(',')}`)).toEqual(['a:1,2', 'b:1']);
    expect(groupByFile([d('b', 1), d('a', 1)]).sorted).toBe(false);
    expect(groupByFile([d('a', 1), d('a', 2), d('b', 1)])).toEqual({ sorted: true, groups: [{ file: 'a', list: [d('a', 1), d('a', 2)] }, { file: 'b', list: [d('b', 1)] }] });
  });
});
