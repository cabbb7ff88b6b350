/** The unified diff that --dry-run prints, checked by hand and against diff(1). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/core/edit/diff.js';
import { tempDir } from '../../helpers.js';

const t = tempDir('accsm-diff-');
afterAll(t.cleanup);

describe('unifiedDiff', () => {
  it('shows an insertion with three lines of context on each side', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const after = 'a\nb\nc\nd\nX\nY\ne\nf\ng\n';
    expect(unifiedDiff(before, after, 'f.yaml')).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -2,6 +2,8 @@\n b\n c\n d\n+X\n+Y\n e\n f\n g\n');
  });

  it('marks a last line without a line break', () => {
    const before = 'a\nb';
    const after = 'a\nb\nc';
    expect(unifiedDiff(before, after, 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n');
  });

  it('shows a new file against /dev/null, and nothing for no change', () => {
    expect(unifiedDiff(null, 'x\ny\n', 'new.yaml')).toBe('--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1,2 @@\n+x\n+y\n');
    expect(unifiedDiff('same\n', 'same\n', 'f')).toBe('');
  });

  const hasDiff = spawnSync('diff', ['--version']).status === 0;
  it.skipIf(!hasDiff)('gives the same hunks as diff -u for single changes', () => {
    const cases: [string, string][] = [
      ['1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n', '1\n2\n3\n4\n5\n5a\n5b\n6\n7\n8\n9\n10\n'],
      ['1\n2\n', '1\n2\n3\n'],
      ['1\n2\n3\n', '0\n1\n2\n3\n'],
      ['a\nb\nc', 'a\nb\nc\nd'],
      ['x: [1]\ny: 2\n', 'x: [1, 2]\ny: 2\n'],
    ];
    for (const [i, [before, after]] of cases.entries()) {
      const a = join(t.dir, `a${i}`);
      const b = join(t.dir, `b${i}`);
      writeFileSync(a, before);
      writeFileSync(b, after);
      const r = spawnSync('diff', ['-u', a, b], { encoding: 'utf8' });
      const hunks = (s: string) => s.split('\n').slice(2).join('\n');
      expect(hunks(unifiedDiff(before, after, 'x'))).toBe(hunks(r.stdout));
    }
  });
});
