/** The imported projects as new files, rendered the way `project add` renders one. */
import { join } from 'node:path';
import type { FileChange } from '../edit/commit.js';
import { schemaHeader } from '../edit/header.js';
import { renderNewFile, usesIndentedLists } from '../edit/new-file.js';
import type { LoadedRoot } from '../load.js';
import type { ImportedProject } from './rows.js';

export function planImportFiles(loaded: LoadedRoot, planId: string, projects: readonly ImportedProject[]): FileChange[] {
  const siblings = loaded.files.filter((f) => f.kind === 'project' && f.planId === planId);
  const planFile = loaded.files.find((f) => f.kind === 'plan' && f.planId === planId);
  const indentSeq = usesIndentedLists(siblings[0]?.text ?? planFile?.text);
  return projects.map((p) => {
    const path = join(loaded.root, 'plans', planId, 'projects', `${p.id}.yaml`);
    const header = schemaHeader('project', path, loaded.root, loaded.files);
    return { path, before: null, after: renderNewFile(p.data, { header, indentSeq }) };
  });
}
