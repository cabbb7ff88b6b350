/** Found in QA: `accsm validate` run from the wrong folder, or given a path outside the data root. */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
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
    const plan = readdirSync(join(root, 'plans'))[0]!;
    const r = await cli(['validate', plan], { cwd: join(root, 'plans') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`accsm: ${plan} is not inside the data shipped with accsm (`);
    expect(r.stderr).not.toContain(tmp);
  });
});

describe('run inside a data root, without --data', () => {
  it('checks the working directory when it holds plans/', async () => {
    const r = await cli(['validate'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe((await cli(['validate', '--data', '.'], { cwd: root })).stdout);
  });

  it('from a folder below the root, names the root in the one line saying it uses the shipped data', async () => {
    const r = await cli(['validate'], { cwd: join(root, 'plans') });
    expect(r.stderr).toBe('accsm: using the ACCSM data shipped with accsm (no --data, $ACCSM_DATA, accsm.config.yaml, plans/ or ./data/plans here); .. is a data root: give --data .., or add accsm.config.yaml there (accsm init writes one)\n');
    expect((await cli(['validate', '--data', '..'], { cwd: join(root, 'plans') })).code).toBe(1);
  });

  it('says so where the working directory is in no data root, and nothing in the embedded data itself', async () => {
    expect((await cli(['validate'], { cwd: tmp })).stderr).toMatch(/^accsm: using the ACCSM data shipped with accsm .*; give --data DIR, set ACCSM_DATA, or run accsm init\n$/);
    expect((await cli(['validate'], { cwd: EMBEDDED })).stderr).toBe('');
  });
});
