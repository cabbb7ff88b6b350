/**
 * checkLoaded's list of checked files (what junit lists, one testcase each)
 * gives a file with diagnostics the very name its diagnostics carry, and every
 * other file the name displayPath gives it: in the files' order, within the
 * scope, from a working directory above, below or beside the root.
 */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRead } from '../../src/core/load-file.js';
import { displayPath, validateRoot } from '../../src/core/validate.js';
import { FIXTURES } from '../helpers.js';

describe('checkedFiles', () => {
  const root = join(FIXTURES, 'invalid-yaml');
  for (const cwd of [root, dirname(root), join(root, 'plans'), '/']) {
    it(`names each checked file as displayPath does, with its diagnostics' name where it has some (cwd ${cwd === root ? 'the root' : cwd})`, () => {
      for (const only of [undefined, [join(root, 'plans', 'yaml-2021-2025')]]) {
        const result = validateRoot(root, { cwd, today: '2026-01-01', only });
        const scope = (path: string) => !only || path.startsWith(`${only[0]}/`);
        const want = result.loaded.files.filter((f) => f.kind !== 'other' && scope(f.path)).map((f) => displayPath(f.path, cwd));
        expect(result.checkedFiles).toEqual(want);
        // the root has files with problems and files without: both kinds of name are tested
        const withProblems = new Set(result.diagnostics.map((d) => d.file));
        expect(want.some((n) => withProblems.has(n))).toBe(true);
        expect(want.some((n) => !withProblems.has(n))).toBe(true);
      }
    });
  }
});

describe('an empty file', () => {
  it('is told what its kind of file holds', () => {
    const said = (kind: 'meetings' | 'plan' | 'project') => loadRead({ path: `/r/${kind}.yaml`, kind }, { ok: true, text: '' }).diagnostics.map((d) => `${d.code} ${d.message}`);
    // twice each, in turns: the text made for one kind is not given to another
    for (let i = 0; i < 2; i++) {
      expect(said('project')).toEqual(['file-empty the file is empty; a project file holds a mapping of keys to values']);
      expect(said('meetings')).toEqual(['file-empty the file is empty; a meetings file holds a list of meetings']);
      expect(said('plan')).toEqual(['file-empty the file is empty; a plan file holds a mapping of keys to values']);
    }
  });
});
