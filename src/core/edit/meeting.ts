/** accsm meeting add: a new meeting at the end of meetings.yaml (made when absent). */
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { LoadedRoot } from '../load.js';
import { displayPath } from '../validate.js';
import { appendToList } from './append.js';
import type { FileChange } from './commit.js';
import { readForEdit } from './find.js';
import { schemaHeader } from './header.js';
import { renderNewFile } from './new-file.js';
import { eolOf, splitBom, withEol } from './text.js';

export const MEETING_KEYS = ['id', 'name', 'date', 'end', 'body', 'host', 'note', 'source', 'illustrative'] as const;

export interface MeetingAddArgs {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
  end?: string;
  body?: string;
  host?: string;
  note?: string;
  source?: string;
}

export function planMeetingAdd(loaded: LoadedRoot, args: MeetingAddArgs, cwd: string): { change: FileChange; done: string } {
  const entry: Record<string, string> = {};
  for (const k of MEETING_KEYS) {
    const v = (args as unknown as Record<string, string | undefined>)[k];
    if (v !== undefined) entry[k] = v;
  }
  const done = (path: string) => `added meeting ${args.id} (${args.date}) to ${displayPath(path, cwd)}`;
  const file = loaded.files.find((f) => f.kind === 'meetings');
  if (!file) {
    const path = join(loaded.root, 'meetings.yaml');
    const after = renderNewFile([entry], { header: schemaHeader('meetings', path, loaded.root, loaded.files), indentSeq: true });
    return { change: { path, before: null, after }, done: done(path) };
  }
  const name = displayPath(file.path, cwd);
  const before = readForEdit(file, cwd);
  const { bom, body } = splitBom(before);
  const doc = parseDocument(body);
  if (doc.errors.length === 0 && doc.contents === null) {
    // a file of comments only: the list goes after them
    const list = renderNewFile([entry], { header: '', indentSeq: true });
    const after = bom + body + withEol(`${body === '' || body.endsWith('\n') ? '' : '\n'}${list}`, eolOf(body));
    return { change: { path: file.path, before, after }, done: done(file.path) };
  }
  const after = appendToList(before, [], entry, { keyOrder: MEETING_KEYS, fileName: name });
  return { change: { path: file.path, before, after }, done: done(file.path) };
}
