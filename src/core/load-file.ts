/**
 * One data file, from the result of reading it to a SourceFile: parse, the
 * empty-file check and its schema: for every source, for the cache and for
 * an edit's check of the files it changed.
 */
import { diag, type RawDiagnostic } from './raw.js';
import type { ReadResult } from './read.js';
import { parseYaml } from './parse.js';
import { checkSchema, type FileKind } from './schema.js';

export interface SourceFile {
  /** absolute path */
  path: string;
  kind: FileKind | 'other';
  /** the name the file or folder gives the id: plan folder name, project file name without extension */
  expectedId?: string;
  /** for project files, the plan folder name */
  planId?: string;
  text?: string;
  /** parsed data, when the YAML could be read */
  data?: unknown;
  /**
   * What the cross-file rules read of the data (see rules.ts): set instead of
   * keeping the whole data on a file loaded on demand (load.ts), whose text
   * and data are read again only when something asks for them.
   */
  readonly facts?: unknown;
  /** true when the data passed its schema */
  valid: boolean;
  /** what reading, parsing and the schema found (the cross-file rules add theirs in validate) */
  diagnostics: RawDiagnostic[];
}

/** Where a file lies and what the layout says it is. */
export interface FilePlace {
  path: string;
  kind: FileKind;
  planId?: string;
  expectedId?: string;
}

/**
 * What an empty file is told, one text for each kind of file, made once: every
 * empty file's diagnostic holds the same string, not a copy of its own (a root
 * being set up can have thousands; the formats that escape or look up messages
 * then meet one text, not 50,000 equal ones).
 */
const EMPTY_MESSAGES = new Map<FileKind, string>();
function emptyMessage(kind: FileKind): string {
  let message = EMPTY_MESSAGES.get(kind);
  if (message === undefined) {
    const holds = kind === 'meetings' ? 'meetings file holds a list of meetings' : `${kind} file holds a mapping of keys to values`;
    EMPTY_MESSAGES.set(kind, (message = `the file is empty; a ${holds}`));
  }
  return message;
}

/** Parses and schema-checks one file that has been read. */
export function loadRead(place: FilePlace, read: ReadResult): SourceFile {
  const { path, kind } = place;
  const base: SourceFile = { path, kind, valid: false, diagnostics: [] };
  if (place.expectedId !== undefined) base.expectedId = place.expectedId;
  if (place.planId !== undefined) base.planId = place.planId;
  if (!read.ok) {
    base.diagnostics = [read.diagnostic];
    return base;
  }
  base.text = read.text;
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    base.diagnostics = parsed.diagnostics;
    return base;
  }
  if (parsed.data === null || parsed.data === undefined) {
    base.diagnostics = [diag('file-empty', emptyMessage(kind))];
    return base;
  }
  base.data = parsed.data;
  base.diagnostics = checkSchema(kind, parsed.data);
  base.valid = base.diagnostics.length === 0;
  return base;
}
