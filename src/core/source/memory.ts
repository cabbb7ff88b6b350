/** A data root held in memory, for example read from a git revision: nothing is read from disk and links are never followed. */
import { resolve } from 'node:path';
import { decode, MAX_FILE_BYTES, tooLarge, type ReadResult } from '../read.js';
import { diag } from '../raw.js';
import { classify, planFolderOf } from './layout.js';
import type { DataSource, ListedPath, Listing } from './types.js';

/** One file of a data root held in memory. */
export interface MemoryFile {
  /** path relative to the data root, with forward slashes */
  path: string;
  /** the file's bytes; absent for a symbolic link or a file too large to read */
  bytes?: Uint8Array;
  /** size in bytes, when known without the bytes */
  size?: number;
  /** a symbolic link: never followed */
  symlink?: boolean;
}

const linkProblem = diag('file-unreadable', 'this is a symbolic link; accsm does not follow links when it reads a git revision. Replace it with the file itself');

/** Where a link stands in for a folder the layout reads: plans/<plan> or plans/<plan>/projects. */
const isLayoutFolder = (rel: string) => /^plans\/[^/.][^/]*(?:\/projects)?$/.test(rel);

/** `rootDir` only names the files (absolute paths in results); `fetch` gives the bytes of a file listed without them (a git blob read when asked for). */
export function memorySource(rootDir: string, entries: readonly MemoryFile[], fetch?: (rel: string) => Uint8Array | undefined): DataSource {
  const root = resolve(rootDir);
  const byPath = new Map(entries.map((e) => [e.path, e] as const));
  return {
    root,
    list(): Listing {
      const paths: ListedPath[] = [];
      const planFolders = new Set<string>();
      for (const entry of entries) {
        if (entry.path.split('/').some((s) => s === '' || s.startsWith('.'))) continue;
        const folder = planFolderOf(entry.path);
        if (folder !== undefined) planFolders.add(folder);
        if (entry.symlink) {
          if (classify(entry.path) || isLayoutFolder(entry.path)) paths.push({ rel: entry.path, problem: { ...linkProblem } });
        } else paths.push({ rel: entry.path });
      }
      return { paths, planFolders: [...planFolders].sort() };
    },
    read(rel: string): ReadResult {
      const entry = byPath.get(rel);
      const size = entry?.size ?? entry?.bytes?.length ?? 0;
      if (!entry || entry.symlink || size > MAX_FILE_BYTES) return tooLarge(size);
      const bytes = entry.bytes ?? fetch?.(rel);
      if (!bytes || bytes.length > MAX_FILE_BYTES) return tooLarge(bytes?.length ?? size);
      return decode(bytes);
    },
  };
}
