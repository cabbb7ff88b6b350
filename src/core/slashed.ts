import { sep } from 'node:path';

/** A relative path with "/" between its parts, as messages, diffs and cache keys show it (on POSIX it has them already). */
export function slashed(rel: string): string {
  return sep === '/' ? rel : rel.split(sep).join('/');
}
