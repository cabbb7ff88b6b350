/** Found in QA: `accsm validate` run from the wrong folder, or given a path outside the data root. */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, EMBEDDED, FIXTURES, tempDir } from '../helpers.js';

const { dir: tmp, cleanup } = tempDir('accsm-qa-validate-');
afterAll(cleanup);
// tmp/repo/data: a data root with an error, in a folder that a desk officer might be in
const repo = join(tmp, 'repo');
const root = join(repo, 'data');
cpSync(join(FIXTURES, 'invalid-rules'), root, { recursive: true });

describe('a path outside the data root', () => {
  it('is named as the user wrote it, and the root relative to the working directory', async () => {
    mkdirSync(join(repo, 'other'), { recursive: true });
    const r = await cli(['validate', 'other'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('accsm: other is not inside the data root data; choose the root with --data\n');
  });

  it('outside the embedded data: says that it is the data shipped with accsm', async () => {
    const r = await cli(['validate', 'plans'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('accsm: plans is not inside the data shipped with accsm (');
    expect(r.stderr).not.toContain(tmp);
  });
});

describe('run inside a data root, without --data', () => {
  it('says that it checks the data shipped with accsm, and how to check this folder', async () => {
    const r = await cli(['validate'], { cwd: root });
    expect(r.stderr).toBe('accsm: checking the data shipped with accsm, not this folder: without --data or $ACCSM_DATA, accsm looks for ./data. To check this folder, run: accsm validate --data .\n');
    // the suggested command finds the error that the plain run did not
    expect((await cli(['validate', '--data', '.'], { cwd: root })).code).toBe(1);
  });

  it('from a folder below the root, names the root', async () => {
    const r = await cli(['validate'], { cwd: join(root, 'plans') });
    expect(r.stderr).toContain('not ..: ');
    expect(r.stderr).toContain('run: accsm validate --data ..\n');
  });

  it('says nothing where the working directory is in no data root, or in the embedded data itself', async () => {
    expect((await cli(['validate'], { cwd: tmp })).stderr).toBe('');
    expect((await cli(['validate'], { cwd: join(EMBEDDED, 'plans') })).stderr).toBe('');
  });
});
