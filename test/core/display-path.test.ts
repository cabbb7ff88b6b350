/**
 * displayPath names a file relative to the working directory. Below it, it
 * cuts the prefix; elsewhere (`--data ../data`) it works out each folder's
 * relative path once. Either way the name must be path.relative's, with
 * "/" between the parts.
 */
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/core/validate.js';
import { below, random } from '../random.js';

const reference = (path: string, cwd: string) => {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
};

describe('displayPath', () => {
  it('names a file outside the working directory as path.relative does', () => {
    expect(displayPath('/srv/data/plans/p/projects/P1.yaml', '/home/me/work')).toBe('../../../srv/data/plans/p/projects/P1.yaml');
    expect(displayPath('/home/me/data/plan.yaml', '/home/me/work')).toBe('../data/plan.yaml');
    // the working directory itself, and folders above it: only path.relative knows
    expect(displayPath('/home/me/work', '/home/me/work')).toBe('.');
    expect(displayPath('/home/me', '/home/me/work')).toBe('..');
    expect(displayPath('/home', '/home/me/work')).toBe('../..');
    expect(displayPath('/home/me/work/../data/./x.yaml', '/home/me/work')).toBe('../data/x.yaml');
  });

  it('gives the same names as path.relative for 5,000 made-up paths, in runs from one folder as a root gives them', () => {
    const next = random(17);
    const parts = ['home', 'me', 'work', 'data', 'plans', 'p', '.', '..', '', 'projects', 'a b'];
    const made = (n: number) => `/${Array.from({ length: n }, () => parts[below(next, parts.length)]).join('/')}`;
    const cwds = ['/', '/home', '/home/me/work', '/home/me/work/', '/home/me/work/data', '/srv', '/home/me/../me/work'];
    let checked = 0;
    for (let i = 0; i < 1_000; i++) {
      const cwd = cwds[below(next, cwds.length)]!;
      const dir = made(1 + below(next, 5));
      // several files of one folder in a row, then an odd name or a path of its own
      for (let k = 0; k < 5; k++) {
        const path = k === 4 ? made(1 + below(next, 6)) : `${dir}/${parts[below(next, parts.length)]}${k}`;
        expect(displayPath(path, cwd), `${path} from ${cwd}`).toBe(reference(path, cwd));
        checked++;
      }
    }
    expect(checked).toBe(5_000);
  });
});
