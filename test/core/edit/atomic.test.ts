/** The atomic writer: the target is the old file or the whole new one, and no temporary file stays behind. */
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/edit/atomic.js';
import { tempDir } from '../../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function folder(): string {
  const t = tempDir('accsm-atomic-');
  cleanups.push(t.cleanup);
  writeFileSync(join(t.dir, 'P07.yaml'), 'old text\n');
  return t.dir;
}

const fail = (code: string) => () => {
  throw Object.assign(new Error(`injected ${code}`), { code });
};

describe('writeFileAtomic', () => {
  it('replaces the file and leaves nothing else in the folder', () => {
    const dir = folder();
    writeFileAtomic(join(dir, 'P07.yaml'), 'new text\n');
    expect(readFileSync(join(dir, 'P07.yaml'), 'utf8')).toBe('new text\n');
    expect(readdirSync(dir)).toEqual(['P07.yaml']);
  });

  it('keeps the original and removes the temporary file when it fails between write and rename', () => {
    const dir = folder();
    let temp = '';
    expect(() =>
      writeFileAtomic(join(dir, 'P07.yaml'), 'new text\n', {
        beforeRename: (path) => {
          temp = path;
          // the new content is complete in the temporary file at this point
          expect(readFileSync(path, 'utf8')).toBe('new text\n');
          fail('EIO')();
        },
      }),
    ).toThrow('injected EIO');
    expect(temp).toMatch(/[/\\]\.P07\.yaml\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(readFileSync(join(dir, 'P07.yaml'), 'utf8')).toBe('old text\n');
    expect(readdirSync(dir)).toEqual(['P07.yaml']);
  });

  it('keeps the original when the disk is full, the flush fails or the rename fails', () => {
    for (const fs of [{ writeSync: fail('ENOSPC') }, { fsyncSync: fail('EIO') }, { renameSync: fail('EXDEV') }]) {
      const dir = folder();
      expect(() => writeFileAtomic(join(dir, 'P07.yaml'), 'new text\n', { fs })).toThrow(/injected/);
      expect(readFileSync(join(dir, 'P07.yaml'), 'utf8')).toBe('old text\n');
      expect(readdirSync(dir)).toEqual(['P07.yaml']);
    }
  });

  it('keeps the file mode and writes through a symbolic link, which stays a link', () => {
    const dir = folder();
    chmodSync(join(dir, 'P07.yaml'), 0o640);
    symlinkSync('P07.yaml', join(dir, 'link.yaml'));
    writeFileAtomic(join(dir, 'link.yaml'), 'via link\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'P07.yaml'), 'utf8')).toBe('via link\n');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'P07.yaml')).mode & 0o777).toBe(0o640);
  });

  it('creates a file that did not exist', () => {
    const dir = folder();
    writeFileAtomic(join(dir, 'P08.yaml'), 'x\n');
    expect(readdirSync(dir).sort()).toEqual(['P07.yaml', 'P08.yaml']);
  });
});
