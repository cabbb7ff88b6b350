/**
 * Writing a file so that it is either the old file or the whole new one, never
 * half of it: write a temporary file in the same folder, flush it to disk,
 * then rename it over the target. On any failure the temporary file is
 * removed and the target is left as it was.
 */
import * as nodeFs from 'node:fs';
import { nodeCrypto } from '../builtins.js';
import { basename, dirname, join } from 'node:path';

/** The file-system calls the writer uses; tests replace some to inject failures. */
export interface AtomicFs {
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  fchmodSync: typeof nodeFs.fchmodSync;
  closeSync: typeof nodeFs.closeSync;
  renameSync: typeof nodeFs.renameSync;
  linkSync: typeof nodeFs.linkSync;
  unlinkSync: typeof nodeFs.unlinkSync;
}

export interface AtomicOptions {
  fs?: Partial<AtomicFs>;
  /** called after the temporary file is written and flushed, before the rename (tests throw here) */
  beforeRename?: (tempPath: string) => void;
  /**
   * the file must not exist: it is linked into place (link() fails when the
   * name is taken), so a second writer fails with EEXIST instead of overwriting
   */
  create?: boolean;
}

export type FileWriter = (path: string, text: string) => void;

/** `.<name>.<pid>.<random>.tmp` next to the target; the loader skips names starting with a dot. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** For a name made by tempPathFor: the target's name and the id of the process that made it. */
export function parseTempName(name: string): { target: string; pid: number } | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? { target: m[1]!, pid: Number(m[2]) } : undefined;
}

/** The file a path names: a symbolic link is followed, so the link stays a link. */
export function realTarget(path: string): string {
  try {
    return nodeFs.realpathSync(path);
  } catch {
    return path;
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicOptions = {}): void {
  const fs: AtomicFs = {
    openSync: nodeFs.openSync,
    writeSync: (fd, data, offset, length) => nodeFs.writeSync(fd, data, offset, length),
    fsyncSync: nodeFs.fsyncSync,
    fchmodSync: nodeFs.fchmodSync,
    closeSync: nodeFs.closeSync,
    renameSync: nodeFs.renameSync,
    linkSync: nodeFs.linkSync,
    unlinkSync: nodeFs.unlinkSync,
    ...options.fs,
  };
  const target = realTarget(path);
  let mode: number | undefined;
  try {
    mode = nodeFs.statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const temp = tempPathFor(target);
  const fd = fs.openSync(temp, 'wx', 0o666);
  try {
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    options.beforeRename?.(temp);
    if (options.create) linkIntoPlace(fs, temp, target, content);
    else fs.renameSync(temp, target);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
  syncFolder(dirname(target));
}

/** Links a finished temporary file to a name that must be new, then removes the temporary name. */
function linkIntoPlace(fs: AtomicFs, temp: string, target: string, content: string | Uint8Array): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // file systems without hard links (FAT, some network shares): an exclusive create instead
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    nodeFs.writeFileSync(target, content, { flag: 'wx' });
  }
  fs.unlinkSync(temp);
}

/** Flushes the folder entry of the rename, where the platform allows it. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(dir, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // not supported on every platform (Windows); the rename has happened
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}
