/**
 * The `# yaml-language-server: $schema=…` line of a new file, so that editors
 * offer completion and hover help. It follows the files already in the root.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { SourceFile } from '../load.js';
import type { FileKind } from '../schema.js';
import { slashed } from '../slashed.js';

const HEADER_RE = /^# yaml-language-server: \$schema=(\S+)[ \t]*\r?$/;
const PREFIX = '# yaml-language-server: $schema=';

function headerRef(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return HEADER_RE.exec(text.split('\n', 1)[0] ?? '')?.[1];
}

/**
 * The header for a new file of `kind` at `target`: copied from a file of the
 * same kind in the same folder; else derived from any file's header (the
 * schema of the same folder); else the root's own schemas/ folder (made by
 * accsm init); else the schemas/ folder next to the root (this repository's layout).
 */
export function schemaHeader(kind: FileKind, target: string, root: string, files: readonly SourceFile[]): string {
  const schemaFile = `${kind}.schema.json`;
  const folder = dirname(target);
  for (const f of files) {
    // the place first: a file loaded on demand reads its text when asked
    if (f.kind !== kind || dirname(f.path) !== folder) continue;
    const ref = headerRef(f.text);
    if (ref !== undefined) return PREFIX + ref;
  }
  for (const f of files) {
    const ref = headerRef(f.text);
    if (ref === undefined) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return PREFIX + ref.replace(/[^/]*$/, schemaFile);
    const abs = join(dirname(resolve(dirname(f.path), ref)), schemaFile);
    return PREFIX + slashed(relative(folder, abs));
  }
  const own = join(root, 'schemas', schemaFile);
  if (existsSync(own)) return PREFIX + slashed(relative(folder, own));
  return PREFIX + slashed(relative(folder, join(root, '..', 'schemas', schemaFile)));
}
